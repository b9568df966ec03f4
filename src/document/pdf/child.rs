//! PDF extraction in a child process with an address-space limit
//! (`isolated::child`).
//!
//! The stream scan bounds what lopdf inflates, but pdf-extract copies its
//! graphics state at every `q`, decodes each page's operators into objects
//! many times the size of their text, and can loop; none of that is counted
//! before it happens. In a child whose address space is limited, any of it
//! ends as an allocation failure (the `expanded_mb` error), and a child that
//! runs past the time limit is killed.
//!
//! The reply is the number of unreadable pages and the pages' text, each
//! length-prefixed.

use std::path::Path;

use super::{extract, Extracted};
use crate::document::error::ReadError;
use crate::document::isolated::child::{in_child as run, number, Job, PDF_THREADS};
use crate::model::limits::{Budget, Limits};

/// Extracts `pdf` in a child process, within what is left of `budget`.
///
/// # Errors
/// The child's error, its crash, or the time running out.
pub(super) fn in_child(
    program: &Path,
    pdf: &[u8],
    limits: Limits,
    budget: &Budget,
) -> Result<Extracted, ReadError> {
    let reply = run(program, Job::Pdf, pdf, limits, budget)?;
    decode(&reply).ok_or_else(|| ReadError::Crashed {
        reason: "the PDF reader gave a reply that cannot be read".to_owned(),
    })
}

/// In a child: extracts the PDF, on a few threads, into the reply.
///
/// # Errors
/// The extraction's own.
pub fn serve_pdf(pdf: &[u8], _: Limits, budget: &Budget) -> Result<Vec<u8>, ReadError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(PDF_THREADS);
    extract(pdf, budget, threads).map(|e| encode(&e))
}

fn encode(extracted: &Extracted) -> Vec<u8> {
    let Extracted { pages, unreadable } = extracted;
    let mut out = Vec::with_capacity(16 + pages.iter().map(|p| p.len() + 8).sum::<usize>());
    out.extend_from_slice(&(*unreadable as u64).to_le_bytes());
    out.extend_from_slice(&(pages.len() as u64).to_le_bytes());
    for page in pages {
        out.extend_from_slice(&(page.len() as u64).to_le_bytes());
        out.extend_from_slice(page.as_bytes());
    }
    out
}

fn decode(reply: &[u8]) -> Option<Extracted> {
    let mut rest = reply;
    let unreadable = number(&mut rest)?;
    let count = number(&mut rest)?;
    let mut pages = Vec::with_capacity(count.min(reply.len() / 8));
    for _ in 0..count {
        let len = number(&mut rest)?;
        let text = rest.get(..len)?;
        rest = &rest[len..];
        pages.push(String::from_utf8(text.to_vec()).ok()?);
    }
    rest.is_empty().then_some(Extracted { pages, unreadable })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_travel_intact() {
        let pages = vec!["första sidan\n".to_owned(), String::new()];
        let wire = encode(&Extracted {
            pages: pages.clone(),
            unreadable: 1,
        });
        let back = decode(&wire).unwrap();
        assert_eq!((back.pages, back.unreadable), (pages, 1));
        assert!(decode(&wire[..wire.len() - 3]).is_none());
        assert!(decode(&[wire.as_slice(), b"x"].concat()).is_none());
    }
}
