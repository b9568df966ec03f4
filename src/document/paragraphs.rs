//! Turns the paragraphs of a word-processor file into a `Document`: one line
//! of text per paragraph, with the number the program shows written before
//! it, headings opening sections, table cells as blocks, and notes after the
//! paragraph that cites them. The DOCX and ODT readers both end here, once
//! they have worked out each paragraph's heading level and number.

use super::lines::{classify, heading_parts, Line};
use super::outline::{HeadingAt, Origin, Outline};
use super::text::trim;
use super::{BlockKind, Document};
use crate::model::span::Span;
use crate::source::Format;

/// Bytes a paragraph holds on its way to a block besides its text: its
/// record in the walk of the XML, its `Paragraph`, and its block and line
/// (spent from the `Budget`; a file of empty paragraphs costs this each).
pub const PARAGRAPH_COST: usize = 256;

/// What a numbered paragraph shows before its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Number(String),
    Bullet,
}

#[derive(Debug, Default)]
pub struct Paragraph {
    pub text: String,
    /// Heading level by style or outline level (1 = top).
    pub level: Option<u8>,
    pub label: Option<Label>,
    /// Footnotes cited in the paragraph, each a list of paragraphs' text.
    pub notes: Vec<Vec<String>>,
    /// 1-based position among the file's paragraph elements, empty ones
    /// and a table of contents included: how `annotate` finds it in the XML.
    pub source: u32,
    /// The page a word processor last laid it out on (Word's
    /// `w:lastRenderedPageBreak`), where the file records it.
    pub page: Option<u32>,
}

#[derive(Debug)]
pub enum Item {
    Para(Paragraph),
    CellStart,
    CellEnd,
}

#[must_use]
pub fn build(items: Vec<Item>, format: Format, capacity: usize) -> Document {
    build_sourced(items, format, capacity).0
}

/// The document, and for each paragraph it counts (the `paragraph` of its
/// blocks, 1-based) the paragraph's `source`.
#[must_use]
pub fn build_sourced(items: Vec<Item>, format: Format, capacity: usize) -> (Document, Vec<u32>) {
    let mut b = Builder {
        text: String::with_capacity(capacity),
        outline: Outline::default(),
        cells: Vec::new(),
        index: 0,
        page: None,
        sources: Vec::new(),
    };
    for item in items {
        match item {
            Item::CellStart => b.cells.push(Vec::new()),
            Item::CellEnd => {
                if let Some(lines) = b.cells.pop().filter(|l| !l.is_empty()) {
                    b.outline
                        .block(BlockKind::TableCell, lines.into(), b.origin());
                }
            }
            Item::Para(p) => b.paragraph(&p),
        }
    }
    let Outline { blocks, sections } = b.outline;
    let doc = Document {
        text: b.text,
        format,
        blocks,
        sections,
        comments: Vec::new(),
    };
    (doc, b.sources)
}

struct Builder {
    text: String,
    outline: Outline,
    /// The lines of the table cells being read, innermost last.
    cells: Vec<Vec<Span>>,
    /// The paragraphs with text so far: the `paragraph` of a location. Empty
    /// paragraphs are not counted, so a DOCX and the ODT of the same text
    /// (whose writers keep different empty ones) give the same numbers.
    index: u32,
    page: Option<u32>,
    /// The `source` of each paragraph counted.
    sources: Vec<u32>,
}

impl Builder {
    fn origin(&self) -> Origin {
        Origin {
            page: self.page,
            paragraph: Some(self.index),
        }
    }

    /// Writes a line and returns its span and the span of its text after `lead`.
    fn line(&mut self, lead: Option<&str>, body: &str) -> Option<(Span, Span)> {
        let body = normalise(body);
        if body.trim().is_empty() {
            return None;
        }
        let start = self.text.len();
        if let Some(lead) = lead {
            self.text.push_str(lead);
            self.text.push(' ');
        }
        let content = self.text.len();
        self.text.push_str(&body);
        let line = trim(&self.text, start, self.text.len());
        let content = trim(&self.text, content, self.text.len());
        self.text.push('\n');
        Some((line, content))
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let shown = match &p.label {
            Some(Label::Number(n)) => Some(n.as_str()),
            _ => None,
        };
        let Some((line, content)) = self.line(shown, &p.text) else {
            return;
        };
        self.index += 1;
        self.sources.push(p.source);
        self.page = p.page;
        if let Some(cell) = self.cells.last_mut() {
            cell.push(content);
        } else if let Some(level) = p.level {
            self.heading(line, level);
        } else {
            self.body(line, content, p.label.is_some());
        }
        for note in &p.notes {
            for text in note {
                if let Some((_, content)) = self.line(None, text) {
                    self.outline.block(
                        BlockKind::Paragraph,
                        smallvec::smallvec![content],
                        self.origin(),
                    );
                }
            }
        }
    }

    /// A heading by style. Its number is the one the program shows, or one
    /// typed in the text; "Bilaga 5 …" makes it an annex.
    fn heading(&mut self, line: Span, level: u8) {
        let raw = &self.text[line.start..line.end];
        let (number, annex, title) = heading_parts(raw);
        let title_at = line.start + (raw.len() - title.len());
        let number = number.map(|n| n.trim_end_matches(['.', ')']).to_owned());
        let annex = annex.map(str::to_owned);
        self.open_section(line, title_at, number.as_deref(), annex.as_deref(), level);
    }

    fn open_section(
        &mut self,
        line: Span,
        title_at: usize,
        number: Option<&str>,
        annex: Option<&str>,
        level: u8,
    ) {
        let at = HeadingAt {
            line,
            title: trim(&self.text, title_at, line.end),
            number,
            annex,
            level,
        };
        let origin = self.origin();
        self.outline.heading(&at, origin);
    }

    /// A paragraph that is not styled as a heading: read like a line of text,
    /// so a hand-typed "7.4 Antidiskriminering" still opens a section.
    fn body(&mut self, line: Span, content: Span, numbered: bool) {
        let raw = &self.text[line.start..line.end];
        match classify(raw) {
            Line::Heading(h) => {
                let number = h.number.map(str::to_owned);
                let annex = h.annex.map(str::to_owned);
                let title_at = line.start + h.content;
                self.open_section(line, title_at, number.as_deref(), annex.as_deref(), h.level);
            }
            Line::ListItem { content: c } => {
                let span = trim(&self.text, line.start + c, line.end);
                self.outline.block(
                    BlockKind::ListItem,
                    smallvec::smallvec![span],
                    self.origin(),
                );
            }
            _ => {
                let kind = if numbered {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                self.outline
                    .block(kind, smallvec::smallvec![content], self.origin());
            }
        }
    }
}

/// Soft hyphens go and a non-breaking hyphen is a hyphen, so words read whole.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\u{ad}')
        .map(|c| if c == '\u{2011}' { '-' } else { c })
        .collect()
}
