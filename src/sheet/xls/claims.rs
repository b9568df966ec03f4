//! What calamine will build from an xls, counted before it builds it.
//!
//! calamine reads an xls whole when it opens it, and a few bytes can make it
//! build much: a dimensions record reserves room for every cell it claims
//! (four billion rows of a 14-byte record), a sheet is laid out as the full
//! rectangle from its first cell to its last (two cells at far corners make
//! four billion), a shared string is copied into each cell that names it, a
//! text cell keeps the capacity its length field claims, several sheets may
//! start at one place and be built once each, and a formula's text can be
//! many times its tokens. So the workbook stream is walked here first, record
//! by record as calamine walks it (`records`), and what calamine would build
//! is counted against the limits: its cells against `cells`, and its bytes
//! (text, and each slot of a rectangle or a reservation) against
//! `expanded_mb`. Only then does calamine see the file.
//!
//! Where calamine would fail on its own, counting stops there and the file
//! is left to it; where this cannot tell, it counts more, never less.

use super::compound::{workbook_stream, Stop};
use super::records::{
    defined_name, dimensions, formula, half, multiple, rich_string, sheet_name, short_name,
    shortest, text_cell, word, Next, Record, Records,
};
use crate::document::error::ReadError;
use crate::model::limits::{Budget, Limits};

type Slot = calamine::Data;
type Placed = calamine::Cell<calamine::Data>;

/// Counts what calamine would build from the xls `file`.
///
/// # Errors
/// It would build more cells than `cells` or more bytes than `expanded_mb`,
/// its compound file has a chain of sectors that loops, or the time for the
/// file is up.
pub(in crate::sheet) fn check(
    file: &[u8],
    limits: Limits,
    budget: &Budget,
) -> Result<(), ReadError> {
    let stream = match workbook_stream(file, limits.expanded_bytes) {
        Ok(stream) => stream,
        Err(Stop::CalamineFails) => return Ok(()),
        Err(Stop::Refused(e)) => return Err(e),
    };
    let mut cost = Cost {
        bytes: 0,
        cells: 0,
        moved: 0,
        records: 0,
        limits,
        budget,
    };
    let Some(globals) = globals(&stream, &mut cost)? else {
        return Ok(());
    };
    for &(at, ref name) in &globals.sheets {
        let Some(records) = stream.get(at..) else {
            // calamine panics here (a sheet past the stream's end).
            return Ok(());
        };
        if !sheet(records, name, &globals, &mut cost)? {
            return Ok(());
        }
    }
    Ok(())
}

/// What calamine would have built so far.
struct Cost<'b> {
    bytes: u64,
    cells: u64,
    /// Bytes calamine may move while it writes formulas out.
    moved: u64,
    records: u64,
    limits: Limits,
    budget: &'b Budget,
}

impl Cost<'_> {
    fn spend(&mut self, bytes: u64) -> Result<(), ReadError> {
        self.bytes = self.bytes.saturating_add(bytes);
        if self.bytes > self.limits.expanded_bytes {
            return Err(ReadError::Expanded {
                limit: self.limits.expanded_bytes,
            });
        }
        Ok(())
    }

    /// calamine writes a formula's text out token by token, and a token
    /// (a space attribute, a parenthesis, a sign, a function) may insert
    /// into or split off the text written so far: each costs up to its
    /// length, so one formula of 64 kB of such tokens took hours. The bytes
    /// moved, at most, are counted; past `MOVED` the file is refused before
    /// calamine starts on it (legitimate workbooks move a few gigabytes at
    /// most).
    fn write(&mut self, moved: u64) -> Result<(), ReadError> {
        self.moved = self.moved.saturating_add(moved);
        if self.moved > MOVED {
            return Err(ReadError::Workbook {
                reason: "its formulas would take too long to write out".to_owned(),
            });
        }
        Ok(())
    }

    fn cell(&mut self, sheet: &str) -> Result<(), ReadError> {
        self.cells += 1;
        if self.cells > self.limits.cells {
            return Err(ReadError::TooManyCells {
                sheet: sheet.to_owned(),
                limit: self.limits.cells,
            });
        }
        Ok(())
    }

    /// One record more; the clock is read now and then, since several
    /// sheets may walk one long stream each.
    fn record(&mut self) -> Result<(), ReadError> {
        self.records += 1;
        if self.records.is_multiple_of(4096) {
            self.budget.in_time()?;
        }
        Ok(())
    }
}

/// The workbook's globals that its sheets depend on.
struct Globals {
    /// Where each sheet starts in the stream, and its name.
    sheets: Vec<(usize, String)>,
    /// The bytes of each shared string at most.
    strings: Vec<u64>,
    /// The longest sheet or defined name, in bytes at most: what one
    /// reference in a formula can write.
    longest_name: u64,
    /// Whether the workbook's code page is UTF-16 (1200, the default).
    utf16: bool,
}

/// The bytes calamine may move while writing out the formulas of one file:
/// some seconds of work.
const MOVED: u64 = 1 << 36;

/// What calamine keeps for each sheet or defined name besides its text, at
/// most: its entries in the lists and maps, and an empty sheet's ranges.
const ENTRY: u64 = 512;

fn size<T>() -> u64 {
    size_of::<T>() as u64
}

/// The globals, up to their end; `None` where calamine fails in them.
fn globals(stream: &[u8], cost: &mut Cost<'_>) -> Result<Option<Globals>, ReadError> {
    let mut g = Globals {
        sheets: Vec::new(),
        strings: Vec::new(),
        longest_name: "#REF!".len() as u64,
        utf16: true,
    };
    let mut utf16 = true;
    let mut records = Records { stream };
    loop {
        cost.record()?;
        let mut r = match records.next() {
            Next::Record(r) => r,
            Next::End => break,
            Next::Broken => return Ok(None),
        };
        match r.typ {
            0x002F if half(r.data, 0) != Some(0) => return Ok(None),
            0x0042 => match half(r.data, 0) {
                Some(page) => utf16 = page == 1200,
                None => return Ok(None),
            },
            0x0085 => {
                let Some(at) = word(r.data, 0) else {
                    return Ok(None);
                };
                let name = r.data.get(6..).unwrap_or_default();
                let bytes = short_name(name, utf16) as u64;
                g.longest_name = g.longest_name.max(bytes);
                g.sheets.push((at as usize, sheet_name(name)));
                // Its name is kept three times over, with the metadata and
                // the empty sheet calamine keeps for it.
                cost.spend(3 * bytes + ENTRY)?;
            }
            0x0018 => {
                let bytes = defined_name(r.data, utf16) as u64;
                g.longest_name = g.longest_name.max(bytes);
                // The name, and the text of what it refers to.
                cost.spend(bytes + r.data.len() as u64 * 8 + ENTRY)?;
            }
            0x00FC => {
                let Some(strings) = shared_strings(&mut r, utf16) else {
                    return Ok(None);
                };
                cost.spend(strings.iter().map(|s| s + size::<String>()).sum())?;
                g.strings = strings;
            }
            0x000A => break,
            _ => {}
        }
    }
    g.utf16 = utf16;
    Ok(Some(g))
}

/// The shared-string table's strings, each in bytes at most.
fn shared_strings(r: &mut Record<'_>, utf16: bool) -> Option<Vec<u64>> {
    r.data = r.data.get(8..)?;
    let mut strings = Vec::new();
    while !r.data.is_empty() || r.continue_record() {
        strings.push(rich_string(r, utf16)? as u64);
    }
    Some(strings)
}

/// The smallest rectangle around some cells.
#[derive(Default)]
struct Extent {
    /// (first row, last row, first column, last column) once a cell is in.
    corners: Option<(u32, u32, u32, u32)>,
    placed: u64,
}

impl Extent {
    fn add(&mut self, (r, c): (u32, u32)) {
        self.placed += 1;
        self.corners = Some(match self.corners {
            None => (r, r, c, c),
            Some((r0, r1, c0, c1)) => (r0.min(r), r1.max(r), c0.min(c), c1.max(c)),
        });
    }

    fn area(&self) -> u64 {
        self.corners.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
        })
    }
}

/// What calamine builds of one sheet.
#[derive(Default)]
struct Sheet {
    cells: Extent,
    formulas: Extent,
    /// The cells a dimensions record had calamine reserve room for.
    reserved: u64,
    /// Where the last formula stands: a string record after it is its value.
    formula_at: (u32, u32),
}

/// Whether calamine reads on after a record.
enum Flow {
    On,
    /// The sheet's end.
    Done,
    /// calamine fails here.
    Fails,
}

/// One sheet's records, from its beginning to its end, counted as calamine
/// builds them; `false` where calamine fails in it.
fn sheet(stream: &[u8], name: &str, g: &Globals, cost: &mut Cost<'_>) -> Result<bool, ReadError> {
    let mut s = Sheet::default();
    let mut records = Records { stream };
    let (mut seen_bof, mut depth) = (false, 0_usize);
    let whole = loop {
        cost.record()?;
        let r = match records.next() {
            Next::Record(r) => r,
            Next::End => break true,
            Next::Broken => break false,
        };
        // Nested substreams (an embedded chart) hold no cells of the sheet.
        match (r.typ, depth) {
            (0x0809, _) if seen_bof => depth += 1,
            (0x0809, _) => seen_bof = true,
            (0x000A, 1..) => depth -= 1,
            (_, 1..) => {}
            _ => match s.record(&r, name, g, cost)? {
                Flow::On => {}
                Flow::Done => break true,
                Flow::Fails => break false,
            },
        }
    };
    let (cells, formulas) = (&s.cells, &s.formulas);
    cost.spend(s.reserved.max(cells.placed) * size::<Placed>())?;
    // The rectangle, and the copy of it that `worksheet_range` hands out.
    cost.spend(2 * cells.area() * size::<Slot>())?;
    cost.spend(formulas.area() * size::<String>())?;
    cost.spend(formulas.placed * size::<calamine::Cell<String>>())?;
    Ok(whole)
}

impl Sheet {
    fn put(
        &mut self,
        p: (u32, u32),
        text: u64,
        name: &str,
        cost: &mut Cost<'_>,
    ) -> Result<(), ReadError> {
        self.cells.add(p);
        cost.cell(name)?;
        cost.spend(text)
    }

    fn record(
        &mut self,
        r: &Record<'_>,
        name: &str,
        g: &Globals,
        cost: &mut Cost<'_>,
    ) -> Result<Flow, ReadError> {
        let d = r.data;
        let at = (
            u32::from(half(d, 0).unwrap_or_default()),
            u32::from(half(d, 2).unwrap_or_default()),
        );
        if d.len() < shortest(r.typ) {
            return Ok(Flow::Fails);
        }
        match r.typ {
            0x0200 => {
                let Some(claimed) = dimensions(d) else {
                    return Ok(Flow::Fails);
                };
                self.reserved = self.reserved.max(self.cells.placed.saturating_add(claimed));
            }
            0x0203 | 0x0205 | 0x027E => self.put(at, 0, name, cost)?,
            0x0204 | 0x00D6 => self.put(at, text_cell(&d[6..], g.utf16), name, cost)?,
            0x0207 => self.put(self.formula_at, text_cell(d, g.utf16), name, cost)?,
            0x00FD => {
                if let Some(&len) = word(d, 6).and_then(|i| g.strings.get(i as usize)) {
                    self.put(at, len, name, cost)?;
                }
            }
            0x00BD => {
                let Some((first, last)) = multiple(d) else {
                    return Ok(Flow::Fails);
                };
                for col in first..=last {
                    self.put((at.0, col), 0, name, cost)?;
                }
            }
            0x00E5 => cost.spend(u64::from(half(d, 0).unwrap_or_default()) * 16)?,
            0x0006 => {
                self.formula_at = at;
                // Its value may be a cell; it is counted as one.
                self.put(at, 0, name, cost)?;
                self.formulas.add(at);
                let cce = usize::from(half(d, 20).unwrap_or_default());
                let text = formula(&d[22..], cce, g.longest_name);
                cost.spend(text)?;
                cost.write(cce.min(d.len() - 22) as u64 * text)?;
            }
            0x000A => return Ok(Flow::Done),
            _ => {}
        }
        Ok(Flow::On)
    }
}
