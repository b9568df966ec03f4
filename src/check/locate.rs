//! Turns spans of a document's text into report locations: line and column,
//! byte offsets, the section and heading they stand under, and an excerpt.

use crate::document::Document;
use crate::report::{Excerpt, Location};
use crate::span::{LineIndex, Span};

/// Most lines an excerpt keeps.
const EXCERPT_LINES: usize = 6;

pub struct Locator<'d> {
    doc: &'d Document,
    index: LineIndex,
}

impl<'d> Locator<'d> {
    #[must_use]
    pub fn new(doc: &'d Document) -> Self {
        Self {
            doc,
            index: LineIndex::new(&doc.text),
        }
    }

    /// The block that holds `span`: the last one starting at or before it,
    /// unless that one ends before the span and the next starts inside it (a
    /// heading line whose block starts after its `###`).
    fn block_at(&self, span: Span) -> Option<usize> {
        let blocks = &self.doc.blocks;
        let i = blocks.partition_point(|b| b.span().start <= span.start);
        let next_inside = blocks.get(i).is_some_and(|b| b.span().start < span.end);
        let before_ends_early = i
            .checked_sub(1)
            .is_none_or(|p| blocks[p].span().end <= span.start);
        if next_inside && before_ends_early {
            Some(i)
        } else {
            i.checked_sub(1)
        }
    }

    #[must_use]
    pub fn locate(&self, span: Span) -> Location {
        let text = &self.doc.text;
        let start = self.index.locate(text, span.start);
        let end = self.index.locate(text, span.end);
        let block = self.block_at(span).map(|b| &self.doc.blocks[b]);
        let section = block.and_then(|b| b.section).map(|s| &self.doc.sections[s]);
        Location {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_start: span.start,
            byte_end: span.end,
            section: section.and_then(|s| {
                s.number
                    .clone()
                    .or_else(|| s.annex.as_ref().map(|a| format!("Bilaga {a}")))
            }),
            heading: section.map(|s| s.title.clone()),
            page: block.and_then(|b| b.page),
            text: text[span.start..span.end].to_owned(),
            excerpt: Some(self.excerpt(span)),
        }
    }

    fn excerpt(&self, span: Span) -> Excerpt {
        let text = &self.doc.text;
        let first = self.index.line_of(span.start);
        let last = self
            .index
            .line_of(span.end.saturating_sub(1).max(span.start))
            .min(first + EXCERPT_LINES - 1);
        let from = self.index.line_start(first);
        let to = self.index.line_span(text, last).end.max(from);
        Excerpt {
            text: text[from..to].to_owned(),
            first_line: first + 1,
            offset: from,
        }
    }
}
