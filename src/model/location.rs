//! Where a finding points: lines, columns, byte offsets, and the section,
//! page, paragraph, sheet or cell a person can find it by.

use serde::Serialize;

/// The lines around a finding, kept so that renderers need not hold documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    /// 1-based line of the excerpt's first line.
    pub first_line: usize,
    /// Byte offset of the excerpt in the document's text.
    pub offset: usize,
    /// Characters of its first line left out before it (for a window into a
    /// very long line).
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The path of headings down to the section, each with its number.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub heading_path: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The page is where a word processor last laid the text out (Word's
    /// `w:lastRenderedPageBreak`), not a page of the file itself: it can
    /// differ on another computer.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub page_approximate: bool,
    /// The line on that page (1-based), where the text has pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_line: Option<usize>,
    /// The paragraph of a Word or OpenDocument file (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The paragraph's place in its section (1-based): the paragraphs, list
    /// items and table cells with text after the section's heading (Word and
    /// OpenDocument).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_paragraph: Option<u32>,
    /// The first words of that paragraph, to find it by (document text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_words: Option<String>,
    /// The paragraph has more words than `first_words`.
    #[serde(skip)]
    pub first_words_cut: bool,
    /// The sheet and cell of a spreadsheet ("Krav", "C10").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The sheet is hidden in its workbook (set by the workbook's check,
    /// which knows the sheets; the core does not).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden_sheet: bool,
    /// The words pointed at.
    pub text: String,
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
}
