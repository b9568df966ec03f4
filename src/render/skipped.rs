//! The files a folder walk did not check, as a list for people: in the
//! terminal, in Markdown and in HTML. The machine formats say it in their
//! own way (JSON `skipped`, SARIF notifications, `JUnit` skipped cases, GitHub
//! notices, GitLab `info` issues); the workbook lists them on its about
//! sheet.

use std::fmt::Write as _;

use super::escape::{markdown as md, terminal, xml};
use super::words::{skip_reason, skipped_others, word};
use super::RunInfo;
use crate::model::lang::Lang;

/// The heading, a line per file, and the count of the rest; empty when
/// nothing was skipped.
#[must_use]
pub fn human(run: &RunInfo, lang: Lang) -> String {
    let mut out = String::new();
    if !run.skipped.is_empty() {
        let _ = writeln!(out, "{}:", word(lang, "skipped_heading"));
        for s in &run.skipped {
            let _ = writeln!(out, "  {}: {}", terminal(&s.path), skip_reason(lang, s));
        }
    }
    if let Some(text) = skipped_others(lang, run.skipped_other) {
        let _ = writeln!(out, "{text}");
    }
    out
}

/// A Markdown section; empty when nothing was skipped.
#[must_use]
pub fn markdown(run: &RunInfo, lang: Lang) -> String {
    if run.skipped.is_empty() && run.skipped_other == 0 {
        return String::new();
    }
    let mut out = format!("## {}\n\n", word(lang, "skipped_heading"));
    for s in &run.skipped {
        let _ = writeln!(out, "- `{}`: {}", md_code(&s.path), skip_reason(lang, s));
    }
    if let Some(text) = skipped_others(lang, run.skipped_other) {
        let _ = writeln!(out, "\n{}", md(&text));
    }
    out.push('\n');
    out
}

/// A path inside a code span: a backtick would end it, so it is shown as
/// its look-alike.
fn md_code(s: &str) -> String {
    terminal(s).replace('`', "ˋ").replace(['\n', '\r'], " ")
}

/// An HTML section; empty when nothing was skipped.
#[must_use]
pub fn html(run: &RunInfo, lang: Lang) -> String {
    if run.skipped.is_empty() && run.skipped_other == 0 {
        return String::new();
    }
    let mut out = format!(
        "<section id=\"skipped\">\n<h2>{}</h2>\n<ul>\n",
        xml(word(lang, "skipped_heading"))
    );
    for s in &run.skipped {
        let _ = writeln!(
            out,
            "<li><code>{}</code>: {}</li>",
            xml(&s.path),
            xml(skip_reason(lang, s))
        );
    }
    out.push_str("</ul>\n");
    if let Some(text) = skipped_others(lang, run.skipped_other) {
        let _ = writeln!(out, "<p>{}</p>", xml(&text));
    }
    out.push_str("</section>\n");
    out
}
