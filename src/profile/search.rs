//! The literal search the pre-filter and the finder run over a document's
//! lower-case text: Teddy through aho-corasick's public API where the
//! processor has it, else aho-corasick's automaton; and one character found
//! by memchr.

use aho_corasick::{packed, AhoCorasick, AhoCorasickKind, Input, MatchKind};

/// The literal search over one group of fragments: Teddy itself where the
/// processor has it, which returns a match without the automaton's extra
/// step, else the automaton (with Teddy as its own pre-filter where it can).
#[derive(Clone, Debug)]
pub(super) enum Search {
    Teddy(packed::Searcher),
    Automaton(AhoCorasick),
}

impl Search {
    pub(super) fn new(fragments: &[String]) -> Self {
        let teddy = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostLongest)
            .builder()
            .extend(fragments)
            .build();
        teddy.map_or_else(
            || {
                Self::Automaton(
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostLongest)
                        .kind(Some(AhoCorasickKind::ContiguousNFA))
                        .build(fragments)
                        .expect("fragments fit an automaton"),
                )
            },
            Self::Teddy,
        )
    }

    /// The leftmost-longest fragment found in `text` from `from` on.
    pub(super) fn find(&self, text: &str, from: usize) -> Option<aho_corasick::Match> {
        match self {
            Self::Teddy(s) => s.find_in(text, aho_corasick::Span::from(from..text.len())),
            Self::Automaton(a) => a.find(Input::new(text).span(from..text.len())),
        }
    }

    /// Every fragment found in `text`, none overlapping another.
    pub(super) fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = aho_corasick::Match> + 't {
        let mut from = 0;
        std::iter::from_fn(move || {
            let m = self.find(text, from)?;
            from = m.end();
            Some(m)
        })
    }
}

/// Where `c` stands in `text`. A character outside ASCII is looked for by its
/// last byte, which Swedish letters do not share with "§" or a soft hyphen
/// (their first byte, 0xC2, is far more common), and checked whole.
pub fn find_char(text: &str, c: char) -> impl Iterator<Item = usize> + '_ {
    let mut bytes = [0; 4];
    let last = c.encode_utf8(&mut bytes).len() - 1;
    memchr::memchr_iter(bytes[last], text.as_bytes()).filter_map(move |end| {
        let start = end.checked_sub(last)?;
        (text.as_bytes()[start..=end] == bytes[..=last]).then_some(start)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_found_by_their_last_byte_and_checked_whole() {
        // "ç" ends like "§" (0xA7), "í" like a soft hyphen (0xAD).
        let text = "§ 7, ç, av\u{ad}tal, í, §§";
        let at = |c| find_char(text, c).collect::<Vec<_>>();
        assert_eq!(at('§'), [0, 23, 25]);
        assert_eq!(at('\u{ad}'), [12]);
        assert_eq!(at('a'), [10, 15]);
    }
}
