//! A self-contained HTML report: inline CSS and SVG, no network requests. It
//! is built to WCAG 2.1 AA: a language, landmarks, one `h1` and a heading
//! per document and finding, tables with captions and header scopes, status
//! shown by word and icon (never colour alone), text contrast above 7:1, a
//! skip link and visible focus. It prints on A4.
//!
//! Here the page, its head and each document's frame; a document's
//! requirements are written by `findings`, a register's rows and coverage by
//! `register`.

use std::fmt::Write as _;

use crate::model::lang::Lang;
use crate::model::vocab::Verdict;
use crate::render::escape::xml;
use crate::render::overview::{verdict_class, Line, STYLE as OVERVIEW_STYLE};
use crate::render::words::word;
use crate::render::{Context, Renderer};
use crate::report::{DocumentReport, Summary, Tool};

mod findings;
mod register;

/// The documents' detail is held until the end, because the overview of
/// all of them stands before it: a report for people is read whole, and
/// its size follows what it shows (a register's flagged rows, not all).
pub struct Html<'p> {
    ctx: Context<'p>,
    count: usize,
    body: String,
    overview: Vec<Line>,
}

impl<'p> Html<'p> {
    #[must_use]
    pub const fn new(ctx: Context<'p>) -> Self {
        Self {
            ctx,
            count: 0,
            body: String::new(),
            overview: Vec::new(),
        }
    }
}

/// Opens a table with its caption and a header row of column headings.
fn table_head(out: &mut String, caption: &str, columns: &[&str]) {
    let _ = write!(out, "<table><caption>{caption}</caption><thead><tr>");
    for c in columns {
        let _ = write!(out, "<th scope=\"col\">{c}</th>");
    }
    out.push_str("</tr></thead><tbody>");
}

const STYLE: &str = "
:root { color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Arial, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
a { color: #0b4a8b; }
a:focus, summary:focus { outline: 3px solid #0b4a8b; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
header p, .meta { color: #3d3d3d; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #6b6b6b; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #ececec; }
.st { font-weight: 600; white-space: nowrap; }
.met { color: #1b5e20; } .weak { color: #7a4100; } .missing { color: #a4161a; } .na { color: #3d3d3d; }
blockquote { margin: 0.5rem 0; padding: 0.5rem 1rem; border-left: 4px solid #6b6b6b; background: #f6f6f6; white-space: pre-wrap; }
mark { background: #ffe066; color: #1a1a1a; font-weight: 600; }
.help { border-left: 4px solid #0b4a8b; padding-left: 0.75rem; }
section.doc { border-top: 2px solid #1a1a1a; margin-top: 2rem; }
svg text { font: 12px system-ui, Arial, sans-serif; fill: #1a1a1a; }
body:has(#overview) { max-width: 80rem; }
.id, .meta code { white-space: nowrap; }
details > summary { cursor: pointer; font-weight: 600; }
@page { size: A4; margin: 15mm;
  @bottom-center { content: counter(page) \" / \" counter(pages); font-size: 9pt; } }
@media print {
  :root { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  .skip, nav { display: none; }
  section.doc { border-top: 1px solid #6b6b6b; margin-top: 0.5rem; }
  section.doc.fail, section.doc.error { break-before: page; }
  main > section.doc:first-child { break-before: auto; }
  section.doc.pass h2, section.doc.na h2 { display: inline; font-size: 1rem; }
  section.doc.pass > p, section.doc.na > p { display: inline; margin-left: 1rem; }
  section.doc.pass details, section.doc.na details, section.doc.pass .meta, section.doc.na .meta { display: none; }
  tr, blockquote, .finding { break-inside: avoid; }
  a { color: #1a1a1a; text-decoration: none; }
}
";

fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Pass => word(lang, "html_verdict_pass"),
        Verdict::Fail => word(lang, "html_verdict_fail"),
        Verdict::NotApplicable => word(lang, "html_verdict_not_applicable"),
        Verdict::Error => word(lang, "html_verdict_error"),
    }
}

impl Html<'_> {
    /// Everything before the documents: the title, what was checked with
    /// what, and the print header.
    fn opening(&self) -> String {
        let lang = self.ctx.lang();
        let p = self.ctx.profile;
        let title = word(lang, "html_title");
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}{OVERVIEW_STYLE}@page {{ @top-center {{ content: \"{title}\"; font-size: 9pt; }} }}\n</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">{}</a>\n<header>\n<h1>{title}</h1>\n<p>{} {} {} · klausul {} · <a href=\"#summary\">{}</a></p>\n<p class=\"meta\">{}: {} · {}: <code>{}</code></p>\n</header>\n<main id=\"main\">\n",
            lang.code(),
            word(lang, "html_skip"),
            word(lang, "about_profile"),
            xml(&p.id),
            xml(&p.version),
            Tool::this().version,
            word(lang, "html_summary"),
            word(lang, "about_time"),
            xml(&self.ctx.run.time),
            word(lang, "about_profile_sha256"),
            xml(&p.sha256),
        )
    }

    /// A document's detail: its verdict and hash, then in a part that can
    /// be folded (open when it fails) its requirements or register.
    fn detail(&self, doc: &DocumentReport, id: &str) -> String {
        let lang = self.ctx.lang();
        let mut out = format!(
            "<section class=\"doc {}\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n<p><strong>{}</strong>",
            verdict_class(doc.verdict),
            xml(&doc.path),
            verdict(doc.verdict, lang)
        );
        if let Some(scope) = &doc.scope {
            let _ = write!(out, " — {}", xml(&scope.reason));
        }
        if let Some(e) = &doc.error {
            let _ = write!(out, " — {}", xml(e));
        }
        out.push_str("</p>\n");
        if let Some(hash) = &doc.sha256 {
            let _ = writeln!(
                out,
                "<p class=\"meta\">SHA-256: <code>{}</code></p>",
                xml(hash)
            );
        }
        for w in &doc.warnings {
            let _ = writeln!(
                out,
                "<p class=\"meta\">{}: {}</p>",
                word(lang, "html_note"),
                xml(w)
            );
        }
        if doc.error.is_none() {
            let open = if doc.verdict == Verdict::Fail {
                " open"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<details{open}><summary>{}</summary>",
                word(lang, "html_details")
            );
            if doc.register.is_some() {
                register::register(lang, doc, id, &mut out);
            } else {
                findings::requirements(lang, doc, id, &mut out);
            }
            out.push_str("\n</details>");
        }
        out.push_str("\n</section>\n");
        out
    }
}

impl Renderer for Html<'_> {
    /// Nothing yet: the report is written whole at the end (see `Html`).
    fn head(&mut self) -> String {
        String::new()
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        self.count += 1;
        let id = format!("d{}", self.count);
        self.overview.push(Line::of(doc, &id, self.ctx));
        let detail = self.detail(doc, &id);
        self.body.push_str(&detail);
        String::new()
    }

    fn tail(&mut self, s: &Summary) -> String {
        let lang = self.ctx.lang();
        let overview = if self.overview.len() > 1 {
            crate::render::overview::html(&self.overview, self.ctx)
        } else {
            String::new()
        };
        format!(
            "{}{overview}{}{}</main>\n<footer id=\"summary\">\n<h2>{}</h2>\n<table><caption>{}</caption><tbody><tr><th scope=\"row\">{}</th><td>{}</td></tr><tr><th scope=\"row\">{}</th><td>{}</td></tr><tr><th scope=\"row\">{}</th><td>{}</td></tr></tbody></table>\n</footer>\n</body>\n</html>\n",
            self.opening(),
            std::mem::take(&mut self.body),
            crate::render::skipped::html(self.ctx.run, lang),
            word(lang, "html_summary"),
            word(lang, "html_documents_caption"),
            word(lang, "html_documents"),
            s.documents,
            word(lang, "html_failed"),
            s.failed,
            word(lang, "html_verdict_error"),
            s.errors
        )
    }
}
