//! A self-contained HTML report: inline CSS and SVG, no network requests. It
//! is built to WCAG 2.1 AA: a language, landmarks, one `h1` and a heading
//! per document and finding, tables with captions and header scopes, status
//! shown by word and icon (never colour alone), text contrast above 7:1, a
//! skip link and visible focus. It prints on A4.

use std::fmt::Write as _;

use super::escape::{xml, xml_text};
use super::human::status_word;
use super::overview::{verdict_class, Line, STYLE as OVERVIEW_STYLE};
use super::words::word;
use super::words::{
    as_text, icon, marked, percent, say, severity_word, share, status_class as class,
};
use super::{Context, Renderer};
use crate::model::lang::Lang;
use crate::model::location::Location;
use crate::model::vocab::{RowStatus, Status, Verdict};
use crate::report::{Coverage, DocumentReport, RequirementResult, Summary, Tool};

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
        Verdict::Pass => say(lang, "Godkänt", "Pass"),
        Verdict::Fail => say(lang, "Underkänt", "Fail"),
        Verdict::NotApplicable => say(lang, "Klausulen gäller inte", "The clause does not apply"),
        Verdict::Error => say(lang, "Kunde inte läsas", "Could not be read"),
    }
}

impl Html<'_> {
    /// Every requirement's status, then each finding in full.
    fn requirements(&self, doc: &DocumentReport, id: &str, out: &mut String) {
        self.status_table(doc, id, out);
        for r in doc
            .requirements
            .iter()
            .filter(|r| r.status.is_finding() && r.suppressed.is_none())
        {
            self.finding(r, id, out);
        }
    }

    fn status_table(&self, doc: &DocumentReport, id: &str, out: &mut String) {
        let lang = self.ctx.lang();
        table_head(
            out,
            say(
                lang,
                "Kraven och deras status",
                "The requirements and their status",
            ),
            &[
                say(lang, "Krav", "Requirement"),
                say(lang, "Namn", "Name"),
                say(lang, "Status", "Status"),
                say(lang, "Allvar", "Severity"),
            ],
        );
        for r in &doc.requirements {
            let rid = xml(&r.id);
            let link = if r.status.is_finding() && r.suppressed.is_none() {
                format!("<a href=\"#{id}-{rid}\">{rid}</a>")
            } else {
                rid.into_owned()
            };
            let suppressed = r.suppressed.as_ref().map_or(String::new(), |s| {
                format!(
                    " ({}: {})",
                    say(lang, "undantaget", "suppressed"),
                    xml(&s.reason)
                )
            });
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{link}</th><td>{}</td><td class=\"st {}\"><span aria-hidden=\"true\">{}</span> {}{suppressed}</td><td>{}</td></tr>",
                xml(&r.name),
                class(r.status),
                icon(r.status),
                status_word(r.status, lang),
                severity_word(lang, r.severity)
            );
        }
        out.push_str("</tbody></table>");
    }

    /// A weak or missing requirement: its heading, the words with their
    /// place, the reason and the suggested wording.
    fn finding(&self, r: &RequirementResult, id: &str, out: &mut String) {
        let lang = self.ctx.lang();
        let rid = xml(&r.id);
        let _ = write!(
            out,
            "<div class=\"finding\"><h3 id=\"{id}-{rid}\"><span aria-hidden=\"true\">{}</span> {rid} {} — {}</h3>",
            icon(r.status),
            xml(&r.name),
            status_word(r.status, lang)
        );
        if let Some(quote) = r.locations.first().and_then(|l| quote(l, r.status, lang)) {
            out.push_str(&quote);
        }
        let _ = write!(
            out,
            "<p>{}</p><p class=\"help\"><strong>{}</strong> {}</p></div>",
            xml(&r.message),
            say(lang, "Förslag till formulering:", "Suggested wording:"),
            xml(&r.help)
        );
    }

    fn register(&self, doc: &DocumentReport, id: &str, out: &mut String) {
        let lang = self.ctx.lang();
        let Some(summary) = &doc.register else { return };
        self.flagged_rows(doc, out);
        let _ = write!(
            out,
            "<p><strong>{}:</strong> {}</p>",
            say(lang, "Täckning", "Coverage"),
            share(&summary.total, lang)
        );
        let groups = [
            (
                say(lang, "Täckning per nämnd", "Coverage by board"),
                &summary.by_board,
                "board",
            ),
            (
                say(lang, "Täckning per startår", "Coverage by start year"),
                &summary.by_year,
                "year",
            ),
        ];
        for (title, rows, key) in groups {
            let _ = write!(out, "<h3>{title}</h3>");
            out.push_str(&chart(&format!("{id}-{key}"), title, rows, lang));
            coverage_table(title, rows, lang, out);
        }
    }

    /// The register's rows that need action, with their reasons.
    fn flagged_rows(&self, doc: &DocumentReport, out: &mut String) {
        let lang = self.ctx.lang();
        table_head(
            out,
            say(
                lang,
                "Avtal att åtgärda eller granska",
                "Agreements to act on or review",
            ),
            &[
                say(lang, "Avtal", "Agreement"),
                say(lang, "Plats", "Place"),
                say(lang, "Status", "Status"),
                say(lang, "Skäl", "Reasons"),
            ],
        );
        for r in doc.rows.iter().filter(|r| r.status.needs_action()) {
            let mark = if r.status == RowStatus::NonCompliant {
                "✖"
            } else {
                "▲"
            };
            let word = super::words::row_status_word(r.status, lang);
            let _ = write!(
                out,
                "<tr><th scope=\"row\" class=\"id\">{}</th><td class=\"id\">{}</td><td class=\"st\"><span aria-hidden=\"true\">{mark}</span> {word}</td><td>{}</td></tr>",
                xml(r.contract.as_deref().unwrap_or("–")),
                xml(&super::words::row_place(r, lang)),
                xml(&r.problems())
            );
        }
        out.push_str("</tbody></table>");
    }
}

/// The excerpt around a location with its words marked, and where it is;
/// `None` when the location carries no excerpt.
fn quote(l: &Location, status: Status, lang: Lang) -> Option<String> {
    let (before, words, after) = as_text(marked(l)?);
    let belongs = (status == Status::Missing)
        .then(|| say(lang, "Kravet hör hemma här", "The requirement belongs here").to_owned());
    let place = [
        belongs,
        Some(format!("{} {}", say(lang, "rad", "line"), l.line)),
        l.paragraph
            .map(|p| format!("{} {p}", say(lang, "stycke", "paragraph"))),
        l.section.as_ref().map(|s| format!("§ {}", xml(s))),
        l.page.map(|p| format!("{} {p}", say(lang, "sida", "page"))),
        l.cell.as_ref().map(|c| {
            format!(
                "{}!{}{}",
                xml(l.sheet.as_deref().unwrap_or("")),
                xml(c),
                xml(&super::words::hidden_mark(lang, l.hidden_sheet))
            )
        }),
    ];
    let place: Vec<String> = place.into_iter().flatten().collect();
    Some(format!(
        "<blockquote><p>{}<mark>{}</mark>{}</p><p class=\"meta\">{}</p></blockquote>",
        // The excerpt keeps its line breaks (the quote is pre-wrap).
        xml_text(&before),
        xml_text(&words),
        xml_text(&after),
        place.join(", ")
    ))
}

/// A group's coverage as a table: the same figures as its chart.
fn coverage_table(title: &str, rows: &[Coverage], lang: Lang, out: &mut String) {
    table_head(
        out,
        title,
        &[
            say(lang, "Grupp", "Group"),
            say(lang, "Uppfyller", "Compliant"),
            say(lang, "Gäller", "Applicable"),
            say(lang, "Att granska", "To review"),
            say(lang, "Täckning", "Coverage"),
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

impl Html<'_> {
    /// Everything before the documents: the title, what was checked with
    /// what, and the print header.
    fn opening(&self) -> String {
        let lang = self.ctx.lang();
        let p = self.ctx.profile;
        let title = say(
            lang,
            "Granskning mot antidiskrimineringsklausulen",
            "Review against the anti-discrimination clause",
        );
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}{OVERVIEW_STYLE}@page {{ @top-center {{ content: \"{title}\"; font-size: 9pt; }} }}\n</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">{}</a>\n<header>\n<h1>{title}</h1>\n<p>{} {} {} · klausul {} · <a href=\"#summary\">{}</a></p>\n<p class=\"meta\">{}: {} · {}: <code>{}</code></p>\n</header>\n<main id=\"main\">\n",
            say(lang, "sv", "en"),
            say(lang, "Hoppa till innehållet", "Skip to the content"),
            say(lang, "Profil", "Profile"),
            xml(&p.id),
            xml(&p.version),
            Tool::this().version,
            say(lang, "Sammanfattning", "Summary"),
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
                say(lang, "Obs", "Note"),
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
                say(lang, "Detaljer", "Details")
            );
            if doc.register.is_some() {
                self.register(doc, id, &mut out);
            } else {
                self.requirements(doc, id, &mut out);
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
            super::overview::html(&self.overview, self.ctx)
        } else {
            String::new()
        };
        format!(
            "{}{overview}{}{}</main>\n<footer id=\"summary\">\n<h2>{}</h2>\n<table><caption>{}</caption><tbody><tr><th scope=\"row\">{}</th><td>{}</td></tr><tr><th scope=\"row\">{}</th><td>{}</td></tr><tr><th scope=\"row\">{}</th><td>{}</td></tr></tbody></table>\n</footer>\n</body>\n</html>\n",
            self.opening(),
            std::mem::take(&mut self.body),
            super::skipped::html(self.ctx.run, lang),
            say(lang, "Sammanfattning", "Summary"),
            say(lang, "Antal dokument", "Documents"),
            say(lang, "Dokument", "Documents"),
            s.documents,
            say(lang, "Underkända", "Failed"),
            s.failed,
            say(lang, "Kunde inte läsas", "Could not be read"),
            s.errors
        )
    }
}
