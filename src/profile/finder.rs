//! Finds a few lists of phrases in a document's raw text in lower case, fast:
//! one literal search for *fragments* (runs of letters inside a word of a
//! phrase, so that every phrase holds one), then the whole phrase read where a
//! fragment stands. The literal search runs near memory speed when its
//! fragments' first bytes are rare in ordinary text and grouped well; the full
//! automaton of `phrases` cannot, because it must report every overlapping
//! phrase of a whole profile.
//!
//! Which runs are rare is judged by a `Sample` of the language: "avtal",
//! "för" and "till" start runs every few lines of a tender, "rsäkra" or
//! "ktsbrott" almost never. The search only looks at a fragment's first four
//! bytes before comparing the rest, so those decide. Choosing the fragments is
//! `fragments`; the literal search itself, `search`.
//!
//! The raw text is not folded, so a phrase is read the way folding would
//! make it match: a space in the phrase stands for any run of white space, and
//! a hyphen for a hyphen or a non-breaking hyphen. What folding alone can do —
//! join a word hyphenated at a line end, drop a soft hyphen — callers handle.

use super::fragments::{choose, FRAGMENTS_PER_SEARCH};
use super::literals::every_occurrence;
use super::phrases::{is_word_byte_at, word_char_at, word_char_before, word_start, SetId, Shape};
use super::sample::Sample;
use super::search::Search;

#[derive(Clone, Debug)]
struct Phrase {
    literal: String,
    shape: Shape,
    sets: Vec<SetId>,
}

#[derive(Clone, Debug)]
pub struct Finder {
    /// One search per group of fragments, with the index of its first.
    searchers: Vec<(Search, usize)>,
    /// Per fragment: the phrases that contain it, and where.
    readings: Vec<Vec<(usize, usize)>>,
    phrases: Vec<Phrase>,
    /// The fragments, for the tests and benchmarks.
    pub fragments: Vec<String>,
}

/// One phrase found: where it starts, and its sets.
pub struct Found<'f> {
    pub start: usize,
    pub sets: &'f [SetId],
}

impl Finder {
    /// A finder of `patterns`, whose fragments are chosen and grouped by how
    /// often their bytes occur in `sample`, a text in the language searched.
    pub(super) fn new<'a>(
        patterns: impl Iterator<Item = (&'a str, Shape, Vec<SetId>)>,
        sample: &Sample,
    ) -> Self {
        let phrases = phrases(patterns);
        let literals: Vec<&str> = phrases.iter().map(|p| p.literal.as_str()).collect();
        let fragments = choose(&literals, sample);
        // Every place each fragment stands in each phrase, found with one
        // automaton over the fragments rather than one search per pair.
        let mut readings = vec![Vec::new(); fragments.len()];
        let within = every_occurrence(&fragments);
        for (i, p) in phrases.iter().enumerate() {
            for m in within.find_overlapping_iter(p.literal.as_str()) {
                readings[m.pattern().as_usize()].push((i, m.start()));
            }
        }
        let searchers = fragments
            .chunks(FRAGMENTS_PER_SEARCH)
            .enumerate()
            .map(|(i, group)| (Search::new(group), i * FRAGMENTS_PER_SEARCH))
            .collect();
        Self {
            searchers,
            readings,
            phrases,
            fragments,
        }
    }

    /// Every phrase in the lower-case `text`, by start within each group of
    /// fragments; a phrase found twice at one place (through two of its
    /// fragments) is reported twice.
    pub fn find<'f>(&'f self, text: &'f str) -> impl Iterator<Item = Found<'f>> + 'f {
        self.searchers
            .iter()
            .flat_map(move |(searcher, first)| {
                let mut from = 0;
                std::iter::from_fn(move || {
                    let m = searcher.find(text, from)?;
                    // Fragments never contain one another, so starting again
                    // one byte on finds every occurrence of every fragment.
                    from = m.start() + 1;
                    Some((m, first + m.pattern().as_usize()))
                })
            })
            .flat_map(move |(m, fragment)| {
                self.readings[fragment]
                    .iter()
                    .filter_map(move |&(phrase, offset)| {
                        let p = &self.phrases[phrase];
                        let start = read_around(text, m.start(), m.len(), offset, p)?;
                        Some(Found {
                            // An open start reaches back to where the word starts.
                            start: if p.shape.open_start {
                                word_start(text, start)
                            } else {
                                start
                            },
                            sets: &p.sets,
                        })
                    })
            })
    }
}

fn phrases<'a>(patterns: impl Iterator<Item = (&'a str, Shape, Vec<SetId>)>) -> Vec<Phrase> {
    patterns
        .map(|(literal, shape, sets)| Phrase {
            literal: literal.to_owned(),
            shape,
            sets,
        })
        .collect()
}

/// Where `phrase` starts when its fragment stands at `at..at + len` and
/// starts `offset` bytes into the phrase, if it stands there whole (as a whole
/// word unless its shape says otherwise).
fn read_around(text: &str, at: usize, len: usize, offset: usize, phrase: &Phrase) -> Option<usize> {
    let literal = phrase.literal.as_str();
    let start = match_back(text, at, &literal[..offset])?;
    let end = match_forward(text, at + len, &literal[offset + len..])?;
    let bytes = literal.as_bytes();
    let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
    let starts_word =
        phrase.shape.open_start || !is_word_byte_at(first) || !word_char_before(text, start);
    let ends_word = phrase.shape.open_end || !is_word_byte_at(last) || !word_char_at(text, end);
    (starts_word && ends_word).then_some(start)
}

/// A space in a phrase matches a run of white space, a hyphen also a
/// non-breaking hyphen; everything else matches itself.
fn is_separator(c: char, sep: u8) -> bool {
    match sep {
        b' ' => c.is_whitespace(),
        _ => c == '-' || c == '\u{2011}',
    }
}

/// Where `part` ends when it starts at `at`.
fn match_forward(text: &str, mut at: usize, part: &str) -> Option<usize> {
    for piece in part.split_inclusive([' ', '-']) {
        let (word, sep) = split_separator(piece);
        if !text.get(at..)?.starts_with(word) {
            return None;
        }
        at += word.len();
        if let Some(sep) = sep {
            let rest = &text[at..];
            let mut run = rest
                .char_indices()
                .take_while(|&(_, c)| is_separator(c, sep));
            let gap = if sep == b' ' {
                run.last().map(|(i, c)| i + c.len_utf8())
            } else {
                run.next().map(|(_, c)| c.len_utf8())
            };
            at += gap?;
        }
    }
    Some(at)
}

/// Where `part` starts when it ends at `at`.
fn match_back(text: &str, mut at: usize, part: &str) -> Option<usize> {
    for piece in part.split_inclusive([' ', '-']).rev() {
        let (word, sep) = split_separator(piece);
        if let Some(sep) = sep {
            let before = text.get(..at)?;
            let mut run = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_separator(c, sep));
            let start = if sep == b' ' {
                run.last().map(|(i, _)| i)
            } else {
                run.next().map(|(i, _)| i)
            };
            at = start?;
        }
        if !text.get(..at)?.ends_with(word) {
            return None;
        }
        at -= word.len();
    }
    Some(at)
}

/// A piece of a phrase and the space or hyphen that ends it.
fn split_separator(piece: &str) -> (&str, Option<u8>) {
    match piece.as_bytes().last() {
        Some(&b @ (b' ' | b'-')) => (&piece[..piece.len() - 1], Some(b)),
        _ => (piece, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder(patterns: &[(&str, bool, bool)]) -> Finder {
        Finder::new(
            patterns.iter().map(|&(l, open_start, open_end)| {
                (
                    l,
                    Shape {
                        open_start,
                        open_end,
                    },
                    vec![SetId(0)],
                )
            }),
            &Sample::new(""),
        )
    }

    fn starts(f: &Finder, text: &str) -> Vec<usize> {
        f.find(text).map(|found| found.start).collect()
    }

    #[test]
    fn phrases_are_read_across_white_space_and_hyphens() {
        let f = finder(&[
            ("brott mot avtalet", false, false),
            ("anti-diskriminering", false, true),
        ]);
        let text =
            "vid brott\n  mot\u{a0}avtalet. anti\u{2011}diskrimineringen, tillägg till avtalet";
        assert_eq!(starts(&f, text), [4, 26]);
    }

    #[test]
    fn words_must_stand_whole_unless_the_pattern_is_open() {
        let f = finder(&[("vite", false, false), ("tjänst", true, true)]);
        assert_eq!(starts(&f, "förseningsvite, vite, vitet"), [17]);
        assert_eq!(starts(&f, "städtjänster"), [0]);
    }

    #[test]
    fn overlapping_fragments_are_all_found() {
        // Both are found, and an open start reports where the word starts.
        let f = finder(&[("abcd", true, true), ("cdef", true, true)]);
        assert_eq!(starts(&f, "abcdef"), [0, 0]);
    }
}
