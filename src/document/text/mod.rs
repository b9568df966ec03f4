//! Reads plain text and Markdown into a `Document`: lines are classified by the
//! grammar in `lines`, grouped into blocks, and headings form the section tree.
//! Text that came out of a PDF is handled here too: page furniture is left out,
//! and a paragraph broken by a page break is joined again. Which lines are
//! titles, contents entries or points a sentence goes on from, by the lines
//! around them, is `titles`.

mod columns;
mod headings;
mod titles;

use std::cell::OnceCell;

use super::lines::{classify, Line};
use super::outline::{Origin, Outline};
use super::pages::{layout, PageLayout};
use super::{Block, BlockKind, Document};
use crate::model::span::Span;
use crate::source::Format;

/// Bytes the reader holds for each line besides its text: the line's span,
/// its page and furniture marks, and its place in a block, with room for the
/// lists' growth. A file of nothing but line breaks costs this per byte.
const LINE_COST: usize = 48;

/// What reading `text` holds besides the text itself, for the `Budget`.
#[must_use]
pub fn structure_cost(text: &str) -> usize {
    (memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1).saturating_mul(LINE_COST)
}

#[must_use]
pub fn read_text(text: String, format: Format) -> Document {
    let lines = split_lines(&text);
    let pages = layout(&text, &lines);
    // Every block holds at least one line that is not empty, so this much
    // room is never outgrown and the blocks are never copied as they grow.
    let outline = Outline {
        blocks: Vec::with_capacity(lines.iter().filter(|l| !l.is_empty()).count()),
        sections: Vec::new(),
    };
    let mut builder = Builder {
        text: &text,
        plain: format == Format::Text,
        laid_out: format != Format::Markdown,
        pages: &pages,
        outline,
        open: None,
        last_seen: OnceCell::new(),
        grid: None,
        grid_before: None,
        list_number: None,
    };
    builder.run(&lines);
    let Outline { blocks, sections } = builder.outline;
    Document {
        text,
        format,
        blocks,
        sections,
        comments: Vec::new(),
    }
}

/// Line spans without line endings, and without the form feed that opens a page.
fn split_lines(text: &str) -> Vec<Span> {
    // Room for lines of a typical length, so the list seldom grows.
    let mut spans = Vec::with_capacity(text.len() / 48 + 8);
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    let last = (!text.is_empty() && !text.ends_with('\n')).then_some(text.len());
    let bytes = text.as_bytes();
    for end in ends.chain(last) {
        // Trimmed byte by byte: line breaks and form feeds are ASCII.
        let mut body_end = end;
        while body_end > start && matches!(bytes[body_end - 1], b'\n' | b'\r') {
            body_end -= 1;
        }
        let mut body_start = start;
        while body_start < body_end && bytes[body_start] == 0x0C {
            body_start += 1;
        }
        spans.push(Span::new(body_start, body_end));
        start = end;
    }
    spans
}

/// A paragraph or list item still taking lines.
struct Open {
    block: Block,
    /// A blank line or page furniture came after its last line.
    interrupted: bool,
    last_page: u32,
}

struct Builder<'a> {
    text: &'a str,
    /// Plain text, where a title may stand alone on a line without a number.
    plain: bool,
    /// Plain text or a PDF's text, where lists and tables are laid out
    /// with spaces and numbers rather than marked up.
    laid_out: bool,
    pages: &'a PageLayout,
    outline: Outline,
    open: Option<Open>,
    /// Each trimmed line's text and index, sorted, made the first time a
    /// heading might be a contents entry.
    last_seen: OnceCell<Vec<(&'a str, usize)>>,
    /// The grid row being read, in plain text.
    grid: Option<columns::OpenRow>,
    /// Where the bars of the last grid row stood, while only blank lines,
    /// rules and page furniture have come since.
    grid_before: Option<usize>,
    /// The number the next item of a numbered list after a colon has.
    list_number: Option<u32>,
}

impl Builder<'_> {
    fn run(&mut self, lines: &[Span]) {
        let mut wrapped = None;
        for (i, &line) in lines.iter().enumerate() {
            if wrapped == Some(i) {
                continue;
            }
            let page = self.pages.paged.then(|| self.pages.page[i]);
            if self.pages.furniture[i] {
                self.interrupt();
                continue;
            }
            let raw = &self.text[line.start..line.end];
            if self.laid_out && self.table_line(lines, i, page) {
                continue;
            }
            match classify(raw) {
                Line::Blank => self.interrupt(),
                Line::Markup => self.flush(),
                Line::Heading(_) if self.is_contents_entry(line, i, lines) => self.flush(),
                Line::Heading(h) if self.laid_out && self.numbered_item(&h, raw, i, lines) => {
                    self.item(line, h.content, page);
                }
                Line::Heading(h) if self.sentence_goes_on(&h, raw, i, lines) => {
                    self.numbered_point(line, &h, page);
                }
                Line::Heading(h) => {
                    if self.heading_line(line, &h, i, lines, page) {
                        wrapped = Some(i + 1);
                    }
                }
                Line::ListItem { content } => self.item(line, content, page),
                Line::TableRow => self.table_row(line, page),
                Line::Text { .. } if self.bare_title(raw, line, i, lines) => {
                    self.bare_heading(line, page);
                }
                Line::Text { content } => {
                    if let Some(h) = Self::text_point(raw, self.line_before(i, lines)) {
                        self.numbered_point(line, &h, page);
                    } else {
                        let span = trim(self.text, line.start + content, line.end);
                        self.text_line(span, page, self.pages.page[i]);
                    }
                }
            }
        }
        self.flush();
    }

    /// A list item whose text starts at byte `content` of `line`.
    fn item(&mut self, line: Span, content: usize, page: Option<u32>) {
        let span = trim(self.text, line.start + content, line.end);
        self.start(BlockKind::ListItem, span, page);
    }

    fn interrupt(&mut self) {
        if let Some(open) = &mut self.open {
            open.interrupted = true;
        }
    }

    fn flush(&mut self) {
        if let Some(open) = self.open.take() {
            self.outline.push(open.block);
        }
    }

    fn start(&mut self, kind: BlockKind, span: Span, page: Option<u32>) {
        self.flush();
        let block = Block {
            kind,
            lines: smallvec::smallvec![span],
            section: self.outline.current_section(),
            page,
            paragraph: None,
            cell: None,
            optional: None,
        };
        let last_page = page.unwrap_or(1);
        self.open = Some(Open {
            block,
            interrupted: false,
            last_page,
        });
    }

    fn text_line(&mut self, span: Span, page: Option<u32>, page_number: u32) {
        let continues = self.open.as_ref().is_some_and(|open| {
            (!open.interrupted && !self.list_item_ended(open, span))
                || self.continues_across_page(open, span, page_number)
        });
        if continues {
            if let Some(open) = &mut self.open {
                open.block.lines.push(span);
                open.interrupted = false;
                open.last_page = page_number;
            }
        } else {
            self.start(BlockKind::Paragraph, span, page);
        }
    }

    /// A list item ends at its full stop when a capital starts the next line:
    /// "– lagen (2003:307) om förbud mot diskriminering." / "Leverantören ska
    /// vidare …" is a new paragraph, not more of the item.
    fn list_item_ended(&self, open: &Open, next: Span) -> bool {
        let last = open.block.lines.last().copied().unwrap_or_default();
        open.block.kind == BlockKind::ListItem
            && self.text[last.start..last.end].trim_end().ends_with('.')
            && self.text[next.start..next.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// A paragraph cut by a page break goes on when it had not ended and the next
    /// page starts in lower case.
    fn continues_across_page(&self, open: &Open, next: Span, page: u32) -> bool {
        let last = open.block.lines.last().copied().unwrap_or_default();
        let ended = self.text[last.start..last.end]
            .trim_end()
            .ends_with(['.', ':', ';', '!', '?']);
        let lower = self.text[next.start..next.end]
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        self.pages.paged && page > open.last_page && !ended && lower
    }

    fn table_row(&mut self, line: Span, page: Option<u32>) {
        let raw = &self.text[line.start..line.end];
        let mut offset = line.start;
        let mut cells = Vec::new();
        for cell in raw.split('|') {
            cells.push(trim(self.text, offset, offset + cell.len()));
            offset += cell.len() + 1;
        }
        self.cells(cells, page);
    }

    /// A row of a table laid out with spaces.
    fn aligned_row(&mut self, line: Span, page: Option<u32>) {
        let raw = &self.text[line.start..line.end];
        let cells = columns::cells(raw)
            .into_iter()
            .map(|r| Span::new(line.start + r.start, line.start + r.end))
            .collect();
        self.cells(cells, page);
    }

    fn cells(&mut self, cells: Vec<Span>, page: Option<u32>) {
        self.flush();
        for span in cells.into_iter().filter(|s| !s.is_empty()) {
            let origin = Origin {
                page,
                paragraph: None,
            };
            self.outline
                .block(BlockKind::TableCell, smallvec::smallvec![span], origin);
        }
    }
}

/// Trims white space from both ends of `start..end`.
pub(super) fn trim(text: &str, start: usize, end: usize) -> Span {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let body = slice.trim();
    Span::new(start + lead, start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str, format: Format) -> Vec<(Option<String>, String)> {
        let doc = read_text(text.to_owned(), format);
        doc.sections
            .iter()
            .map(|s| (s.number.clone(), doc.title(s).to_owned()))
            .collect()
    }

    #[test]
    fn lines_lose_their_breaks_and_the_form_feeds_that_open_them() {
        let text = "a\r\n\u{c}\u{c}sida\n\nå\r\r\nsist";
        let lines: Vec<&str> = split_lines(text)
            .iter()
            .map(|l| &text[l.start..l.end])
            .collect();
        assert_eq!(lines, ["a", "sida", "", "å", "sist"]);
        assert_eq!(split_lines("\u{c}\n"), [Span::new(1, 1)]);
        assert!(split_lines("").is_empty());
    }

    #[test]
    fn a_title_alone_on_its_line_is_a_heading_in_plain_text_only() {
        let text = "Avtalstid\nAvtalet gäller i två år.\nVite\nVid brott mot avsnittet utgår vite.\n\
                    Leverantören ska lämna fakturor inom\n30 dagar.\nDetta gäller\nockså ändringar.\n";
        assert_eq!(
            titles(text, Format::Text),
            [(None, "Avtalstid".to_owned()), (None, "Vite".to_owned())]
        );
        assert!(titles(text, Format::Markdown).is_empty());
    }

    #[test]
    fn contents_entries_from_a_pdf_are_no_headings() {
        let text = "Innehåll\n1 Inledning 3\n2 Antidiskriminering 7\n\n\
                    1 Inledning\nBeställaren upphandlar städning.\n\n\
                    2 Antidiskriminering\nLeverantören ska följa lagen.\n";
        assert_eq!(
            titles(text, Format::Text),
            [
                (Some("1".to_owned()), "Inledning".to_owned()),
                (Some("2".to_owned()), "Antidiskriminering".to_owned()),
            ]
        );
    }

    #[test]
    fn a_markdown_heading_ending_in_a_number_is_a_heading() {
        let text = "## 7 Avsnitt 7\nVillkor.\n\n## 7 Avsnitt\nMer villkor.\n";
        assert_eq!(
            titles(text, Format::Markdown),
            [
                (Some("7".to_owned()), "Avsnitt 7".to_owned()),
                (Some("7".to_owned()), "Avsnitt".to_owned()),
            ]
        );
    }
}
