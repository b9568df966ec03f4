//! BIFF records as calamine reads them out of a workbook stream (a record
//! with the CONTINUE records after it), and the text they decode to,
//! bounded from above without decoding it.

/// One record and the data of the CONTINUE records that follow it.
pub(super) struct Record<'s> {
    pub typ: u16,
    pub data: &'s [u8],
    cont: std::collections::VecDeque<&'s [u8]>,
}

impl Record<'_> {
    /// Moves on to the next CONTINUE record's data, if there is one.
    pub fn continue_record(&mut self) -> bool {
        match self.cont.pop_front() {
            Some(next) => {
                self.data = next;
                true
            }
            None => false,
        }
    }

    /// Skips `len` bytes across CONTINUE records; `None` where calamine
    /// fails, for want of them.
    pub fn skip(&mut self, mut len: usize) -> Option<()> {
        while len > 0 {
            if self.data.is_empty() && !self.continue_record() {
                return None;
            }
            let l = len.min(self.data.len());
            self.data = &self.data[l..];
            len -= l;
        }
        Some(())
    }
}

pub(super) enum Next<'s> {
    Record(Record<'s>),
    End,
    /// calamine stops the whole workbook with an error here.
    Broken,
}

/// The records of a stream from some place in it, one at a time.
pub(super) struct Records<'s> {
    pub stream: &'s [u8],
}

pub(super) fn half(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

pub(super) fn word(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'s> Records<'s> {
    pub fn next(&mut self) -> Next<'s> {
        let s = self.stream;
        if s.is_empty() {
            return Next::End;
        }
        let (Some(typ), Some(len)) = (half(s, 0), half(s, 2)) else {
            return Next::Broken;
        };
        let Some(data) = s.get(4..4 + len as usize) else {
            return Next::Broken;
        };
        self.stream = &s[4 + len as usize..];
        let mut cont = std::collections::VecDeque::new();
        while self.stream.len() > 4 && half(self.stream, 0) == Some(0x003C) {
            let len = half(self.stream, 2).unwrap_or_default() as usize;
            let Some(more) = self.stream.get(4..4 + len) else {
                return Next::Broken;
            };
            cont.push_back(more);
            self.stream = &self.stream[4 + len..];
        }
        Next::Record(Record { typ, data, cont })
    }
}

/// How a string's characters are stored: two bytes each, one byte each
/// (widened to two for UTF-16), or in a legacy code page.
#[derive(Clone, Copy)]
enum Width {
    Two,
    One,
    CodePage,
}

/// Characters taken from `bytes` (at most `chars`), the bytes they take,
/// and at most how many bytes of UTF-8 they decode to. In UTF-16 (code
/// page 1200, the default) that is known from each unit; in another code
/// page a byte can become a replacement character (3 bytes), and a
/// one-byte character is widened to two bytes first.
fn decoded(bytes: &[u8], chars: usize, width: Width, utf16: bool) -> (usize, usize, usize) {
    let width = match width {
        Width::CodePage if utf16 => Width::One,
        w => w,
    };
    match width {
        Width::Two => {
            let l = chars.min(bytes.len() / 2);
            let bound = if utf16 {
                bytes[..2 * l]
                    .chunks_exact(2)
                    .map(|u| match u16::from_le_bytes([u[0], u[1]]) {
                        0..0x80 => 1,
                        0x80..0x800 => 2,
                        _ => 3,
                    })
                    .sum()
            } else {
                6 * l
            };
            (l, 2 * l, bound)
        }
        Width::One => {
            let l = chars.min(bytes.len());
            let bound = if utf16 {
                bytes[..l]
                    .iter()
                    .map(|&b| if b < 0x80 { 1 } else { 2 })
                    .sum()
            } else {
                6 * l
            };
            (l, l, bound)
        }
        Width::CodePage => {
            let l = chars.min(bytes.len());
            (l, l, 3 * l)
        }
    }
}

/// A `String::with_capacity(cch)` that `len` bytes were pushed into: its
/// capacity stays `cch` unless the text outgrew it.
const fn capacity(cch: usize, len: usize) -> usize {
    if len > cch {
        2 * len
    } else {
        cch
    }
}

/// A string of a rich extended kind (the shared strings), read across
/// CONTINUE records as calamine reads it: its bytes at most, or `None`
/// where calamine fails.
pub(super) fn rich_string(r: &mut Record<'_>, utf16: bool) -> Option<usize> {
    if r.data.is_empty() {
        return Some(0);
    }
    let cch = half(r.data, 0)? as usize;
    let flags = *r.data.get(2)?;
    r.data = &r.data[3..];
    let mut wide = flags & 1 != 0;
    let mut runs = 0;
    let mut ext = 0;
    if flags & 8 != 0 {
        runs = half(r.data, 0)? as usize;
        r.data = r.data.get(2..)?;
    }
    if flags & 4 != 0 {
        // calamine reads an i32 as a usize: a negative one fails the skip
        // below, as it does here.
        ext = usize::try_from(i32::from_le_bytes(r.data.get(..4)?.try_into().ok()?))
            .unwrap_or(usize::MAX);
        r.data = r.data.get(4..)?;
    }
    let mut left = cch;
    let mut bytes = 0;
    while left > 0 {
        let width = if wide { Width::Two } else { Width::One };
        let (l, at, b) = decoded(r.data, left, width, utf16);
        r.data = &r.data[at..];
        left -= l;
        bytes += b;
        if left > 0 {
            if !r.continue_record() {
                return None;
            }
            wide = *r.data.first()? & 1 != 0;
            r.data = &r.data[1..];
        }
    }
    r.skip(runs * 4)?;
    r.skip(ext)?;
    Some(capacity(cch, bytes))
}

/// A sheet's name: a byte of length, then its characters.
pub(super) fn short_name(b: &[u8], utf16: bool) -> usize {
    b.split_first()
        .map_or(0, |(&cch, chars)| name_bytes(chars, cch.into(), utf16))
}

/// A defined name: its length at byte 3, its characters from byte 14.
pub(super) fn defined_name(b: &[u8], utf16: bool) -> usize {
    let cch = b.get(3).copied().unwrap_or_default().into();
    name_bytes(b.get(14..).unwrap_or_default(), cch, utf16)
}

/// The bytes `cch` characters at `chars` decode to at most: BIFF8 puts a
/// byte of flags before them, older versions do not, and both readings are
/// counted, since the version is calamine's to judge.
fn name_bytes(chars: &[u8], cch: usize, utf16: bool) -> usize {
    let old = decoded(chars, cch, Width::CodePage, utf16).2;
    let new = chars.split_first().map_or(0, |(&flags, rest)| {
        let width = if flags & 1 == 0 {
            Width::One
        } else {
            Width::Two
        };
        decoded(rest, cch, width, utf16).2
    });
    old.max(new)
}

/// The name of a sheet, for a message: BIFF8's reading, lossy.
pub(super) fn sheet_name(b: &[u8]) -> String {
    let Some((&cch, rest)) = b.split_first() else {
        return String::new();
    };
    let Some((&flags, chars)) = rest.split_first() else {
        return String::new();
    };
    if flags & 1 == 0 {
        chars
            .iter()
            .take(cch.into())
            .map(|&c| char::from(c))
            .collect()
    } else {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(cch.into())
            .map(|u| u16::from_le_bytes([u[0], u[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    }
}

/// A text cell's string: a length, a byte of flags in BIFF8, then the
/// characters; calamine keeps the capacity the length claims. Both readings
/// are counted, since the version is calamine's to judge.
pub(super) fn text_cell(d: &[u8], utf16: bool) -> u64 {
    let cch = half(d, 0).map_or(0, usize::from);
    let chars = d.get(2..).unwrap_or_default();
    capacity(cch, name_bytes(chars, cch, utf16)) as u64
}

/// A formula's text, at most: every byte could begin a token, and the
/// tokens that write more than eight bytes each are counted where their
/// first byte stands (a number, up to 330 digits; a space attribute, up to
/// 255 spaces; a reference to a sheet or a name, the longest name); or,
/// for a formula calamine cannot read, its message instead (under 128
/// bytes: the cell and the error).
pub(super) fn formula(rgce: &[u8], cce: usize, longest_name: u64) -> u64 {
    let tokens = rgce.get(..cce).unwrap_or(rgce);
    let mut bound = 8 * tokens.len() as u64;
    for (i, &ptg) in tokens.iter().enumerate() {
        bound += match ptg {
            0x1F => 330,
            0x19 if matches!(tokens.get(i + 1), Some(0x40 | 0x41)) => {
                u64::from(tokens.get(i + 3).copied().unwrap_or_default())
            }
            0x23 | 0x43 | 0x63 | 0x39 | 0x59 | 0x79 | 0x3A..=0x3D | 0x5A..=0x5D | 0x7A..=0x7D => {
                longest_name + 32
            }
            _ => 0,
        };
    }
    bound.max(128)
}

/// The length below which calamine refuses a cell's record (or panics on
/// a formula's).
pub(super) const fn shortest(typ: u16) -> usize {
    match typ {
        0x0203 => 14,
        0x0205 => 8,
        0x027E | 0x00FD => 10,
        0x0204 | 0x00D6 | 0x00BD => 6,
        0x0006 => 22,
        _ => 0,
    }
}

/// The cells a dimensions record claims, as calamine reckons them (with
/// wrapping arithmetic, as a release build does); `None` for a record of a
/// length calamine refuses.
pub(super) fn dimensions(d: &[u8]) -> Option<u64> {
    let (rf, rl, mut cf, cl) = match d.len() {
        10 => (
            u32::from(half(d, 0)?),
            u32::from(half(d, 2)?),
            u32::from(half(d, 4)?),
            u32::from(half(d, 6)?),
        ),
        14 | 16 => (
            word(d, 0)?,
            word(d, 4)?,
            u32::from(half(d, 8)?),
            u32::from(half(d, 10)?),
        ),
        _ => return None,
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    let (start, end) = if rl >= 1 && cl >= 1 {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    let rows = end.0.wrapping_sub(start.0).wrapping_add(1);
    let cols = end.1.wrapping_sub(start.1).wrapping_add(1);
    Some(u64::from(rows).saturating_mul(u64::from(cols)))
}

/// The first and last columns of a `MulRk` record (its row is the cell's
/// own); `None` where calamine refuses it.
pub(super) fn multiple(d: &[u8]) -> Option<(u32, u32)> {
    let (first, last) = (half(d, 2)?, half(d, d.len() - 2)?);
    let count = last.wrapping_sub(first).wrapping_add(1);
    (count > 0 && d.len() == 6 + 6 * usize::from(count))
        .then(|| (u32::from(first), u32::from(first) + u32::from(count) - 1))
}
