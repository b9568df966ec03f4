//! The JSON report (`klausul.report/1`), as `contracts.md` fixes it.
//!
//! It can be written in pieces, a document at a time, so a run over many
//! files never holds every document's report: `head`, then `document` for
//! each, then `tail`. The pieces make exactly the text that pretty-printing
//! the whole `Report` makes.

use std::io::Write as _;

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
        // Each key, quote and indent is a small write: into a buffer of a
        // known type they are plain stores, where through `dyn Write` each was
        // a call. The buffer is bounded, so a register's rows still go out as
        // they are made.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        out.write_all(if first { b"\n    " } else { b",\n    " })?;
        let deep = Deep {
            depth: 2,
            has_value: false,
        };
        let mut ser = serde_json::Serializer::with_formatter(&mut out, deep);
        doc.serialize(&mut ser).map_err(std::io::Error::other)?;
        out.flush()
    }
}

/// `serde_json`'s pretty layout (two spaces a level) for a value that stands
/// `depth` levels deep in the report, so a document's JSON is written
/// straight out, however many rows it has.
struct Deep {
    depth: usize,
    has_value: bool,
}

impl Deep {
    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        // One write for the line break and the indent, as deep as a report goes.
        const BREAK: &[u8; 66] =
            b",\n                                                                ";
        let indent = 2 * self.depth;
        let from = usize::from(!comma);
        if let Some(line) = BREAK.get(from..2 + indent) {
            return w.write_all(line);
        }
        w.write_all(&BREAK[from..2])?;
        (0..self.depth).try_for_each(|_| w.write_all(b"  "))
    }
}

impl serde_json::ser::Formatter for Deep {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, !first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, !first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
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

    #[test]
    fn any_depth_is_laid_out_as_serde_json_pretty_prints_it() {
        // Forty levels: deeper than the one write of a line break covers.
        let mut value = serde_json::json!({"ord": "värde", "tom": [], "lista": [1, 2]});
        for i in 0..40 {
            value = serde_json::json!([i, value]);
        }
        let mut out = Vec::new();
        let deep = Deep {
            depth: 0,
            has_value: false,
        };
        value
            .serialize(&mut serde_json::Serializer::with_formatter(&mut out, deep))
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
