//! Tables as runs of cells. Readers give a table as consecutive table-cell
//! blocks, row by row; a sanction table ("Avvikelse | Vite") is read through
//! its head, the row that names a breach, and the cell beside it that holds
//! the amount.

use std::ops::Range;

use super::{labels, BlockKind, Document};

/// How many cells from a table's start may be its head ("Avvikelse",
/// "Vite", "Anmärkning").
const HEAD_CELLS: usize = 4;

impl Document {
    fn is_cell(&self, b: usize) -> bool {
        self.blocks
            .get(b)
            .is_some_and(|x| x.kind == BlockKind::TableCell)
    }

    /// The cells that block `b` stands over: the rest of its table when it is
    /// one of the table's head cells, the whole table when it is the
    /// paragraph just before one ("Vite utgår enligt tabellen nedan."), else
    /// none.
    #[must_use]
    pub fn table_under(&self, b: usize) -> Range<usize> {
        let start = if self.is_cell(b) {
            let first = (b.saturating_sub(HEAD_CELLS - 1)..=b)
                .rev()
                .take_while(|&x| self.is_cell(x))
                .last()
                .unwrap_or(b);
            if first > 0 && self.is_cell(first - 1) {
                return b..b;
            }
            b + 1
        } else {
            b + 1
        };
        let end = (start..self.blocks.len())
            .find(|&x| !self.is_cell(x))
            .unwrap_or(self.blocks.len());
        start..end
    }

    /// The cell after table cell `b` in its row or the next: where a
    /// table's row says what follows from the breach its first cell names.
    #[must_use]
    pub fn next_cell(&self, b: usize) -> Option<usize> {
        (self.is_cell(b) && self.is_cell(b + 1)).then_some(b + 1)
    }

    /// The number a row's label cell gives table cell `b`: the cell before
    /// it holds a number and nothing else ("4.11 | Leverantören ska …",
    /// "AFD.171 | …"), as in a requirements catalogue.
    #[must_use]
    pub fn row_number(&self, b: usize) -> Option<&str> {
        if !self.is_cell(b) || b == 0 || !self.is_cell(b - 1) {
            return None;
        }
        let span = self.blocks[b - 1].span();
        let text = self.text[span.start..span.end].trim();
        // The label grammar reads a number before a title: give it the gap.
        let gapped = format!("{text} ");
        let (rest, number) = labels::section_number_label(&gapped).ok()?;
        let len = number.len();
        rest.is_empty().then(|| &text[..len])
    }
}
