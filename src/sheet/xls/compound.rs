//! The workbook stream of an xls, taken out of its compound file (OLE2) the
//! way calamine will take it, step for step, but bounded.
//!
//! calamine follows each chain of sectors until its end or its claimed
//! length: a chain that loops back on itself, under a claimed length of
//! gigabytes (or none, for the directory), grows without end, and a list of
//! allocation-table sectors that names one sector many times makes a table
//! a hundred times the file. Here the same reads are made, in the same order
//! and with the same quirks (a sector past the end of the file reads as what
//! calamine's buffer holds there), so the stream found is the stream
//! calamine will parse; but a chain may take no more steps than there are
//! sectors, and the tables may not outgrow `expanded_mb`.
//!
//! Where calamine fails on its own before it builds anything (a bad header,
//! a sector past the last, a missing stream, one of its panics), this says
//! `None` and leaves the failing, and its message, to calamine.

use crate::document::error::ReadError;

const RESERVED: u32 = 0xFFFF_FFFA;
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// Why no stream came out: calamine fails here too, or the file is refused.
pub(super) enum Stop {
    /// calamine fails at the same place, before allocating beyond the file.
    CalamineFails,
    Refused(ReadError),
}

impl From<ReadError> for Stop {
    fn from(e: ReadError) -> Self {
        Self::Refused(e)
    }
}

fn looping(what: &str) -> Stop {
    Stop::Refused(ReadError::Workbook {
        reason: format!("the chain of sectors of its {what} loops back on itself"),
    })
}

/// The file as a reader that calamine's sector buffers read from in turn.
struct Reader<'f> {
    file: &'f [u8],
    at: usize,
}

impl Reader<'_> {
    fn read(&mut self, into: &mut [u8]) -> usize {
        let n = into.len().min(self.file.len() - self.at);
        into[..n].copy_from_slice(&self.file[self.at..self.at + n]);
        self.at += n;
        n
    }
}

/// calamine's buffer of sectors: read from the reader as far as the
/// highest sector asked for, padded with zeros past the end of the file.
struct Sectors {
    data: Vec<u8>,
    size: usize,
    last: u32,
}

impl Sectors {
    fn get(&mut self, id: u32, reader: &mut Reader<'_>) -> Result<&[u8], Stop> {
        if self.last < id {
            return Err(Stop::CalamineFails);
        }
        let start = id as usize * self.size;
        let end = start + self.size;
        if end > self.data.len() {
            let mut len = self.data.len();
            self.data.resize(end, 0);
            while len < end {
                let read = reader.read(&mut self.data[len..end]);
                if read == 0 {
                    // calamine slices `start..len` here, and panics when
                    // the sector begins past what was read.
                    return self.data.get(start..len).ok_or(Stop::CalamineFails);
                }
                len += read;
            }
        }
        Ok(&self.data[start..end])
    }

    /// The chain from `id`, `len` bytes of it at most; refused when it takes
    /// more steps than there are sectors, which only a loop can.
    fn chain(
        &mut self,
        mut id: u32,
        table: &[u32],
        reader: &mut Reader<'_>,
        len: usize,
        what: &str,
    ) -> Result<Vec<u8>, Stop> {
        let mut chain = Vec::new();
        let mut steps = 0_u64;
        while id != END_OF_CHAIN {
            steps += 1;
            if steps > u64::from(self.last) + 2 {
                return Err(looping(what));
            }
            let sector = self.get(id, reader)?;
            let take = sector.len().min(len - chain.len());
            chain.extend_from_slice(&sector[..take]);
            if chain.len() >= len {
                break;
            }
            id = *table.get(id as usize).ok_or(Stop::CalamineFails)?;
        }
        Ok(chain)
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Words of a sector; calamine asserts that a sector holds whole words.
fn words(b: &[u8]) -> Result<impl Iterator<Item = u32> + '_, Stop> {
    if !b.len().is_multiple_of(4) {
        return Err(Stop::CalamineFails);
    }
    Ok(b.chunks_exact(4).map(|w| u32_at(w, 0)))
}

/// A directory entry as calamine keeps it: its name, first sector, length.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

fn entry(b: &[u8], large: bool) -> Entry {
    let units: Vec<u16> = b[..64]
        .chunks_exact(2)
        .map(|u| u16::from_le_bytes([u[0], u[1]]))
        .collect();
    let mut name = String::from_utf16_lossy(&units);
    if let Some(nul) = name.find('\0') {
        name.truncate(nul);
    }
    let len = if large {
        u64::from_le_bytes(b[120..128].try_into().unwrap_or_default())
    } else {
        u64::from(u32_at(b, 120))
    };
    Entry {
        name,
        start: u32_at(b, 116),
        len: usize::try_from(len).unwrap_or(usize::MAX),
    }
}

/// The compound file's header, as far as calamine reads it.
struct Header {
    version: u16,
    size: usize,
    dir_start: u32,
    mini_fat_len: usize,
    mini_fat_start: u32,
    difat_start: u32,
}

fn header(file: &[u8]) -> Option<Header> {
    let h = file.get(..512)?;
    if h[..8] != *b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" {
        return None;
    }
    let half = |at: usize| u16::from_le_bytes([h[at], h[at + 1]]);
    let size = match half(30) {
        9 => 512,
        // The rest of a 4 096-byte first sector must be there.
        12 if file.len() >= 4096 => 4096,
        _ => return None,
    };
    (half(32) == 6).then(|| Header {
        version: half(26),
        size,
        dir_start: u32_at(h, 48),
        mini_fat_len: u32_at(h, 64) as usize,
        mini_fat_start: u32_at(h, 60),
        difat_start: u32_at(h, 68),
    })
}

/// The bytes of the `Workbook` stream (or, failing it, `Book`), as calamine
/// will read them, or why there are none.
///
/// # Errors
/// `CalamineFails` where calamine fails on its own; a refusal for a chain
/// that loops or tables past `expanded_bytes`.
pub(super) fn workbook_stream(file: &[u8], expanded_bytes: u64) -> Result<Vec<u8>, Stop> {
    let h = header(file).ok_or(Stop::CalamineFails)?;
    let last = u32::try_from(file.len() / h.size).unwrap_or(u32::MAX);
    let mut reader = Reader {
        file,
        at: h.size.min(file.len()),
    };
    let mut sectors = Sectors {
        data: Vec::new(),
        size: h.size,
        last,
    };
    let table = allocation_table(file, &h, &mut sectors, &mut reader, expanded_bytes)?;
    let dirs = sectors.chain(h.dir_start, &table, &mut reader, usize::MAX, "directory")?;
    let large = h.size == 4096;
    let dirs: Vec<Entry> = dirs.chunks_exact(128).map(|b| entry(b, large)).collect();
    let Some(root) = dirs.first() else {
        return Err(Stop::CalamineFails);
    };
    if h.version != 3 && root.start == END_OF_CHAIN {
        return Err(Stop::CalamineFails);
    }
    let (mini_table, mini_stream) = if h.mini_fat_len > 0 {
        let stream = sectors.chain(root.start, &table, &mut reader, root.len, "mini stream")?;
        let bytes = h.mini_fat_len.saturating_mul(h.size);
        let mini = sectors.chain(h.mini_fat_start, &table, &mut reader, bytes, "mini table")?;
        let mini: Vec<u32> = words(&mini)?.collect();
        (mini, stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut mini = Sectors {
        data: mini_stream,
        size: 64,
        last: last.saturating_mul(8),
    };
    let mut stream = |name: &str| -> Result<Vec<u8>, Stop> {
        let d = dirs
            .iter()
            .find(|d| d.name.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
            .ok_or(Stop::CalamineFails)?;
        if d.len < 4096 {
            mini.chain(d.start, &mini_table, &mut reader, d.len, name)
        } else {
            sectors.chain(d.start, &table, &mut reader, d.len, name)
        }
    };
    match stream("Workbook") {
        Err(Stop::CalamineFails) => stream("Book"),
        found => found,
    }
}

/// The allocation table: the sectors the header and the DIFAT chain list,
/// read in turn. Its size is counted before it is read, since a sector may
/// be listed any number of times.
fn allocation_table(
    file: &[u8],
    h: &Header,
    sectors: &mut Sectors,
    reader: &mut Reader<'_>,
    expanded_bytes: u64,
) -> Result<Vec<u32>, Stop> {
    let mut difat: Vec<u32> = words(&file[76..512])?.collect();
    let mut id = h.difat_start;
    let mut read = 0_u64;
    while id < RESERVED {
        read += 1;
        if read > u64::from(sectors.last) + 1 {
            return Err(Stop::CalamineFails);
        }
        difat.extend(words(sectors.get(id, reader)?)?);
        id = difat.pop().ok_or(Stop::CalamineFails)?;
    }
    let listed = difat.iter().filter(|&&id| id < DIFAT_SECTOR).count() as u64;
    if listed.saturating_mul(h.size as u64) > expanded_bytes {
        return Err(Stop::Refused(ReadError::Expanded {
            limit: expanded_bytes,
        }));
    }
    let mut table = Vec::new();
    for id in difat.into_iter().filter(|&id| id < DIFAT_SECTOR) {
        table.extend(words(sectors.get(id, reader)?)?);
    }
    Ok(table)
}
