//! The one pass over an xlsx's or xlsb's zip package before calamine reads
//! it: every part is inflated within the limits (so calamine never meets a
//! zip bomb), and on the way the parts are searched for merged areas
//! (`mergeCell`), so that calamine's second pass over a sheet's XML for them
//! is spared when the package has none.
//!
//! Inflating a register's sheet costs about as much as a bare calamine pass
//! spends unzipping it; doing the size check and the search in one pass, not
//! two, is a third of the reading's inflation.

use std::io::{Cursor, Read};

use crate::document::check_package;
use crate::document::error::ReadError;
use crate::model::limits::Limits;

/// Whether any part but the shared strings speaks of a merged area; any
/// doubt says yes.
///
/// # Errors
/// A damaged, encrypted or oversized package, as `document::check_package`
/// words it.
pub fn scan(bytes: &[u8], limits: Limits) -> Result<bool, ReadError> {
    match merges_within_limits(bytes, limits) {
        Some(merged) => Ok(merged),
        // Something is amiss (a damaged part, a limit reached): the
        // package check finds it again and says what it is. Should it find
        // nothing, the doubt stands.
        None => check_package(bytes, limits).map(|()| true),
    }
}

/// `None` at the first thing out of the ordinary: a part that cannot be
/// read, an encrypted one, or a limit reached.
fn merges_within_limits(bytes: &[u8], limits: Limits) -> Option<bool> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let finder = memchr::memmem::Finder::new(b"mergeCell");
    let overlap = finder.needle().len() - 1;
    let mut buf = vec![0u8; 1 << 16];
    let (mut merged, mut total) = (false, 0u64);
    for i in 0..archive.len() {
        let part = archive.by_index(i).ok()?;
        if part.encrypted() {
            return None;
        }
        // Shared strings are cell text, not layout.
        let search = !part
            .name()
            .is_ok_and(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"));
        let mut part = part.take(limits.part_bytes + 1);
        let (mut size, mut kept) = (0u64, 0);
        loop {
            let n = part.read(&mut buf[kept..]).ok()?;
            if n == 0 {
                break;
            }
            size += n as u64;
            let filled = kept + n;
            if search && !merged {
                merged = finder.find(&buf[..filled]).is_some();
                kept = overlap.min(filled);
                buf.copy_within(filled - kept..filled, 0);
            }
        }
        total += size;
        if size > limits.part_bytes || total > limits.package_bytes {
            return None;
        }
    }
    Some(merged)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// A zip of the parts, deflated.
    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn merged_areas_are_found_in_a_sheet_but_not_in_the_shared_strings() {
        // The word straddles a read: 65 536 bytes of filler come first.
        let sheet = format!(
            "{}<mergeCells><mergeCell ref=\"A1:B1\"/>",
            " ".repeat(65_530)
        );
        let merged = zip_of(&[("xl/worksheets/sheet1.xml", &sheet)]);
        assert!(scan(&merged, Limits::default()).unwrap());
        let only_text = zip_of(&[
            ("xl/sharedStrings.xml", "<t>mergeCell</t>"),
            ("xl/worksheets/sheet1.xml", "<sheetData/>"),
        ]);
        assert!(!scan(&only_text, Limits::default()).unwrap());
    }

    #[test]
    fn a_part_past_the_limit_is_the_package_checks_error() {
        let big = zip_of(&[("xl/worksheets/sheet1.xml", &"x".repeat(2_000))]);
        let limits = Limits {
            part_bytes: 1_000,
            ..Limits::default()
        };
        match scan(&big, limits) {
            Err(ReadError::PartTooLarge { part, limit }) => {
                assert_eq!((part.as_str(), limit), ("xl/worksheets/sheet1.xml", 1_000));
            }
            other => panic!("{other:?}"),
        }
        let two = zip_of(&[("a.xml", &"x".repeat(600)), ("b.xml", &"y".repeat(600))]);
        let limits = Limits {
            package_bytes: 1_000,
            ..Limits::default()
        };
        assert!(matches!(
            scan(&two, limits),
            Err(ReadError::PackageTooLarge { limit: 1_000 })
        ));
        assert!(matches!(
            scan(b"no zip", Limits::default()),
            Err(ReadError::Package { .. })
        ));
    }
}
