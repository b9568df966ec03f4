//! The folded text every rule reads: the blocks' lines joined, white space
//! collapsed to one space, words hyphenated at a line end joined again, soft
//! hyphens dropped, and a lower-case copy of the same length. A sparse offset
//! map leads every folded position back into the original text.

use crate::document::Document;
use crate::span::{ceil_char_boundary, Span};

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
    #[must_use]
    pub fn new(doc: &Document) -> Self {
        let mut f = Self {
            text: String::with_capacity(doc.text.len()),
            lower: String::new(),
            blocks: Vec::new(),
            anchors: Vec::new(),
        };
        for block in &doc.blocks {
            let start = f.text.len();
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
        let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
        let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
        if self.text.ends_with('-') && starts_lower && !CONJUNCTIONS.contains(&next_word.as_str()) {
            let before: String = self.text[..self.text.len() - 1]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let prefix_like =
                before.chars().count() <= 2 || before.chars().all(|c| !c.is_lowercase());
            if !before.is_empty() && !prefix_like {
                self.text.pop();
            }
            return;
        }
        self.text.push(' ');
    }

    /// Copies a line, collapsing white space and dropping soft hyphens.
    fn push_run(&mut self, raw: &str, origin: usize) {
        self.anchors.push((self.text.len(), origin));
        let mut in_space = false;
        for (i, c) in raw.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    self.text.push(' ');
                }
                in_space = true;
                continue;
            }
            if in_space || c == '\u{ad}' || c == '\u{2011}' {
                self.anchors.push((self.text.len(), origin + i));
            }
            in_space = false;
            match c {
                '\u{ad}' => {
                    self.anchors
                        .push((self.text.len(), origin + i + c.len_utf8()));
                }
                '\u{2011}' => {
                    self.text.push('-');
                    self.anchors
                        .push((self.text.len(), origin + i + c.len_utf8()));
                }
                _ => self.text.push(c),
            }
        }
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

/// Lower case with every character keeping its UTF-8 length, so offsets in the
/// lower-case copy are offsets in the folded text. The few characters whose
/// lower case is longer or several characters stay as they are.
#[must_use]
pub fn lower_same_length(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read_text;
    use crate::source::Format;

    fn fold(text: &str) -> Folded {
        Folded::new(&read_text(text.to_owned(), Format::Text))
    }

    #[test]
    fn joins_words_split_at_line_end() {
        let f = fold("Leverantören ska lämna uppfölj-\nning av bygg-\noch anläggningsentreprenader inom E-\nhandel.");
        assert_eq!(f.text, "Leverantören ska lämna uppföljning av bygg- och anläggningsentreprenader inom E-handel.\n");
    }

    #[test]
    fn offsets_lead_back_to_the_original() {
        let original = "Leverantören  ska\r\nsträva  efter";
        let f = fold(original);
        assert_eq!(f.text, "Leverantören ska sträva efter\n");
        let at = f.text.find("sträva efter").unwrap();
        let span = f.to_original(Span::new(at, at + "sträva efter".len()), original);
        assert_eq!(&original[span.start..span.end], "sträva  efter");
    }

    #[test]
    fn lower_keeps_lengths() {
        let s = "ÅÄÖ İstanbul ẞ";
        assert_eq!(lower_same_length(s).len(), s.len());
        assert!(lower_same_length(s).starts_with("åäö"));
    }
}
