//! Builds blocks and the section tree from paragraphs whose kind is already
//! known. Every reader ends here: the text reader after classifying lines, the
//! Word and OpenDocument readers after reading styles and numbering.

use super::{Block, BlockKind, Lines, Section};
use crate::model::span::Span;

/// A heading as a reader found it.
pub struct HeadingAt<'a> {
    /// The whole heading line, number included.
    pub line: Span,
    /// The title without its number.
    pub title: Span,
    pub number: Option<&'a str>,
    pub annex: Option<&'a str>,
    pub level: u8,
}

/// Where a block came from in its file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin {
    pub page: Option<u32>,
    pub paragraph: Option<u32>,
}

#[derive(Debug, Default)]
pub struct Outline {
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
}

impl Outline {
    /// Opens a section with `heading`; an annex heading is a top-level section.
    pub fn heading(&mut self, heading: &HeadingAt<'_>, origin: Origin) {
        self.section(heading);
        let section = self.current_section();
        self.blocks.push(Block {
            kind: BlockKind::Heading,
            lines: smallvec::smallvec![heading.title],
            section,
            page: origin.page,
            paragraph: origin.paragraph,
            cell: None,
            optional: None,
        });
    }

    /// Adds `line` to the heading just opened: the rest of a wrapped title.
    pub fn extend_heading(&mut self, line: Span) {
        if let (Some(block), Some(section)) = (self.blocks.last_mut(), self.sections.last_mut()) {
            if block.kind == BlockKind::Heading {
                block.lines.push(line);
                section.title = Span::new(section.title.start, line.end);
                section.heading = Span::new(section.heading.start, line.end);
            }
        }
    }

    /// Opens a section without a heading block: a numbered point whose
    /// number stands before a sentence ("12.2 Beställaren har rätt att …").
    pub fn section(&mut self, heading: &HeadingAt<'_>) {
        let level = if heading.annex.is_some() {
            0
        } else {
            heading.level
        };
        let parent = self.parent_for(level, heading.number);
        self.sections.push(Section {
            number: heading.number.map(str::to_owned),
            annex: heading.annex.map(str::to_owned),
            title: heading.title,
            level,
            parent,
            heading: heading.line,
        });
    }

    /// Adds a block under the current section.
    pub fn block(&mut self, kind: BlockKind, lines: Lines, origin: Origin) {
        let section = self.current_section();
        self.push(Block {
            kind,
            lines,
            section,
            page: origin.page,
            paragraph: origin.paragraph,
            cell: None,
            optional: None,
        });
    }

    /// Adds a block made elsewhere (its section already set).
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    #[must_use]
    pub fn current_section(&self) -> Option<usize> {
        self.sections.len().checked_sub(1)
    }

    /// The section a new heading belongs under: the one numbered as its prefix
    /// ("7" for "7.4") if there is one, else the nearest one at a higher level.
    /// The search stops at an annex: "4.1" in "Bilaga 4" belongs to the annex,
    /// not to the contract's own section 4 before it.
    fn parent_for(&self, level: u8, number: Option<&str>) -> Option<usize> {
        if let Some((prefix, _)) = number.and_then(|n| n.rsplit_once('.')) {
            for s in (0..self.sections.len()).rev() {
                let section = &self.sections[s];
                if section.number.as_deref() == Some(prefix) {
                    return Some(s);
                }
                if let Some(annex) = &section.annex {
                    if annex.eq_ignore_ascii_case(prefix) {
                        return Some(s);
                    }
                    break;
                }
            }
        }
        // AMA's codes number a part by one more digit: "AFC.145" is a point
        // of "AFC.14", which stands among the sections around it.
        if let Some(code) = number.filter(|n| is_ama_code(n)) {
            let mut at = self.current_section();
            while let Some(s) = at {
                let parent = self.sections[s]
                    .number
                    .as_deref()
                    .filter(|p| is_ama_code(p));
                if parent.is_some_and(|p| {
                    code.strip_prefix(p).is_some_and(|rest| {
                        !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
                    })
                }) {
                    return Some(s);
                }
                at = self.sections[s].parent;
            }
        }
        let mut at = self.current_section();
        while let Some(s) = at {
            if self.sections[s].level < level {
                return Some(s);
            }
            at = self.sections[s].parent;
        }
        None
    }
}

/// An AMA code: two or three capitals, a dot and digits ("AFC.14"), unlike
/// a lettered part's number ("C.8", whose "C.10" is no point of "C.1").
fn is_ama_code(number: &str) -> bool {
    let letters = number.bytes().take_while(u8::is_ascii_uppercase).count();
    (2..=3).contains(&letters) && number[letters..].starts_with('.')
}
