//! Where a requirement's comment stands: on the words a weak requirement
//! points at, found again in the paragraph the report names; on the clause
//! heading a missing requirement points at; on the document's first heading
//! when a missing requirement has no place at all.

use std::collections::HashMap;
use std::ops::Range;

use super::scan::{Body, Paragraph};
use crate::document::{BlockKind, Document};
use crate::model::location::Location;
use crate::model::vocab::Status;
use crate::report::RequirementResult;

/// How many paragraphs before the one named to look in: a table cell's
/// block carries the number of the cell's last paragraph.
const CELL_REACH: u32 = 64;

#[derive(Debug, Clone)]
pub enum Anchor {
    /// A whole paragraph, by its place in `Body::paragraphs`.
    Paragraph(usize),
    /// Characters `chars` of a paragraph.
    Words { para: usize, chars: Range<usize> },
}

pub fn find(
    body: &Body,
    doc: &Document,
    by_index: &HashMap<u32, usize>,
    r: &RequirementResult,
) -> Option<Anchor> {
    let located = r.locations.first().and_then(|l| {
        let at = *by_index.get(&l.paragraph?)?;
        if r.status == Status::Missing {
            return usable(body, at).then_some(Anchor::Paragraph(at));
        }
        words(body, doc, by_index, l).or_else(|| usable(body, at).then_some(Anchor::Paragraph(at)))
    });
    located.or_else(|| first_heading(body, doc, by_index))
}

fn usable(body: &Body, at: usize) -> bool {
    !body.paragraphs[at].empty
}

/// The document's first heading, else its first paragraph with text.
fn first_heading(body: &Body, doc: &Document, by_index: &HashMap<u32, usize>) -> Option<Anchor> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .find_map(|b| by_index.get(&b.paragraph?).copied())
        .or_else(|| {
            body.paragraphs
                .iter()
                .position(|p| !p.empty && !p.text.trim().is_empty())
        })
        .map(Anchor::Paragraph)
}

/// The words of `l` in the paragraph it names or, for a table cell, one
/// shortly before it.
fn words(
    body: &Body,
    doc: &Document,
    by_index: &HashMap<u32, usize>,
    l: &Location,
) -> Option<Anchor> {
    let wanted = l.text.trim();
    if wanted.is_empty() {
        return None;
    }
    let named = l.paragraph?;
    let expected = offset_in_line(doc, l);
    (0..=CELL_REACH.min(named.saturating_sub(1))).find_map(|back| {
        let at = *by_index.get(&(named - back))?;
        let p = &body.paragraphs[at];
        let start = nearest(p, wanted, expected)?;
        let chars = char_range(p, start..start + wanted.len());
        (!chars.is_empty()).then_some(Anchor::Words { para: at, chars })
    })
}

/// Where in the paragraph's own text the words begin, judged from where
/// they stand in the report's line (which may start with a list number).
fn offset_in_line(doc: &Document, l: &Location) -> Option<(usize, usize)> {
    let text = &doc.text;
    if l.byte_start > text.len() || !text.is_char_boundary(l.byte_start) {
        return None;
    }
    let line_start = text[..l.byte_start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[l.byte_start..]
        .find('\n')
        .map_or(text.len(), |i| l.byte_start + i);
    Some((l.byte_start - line_start, line_end - line_start))
}

/// The occurrence of `wanted` in the paragraph nearest to where the line
/// puts it.
fn nearest(p: &Paragraph, wanted: &str, expected: Option<(usize, usize)>) -> Option<usize> {
    let found: Vec<usize> = p.text.match_indices(wanted).map(|(i, _)| i).collect();
    let guess = expected.map(|(offset, line_len)| {
        // The line is the paragraph's text, trimmed, after a number if any.
        let trimmed = p.text.trim();
        let lead = line_len.saturating_sub(trimmed.len());
        let before = p.text.len() - p.text.trim_start().len();
        (offset + before).saturating_sub(lead)
    });
    found
        .into_iter()
        .min_by_key(|&i| guess.map_or(0, |g| i.abs_diff(g)))
}

/// The characters of the paragraph whose bytes lie in `bytes`.
fn char_range(p: &Paragraph, bytes: Range<usize>) -> Range<usize> {
    let start = p.chars.partition_point(|c| c.at < bytes.start);
    let end = p.chars.partition_point(|c| c.at < bytes.end);
    start..end
}
