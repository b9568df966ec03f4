//! The HTML report's overview, for a run over more than one document: a
//! grid of documents × requirements with a symbol and a word in each cell,
//! the findings per requirement, and each document's name as a link to its
//! detail (the table of contents). Radio buttons filter the rows by status
//! with CSS alone (`:has()`); no script is needed.

use std::fmt::Write as _;

use super::escape::xml;
use super::words::{icon, status_class, status_word, verdict_word, word};
use super::Context;
use crate::model::vocab::{Status, Verdict};
use crate::report::DocumentReport;

/// One document's row of the grid.
pub struct Line {
    /// The anchor of its detail ("d3").
    anchor: String,
    path: String,
    verdict: Verdict,
    /// The status of each of the profile's requirements, in its order.
    statuses: Vec<Option<Status>>,
}

impl Line {
    #[must_use]
    pub fn of(doc: &DocumentReport, anchor: &str, ctx: Context<'_>) -> Self {
        let statuses = ctx
            .profile
            .requirements()
            .map(|q| {
                doc.requirements
                    .iter()
                    .find(|r| r.id == q.id)
                    .map(|r| r.status)
            })
            .collect();
        Self {
            anchor: anchor.to_owned(),
            path: doc.path.clone(),
            verdict: doc.verdict,
            statuses,
        }
    }

    /// The classes the filters select on.
    fn classes(&self) -> String {
        let mut classes = vec![verdict_class(self.verdict)];
        for (status, class) in [(Status::Missing, "missing"), (Status::Weak, "weak")] {
            if self.statuses.contains(&Some(status)) {
                classes.push(class);
            }
        }
        classes.join(" ")
    }
}

/// A verdict as a class name.
#[must_use]
pub const fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Fail => "fail",
        Verdict::NotApplicable => "na",
        Verdict::Error => "error",
    }
}

/// The filters: (id, catalogue key), the first checked.
const FILTERS: [(&str, &str); 5] = [
    ("f-all", "overview_all"),
    ("f-fail", "overview_failing"),
    ("f-missing", "overview_with_missing"),
    ("f-weak", "overview_with_weak"),
    ("f-pass", "overview_passing"),
];

/// CSS for the overview: the grid, and the filters.
pub const STYLE: &str = "
#overview table { font-size: 0.75rem; line-height: 1.2; width: auto; }
#overview td, #overview th { padding: 0.1rem 0.3rem; }
#overview tbody th { white-space: nowrap; max-width: 24rem; overflow: hidden; text-overflow: ellipsis; }
#overview td.st { text-align: center; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
#overview fieldset { border: 1px solid #6b6b6b; margin: 0.5rem 0; }
#overview label { margin-right: 1rem; }
#overview:has(#f-fail:checked) tbody tr:not(.fail):not(.error),
#overview:has(#f-missing:checked) tbody tr:not(.missing),
#overview:has(#f-weak:checked) tbody tr:not(.weak),
#overview:has(#f-pass:checked) tbody tr:not(.pass) { display: none; }
@media print { #overview fieldset { display: none; } }
";

/// The overview section.
#[must_use]
pub fn html(lines: &[Line], ctx: Context<'_>) -> String {
    let lang = ctx.lang();
    let mut out = format!(
        "<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">{}</h2>\n<fieldset><legend>{}</legend>",
        word(lang, "overview_heading"),
        word(lang, "overview_filter")
    );
    for (i, (id, key)) in FILTERS.iter().enumerate() {
        let checked = if i == 0 { " checked" } else { "" };
        let _ = write!(
            out,
            "<input type=\"radio\" name=\"filter\" id=\"{id}\"{checked}><label for=\"{id}\">{}</label>",
            word(lang, key)
        );
    }
    legend(lang, &mut out);
    let _ = write!(
        out,
        "</fieldset>\n<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        word(lang, "overview_caption"),
        word(lang, "col_path"),
        word(lang, "col_verdict")
    );
    for q in ctx.profile.requirements() {
        let _ = write!(out, "<th scope=\"col\" class=\"id\">{}</th>", xml(&q.id));
    }
    out.push_str("</tr></thead><tbody>\n");
    for line in lines {
        row(line, ctx, &mut out);
    }
    out.push_str("</tbody>");
    totals(lines, ctx, &mut out);
    out.push_str("</table>\n</section>\n");
    out
}

/// What the grid's symbols mean: each cell says it to a screen reader and
/// on hover, and this line says it to everyone.
fn legend(lang: crate::model::lang::Lang, out: &mut String) {
    out.push_str("<p class=\"meta\">");
    for s in [
        Status::Met,
        Status::Weak,
        Status::Missing,
        Status::NotApplicable,
    ] {
        let _ = write!(
            out,
            "<span class=\"st {}\">{}</span> {} ",
            status_class(s),
            icon(s),
            status_word(s, lang)
        );
    }
    out.push_str("</p>");
}

fn row(line: &Line, ctx: Context<'_>, out: &mut String) {
    let lang = ctx.lang();
    let _ = write!(
        out,
        "<tr class=\"{}\"><th scope=\"row\"><a href=\"#{}\">{}</a></th><td class=\"st\">{}</td>",
        line.classes(),
        line.anchor,
        xml(&line.path),
        verdict_word(line.verdict, lang)
    );
    for status in &line.statuses {
        match status {
            Some(s) => {
                let _ = write!(
                    out,
                    "<td class=\"st {}\" title=\"{2}\"><span aria-hidden=\"true\">{}</span> <span class=\"sr\">{}</span></td>",
                    status_class(*s),
                    icon(*s),
                    status_word(*s, lang)
                );
            }
            None => out.push_str("<td></td>"),
        }
    }
    out.push_str("</tr>\n");
}

/// The weak and missing findings per requirement.
fn totals(lines: &[Line], ctx: Context<'_>, out: &mut String) {
    let _ = write!(
        out,
        "<tfoot><tr><th scope=\"row\" colspan=\"2\">{}</th>",
        word(ctx.lang(), "overview_findings")
    );
    for i in 0..ctx.profile.requirements().count() {
        let n = lines
            .iter()
            .filter(|l| {
                l.statuses
                    .get(i)
                    .copied()
                    .flatten()
                    .is_some_and(Status::is_finding)
            })
            .count();
        let _ = write!(out, "<td>{n}</td>");
    }
    out.push_str("</tr></tfoot>");
}
