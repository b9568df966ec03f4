//! Finds, in the raw XML of `word/document.xml`, where each paragraph and each
//! character of its text stands, so that a comment or a revision can be
//! spliced in at the exact bytes and nothing else is rewritten.
//!
//! Paragraphs are numbered as the DOCX reader numbers them
//! (`document::docx::walk`): every `p` element, whatever its prefix, counted
//! where it ends, except inside the elements the reader leaves out. Their
//! text is the reader's too: `t` outside field codes, a tab or break as a
//! space, soft hyphens dropped. Each character keeps the raw byte range it
//! was written as, so "&amp;" is one character of five bytes.

use std::ops::Range;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::AnnotateError;
use crate::document::DOCX_SKIPPED_ELEMENTS as SKIPPED;

/// Where a run of text sits: the run, its properties, its `t`.
#[derive(Debug, Clone)]
pub struct Segment {
    /// The `<w:t …>` start tag.
    pub tag: Range<usize>,
    /// The run's `<w:rPr>…</w:rPr>`, to give a split run the same look.
    pub rpr: Option<Range<usize>>,
    /// Inside someone's tracked change, a field's result or a nested run:
    /// a comment may stand here, a revision of ours may not.
    pub guarded: bool,
}

/// One character of a paragraph's text, with the bytes it came from (none
/// for a tab or a break, which are elements).
#[derive(Debug, Clone)]
pub struct Char {
    /// Byte offset in the paragraph's text.
    pub at: usize,
    pub raw: Option<(usize, Range<usize>)>,
}

#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    /// 1-based, as the reader counts.
    pub index: u32,
    /// `<w:p …>` up to its `>`; for an empty `<w:p/>` its whole element.
    pub open: Range<usize>,
    /// The `</w:p>` end tag (empty at `open.end` for `<w:p/>`).
    pub close: Range<usize>,
    pub empty: bool,
    pub ppr: Option<Range<usize>>,
    pub text: String,
    pub chars: Vec<Char>,
    pub segments: Vec<Segment>,
    /// The end of the body-level element that holds it (itself, or the
    /// outermost table around it): where a new paragraph may follow.
    pub top_end: usize,
    /// Inside a text box or another paragraph.
    pub nested: bool,
}

/// The parts of the scanned XML a writer needs.
#[derive(Debug, Default)]
pub struct Body {
    pub paragraphs: Vec<Paragraph>,
    /// The start of the body's own `<w:sectPr>`, else of `</w:body>`.
    pub end: usize,
    /// The largest numeric `w:id` in the part.
    pub max_id: u64,
}

struct Run {
    rpr: Option<Range<usize>>,
}

#[derive(Default)]
struct Scanner {
    body: Body,
    names: Vec<String>,
    open: Vec<Paragraph>,
    runs: Vec<Run>,
    /// Fields open: whether each shows its result yet.
    fields: Vec<bool>,
    skipping: usize,
    /// Depth of the `body` element, and the paragraphs inside the current
    /// body-level element.
    body_depth: Option<usize>,
    pending_top: Vec<usize>,
    revisions: usize,
    count: u32,
    rpr_start: Option<usize>,
}

/// # Errors
/// Malformed XML, or nesting deeper than `depth_limit`.
pub fn scan(xml: &str, depth_limit: usize) -> Result<Body, AnnotateError> {
    let mut reader = Reader::from_str(xml);
    let mut s = Scanner::default();
    loop {
        let before = pos(&reader);
        let event = reader.read_event().map_err(|e| malformed(&e))?;
        let after = pos(&reader);
        match event {
            Event::Start(e) => {
                s.start(&e, before..after, false);
                if s.names.len() > depth_limit {
                    return Err(AnnotateError::Xml {
                        reason: format!("elements nest deeper than {depth_limit}"),
                    });
                }
                if local(&e) == "t" && s.skipping == 0 {
                    s.text(xml, &mut reader, before..after)?;
                }
            }
            Event::Empty(e) => {
                s.start(&e, before..after, true);
                s.end(before..after, true);
            }
            Event::End(_) => s.end(before..after, false),
            Event::Eof => break,
            _ => {}
        }
    }
    if s.body.end == 0 {
        s.body.end = xml.len();
    }
    Ok(s.body)
}

fn pos(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

fn malformed(e: &quick_xml::Error) -> AnnotateError {
    AnnotateError::Xml {
        reason: e.to_string(),
    }
}

pub(crate) use crate::document::{attr, local};

impl Scanner {
    fn start(&mut self, e: &BytesStart<'_>, tag: Range<usize>, empty: bool) {
        let name = local(e).to_owned();
        if let Some(id) = attr(e, "id").and_then(|v| v.parse::<u64>().ok()) {
            self.body.max_id = self.body.max_id.max(id);
        }
        let depth = self.names.len();
        if self.skipping > 0 || SKIPPED.contains(&name.as_str()) {
            if name == "rPr" && self.skipping == 0 {
                self.rpr_start = Some(tag.start);
            }
            if name == "sectPr" && Some(depth) == self.body_depth.map(|d| d + 1) {
                self.body.end = tag.start;
            }
            self.skipping += 1;
            self.names.push(name);
            return;
        }
        match name.as_str() {
            "body" => self.body_depth = Some(depth),
            "p" => {
                let nested = !self.open.is_empty() || self.names.iter().any(|n| n == "txbxContent");
                self.open.push(Paragraph {
                    open: tag.clone(),
                    close: tag.end..tag.end,
                    empty,
                    nested,
                    ..Paragraph::default()
                });
            }
            "pPr" => {
                if let Some(p) = self.open.last_mut() {
                    p.ppr = Some(tag.start..tag.end);
                }
            }
            "r" => self.runs.push(Run { rpr: None }),
            "ins" | "moveTo" => self.revisions += 1,
            "fldChar" => match attr(e, "fldCharType").as_deref() {
                Some("begin") => self.fields.push(false),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        *f = true;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            "tab" | "br" | "cr" => self.virtual_char(' '),
            "noBreakHyphen" => self.virtual_char('-'),
            _ => {}
        }
        self.names.push(name);
    }

    fn end(&mut self, tag: Range<usize>, empty: bool) {
        let Some(name) = self.names.pop() else { return };
        let depth = self.names.len();
        if self.skipping > 0 {
            self.skipping -= 1;
            if self.skipping == 0 && name == "rPr" {
                let range = self.rpr_start.take().unwrap_or(tag.start)..tag.end;
                if self.names.last().is_some_and(|n| n == "r") {
                    if let Some(run) = self.runs.last_mut() {
                        run.rpr = Some(range);
                    }
                }
            }
            return;
        }
        match name.as_str() {
            "p" => {
                if let Some(mut p) = self.open.pop() {
                    self.count += 1;
                    p.index = self.count;
                    if !empty {
                        p.close = tag.clone();
                    }
                    self.pending_top.push(self.body.paragraphs.len());
                    self.body.paragraphs.push(p);
                }
            }
            "pPr" => {
                if let Some(p) = self.open.last_mut() {
                    if let Some(r) = &mut p.ppr {
                        r.end = tag.end;
                    }
                }
            }
            "r" => {
                self.runs.pop();
            }
            "ins" | "moveTo" => self.revisions -= 1,
            "body" if self.body.end == 0 => self.body.end = tag.start,
            _ => {}
        }
        if self.body_depth.is_some_and(|d| depth == d + 1) {
            for i in self.pending_top.drain(..) {
                self.body.paragraphs[i].top_end = tag.end;
            }
        }
    }

    fn virtual_char(&mut self, c: char) {
        if !self.fields.iter().all(|&shown| shown) {
            return;
        }
        if let Some(p) = self.open.last_mut() {
            p.chars.push(Char {
                at: p.text.len(),
                raw: None,
            });
            p.text.push(c);
        }
    }

    /// The `t` just started: its raw text, character by character.
    fn text(
        &mut self,
        xml: &str,
        reader: &mut Reader<&[u8]>,
        tag: Range<usize>,
    ) -> Result<(), AnnotateError> {
        let start = tag.end;
        let mut end = start;
        loop {
            let before = pos(reader);
            match reader.read_event().map_err(|e| malformed(&e))? {
                Event::End(_) => {
                    end = before;
                    break;
                }
                Event::Eof => break,
                _ => {}
            }
        }
        self.names.pop();
        if !self.fields.iter().all(|&shown| shown) {
            return Ok(());
        }
        let guarded = self.revisions > 0 || !self.fields.is_empty() || self.runs.len() != 1;
        let rpr = self.runs.last().and_then(|r| r.rpr.clone());
        let Some(p) = self.open.last_mut() else {
            return Ok(());
        };
        let seg = p.segments.len();
        p.segments.push(Segment { tag, rpr, guarded });
        for (c, raw) in decode(&xml[start..end]) {
            let c = match c {
                '\u{ad}' => continue,
                '\u{2011}' => '-',
                c => c,
            };
            p.chars.push(Char {
                at: p.text.len(),
                raw: Some((seg, start + raw.start..start + raw.end)),
            });
            p.text.push(c);
        }
        Ok(())
    }
}

/// The characters of raw XML text, each with the bytes it was written as.
fn decode(raw: &str) -> Vec<(char, Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        if let Some(reference) = rest.strip_prefix('&') {
            if let Some(semi) = reference.find(';') {
                if let Some(c) = entity(&reference[..semi]) {
                    out.push((c, i..i + semi + 2));
                    i += semi + 2;
                    continue;
                }
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push((c, i..i + c.len_utf8()));
        i += c.len_utf8();
    }
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Ett &amp; två</w:t><w:tab/><w:t>tre</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/><w:sectPr/></w:body></w:document>"#;

    #[test]
    fn characters_keep_their_bytes() {
        let body = scan(W, 100).unwrap();
        let p = &body.paragraphs[0];
        assert_eq!(p.text, "Ett & två tre");
        let amp = &p.chars[4];
        assert_eq!(&W[amp.raw.clone().unwrap().1], "&amp;");
        assert!(p.chars[9].raw.is_none());
        assert_eq!(
            &W[p.segments[0].rpr.clone().unwrap()],
            "<w:rPr><w:b/></w:rPr>"
        );
        assert_eq!(
            &W[p.ppr.clone().unwrap()],
            r#"<w:pPr><w:pStyle w:val="A"/></w:pPr>"#
        );
    }

    #[test]
    fn paragraphs_are_counted_as_the_reader_counts() {
        let body = scan(W, 100).unwrap();
        let idx: Vec<u32> = body.paragraphs.iter().map(|p| p.index).collect();
        assert_eq!(idx, [1, 2, 3]);
        let cell = &body.paragraphs[1];
        assert_eq!(&W[cell.top_end - 8..cell.top_end], "</w:tbl>");
        assert!(body.paragraphs[2].empty);
        assert_eq!(&W[body.end..body.end + 10], "<w:sectPr/");
    }
}
