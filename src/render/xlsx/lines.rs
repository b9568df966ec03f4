//! The workbook's lines: what each sheet's rows hold, typed and in the
//! report's language. Ids (requirement ids, agreement ids, sections, hashes)
//! stay as they are, and as text.

use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, Format, Worksheet, XlsxError,
};

use super::table::{self, col, row, Formats, Value};
use crate::model::lang::Lang;
use crate::model::vocab::{RowStatus, Status, Verdict};
use crate::render::matrix::records;
use crate::render::words::{
    row_status_word, severity_word, skip_reason, skipped_others, status_word, verdict_word, word,
};
use crate::render::Context;
use crate::report::{DocumentReport, RegisterRow};

/// The findings sheet's columns: the CSV's, as catalogue keys.
pub const FINDING_COLUMNS: [&str; 17] = [
    "col_path",
    "col_kind",
    "col_format",
    "col_verdict",
    "col_requirement",
    "col_name",
    "col_status",
    "col_severity",
    "col_suppressed",
    "col_message",
    "col_line",
    "col_section",
    "col_page",
    "col_place",
    "col_contract",
    "col_sha256",
    "col_hidden_sheet",
];

/// The register sheet's columns.
pub const ROW_COLUMNS: [&str; 16] = [
    "col_path",
    "col_sheet",
    "col_row",
    "col_contract",
    "col_supplier",
    "col_agreement_name",
    "col_board",
    "col_start_date",
    "col_end_date",
    "col_value_sek",
    "col_applies",
    "col_status",
    "col_reasons",
    "col_cells",
    "col_suppressed",
    "col_hidden_sheet",
];

/// The matrix's columns before the requirements, and after them.
const MATRIX_BEFORE: [&str; 5] = [
    "col_path",
    "col_place",
    "col_contract",
    "col_kind",
    "col_verdict",
];
const MATRIX_AFTER: [&str; 3] = ["col_error", "col_sha256", "col_hidden_sheet"];

pub fn kind_word(lang: Lang, kind: &str) -> &'static str {
    match kind {
        "register" => word(lang, "kind_register"),
        "catalogue" => word(lang, "kind_catalogue"),
        _ => word(lang, "kind_document"),
    }
}

fn yes_no(lang: Lang, b: bool) -> &'static str {
    word(lang, if b { "yes" } else { "no" })
}

/// "dolt blad" for a row of a hidden sheet, a blank cell otherwise: the
/// column filters to the hidden rows in one click.
fn hidden(lang: Lang, hidden: bool) -> Value {
    if hidden {
        Value::text(word(lang, "hidden_sheet"))
    } else {
        Value::Empty
    }
}

/// A document's lines in the matrix: the document itself, then each
/// register row. An unreadable file is a line with its error.
pub fn matrix_lines(ctx: Context<'_>, doc: &DocumentReport) -> Vec<Vec<Value>> {
    let lang = ctx.lang();
    let mut first = vec![
        Value::text(&doc.path),
        Value::Empty,
        Value::Empty,
        Value::text(kind_word(lang, doc.kind)),
        Value::text(verdict_word(doc.verdict, lang)),
    ];
    for q in ctx.profile.requirements() {
        first.push(
            doc.requirements
                .iter()
                .find(|r| r.id == q.id)
                .map_or(Value::Empty, |r| Value::text(status_word(r.status, lang))),
        );
    }
    first.push(Value::maybe(doc.error.as_deref()));
    first.push(Value::maybe(doc.sha256.as_deref()));
    first.push(Value::Empty);
    let width = first.len();
    let rows = doc.rows.iter().map(|r| {
        let mut line = vec![
            Value::text(&doc.path),
            Value::text(r.place()),
            Value::maybe(r.contract.as_deref()),
            Value::text(word(lang, "kind_register")),
            Value::text(row_status_word(r.status, lang)),
        ];
        line.resize(width - 3, Value::Empty);
        line.push(Value::text(r.problems()));
        line.push(Value::Empty);
        line.push(hidden(lang, r.hidden_sheet));
        line
    });
    std::iter::once(first).chain(rows).collect()
}

/// The matrix sheet, its statuses coloured by what they say. The words stay
/// in the cells, so it reads the same printed in black and white.
pub fn matrix(
    sheet: &mut Worksheet,
    f: &Formats,
    ctx: Context<'_>,
    lines: &[Vec<Value>],
) -> Result<(), XlsxError> {
    let lang = ctx.lang();
    let ids: Vec<&str> = ctx.profile.requirements().map(|r| r.id.as_str()).collect();
    let mut header: Vec<&str> = MATRIX_BEFORE.iter().map(|k| word(lang, k)).collect();
    header.extend(&ids);
    header.extend(MATRIX_AFTER.iter().map(|k| word(lang, k)));
    let last = table::write(sheet, f, &header, lines.iter().cloned(), 1)?;
    let (first_col, last_col) = (
        col(MATRIX_BEFORE.len() - 1),
        col(MATRIX_BEFORE.len() + ids.len() - 1),
    );
    for (text, colour) in status_colours(lang) {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(text))
            .set_format(Format::new().set_background_color(colour));
        sheet.add_conditional_format(1, first_col, last.max(1), last_col, &rule)?;
    }
    Ok(())
}

/// Each status word with its fill: green for what passes, amber for what
/// needs a look, red for what fails.
fn status_colours(lang: Lang) -> Vec<(&'static str, u32)> {
    let (green, amber, red) = (0x00C6_EFCE, 0x00FF_EB9C, 0x00FF_C7CE);
    let mut out = vec![
        (status_word(Status::Met, lang), green),
        (status_word(Status::Weak, lang), amber),
        (status_word(Status::Missing, lang), red),
        (verdict_word(Verdict::Pass, lang), green),
        (verdict_word(Verdict::Fail, lang), red),
        (verdict_word(Verdict::Error, lang), red),
        (row_status_word(RowStatus::Compliant, lang), green),
        (row_status_word(RowStatus::NonCompliant, lang), red),
        (row_status_word(RowStatus::NeedsReview, lang), amber),
    ];
    // A word two statuses share gets one rule.
    let mut seen = Vec::new();
    out.retain(|(w, _)| {
        let new = !seen.contains(w);
        seen.push(*w);
        new
    });
    out
}

/// A document's findings, as the CSV has them but typed and in words.
pub fn findings(ctx: Context<'_>, doc: &DocumentReport) -> Vec<Vec<Value>> {
    let lang = ctx.lang();
    let rule = &ctx.profile.register_rule;
    let verdict = verdict_word(doc.verdict, lang);
    let mut statuses = doc
        .requirements
        .iter()
        .map(|r| (status_word(r.status, lang), severity_word(lang, r.severity)))
        .chain(doc.rows.iter().map(|r| {
            (
                row_status_word(r.status, lang),
                r.status.severity().map_or("", |s| severity_word(lang, s)),
            )
        }));
    records(doc, rule, lang)
        .into_iter()
        .map(|r| {
            let (status, severity) = if doc.error.is_some() {
                (verdict, verdict)
            } else {
                statuses.next().unwrap_or_default()
            };
            let name = match ctx.profile.requirement(&r[4]) {
                Some(q) => q.summary.get(lang).to_owned(),
                None if r[4] == rule.id => ctx.profile.template("register_rule", lang).to_owned(),
                None => r[5].clone(),
            };
            let number = |s: &str| s.parse::<f64>().map_or(Value::Empty, Value::Number);
            vec![
                Value::text(&r[0]),
                Value::text(kind_word(lang, doc.kind)),
                Value::text(&r[2]),
                Value::text(verdict),
                Value::text(&r[4]),
                Value::text(name),
                Value::text(status),
                Value::text(severity),
                Value::text(&r[8]),
                Value::text(&r[9]),
                number(&r[10]),
                Value::text(&r[11]),
                number(&r[12]),
                Value::text(&r[13]),
                Value::text(&r[14]),
                Value::text(&r[15]),
                Value::text(&r[16]),
            ]
        })
        .collect()
}

/// A register row with its facts.
pub fn register_row(lang: Lang, path: &str, r: &RegisterRow) -> Vec<Value> {
    let facts = &r.facts;
    vec![
        Value::text(path),
        Value::text(&r.sheet),
        Value::Number(f64::from(r.row)),
        Value::maybe(r.contract.as_deref()),
        Value::maybe(facts.supplier.as_deref()),
        Value::maybe(facts.agreement_name.as_deref()),
        Value::maybe(facts.board.as_deref()),
        facts.start_date.clone().map_or(Value::Empty, Value::Date),
        facts.end_date.clone().map_or(Value::Empty, Value::Date),
        facts.value_sek.map_or(Value::Empty, Value::Sek),
        r.applies
            .map_or(Value::Empty, |a| Value::text(yes_no(lang, a))),
        Value::text(row_status_word(r.status, lang)),
        Value::text(r.problems()),
        Value::text(r.cells.join(" ")),
        Value::maybe(r.suppressed.as_ref().map(|s| s.reason.as_str())),
        hidden(lang, r.hidden_sheet),
    ]
}

/// The files the walk did not check, from row `top` down.
fn skipped(
    sheet: &mut Worksheet,
    f: &Formats,
    ctx: Context<'_>,
    top: u32,
) -> Result<(), XlsxError> {
    let (lang, run) = (ctx.lang(), ctx.run);
    if run.skipped.is_empty() && run.skipped_other == 0 {
        return Ok(());
    }
    sheet.write_string_with_format(top, 0, word(lang, "skipped_heading"), &f.header)?;
    let mut at = top;
    for s in &run.skipped {
        at += 1;
        table::cell(sheet, f, (at, 0), &Value::text(&s.path))?;
        sheet.write_string(at, 1, skip_reason(lang, s))?;
    }
    if let Some(text) = skipped_others(lang, run.skipped_other) {
        sheet.write_string(at + 1, 0, text)?;
    }
    Ok(())
}

/// What was checked with what: the time, klausul's version, the profile.
/// Each file's SHA-256 stands beside it in the matrix.
pub fn about(sheet: &mut Worksheet, f: &Formats, ctx: Context<'_>) -> Result<(), XlsxError> {
    let lang = ctx.lang();
    let p = ctx.profile;
    let lines = [
        ("about_time", ctx.run.time.as_str()),
        ("about_version", env!("CARGO_PKG_VERSION")),
        ("about_profile", p.id.as_str()),
        ("about_profile_version", p.version.as_str()),
        ("about_profile_sha256", p.sha256.as_str()),
    ];
    for (r, (key, value)) in lines.iter().enumerate() {
        sheet.write_string_with_format(row(r), 0, word(lang, key), &f.header)?;
        sheet.write_string(row(r), 1, *value)?;
    }
    skipped(sheet, f, ctx, row(lines.len() + 1))?;
    sheet.autofit();
    table::print_setup(sheet, f)
}
