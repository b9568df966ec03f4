//! OpenDocument spreadsheets (ods), read with the zip and XML reader the
//! document readers use rather than with calamine: calamine builds every
//! sheet whole when it opens the file, copying a repeated cell into each of
//! the places it repeats to and expanding `<text:s text:c="…"/>` to any
//! length, before a single cell could be counted. Here each copy is counted
//! (`Tally`) before it is made, so a cell repeated over 100×100 places ends
//! at the limit, not in gigabytes.
//!
//! What a cell holds follows the format: `office:value` (numbers,
//! percentages, amounts), `office:date-value` and `office:time-value` as
//! their ISO text, `office:boolean-value`, and for strings
//! `office:string-value` or the cell's paragraphs, one line each. A table
//! whose style has `table:display="false"` is hidden: read, and marked so.

use std::collections::HashSet;

use super::cell::Cell;
use super::{Table, TableBuilder, Tally, Workbook, MAX_COLUMNS};
use crate::document::error::ReadError;
use crate::document::{attr, attrs, local, Element, Node, Package, Xml};
use crate::model::limits::Limits;

/// Rows a sheet can have.
const MAX_ROWS: u32 = 1_048_576;

/// # Errors
/// A damaged, encrypted or oversized package, malformed XML, or a limit
/// reached.
pub fn read_ods(bytes: &[u8], limits: Limits, tally: &mut Tally) -> Result<Workbook, ReadError> {
    let mut package = Package::open(bytes, limits)?;
    if package
        .part("META-INF/manifest.xml")?
        .is_some_and(|m| m.contains("encryption-data"))
    {
        return Err(ReadError::Encrypted);
    }
    let content = package.required("content.xml", "OpenDocument spreadsheet")?;
    let mut xml = Xml::new("content.xml", &content, limits);
    let mut hiding = HashSet::new();
    let mut style = None;
    let mut book = Workbook::default();
    loop {
        match xml.next()? {
            Node::Start(e) => match local(&e) {
                "style" => style = attr(&e, "name"),
                "table-properties" if attr(&e, "display").as_deref() == Some("false") => {
                    hiding.extend(style.clone());
                }
                "table" => {
                    let hidden = attr(&e, "style-name").is_some_and(|s| hiding.contains(&s));
                    match attr(&e, "name") {
                        Some(name) => book.tables.push(table(&mut xml, &name, hidden, tally)?),
                        None => xml.skip()?,
                    }
                }
                _ => {}
            },
            Node::Eof => return Ok(book),
            Node::End(_) | Node::Text(_) => {}
        }
    }
}

/// A whole number in an attribute, 1 when it is missing or not one.
fn count(e: &Element<'_>, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

/// One table, from just after its start to its end.
fn table(
    xml: &mut Xml<'_>,
    name: &str,
    hidden: bool,
    tally: &mut Tally,
) -> Result<Table, ReadError> {
    let mut table = TableBuilder::new(name).hidden(hidden);
    let mut row = 0u32;
    loop {
        match xml.next()? {
            Node::Start(e) if local(&e) == "table-row" => {
                let repeat = count(&e, "number-rows-repeated").min(MAX_ROWS.saturating_sub(row));
                let cells = cells(xml, tally)?;
                // A repeated row is its cells again on each of the rows:
                // each copy is counted as it is made.
                for r in row..row + if cells.is_empty() { 0 } else { repeat } {
                    for (col, cell, times) in &cells {
                        for c in *col..col + times {
                            table.push((r, c), cell.clone(), tally)?;
                        }
                    }
                }
                row += repeat;
            }
            Node::End(end) if end == "table" => return table.finish(&[], tally),
            Node::Eof => return Err(xml.truncated()),
            Node::Start(_) | Node::End(_) | Node::Text(_) => {}
        }
    }
}

/// A row's cells that hold something: each with its first column and how
/// many columns it repeats over.
fn cells(xml: &mut Xml<'_>, tally: &Tally) -> Result<Vec<(u32, Cell, u32)>, ReadError> {
    let mut cells = Vec::new();
    let mut col = 0u32;
    loop {
        match xml.next()? {
            Node::Start(e) if matches!(local(&e), "table-cell" | "covered-table-cell") => {
                let times =
                    count(&e, "number-columns-repeated").min(MAX_COLUMNS.saturating_sub(col));
                let cell = cell(xml, &e, tally)?;
                if !cell.is_empty() && times > 0 {
                    cells.push((col, cell, times));
                }
                col += times;
            }
            Node::Start(_) => xml.skip()?,
            Node::End(end) if end == "table-row" => return Ok(cells),
            Node::Eof => return Err(xml.truncated()),
            Node::End(_) | Node::Text(_) => {}
        }
    }
}

/// One cell's value, from its attributes or its paragraphs; reads on to the
/// cell's end.
fn cell(xml: &mut Xml<'_>, e: &Element<'_>, tally: &Tally) -> Result<Cell, ReadError> {
    let mut value = None;
    let (mut string, mut error) = (false, false);
    for (key, v) in attrs(e) {
        match key.as_str() {
            "office:value" if value.is_none() => {
                let n = v.trim().parse().map_err(|_| ReadError::Workbook {
                    reason: format!("a cell's value `{}` is not a number", shorten(&v)),
                })?;
                value = Some(Cell::Number(n));
            }
            "office:string-value" | "office:date-value" | "office:time-value"
                if value.is_none() =>
            {
                value = Some(Cell::Text(v));
            }
            "office:boolean-value" if value.is_none() => {
                value = Some(Cell::Bool(v.eq_ignore_ascii_case("true")));
            }
            "office:value-type" => string = v == "string",
            "calcext:value-type" => error = v == "error",
            _ => {}
        }
    }
    // LibreOffice keeps an error's text in the paragraphs, with an empty
    // string value.
    let error_text = error && matches!(&value, Some(Cell::Text(t)) if t.is_empty());
    if (value.is_none() && string) || error_text {
        return paragraphs(xml, tally).map(Cell::Text);
    }
    xml.skip()?;
    Ok(value.unwrap_or(Cell::Empty))
}

/// The text of a cell's paragraphs, one line each, up to the cell's end.
fn paragraphs(xml: &mut Xml<'_>, tally: &Tally) -> Result<String, ReadError> {
    let mut text = String::new();
    let mut first = true;
    loop {
        match xml.next()? {
            Node::Text(t) => text.push_str(&t),
            Node::Start(e) => match local(&e) {
                "p" if std::mem::take(&mut first) => {}
                "p" | "line-break" => text.push('\n'),
                "tab" => text.push('\t'),
                "s" => {
                    // A run of spaces is written as its length: count it
                    // before it is made.
                    let n = count(&e, "c") as usize;
                    tally.spend(n)?;
                    text.extend(std::iter::repeat_n(' ', n));
                }
                "annotation" | "table" => xml.skip()?,
                _ => {}
            },
            Node::End(end) if end == "table-cell" || end == "covered-table-cell" => {
                return Ok(text)
            }
            Node::End(_) => {}
            Node::Eof => return Err(xml.truncated()),
        }
    }
}

/// At most 40 characters of a value, for a message.
fn shorten(v: &str) -> String {
    v.chars().take(40).collect()
}
