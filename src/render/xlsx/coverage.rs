//! The coverage sheet: coverage per board and per start year, two tables
//! one above the other, each with a native bar chart beside it, which is
//! what a board follows the clause up with; below them, each register's
//! total.

use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

use super::table::{self, col, row, Formats, Value};
use crate::model::lang::Lang;
use crate::render::words::word;
use crate::report::Coverage;

const COLUMNS: [&str; 8] = [
    "col_path",
    "col_key",
    "col_compliant",
    "col_non_compliant",
    "col_needs_review",
    "col_not_applicable",
    "col_applicable",
    "col_coverage",
];

/// Where the share stands, and the chart beside the tables.
const SHARE: usize = 7;
const CHART_AT: u16 = 9;

#[allow(clippy::cast_precision_loss)]
fn line(path: &str, c: &Coverage) -> Vec<Value> {
    let n = |v: usize| Value::Number(v as f64);
    vec![
        Value::text(path),
        Value::text(&c.key),
        n(c.compliant),
        n(c.non_compliant),
        n(c.needs_review),
        n(c.not_applicable),
        n(c.applicable),
        c.coverage.map_or(Value::Empty, Value::Percent),
    ]
}

fn header(lang: Lang, key: &str) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .map(|k| word(lang, if *k == "col_key" { key } else { k }))
        .collect()
}

type Registers = [(String, Vec<Coverage>, Vec<Coverage>, Coverage)];

/// Writes both tables and their charts. `name` is the sheet's own name,
/// which the charts' ranges refer to.
///
/// # Errors
/// Those of the writer.
pub fn sheet(
    sheet: &mut Worksheet,
    name: &str,
    f: &Formats,
    lang: Lang,
    registers: &Registers,
) -> Result<(), XlsxError> {
    let boards = registers
        .iter()
        .flat_map(|(p, b, _, _)| b.iter().map(move |c| line(p, c)));
    let last = table::write(sheet, f, &header(lang, "col_board"), boards, 2)?;
    let chart = bar(name, word(lang, "coverage_by_board"), 1, last);
    sheet.insert_chart(0, CHART_AT, &chart)?;
    let top = last + 2;
    let years = registers
        .iter()
        .flat_map(|(p, _, y, _)| y.iter().map(move |c| line(p, c)));
    let bottom = below(sheet, f, top, &header(lang, "group_year"), years)?;
    let chart = bar(name, word(lang, "coverage_by_year"), top + 1, bottom);
    sheet.insert_chart(top, CHART_AT, &chart)?;
    // Each register's total, the figure a board reports, under the groups.
    let totals = registers.iter().map(|(p, _, _, t)| {
        let mut values = line(p, t);
        values[1] = Value::text(word(lang, "coverage_whole"));
        values
    });
    below(sheet, f, bottom + 2, &header(lang, "group_total"), totals)?;
    sheet.autofit();
    Ok(())
}

/// A table with its header at row `top`, below the sheet's first (which
/// holds the filter); returns its last row.
fn below(
    sheet: &mut Worksheet,
    f: &Formats,
    top: u32,
    header: &[&str],
    lines: impl Iterator<Item = Vec<Value>>,
) -> Result<u32, XlsxError> {
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(top, col(c), *h, &f.header)?;
    }
    let mut bottom = top;
    for (i, values) in lines.enumerate() {
        bottom = top + row(i + 1);
        for (c, v) in values.iter().enumerate() {
            table::cell(sheet, f, (bottom, col(c)), v)?;
        }
    }
    Ok(bottom)
}

/// A column chart of the shares in rows `first..=last`, named by column B.
fn bar(sheet: &str, title: &str, first: u32, last: u32) -> Chart {
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name(title)
        .set_categories((sheet, first, 1, last.max(first), 1))
        .set_values((sheet, first, col(SHARE), last.max(first), col(SHARE)));
    chart.title().set_name(title);
    chart
        .y_axis()
        .set_num_format("0%")
        .set_min(0.0)
        .set_max(1.0);
    chart.legend().set_hidden();
    chart
}
