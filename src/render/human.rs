//! Output for people: one miette diagnostic per weak or missing requirement,
//! with the words underlined and the suggested wording as help, then a table of
//! every requirement's status per document.

use std::fmt::Write as _;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::escape::{line, terminal};
use super::excerpt::ExcerptSource;
use super::words::{phrase, severity_word, verdict_word, word};
use super::Style;
use crate::model::lang::Lang;
use crate::model::location::Location;
use crate::model::vocab::{Severity, Status, Verdict};
use crate::report::{DocumentReport, Report, RequirementResult, Summary};

#[derive(Debug)]
struct Finding<'r> {
    result: &'r RequirementResult,
    title: String,
    source: Option<ExcerptSource>,
    label: String,
    /// The words pointed at: offset and length in the excerpt's terms.
    span: Option<(usize, usize)>,
}

impl std::fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.title)
    }
}

impl std::error::Error for Finding<'_> {}

impl Diagnostic for Finding<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(format!("{} {}", self.result.id, self.result.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.result.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(terminal(&self.result.help)))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(self.label.clone()), span),
        )))
    }
}

pub(crate) use super::words::status_word;

fn label(result: &RequirementResult, lang: Lang) -> String {
    let more = result.locations.len().saturating_sub(1);
    let base = word(
        lang,
        if result.status == Status::Missing {
            "human_belongs_here"
        } else {
            "human_here"
        },
    );
    if more == 0 {
        return base.to_owned();
    }
    let lines: Vec<String> = result.locations[1..]
        .iter()
        .take(5)
        .map(|l| l.line.to_string())
        .collect();
    phrase(
        lang,
        "human_also_lines",
        &[("label", base), ("lines", &lines.join(", "))],
    )
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1)
}

/// Where a location is beyond its line: page, cell, section and paragraph,
/// as " (s. 2, § 7.4)", or for Word and OpenDocument " (7.4
/// Antidiskriminering, stycke 3: «Leverantören ska …»)"; empty when it has
/// none of them.
fn place(l: &Location, lang: Lang) -> String {
    // Word and OpenDocument: the section, the paragraph in it and its first
    // words, as a reader of the file finds them.
    if let Some(place) = super::place::word_place(l, lang) {
        return format!(" ({place})");
    }
    let mut parts = Vec::new();
    if let Some(page) = l.page {
        let page = page.to_string();
        parts.push(match l.page_line {
            Some(line) => phrase(
                lang,
                "human_page_line",
                &[("page", &page), ("line", &line.to_string())],
            ),
            None => phrase(lang, "human_page", &[("page", &page)]),
        });
    }
    if let (Some(sheet), Some(cell)) = (&l.sheet, &l.cell) {
        parts.push(format!(
            "{sheet}!{cell}{}",
            super::words::hidden_mark(lang, l.hidden_sheet)
        ));
    }
    if let Some(section) = &l.section {
        parts.push(format!("§ {section}"));
    }
    if let Some(paragraph) = l.paragraph {
        let paragraph = paragraph.to_string();
        parts.push(phrase(
            lang,
            "human_paragraph",
            &[("paragraph", &paragraph)],
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// Renders one requirement's finding as a diagnostic.
#[must_use]
pub fn render_finding(doc: &DocumentReport, result: &RequirementResult, style: Style) -> String {
    let first = result.locations.first();
    let mut span = first.map(|l| l.byte_start..l.byte_end);
    let source = first.zip(span.clone()).and_then(|(l, words)| {
        let name = format!("{}{}", doc.path, place(l, style.lang));
        let excerpt = l.excerpt.clone()?;
        let (source, moved) = ExcerptSource::for_terminal(line(&name).into_owned(), excerpt, words);
        span = Some(moved);
        Some(source)
    });
    let finding = Finding {
        result,
        title: format!(
            "{} [{}]: {}",
            line(&doc.path),
            status_word(result.status, style.lang),
            line(&result.message)
        ),
        source,
        label: label(result, style.lang),
        span: span.map(|s| (s.start, s.end.saturating_sub(s.start).max(1))),
    };
    let mut out = String::new();
    let _ = handler(style).render_report(&mut out, &finding);
    out
}

fn table(doc: &DocumentReport, style: Style) -> String {
    let mut out = String::new();
    let lang = style.lang;
    let [id, name, status, severity] = [
        "human_col_id",
        "human_col_name",
        "human_col_status",
        "human_col_severity",
    ]
    .map(|key| word(lang, key));
    let _ = writeln!(out, "  {id:<6} {name:<20} {status:<15} {severity}");
    for r in &doc.requirements {
        let suppressed = match (&r.suppressed, r.baselined) {
            (Some(s), _) => format!(
                " ({})",
                phrase(
                    lang,
                    "human_suppressed",
                    &[("reason", &terminal(&s.reason))]
                )
            ),
            (None, true) => format!(" ({})", word(lang, "human_baselined")),
            (None, false) => String::new(),
        };
        let _ = writeln!(
            out,
            "  {:<6} {:<20} {:<15} {}{suppressed}",
            terminal(&r.id),
            terminal(&r.name),
            status_word(r.status, style.lang),
            severity_word(style.lang, r.severity)
        );
    }
    out
}

/// The whole report for people. Input errors are rendered by the caller.
#[must_use]
pub fn render(report: &Report, style: Style) -> String {
    let mut out: String = report
        .documents
        .iter()
        .map(|doc| render_document(doc, style))
        .collect();
    out.push_str(&render_summary(&report.summary, style));
    out
}

/// One document's findings and its table; nothing for a document that could
/// not be read, whose error the caller shows.
#[must_use]
pub fn render_document(doc: &DocumentReport, style: Style) -> String {
    let mut out = String::new();
    if doc.verdict == Verdict::Error {
        return out;
    }
    if doc.register.is_some() {
        return super::register::human(doc, style);
    }
    for r in doc
        .requirements
        .iter()
        .filter(|r| r.status.is_finding() && r.suppressed.is_none() && !r.baselined)
    {
        out.push_str(&render_finding(doc, r, style));
    }
    let scope = doc
        .scope
        .as_ref()
        .map(|s| format!(" — {}", terminal(&s.reason)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}: {}{scope}",
        line(&doc.path),
        verdict_word(doc.verdict, style.lang)
    );
    out.push_str(&table(doc, style));
    out.push('\n');
    out
}

/// The closing line with the counts.
#[must_use]
pub fn render_summary(s: &Summary, style: Style) -> String {
    let lang = style.lang;
    let documents = count(
        lang,
        ("count_documents_one", "count_documents_other"),
        s.documents,
    );
    let errors = count(lang, ("count_errors_one", "count_errors_other"), s.errors);
    let failed = s.failed.to_string();
    let values = [
        ("documents", documents.as_str()),
        ("failed", failed.as_str()),
        ("errors", errors.as_str()),
    ];
    phrase(lang, "human_summary", &values) + "\n"
}

/// A number with its noun: the catalogue's template `one` for 1, else
/// `other`.
fn count(lang: Lang, (one, other): (&str, &str), n: usize) -> String {
    let key = if n == 1 { one } else { other };
    phrase(lang, key, &[("count", &n.to_string())])
}

/// Human output as a `Renderer`.
pub struct Human<'p> {
    style: Style,
    run: &'p super::RunInfo,
}

impl<'p> Human<'p> {
    #[must_use]
    pub const fn new(ctx: super::Context<'p>) -> Self {
        Self {
            style: ctx.style,
            run: ctx.run,
        }
    }
}

impl super::Renderer for Human<'_> {
    fn head(&mut self) -> String {
        String::new()
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        render_document(doc, self.style)
    }

    fn write_document(
        &mut self,
        doc: &DocumentReport,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        // A register's rows go out as they are worded.
        if doc.register.is_some() && doc.verdict != Verdict::Error {
            return super::register::write_human(doc, self.style, out);
        }
        out.write_all(render_document(doc, self.style).as_bytes())
    }

    fn tail(&mut self, summary: &Summary) -> String {
        super::skipped::human(self.run, self.style.lang) + &render_summary(summary, self.style)
    }
}
