//! A finding's fingerprint for CI systems: stable when unrelated text moves
//! (no line numbers or offsets in it), different when the finding changes.

use crate::report::{DocumentReport, RequirementResult};
use crate::source::sha256_hex;

/// The requirement, its status, and the words it points at with their white
/// space collapsed, hashed together with the document's path.
#[must_use]
pub fn of(doc: &DocumentReport, r: &RequirementResult) -> String {
    let words = r.locations.first().map_or(String::new(), |l| {
        l.text.split_whitespace().collect::<Vec<_>>().join(" ")
    });
    let mut hash = sha256_hex(&[
        doc.path.as_bytes(),
        b"\0",
        r.id.as_bytes(),
        b"\0",
        r.status.name().as_bytes(),
        b"\0",
        words.as_bytes(),
    ]);
    hash.truncate(32);
    hash
}
