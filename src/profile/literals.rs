//! Sets of literals: the telling word of a phrase, by which the pre-filter
//! judges how specific a list is; a set without the words that contain
//! another; and an automaton that finds every word where it occurs.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// The telling word of a literal, by which the pre-filter judges how specific
/// a list is: the longest run without spaces or hyphens and without one of
/// the vocabulary's `common` stems, else the longest.
pub(super) fn telling_word<'l>(literal: &'l str, common: &[String]) -> &'l str {
    literal
        .split([' ', '-'])
        .filter(|piece| !piece.is_empty())
        .max_by_key(|piece| {
            let common = common.iter().any(|stem| piece.contains(stem.as_str()));
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
pub(super) fn every_occurrence(words: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(words)
        .expect("words fit an automaton")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telling_words_are_the_longest_runs_between_spaces_and_hyphens() {
        fn telling_word(literal: &str) -> &str {
            super::telling_word(literal, &["avtal".to_owned()])
        }
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
}
