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
//! bytes before comparing the rest, so those decide.
//!
//! The raw text is not folded, so a phrase is read the way folding would
//! make it match: a space in the phrase stands for any run of white space, and
//! a hyphen for a hyphen or a non-breaking hyphen. What folding alone can do —
//! join a word hyphenated at a line end, drop a soft hyphen — callers handle.

use std::collections::HashMap;

use aho_corasick::{packed, AhoCorasick, AhoCorasickKind, Input, MatchKind};

use super::phrases::{is_word_byte_at, word_char_at, word_char_before, word_start, SetId, Shape};
use super::sample::{Runs, Sample};

#[derive(Clone, Debug)]
struct Phrase {
    literal: String,
    shape: Shape,
    sets: Vec<SetId>,
}

/// Most fragments one literal search takes and stays fast; more are searched
/// for in several passes.
const FRAGMENTS_PER_SEARCH: usize = 64;

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

/// The fragments to search `literals` by: the slow part of making a
/// finder, which depends only on the literals and the sample.
pub(super) fn choose(literals: &[&str], sample: &Sample) -> Vec<String> {
    let candidates = Candidates::of(literals);
    let runs = sample.runs(candidates.holders.keys().map(|c| c.as_bytes()));
    minimal(candidates.cover(&runs))
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

/// Shortest fragment the search is built from where a word allows it: the
/// literal search looks at a fragment's first four bytes, and a fifth keeps
/// the fragment from being a common word of its own.
const MIN_FRAGMENT: usize = 5;

/// Longest fragment tried: four bytes are searched for and the rest compared,
/// so a longer run seldom turns away more.
const MAX_FRAGMENT: usize = 12;

/// What one more fragment costs the search, in occurrences of a run of four
/// bytes in the sample: each fragment makes the others' groups coarser.
const FRAGMENT_COST: f64 = 2.0;

/// What a fragment of under four bytes costs: the search then looks at fewer
/// bytes of every fragment, so it is chosen only when a phrase has no other.
const SHORT_COST: f64 = 1e6;

/// Every fragment a phrase could be searched by: each run of a word of it
/// (between spaces and hyphens, which folding may change) of at least
/// `MIN_FRAGMENT` bytes, or the whole word when it is shorter; with the
/// phrases holding each.
struct Candidates<'a> {
    holders: HashMap<&'a str, Vec<usize>>,
    phrases: usize,
}

impl<'a> Candidates<'a> {
    fn of(literals: &[&'a str]) -> Self {
        let mut holders: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (i, literal) in literals.iter().enumerate() {
            let mut words: Vec<&str> = literal
                .split([' ', '-'])
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                words.push(literal);
            }
            for word in words {
                for run in runs(word) {
                    let held = holders.entry(run).or_default();
                    if held.last() != Some(&i) {
                        held.push(i);
                    }
                }
            }
        }
        Self {
            holders,
            phrases: literals.len(),
        }
    }

    /// Fragments such that every phrase holds one, chosen greedily: the most
    /// phrases covered for the least often their first four bytes occur.
    fn cover(&self, runs: &Runs) -> Vec<String> {
        let cost = |c: &str| runs.of(c.as_bytes()).map_or(SHORT_COST, f64::from) + FRAGMENT_COST;
        let mut ranked: Vec<(&str, &Vec<usize>)> =
            self.holders.iter().map(|(c, h)| (*c, h)).collect();
        // A fixed order, so that ties go the same way on every run.
        ranked.sort_unstable_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
        let costs: Vec<f64> = ranked.iter().map(|(c, _)| cost(c)).collect();
        let mut gains: Vec<u32> = ranked
            .iter()
            .map(|(_, held)| u32::try_from(held.len()).unwrap_or(u32::MAX))
            .collect();
        let mut holding = vec![Vec::new(); self.phrases];
        for (k, (_, held)) in ranked.iter().enumerate() {
            for &i in *held {
                holding[i].push(k);
            }
        }
        let mut covered = vec![false; self.phrases];
        let mut chosen = Vec::new();
        let mut open: Vec<usize> = (0..ranked.len()).collect();
        loop {
            open.retain(|&k| gains[k] > 0);
            let mut best: Option<(f64, usize)> = None;
            for &k in &open {
                let value = f64::from(gains[k]) / costs[k];
                if best.is_none_or(|(v, _)| value > v) {
                    best = Some((value, k));
                }
            }
            let Some((_, k)) = best else { break };
            for &i in ranked[k].1 {
                if !std::mem::replace(&mut covered[i], true) {
                    for &other in &holding[i] {
                        gains[other] -= 1;
                    }
                }
            }
            chosen.push(ranked[k].0.to_owned());
        }
        chosen
    }
}

/// The runs of `word` that may be fragments, starting and ending on
/// character boundaries.
fn runs(word: &str) -> impl Iterator<Item = &str> + '_ {
    let short = word.len() <= MIN_FRAGMENT;
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain([word.len()])
        .collect();
    let pairs = bounds.clone().into_iter().flat_map(move |s| {
        bounds
            .clone()
            .into_iter()
            .filter(move |&e| e >= s + MIN_FRAGMENT && e <= s + MAX_FRAGMENT)
            .map(move |e| (s, e))
    });
    std::iter::once((0, word.len()))
        .filter(move |_| short)
        .chain(pairs.filter(move |_| !short))
        .map(move |(s, e)| &word[s..e])
}

/// Stems so common in tenders, alone or inside other words ("ramavtalet",
/// "ordervärde", "materialet"), that a word holding one says little about
/// how specific its phrase is.
const COMMON_STEMS: &[&str] = &[
    "avtal",
    "värde",
    "material",
    "contract",
    "agreement",
    "value",
];

/// The telling word of a literal, by which the pre-filter judges how specific
/// a list is: the longest run without spaces or hyphens and without a common
/// stem, else the longest.
pub(super) fn telling_word(literal: &str) -> &str {
    literal
        .split([' ', '-'])
        .filter(|piece| !piece.is_empty())
        .max_by_key(|piece| {
            let common = COMMON_STEMS.iter().any(|stem| piece.contains(stem));
            (!common, piece.len())
        })
        .unwrap_or(literal)
}

/// The fragments without those that contain a shorter one: where the longer
/// occurs, the shorter does too.
pub(super) fn minimal(mut words: Vec<String>) -> Vec<String> {
    words.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    words.dedup();
    // A word is dropped when another occurs in it; containment is
    // transitive, so the shorter word is kept either way.
    let within = every_occurrence(&words);
    let contains_another = |(i, w): &(usize, &String)| {
        within
            .find_overlapping_iter(w.as_str())
            .any(|m| m.pattern().as_usize() != *i)
    };
    let keep: Vec<bool> = words
        .iter()
        .enumerate()
        .map(|pair| !contains_another(&pair))
        .collect();
    words
        .into_iter()
        .zip(keep)
        .filter_map(|(w, k)| k.then_some(w))
        .collect()
}

/// An automaton that reports every occurrence of every word, overlapping.
fn every_occurrence(words: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(words)
        .expect("words fit an automaton")
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
    fn telling_words_are_the_longest_runs_between_spaces_and_hyphens() {
        assert_eq!(
            telling_word("bygg- och anläggningsentreprenad"),
            "anläggningsentreprenad"
        );
        assert_eq!(telling_word("2008:567"), "2008:567");
        assert_eq!(telling_word("anti-diskriminering"), "diskriminering");
        assert_eq!(telling_word("-"), "-");
        assert_eq!(telling_word("brott mot avtalet"), "brott");
    }

    #[test]
    fn a_fragment_that_contains_another_is_dropped() {
        let words = [
            "antidiskriminering",
            "diskriminer",
            "discrimination",
            "discriminat",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_eq!(minimal(words), ["discriminat", "diskriminer"]);
        assert!(minimal(Vec::new()).is_empty());
    }

    fn fragments(phrases: &[&str], sample: &str) -> Vec<String> {
        let f = Finder::new(
            phrases.iter().map(|&l| {
                let shape = Shape {
                    open_start: false,
                    open_end: false,
                };
                (l, shape, vec![SetId(0)])
            }),
            &Sample::new(sample),
        );
        f.fragments
    }

    #[test]
    fn fragments_start_where_the_sample_rarely_does() {
        // Every run of "försäkra" from "f" or "ö" starts like "förs", which the
        // sample holds; those from "r", "s" and "ä" cost the same, and the
        // longest is taken.
        assert_eq!(fragments(&["försäkra"], "förs förs förs"), ["rsäkra"]);
        // Without a sample, the longest run of at most twelve bytes first in
        // order that all three phrases hold.
        assert_eq!(
            fragments(
                &["diskriminering", "antidiskriminering", "diskrimineringslag"],
                ""
            ),
            ["diskrimineri"]
        );
        // A word of under five bytes is its own fragment; a phrase of short
        // words is searched by one of them.
        assert_eq!(fragments(&["homo", "act of"], ""), ["act", "homo"]);
    }

    #[test]
    fn characters_are_found_by_their_last_byte_and_checked_whole() {
        // "ç" ends like "§" (0xA7), "í" like a soft hyphen (0xAD).
        let text = "§ 7, ç, av\u{ad}tal, í, §§";
        let at = |c| find_char(text, c).collect::<Vec<_>>();
        assert_eq!(at('§'), [0, 23, 25]);
        assert_eq!(at('\u{ad}'), [12]);
        assert_eq!(at('a'), [10, 15]);
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
