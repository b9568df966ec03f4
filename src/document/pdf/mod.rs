//! Reads PDF text with pdf-extract, page by page, into a `Document` through
//! the text reader: pages are joined with form feeds, so running headers and
//! footers are dropped and every block keeps its page.
//!
//! Before lopdf sees the file, every stream is decompressed into nothing and
//! counted against `expanded_mb` (`streams`), and the text the pages give is
//! counted as it is written. pdf-extract can still panic, loop, or spend
//! memory on a hostile file in ways no count foresees, so the binary runs it
//! in a child process with an address-space limit (`child`), which also ends
//! an extraction that overruns its time. Without a child (library callers,
//! other systems) it runs on a thread of its own: a panic becomes this
//! file's error, and a reader that overruns is left behind.

mod child;
mod streams;

use std::fmt;
use std::sync::Arc;

use super::error::ReadError;
use super::isolated::child::program;
use super::isolated::{isolated, READER_STACK, READER_THREAD};
use super::text::structure_cost;
use super::{read_text, Document};
use crate::model::limits::{Budget, Limits, Overrun};
use crate::source::Format;

pub use child::serve_pdf;
pub use streams::check_streams;

/// Fewer letters and digits than this per page, on average, is a scan.
const MIN_CHARS_PER_PAGE: usize = 20;

/// What extraction gave: each page's text, and how many pages could not be
/// read at all (their content is missing or broken).
#[derive(Debug, Default)]
pub struct Extracted {
    pub pages: Vec<String>,
    pub unreadable: usize,
}

/// # Errors
/// A damaged, encrypted or image-only PDF, a crash of the extractor, a read
/// over the time limit, or content that expands past `expanded_mb`.
pub fn read_pdf(bytes: &[u8], limits: Limits) -> Result<Document, ReadError> {
    let budget = Arc::new(Budget::new(limits));
    check_streams(bytes, &budget)?;
    let extracted = if let Some(program) = program() {
        child::in_child(program, bytes, limits, &budget)?
    } else {
        let owned = bytes.to_vec();
        let shared = Arc::clone(&budget);
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        isolated(limits.seconds_per_file, move || {
            extract(&owned, &shared, threads)
        })?
    };
    let Extracted { pages, unreadable } = extracted;
    let chars: usize = pages
        .iter()
        .map(|p| p.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if chars < MIN_CHARS_PER_PAGE * pages.len().max(1) {
        // A page whose content is gone is damage, not a scan.
        if unreadable > 0 {
            return Err(ReadError::PdfDamaged {
                unreadable,
                pages: pages.len(),
            });
        }
        return Err(ReadError::NoTextLayer { pages: pages.len() });
    }
    let text = pages.join("\u{c}");
    drop(pages);
    budget.spend(structure_cost(&text))?;
    Ok(read_text(text, Format::Pdf))
}

/// Extracts every page's text on up to `threads` threads, spending its
/// bytes from `budget`.
///
/// # Errors
/// A PDF lopdf cannot load, an encrypted one, or text past the budget.
pub fn extract(bytes: &[u8], budget: &Budget, threads: usize) -> Result<Extracted, ReadError> {
    let broken = |e: lopdf::Error| ReadError::Pdf {
        reason: e.to_string(),
    };
    let mut doc = lopdf::Document::load_mem(bytes).map_err(broken)?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ReadError::Encrypted);
    }
    let numbers: Vec<(u32, lopdf::ObjectId)> = doc.get_pages().into_iter().collect();
    // Pages are independent, so a long PDF is read on several cores: the
    // pages are split into runs, each read by a thread of its own.
    let run = numbers.len().div_ceil(threads).max(1);
    let doc = &doc;
    let pages = std::thread::scope(|scope| {
        let readers: Vec<_> = numbers
            .chunks(run)
            .map(|chunk| {
                std::thread::Builder::new()
                    .name(READER_THREAD.to_owned())
                    .stack_size(READER_STACK)
                    .spawn_scoped(scope, move || {
                        chunk
                            .iter()
                            .map(|&(n, id)| page_text(doc, n, id, budget))
                            .collect::<Result<Vec<_>, _>>()
                    })
            })
            .collect();
        let mut pages = Vec::with_capacity(numbers.len());
        for reader in readers {
            let reader = reader.map_err(|e| ReadError::Crashed {
                reason: e.to_string(),
            })?;
            match reader.join() {
                Ok(texts) => pages.extend(texts?),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok::<_, ReadError>(pages)
    })?;
    let unreadable = pages.iter().filter(|(_, damaged)| *damaged).count();
    let pages = pages.into_iter().map(|(text, _)| text).collect();
    Ok(Extracted { pages, unreadable })
}

/// A page's text, and whether some of its content cannot be read.
fn page_text(
    doc: &lopdf::Document,
    number: u32,
    id: lopdf::ObjectId,
    budget: &Budget,
) -> Result<(String, bool), Overrun> {
    let mut page = PageText {
        text: String::new(),
        budget,
        overrun: None,
    };
    let read = {
        let mut out = pdf_extract::PlainTextOutput::new(&mut page);
        pdf_extract::output_doc_page(doc, &mut out, number)
    };
    if let Some(overrun) = page.overrun {
        return Err(overrun);
    }
    // A page the extractor cannot read stays empty; the others still count.
    let damaged = read.is_err() || content_missing(doc, id);
    if read.is_err() {
        page.text.clear();
    }
    let mut text = page.text.replace('\u{c}', "\n");
    // Each page ends its last line, so the form feed that joins the pages
    // opens the next page's first line.
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok((text, damaged))
}

/// Whether a content stream the page names is not there: lopdf keeps only
/// the dictionary of a stream whose `/Length` is wrong, so its page reads as
/// if it were blank.
fn content_missing(doc: &lopdf::Document, page: lopdf::ObjectId) -> bool {
    use lopdf::Object;
    let Ok(contents) = doc.get_dictionary(page).and_then(|p| p.get(b"Contents")) else {
        return false;
    };
    let listed = match resolve(doc, contents) {
        Some(Object::Array(parts)) => parts.iter().map(|p| resolve(doc, p)).collect(),
        one => vec![one],
    };
    listed
        .into_iter()
        .any(|part| !matches!(part, Some(Object::Stream(_))))
}

/// The object a reference points at, or the object itself.
fn resolve<'d>(doc: &'d lopdf::Document, o: &'d lopdf::Object) -> Option<&'d lopdf::Object> {
    match o {
        lopdf::Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// One page's text, spending its bytes from the file's budget as it is
/// written; past the budget, writing fails and pdf-extract stops.
struct PageText<'b> {
    text: String,
    budget: &'b Budget,
    overrun: Option<Overrun>,
}

impl fmt::Write for PageText<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if let Err(overrun) = self.budget.spend(s.len()) {
            self.overrun = Some(overrun);
            return Err(fmt::Error);
        }
        self.text.push_str(s);
        Ok(())
    }
}

impl<'a, 'b> pdf_extract::ConvertToFmt for &'a mut PageText<'b> {
    type Writer = &'a mut PageText<'b>;

    fn convert(self) -> Self::Writer {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_a_pdf() {
        let r = read_pdf(b"%PDF-1.7\nnot really", Limits::default());
        assert!(matches!(r, Err(ReadError::Pdf { .. })), "{r:?}");
    }
}
