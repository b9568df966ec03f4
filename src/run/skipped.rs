//! What a folder walk did not check, told apart: document-like files
//! (`.doc`, `.rtf`, …), lock files and links out of the folder are listed
//! one by one with their reason; any other file is counted.

use std::path::Path;

use crate::input::Collected;
use crate::report::skipped::{SkipReason, Skipped, Skips};

/// The skipped files of a walk, sorted by path.
#[must_use]
pub fn skips(collected: &Collected) -> Skips {
    let mut out = Skips::default();
    for path in &collected.passed_over {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match SkipReason::of_extension(&ext) {
            Some(reason) => out.listed.push(skipped(path, reason)),
            None => out.others += 1,
        }
    }
    let locks = collected
        .lock_files
        .iter()
        .map(|p| skipped(p, SkipReason::LockFile));
    let links = collected
        .skipped_links
        .iter()
        .map(|p| skipped(p, SkipReason::OutsideLink));
    out.listed.extend(locks.chain(links));
    out.listed.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// A path named as the inputs are: "./a.doc" from walking "." is "a.doc".
fn skipped(path: &Path, reason: SkipReason) -> Skipped {
    Skipped {
        path: path
            .strip_prefix("./")
            .unwrap_or(path)
            .display()
            .to_string(),
        reason,
    }
}
