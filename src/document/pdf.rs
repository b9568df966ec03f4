//! Reads PDF text with pdf-extract, page by page, into a `Document` through
//! the text reader: pages are joined with form feeds, so running headers and
//! footers are dropped and every block keeps its page.
//!
//! pdf-extract can panic or run for minutes on broken files, so it runs on a
//! thread of its own (`isolated`): a panic becomes this file's error, and a
//! deadline applies. A reader that overruns is left behind; the run goes on.

use super::error::ReadError;
use super::isolated::{isolated, READER_STACK, READER_THREAD};
use super::{read_text, Document};
use crate::model::limits::Limits;
use crate::source::Format;

/// Fewer letters and digits than this per page, on average, is a scan.
const MIN_CHARS_PER_PAGE: usize = 20;

/// # Errors
/// A damaged, encrypted or image-only PDF, a crash of the extractor, or a read
/// over the time limit.
pub fn read_pdf(bytes: &[u8], limits: Limits) -> Result<Document, ReadError> {
    let owned = bytes.to_vec();
    let pages = isolated(limits.seconds_per_file, move || extract(&owned))?;
    let chars: usize = pages
        .iter()
        .map(|p| p.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if chars < MIN_CHARS_PER_PAGE * pages.len().max(1) {
        return Err(ReadError::NoTextLayer { pages: pages.len() });
    }
    Ok(read_text(pages.join("\u{c}"), Format::Pdf))
}

fn extract(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    let broken = |e: lopdf::Error| ReadError::Pdf {
        reason: e.to_string(),
    };
    let mut doc = lopdf::Document::load_mem(bytes).map_err(broken)?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ReadError::Encrypted);
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    // Pages are independent, so a long PDF is read on every core: the pages
    // are split into runs, each read by a thread of its own.
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
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
                        chunk.iter().map(|&n| page_text(doc, n)).collect::<Vec<_>>()
                    })
            })
            .collect();
        let mut pages = Vec::with_capacity(numbers.len());
        for reader in readers {
            let reader = reader.map_err(|e| ReadError::Crashed {
                reason: e.to_string(),
            })?;
            match reader.join() {
                Ok(texts) => pages.extend(texts),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok::<_, ReadError>(pages)
    })?;
    Ok(pages)
}

fn page_text(doc: &lopdf::Document, number: u32) -> String {
    let mut text = String::new();
    let mut out = pdf_extract::PlainTextOutput::new(&mut text);
    // A page the extractor cannot read stays empty; the others still count.
    if pdf_extract::output_doc_page(doc, &mut out, number).is_err() {
        text.clear();
    }
    let mut text = text.replace('\u{c}', "\n");
    // Each page ends its last line, so the form feed that joins the pages
    // opens the next page's first line.
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
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
