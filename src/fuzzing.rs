//! Entry points for the fuzz targets in `fuzz/`, one per reader or parser.
//! The ordinary tests replay the committed corpora through the same
//! functions, so a crash found once stays fixed. Each must never panic, hang
//! or break a span; the span checks here are assertions the fuzzer trips.
#![doc(hidden)]

use crate::check::{check, CheckOptions};
use crate::document::{check_streams, read_docx, read_odt, read_pdf, read_text, Document};
use crate::grammar::{amount, duration, reference};
use crate::input::{load, Input};
use crate::model::limits::{Budget, Limits};
use crate::profile::Profile;
use crate::sheet::{decode_xls_reply, read_workbook, serve_xls, Workbook};
use crate::source::Format;

/// Limits small enough for a fuzzer's memory, as a hostile file would meet.
const LIMITS: Limits = Limits {
    file_bytes: 1 << 22,
    part_bytes: 1 << 22,
    package_bytes: 1 << 23,
    xml_depth: 200,
    cells: 100_000,
    expanded_bytes: 1 << 24,
    seconds_per_file: 10,
};

fn spans_are_sound(doc: &Document) {
    for b in &doc.blocks {
        for l in &b.lines {
            assert!(
                l.start <= l.end && l.end <= doc.text.len(),
                "span out of bounds"
            );
            assert!(
                doc.text.is_char_boundary(l.start) && doc.text.is_char_boundary(l.end),
                "span off a char boundary"
            );
        }
    }
}

/// The default profile, compiled once for all inputs.
fn stockholm() -> &'static Profile {
    static PROFILE: std::sync::OnceLock<Profile> = std::sync::OnceLock::new();
    PROFILE.get_or_init(Profile::stockholm)
}

/// The text reader and the whole check on whatever text the bytes make; the
/// pre-filter must not change any result from analysing every block.
pub fn structure(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = read_text(text, Format::Markdown);
    spans_are_sound(&doc);
    let checked = check(&doc, stockholm(), &CheckOptions::default());
    let everything = CheckOptions {
        everything: true,
        ..CheckOptions::default()
    };
    assert_eq!(
        format!("{:?}", checked.requirements),
        format!("{:?}", check(&doc, stockholm(), &everything).requirements),
        "the pre-filter changed a result"
    );
    for r in &checked.requirements {
        for l in &r.locations {
            assert!(
                doc.text.is_char_boundary(l.byte_start) && doc.text.is_char_boundary(l.byte_end)
            );
        }
    }
}

/// The amount, duration and reference parsers at every character.
pub fn parsers(data: &[u8]) {
    let text = String::from_utf8_lossy(data).to_lowercase();
    let words = crate::profile::Vocabulary::builtin().references;
    let reference = reference::reference(&words);
    for (i, _) in text.char_indices() {
        let rest = &text[i..];
        for consumed in [
            amount::amount(rest).ok().map(|(r, _)| r.len()),
            duration::duration(rest).ok().map(|(r, _)| r.len()),
            reference(rest).ok().map(|(r, _)| r.len()),
        ]
        .into_iter()
        .flatten()
        {
            assert!(consumed <= rest.len() && rest.is_char_boundary(rest.len() - consumed));
        }
    }
}

/// The profile loader on any TOML.
pub fn profile(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        // A profile that loads also gets its pre-filter, whose fragments are
        // cut from the profile's own words.
        if let Ok(p) = Profile::from_toml("fuzz.toml", text) {
            let _ = p.prefilter();
        }
    }
}

pub fn docx(data: &[u8]) {
    if let Ok(doc) = read_docx(data, LIMITS) {
        spans_are_sound(&doc);
    }
}

pub fn odt(data: &[u8]) {
    if let Ok(doc) = read_odt(data, LIMITS) {
        spans_are_sound(&doc);
    }
}

pub fn pdf(data: &[u8]) {
    if let Ok(doc) = read_pdf(data, LIMITS) {
        spans_are_sound(&doc);
    }
}

/// The spreadsheet readers, each format on the same bytes.
pub fn sheet(data: &[u8]) {
    for format in [
        Format::Xlsx,
        Format::Ods,
        Format::Xls,
        Format::Xlsb,
        Format::Csv,
    ] {
        let _ = read_workbook(data, format, LIMITS);
    }
}

/// The OpenDocument spreadsheet reader on its own, so the fuzzer mutates
/// its zip and XML rather than another format's: it must stay within its
/// limits, and every row it gives has a place and cells within the sheet.
pub fn ods(data: &[u8]) {
    sheet_rows_are_sound(read_workbook(data, Format::Ods, LIMITS));
}

/// The CSV reader on its own, on any text: quotes left open, delimiters of
/// both kinds, Windows-1252 and UTF-8 mixed.
pub fn csv(data: &[u8]) {
    sheet_rows_are_sound(read_workbook(data, Format::Csv, LIMITS));
}

/// A workbook read (if it was) has each sheet's rows in order, once each,
/// and no cell past column XFD.
fn sheet_rows_are_sound(book: Result<Workbook, crate::document::error::ReadError>) {
    let Ok(book) = book else { return };
    for table in &book.tables {
        assert!(
            table.rows.windows(2).all(|w| w[0].number < w[1].number),
            "rows out of order or twice"
        );
        for row in &table.rows {
            assert!(
                row.cells.len() <= crate::sheet::MAX_COLUMNS as usize,
                "a row past XFD"
            );
        }
    }
}

/// The legacy Excel (BIFF, xls) reader on its own, so the fuzzer mutates
/// OLE2 files rather than zips, and the reply its child process sends: a
/// workbook read travels to the parent and back intact, and any bytes as a
/// reply decode to a workbook or to nothing, never to a panic.
pub fn xls(data: &[u8]) {
    let budget = Budget::new(LIMITS);
    // Without a child process (as here) the reader runs in this process.
    if let Ok(reply) = serve_xls(data, LIMITS, &budget) {
        let book = decode_xls_reply(&reply).expect("a reply the reader made decodes");
        let read = read_workbook(data, Format::Xls, LIMITS).expect("read once, read twice");
        assert_eq!(
            format!("{:?}", book.tables),
            format!("{:?}", read.tables),
            "the reply changed the workbook"
        );
    }
    let _ = decode_xls_reply(data);
}

/// The scan of a PDF's streams that runs before lopdf, on any bytes: it must
/// never spend more than its budget, however the streams are chained.
pub fn pdf_streams(data: &[u8]) {
    let budget = Budget::new(LIMITS);
    let _ = check_streams(data, &budget);
    assert!(
        budget.spent() <= LIMITS.expanded_bytes + 1,
        "past the budget"
    );
}

/// The whole way from bytes to a document or workbook, as standard input:
/// format detection, decoding, the blank check and whichever reader the
/// bytes choose.
pub fn input(data: &[u8]) {
    let input = Input::Stdin(data.to_vec());
    if let Ok(loaded) = load(&input, LIMITS) {
        if let Some(doc) = loaded.document() {
            spans_are_sound(doc);
        }
        // A workbook being read is read to its end.
        let _ = Workbook::from_pieces(&mut *loaded.content.into_pieces());
    }
}

/// A fuzz target: bytes in, nothing out, and no panic.
pub type Target = fn(&[u8]);

/// The targets by name, for the corpus replay.
pub const TARGETS: [(&str, Target); 12] = [
    ("structure", structure),
    ("parsers", parsers),
    ("profile", profile),
    ("docx", docx),
    ("odt", odt),
    ("pdf", pdf),
    ("sheet", sheet),
    ("xls", xls),
    ("pdf_streams", pdf_streams),
    ("input", input),
    ("ods", ods),
    ("csv", csv),
];
