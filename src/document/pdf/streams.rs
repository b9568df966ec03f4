//! Every stream of a PDF decompressed into nothing before lopdf sees the
//! file, its bytes counted against `expanded_mb`: lopdf inflates a stream
//! whole and without a limit, so a few kilobytes that inflate to gigabytes
//! must be refused before it starts.
//!
//! The scan needs no cross-reference table, which a hostile file can bend: it
//! takes every `stream` keyword, reads the `/Filter` of the dictionary before
//! it, and decodes from there to the end of the file with the filters lopdf
//! implements (Flate, with its raw-deflate fallback, LZW and ASCII85). A
//! decoder stops where its data ends, and decoding more input never gives
//! less output, so the count is never below what lopdf would inflate from the
//! same stream, whatever its `/Length` says. Filters lopdf does not implement
//! end the chain there, as they end lopdf's.

use std::io::{self, Read, Write};

use flate2::read::{DeflateDecoder, ZlibDecoder};
use memchr::memmem;

use crate::model::limits::{Budget, Overrun};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    Flate,
    /// LZW, with or without the early change of code width.
    Lzw {
        early: bool,
    },
    Ascii85,
}

/// Decompresses every stream in `pdf`, spending its bytes from `budget`.
///
/// # Errors
/// The streams expand past the limit, or the time is up.
pub fn check_streams(pdf: &[u8], budget: &Budget) -> Result<(), Overrun> {
    // The dictionary of a stream lies after the end of the one before.
    let mut dict_from = 0;
    for at in memmem::find_iter(pdf, b"stream") {
        let after = at + b"stream".len();
        if pdf[..at].ends_with(b"end") {
            dict_from = after;
            continue;
        }
        let Some(data) = data_start(pdf, after) else {
            continue;
        };
        let filters = filters(&pdf[dict_from..at]);
        decode_all(&filters, &pdf[data..], budget)?;
        budget.in_time()?;
    }
    Ok(())
}

/// Where a stream's data starts: after spaces and one end of line.
fn data_start(pdf: &[u8], mut at: usize) -> Option<usize> {
    while matches!(pdf.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    match (pdf.get(at), pdf.get(at + 1)) {
        (Some(b'\r'), Some(b'\n')) => Some(at + 2),
        (Some(b'\r' | b'\n'), _) => Some(at + 1),
        _ => None,
    }
}

fn is_white(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    is_white(b) || b"()<>[]{}/%".contains(&b)
}

/// The filters named by the last `/Filter` in a dictionary's bytes, as lopdf
/// reads them: a name or an array of names; anything else (a reference)
/// leaves the stream as it stands.
fn filters(dict: &[u8]) -> Vec<Filter> {
    let key = b"/Filter";
    let Some(at) = memmem::rfind_iter(dict, key)
        .find(|&i| dict.get(i + key.len()).is_none_or(|&b| is_delimiter(b)))
    else {
        return Vec::new();
    };
    let early = !early_change_off(dict);
    let mut rest = skip_white(&dict[at + key.len()..]);
    let mut names = Vec::new();
    match rest.first() {
        Some(b'/') => names.push(name(&mut rest)),
        Some(b'[') => {
            rest = &rest[1..];
            loop {
                rest = skip_white(rest);
                match rest.first() {
                    Some(b'/') => names.push(name(&mut rest)),
                    Some(b']') | None => break,
                    // lopdf reads an array with anything but names as no filter.
                    Some(_) => return Vec::new(),
                }
            }
        }
        _ => {}
    }
    names
        .iter()
        .map_while(|n| match n.as_slice() {
            b"FlateDecode" => Some(Filter::Flate),
            b"LZWDecode" => Some(Filter::Lzw { early }),
            b"ASCII85Decode" => Some(Filter::Ascii85),
            _ => None,
        })
        .collect()
}

/// `/EarlyChange 0` in the decoding parameters.
fn early_change_off(dict: &[u8]) -> bool {
    let key = b"/EarlyChange";
    memmem::find(dict, key).is_some_and(|at| {
        let value = skip_white(&dict[at + key.len()..]);
        value.first() == Some(&b'0') && value.get(1).is_none_or(|&b| is_delimiter(b))
    })
}

fn skip_white(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|&&b| is_white(b)).count();
    &bytes[n..]
}

/// A name after its `/`, with `#xx` escapes decoded; moves `rest` past it.
fn name(rest: &mut &[u8]) -> Vec<u8> {
    let bytes = &rest[1..];
    let len = bytes.iter().take_while(|&&b| !is_delimiter(b)).count();
    let mut out = Vec::with_capacity(len);
    let mut i = 0;
    while i < len {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|_| bytes[i] == b'#' && i + 3 <= len)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let Some(b) = hex {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    *rest = &bytes[len..];
    out
}

/// Counts what is written into it against the budget, and keeps it only when
/// a later filter needs it.
struct Spend<'b> {
    budget: &'b Budget,
    kept: Option<Vec<u8>>,
    written: usize,
    overrun: Option<Overrun>,
}

impl Write for Spend<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Err(o) = self.budget.spend(buf.len()) {
            self.overrun = Some(o);
            return Err(io::Error::other("over the budget"));
        }
        if let Some(kept) = &mut self.kept {
            kept.extend_from_slice(buf);
        }
        self.written += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Decodes `data` through the chain of filters; only the last stage's output
/// is not kept.
fn decode_all(filters: &[Filter], data: &[u8], budget: &Budget) -> Result<(), Overrun> {
    let mut input = std::borrow::Cow::Borrowed(data);
    for (i, &filter) in filters.iter().enumerate() {
        let last = i + 1 == filters.len();
        let mut out = Spend {
            budget,
            kept: (!last).then(Vec::new),
            written: 0,
            overrun: None,
        };
        decode(filter, &input, &mut out);
        if let Some(o) = out.overrun {
            return Err(o);
        }
        input = std::borrow::Cow::Owned(out.kept.unwrap_or_default());
    }
    Ok(())
}

/// One filter; a decoding error ends the output where it came, as in lopdf.
fn decode(filter: Filter, input: &[u8], out: &mut Spend<'_>) {
    match filter {
        Filter::Flate => {
            let inflated = io::copy(&mut ZlibDecoder::new(input), out);
            // lopdf retries a zlib stream that gave nothing as raw deflate
            // after its two-byte header.
            if inflated.is_err() && out.written == 0 && out.overrun.is_none() && input.len() > 2 {
                let _ = io::copy(&mut DeflateDecoder::new(&input[2..]), out);
            }
        }
        Filter::Lzw { early } => {
            let mut decoder = if early {
                weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            } else {
                weezl::decode::Decoder::new(weezl::BitOrder::Msb, 8)
            };
            let _ = decoder.into_stream(out).decode_all(input);
        }
        Filter::Ascii85 => {
            let _ = io::copy(
                &mut Ascii85 {
                    input,
                    group: 0,
                    count: 0,
                    done: false,
                },
                out,
            );
        }
    }
}

/// ASCII85 as lopdf decodes it: `z` for four zero bytes, whitespace skipped,
/// and the first byte outside the alphabet ends the data.
struct Ascii85<'a> {
    input: &'a [u8],
    group: u32,
    count: usize,
    done: bool,
}

impl Read for Ascii85<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n + 4 <= buf.len() && !self.done {
            let Some((&c, rest)) = self.input.split_first() else {
                self.done = true;
                break;
            };
            self.input = rest;
            match c {
                b'z' if self.count == 0 => {
                    buf[n..n + 4].fill(0);
                    n += 4;
                }
                c if is_white(c) => {}
                b'!'..=b'u' => {
                    self.group = self
                        .group
                        .wrapping_mul(85)
                        .wrapping_add(u32::from(c - b'!'));
                    self.count += 1;
                    if self.count == 5 {
                        buf[n..n + 4].copy_from_slice(&self.group.to_be_bytes());
                        n += 4;
                        (self.group, self.count) = (0, 0);
                    }
                }
                _ => self.done = true,
            }
        }
        // A partial group at the end gives up to three bytes more.
        if self.done && self.count > 0 && n + 4 <= buf.len() {
            n += self.count - 1;
            self.count = 0;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::limits::Limits;

    fn budget(bytes: u64) -> Budget {
        Budget::new(Limits {
            expanded_bytes: bytes,
            ..Limits::default()
        })
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    fn pdf(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf = format!("%PDF-1.7\n1 0 obj\n<< {dict} >>\nstream\n").into_bytes();
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        pdf
    }

    #[test]
    fn a_stream_that_inflates_past_the_limit_is_refused() {
        let bomb = pdf(
            "/Length 3 /Filter /FlateDecode",
            &zlib(&vec![b' '; 1 << 20]),
        );
        assert_eq!(
            check_streams(&bomb, &budget(1 << 19)),
            Err(Overrun::Expanded { limit: 1 << 19 })
        );
        let b = budget(2 << 20);
        assert_eq!(check_streams(&bomb, &b), Ok(()));
        assert_eq!(b.spent(), 1 << 20);
    }

    #[test]
    fn chains_of_filters_are_followed() {
        let twice = zlib(&zlib(&vec![0; 1 << 20]));
        let bomb = pdf("/Filter [/FlateDecode /Fl#61teDecode]", &twice);
        let b = budget(4 << 20);
        assert_eq!(check_streams(&bomb, &b), Ok(()));
        assert_eq!(b.spent(), (1 << 20) + zlib(&vec![0; 1 << 20]).len() as u64);
    }

    #[test]
    fn what_lopdf_leaves_alone_is_not_counted() {
        let data = zlib(&vec![0; 1 << 20]);
        for dict in [
            "/Filter 5 0 R",
            "/Filter [5 0 R /FlateDecode]",
            "/Filter /DCTDecode",
            "",
        ] {
            let b = budget(1 << 10);
            assert_eq!(check_streams(&pdf(dict, &data), &b), Ok(()), "{dict}");
        }
    }

    #[test]
    fn ascii85_and_lzw_are_counted() {
        let b = budget(1 << 20);
        assert_eq!(
            check_streams(&pdf("/Filter /ASCII85Decode", b"zzzz87cUR~>"), &b),
            Ok(())
        );
        assert_eq!(b.spent(), 20);
        let mut lzw = Vec::new();
        weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .into_stream(&mut lzw)
            .encode_all(&vec![7u8; 100_000][..])
            .status
            .unwrap();
        let b = budget(1 << 20);
        assert_eq!(check_streams(&pdf("/Filter /LZWDecode", &lzw), &b), Ok(()));
        assert_eq!(b.spent(), 100_000);
    }

    #[test]
    fn the_raw_deflate_fallback_is_counted() {
        let mut raw = flate2::write::DeflateEncoder::new(vec![0, 0], flate2::Compression::best());
        raw.write_all(&vec![1; 50_000]).unwrap();
        let b = budget(1 << 20);
        assert_eq!(
            check_streams(&pdf("/Filter /FlateDecode", &raw.finish().unwrap()), &b),
            Ok(())
        );
        assert_eq!(b.spent(), 50_000);
    }
}
