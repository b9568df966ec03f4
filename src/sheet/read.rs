//! Reads workbooks with calamine (OpenDocument with `ods`) and CSV with the
//! csv crate into `Table`s of cells. Every sheet is read, hidden ones too
//! (marked so), formulas come as their cached values, merged cells
//! repeat their value over the merged area, and the number of cells and what
//! they hold are bounded (`Tally`).

use std::io::Cursor;

mod package;

use calamine::{
    open_workbook_from_rs, Data, DataRef, Dimensions, Range, Reader, SheetVisible, Xls, Xlsb, Xlsx,
};

use super::cell::Cell;
use super::ods::read_ods;
use super::rows::{RowStream, Stop};
use super::stream::{Piece, Stream, BATCH};
use super::xls::{encode, read_xls};
use super::{Table, TableBuilder, Tally, Workbook};
use crate::document::error::ReadError;
use crate::model::limits::{Budget, Limits};
use crate::source::{decode_text, Format};

fn broken(e: impl std::fmt::Display) -> ReadError {
    let reason = e.to_string();
    if reason.to_lowercase().contains("password") {
        ReadError::Encrypted
    } else {
        ReadError::Workbook { reason }
    }
}

/// # Errors
/// A damaged or protected workbook, one over the cell limit, or one that
/// expands past `expanded_mb`.
pub fn read_workbook(bytes: &[u8], format: Format, limits: Limits) -> Result<Workbook, ReadError> {
    let budget = Budget::new(limits);
    let mut tally = Tally::new(limits, &budget);
    match format {
        Format::Csv => Ok(Workbook {
            tables: vec![read_csv(bytes, &mut tally)?],
        }),
        Format::Xlsx | Format::Xlsb => {
            let mut book = Workbook::default();
            stream_cells(bytes, format, &mut tally, &mut |piece| {
                book.take(piece);
                Ok(())
            })?;
            Ok(book)
        }
        // In a child process where the binary runs one (`xls`).
        Format::Xls => read_xls(bytes, limits, &budget, xls_here),
        Format::Ods => read_ods(bytes, limits, &mut tally),
        _ => Err(ReadError::Unrecognised),
    }
}

/// Reads an xlsx or xlsb on a reader thread of its own, its rows handed on
/// a batch at a time as they are read (`stream`), within the time limit.
///
/// # Errors
/// The workbook cannot be opened: damaged, protected, or past a package
/// limit. Later errors come with the pieces.
pub fn stream_workbook(
    bytes: Vec<u8>,
    format: Format,
    limits: Limits,
) -> Result<Stream, ReadError> {
    Stream::start(limits.seconds_per_file, move |send| {
        let budget = Budget::new(limits);
        let mut tally = Tally::new(limits, &budget);
        stream_cells(&bytes, format, &mut tally, send)
    })
}

type Send<'a> = dyn FnMut(Piece) -> Result<(), ReadError> + 'a;

/// An xlsx's or xlsb's sheets, each handed on as it is read.
fn stream_cells(
    bytes: &[u8],
    format: Format,
    tally: &mut Tally,
    send: &mut Send<'_>,
) -> Result<(), ReadError> {
    // The zip parts are inflated within the limits before calamine sees them,
    // and searched for merged areas on the way.
    let any_merged = package::scan(bytes, tally.limits())?;
    if format == Format::Xlsb {
        let mut book: Xlsb<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(broken)?;
        // calamine reads no merged areas from xlsb.
        return stream_sheets!(book, tally, send, |_: &mut Xlsb<_>, _: &str| Vec::new());
    }
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(broken)?;
    stream_sheets!(book, tally, send, |book: &mut Xlsx<_>, name: &str| {
        if any_merged {
            book.merge_cells_by_sheet_name(name).unwrap_or_default()
        } else {
            Vec::new()
        }
    })
}

/// Streams every sheet of a calamine workbook as rows, in row order, or,
/// when a row came after a later one, again from the start, sorted. A
/// macro, as xlsx's and xlsb's cell readers share no trait to be generic
/// over; `merged` gives a sheet's merged areas.
macro_rules! stream_sheets {
    ($book:ident, $tally:ident, $send:ident, $merged:expr) => {{
        let merged_of = $merged;
        for sheet in $book.sheets_metadata().to_owned() {
            let name = sheet.name.as_str();
            $send(Piece::Sheet {
                name: name.to_owned(),
                hidden: hidden(&sheet),
            })?;
            let merged = merged_of(&mut $book, name);
            let before = $tally.counted();
            let mut reader = $book.worksheet_cells_reader(name).map_err(broken)?;
            if !in_order(name, &merged, $tally, $send, || {
                reader.next_cell().map_err(broken)
            })? {
                drop(reader);
                $tally.recount_from(before);
                $send(Piece::Again)?;
                let mut reader = $book.worksheet_cells_reader(name).map_err(broken)?;
                let table = stream(name, $tally, || reader.next_cell().map_err(broken))?;
                drop(reader);
                send_rows(table.finish(&merged, $tally)?, $send)?;
            }
        }
        Ok(())
    }};
}
use stream_sheets;

/// "Very hidden" counts as hidden: only a macro can show it.
fn hidden(sheet: &calamine::Sheet) -> bool {
    sheet.visible != SheetVisible::Visible
}

/// Hands a sheet's cells on as rows while they come in row order; `false`
/// when a row came after a later one, and the sheet must be read again.
fn in_order<'d>(
    name: &str,
    merged: &[Dimensions],
    tally: &mut Tally,
    send: &mut Send<'_>,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'d>>>, ReadError>,
) -> Result<bool, ReadError> {
    let mut rows = RowStream::new(name, merged, send);
    while let Some(c) = next()? {
        let value = c.get_value();
        // A shared string is copied into each cell that uses it: count the
        // copy before it is made.
        if let DataRef::SharedString(s) = value {
            tally.affords(s.len())?;
        }
        match rows.push(c.get_position(), cell_of_ref(value), tally) {
            Ok(()) => {}
            Err(Stop::OutOfOrder) => return Ok(false),
            Err(Stop::Read(e)) => return Err(e),
        }
    }
    rows.finish(tally)?;
    Ok(true)
}

/// A sheet read whole, handed on a batch of rows at a time.
fn send_rows(table: Table, send: &mut Send<'_>) -> Result<(), ReadError> {
    let mut rows = table.rows.into_iter().peekable();
    while rows.peek().is_some() {
        send(Piece::Rows(rows.by_ref().take(BATCH).collect()))?;
    }
    Ok(())
}

/// An xls workbook, read in this process: calamine reads it whole when it
/// opens it, before a cell can be counted.
fn xls_here(bytes: &[u8], tally: &mut Tally) -> Result<Workbook, ReadError> {
    // calamine panics on some damaged OLE2 files (a sector chain that runs
    // past the file's end, found by the xls fuzz target): that is the
    // file's error, here as in the child process, never the caller's panic.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| xls_cells(bytes, tally)))
        .unwrap_or_else(|panic| {
            Err(ReadError::Crashed {
                reason: panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".to_owned()),
            })
        })
}

fn xls_cells(bytes: &[u8], tally: &mut Tally) -> Result<Workbook, ReadError> {
    let mut book: Xls<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| not_a_workbook(bytes, e))?;
    let sheets = book.sheets_metadata().to_owned();
    each_sheet(&sheets, |name, hidden| {
        let range = book.worksheet_range(name).map_err(broken)?;
        let merged = book.merge_cells_by_sheet_name(name).unwrap_or_default();
        let mut table = from_range(name, &range, &merged, tally)?;
        table.hidden = hidden;
        Ok(table)
    })
}

/// In a child process started to read an xls: reads it into the reply.
///
/// # Errors
/// The reading's own.
pub fn serve_xls(bytes: &[u8], limits: Limits, budget: &Budget) -> Result<Vec<u8>, ReadError> {
    super::xls::check_claims(bytes, limits, budget)?;
    xls_here(bytes, &mut Tally::new(limits, budget)).map(|book| encode(&book))
}

/// Why an OLE2 file is no workbook: a Word 97–2003 document (it holds a
/// `WordDocument` stream) is said to be one, not a broken workbook. Asked
/// only once calamine has failed, so a workbook whose cells spell the name
/// is still read as one.
fn not_a_workbook(bytes: &[u8], error: impl std::fmt::Display) -> ReadError {
    let name: Vec<u8> = "WordDocument"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.windows(name.len()).any(|w| w == name) {
        ReadError::NotSupported {
            format: "Word 97–2003 (.doc)".to_owned(),
        }
    } else {
        broken(error)
    }
}

/// A sheet from a reader that hands over its cells one at a time (xlsx and
/// xlsb), in the order of the file, counted as they come: calamine never
/// builds the whole sheet, so a cell far to the right or rows last to first
/// cost no more than their cells.
fn stream<'d>(
    name: &str,
    tally: &mut Tally,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'d>>>, ReadError>,
) -> Result<TableBuilder, ReadError> {
    let mut table = TableBuilder::new(name);
    while let Some(c) = next()? {
        let value = c.get_value();
        // A shared string is copied into each cell that uses it: count the
        // copy before it is made.
        if let DataRef::SharedString(s) = value {
            tally.affords(s.len())?;
        }
        table.push(c.get_position(), cell_of_ref(value), tally)?;
    }
    Ok(table)
}

/// Reads every sheet in the workbook's order, telling `read` whether it is
/// hidden ("very hidden" counts as hidden: only a macro can show it).
fn each_sheet(
    sheets: &[calamine::Sheet],
    mut read: impl FnMut(&str, bool) -> Result<Table, ReadError>,
) -> Result<Workbook, ReadError> {
    let mut book = Workbook::default();
    for sheet in sheets {
        let hidden = sheet.visible != SheetVisible::Visible;
        book.tables.push(read(&sheet.name, hidden)?);
    }
    Ok(book)
}

fn from_range(
    name: &str,
    range: &Range<Data>,
    merged: &[Dimensions],
    tally: &mut Tally,
) -> Result<Table, ReadError> {
    let mut table = TableBuilder::new(name);
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (row, col, value) in range.used_cells() {
        let at = (
            r0.saturating_add(u32::try_from(row).unwrap_or(u32::MAX)),
            c0.saturating_add(u32::try_from(col).unwrap_or(u32::MAX)),
        );
        table.push(at, cell_of_data(value), tally)?;
    }
    table.finish(merged, tally)
}

/// An integer cell as a number. A spreadsheet stores numbers as doubles
/// anyway, so integers past 2^53 were never exact in the file either.
#[allow(clippy::cast_precision_loss)]
const fn int(i: i64) -> f64 {
    i as f64
}

fn cell_of_data(d: &Data) -> Cell {
    match d {
        Data::Int(i) => Cell::Number(int(*i)),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::Date(dt.as_f64()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

fn cell_of_ref(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Int(i) => Cell::Number(int(*i)),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Cell::Text(s.clone())
        }
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => Cell::Date(dt.as_f64()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

/// CSV with `;` or `,` between fields (Swedish Excel writes `;`), in UTF-8 or
/// Windows-1252.
fn read_csv(bytes: &[u8], tally: &mut Tally) -> Result<Table, ReadError> {
    let (text, _) = decode_text(bytes);
    tally.spend(text.len())?;
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first_line.matches(';').count() >= first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = TableBuilder::new("csv");
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::Workbook {
            reason: e.to_string(),
        })?;
        for (col, field) in record.iter().enumerate() {
            let at = (
                u32::try_from(row).unwrap_or(u32::MAX),
                u32::try_from(col).unwrap_or(u32::MAX),
            );
            table.push(at, Cell::Text(field.to_owned()), tally)?;
        }
    }
    table.finish(&[], tally)
}
