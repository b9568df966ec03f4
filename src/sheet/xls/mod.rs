//! Legacy Excel workbooks (xls), read in a child process.
//!
//! calamine reads an xls whole when it opens it: it reserves room for as
//! many cells as a sheet's dimensions record claims, lays every sheet out as
//! a full rectangle from its first cell to its last, and copies a shared
//! string into every cell that uses it, all before one cell can be counted.
//! A file of a few hundred bytes can so ask for terabytes. The binary
//! therefore reads an xls in a child process with an address-space limit
//! (`document::child`), where such a file ends in the `expanded_mb` error;
//! the child reads the workbook as before, its cells counted, and sends it
//! back (`encode`, `decode`). Without a child (library callers) it is read
//! in this process.
//!
//! Either way, what calamine would build is first counted from the file's
//! own records (`claims`, over the workbook stream that `compound` takes out
//! of the compound file the way calamine does, record by record as
//! `records` reads them), and a file that would build past a limit is
//! refused before calamine sees it: the child's address-space limit is the
//! second guard, not the only one.

mod claims;
mod compound;
mod records;

pub(super) use claims::check as check_claims;

use super::cell::Cell;
use super::{Row, Table, Tally, Workbook};
use crate::document::child::{in_child, number, program, Job};
use crate::document::error::ReadError;
use crate::model::limits::{Budget, Limits};

/// Reads an xls with `here` (calamine, in this process), in a child
/// process when the binary runs one.
///
/// # Errors
/// A damaged or protected workbook, one over the cell limit, or one that
/// expands past `expanded_mb` (or would make calamine build past either),
/// or whose reading fails or runs out of time in its child.
pub(super) fn read_xls(
    bytes: &[u8],
    limits: Limits,
    budget: &Budget,
    here: fn(&[u8], &mut Tally) -> Result<Workbook, ReadError>,
) -> Result<Workbook, ReadError> {
    let Some(program) = program() else {
        check_claims(bytes, limits, budget)?;
        return here(bytes, &mut Tally::new(limits, budget));
    };
    let reply = in_child(program, Job::Xls, bytes, limits, budget)?;
    decode(&reply).ok_or_else(|| ReadError::Crashed {
        reason: "the XLS reader gave a reply that cannot be read".to_owned(),
    })
}

const EMPTY: u8 = 0;
const TEXT: u8 = 1;
const NUMBER: u8 = 2;
const BOOL: u8 = 3;
const DATE: u8 = 4;
const ERROR: u8 = 5;

/// The workbook as the child sends it: its tables (name, whether it is
/// hidden as one byte, then rows of cells), every count and length a
/// little-endian `u64`.
pub(super) fn encode(book: &Workbook) -> Vec<u8> {
    let mut out = Vec::new();
    let len = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u64).to_le_bytes());
    let text = |out: &mut Vec<u8>, s: &str| {
        len(out, s.len());
        out.extend_from_slice(s.as_bytes());
    };
    len(&mut out, book.tables.len());
    for table in &book.tables {
        text(&mut out, &table.sheet);
        out.push(u8::from(table.hidden));
        len(&mut out, table.rows.len());
        for row in &table.rows {
            out.extend_from_slice(&row.number.to_le_bytes());
            len(&mut out, row.cells.len());
            for cell in &row.cells {
                match cell {
                    Cell::Empty => out.push(EMPTY),
                    Cell::Text(s) => {
                        out.push(TEXT);
                        text(&mut out, s);
                    }
                    Cell::Number(n) => {
                        out.push(NUMBER);
                        out.extend_from_slice(&n.to_le_bytes());
                    }
                    Cell::Bool(b) => out.extend_from_slice(&[BOOL, u8::from(*b)]),
                    Cell::Date(d) => {
                        out.push(DATE);
                        out.extend_from_slice(&d.to_le_bytes());
                    }
                    Cell::Error(s) => {
                        out.push(ERROR);
                        text(&mut out, s);
                    }
                }
            }
        }
    }
    out
}

/// The workbook from the child's reply; `None` for a reply that is not one.
/// No count is trusted further than the bytes that remain.
pub(super) fn decode(reply: &[u8]) -> Option<Workbook> {
    let mut rest = reply;
    let mut book = Workbook::default();
    for _ in 0..number(&mut rest)? {
        let sheet = text(&mut rest)?;
        let (&hidden, after) = rest.split_first()?;
        rest = after;
        let rows = number(&mut rest)?;
        let mut table = Table {
            sheet,
            hidden: match hidden {
                0 => false,
                1 => true,
                _ => return None,
            },
            rows: Vec::with_capacity(rows.min(rest.len())),
        };
        for _ in 0..rows {
            let (at, after) = rest.split_first_chunk::<4>()?;
            rest = after;
            let cells = number(&mut rest)?;
            let mut row = Row {
                number: u32::from_le_bytes(*at),
                cells: Vec::with_capacity(cells.min(rest.len())),
            };
            for _ in 0..cells {
                row.cells.push(cell(&mut rest)?);
            }
            table.rows.push(row);
        }
        book.tables.push(table);
    }
    rest.is_empty().then_some(book)
}

fn cell(rest: &mut &[u8]) -> Option<Cell> {
    let (&tag, after) = rest.split_first()?;
    *rest = after;
    let float = |rest: &mut &[u8]| {
        let (n, after) = rest.split_first_chunk::<8>()?;
        *rest = after;
        Some(f64::from_le_bytes(*n))
    };
    Some(match tag {
        EMPTY => Cell::Empty,
        TEXT => Cell::Text(text(rest)?),
        NUMBER => Cell::Number(float(rest)?),
        BOOL => {
            let (&b, after) = rest.split_first()?;
            *rest = after;
            Cell::Bool(b != 0)
        }
        DATE => Cell::Date(float(rest)?),
        ERROR => Cell::Error(text(rest)?),
        _ => return None,
    })
}

fn text(rest: &mut &[u8]) -> Option<String> {
    let len = number(rest)?;
    let bytes = rest.get(..len)?;
    *rest = &rest[len..];
    String::from_utf8(bytes.to_vec()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_travels_intact() {
        let book = Workbook {
            tables: vec![Table {
                sheet: "Avtal å".into(),
                hidden: true,
                rows: vec![
                    Row {
                        number: 0,
                        cells: vec![Cell::Text("Avtalstyp".into()), Cell::Empty],
                    },
                    Row {
                        number: 70_000,
                        cells: vec![
                            Cell::Number(25_000.5),
                            Cell::Bool(true),
                            Cell::Date(46_082.0),
                            Cell::Error("#REF!".into()),
                        ],
                    },
                ],
            }],
        };
        let wire = encode(&book);
        let back = decode(&wire).unwrap();
        assert_eq!(back.tables.len(), 1);
        assert!(back.tables[0].hidden);
        assert_eq!(back.tables[0].sheet, "Avtal å");
        let rows: Vec<(u32, &[Cell])> = back.tables[0]
            .rows
            .iter()
            .map(|r| (r.number, r.cells.as_slice()))
            .collect();
        let want: Vec<(u32, &[Cell])> = book.tables[0]
            .rows
            .iter()
            .map(|r| (r.number, r.cells.as_slice()))
            .collect();
        assert_eq!(rows, want);
        assert!(decode(&wire[..wire.len() - 1]).is_none());
        assert!(decode(&[wire.as_slice(), &[0]].concat()).is_none());
        // A count far past the bytes is refused, not reserved.
        assert!(decode(&u64::MAX.to_le_bytes()).is_none());
    }
}
