//! The JSON report (`klausul.report/1`), as `contracts.md` fixes it.
//!
//! It can be written in pieces, a document at a time, so a run over many
//! files never holds every document's report: `head`, then `document` for
//! each, then `tail`. The pieces make exactly the text that pretty-printing
//! the whole `Report` makes: each is `serde_json`'s own pretty printing,
//! indented as deep as the piece stands.

use std::io::Write as _;

use serde::Serialize;

use crate::report::skipped::Skipped;
use crate::report::{DocumentReport, ProfileRef, Report, Summary, Tool, SCHEMA};

/// # Errors
/// Never in practice: the report holds only strings, numbers and enums.
pub fn render(report: &Report) -> serde_json::Result<String> {
    let mut out = head(&report.profile)?;
    for (i, doc) in report.documents.iter().enumerate() {
        out.push_str(&document(doc, i == 0)?);
    }
    out.push_str(&tail(
        &report.summary,
        &report.skipped,
        !report.documents.is_empty(),
    )?);
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

/// The end of `documents`, the files skipped (when there are any), and the
/// summary.
///
/// # Errors
/// As `render`.
pub fn tail(
    summary: &Summary,
    skipped: &[Skipped],
    any_documents: bool,
) -> serde_json::Result<String> {
    let close = if any_documents { "\n  ]" } else { "]" };
    let skipped = if skipped.is_empty() {
        String::new()
    } else {
        format!(",\n  \"skipped\": {}", nested(&skipped, 1)?)
    };
    Ok(format!(
        "{close}{skipped},\n  \"summary\": {}\n}}\n",
        nested(summary, 1)?
    ))
}

/// The JSON report as a `Renderer`.
pub struct Json<'p> {
    profile: ProfileRef,
    skipped: &'p [Skipped],
    first: bool,
}

impl<'p> Json<'p> {
    #[must_use]
    pub fn new(ctx: super::Context<'p>) -> Self {
        Self {
            profile: ProfileRef::of(ctx.profile),
            skipped: &ctx.run.skipped,
            first: true,
        }
    }
}

impl super::Renderer for Json<'_> {
    fn head(&mut self) -> String {
        head(&self.profile).unwrap_or_default()
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        let first = std::mem::replace(&mut self.first, false);
        document(doc, first).unwrap_or_default()
    }

    fn tail(&mut self, summary: &Summary) -> String {
        tail(summary, self.skipped, !self.first).unwrap_or_default()
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
        write_nested(&mut out, doc, 2).map_err(std::io::Error::other)?;
        out.flush()
    }
}

/// Writes `value` pretty-printed by `serde_json`, as it stands `depth` levels
/// deep in the report (two spaces a level).
fn write_nested(
    out: impl std::io::Write,
    value: &impl Serialize,
    depth: usize,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, super::pretty::Nested::at(depth));
    value.serialize(&mut ser)
}

/// A value pretty-printed as it stands `depth` levels deep.
pub(crate) fn nested(value: &impl Serialize, depth: usize) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_nested(&mut out, value, depth)?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
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
            skipped: &[],
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
        let skipped = crate::report::skipped::Skipped {
            path: "brev.doc".into(),
            reason: crate::report::skipped::SkipReason::OldWord,
        };
        for docs in [vec![], vec![doc("a.md")], vec![doc("a.md"), doc("b.md")]] {
            let mut report = Report::new(profile.clone(), docs.clone());
            let mut whole = serde_json::to_string_pretty(&report).unwrap();
            whole.push('\n');
            assert_eq!(render(&report).unwrap(), whole);
            // With a file skipped, as a walk of a folder with old Word in it.
            report.skipped = vec![skipped.clone()];
            report.summary.skipped = 1;
            let mut whole = serde_json::to_string_pretty(&report).unwrap();
            whole.push('\n');
            assert_eq!(render(&report).unwrap(), whole);
        }
    }

    #[test]
    fn a_nested_value_is_serde_json_pretty_printed_and_indented() {
        // A line break inside a string is escaped, so it is not indented.
        let value = serde_json::json!({"ord": "två\nrader", "tom": [], "lista": [1, {}]});
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(nested(&value, 0).unwrap(), pretty);
        assert_eq!(nested(&value, 3).unwrap(), pretty.replace('\n', "\n      "));
        assert!(nested(&value, 3).unwrap().contains(r#""två\nrader""#));
    }
}
