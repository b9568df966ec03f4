//! The `Document`: what every reader produces and the checking core consumes.
//!
//! A document is its text plus blocks (headings, paragraphs, list items, table
//! cells) whose lines are byte spans into that text, and the section tree the
//! headings make. Readers for other formats produce the same type, so the core
//! never learns where a document came from.

mod docx;
pub mod error;
mod isolated;
mod labels;
mod lines;
mod odt;
mod outline;
mod package;
mod pages;
mod paragraphs;
mod pdf;
mod tables;
mod text;
mod title_words;

pub use docx::{
    paragraph_sources as docx_paragraph_sources, read_docx,
    SKIPPED_ELEMENTS as DOCX_SKIPPED_ELEMENTS,
};
pub use isolated::child::{self, use_child_processes};
pub use isolated::{isolated, READER_THREAD};
pub use odt::read_odt;
pub use package::check_sizes as check_package;
pub(crate) use package::{attr, attrs, local, Element, Node, Package, Xml};
pub use pdf::{check_streams, read_pdf, serve_pdf};
pub use text::{read_text, structure_cost};

use crate::model::span::Span;
use crate::source::Format;

/// The most words a title that runs into its point's first sentence has.
const RUN_IN_TITLE_WORDS: usize = 4;

/// How many blocks above a list item its numbered title may stand.
const TITLE_LOOKBACK: usize = 12;

/// A table cell of fewer words is a label, not a paragraph.
const LABEL_CELL_WORDS: usize = 3;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

/// A block's lines: a paragraph of one line (most of them) needs no
/// allocation of its own.
pub type Lines = smallvec::SmallVec<[Span; 1]>;

/// A unit of text. Its content is the concatenation of `lines` (joined with a
/// space): lines left out of a block, such as running page headers, are not in
/// it even when they sit between two of its lines.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub lines: Lines,
    pub section: Option<usize>,
    /// 1-based page, where the source has pages.
    pub page: Option<u32>,
    /// 1-based paragraph of a Word or OpenDocument file.
    pub paragraph: Option<u32>,
    /// The sheet and cell of a spreadsheet row's text.
    pub cell: Option<(String, String)>,
    /// For a catalogue row that is not a mandatory requirement: what its
    /// obligation cell says ("Bör-krav"). Such a row cannot make a
    /// requirement met.
    pub optional: Option<String>,
}

impl Block {
    #[must_use]
    pub fn span(&self) -> Span {
        let first = self.lines.first().copied().unwrap_or_default();
        let last = self.lines.last().copied().unwrap_or_default();
        first.cover(last)
    }
}

/// A heading and everything under it until the next heading at its level or above.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The number the reader sees, such as "7.4"; none for unnumbered headings.
    pub number: Option<String>,
    /// The annex id for a "Bilaga 5 …" heading.
    pub annex: Option<String>,
    /// Where the title stands in the text, without the number.
    pub title: Span,
    pub level: u8,
    pub parent: Option<usize>,
    pub heading: Span,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub format: Format,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    /// Reviewers' comments (Word), read for suppressions only.
    pub comments: Vec<Comment>,
}

/// A reviewer's comment on a Word document: not part of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub author: String,
    /// One line per paragraph of the comment.
    pub text: String,
}

impl Document {
    /// The title of `section`, without its number.
    #[must_use]
    pub fn title(&self, section: &Section) -> &str {
        &self.text[section.title.start..section.title.end]
    }

    /// Whether section `inner` is `outer` or lies below it.
    #[must_use]
    pub fn section_within(&self, inner: usize, outer: usize) -> bool {
        let mut at = Some(inner);
        while let Some(s) = at {
            if s == outer {
                return true;
            }
            at = self.sections[s].parent;
        }
        false
    }

    /// The titled section that section `section` is a point of: a PDF line
    /// such as "20.2 Leverantören ska …" may stand as a section of its own
    /// with no title, but it is a point of "20 Socialt ansvar".
    #[must_use]
    pub fn titled(&self, mut section: usize) -> usize {
        while let Some(parent) = self.sections[section].parent {
            if !self.title(&self.sections[section]).trim().is_empty() {
                break;
            }
            section = parent;
        }
        section
    }

    /// The annex a title belongs to when the annex's label stands alone on
    /// its line ("SCHEDULE 4" / "Equal Treatment and Non-discrimination"):
    /// the reader makes the title a section of its own, but it names the
    /// annex. Any other section is itself.
    #[must_use]
    pub fn annex_titled_by(&self, section: usize) -> usize {
        let here = &self.sections[section];
        match here.parent {
            Some(parent)
                if section == parent + 1
                    && here.number.is_none()
                    && self.sections[parent].annex.is_some()
                    && self.title(&self.sections[parent]).trim().is_empty() =>
            {
                parent
            }
            _ => section,
        }
    }

    /// Per section: whether a titled section lies below it.
    #[must_use]
    pub fn has_titled_parts(&self) -> Vec<bool> {
        let mut parts = vec![false; self.sections.len()];
        for section in &self.sections {
            if let Some(parent) = section.parent {
                if !self.title(section).trim().is_empty() {
                    parts[self.titled(parent)] = true;
                }
            }
        }
        parts
    }

    /// The sections that may hold a clause no heading names: titled
    /// sections with no titled part, where at least two paragraphs, and at
    /// least one paragraph of five, are `about` it. Counting paragraphs, not
    /// sentences, gives the same answer whichever sentences were read; table
    /// cells that only label a row or column are not counted.
    #[must_use]
    pub fn sections_mostly_about(&self, about: impl Fn(usize) -> bool) -> Vec<usize> {
        // Per section: paragraphs about it, and all paragraphs.
        let mut counts = vec![(0_usize, 0_usize); self.sections.len()];
        for (b, block) in self.blocks.iter().enumerate() {
            if self.is_label_cell(block) {
                continue;
            }
            if let (Some(section), false) = (block.section, block.kind == BlockKind::Heading) {
                let count = &mut counts[self.titled(section)];
                count.1 += 1;
                count.0 += usize::from(about(b));
            }
        }
        let parts = self.has_titled_parts();
        (0..counts.len())
            .filter(|&i| !parts[i] && counts[i].0 >= 2 && counts[i].0 * 5 >= counts[i].1)
            .collect()
    }

    /// The title of a point whose title runs into its first sentence, and
    /// the point's number: "5.4 Likabehandling. Leverantören ska …" gives
    /// ("5.4", "Likabehandling"). A reader that made "5.4" a section of its
    /// own, with no title, leaves "Likabehandling. Leverantören ska …" as its
    /// first paragraph; the number is then the section's. A title is a few
    /// words with no verb, closed by a full stop, with a sentence after it.
    #[must_use]
    pub fn run_in_title(&self, block: usize) -> Option<(Option<&str>, Span)> {
        let here = self.blocks.get(block)?;
        if !matches!(here.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            return None;
        }
        let line = *here.lines.first()?;
        let text = &self.text[line.start..line.end];
        let (rest, number) = match labels::section_number_label(text) {
            Ok((rest, number)) => (rest, Some(number)),
            Err(_) => (text, self.untitled_number_opened_by(block)?.into()),
        };
        let dot = rest.find(". ")?;
        let title = &rest[..dot];
        let after = rest[dot + 1..].trim_start();
        let short = title.split_whitespace().count() <= RUN_IN_TITLE_WORDS;
        if !short
            || !title_words::looks_like_title(title)
            || title_words::has_verb(title)
            || !after.chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        let start = line.start + (text.len() - rest.len());
        Some((number, Span::new(start, start + dot)))
    }

    /// The number of the untitled section that `block` opens.
    fn untitled_number_opened_by(&self, block: usize) -> Option<&str> {
        let section = self.blocks[block].section?;
        let first = block == 0 || self.blocks[block - 1].section != Some(section);
        let here = &self.sections[section];
        (first && self.title(here).trim().is_empty())
            .then_some(here.number.as_deref())
            .flatten()
    }

    /// The number of the point `block` belongs to: its own label ("12.3
    /// Arbetet …"), its lead-in's ("12.2 Leverantören förbinder sig till
    /// följande:" over "b) att …"), that of a numbered title the reader kept
    /// as a paragraph above it ("**2. Leverantörens åtaganden**"), or its
    /// section's.
    #[must_use]
    pub fn point_number(&self, block: usize, lead_in: Option<usize>) -> Option<&str> {
        self.label(block)
            .map(|(number, _)| number)
            .or_else(|| {
                lead_in
                    .and_then(|b| self.label(b))
                    .map(|(number, _)| number)
            })
            .or_else(|| self.numbered_title_above(block))
            .or_else(|| self.sections[self.blocks[block].section?].number.as_deref())
    }

    /// The number label that opens `block`, and the text after it.
    fn label(&self, block: usize) -> Option<(&str, &str)> {
        let line = self.blocks[block].lines.first()?;
        // Markdown's emphasis around a title ("**2. Åtaganden**") is no part of it.
        let text = self.text[line.start..line.end].trim_start_matches(['*', '_']);
        labels::section_number_label(text)
            .ok()
            .map(|(rest, number)| (number, rest))
    }

    /// The number of the nearest paragraph above `block`, in its section,
    /// that is a numbered title alone; `None` when a numbered point of
    /// another kind comes first.
    fn numbered_title_above(&self, block: usize) -> Option<&str> {
        let section = self.blocks[block].section;
        let above = (0..block).rev().take(TITLE_LOOKBACK);
        for b in above.take_while(|&b| self.blocks[b].section == section) {
            if let Some((number, rest)) = self.label(b) {
                let title = rest.trim_end_matches(['*', '_']);
                let alone = self.blocks[b].lines.len() == 1
                    && title_words::looks_like_title(title)
                    && !title_words::has_verb(title);
                return alone.then_some(number);
            }
        }
        None
    }

    /// Whether `block` is a table cell that labels rather than says:
    /// "K7.1", "Ska-krav", a column's name. A requirements table has three
    /// such cells for each sentence of prose.
    fn is_label_cell(&self, block: &Block) -> bool {
        block.kind == BlockKind::TableCell
            && block
                .lines
                .iter()
                .map(|l| self.text[l.start..l.end].split_whitespace().count())
                .sum::<usize>()
                < LABEL_CELL_WORDS
    }

    /// The text of a section's heading line, as written.
    #[must_use]
    pub fn heading_text(&self, section: usize) -> &str {
        let span = self.sections[section].heading;
        &self.text[span.start..span.end]
    }
}
