//! The folded text every rule reads: the blocks' lines joined, white space
//! collapsed to one space, words hyphenated at a line end joined again, soft
//! hyphens dropped, and a lower-case copy of the same length. A sparse offset
//! map leads every folded position back into the original text.

use crate::document::Document;
use crate::grammar::case::lower_same_length;
use crate::model::span::{ceil_char_boundary, Span};

/// Words after a line-end hyphen that mean the hyphen is a real one:
/// "bygg- och anläggningsentreprenader".
const CONJUNCTIONS: &[&str] = &[
    "och",
    "eller",
    "samt",
    "respektive",
    "resp",
    "till",
    "som",
    "and",
    "or",
    "nor",
];

const PLAIN: u8 = 0;
const SPACE: u8 = 1;
const LOOK: u8 = 2;

/// What a byte may start: plain text, a space, or something to look at (other
/// ASCII white space, or the lead byte of a character outside ASCII that may be
/// white space or one of the two special hyphens; the Swedish letters, 0xC3 ..,
/// never are).
static SPECIAL: [u8; 256] = {
    let mut table = [PLAIN; 256];
    table[b' ' as usize] = SPACE;
    let look: [u8; 9] = [b'\t', b'\n', 0x0B, 0x0C, b'\r', 0xC2, 0xE1, 0xE2, 0xE3];
    let mut i = 0;
    while i < look.len() {
        table[look[i] as usize] = LOOK;
        i += 1;
    }
    table
};

#[derive(Debug)]
pub struct Folded {
    pub text: String,
    pub lower: String,
    /// Where each block stands in the folded text.
    pub blocks: Vec<Span>,
    /// (folded offset, original offset) where a verbatim run starts.
    anchors: Vec<(usize, usize)>,
}

impl Folded {
    /// Folds the blocks marked in `relevant`; the others keep an empty span.
    #[must_use]
    pub fn new(doc: &Document, relevant: &[bool]) -> Self {
        let mut f = Self {
            text: String::new(),
            lower: String::new(),
            blocks: Vec::with_capacity(doc.blocks.len()),
            anchors: Vec::new(),
        };
        for (block, &read) in doc.blocks.iter().zip(relevant) {
            let start = f.text.len();
            if !read {
                f.blocks.push(Span::new(start, start));
                continue;
            }
            for (i, line) in block.lines.iter().enumerate() {
                let raw = &doc.text[line.start..line.end];
                if i > 0 {
                    f.join(raw);
                }
                f.push_run(raw, line.start);
            }
            f.blocks.push(Span::new(start, f.text.len()));
            f.text.push('\n');
        }
        f.lower = lower_same_length(&f.text);
        f
    }

    /// Joins a line to the one before it: with a space, or by removing a hyphen
    /// that only split a word at the line end.
    fn join(&mut self, next: &str) {
        if self.text.ends_with('-') && next.chars().next().is_some_and(char::is_lowercase) {
            let next_word = &next[..next
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(next.len())];
            if !CONJUNCTIONS.contains(&next_word) {
                let head = &self.text[..self.text.len() - 1];
                let before = &head[head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
                    i + head[i..].chars().next().map_or(1, char::len_utf8)
                })..];
                let prefix_like =
                    before.chars().count() <= 2 || before.chars().all(|c| !c.is_lowercase());
                if !before.is_empty() && !prefix_like {
                    self.text.pop();
                    // A non-breaking hyphen left an anchor after the hyphen,
                    // which is gone; the next line's run anchors afresh.
                    let end = self.text.len();
                    while self.anchors.last().is_some_and(|&(f, _)| f > end) {
                        self.anchors.pop();
                    }
                }
                return;
            }
        }
        self.text.push(' ');
    }

    /// Records that folded text from here on continues original text at
    /// `origin`, unless the current anchor already says so. Only the places
    /// where the shift between the two changes need an anchor.
    fn anchor(&mut self, origin: usize) {
        let at = self.text.len();
        match self.anchors.last_mut() {
            Some(last) if last.0 == at => last.1 = origin,
            Some(&mut (f, o)) if o + (at - f) == origin => {}
            _ => self.anchors.push((at, origin)),
        }
    }

    /// Copies a line, collapsing white space and dropping soft hyphens. Plain
    /// runs are copied as whole slices; only white space and the two special
    /// hyphens are looked at one by one.
    fn push_run(&mut self, raw: &str, origin: usize) {
        self.anchor(origin);
        let bytes = raw.as_bytes();
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match SPECIAL[usize::from(b)] {
                PLAIN => {
                    i += 1;
                    continue;
                }
                // A single space before a plain character keeps the offsets
                // in step, like any plain character.
                SPACE
                    if bytes
                        .get(i + 1)
                        .is_some_and(|&n| SPECIAL[usize::from(n)] == PLAIN) =>
                {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let c = raw[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if !(c.is_whitespace() || c == '\u{ad}' || c == '\u{2011}') {
                i += len;
                continue;
            }
            self.text.push_str(&raw[copied..i]);
            if c.is_whitespace() {
                let end = raw[i..]
                    .find(|c: char| !c.is_whitespace())
                    .map_or(raw.len(), |n| i + n);
                self.text.push(' ');
                self.anchor(origin + end);
                i = end;
            } else {
                if c == '\u{2011}' {
                    self.text.push('-');
                }
                self.anchor(origin + i + len);
                i += len;
            }
            copied = i;
        }
        self.text.push_str(&raw[copied..]);
    }

    /// The original offset of a folded offset.
    #[must_use]
    pub fn original(&self, folded: usize) -> usize {
        let i = self
            .anchors
            .partition_point(|&(f, _)| f <= folded)
            .saturating_sub(1);
        self.anchors
            .get(i)
            .map_or(folded, |&(f, o)| o + (folded - f))
    }

    /// The original span of a folded span, on char boundaries of `original`.
    #[must_use]
    pub fn to_original(&self, span: Span, original: &str) -> Span {
        let start = ceil_char_boundary(original, self.original(span.start));
        let end = if span.end > span.start {
            self.original(span.end - 1) + 1
        } else {
            start
        };
        Span::new(start, ceil_char_boundary(original, end.max(start)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read_text;
    use crate::source::Format;

    fn fold(text: &str) -> Folded {
        let doc = read_text(text.to_owned(), Format::Text);
        Folded::new(&doc, &vec![true; doc.blocks.len()])
    }

    #[test]
    fn joins_words_split_at_line_end() {
        let f = fold("Leverantören ska lämna uppfölj-\nning av bygg-\noch anläggningsentreprenader inom E-\nhandel.");
        assert_eq!(f.text, "Leverantören ska lämna uppföljning av bygg- och anläggningsentreprenader inom E-handel.\n");
    }

    #[test]
    fn offsets_lead_back_to_the_original() {
        // (original, folded, words looked up, what they are in the original)
        let cases = [
            (
                "Leverantören  ska\r\nsträva  efter",
                "Leverantören ska sträva efter\n",
                "sträva efter",
                "sträva  efter",
            ),
            // A word split at a non-breaking hyphen is joined; what follows
            // still leads back.
            (
                "Leverantör\u{2011}\nnamnet står här.",
                "Leverantörnamnet står här.\n",
                "står",
                "står",
            ),
        ];
        for (original, folded, words, seen) in cases {
            let f = fold(original);
            assert_eq!(f.text, folded);
            let at = f.text.find(words).unwrap();
            let span = f.to_original(Span::new(at, at + words.len()), original);
            assert_eq!(&original[span.start..span.end], seen);
        }
    }

    #[test]
    fn every_word_leads_back_after_odd_white_space_and_hyphens() {
        let original = "Leve\u{ad}rantören\u{a0}ska\t\tlämna  E\u{2011}faktura  inom\n30 dagar.";
        let f = fold(original);
        assert_eq!(f.text, "Leverantören ska lämna E-faktura inom 30 dagar.\n");
        let mut at = 0;
        for (word, raw) in [
            ("Leverantören", "Leve\u{ad}rantören"),
            ("ska", "ska"),
            ("lämna", "lämna"),
            ("E-faktura", "E\u{2011}faktura"),
            ("inom", "inom"),
            ("30", "30"),
            ("dagar.", "dagar."),
        ] {
            at = f.text[at..].find(word).unwrap() + at;
            let span = f.to_original(Span::new(at, at + word.len()), original);
            assert_eq!(&original[span.start..span.end], raw);
            at += word.len();
        }
    }
}
