//! Lower case that keeps every character's length in bytes, so an offset in
//! the lower-case copy is an offset in the original.

use crate::model::span::floor_char_boundary;

/// Lower case with every character keeping its UTF-8 length, so offsets in the
/// lower-case copy are offsets in the folded text. The few characters whose
/// lower case is longer or several characters stay as they are.
#[must_use]
pub fn lower_same_length(text: &str) -> String {
    // ASCII is lowered in one pass. Outside ASCII, only a chunk holding a
    // byte that may belong to a capital is looked at character by character:
    // the Latin-1 capitals (Å, Ä, Ö, É) are 0xC3 0x80 ..= 0xC3 0x9E, and any
    // other capital has a lead byte from 0xC4 up. The frequent å, ä, ö
    // (0xC3 0xA0 ..) never make a chunk be looked at.
    const CHUNK: usize = 32;
    let bytes = text.as_bytes();
    let mut lowered = Vec::with_capacity(bytes.len());
    let mut suspects = Vec::new();
    let suspect = |chunk: &[u8]| {
        chunk.iter().fold(0u8, |acc, &b| {
            acc | u8::from((0x80..=0x9E).contains(&b)) | u8::from(b >= 0xC4)
        }) != 0
    };
    let mut chunks = bytes.chunks_exact(CHUNK);
    for (n, chunk) in chunks.by_ref().enumerate() {
        // Copied, lowered and looked at while the chunk is at hand; a whole
        // chunk of known length, without branches, is a few vector steps.
        let mut lower = [0u8; CHUNK];
        for (l, b) in lower.iter_mut().zip(chunk) {
            *l = b.to_ascii_lowercase();
        }
        lowered.extend_from_slice(&lower);
        if suspect(chunk) {
            suspects.push(n);
        }
    }
    let rest = chunks.remainder();
    lowered.extend(rest.iter().map(u8::to_ascii_lowercase));
    if suspect(rest) {
        suspects.push(bytes.len() / CHUNK);
    }
    // SAFETY: the bytes are those of `text` with only ASCII capitals turned
    // into ASCII lower case, so they are still valid UTF-8.
    let mut out = unsafe { String::from_utf8_unchecked(lowered) };
    let mut next = 0;
    for n in suspects {
        // From the first character that starts in this chunk (or the one
        // that overlaps it) to the end of the chunk.
        let from = floor_char_boundary(text, (n * CHUNK).max(next));
        let to = (n * CHUNK + CHUNK).min(bytes.len());
        next = lower_capitals(text, &mut out, from, to);
    }
    out
}

/// Lowers, in `out`, the non-ASCII capitals of `text` that start in
/// `from..to` and keep their length; returns where the last one looked at ends.
fn lower_capitals(text: &str, out: &mut String, from: usize, to: usize) -> usize {
    let mut at = from;
    while at < to {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let end = at + c.len_utf8();
        if !c.is_ascii() && c.is_uppercase() {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                if l.len_utf8() == c.len_utf8() {
                    out.replace_range(at..end, l.encode_utf8(&mut [0; 4]));
                }
            }
        }
        at = end;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_keeps_lengths() {
        let s = "ÅÄÖ İstanbul ẞ";
        assert_eq!(lower_same_length(s).len(), s.len());
        assert!(lower_same_length(s).starts_with("åäö"));
    }
}
