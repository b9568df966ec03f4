//! Choosing the fragments a list of phrases is searched by: runs of five to
//! twelve bytes inside a word of a phrase, so that every phrase holds one,
//! each serving many phrases and starting with four bytes the sample of the
//! language rarely holds, in the order Teddy groups best (`teddy`).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use super::literals::minimal;
use super::sample::{Runs, Sample};
use super::teddy::order_for_teddy;

/// Most fragments one literal search takes and stays fast; more are searched
/// for in several passes.
pub(super) const FRAGMENTS_PER_SEARCH: usize = 64;

/// The fragments to search `literals` by, in the order the search takes
/// them: the slow part of making a finder, which depends only on the
/// literals and the sample.
pub(super) fn choose(literals: &[&str], sample: &Sample) -> Vec<String> {
    let candidates = Candidates::of(literals);
    let runs = sample.runs(candidates.holders.keys().map(|c| c.as_bytes()));
    let mut fragments = minimal(candidates.cover(&runs));
    for group in fragments.chunks_mut(FRAGMENTS_PER_SEARCH) {
        order_for_teddy(group, sample);
    }
    fragments
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
        self.cover_counted(runs).0
    }

    /// `cover`, and how many times a fragment's value was looked at.
    ///
    /// A fragment's gain only falls as phrases are covered, so a value once
    /// computed is an upper bound of it from then on. The fragments wait in
    /// a heap by that bound (ties to the first in `ranked`); the top one is
    /// taken when its value is still what it was, and put back with its new
    /// value otherwise. Each fragment returns to the heap at most once for
    /// each phrase of its that another covers, so a profile of many phrases
    /// that share no fragment costs in proportion to its fragments, not to
    /// their number squared (scanning every open fragment for each choice
    /// took minutes for 100 000 phrases).
    fn cover_counted(&self, runs: &Runs) -> (Vec<String>, usize) {
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
        let value = |gains: &[u32], k: usize| f64::from(gains[k]) / costs[k];
        let mut looked = ranked.len();
        let mut waiting: BinaryHeap<Waiting> = (0..ranked.len())
            .filter(|&k| gains[k] > 0)
            .map(|k| Waiting(value(&gains, k), k))
            .collect();
        let mut covered = vec![false; self.phrases];
        let mut chosen = Vec::new();
        while let Some(Waiting(bound, k)) = waiting.pop() {
            if gains[k] == 0 {
                continue;
            }
            looked += 1;
            let now = value(&gains, k);
            if now.total_cmp(&bound).is_lt() {
                waiting.push(Waiting(now, k));
                continue;
            }
            for &i in ranked[k].1 {
                if !std::mem::replace(&mut covered[i], true) {
                    for &other in &holding[i] {
                        gains[other] -= 1;
                    }
                }
            }
            chosen.push(ranked[k].0.to_owned());
        }
        (chosen, looked)
    }
}

/// A fragment in the heap of `cover`: its value when last looked at, and
/// its place in the fixed order. The greatest value comes first, and of
/// equal values the first in order, as a scan in that order would find.
struct Waiting(f64, usize);

impl PartialEq for Waiting {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Waiting {}

impl PartialOrd for Waiting {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Waiting {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .total_cmp(&other.0)
            .then_with(|| other.1.cmp(&self.1))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fragments(phrases: &[&str], sample: &str) -> Vec<String> {
        choose(phrases, &Sample::new(sample))
    }

    /// Phrases of nine letters from a fixed sequence, hardly sharing a run.
    fn unshared(count: usize) -> Vec<String> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        (0..count)
            .map(|_| {
                (0..9)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1_442_695_040_888_963_407);
                        let letters = b"bcdfghjklmnpqrstvwxz";
                        char::from(letters[usize::try_from(state >> 59).unwrap() % letters.len()])
                    })
                    .collect()
            })
            .collect()
    }

    /// The greedy choice as first written: every open fragment scanned for
    /// each choice. Slow, and plainly right.
    fn scanned(candidates: &Candidates<'_>, runs: &Runs) -> Vec<String> {
        let cost = |c: &str| runs.of(c.as_bytes()).map_or(SHORT_COST, f64::from) + FRAGMENT_COST;
        let mut ranked: Vec<(&str, &Vec<usize>)> =
            candidates.holders.iter().map(|(c, h)| (*c, h)).collect();
        ranked.sort_unstable_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
        let mut covered = vec![false; candidates.phrases];
        let mut chosen = Vec::new();
        loop {
            let mut best: Option<(f64, usize)> = None;
            for (k, (c, held)) in ranked.iter().enumerate() {
                let gain = held.iter().filter(|&&i| !covered[i]).count();
                let value = f64::from(u32::try_from(gain).unwrap()) / cost(c);
                if gain > 0 && best.is_none_or(|(v, _)| value > v) {
                    best = Some((value, k));
                }
            }
            let Some((_, k)) = best else { break };
            for &i in ranked[k].1 {
                covered[i] = true;
            }
            chosen.push(ranked[k].0.to_owned());
        }
        chosen
    }

    #[test]
    fn the_heap_chooses_what_a_scan_of_every_fragment_chooses() {
        let sample = Sample::new(
            "leverantören ska följa diskrimineringslagen och redovisa på begäran inom trettio dagar",
        );
        let mut phrases: Vec<String> = [
            "diskriminering",
            "antidiskriminering",
            "diskrimineringslag",
            "redovisa",
            "redovisning",
            "på begäran",
            "inom",
            "trettio dagar",
            "vite",
            "avtalsvite",
            "hävning",
            "häva avtalet",
            "underleverantör",
            "leverantören",
            "följa",
            "iaktta",
            "comply",
            "compliance",
        ]
        .map(str::to_owned)
        .to_vec();
        phrases.extend(unshared(300));
        let literals: Vec<&str> = phrases.iter().map(String::as_str).collect();
        let candidates = Candidates::of(&literals);
        let runs = sample.runs(candidates.holders.keys().map(|c| c.as_bytes()));
        let chosen = candidates.cover(&runs);
        assert_eq!(chosen, scanned(&candidates, &runs));
        assert!(chosen.len() > 300, "{}", chosen.len());
    }

    /// 100 000 phrases took minutes when each choice scanned every open
    /// fragment: the work grew with the square of the phrases. Counted, not
    /// timed: the values looked at stay within twice the fragments and
    /// once each phrase a fragment holds.
    #[test]
    fn phrases_that_share_nothing_are_covered_in_linear_work() {
        let phrases = unshared(4000);
        let literals: Vec<&str> = phrases.iter().map(String::as_str).collect();
        let candidates = Candidates::of(&literals);
        let runs = Sample::new("").runs(candidates.holders.keys().map(|c| c.as_bytes()));
        let (chosen, looked) = candidates.cover_counted(&runs);
        let fragments = candidates.holders.len();
        let held: usize = candidates.holders.values().map(Vec::len).sum();
        // Nine letters give 15 runs of five to nine; shared runs are few.
        assert!(fragments > 4000 * 14, "{fragments}");
        assert!(
            looked <= 2 * fragments + held,
            "{looked} > {}",
            2 * fragments + held
        );
        // A scan would have looked at about 4000 * fragments / 2 values.
        assert!(chosen.len() >= 3900, "{}", chosen.len());
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
}
