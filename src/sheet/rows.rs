//! A sheet's cells, arriving in row order, made into rows that are handed
//! on a batch at a time (`stream::Piece::Rows`), with merged areas showing
//! their top-left value in every cell they cover, as in a `Table`. A row is
//! handed on once a later row begins.

use calamine::Dimensions;

use super::cell::Cell;
use super::stream::{Piece, BATCH};
use super::{Row, Tally, MAX_MERGE_FILL};
use crate::document::error::ReadError;

/// Why a streamed sheet stopped early.
pub(super) enum Stop {
    Read(ReadError),
    OutOfOrder,
}

impl From<ReadError> for Stop {
    fn from(e: ReadError) -> Self {
        Self::Read(e)
    }
}

/// A merged area that fills, with its top-left value once its row is read.
struct Merge {
    area: Dimensions,
    /// Its place among the sheet's merged areas: a later one wins.
    order: usize,
    value: Option<Cell>,
}

/// The widest room a row is made with before its cells come.
const WIDTH_HINT: usize = 64;

/// A sheet's cells, arriving in row order, made into rows and handed on a
/// batch at a time, merged areas filled in.
pub(super) struct RowStream<'s> {
    sheet: String,
    current: Option<Row>,
    /// The last row handed on (or waiting in the batch).
    last: Option<u32>,
    /// Its width, up to `WIDTH_HINT`: a register's rows are alike, so the
    /// next row is made that wide at once rather than grown a cell at a
    /// time. Capped, so a wide row of a hostile sheet does not make every
    /// narrow row after it hold room the cell count never sees.
    width: usize,
    /// The merged areas small enough to fill, by their first row.
    merges: Vec<Merge>,
    /// Merges whose first row has not been reached.
    next_merge: usize,
    /// Merges begun whose value is known and whose last row is not past.
    active: Vec<usize>,
    batch: Vec<Row>,
    send: &'s mut dyn FnMut(Piece) -> Result<(), ReadError>,
}

impl<'s> RowStream<'s> {
    pub(super) fn new(
        sheet: &str,
        areas: &[Dimensions],
        send: &'s mut dyn FnMut(Piece) -> Result<(), ReadError>,
    ) -> Self {
        let mut merges: Vec<Merge> = areas
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                u64::from(m.end.0.saturating_sub(m.start.0) + 1)
                    * u64::from(m.end.1.saturating_sub(m.start.1) + 1)
                    <= MAX_MERGE_FILL
            })
            .map(|(order, m)| Merge {
                area: *m,
                order,
                value: None,
            })
            .collect();
        merges.sort_by_key(|m| m.area.start.0);
        Self {
            sheet: sheet.to_owned(),
            current: None,
            last: None,
            width: 0,
            merges,
            next_merge: 0,
            active: Vec::new(),
            batch: Vec::new(),
            send,
        }
    }

    /// Adds a cell at (row, column), counted as `TableBuilder::push` counts
    /// it.
    ///
    /// # Errors
    /// A cell past column XFD, a limit reached, or a row that comes after a
    /// later one.
    pub(super) fn push(
        &mut self,
        (r, c): (u32, u32),
        cell: Cell,
        tally: &mut Tally,
    ) -> Result<(), Stop> {
        if cell.is_empty() {
            return Ok(());
        }
        tally.check(&self.sheet, (r, c), &cell)?;
        match &self.current {
            Some(row) if row.number == r => {}
            Some(row) if row.number > r => return Err(Stop::OutOfOrder),
            _ if self.last.is_some_and(|l| l >= r) => return Err(Stop::OutOfOrder),
            _ => {
                if let Some(row) = self.current.take() {
                    self.finish_row(row, tally)?;
                }
                tally.spend(size_of::<Row>())?;
                self.current = Some(Row {
                    number: r,
                    cells: Vec::with_capacity(self.width),
                });
            }
        }
        if let Some(row) = &mut self.current {
            tally.widen(row, c)?;
            row.set(c as usize, cell);
        }
        Ok(())
    }

    /// Hands on what is left of the sheet.
    ///
    /// # Errors
    /// A limit reached by the merged areas, or no one to hand it to.
    pub(super) fn finish(mut self, tally: &mut Tally) -> Result<(), ReadError> {
        if let Some(row) = self.current.take() {
            self.finish_row(row, tally)?;
        }
        self.fill_until(u32::MAX, tally)?;
        if !self.batch.is_empty() {
            (self.send)(Piece::Rows(std::mem::take(&mut self.batch)))?;
        }
        Ok(())
    }

    /// A row read from the file is complete: the rows only merged areas
    /// make before it, then the row itself with its merged areas, are handed
    /// on.
    fn finish_row(&mut self, mut row: Row, tally: &mut Tally) -> Result<(), ReadError> {
        self.fill_until(row.number, tally)?;
        // Areas that begin on this row take their value from the file's cell.
        while let Some(m) = self.merges.get_mut(self.next_merge) {
            if m.area.start.0 > row.number {
                break;
            }
            if m.area.start.0 == row.number {
                m.value = Some(row.get(m.area.start.1 as usize).clone()).filter(|v| !v.is_empty());
                if m.value.is_some() {
                    self.active.push(self.next_merge);
                }
            }
            self.next_merge += 1;
        }
        self.fill(&mut row, tally)?;
        self.hand_on(row)
    }

    /// Hands on the rows before `before` that only merged areas reach.
    fn fill_until(&mut self, before: u32, tally: &mut Tally) -> Result<(), ReadError> {
        loop {
            let next = self.last.map_or(0, |l| l.saturating_add(1));
            let reaches = self
                .active
                .iter()
                .any(|&i| self.merges[i].area.end.0 >= next);
            if next >= before || !reaches || self.last == Some(u32::MAX) {
                return Ok(());
            }
            tally.spend(size_of::<Row>())?;
            let mut row = Row {
                number: next,
                cells: Vec::new(),
            };
            self.fill(&mut row, tally)?;
            self.hand_on(row)?;
        }
    }

    /// Every active merged area's value in the row's cells it covers (but
    /// its own top-left cell), later areas over earlier ones.
    fn fill(&mut self, row: &mut Row, tally: &mut Tally) -> Result<(), ReadError> {
        let r = row.number;
        let merges = &self.merges;
        self.active.retain(|&i| merges[i].area.end.0 >= r);
        // Of two areas that cover a cell, the later in the file wins.
        self.active.sort_unstable_by_key(|&i| merges[i].order);
        for &i in &self.active {
            let m = &merges[i];
            let Some(value) = &m.value else { continue };
            for c in m.area.start.1..=m.area.end.1 {
                if (r, c) != m.area.start {
                    tally.check(&self.sheet, (r, c), value)?;
                    tally.widen(row, c)?;
                    row.set(c as usize, value.clone());
                }
            }
        }
        Ok(())
    }

    fn hand_on(&mut self, row: Row) -> Result<(), ReadError> {
        self.last = Some(row.number);
        self.width = row.cells.len().min(WIDTH_HINT);
        self.batch.push(row);
        if self.batch.len() >= BATCH {
            let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
            (self.send)(Piece::Rows(batch))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::limits::{Budget, Limits};
    use crate::sheet::TableBuilder;

    type Cells = Vec<((u32, u32), Cell)>;

    fn area(start: (u32, u32), end: (u32, u32)) -> Dimensions {
        Dimensions { start, end }
    }

    fn shown(rows: &[Row]) -> Vec<(u32, Vec<String>)> {
        rows.iter()
            .map(|r| (r.number, r.cells.iter().map(Cell::shown).collect()))
            .collect()
    }

    /// The rows streamed, with what was spent: (rows, cells counted, bytes).
    fn streamed(cells: &Cells, merged: &[Dimensions]) -> Result<(Vec<Row>, u64, u64), Stop> {
        let budget = Budget::new(Limits::default());
        let mut tally = Tally::new(Limits::default(), &budget);
        let mut pieces = Vec::new();
        let mut send = |p| {
            pieces.push(p);
            Ok(())
        };
        let mut rows = RowStream::new("Avtal", merged, &mut send);
        for (at, cell) in cells {
            rows.push(*at, cell.clone(), &mut tally)?;
        }
        rows.finish(&mut tally)?;
        let mut out = Vec::new();
        for p in pieces {
            let Piece::Rows(batch) = p else {
                panic!("only rows are handed on")
            };
            assert!(batch.len() <= BATCH);
            out.extend(batch);
        }
        let counted = tally.counted();
        // What the tally gathered is spent when it goes.
        drop(tally);
        Ok((out, counted, budget.spent()))
    }

    /// The same cells made into a whole table, the way every sheet was read
    /// before rows were streamed.
    fn built(cells: &Cells, merged: &[Dimensions]) -> (Vec<Row>, u64, u64) {
        let budget = Budget::new(Limits::default());
        let mut tally = Tally::new(Limits::default(), &budget);
        let mut t = TableBuilder::new("Avtal");
        for (at, cell) in cells {
            t.push(*at, cell.clone(), &mut tally).unwrap();
        }
        let t = t.finish(merged, &mut tally).unwrap();
        let counted = tally.counted();
        drop(tally);
        (t.rows, counted, budget.spent())
    }

    /// A register's first rows with merged areas of every kind, and
    /// enough rows after them to fill several batches.
    fn register_like() -> (Cells, Vec<Dimensions>) {
        let text = |s: &str| Cell::Text(s.to_owned());
        let mut cells: Cells = vec![
            ((0, 0), text("Avtalsregister 2026")),
            ((2, 0), text("Avtalsnummer")),
            ((2, 1), text("Nämnd")),
            ((2, 2), text("Klausul")),
            ((4, 0), text("SF-1")),
            ((4, 1), text("Skolnämnden")),
            ((4, 3), text("gammalt")),
            ((5, 2), Cell::Number(1.0)),
            ((7, 0), text("SF-4")),
            ((9, 4), text("ingen början")),
        ];
        // Enough rows to fill several batches.
        for r in 10..1300 {
            cells.push(((r, 0), text(&format!("SF-{r}"))));
            cells.push(((r, 2), Cell::Bool(r % 2 == 0)));
        }
        let merged = vec![
            // A title over three columns.
            area((0, 0), (0, 2)),
            // A board over rows the file leaves out (4 to 8).
            area((4, 1), (8, 1)),
            area((4, 3), (6, 3)),
            // A later area over the same cell wins.
            area((7, 0), (7, 1)),
            // An area whose top-left cell is empty fills nothing.
            area((9, 3), (11, 4)),
            // One too large to fill.
            area((1000, 0), (1200, 100)),
        ];
        (cells, merged)
    }

    /// The first rows `register_like` makes, written out.
    fn first_rows() -> Vec<(u32, Vec<String>)> {
        vec![
            (0, vec!["Avtalsregister 2026".into(); 3]),
            (
                2,
                vec!["Avtalsnummer".into(), "Nämnd".into(), "Klausul".into()],
            ),
            (
                4,
                vec![
                    "SF-1".into(),
                    "Skolnämnden".into(),
                    String::new(),
                    "gammalt".into(),
                ],
            ),
            (
                5,
                vec![
                    String::new(),
                    "Skolnämnden".into(),
                    "1".into(),
                    "gammalt".into(),
                ],
            ),
            (
                6,
                vec![
                    String::new(),
                    "Skolnämnden".into(),
                    String::new(),
                    "gammalt".into(),
                ],
            ),
            (7, vec!["SF-4".into(), "SF-4".into()]),
        ]
    }

    #[test]
    fn streamed_rows_are_the_rows_of_the_whole_table() {
        let (cells, merged) = register_like();
        let Ok((rows, counted, spent)) = streamed(&cells, &merged) else {
            panic!("streamed")
        };
        let (whole, whole_counted, whole_spent) = built(&cells, &merged);
        assert_eq!(shown(&rows), shown(&whole));
        // The same cells are counted. A whole table spent a little more of
        // the budget: it gave each row a merged area reaches a second,
        // empty row of its own before sorting them into one.
        assert_eq!(counted, whole_counted);
        assert!(spent < whole_spent, "{spent} {whole_spent}");
        let unmerged = streamed(&cells, &[]).ok().map(|(_, c, s)| (c, s));
        let (_, c, s) = built(&cells, &[]);
        assert_eq!(unmerged, Some((c, s)));
        // Written out, the rows the merged areas make.
        assert_eq!(shown(&rows[..6]), first_rows());
        assert_eq!(rows.len(), 1300 - 10 + 8);
    }

    #[test]
    fn a_row_after_a_later_one_stops_the_stream() {
        let one = Cell::Text("x".into());
        for order in [[0, 2, 1], [0, 1, 0], [3, 3, 2]] {
            let cells: Cells = order.iter().map(|&r| ((r, 0), one.clone())).collect();
            assert!(
                matches!(streamed(&cells, &[]), Err(Stop::OutOfOrder)),
                "{order:?}"
            );
        }
        // Cells of one row in any column order are in order.
        let cells: Cells = vec![((0, 5), one.clone()), ((0, 1), one.clone()), ((1, 0), one)];
        assert!(streamed(&cells, &[]).is_ok());
    }
}
