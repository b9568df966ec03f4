//! Turning a file's bytes into text: the format by its bytes, then the encoding.
//!
//! Owns encoding detection (UTF-8 with or without BOM, UTF-16 with BOM, and a
//! Windows-1252 fallback for old Swedish exports). Knows nothing of document
//! structure.

use std::path::Path;

use serde::Serialize;

/// The formats a report names (`format` in the JSON report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Docx,
    Odt,
    Pdf,
    Xlsx,
    Xls,
    Xlsb,
    Ods,
    Csv,
}

impl Format {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Docx => "docx",
            Self::Odt => "odt",
            Self::Pdf => "pdf",
            Self::Xlsx => "xlsx",
            Self::Xls => "xls",
            Self::Xlsb => "xlsb",
            Self::Ods => "ods",
            Self::Csv => "csv",
        }
    }
}

/// The extensions a directory walk picks up.
pub const WALKED_EXTENSIONS: &[&str] = &[
    "md", "markdown", "txt", "docx", "odt", "pdf", "xlsx", "xlsm", "xls", "xlsb", "ods", "csv",
];

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether bytes that matched no binary format are still not text: NUL bytes
/// or many control characters near the start (UTF-16 text, which has NULs,
/// announces itself with a byte order mark).
#[must_use]
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    // Counted a chunk at a time in bytes, with no branch, so the compiler
    // counts many bytes at once.
    let control: usize = head
        .chunks(64)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                let allowed = u8::from(b == b'\t')
                    + u8::from(b == b'\n')
                    + u8::from(b == b'\r')
                    + u8::from(b == 0x0C);
                n + u8::from(b < 0x20) - allowed
            });
            usize::from(n)
        })
        .sum();
    head.contains(&0) || control * 100 > head.len()
}

/// Decides the format from the bytes; the extension only breaks a tie
/// (zip containers, and text that may be Markdown, plain text or CSV).
#[must_use]
pub fn detect_format(path: &Path, bytes: &[u8]) -> Format {
    let ext = extension(path);
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // OLE2: old Excel, or an encrypted OOXML package.
        return Format::Xls;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_format(&ext, bytes);
    }
    match ext.as_str() {
        "md" | "markdown" => Format::Markdown,
        "csv" => Format::Csv,
        _ => Format::Text,
    }
}

fn zip_format(ext: &str, bytes: &[u8]) -> Format {
    // An OpenDocument package names its type in the first, uncompressed entry.
    let head = &bytes[..bytes.len().min(200)];
    let mimetype = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if mimetype(b"opendocument.text") {
        return Format::Odt;
    }
    if mimetype(b"opendocument.spreadsheet") {
        return Format::Ods;
    }
    // An Office Open XML package names its main part in the central
    // directory at the end of the file.
    let tail = &bytes[bytes.len().saturating_sub(64 * 1024)..];
    let named = |needle: &[u8]| tail.windows(needle.len()).any(|w| w == needle);
    if named(b"word/document.xml") {
        return Format::Docx;
    }
    if named(b"xl/workbook.bin") {
        return Format::Xlsb;
    }
    if named(b"xl/workbook.xml") {
        return Format::Xlsx;
    }
    match ext {
        "xlsx" | "xlsm" => Format::Xlsx,
        "xlsb" => Format::Xlsb,
        "ods" => Format::Ods,
        "odt" => Format::Odt,
        _ => Format::Docx,
    }
}

/// The SHA-256 of some byte strings, one after another, as lower-case hex.
#[must_use]
pub fn sha256_hex(parts: &[&[u8]]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hex(&hasher.finalize().into())
}

fn hex(digest: &[u8; 32]) -> String {
    use std::fmt::Write as _;
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// How the text was decoded, for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// Like `decode_text`, keeping the bytes when they are UTF-8 already (most
/// files), so that the text is not copied.
#[must_use]
pub fn decode_text_owned(bytes: Vec<u8>) -> (String, Encoding) {
    if !bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that these very bytes are UTF-8.
        return (
            unsafe { String::from_utf8_unchecked(bytes) },
            Encoding::Utf8,
        );
    }
    decode_text(&bytes)
}

/// Decodes text bytes. Valid UTF-8 is always read as UTF-8; only bytes that are
/// not valid UTF-8 fall back to Windows-1252, which maps every byte.
#[must_use]
pub fn decode_text(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            let (text, _, _) = encoding.decode(bytes);
            return (text.into_owned(), Encoding::Utf16);
        }
    }
    // Validation with SIMD is several times faster than the standard
    // library's on Swedish text, and this runs over every byte of every file.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return (text.to_owned(), Encoding::Utf8);
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    (text.into_owned(), Encoding::Windows1252)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_one_control_character_in_a_hundred_is_binary() {
        // 8 192 bytes looked at: 81 control characters are text, 82 are not.
        let with = |controls: usize, filler: u8| {
            let mut bytes = vec![filler; 8192];
            bytes[..controls].fill(0x07);
            bytes
        };
        assert!(!looks_binary(&with(81, b'a')));
        assert!(looks_binary(&with(82, b'a')));
        // Tabs, line breaks and form feeds are text, however many.
        for allowed in [b'\t', b'\n', b'\r', 0x0C] {
            assert!(!looks_binary(&with(0, allowed)));
        }
        assert!(looks_binary(b"text\0more"));
    }

    proptest::proptest! {
        #[test]
        fn control_characters_are_counted_as_one_by_one(
            // About one byte in a hundred a control character: either side
            // of the line.
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    99 => proptest::sample::select(vec![b'a', 0xC3, 0xA5, b'\t', b'\n', b'\r', 0x0C, 0x20]),
                    1 => proptest::sample::select(vec![0x01, 0x1B, 0x1F]),
                ],
                0..9000,
            )
        ) {
            let head = &bytes[..bytes.len().min(8192)];
            let control = head
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
                .count();
            proptest::prop_assert_eq!(looks_binary(&bytes), control * 100 > head.len());
        }
    }

    #[test]
    fn sha256_gives_the_known_answers() {
        // The examples of FIPS 180-4: "abc", and the empty message; parts
        // are hashed as one message.
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(sha256_hex(&[b"abc"]), abc);
        assert_eq!(sha256_hex(&[b"a", b"", b"bc"]), abc);
        assert_eq!(sha256_hex(&[b""]), empty);
        assert_eq!(sha256_hex(&[]), empty);
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        for bytes in [
            "Leverantören".as_bytes(),
            b"\xEF\xBB\xBFbom",
            b"Leverant\xf6ren",
            &[0xFF, 0xFE, b'a', 0],
            b"",
        ] {
            assert_eq!(decode_text_owned(bytes.to_vec()), decode_text(bytes));
        }
    }

    #[test]
    fn valid_utf8_is_never_read_as_cp1252() {
        let (text, enc) = decode_text("Leverantören ska".as_bytes());
        assert_eq!((text.as_str(), enc), ("Leverantören ska", Encoding::Utf8));
    }

    #[test]
    fn cp1252_fallback_reads_swedish_letters() {
        let (text, enc) = decode_text(b"Leverant\xf6ren \xe5tar sig");
        assert_eq!(
            (text.as_str(), enc),
            ("Leverantören åtar sig", Encoding::Windows1252)
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "bör".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode_text(&bytes), ("bör".to_owned(), Encoding::Utf16));
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFska").0, "ska");
    }

    #[test]
    fn format_is_decided_by_bytes_before_extension() {
        assert_eq!(detect_format(Path::new("a.md"), b"%PDF-1.7"), Format::Pdf);
        assert_eq!(detect_format(Path::new("a.pdf"), b"# Rubrik"), Format::Text);
        assert_eq!(
            detect_format(Path::new("a.md"), b"# Rubrik"),
            Format::Markdown
        );
    }
}
