//! One sheet of the workbook as a table that can be filed as it is: typed
//! cells (identifiers as text, numbers with number formats, dates as dates),
//! a frozen header row, an autofilter, fitted and capped column widths,
//! wrapped long text, and a print setup (landscape, fit to width, the header
//! row repeated, the report's title above and page numbers below). All of
//! it is `rust_xlsxwriter`'s own; nothing is hand-rolled.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Worksheet, XlsxError};

use crate::render::escape::terminal;

/// A cell's value, typed so Excel can sort and sum it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Written as text, whatever it looks like: "7.10", "0012", an
    /// organisation number or a CPV code stay as they are.
    Text(String),
    /// A count or a line number.
    Number(f64),
    /// A share between 0 and 1, shown as a percentage.
    Percent(f64),
    /// An amount in kronor, with thousands separators.
    Sek(f64),
    /// An ISO 8601 date ("2024-03-01"), written as an Excel date.
    Date(String),
    Empty,
}

impl Value {
    /// Text, or an empty cell for an empty string.
    pub fn text(s: impl Into<String>) -> Self {
        let s = s.into();
        if s.is_empty() {
            Self::Empty
        } else {
            Self::Text(s)
        }
    }

    pub fn maybe(s: Option<&str>) -> Self {
        s.map_or(Self::Empty, Self::text)
    }
}

/// Text longer than this many characters wraps in its cell.
const WRAP_AT: usize = 40;
/// The widest a column is fitted to, in pixels.
const MAX_WIDTH: u32 = 360;
/// The most a cell holds (Excel's own limit).
const CELL_MAX: usize = 32_767;

/// The formats every sheet shares.
pub struct Formats {
    pub header: Format,
    wrap: Format,
    percent: Format,
    sek: Format,
    date: Format,
    /// The report's title, for the running header of printed pages.
    title: String,
    /// "Sida &P av &N", for the footer.
    page_of: String,
}

impl Formats {
    #[must_use]
    pub fn new(title: &str, page_of: &str) -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            percent: Format::new().set_num_format("0.0%"),
            sek: Format::new().set_num_format("#,##0"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            // `&` starts a code in a header or footer.
            title: title.replace('&', "&&"),
            page_of: page_of.to_owned(),
        }
    }
}

/// Writes one cell.
pub fn cell(
    sheet: &mut Worksheet,
    f: &Formats,
    at: (u32, u16),
    value: &Value,
) -> Result<(), XlsxError> {
    let (r, c) = at;
    match value {
        Value::Text(s) => {
            let shown = terminal(s);
            let shown: String = shown.chars().take(CELL_MAX).collect();
            if shown.chars().count() > WRAP_AT {
                sheet.write_string_with_format(r, c, shown, &f.wrap)?;
            } else {
                sheet.write_string(r, c, shown)?;
            }
        }
        Value::Number(n) => {
            sheet.write_number(r, c, *n)?;
        }
        Value::Percent(n) => {
            sheet.write_number_with_format(r, c, *n, &f.percent)?;
        }
        Value::Sek(n) => {
            sheet.write_number_with_format(r, c, *n, &f.sek)?;
        }
        Value::Date(d) => match ExcelDateTime::parse_from_str(d) {
            Ok(date) => {
                sheet.write_datetime_with_format(r, c, &date, &f.date)?;
            }
            Err(_) => {
                sheet.write_string(r, c, terminal(d))?;
            }
        },
        Value::Empty => {}
    }
    Ok(())
}

/// Writes a header row and the lines below it, then sets the sheet up for
/// filtering and printing. `frozen` columns stay in view when scrolling
/// sideways. Returns the number of lines written.
///
/// # Errors
/// Those of the writer.
pub fn write(
    sheet: &mut Worksheet,
    f: &Formats,
    header: &[&str],
    lines: impl Iterator<Item = Vec<Value>>,
    frozen: u16,
) -> Result<u32, XlsxError> {
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), *h, &f.header)?;
    }
    let mut written = 0;
    for (r, line) in lines.enumerate() {
        written = row(r + 1);
        for (c, value) in line.iter().enumerate() {
            cell(sheet, f, (written, col(c)), value)?;
        }
    }
    let last_col = col(header.len().saturating_sub(1));
    sheet.autofilter(0, 0, written, last_col)?;
    sheet.set_freeze_panes(1, frozen)?;
    sheet.set_autofit_max_width(MAX_WIDTH);
    sheet.autofit();
    print_setup(sheet, f)?;
    Ok(written)
}

/// Landscape, one page wide, the header row on every page, the title above
/// and the page number below.
///
/// # Errors
/// Those of the writer.
pub fn print_setup(sheet: &mut Worksheet, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_header(format!("&C{}", f.title));
    sheet.set_footer(format!("&C{}", f.page_of));
    Ok(())
}

pub fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

pub fn row(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
