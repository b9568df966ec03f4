//! Reads Word documents (DOCX) with zip and quick-xml into a `Document`.
//!
//! Headings come from styles (by built-in name or outline level, never by the
//! style id) and their numbers from `numbering.xml`, so "7.4
//! Antidiskriminering" reads as it does on screen. Footnotes follow the
//! paragraph that cites them. Headers, footers, comments, deleted text and
//! field codes are not read (comments are kept
//! apart, for suppressions only); a table of contents is left out, so it can never
//! pass for the clause.

mod comments;
mod numbering;
mod styles;
mod walk;

pub use walk::SKIPPED as SKIPPED_ELEMENTS;

use std::collections::HashMap;

use numbering::Numbering;
use styles::Styles;

use super::error::ReadError;
use super::package::{Package, Xml};
use super::paragraphs::{build_sourced, Item, Label, Paragraph};
use super::Document;
use crate::model::limits::{Budget, Limits};
use crate::source::Format;

/// # Errors
/// A damaged, encrypted or oversized package, malformed XML, or content that
/// expands past `expanded_mb`.
pub fn read_docx(bytes: &[u8], limits: Limits) -> Result<Document, ReadError> {
    read_sourced(bytes, limits).map(|(doc, _)| doc)
}

/// For each paragraph the reader counts (a location's `paragraph`, 1-based),
/// its place among the `w:p` elements of the body, empty ones and a table
/// of contents included: where `klausul annotate` finds it in the XML.
///
/// # Errors
/// As `read_docx`.
pub fn paragraph_sources(bytes: &[u8], limits: Limits) -> Result<Vec<u32>, ReadError> {
    read_sourced(bytes, limits).map(|(_, sources)| sources)
}

fn read_sourced(bytes: &[u8], limits: Limits) -> Result<(Document, Vec<u32>), ReadError> {
    let budget = Budget::new(limits);
    let mut package = Package::open(bytes, limits)?;
    let body = package.required("word/document.xml", "Word")?;
    let styles = match package.part("word/styles.xml")? {
        Some(xml) => Styles::parse(&xml, limits)?,
        None => Styles::default(),
    };
    let mut numbering = match package.part("word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml, limits)?,
        None => Numbering::default(),
    };
    let mut notes = match package.part("word/footnotes.xml")? {
        Some(xml) => footnotes(Xml::new("word/footnotes.xml", &xml, limits), &budget)?,
        None => HashMap::new(),
    };
    let mut index = 0;
    let mut items = Vec::new();
    let walked = walk::walk(Xml::new("word/document.xml", &body, limits), &budget)?;
    // Pages only where Word recorded its layout: a document it never laid
    // out (or of one page) has no marks, and then no page is known.
    let laid_out = walked
        .iter()
        .any(|i| matches!(i, walk::Item::Para(p) if p.page > 1));
    for item in walked {
        items.push(match item {
            walk::Item::CellStart => Item::CellStart,
            walk::Item::CellEnd => Item::CellEnd,
            walk::Item::Para(p) => {
                index += 1;
                if p.in_toc || styles.is_toc(p.style.as_deref()) {
                    continue;
                }
                let shown = Shown {
                    styles: &styles,
                    numbering: &mut numbering,
                    budget: &budget,
                    laid_out,
                };
                Item::Para(shown.paragraph(p, index, &mut notes)?)
            }
        });
    }
    let (mut doc, sources) = build_sourced(items, Format::Docx, body.len() / 4);
    if let Some(xml) = package.part("word/comments.xml")? {
        doc.comments = comments::comments(Xml::new("word/comments.xml", &xml, limits), &budget)?;
    }
    Ok((doc, sources))
}

/// The text of each footnote, by its id.
fn footnotes(xml: Xml<'_>, budget: &Budget) -> Result<HashMap<String, Vec<String>>, ReadError> {
    let mut notes: HashMap<String, Vec<String>> = HashMap::new();
    for item in walk::walk(xml, budget)? {
        if let walk::Item::Para(p) = item {
            if let Some(id) = p.note.clone() {
                notes.entry(id).or_default().push(p.text);
            }
        }
    }
    Ok(notes)
}

/// What turns a body paragraph as Word stores it into the paragraph Word
/// shows: the styles, and the numbering with its counters so far.
struct Shown<'a> {
    styles: &'a Styles,
    numbering: &'a mut Numbering,
    budget: &'a Budget,
    /// The document records Word's page breaks.
    laid_out: bool,
}

impl Shown<'_> {
    /// The paragraph with its heading level, its number, and the footnotes
    /// it cites (each taken from `notes` once).
    fn paragraph(
        self,
        p: walk::Para,
        source: u32,
        notes: &mut HashMap<String, Vec<String>>,
    ) -> Result<Paragraph, ReadError> {
        let style = p.style.as_deref();
        // A paragraph's own numbering wins; numId 0 switches the style's off.
        let label = p
            .num
            .clone()
            .or_else(|| self.styles.numbering(style))
            .filter(|n| n.num_id != "0")
            .and_then(|n| self.numbering.next_label(&n));
        // A number is written before every paragraph that shows it, so a
        // long one repeats: one of 1 MB before a thousand paragraphs is a
        // gigabyte.
        if let Some(Label::Number(shown)) = &label {
            self.budget.spend(shown.len())?;
        }
        Ok(Paragraph {
            level: self
                .styles
                .heading_level(style)
                .or(p.outline.map(|l| l + 1)),
            label,
            notes: p
                .footnotes
                .iter()
                .filter_map(|id| notes.remove(id))
                .collect(),
            page: (self.laid_out && p.page > 0).then_some(p.page),
            text: p.text,
            source,
        })
    }
}
