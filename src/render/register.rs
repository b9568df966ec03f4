//! A register's audit for people: the rows that need action, each with its
//! reasons and cells, then coverage for the register, per board and per
//! start year.

use std::fmt::Write as _;
use std::io::Write as _;

use super::escape::{line, terminal};
use super::words::{hidden_mark, phrase, row_status_word, share, verdict_word, word};
use super::Style;
use crate::report::DocumentReport;

/// The register's findings, its coverage table, and its verdict line.
#[must_use]
pub fn human(doc: &DocumentReport, style: Style) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_human(doc, style, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// As `human`, written to `out` a row at a time: a register of 100 000
/// rows is never held as one text.
///
/// # Errors
/// Those of `out`.
pub fn write_human(
    doc: &DocumentReport,
    style: Style,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let Some(summary) = &doc.register else {
        return Ok(());
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let lang = style.lang;
    writeln!(
        out,
        "{}: {} — {}",
        line(&doc.path),
        verdict_word(doc.verdict, lang),
        phrase(
            lang,
            "register_heading",
            &[("count", &doc.rows.len().to_string())]
        )
    )?;
    let row_word = word(lang, "register_row");
    for row in doc.rows.iter().filter(|r| r.status.needs_action()) {
        writeln!(
            out,
            "  {} {row_word} {}{}  {}  {}{}",
            line(&row.sheet),
            row.row,
            hidden_mark(lang, row.hidden_sheet),
            line(row.contract.as_deref().unwrap_or("–")),
            row_status_word(row.status, lang),
            row.suppressed
                .as_ref()
                .map_or(String::new(), |s| format!(" ({})", terminal(&s.reason)))
        )?;
        // Why the clause applies is routine; what is wrong is not.
        for reason in row.reasons.iter().filter(|r| r.effect.needs_action()) {
            writeln!(out, "      {}", line(&reason.message))?;
        }
    }
    out.write_all(coverage(summary, lang).as_bytes())?;
    out.flush()
}

/// The coverage of the register, per board and per start year, and the
/// blank line that ends the register.
fn coverage(summary: &crate::report::RegisterSummary, lang: crate::model::lang::Lang) -> String {
    let mut out = String::new();
    let (total, boards, years) = (
        word(lang, "register_coverage"),
        word(lang, "register_by_board"),
        word(lang, "register_by_year"),
    );
    let _ = writeln!(out, "  {total}: {}", share(&summary.total, lang));
    for (title, rows) in [(boards, &summary.by_board), (years, &summary.by_year)] {
        let _ = writeln!(out, "  {title}:");
        let width = rows
            .iter()
            .map(|c| c.key.chars().count())
            .max()
            .unwrap_or(0);
        for c in rows {
            let pad = width - c.key.chars().count();
            let key = terminal(&c.key);
            let _ = writeln!(out, "    {key}{}  {}", " ".repeat(pad), share(c, lang));
        }
    }
    out.push('\n');
    out
}
