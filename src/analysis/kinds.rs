//! How often a text names each kind of contract (services, works, goods),
//! for the scope: every place counted once, and a word the text denies
//! ("omfattar inte heller tjänster") not at all.

use crate::profile::phrases::{Matcher, SetId};
use crate::profile::{Found, Profile};

/// Occurrences per kind-of-contract list in `lower`, the whole text in lower
/// case. A service or works the text denies is no word for the contract's
/// kind. A denial stands in the scope's few words; only so many are looked
/// at, so a text of nothing but such words costs no more.
pub(super) fn contract_words(profile: &Profile, lower: &str) -> Vec<(SetId, usize)> {
    let (scope, matcher) = (&profile.scope, &profile.matcher);
    let mut looked = 0;
    count_sets(profile.prefilter().contract_words(lower).filter(|f| {
        let (Some(negation), true) = (
            scope.negation,
            f.sets
                .iter()
                .any(|&s| s == scope.services || s == scope.works),
        ) else {
            return true;
        };
        looked += 1;
        looked > NEGATIONS_LOOKED || !negated(matcher, negation, lower, f.start)
    }))
}

/// How many recent finds are remembered to count a place once.
const RECENT: usize = 32;

/// Occurrences per set; two patterns of one set at the same place count
/// once. The finder reports those close together, so only the last `RECENT`
/// places are remembered and memory stays flat however often a word occurs.
fn count_sets<'f>(found: impl Iterator<Item = Found<'f>>) -> Vec<(SetId, usize)> {
    // The places in a ring: looking through all of it is a few vector
    // compares.
    let mut starts = [usize::MAX; RECENT];
    let mut sets = [SetId(0); RECENT];
    let mut next = 0;
    let mut counts: Vec<(SetId, usize)> = Vec::new();
    for (set, start) in found.flat_map(|f| f.sets.iter().map(move |&s| (s, f.start))) {
        let seen = starts.iter().zip(&sets).fold(0u8, |seen, (&a, &s)| {
            seen | u8::from(a == start && s == set)
        });
        if seen != 0 {
            continue;
        }
        starts[next] = start;
        sets[next] = set;
        next = (next + 1) % RECENT;
        match counts.iter_mut().find(|(s, _)| *s == set) {
            Some((_, n)) => *n += 1,
            None => counts.push((set, 1)),
        }
    }
    counts
}

/// How many words before a word for a kind of contract a negation may
/// stand, and in how many bytes.
const NEGATION_WORDS: usize = 3;
const NEGATION_WINDOW: usize = 64;
/// How many words for services or works are looked at for a denial.
const NEGATIONS_LOOKED: usize = 32;

/// Whether a negation stands among the few words before byte `at` of
/// `lower`, in its sentence: "omfattar inte heller tjänster".
fn negated(matcher: &Matcher, negation: SetId, lower: &str, at: usize) -> bool {
    let from = crate::model::span::floor_char_boundary(lower, at.saturating_sub(NEGATION_WINDOW));
    let before = &lower[from..at];
    let sentence = before
        .rfind(['.', ';', ':', '!', '?'])
        .map_or(before, |i| &before[i + 1..]);
    sentence
        .split_whitespace()
        .rev()
        .take(NEGATION_WORDS)
        .any(|w| {
            matcher
                .find_all(w)
                .iter()
                .any(|h| matcher.sets_of(h.pattern).contains(&negation))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_found_twice_is_counted_once_per_set() {
        let (a, b) = (SetId(3), SetId(7));
        let both = [a, b];
        let found = |start, sets| Found { start, sets };
        let finds = vec![
            found(10, &both[..1]),
            found(10, &both[..]),
            found(12, &both[1..]),
            found(10, &both[..1]),
            found(40, &both[..1]),
        ];
        assert_eq!(count_sets(finds.into_iter()), [(a, 2), (b, 2)]);
    }

    #[test]
    fn only_recent_places_are_remembered() {
        let a = [SetId(1)];
        let mut finds: Vec<Found<'_>> =
            (0..=RECENT).map(|i| Found { start: i, sets: &a }).collect();
        // The first place again: forgotten once RECENT others came after it.
        finds.push(Found { start: 0, sets: &a });
        finds.push(Found {
            start: RECENT,
            sets: &a,
        });
        assert_eq!(count_sets(finds.into_iter()), [(SetId(1), RECENT + 2)]);
    }
}
