//! The JSON report (`klausul.report/1`), as `contracts.md` fixes it.
//!
//! It can be written in pieces, a document at a time, so a run over many
//! files never holds every document's report: `head`, then `document` for
//! each, then `tail`. The pieces make exactly the text that pretty-printing
//! the whole `Report` makes.

use serde::Serialize;

use crate::report::{DocumentReport, ProfileRef, Report, Summary, Tool, SCHEMA};

/// # Errors
/// Never in practice: the report holds only strings, numbers and enums.
pub fn render(report: &Report) -> serde_json::Result<String> {
    let mut out = head(&report.profile)?;
    for (i, doc) in report.documents.iter().enumerate() {
        out.push_str(&document(doc, i == 0)?);
    }
    out.push_str(&tail(&report.summary, !report.documents.is_empty())?);
    Ok(out)
}

/// Everything up to the first document.
///
/// # Errors
/// As `render`.
pub fn head(profile: &ProfileRef) -> serde_json::Result<String> {
    Ok(format!(
        "{{\n  \"schema\": {},\n  \"tool\": {},\n  \"profile\": {},\n  \"documents\": [",
        serde_json::to_string(SCHEMA)?,
        nested(&Tool::this(), 1)?,
        nested(profile, 1)?,
    ))
}

/// One entry of `documents`.
///
/// # Errors
/// As `render`.
pub fn document(doc: &DocumentReport, first: bool) -> serde_json::Result<String> {
    let comma = if first { "" } else { "," };
    Ok(format!("{comma}\n    {}", nested(doc, 2)?))
}

/// The end of `documents`, and the summary.
///
/// # Errors
/// As `render`.
pub fn tail(summary: &Summary, any_documents: bool) -> serde_json::Result<String> {
    let close = if any_documents { "\n  ]" } else { "]" };
    Ok(format!(
        "{close},\n  \"summary\": {}\n}}\n",
        nested(summary, 1)?
    ))
}

/// The JSON report as a `Renderer`.
pub struct Json {
    profile: ProfileRef,
    first: bool,
}

impl Json {
    #[must_use]
    pub fn new(ctx: super::Context<'_>) -> Self {
        Self {
            profile: ProfileRef::of(ctx.profile),
            first: true,
        }
    }
}

impl super::Renderer for Json {
    fn head(&mut self) -> String {
        head(&self.profile).unwrap_or_default()
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        let first = std::mem::replace(&mut self.first, false);
        document(doc, first).unwrap_or_default()
    }

    fn tail(&mut self, summary: &Summary) -> String {
        tail(summary, !self.first).unwrap_or_default()
    }

    fn write_document(
        &mut self,
        doc: &DocumentReport,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let first = std::mem::replace(&mut self.first, false);
        out.write_all(if first { b"\n    " } else { b",\n    " })?;
        let mut indented = Indented {
            inner: out,
            indent: b"    ",
        };
        serde_json::to_writer_pretty(&mut indented, doc).map_err(std::io::Error::other)
    }
}

/// A writer that indents every line after the first, so a value serialised
/// straight into it stands at its depth in the report. JSON strings never
/// hold a raw newline, so every newline written is the formatter's.
struct Indented<'w> {
    inner: &'w mut dyn std::io::Write,
    indent: &'static [u8],
}

impl std::io::Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            self.inner.write_all(&rest[..=i])?;
            self.inner.write_all(self.indent)?;
            rest = &rest[i + 1..];
        }
        self.inner.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A value pretty-printed as it stands `depth` levels deep.
pub(crate) fn nested(value: &impl Serialize, depth: usize) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(text.replace('\n', &format!("\n{}", "  ".repeat(depth))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str) -> DocumentReport {
        DocumentReport::unreadable(path.to_owned(), "trasig".to_owned())
    }

    #[test]
    fn written_straight_out_a_document_reads_the_same() {
        let profile = ProfileRef {
            id: "stockholm".into(),
            version: "2026.1".into(),
            sha256: "00".into(),
        };
        let report = Report::new(profile.clone(), vec![doc("a.md"), doc("b.md")]);
        let mut json = Json {
            profile,
            first: true,
        };
        let mut out = super::super::Renderer::head(&mut json).into_bytes();
        for d in &report.documents {
            super::super::Renderer::write_document(&mut json, d, &mut out).unwrap();
        }
        out.extend(super::super::Renderer::tail(&mut json, &report.summary).into_bytes());
        assert_eq!(String::from_utf8(out).unwrap(), render(&report).unwrap());
    }

    #[test]
    fn the_pieces_make_the_whole_report() {
        let profile = ProfileRef {
            id: "stockholm".into(),
            version: "2026.1".into(),
            sha256: "00".into(),
        };
        for docs in [vec![], vec![doc("a.md")], vec![doc("a.md"), doc("b.md")]] {
            let report = Report::new(profile.clone(), docs);
            let mut whole = serde_json::to_string_pretty(&report).unwrap();
            whole.push('\n');
            assert_eq!(render(&report).unwrap(), whole);
        }
    }
}
