//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=AD-07::…`,
//! one per weak or missing requirement, so the finding shows on the file.

use std::fmt::Write as _;

use super::escape::line;
use super::words::{hidden_mark, row_place, skip_reason, skipped_others};
use super::{Context, Renderer};
use crate::model::vocab::Severity;
use crate::report::{DocumentReport, ProfileRef, Summary, Tool};

pub struct Github<'p> {
    ctx: Context<'p>,
}

impl<'p> Github<'p> {
    #[must_use]
    pub const fn new(ctx: Context<'p>) -> Self {
        Self { ctx }
    }
}

/// Escapes a command's message, on one line and with nothing a log viewer
/// would act on.
fn data(s: &str) -> String {
    line(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

const fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Renderer for Github<'_> {
    fn head(&mut self) -> String {
        let tool = Tool::this();
        let p = ProfileRef::of(self.ctx.profile);
        format!(
            "::notice title=klausul::{}\n",
            data(&format!(
                "klausul {} with profile {} {} (sha256 {})",
                tool.version, p.id, p.version, p.sha256
            ))
        )
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        let file = property(&doc.path);
        if let Some(error) = &doc.error {
            return format!("::error file={file},title=klausul::{}\n", data(error));
        }
        let mut out = String::new();
        for r in doc
            .requirements
            .iter()
            .filter(|r| r.status.is_finding() && r.suppressed.is_none() && !r.baselined)
        {
            let place = r.locations.first().map_or(String::new(), |l| {
                format!(
                    ",line={},col={},endLine={},endColumn={}",
                    l.line, l.column, l.end_line, l.end_column
                )
            });
            let _ = writeln!(
                out,
                "::{} file={file}{place},title={}::{}",
                command(r.severity),
                property(&format!("{} {}", r.id, r.name)),
                data(&format!(
                    "{} ({}){}{}. {}",
                    r.message,
                    r.status.name(),
                    hidden_mark(
                        self.ctx.lang(),
                        r.locations.first().is_some_and(|l| l.hidden_sheet)
                    ),
                    // Word and OpenDocument: where a reader of the file finds it.
                    r.locations
                        .first()
                        .and_then(|l| super::place::word_place(l, self.ctx.lang()))
                        .map_or(String::new(), |p| format!(" [{p}]")),
                    r.help
                ))
            );
        }
        for row in doc.rows.iter().filter(|r| r.suppressed.is_none()) {
            let Some(severity) = row.status.severity() else {
                continue;
            };
            let _ = writeln!(
                out,
                "::{} file={file},title={}::{}",
                command(severity),
                property(&format!(
                    "{} {} {}",
                    self.ctx.profile.register_rule.id,
                    row_place(row, self.ctx.lang()),
                    row.contract.as_deref().unwrap_or("–")
                )),
                data(&format!("{} ({})", row.problems(), row.status.name()))
            );
        }
        out
    }

    /// A notice for each file the walk did not check, and one for the rest.
    fn tail(&mut self, _summary: &Summary) -> String {
        let lang = self.ctx.lang();
        let mut out = String::new();
        for s in &self.ctx.run.skipped {
            let _ = writeln!(
                out,
                "::notice file={},title=klausul::{}",
                property(&s.path),
                data(skip_reason(lang, s))
            );
        }
        if let Some(text) = skipped_others(lang, self.ctx.run.skipped_other) {
            let _ = writeln!(out, "::notice title=klausul::{}", data(&text));
        }
        out
    }
}
