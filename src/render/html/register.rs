//! A contract register in the HTML report: the rows that need action, then
//! coverage in total, by board and by start year, each group as a chart
//! and as a table with the same figures.

use std::fmt::Write as _;

use super::table_head;
use crate::model::lang::Lang;
use crate::model::vocab::RowStatus;
use crate::render::escape::xml;
use crate::render::words::{percent, share, word};
use crate::report::{Coverage, DocumentReport};

pub(super) fn register(lang: Lang, doc: &DocumentReport, id: &str, out: &mut String) {
    let Some(summary) = &doc.register else { return };
    flagged_rows(lang, doc, out);
    let _ = write!(
        out,
        "<p><strong>{}:</strong> {}</p>",
        word(lang, "sheet_coverage"),
        share(&summary.total, lang)
    );
    let groups = [
        (word(lang, "coverage_by_board"), &summary.by_board, "board"),
        (word(lang, "coverage_by_year"), &summary.by_year, "year"),
    ];
    for (title, rows, key) in groups {
        let _ = write!(out, "<h3>{title}</h3>");
        out.push_str(&chart(&format!("{id}-{key}"), title, rows, lang));
        coverage_table(title, rows, lang, out);
    }
}

/// The register's rows that need action, with their reasons.
fn flagged_rows(lang: Lang, doc: &DocumentReport, out: &mut String) {
    table_head(
        out,
        word(lang, "html_rows_caption"),
        &[
            word(lang, "col_agreement_name"),
            word(lang, "col_place"),
            word(lang, "col_status"),
            word(lang, "col_reasons"),
        ],
    );
    for r in doc.rows.iter().filter(|r| r.status.needs_action()) {
        let mark = if r.status == RowStatus::NonCompliant {
            "✖"
        } else {
            "▲"
        };
        let word = crate::render::words::row_status_word(r.status, lang);
        let _ = write!(
            out,
            "<tr><th scope=\"row\" class=\"id\">{}</th><td class=\"id\">{}</td><td class=\"st\"><span aria-hidden=\"true\">{mark}</span> {word}</td><td>{}</td></tr>",
            xml(r.contract.as_deref().unwrap_or("–")),
            xml(&crate::render::words::row_place(r, lang)),
            xml(&r.problems())
        );
    }
    out.push_str("</tbody></table>");
}

/// A group's coverage as a table: the same figures as its chart.
fn coverage_table(title: &str, rows: &[Coverage], lang: Lang, out: &mut String) {
    table_head(
        out,
        title,
        &[
            word(lang, "html_col_group"),
            word(lang, "col_compliant"),
            word(lang, "html_col_applicable"),
            word(lang, "html_col_to_review"),
            word(lang, "sheet_coverage"),
        ],
    );
    for c in rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            xml(&c.key),
            c.compliant,
            c.applicable,
            c.needs_review,
            percent(c, lang)
        );
    }
    out.push_str("</tbody></table>");
}

/// Horizontal bars of coverage, labelled in text; the table after it holds
/// the same figures for screen readers.
fn chart(id: &str, title: &str, rows: &[Coverage], lang: Lang) -> String {
    let bar = 22;
    let height = rows.len() * bar + 10;
    let mut svg = format!(
        "<svg role=\"img\" aria-labelledby=\"{id}-t\" width=\"100%\" viewBox=\"0 0 640 {height}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-t\">{}</title>",
        xml(title)
    );
    for (i, c) in rows.iter().enumerate() {
        let y = i * bar + 5;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let width = (c.coverage.unwrap_or(0.0) * 300.0).round() as usize;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"220\" y=\"{y}\" width=\"300\" height=\"16\" fill=\"#ececec\" stroke=\"#6b6b6b\"/><rect x=\"220\" y=\"{y}\" width=\"{width}\" height=\"16\" fill=\"#1b5e20\"/><text x=\"530\" y=\"{}\">{}</text>",
            y + 13,
            xml(&c.key.chars().take(30).collect::<String>()),
            y + 13,
            percent(c, lang)
        );
    }
    svg.push_str("</svg>");
    svg
}
