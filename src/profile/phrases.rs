//! Phrase patterns as a lawyer writes them, and the one automaton that finds
//! all of a profile's phrases in a document in a single pass.
//!
//! A pattern is lower-case words: `sträva efter`. A trailing `*` lets the last
//! word go on (`diskriminer*` matches "diskriminering"); a leading `*` lets the
//! first word start inside a compound (`*vite` matches "avtalsvite"). Matching
//! runs on the folded text (lower case, white space collapsed), so spans stay
//! the folded text's and word boundaries are checked by hand: the regex crate's
//! Unicode `\b` is far too slow on Swedish text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Names one list of patterns in a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SetId(pub u16);

/// One occurrence of a pattern in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub pattern: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    pub open_start: bool,
    pub open_end: bool,
}

/// Why a pattern can never match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternProblem {
    Empty,
    UpperCase,
    Whitespace,
    InnerWildcard,
}

impl PatternProblem {
    #[must_use]
    pub const fn explain(&self) -> &'static str {
        match self {
            Self::Empty => "the pattern has no words, so it can never match",
            Self::UpperCase => "the pattern has capital letters, but text is matched in lower case, so it can never match",
            Self::Whitespace => "the pattern has leading, trailing or double spaces, but white space in the text is folded to one space, so it can never match",
            Self::InnerWildcard => "`*` may only stand first or last in a pattern; inside it is read literally and can never match",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct MatcherBuilder {
    literal_ids: HashMap<(String, bool, bool), usize>,
    literals: Vec<String>,
    shapes: Vec<Shape>,
    members: Vec<Vec<SetId>>,
    sets: usize,
}

impl MatcherBuilder {
    /// Adds a set of patterns, or says which of them can never match.
    ///
    /// # Errors
    /// The index and problem of every pattern that can never match.
    ///
    /// # Panics
    /// With more than 65 535 sets, far beyond any profile.
    pub fn add_set<'a>(
        &mut self,
        patterns: impl IntoIterator<Item = &'a str>,
    ) -> Result<SetId, Vec<(usize, PatternProblem)>> {
        let id = SetId(u16::try_from(self.sets).expect("fewer than 65 536 pattern sets"));
        let mut problems = Vec::new();
        let mut parsed = Vec::new();
        for (i, raw) in patterns.into_iter().enumerate() {
            match parse_pattern(raw) {
                Ok(p) => parsed.push(p),
                Err(problem) => problems.push((i, problem)),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.sets += 1;
        for (literal, shape) in parsed {
            let key = (literal.clone(), shape.open_start, shape.open_end);
            let next = self.literals.len();
            let index = *self.literal_ids.entry(key).or_insert(next);
            if index == next {
                self.literals.push(literal);
                self.shapes.push(shape);
                self.members.push(Vec::new());
            }
            if !self.members[index].contains(&id) {
                self.members[index].push(id);
            }
        }
        Ok(id)
    }

    /// # Panics
    /// Only if the automaton cannot be built, which bounded pattern lists rule out.
    #[must_use]
    pub fn build(&self) -> Matcher {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // A contiguous NFA builds in well under a millisecond and scans
            // nearly as fast as a DFA, whose build would dominate one-file runs.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&self.literals)
            .expect("profile patterns fit an automaton");
        Matcher {
            automaton,
            shapes: self.shapes.clone(),
            members: self.members.clone(),
            sets: self.sets,
        }
    }

    /// Every pattern of `sets`: its literal, its shape and its sets among `sets`.
    pub(super) fn patterns_of<'a>(
        &'a self,
        sets: &'a [SetId],
    ) -> impl Iterator<Item = (&'a str, Shape, Vec<SetId>)> + 'a {
        self.members
            .iter()
            .enumerate()
            .filter_map(move |(i, members)| {
                let kept: Vec<SetId> = members
                    .iter()
                    .copied()
                    .filter(|s| sets.contains(s))
                    .collect();
                (!kept.is_empty()).then(|| (self.literals[i].as_str(), self.shapes[i], kept))
            })
    }

    /// The literal text of every pattern of `set`, without its `*`s.
    pub(super) fn literals_of(&self, set: SetId) -> impl Iterator<Item = &str> + '_ {
        self.members
            .iter()
            .zip(&self.literals)
            .filter(move |(sets, _)| sets.contains(&set))
            .map(|(_, literal)| literal.as_str())
    }
}

fn parse_pattern(raw: &str) -> Result<(String, Shape), PatternProblem> {
    let open_start = raw.starts_with('*');
    let open_end = raw.len() > 1 && raw.ends_with('*');
    let body = raw.strip_prefix('*').unwrap_or(raw);
    let body = if open_end {
        &body[..body.len() - 1]
    } else {
        body
    };
    if body.is_empty() {
        return Err(PatternProblem::Empty);
    }
    if body.chars().any(|c| c.to_lowercase().next() != Some(c)) {
        return Err(PatternProblem::UpperCase);
    }
    if body.starts_with(char::is_whitespace)
        || body.ends_with(char::is_whitespace)
        || body.contains("  ")
        || body.contains(['\n', '\t'])
    {
        return Err(PatternProblem::Whitespace);
    }
    if body.contains('*') {
        return Err(PatternProblem::InnerWildcard);
    }
    Ok((
        body.to_owned(),
        Shape {
            open_start,
            open_end,
        },
    ))
}

/// All of a profile's patterns, compiled once.
#[derive(Clone)]
pub struct Matcher {
    automaton: AhoCorasick,
    shapes: Vec<Shape>,
    members: Vec<Vec<SetId>>,
    sets: usize,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.shapes.len())
            .field("sets", &self.sets)
            .finish_non_exhaustive()
    }
}

impl Matcher {
    #[must_use]
    pub const fn set_count(&self) -> usize {
        self.sets
    }

    #[must_use]
    pub fn sets_of(&self, pattern: u32) -> &[SetId] {
        &self.members[pattern as usize]
    }

    /// Every whole-word occurrence of every pattern in `lower`, by start.
    /// An open end stretches the hit to the end of its word.
    #[must_use]
    pub fn find_all(&self, lower: &str) -> Vec<Hit> {
        let bytes = lower.as_bytes();
        let mut hits = Vec::new();
        for m in self.automaton.find_overlapping_iter(lower) {
            let pattern = m.pattern().as_usize();
            let shape = self.shapes[pattern];
            let literal_first = bytes[m.start()];
            let literal_last = bytes[m.end() - 1];
            if !shape.open_start
                && is_word_byte_at(literal_first)
                && word_char_before(lower, m.start())
            {
                continue;
            }
            let start = if shape.open_start {
                word_start(lower, m.start())
            } else {
                m.start()
            };
            let mut end = m.end();
            if shape.open_end {
                end = word_end(lower, end);
            } else if is_word_byte_at(literal_last) && word_char_at(lower, end) {
                continue;
            }
            hits.push(Hit {
                pattern: u32::try_from(pattern).unwrap_or(u32::MAX),
                start: to_u32(start),
                end: to_u32(end),
            });
        }
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.pattern));
        hits
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether a pattern's edge byte is part of a word, so its boundary must be checked.
/// Bytes of multi-byte characters are letters (å, ä, ö, é …).
pub(super) fn is_word_byte_at(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

pub(super) fn word_char_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

pub(super) fn word_char_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

pub(super) fn word_start(text: &str, from: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map_or(from, |(i, _)| i)
}

fn word_end(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(sets: &[&[&str]]) -> Matcher {
        let mut b = MatcherBuilder::default();
        for set in sets {
            b.add_set(set.iter().copied()).unwrap();
        }
        b.build()
    }

    fn found<'t>(m: &Matcher, text: &'t str) -> Vec<&'t str> {
        m.find_all(text)
            .iter()
            .map(|h| &text[h.start as usize..h.end as usize])
            .collect()
    }

    #[test]
    fn whole_words_only() {
        let m = matcher(&[&["ska", "kön"]]);
        assert_eq!(
            found(&m, "leverantören ska, oavsett kön; skall könsöverskridande"),
            vec!["ska", "kön"]
        );
    }

    #[test]
    fn open_ends_stretch_to_the_word() {
        let m = matcher(&[&["diskriminer*", "*vite"]]);
        assert_eq!(
            found(&m, "diskrimineringslagen och avtalsvite, vitet"),
            vec!["diskrimineringslagen", "avtalsvite"]
        );
    }

    #[test]
    fn phrases_with_punctuation() {
        let m = matcher(&[&["2008:567", "t.ex."]]);
        assert_eq!(
            found(&m, "lagen (2008:567), t.ex. kön"),
            vec!["2008:567", "t.ex."]
        );
    }

    #[test]
    fn impossible_patterns_are_reported() {
        let mut b = MatcherBuilder::default();
        let err = b.add_set(["Ska", "ok", "*", "a  b", "a*b"]).unwrap_err();
        assert_eq!(
            err,
            vec![
                (0, PatternProblem::UpperCase),
                (2, PatternProblem::Empty),
                (3, PatternProblem::Whitespace),
                (4, PatternProblem::InnerWildcard)
            ]
        );
    }
}
