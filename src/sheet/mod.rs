//! Spreadsheets: requirement catalogues and agreement registers, in xlsx,
//! xlsm, xls, xlsb, ods or csv. Only this module knows calamine and the csv
//! reader. A sheet becomes a `Table` of cells; its header row (which may sit
//! below title rows) names the columns; the kind of sheet follows from them.

pub mod catalogue;
pub mod cell;
pub mod columns;
mod ods;
mod read;
mod rows;
pub mod stream;
mod tally;
mod xls;

pub use read::{read_workbook, serve_xls, stream_workbook};
pub use tally::Tally;

/// The workbook an xls reader's child process replies with, decoded as the
/// parent decodes it; for the `xls` fuzz target, which feeds it any bytes.
#[doc(hidden)]
#[must_use]
pub fn decode_xls_reply(reply: &[u8]) -> Option<Workbook> {
    xls::decode(reply)
}

use calamine::Dimensions;

use crate::document::error::ReadError;
use cell::Cell;

/// The sheets of a workbook, hidden ones included.
#[derive(Debug, Default)]
pub struct Workbook {
    pub tables: Vec<Table>,
}

/// One sheet's cells, row by row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub sheet: String,
    /// Hidden in the workbook (hidden or "very hidden" in Excel, not
    /// displayed in OpenDocument). Such a sheet is read and audited like any
    /// other, since what it says binds as much as what shows; the report
    /// marks its rows so that a reader can find them.
    pub hidden: bool,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    /// 0-based; Excel shows it plus one.
    pub number: u32,
    pub cells: Vec<Cell>,
}

/// Merged areas larger than this are not filled in (no real sheet needs it).
const MAX_MERGE_FILL: u64 = 10_000;

/// Columns a sheet can have: A to XFD.
pub const MAX_COLUMNS: u32 = 16_384;

const EMPTY: Cell = Cell::Empty;

/// A sheet's cells as they come, in any order, made into a `Table` once
/// all are in. Rows that come out of order are sorted once at the end, so a
/// sheet whose rows come last to first costs no more than one in order.
pub struct TableBuilder {
    table: Table,
    sorted: bool,
}

impl TableBuilder {
    #[must_use]
    pub fn new(sheet: &str) -> Self {
        Self {
            table: Table {
                sheet: sheet.to_owned(),
                hidden: false,
                rows: Vec::new(),
            },
            sorted: true,
        }
    }

    /// Marks the sheet as hidden in its workbook.
    #[must_use]
    pub const fn hidden(mut self, hidden: bool) -> Self {
        self.table.hidden = hidden;
        self
    }

    /// Adds a cell at (row, column), counted before anything is allocated.
    ///
    /// # Errors
    /// A cell past column XFD, or a limit reached.
    pub fn push(
        &mut self,
        (r, c): (u32, u32),
        cell: Cell,
        tally: &mut Tally,
    ) -> Result<(), ReadError> {
        if cell.is_empty() {
            return Ok(());
        }
        tally.check(&self.table.sheet, (r, c), &cell)?;
        let rows = &mut self.table.rows;
        match rows.last() {
            Some(last) if last.number == r => {}
            last => {
                // A row before the last is added as it comes, and put in its
                // place when the sheet is done.
                self.sorted &= last.is_none_or(|l| l.number < r);
                tally.spend(size_of::<Row>())?;
                rows.push(Row {
                    number: r,
                    cells: Vec::new(),
                });
            }
        }
        let at = rows.len() - 1;
        let row = &mut rows[at];
        tally.widen(row, c)?;
        row.set(c as usize, cell);
        Ok(())
    }

    /// The table, with its rows in order and merged areas showing their
    /// top-left value everywhere.
    ///
    /// # Errors
    /// The cells the merged areas add reach a limit.
    pub fn finish(mut self, merged: &[Dimensions], tally: &mut Tally) -> Result<Table, ReadError> {
        self.sort();
        self.fill_merged(merged, tally)?;
        self.sort();
        Ok(self.table)
    }

    /// Puts the rows in order; a row that came twice becomes one, the cells
    /// that came later winning.
    fn sort(&mut self) {
        if self.sorted {
            return;
        }
        let mut rows = std::mem::take(&mut self.table.rows);
        rows.sort_by_key(|row| row.number);
        for row in rows {
            match self.table.rows.last_mut() {
                Some(last) if last.number == row.number => {
                    for (c, cell) in row.cells.into_iter().enumerate() {
                        if !cell.is_empty() {
                            last.set(c, cell);
                        }
                    }
                }
                _ => self.table.rows.push(row),
            }
        }
        self.sorted = true;
    }

    fn fill_merged(&mut self, merged: &[Dimensions], tally: &mut Tally) -> Result<(), ReadError> {
        // Only the rows read from the file hold a merged area's value.
        let read = self.table.rows.len();
        for m in merged {
            let area = u64::from(m.end.0.saturating_sub(m.start.0) + 1)
                * u64::from(m.end.1.saturating_sub(m.start.1) + 1);
            if area > MAX_MERGE_FILL {
                continue;
            }
            let rows = &self.table.rows[..read];
            let at = rows.partition_point(|row| row.number < m.start.0);
            let value = rows
                .get(at)
                .filter(|row| row.number == m.start.0)
                .map(|row| row.get(m.start.1 as usize))
                .filter(|v| !v.is_empty())
                .cloned();
            let Some(value) = value else { continue };
            for r in m.start.0..=m.end.0 {
                for c in m.start.1..=m.end.1 {
                    if (r, c) != m.start {
                        self.push((r, c), value.clone(), tally)?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl Row {
    fn set(&mut self, col: usize, cell: Cell) {
        if self.cells.len() <= col {
            self.cells.resize(col + 1, Cell::Empty);
        }
        self.cells[col] = cell;
    }

    #[must_use]
    pub fn get(&self, col: usize) -> &Cell {
        self.cells.get(col).unwrap_or(&EMPTY)
    }
}

/// "C10" for 0-based column 2 and 0-based row 9.
#[must_use]
pub fn a1(col: usize, row: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::limits::{Budget, Limits};

    #[test]
    fn cell_references() {
        assert_eq!(a1(2, 9), "C10");
        assert_eq!(a1(25, 0), "Z1");
        assert_eq!(a1(26, 0), "AA1");
        assert_eq!(a1(701, 4), "ZZ5");
    }

    #[test]
    fn merged_cells_repeat_their_value() {
        let cells = vec![
            ((0, 0), Cell::Text("Nämnd".into())),
            ((1, 0), Cell::Text("Skolnämnden".into())),
        ];
        let merged = [Dimensions {
            start: (1, 0),
            end: (3, 0),
        }];
        let budget = Budget::new(Limits::default());
        let mut tally = Tally::new(Limits::default(), &budget);
        let mut t = TableBuilder::new("Avtal");
        for (at, cell) in cells {
            t.push(at, cell, &mut tally).unwrap();
        }
        let t = t.finish(&merged, &mut tally).unwrap();
        let shown: Vec<String> = t.rows.iter().map(|r| r.get(0).shown()).collect();
        assert_eq!(
            shown,
            ["Nämnd", "Skolnämnden", "Skolnämnden", "Skolnämnden"]
        );
    }
}
