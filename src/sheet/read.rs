//! Reads workbooks with calamine and CSV with the csv crate into `Table`s of
//! cells. Every visible sheet is read (hidden ones are named, not read),
//! formulas come as their cached values, merged cells repeat their value over
//! the merged area, and the number of cells is bounded.

use std::io::Cursor;

use calamine::{
    open_workbook_from_rs, Data, DataRef, Dimensions, Ods, Range, Reader, SheetVisible, Xls, Xlsb,
    Xlsx,
};

use super::cell::Cell;
use super::Table;
use crate::document::error::ReadError;
use crate::model::limits::Limits;
use crate::source::{decode_text, Format};

/// The readable sheets of a workbook, and the names of the hidden ones.
#[derive(Debug, Default)]
pub struct Workbook {
    pub tables: Vec<Table>,
    pub hidden: Vec<String>,
}

fn broken(e: impl std::fmt::Display) -> ReadError {
    let reason = e.to_string();
    if reason.to_lowercase().contains("password") {
        ReadError::Encrypted
    } else {
        ReadError::Workbook { reason }
    }
}

/// # Errors
/// A damaged or protected workbook, or one over the cell limit.
pub fn read_workbook(bytes: &[u8], format: Format, limits: Limits) -> Result<Workbook, ReadError> {
    match format {
        Format::Csv => Ok(Workbook {
            tables: vec![read_csv(bytes, limits)?],
            hidden: Vec::new(),
        }),
        Format::Xlsx => {
            // The zip parts are inflated within the limits before calamine sees them.
            super::super::document::check_package(bytes, limits)?;
            let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(broken)?;
            let mut counter = Counter::new(limits);
            let sheets = book.sheets_metadata().to_owned();
            each_visible(&sheets, |name| {
                let mut reader = book.worksheet_cells_reader(name).map_err(broken)?;
                let mut table = stream(name, &mut counter, || reader.next_cell().map_err(broken))?;
                drop(reader);
                table.finish(&book.merge_cells_by_sheet_name(name).unwrap_or_default());
                Ok(table)
            })
        }
        Format::Xlsb => {
            super::super::document::check_package(bytes, limits)?;
            let mut book: Xlsb<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(broken)?;
            let mut counter = Counter::new(limits);
            let sheets = book.sheets_metadata().to_owned();
            each_visible(&sheets, |name| {
                let mut reader = book.worksheet_cells_reader(name).map_err(broken)?;
                stream(name, &mut counter, || reader.next_cell().map_err(broken))
            })
        }
        Format::Xls => {
            let mut book: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(broken)?;
            let mut counter = Counter::new(limits);
            let sheets = book.sheets_metadata().to_owned();
            each_visible(&sheets, |name| {
                let range = book.worksheet_range(name).map_err(broken)?;
                let merged = book.merge_cells_by_sheet_name(name).unwrap_or_default();
                from_range(name, &range, &merged, &mut counter)
            })
        }
        Format::Ods => {
            super::super::document::check_package(bytes, limits)?;
            let mut book: Ods<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(broken)?;
            let mut counter = Counter::new(limits);
            let sheets = book.sheets_metadata().to_owned();
            each_visible(&sheets, |name| {
                let range = book.worksheet_range(name).map_err(broken)?;
                from_range(name, &range, &[], &mut counter)
            })
        }
        _ => Err(ReadError::Unrecognised),
    }
}

/// A sheet from a reader that hands over its cells one at a time (xlsx and
/// xlsb), counted against the workbook's limit as they come.
fn stream<'d>(
    name: &str,
    counter: &mut Counter,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'d>>>, ReadError>,
) -> Result<Table, ReadError> {
    let mut table = Table::empty(name);
    while let Some(c) = next()? {
        counter.add(name)?;
        table.push(c.get_position(), cell_of_ref(c.get_value()));
    }
    Ok(table)
}

fn each_visible(
    sheets: &[calamine::Sheet],
    mut read: impl FnMut(&str) -> Result<Table, ReadError>,
) -> Result<Workbook, ReadError> {
    let mut book = Workbook::default();
    for sheet in sheets {
        if sheet.visible == SheetVisible::Visible {
            book.tables.push(read(&sheet.name)?);
        } else {
            book.hidden.push(sheet.name.clone());
        }
    }
    Ok(book)
}

/// Counts cells against the workbook's limit.
struct Counter {
    seen: u64,
    limit: u64,
}

impl Counter {
    const fn new(limits: Limits) -> Self {
        Self {
            seen: 0,
            limit: limits.cells,
        }
    }

    fn add(&mut self, sheet: &str) -> Result<(), ReadError> {
        self.seen += 1;
        if self.seen > self.limit {
            return Err(ReadError::TooManyCells {
                sheet: sheet.to_owned(),
                limit: self.limit,
            });
        }
        Ok(())
    }
}

fn from_range(
    name: &str,
    range: &Range<Data>,
    merged: &[Dimensions],
    counter: &mut Counter,
) -> Result<Table, ReadError> {
    let mut cells = Vec::new();
    for (row, col, value) in range.used_cells() {
        counter.add(name)?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let at = (
            r0 + u32::try_from(row).unwrap_or(u32::MAX),
            c0 + u32::try_from(col).unwrap_or(u32::MAX),
        );
        cells.push((at, cell_of_data(value)));
    }
    Ok(Table::from_cells(name, cells, merged))
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
fn read_csv(bytes: &[u8], limits: Limits) -> Result<Table, ReadError> {
    let (text, _) = decode_text(bytes);
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
    let mut counter = Counter::new(limits);
    let mut cells = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::Workbook {
            reason: e.to_string(),
        })?;
        for (col, field) in record.iter().enumerate() {
            if field.trim().is_empty() {
                continue;
            }
            counter.add("csv")?;
            let at = (
                u32::try_from(row).unwrap_or(u32::MAX),
                u32::try_from(col).unwrap_or(u32::MAX),
            );
            cells.push((at, Cell::Text(field.to_owned())));
        }
    }
    Ok(Table::from_cells("csv", cells, &[]))
}
