//! Turns spans of a document's text into report locations: line and column,
//! byte offsets, the section and heading they stand under, and an excerpt.

use crate::document::{BlockKind, Document};
use crate::model::location::{Excerpt, Location};
use crate::model::span::{ceil_char_boundary, floor_char_boundary, LineIndex, Span};
use crate::source::Format;

/// Most lines an excerpt keeps.
const EXCERPT_LINES: usize = 6;
/// Longest excerpt kept whole, in bytes; a longer one keeps a window of
/// `EXCERPT_CONTEXT` bytes on either side of the words.
const MAX_EXCERPT: usize = 2_000;
const EXCERPT_CONTEXT: usize = 300;
/// Words of a paragraph a location quotes to find it by.
const FIRST_WORDS: usize = 6;

pub struct Locator<'d> {
    doc: &'d Document,
    index: LineIndex<'d>,
    /// The first line (0-based) of each page after the first, where pages are
    /// separated by form feeds.
    page_starts: Vec<usize>,
    /// Where there are pages: how many lines with text come before each line.
    /// A person counts the lines they see, not the blank ones.
    seen_before: Vec<u32>,
}

impl<'d> Locator<'d> {
    #[must_use]
    pub fn new(doc: &'d Document) -> Self {
        let index = LineIndex::new(&doc.text);
        // Only a text with pages has blocks on pages (form feeds make the
        // pages of text and of a PDF; Word, OpenDocument and sheets have
        // none), so other texts are not searched for form feeds at all.
        let paged = doc.blocks.iter().any(|b| b.page.is_some());
        let page_starts = if paged {
            memchr::memchr_iter(0x0C, doc.text.as_bytes())
                .map(|at| index.line_of(at))
                .collect::<Vec<_>>()
        } else {
            Vec::new()
        };
        let seen_before = if page_starts.is_empty() {
            Vec::new()
        } else {
            let mut seen = 0u32;
            doc.text
                .split('\n')
                .map(|line| {
                    let before = seen;
                    if !line
                        .trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
                        .is_empty()
                    {
                        seen += 1;
                    }
                    before
                })
                .collect()
        };
        Self {
            doc,
            index,
            page_starts,
            seen_before,
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
        let at = self.block_at(span);
        let block = at.map(|b| &self.doc.blocks[b]);
        let section = block.and_then(|b| b.section).map(|s| &self.doc.sections[s]);
        let (section_paragraph, first_words) = at.map_or((None, None), |b| self.in_section(b));
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
            heading: section.map(|s| one_line(self.doc.title(s))),
            heading_path: block
                .and_then(|b| b.section)
                .map(|s| self.heading_path(s))
                .unwrap_or_default(),
            page: block.and_then(|b| b.page),
            page_approximate: block.is_some_and(|b| b.page.is_some())
                && matches!(self.doc.format, Format::Docx | Format::Odt),
            page_line: self.page_line(start.line - 1),
            paragraph: block.and_then(|b| b.paragraph),
            section_paragraph,
            first_words_cut: first_words.as_ref().is_some_and(|(_, cut)| *cut),
            first_words: first_words.map(|(w, _)| w),
            sheet: block
                .and_then(|b| b.cell.as_ref())
                .map(|(sheet, _)| sheet.clone()),
            cell: block
                .and_then(|b| b.cell.as_ref())
                .map(|(_, cell)| cell.clone()),
            hidden_sheet: false,
            text: text[span.start..span.end].to_owned(),
            excerpt: Some(self.excerpt(span)),
        }
    }

    /// For a paragraph of a Word or OpenDocument file, not a heading: its
    /// place among the blocks of its section after the heading (a section's
    /// blocks stand together, up to its first subsection), and its first
    /// words, with whether it has more.
    fn in_section(&self, at: usize) -> (Option<u32>, Option<(String, bool)>) {
        let blocks = &self.doc.blocks;
        let block = &blocks[at];
        if block.paragraph.is_none() || block.kind == BlockKind::Heading {
            return (None, None);
        }
        let first = at
            - blocks[..at]
                .iter()
                .rev()
                .take_while(|b| b.section == block.section && b.kind != BlockKind::Heading)
                .count();
        // A footnote's blocks follow the paragraph that cites it with that
        // paragraph's number: the paragraphs are counted, not the blocks.
        let mut last = first.checked_sub(1).and_then(|i| blocks[i].paragraph);
        let mut place = 0u32;
        for b in &blocks[first..=at] {
            if b.paragraph != last {
                place += 1;
                last = b.paragraph;
            }
        }
        let place = Some(place.max(1));
        let text = block
            .lines
            .iter()
            .map(|l| &self.doc.text[l.start..l.end])
            .collect::<Vec<_>>()
            .join(" ");
        let mut words = text.split_whitespace();
        let first: Vec<&str> = words.by_ref().take(FIRST_WORDS).collect();
        let cut = words.next().is_some();
        (place, Some((first.join(" "), cut)))
    }

    /// "3 Särskilda kontraktsvillkor", "3.2 Antidiskriminering": the headings
    /// from the top down to section `s`.
    fn heading_path(&self, s: usize) -> Vec<String> {
        let sections = &self.doc.sections;
        let mut path: Vec<String> = std::iter::successors(Some(s), |&at| sections[at].parent)
            .map(|at| {
                let text = &self.doc.text;
                let heading = sections[at].heading;
                // The heading as the reader sees it, without Markdown's `#`.
                one_line(text[heading.start..heading.end].trim_start_matches('#'))
            })
            .collect();
        path.reverse();
        path
    }

    /// The 1-based line on its page of 0-based line `line`, counting only the
    /// lines that show text.
    fn page_line(&self, line: usize) -> Option<usize> {
        if self.page_starts.is_empty() {
            return None;
        }
        let page = self.page_starts.partition_point(|&s| s <= line);
        let first = page.checked_sub(1).map_or(0, |p| self.page_starts[p]);
        let seen = |l: usize| self.seen_before.get(l).copied().unwrap_or(0);
        Some((seen(line) - seen(first)) as usize + 1)
    }

    fn excerpt(&self, span: Span) -> Excerpt {
        let text = &self.doc.text;
        let first = self.index.line_of(span.start);
        let last = self
            .index
            .line_of(span.end.saturating_sub(1).max(span.start))
            .min(first + EXCERPT_LINES - 1);
        let line_start = self.index.line_start(first);
        let mut from = line_start;
        let mut to = self.index.line_span(text, last).end.max(from);
        // A line can be megabytes long (text without line breaks); the
        // excerpt keeps a window around the words instead of the whole line.
        if to - from > MAX_EXCERPT {
            from = floor_char_boundary(text, span.start.saturating_sub(EXCERPT_CONTEXT).max(from));
            to = ceil_char_boundary(text, (span.end.max(span.start) + EXCERPT_CONTEXT).min(to))
                .max(from);
        }
        Excerpt {
            text: text[from..to].to_owned(),
            first_line: first + 1,
            offset: from,
            column: text[line_start..from].chars().count(),
        }
    }
}

/// A heading on one line: a title a PDF wrapped over two is joined again.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
