//! Tables in plain text. Laid out with spaces, as a PDF's text keeps them:
//! "Avvikelse ⟨spaces⟩ Vite" over "Utebliven hämtning ⟨spaces⟩ 5 000 kr per
//! tillfälle"; two lines in a row, each parted into cells by wide gaps, are
//! rows of a table, a single such line is not (a running header, a signature
//! line). Or drawn as a grid, "4.11  | Leverantören ska … | Ska-krav", whose
//! cells wrap onto lines that leave the first column blank.

use std::ops::Range;

use super::Builder;
use crate::document::lines::{classify, Line};
use crate::document::outline::Origin;
use crate::document::BlockKind;
use crate::model::span::Span;

/// The narrowest gap of spaces that parts two cells; a tab parts them too.
const GAP: usize = 3;

/// The cells of a line parted by wide gaps, as byte ranges of `line`; fewer
/// than two when the line is no row. A cell must hold a letter or a digit
/// and the first a letter, so a list marker or a section number before its
/// text ("a)   Leverantören", "21.1   Brister") makes no row.
pub(super) fn cells(line: &str) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    for (i, c) in line.char_indices() {
        match c {
            ' ' => spaces += 1,
            '\t' => spaces += GAP,
            _ => {
                if let Some(s) = start.filter(|_| spaces >= GAP) {
                    cells.push(s..line[..i].trim_end().len());
                    start = None;
                }
                start.get_or_insert(i);
                spaces = 0;
            }
        }
    }
    if let Some(s) = start {
        cells.push(s..line.trim_end().len());
    }
    let first_is_words = cells.first().is_some_and(|r| {
        line[r.clone()]
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
    });
    let telling = cells
        .iter()
        .all(|r| line[r.clone()].chars().any(char::is_alphanumeric));
    if cells.len() < 2 || !first_is_words || !telling {
        cells.clear();
    }
    cells
}

/// Whether line `i` of `lines` is a row of a table: it and the line before
/// or after it part into cells.
pub(super) fn is_row(text: &str, lines: &[Span], i: usize) -> bool {
    let row = |j: usize| {
        lines
            .get(j)
            .is_some_and(|l| cells(&text[l.start..l.end]).len() >= 2)
    };
    row(i) && ((i > 0 && row(i - 1)) || row(i + 1))
}

/// A line of a grid: where its first bar stands (in bytes) and its cells
/// between the bars, as byte ranges of the line, trimmed; empty cells too,
/// so the columns line up.
pub(super) struct GridLine {
    pub first_bar: usize,
    pub cells: Vec<Range<usize>>,
}

impl GridLine {
    /// A line with a bar inside it, or `None`.
    pub(super) fn of(line: &str) -> Option<Self> {
        let first_bar = line.find('|')?;
        let mut cells = Vec::new();
        let mut start = 0;
        for part in line.split('|') {
            let lead = part.len() - part.trim_start().len();
            let body = part.trim();
            cells.push(start + lead..start + lead + body.len());
            start += part.len() + 1;
        }
        if line.trim_end().ends_with('|') {
            cells.pop();
        }
        Some(Self { first_bar, cells })
    }

    /// Whether this line goes on with the cells of `row`: its first column
    /// is blank and its bars stand where the row's do (the last columns'
    /// may be left out).
    pub(super) fn continues(&self, row: &Self) -> bool {
        row.first_bar > 0
            && self.first_bar == row.first_bar
            && self.cells.len() <= row.cells.len()
            && self.cells[0].is_empty()
    }

    /// Whether this line opens a row of a grid: text stands before its first
    /// bar, as in no Markdown table row.
    pub(super) fn opens_row(&self) -> bool {
        self.first_bar > 0 && !self.cells[0].is_empty() && self.cells.len() >= 2
    }
}

/// The grid row being read: its first line, and the block of each column's
/// cell so far.
pub(super) struct OpenRow {
    line: GridLine,
    cells: Vec<Option<usize>>,
}

impl Builder<'_> {
    /// Reads line `i` as a row of a table drawn with bars or laid out with
    /// spaces, and says whether it did.
    pub(super) fn table_line(&mut self, lines: &[Span], i: usize, page: Option<u32>) -> bool {
        if self.grid_line(lines, i, page) {
            return true;
        }
        let row = is_row(self.text, lines, i);
        if row {
            self.aligned_row(lines[i], page);
        }
        row
    }

    /// Reads line `i` as a row of a grid, or as the next line of the row
    /// being read, and says whether it did; any other line ends the grid.
    pub(super) fn grid_line(&mut self, lines: &[Span], i: usize, page: Option<u32>) -> bool {
        let line = lines[i];
        let open = self.grid.take();
        let raw = &self.text[line.start..line.end];
        let Some(g) = GridLine::of(raw) else {
            if !matches!(classify(raw), Line::Blank | Line::Markup) {
                self.grid_before = None;
            }
            return false;
        };
        if let Some(mut row) = open {
            if g.continues(&row.line) {
                self.add_cells(&mut row.cells, &g, line, page);
                self.grid = Some(row);
                return true;
            }
        }
        let next = lines
            .get(i + 1)
            .and_then(|l| GridLine::of(&self.text[l.start..l.end]));
        let in_grid = next.is_some_and(|n| n.continues(&g) || n.first_bar == g.first_bar);
        if !g.opens_row() || !(in_grid || self.grid_before == Some(g.first_bar)) {
            self.grid_before = None;
            return false;
        }
        self.flush();
        let mut cells = vec![None; g.cells.len()];
        self.add_cells(&mut cells, &g, line, page);
        self.grid_before = Some(g.first_bar);
        self.grid = Some(OpenRow { line: g, cells });
        true
    }

    /// Each cell of line `g` as a new cell block, or as the next line of
    /// its column's cell.
    fn add_cells(
        &mut self,
        cells: &mut [Option<usize>],
        g: &GridLine,
        line: Span,
        page: Option<u32>,
    ) {
        for (k, c) in g.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            let span = Span::new(line.start + c.start, line.start + c.end);
            if let Some(b) = cells[k] {
                self.outline.blocks[b].lines.push(span);
                continue;
            }
            let origin = Origin {
                page,
                paragraph: None,
            };
            self.outline
                .block(BlockKind::TableCell, smallvec::smallvec![span], origin);
            cells[k] = Some(self.outline.blocks.len() - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<&str> {
        cells(line).into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn wide_gaps_part_cells() {
        assert_eq!(
            texts("Brott mot § 9 som inte rättats      2 % av årligt avtalsvärde"),
            [
                "Brott mot § 9 som inte rättats",
                "2 % av årligt avtalsvärde"
            ]
        );
        assert_eq!(texts("  Avvikelse\t\tVite  "), ["Avvikelse", "Vite"]);
        assert_eq!(texts("Pris  per timme"), Vec::<&str>::new());
    }

    #[test]
    fn a_marker_or_number_before_text_is_no_row() {
        assert!(texts("a)   Leverantören ska").is_empty());
        assert!(texts("21.1   Brister i fråga om").is_empty());
        assert!(texts("Sida 3 av 9").is_empty());
    }

    #[test]
    fn a_grid_row_and_the_line_that_goes_on_with_it() {
        let row = "4.11  | Leverantören ska följa diskriminerings-   | Ska-krav";
        let more = "      | lagen (2008:567).                          |";
        let (r, m) = (GridLine::of(row).unwrap(), GridLine::of(more).unwrap());
        let cells: Vec<&str> = r.cells.iter().map(|c| &row[c.clone()]).collect();
        assert_eq!(
            cells,
            [
                "4.11",
                "Leverantören ska följa diskriminerings-",
                "Ska-krav"
            ]
        );
        assert!(r.opens_row() && !m.opens_row());
        assert!(m.continues(&r));
        assert_eq!(&more[m.cells[1].clone()], "lagen (2008:567).");
        // A Markdown row starts at its bar: it never goes on with another.
        let md = GridLine::of("| a | b |").unwrap();
        assert!(!md.opens_row() && !GridLine::of("| c | d |").unwrap().continues(&md));
    }

    #[test]
    fn two_lines_make_a_table_and_one_does_not() {
        let text =
            "Staden          Sida 1\nLöptext här.\nAvvikelse     Vite\nUtebliven     5 000 kr\n";
        let mut lines = Vec::new();
        let mut at = 0;
        for l in text.split_inclusive('\n') {
            lines.push(Span::new(at, at + l.trim_end().len()));
            at += l.len();
        }
        let rows: Vec<bool> = (0..lines.len()).map(|i| is_row(text, &lines, i)).collect();
        assert_eq!(rows, [false, false, true, true]);
    }
}
