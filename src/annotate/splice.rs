//! Edits of a part's raw text by byte range: everything between two edits is
//! copied as it stands, so a part keeps every byte nobody meant to change.

use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Edit {
    pub at: Range<usize>,
    pub text: String,
    /// Among edits that start at the same byte, the lower goes first: a
    /// comment's start before the revision of the words it covers.
    pub rank: u8,
}

#[derive(Debug, Default)]
pub struct Edits(Vec<Edit>);

impl Edits {
    pub fn insert(&mut self, at: usize, text: String, rank: u8) {
        self.0.push(Edit {
            at: at..at,
            text,
            rank,
        });
    }

    pub fn replace(&mut self, at: Range<usize>, text: String) {
        self.0.push(Edit { at, text, rank: 1 });
    }

    /// Whether a replacement of `at` would overlap one already planned.
    pub fn overlaps(&self, at: &Range<usize>) -> bool {
        self.0
            .iter()
            .any(|e| !e.at.is_empty() && e.at.start < at.end && at.start < e.at.end)
    }

    /// `raw` with the edits made. Of two edits that overlap, the one planned
    /// first is kept.
    #[must_use]
    pub fn apply(mut self, raw: &str) -> String {
        let mut order: Vec<usize> = (0..self.0.len()).collect();
        order.sort_by_key(|&i| (self.0[i].at.start, self.0[i].rank, i));
        let mut out = String::with_capacity(raw.len() + 4096);
        let mut copied = 0;
        for i in order {
            let e = std::mem::take(&mut self.0[i]);
            if e.at.start < copied {
                continue;
            }
            out.push_str(&raw[copied..e.at.start]);
            out.push_str(&e.text);
            copied = e.at.end;
        }
        out.push_str(&raw[copied..]);
        out
    }
}

impl Default for Edit {
    fn default() -> Self {
        Self {
            at: 0..0,
            text: String::new(),
            rank: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_the_rest() {
        let mut e = Edits::default();
        e.insert(4, "[".into(), 0);
        // "bör" is four bytes.
        e.replace(4..8, "ska".into());
        e.insert(8, "]".into(), 0);
        e.replace(5..6, "x".into());
        assert_eq!(e.apply("Det bör ske"), "Det [ska] ske");
    }
}
