//! With `--track-changes`, each missing requirement's suggested wording as a
//! tracked new paragraph: at the end of the clause section, styled as its
//! last paragraph of body text, or with no clause as a new section before the
//! general terms or at the end of the document.

use super::markup;
use super::revise::revisions;
use super::Writer;
use crate::document::{BlockKind, Document};
use crate::model::vocab::Status;
use crate::report::{DocumentReport, RequirementResult};

impl Writer<'_> {
    /// Each missing requirement's suggested wording as a new paragraph at the
    /// end of the clause section, or, with no clause, as a new section at the
    /// end of the document.
    pub(super) fn insert_missing(&mut self, report: &DocumentReport) {
        let missing: Vec<&RequirementResult> = report
            .requirements
            .iter()
            .filter(|r| r.status == Status::Missing && r.suppressed.is_none() && !r.help.is_empty())
            .collect();
        if missing.is_empty() {
            return;
        }
        let Some((at, style, new_heading)) = self.placement(report, &missing) else {
            return;
        };
        if at == 0 {
            return;
        }
        let mut xml = String::new();
        if let Some(h) = new_heading {
            let title = self
                .options
                .profile
                .template("suggestion_heading", self.options.lang)
                .to_owned();
            xml.push_str(&self.paragraph(&title, Some(h)));
            self.revisions += 1;
        }
        for r in missing {
            xml.push_str(&self.paragraph(&r.help.replace('\n', " "), style));
            self.revisions += 1;
        }
        self.edits.insert(at, xml, 0);
    }

    /// Where the new paragraphs go, the paragraph whose style they take,
    /// and, with no clause, the heading whose style a new one takes.
    fn placement(
        &self,
        report: &DocumentReport,
        missing: &[&RequirementResult],
    ) -> Option<(usize, Option<u32>, Option<u32>)> {
        let clause = missing
            .iter()
            .find_map(|r| r.locations.first()?.paragraph)
            .and_then(|p| clause(self.doc, p).map(|s| (p, s)))
            .filter(|&(p, s)| has_evidence(report, p, section_end(self.doc, s).0));
        if let Some((_, section)) = clause {
            let (last, style) = section_end(self.doc, section);
            let i = *self.by_index.get(&last)?;
            return Some((self.body.paragraphs[i].top_end, style, None));
        }
        let body = last_of(self.doc, None, |k| {
            matches!(k, BlockKind::Paragraph | BlockKind::ListItem)
        });
        Some(self.general_terms().map_or_else(
            || {
                let heading = last_of(self.doc, None, |k| k == BlockKind::Heading);
                (self.body.end, body, heading)
            },
            |(at, paragraph)| (at, body, Some(paragraph)),
        ))
    }

    /// Where the general terms begin: the start of their heading, when it
    /// stands in the body, and its paragraph number.
    fn general_terms(&self) -> Option<(usize, u32)> {
        let words = &revisions().general_terms;
        self.doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .filter(|b| {
                let title = self.doc.text[b.span().start..b.span().end].to_lowercase();
                words.iter().any(|w| title.contains(w.as_str()))
            })
            .find_map(|b| {
                let n = b.paragraph?;
                let p = &self.body.paragraphs[*self.by_index.get(&n)?];
                (!p.nested && p.top_end == p.close.end).then_some((p.open.start, n))
            })
    }

    /// A new paragraph styled as paragraph number `like` of the document.
    fn paragraph(&mut self, text: &str, like: Option<u32>) -> String {
        let ppr = like
            .and_then(|n| self.by_index.get(&n))
            .map(|&i| &self.body.paragraphs[i])
            .filter(|p| !p.nested && p.top_end == p.close.end)
            .and_then(|p| p.ppr.clone())
            .map(|r| self.raw[r].to_owned());
        let (mark, ins) = (self.id(), self.id());
        markup::inserted_paragraph(text, ppr.as_deref(), mark, ins, &self.options.stamp)
    }
}

/// The section whose heading is paragraph `paragraph`.
fn clause(doc: &Document, paragraph: u32) -> Option<usize> {
    doc.blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading && b.paragraph == Some(paragraph))
        .and_then(|b| b.section)
}

/// Whether a requirement found met or weak points into the section from
/// paragraph `heading` to `last`: then it is the clause, and not only the
/// place a missing requirement is reported at for want of one.
fn has_evidence(report: &DocumentReport, heading: u32, last: u32) -> bool {
    report
        .requirements
        .iter()
        .filter(|r| matches!(r.status, Status::Met | Status::Weak))
        .flat_map(|r| &r.locations)
        .filter_map(|l| l.paragraph)
        .any(|p| p > heading && p <= last)
}

/// The last paragraph of a section (its subsections included), and its last
/// paragraph of body text, whose style new paragraphs take.
fn section_end(doc: &Document, section: usize) -> (u32, Option<u32>) {
    let within =
        |b: &crate::document::Block| b.section.is_some_and(|s| doc.section_within(s, section));
    let last = doc
        .blocks
        .iter()
        .filter(|b| within(b))
        .filter_map(|b| b.paragraph)
        .max()
        .unwrap_or(0);
    let style = last_of(doc, Some(section), |k| {
        matches!(k, BlockKind::Paragraph | BlockKind::ListItem)
    });
    (last, style)
}

/// The paragraph of the last block of a kind, in a section or anywhere.
fn last_of(
    doc: &Document,
    section: Option<usize>,
    kind: impl Fn(BlockKind) -> bool,
) -> Option<u32> {
    doc.blocks
        .iter()
        .filter(|b| kind(b.kind))
        .filter(|b| section.is_none_or(|s| b.section.is_some_and(|x| doc.section_within(x, s))))
        .filter_map(|b| b.paragraph)
        .next_back()
}
