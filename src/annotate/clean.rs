//! Takes out what an earlier run of klausul wrote, so that a second run
//! replaces its comments and pending revisions rather than adding to them:
//! comments by klausul's author with their marks, its insertions (a whole
//! paragraph when klausul inserted the paragraph), and its deletions put
//! back as text. Nobody else's comments or revisions are touched.

use std::collections::HashSet;
use std::ops::Range;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::scan::{attr, local};
use super::splice::Edits;
use super::AnnotateError;

/// The comments part without klausul's comments, and their ids.
///
/// # Errors
/// Malformed XML.
pub fn comments(raw: &str, author: &str) -> Result<(String, HashSet<String>), AnnotateError> {
    let mut ids = HashSet::new();
    let mut edits = Edits::default();
    each_element(raw, |e, range, _| {
        if local(e) == "comment" && attr(e, "author").as_deref() == Some(author) {
            if let Some(id) = attr(e, "id") {
                ids.insert(id);
            }
            edits.replace(range, String::new());
        }
        Ok(())
    })?;
    Ok((edits.apply(raw), ids))
}

/// The document part without klausul's comment marks (`ids`) and revisions.
///
/// # Errors
/// Malformed XML.
pub fn document(raw: &str, author: &str, ids: &HashSet<String>) -> Result<String, AnnotateError> {
    let mut edits = Edits::default();
    let mine = |e: &BytesStart<'_>| attr(e, "author").as_deref() == Some(author);
    each_element(raw, |e, range, inner| {
        match local(e) {
            "commentRangeStart" | "commentRangeEnd"
                if attr(e, "id").is_some_and(|i| ids.contains(&i)) =>
            {
                edits.replace(range, String::new());
            }
            "r" if holds_reference(&raw[range.clone()], ids) => {
                edits.replace(range, String::new());
            }
            "ins" if mine(e) => edits.replace(range, String::new()),
            "p" if inserted_mark(&raw[range.clone()], author) => {
                edits.replace(range, String::new());
            }
            "del" if mine(e) => {
                if let Some(inner) = inner {
                    let text = raw[inner]
                        .replace("<w:delText", "<w:t")
                        .replace("</w:delText>", "</w:t>");
                    edits.replace(range, text);
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(edits.apply(raw))
}

/// A run that holds only a reference to one of klausul's comments.
fn holds_reference(run: &str, ids: &HashSet<String>) -> bool {
    ids.iter().any(|id| {
        run.contains(&format!(r#"<w:commentReference w:id="{id}"/>"#)) && !run.contains("<w:t")
    })
}

/// A paragraph whose mark klausul inserted.
fn inserted_mark(p: &str, author: &str) -> bool {
    let Some(end) = p.find("</w:pPr>") else {
        return false;
    };
    let ppr = &p[..end];
    ppr.find("<w:rPr>").is_some_and(|at| {
        let rpr = &ppr[at..];
        rpr.contains("<w:ins ") && rpr.contains(&format!(r#"w:author="{author}""#))
    })
}

/// Calls `f` with each element's start, its whole range and the range of
/// its content (none for an empty element), outermost first.
fn each_element(
    raw: &str,
    mut f: impl FnMut(&BytesStart<'_>, Range<usize>, Option<Range<usize>>) -> Result<(), AnnotateError>,
) -> Result<(), AnnotateError> {
    let mut reader = Reader::from_str(raw);
    let mut open: Vec<(BytesStart<'static>, usize, usize)> = Vec::new();
    let mut found = Vec::new();
    loop {
        let before = pos(&reader);
        let event = reader.read_event().map_err(|e| AnnotateError::Xml {
            reason: e.to_string(),
        })?;
        let after = pos(&reader);
        match event {
            Event::Start(e) => open.push((e.into_owned(), before, after)),
            Event::Empty(e) => found.push((e.into_owned(), before..after, None)),
            Event::End(_) => {
                if let Some((e, start, inner)) = open.pop() {
                    found.push((e, start..after, Some(inner..before)));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found.sort_by_key(|(_, r, _)| r.start);
    for (e, range, inner) in found {
        f(&e, range, inner)?;
    }
    Ok(())
}

fn pos(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}
