//! A requirement catalogue as a `Document`: one block per row, holding the
//! requirement text, under a section per area ("Antidiskriminering"), so the
//! core checks it like any document. A row's block knows its sheet and cell,
//! and whether the row is optional (a Bör-krav), which the core turns into
//! weak.

use super::columns::Header;
use super::{a1, Table};
use crate::document::{Block, BlockKind, Document, Section};
use crate::model::column::Role;
use crate::model::span::Span;
use crate::source::Format;

/// Whether an obligation cell says the row is not a mandatory requirement,
/// by the vocabulary's words.
fn optional(text: &str, words: &[String]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| lower.contains(w.as_str()))
}

/// The catalogue sheets as one document; `optional` are the words that make
/// a row optional.
#[must_use]
pub fn document(
    sheets: &[(&Table, &Header)],
    format: Format,
    optional_words: &[String],
) -> Document {
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    for (table, header) in sheets {
        let Some(text_col) = header.column(Role::Text) else {
            continue;
        };
        let area_col = header.column(Role::Area);
        let obligation_col = header.column(Role::Obligation);
        let mut area = String::new();
        for row in &table.rows[header.row + 1..] {
            let body = row.get(text_col).shown();
            if body.is_empty() {
                continue;
            }
            let row_area = area_col.map(|c| row.get(c).shown()).unwrap_or_default();
            if !row_area.is_empty() && row_area != area {
                area = row_area;
                let span = push_line(&mut text, &area);
                sections.push(Section {
                    number: None,
                    annex: None,
                    title: span,
                    level: 1,
                    parent: None,
                    heading: span,
                });
                blocks.push(Block {
                    kind: BlockKind::Heading,
                    lines: smallvec::smallvec![span],
                    section: sections.len().checked_sub(1),
                    page: None,
                    paragraph: None,
                    cell: area_col.map(|c| (table.sheet.clone(), a1(c, row.number))),
                    optional: None,
                });
            }
            let span = push_line(&mut text, &body);
            let obligation = obligation_col
                .map(|c| row.get(c).shown())
                .unwrap_or_default();
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                lines: smallvec::smallvec![span],
                section: sections.len().checked_sub(1),
                page: None,
                paragraph: None,
                cell: Some((table.sheet.clone(), a1(text_col, row.number))),
                optional: optional(&obligation, optional_words).then_some(obligation),
            });
        }
    }
    Document {
        text,
        format,
        blocks,
        sections,
        comments: Vec::new(),
    }
}

/// Appends a line of cell text (its own line breaks become spaces) and
/// returns its span.
fn push_line(text: &mut String, line: &str) -> Span {
    let start = text.len();
    for (i, part) in line
        .split(['\n', '\r'])
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(part.trim());
    }
    let span = Span::new(start, text.len());
    text.push('\n');
    span
}
