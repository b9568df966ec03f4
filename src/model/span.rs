//! Byte spans into a document's text and the line index that turns them into
//! 1-based lines and character columns.
//!
//! Spans are our own type; miette's `SourceSpan` appears only in the renderers.

use std::cell::{Cell, RefCell};

use serde::Serialize;

/// A half-open byte range `start..end` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    #[must_use]
    pub fn cover(self, other: Self) -> Self {
        Self::new(self.start.min(other.start), self.end.max(other.end))
    }

    #[must_use]
    pub fn contains(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Line starts of a text, for turning byte offsets into lines and columns.
/// They are found as far as they are asked for: a report locates a few places,
/// mostly early, in a text that may be long.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t [u8],
    /// The start of every line that starts before `scanned`.
    starts: RefCell<Vec<usize>>,
    scanned: Cell<usize>,
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl<'t> LineIndex<'t> {
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        Self {
            text: text.as_bytes(),
            starts: RefCell::new(vec![0]),
            scanned: Cell::new(0),
        }
    }

    /// Finds the line starts up to and including `offset`.
    fn scan_to(&self, offset: usize) {
        let (from, to) = (self.scanned.get(), offset.min(self.text.len()));
        if to < from {
            return;
        }
        // A newline at `to` starts a line after it, which `offset` is not in.
        let found = memchr_newlines(&self.text[from..to]).map(|i| from + i + 1);
        self.starts.borrow_mut().extend(found);
        self.scanned.set(to);
    }

    /// Finds line starts until 0-based `line` has one, or the text ends.
    fn scan_lines(&self, line: usize) {
        while self.starts.borrow().len() <= line && self.scanned.get() < self.text.len() {
            let from = self.scanned.get();
            let next =
                memchr::memchr(b'\n', &self.text[from..]).map_or(self.text.len(), |i| from + i + 1);
            self.scan_to(next);
        }
    }

    /// The 0-based line that holds `offset`.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.scan_to(offset);
        self.starts
            .borrow()
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    #[must_use]
    pub fn line_start(&self, line: usize) -> usize {
        self.scan_lines(line);
        let starts = self.starts.borrow();
        starts[line.min(starts.len() - 1)]
    }

    /// The byte range of 0-based `line`, without its line ending.
    #[must_use]
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_start(line);
        self.scan_lines(line + 1);
        let mut end = self
            .starts
            .borrow()
            .get(line + 1)
            .map_or(text.len(), |&s| s - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }

    #[must_use]
    pub fn locate(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        LineCol {
            line: line + 1,
            column: text[start..offset].chars().count() + 1,
        }
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

/// The largest char boundary at or below `offset`.
#[must_use]
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The smallest char boundary at or above `offset`.
#[must_use]
pub fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "åäö\nsär ska";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(text, 0), LineCol { line: 1, column: 1 });
        let ska = text.find("ska").unwrap();
        assert_eq!(index.locate(text, ska), LineCol { line: 2, column: 5 });
    }

    #[test]
    fn line_span_drops_crlf() {
        let text = "ett\r\ntvå\r\n";
        let index = LineIndex::new(text);
        assert_eq!(
            &text[index.line_span(text, 0).start..index.line_span(text, 0).end],
            "ett"
        );
        assert_eq!(
            &text[index.line_span(text, 1).start..index.line_span(text, 1).end],
            "två"
        );
    }

    #[test]
    fn lines_found_on_demand_agree_with_counting_in_any_order() {
        let text = "ett\r\n\ntvå tre\n\n\nfyra\r\nfem";
        let index = LineIndex::new(text);
        // Offsets asked for out of order, past the end too, and line spans
        // of lines not reached yet.
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        offsets.sort_by_key(|&o| (o * 7919) % 31);
        for o in offsets {
            let before = &text.as_bytes()[..o.min(text.len())];
            let naive = memchr::memchr_iter(b'\n', before).count();
            assert_eq!(index.line_of(o), naive, "offset {o}");
            let lines: Vec<&str> = text.split('\n').collect();
            let line = (o * 3) % lines.len();
            let span = index.line_span(text, line);
            assert_eq!(
                &text[span.start..span.end],
                lines[line].trim_end_matches('\r')
            );
        }
    }
}
