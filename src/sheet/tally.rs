//! A workbook's cells counted against the limits as they are read.

use super::cell::Cell;
use super::{a1, Row, MAX_COLUMNS};
use crate::document::error::ReadError;
use crate::model::limits::{Budget, Limits};

/// A workbook's cells counted against the limits as they are read: their
/// number against `cells`, and what they hold against `expanded_mb` (their
/// text, each row, and each slot a row grows by: a row is as wide as its
/// last cell, so one cell at column XFD costs 16 384 slots).
///
/// Small amounts are gathered and spent together (up to `SPENT_AT_ONCE`),
/// since spending also reads the clock for the time limit and a sheet has
/// millions of cells; an amount that would cross `expanded_mb` is spent at
/// once, so the limit stops reading at the same cell as ever.
pub struct Tally<'b> {
    cells: u64,
    limit: u64,
    limits: Limits,
    budget: &'b Budget,
    /// Bytes counted and not yet spent.
    pending: std::cell::Cell<u64>,
}

/// The bytes gathered before they are spent (and the clock read).
const SPENT_AT_ONCE: u64 = 64 * 1024;

impl Drop for Tally<'_> {
    fn drop(&mut self) {
        // What was counted is spent, whatever the outcome.
        let _ = self
            .budget
            .spend(usize::try_from(self.pending.get()).unwrap_or(usize::MAX));
    }
}

impl<'b> Tally<'b> {
    #[must_use]
    pub fn new(limits: Limits, budget: &'b Budget) -> Self {
        Self {
            cells: 0,
            limit: limits.cells,
            limits,
            budget,
            pending: std::cell::Cell::new(0),
        }
    }

    /// The limits counted against.
    pub(super) const fn limits(&self) -> Limits {
        self.limits
    }

    /// Counts one cell more.
    ///
    /// # Errors
    /// The workbook has more cells than the limit.
    pub(super) fn cell(&mut self, sheet: &str) -> Result<(), ReadError> {
        self.cells += 1;
        if self.cells > self.limit {
            return Err(ReadError::TooManyCells {
                sheet: sheet.to_owned(),
                limit: self.limit,
            });
        }
        Ok(())
    }

    /// The cells counted so far.
    pub(super) const fn counted(&self) -> u64 {
        self.cells
    }

    /// Counts again from `cells`: a sheet read a second time is counted
    /// once. (What its first reading spent of the budget stays spent.)
    pub(super) const fn recount_from(&mut self, cells: u64) {
        self.cells = cells;
    }

    /// Counts a cell at (row, column) and its text, before it is stored.
    ///
    /// # Errors
    /// A cell past column XFD, or a limit reached.
    pub(super) fn check(
        &mut self,
        sheet: &str,
        (r, c): (u32, u32),
        cell: &Cell,
    ) -> Result<(), ReadError> {
        if c >= MAX_COLUMNS {
            return Err(ReadError::PastLastColumn {
                sheet: sheet.to_owned(),
                cell: a1(c as usize, r),
            });
        }
        self.cell(sheet)?;
        self.spend(cell.text_len())
    }

    /// Spends the slots a row grows by to reach column `c`.
    ///
    /// # Errors
    /// The file has expanded past `expanded_mb`, or its time is up.
    pub(super) fn widen(&self, row: &Row, c: u32) -> Result<(), ReadError> {
        let wider = (c as usize + 1).saturating_sub(row.cells.len());
        self.spend(wider.saturating_mul(size_of::<Cell>()))
    }

    /// Whether `bytes` more would fit the budget, spending nothing.
    ///
    /// # Errors
    /// They would not.
    pub fn affords(&self, bytes: usize) -> Result<(), ReadError> {
        if self
            .budget
            .affords(self.pending.get().saturating_add(bytes as u64))
        {
            return Ok(());
        }
        // Spending what does not fit fails, with the limit named.
        self.spend(bytes)
    }

    /// Spends `bytes` of the file's budget.
    ///
    /// # Errors
    /// The file has expanded past `expanded_mb`, or its time is up.
    pub fn spend(&self, bytes: usize) -> Result<(), ReadError> {
        let pending = self.pending.get().saturating_add(bytes as u64);
        if pending < SPENT_AT_ONCE && self.budget.affords(pending) {
            self.pending.set(pending);
            return Ok(());
        }
        self.pending.set(0);
        Ok(self
            .budget
            .spend(usize::try_from(pending).unwrap_or(usize::MAX))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathered_bytes_meet_the_limit_where_they_always_did() {
        let limits = Limits {
            expanded_bytes: 100,
            ..Limits::default()
        };
        let budget = Budget::new(limits);
        let tally = Tally::new(limits, &budget);
        assert_eq!(tally.spend(60), Ok(()));
        assert_eq!(tally.affords(40), Ok(()));
        assert_eq!(tally.spend(40), Ok(()));
        assert_eq!(tally.spend(1), Err(ReadError::Expanded { limit: 100 }),);
        let budget = Budget::new(Limits::default());
        let tally = Tally::new(Limits::default(), &budget);
        for _ in 0..10 {
            tally.spend(7).unwrap();
        }
        // Gathered, not yet spent; spent when the tally goes.
        assert_eq!(budget.spent(), 0);
        drop(tally);
        assert_eq!(budget.spent(), 70);
    }
}
