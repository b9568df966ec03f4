//! A register's audit for people: the rows that need action, each with its
//! reasons and cells, then coverage for the register, per board and per
//! start year.

use std::fmt::Write as _;

use super::escape::{line, terminal};
use super::words::{hidden_mark, phrase, row_status_word, share, verdict_word, word};
use super::Style;
use crate::report::DocumentReport;

/// The register's findings, its coverage table, and its verdict line.
#[must_use]
pub fn human(doc: &DocumentReport, style: Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let Some(summary) = &doc.register else {
        return out;
    };
    let _ = writeln!(
        out,
        "{}: {} — {}",
        line(&doc.path),
        verdict_word(doc.verdict, lang),
        phrase(
            lang,
            "register_heading",
            &[("count", &doc.rows.len().to_string())]
        )
    );
    for row in doc.rows.iter().filter(|r| r.status.needs_action()) {
        let _ = writeln!(
            out,
            "  {} {} {}{}  {}  {}{}",
            line(&row.sheet),
            word(lang, "register_row"),
            row.row,
            hidden_mark(lang, row.hidden_sheet),
            line(row.contract.as_deref().unwrap_or("–")),
            row_status_word(row.status, lang),
            row.suppressed
                .as_ref()
                .map_or(String::new(), |s| format!(" ({})", terminal(&s.reason)))
        );
        // Why the clause applies is routine; what is wrong is not.
        for reason in row.reasons.iter().filter(|r| r.effect.needs_action()) {
            let _ = writeln!(out, "      {}", line(&reason.message));
        }
    }
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
