//! A Markdown report for pull-request comments and e-mail: a status table
//! per document, each weak or missing requirement with its excerpt (the
//! words in bold), the reason and the suggested wording, and a summary.

use std::fmt::Write as _;

use super::escape::{markdown, markdown_line_start};
use super::human::status_word;
use super::words::{as_text, icon, marked, row_status_word, severity_word, share, word};
use super::{Context, Renderer};
use crate::model::lang::Lang;
use crate::report::{DocumentReport, RequirementResult, Summary};

pub struct Markdown<'p> {
    ctx: Context<'p>,
}

impl<'p> Markdown<'p> {
    #[must_use]
    pub const fn new(ctx: Context<'p>) -> Self {
        Self { ctx }
    }
}

impl Renderer for Markdown<'_> {
    fn head(&mut self) -> String {
        let p = self.ctx.profile;
        let lang = self.ctx.lang();
        format!(
            "# klausul — {}\n\n{} {} {}\n\n{}\n\n",
            word(lang, "markdown_title"),
            word(lang, "markdown_profile"),
            markdown(&p.id),
            markdown(&p.version),
            about(self.ctx)
        )
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        let lang = self.ctx.lang();
        let mut out = format!("## {}\n\n", markdown(&doc.path));
        if let Some(hash) = &doc.sha256 {
            let _ = writeln!(out, "SHA-256: `{hash}`\n");
        }
        if let Some(e) = &doc.error {
            let _ = writeln!(out, "✖ {}\n", markdown(e));
            return out;
        }
        if let Some(scope) = &doc.scope {
            let _ = writeln!(out, "{}\n", markdown(&scope.reason));
        }
        if doc.register.is_some() {
            register(doc, lang, &mut out);
            return out;
        }
        status_table(doc, lang, &mut out);
        for r in doc
            .requirements
            .iter()
            .filter(|r| r.status.is_finding() && r.suppressed.is_none())
        {
            finding(r, lang, &mut out);
        }
        out
    }

    fn tail(&mut self, s: &Summary) -> String {
        format!(
            "{}---\n\n{}: {} · {}: {} · {}: {}\n",
            super::skipped::markdown(self.ctx.run, self.ctx.lang()),
            word(self.ctx.lang(), "markdown_documents"),
            s.documents,
            word(self.ctx.lang(), "markdown_failed"),
            s.failed,
            word(self.ctx.lang(), "markdown_errors"),
            s.errors
        )
    }
}

/// What was checked with what: the time, klausul's version, and the
/// profile's hash (each file's stands under its heading).
fn about(ctx: Context<'_>) -> String {
    let lang = ctx.lang();
    format!(
        "{}: {} · {} {} · {}: `{}`",
        word(lang, "about_time"),
        markdown(&ctx.run.time),
        word(lang, "about_version"),
        env!("CARGO_PKG_VERSION"),
        word(lang, "about_profile_sha256"),
        ctx.profile.sha256
    )
}

/// A register's coverage and the rows that need action.
fn register(doc: &DocumentReport, lang: Lang, out: &mut String) {
    let Some(summary) = &doc.register else { return };
    let _ = writeln!(
        out,
        "{}: {}\n",
        word(lang, "markdown_coverage"),
        share(&summary.total, lang)
    );
    for row in doc.rows.iter().filter(|r| r.status.needs_action()) {
        let _ = writeln!(
            out,
            "- **{}** {} ({}): {}",
            markdown(row.contract.as_deref().unwrap_or("–")),
            markdown(&super::words::row_place(row, lang)),
            row_status_word(row.status, lang),
            markdown(&row.problems())
        );
    }
    out.push('\n');
}

/// Every requirement's status as a table.
fn status_table(doc: &DocumentReport, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "| | {} | {} | {} |\n|---|---|---|---|",
        word(lang, "markdown_requirement"),
        word(lang, "markdown_status"),
        word(lang, "markdown_severity")
    );
    for r in &doc.requirements {
        let _ = writeln!(
            out,
            "| {} | {} {} | {}{} | {} |",
            icon(r.status),
            markdown(&r.id),
            markdown(&r.name),
            status_word(r.status, lang),
            r.suppressed.as_ref().map_or(String::new(), |s| format!(
                " ({}: {})",
                word(lang, "markdown_suppressed"),
                markdown(&s.reason)
            )),
            severity_word(lang, r.severity)
        );
    }
    out.push('\n');
}

/// A weak or missing requirement: its heading, the words quoted with their
/// line, the reason and the suggested wording.
fn finding(r: &RequirementResult, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "### {} {} {} — {}\n",
        icon(r.status),
        markdown(&r.id),
        markdown(&r.name),
        status_word(r.status, lang)
    );
    if let Some(l) = r.locations.first() {
        if let Some((before, words, after)) = marked(l).map(as_text) {
            let quote = format!(
                "{}**{}**{}",
                markdown(&before),
                markdown(&words),
                markdown(&after)
            );
            for line in quote.lines() {
                let _ = writeln!(out, "> {}", markdown_line_start(line));
            }
            let word_place = super::place::word_place(l, lang)
                .map_or(String::new(), |p| format!(", {}", markdown(&p)));
            let _ = writeln!(
                out,
                ">\n> — {} {}{word_place}{}\n",
                word(lang, "markdown_line"),
                l.line,
                super::words::hidden_mark(lang, l.hidden_sheet)
            );
        }
    }
    let _ = writeln!(out, "{}\n", markdown(&r.message));
    let _ = writeln!(
        out,
        "**{}** {}\n",
        word(lang, "markdown_suggestion"),
        markdown(&r.help)
    );
}
