//! Spreadsheets: requirement catalogues and agreement registers, in xlsx,
//! xlsm, xls, xlsb, ods or csv. Only this module knows calamine and the csv
//! reader. A sheet becomes a `Table` of cells; its header row (which may sit
//! below title rows) names the columns; the kind of sheet follows from them.

pub mod catalogue;
pub mod cell;
pub mod columns;
mod read;

pub use read::{read_workbook, Workbook};

use calamine::Dimensions;

use cell::Cell;

/// One sheet's cells, row by row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub sheet: String,
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

const EMPTY: Cell = Cell::Empty;

impl Table {
    /// A table from cells at (row, column), with merged areas showing their
    /// top-left value everywhere.
    #[must_use]
    pub fn from_cells(sheet: &str, cells: Vec<((u32, u32), Cell)>, merged: &[Dimensions]) -> Self {
        let mut table = Self::empty(sheet);
        for (at, cell) in cells {
            table.push(at, cell);
        }
        table.finish(merged);
        table
    }

    #[must_use]
    pub fn empty(sheet: &str) -> Self {
        Self {
            sheet: sheet.to_owned(),
            rows: Vec::new(),
        }
    }

    /// Adds a cell. Cells usually come row by row, which costs nothing
    /// extra; one for an earlier row is inserted in its place.
    pub fn push(&mut self, (r, c): (u32, u32), cell: Cell) {
        if cell.is_empty() {
            return;
        }
        match self.rows.last() {
            Some(last) if last.number > r => return self.insert((r, c), cell),
            Some(last) if last.number == r => {}
            _ => self.rows.push(Row {
                number: r,
                cells: Vec::new(),
            }),
        }
        if let Some(row) = self.rows.last_mut() {
            row.set(c as usize, cell);
        }
    }

    /// Fills the merged areas once every cell is in.
    pub fn finish(&mut self, merged: &[Dimensions]) {
        self.fill_merged(merged);
    }

    /// Puts a cell anywhere, keeping the rows in order.
    fn insert(&mut self, (r, c): (u32, u32), cell: Cell) {
        let i = self.rows.partition_point(|row| row.number < r);
        if self.rows.get(i).is_none_or(|row| row.number != r) {
            self.rows.insert(
                i,
                Row {
                    number: r,
                    cells: Vec::new(),
                },
            );
        }
        self.rows[i].set(c as usize, cell);
    }

    fn fill_merged(&mut self, merged: &[Dimensions]) {
        for m in merged {
            let area = u64::from(m.end.0.saturating_sub(m.start.0) + 1)
                * u64::from(m.end.1.saturating_sub(m.start.1) + 1);
            if area > MAX_MERGE_FILL {
                continue;
            }
            let value = self
                .rows
                .iter()
                .find(|row| row.number == m.start.0)
                .map(|row| row.get(m.start.1 as usize).clone())
                .filter(|v| !v.is_empty());
            let Some(value) = value else { continue };
            for r in m.start.0..=m.end.0 {
                for c in m.start.1..=m.end.1 {
                    if (r, c) != m.start {
                        self.insert((r, c), value.clone());
                    }
                }
            }
        }
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
        let t = Table::from_cells("Avtal", cells, &merged);
        let shown: Vec<String> = t.rows.iter().map(|r| r.get(0).shown()).collect();
        assert_eq!(
            shown,
            ["Nämnd", "Skolnämnden", "Skolnämnden", "Skolnämnden"]
        );
    }
}
