//! The order a literal search takes its fragments in, so that Teddy groups
//! them well.
//!
//! Kept, against issue 21's rule of public APIs only, because the benchmark
//! says so: this models a private detail of aho-corasick (1.1.5,
//! `packed/teddy/generic.rs`: a pattern whose first bytes' low halves start a
//! new bucket goes to bucket `BUCKETS - 1 - id % BUCKETS`). Without it the
//! benchmark corpus took 17 % more CPU time and 14–27 % more wall time
//! (`scripts/bench_ab.sh`, 30 runs of each by turns, 2026-12-05; the README's
//! Speed section). Should aho-corasick assign buckets otherwise, only the speed
//! suffers: which fragments are found, and so every result, never depends on
//! their order.

use super::sample::Sample;

/// Orders one search's fragments so that the literal search groups them
/// well. That search (Teddy) sorts fragments into 8 groups, or 16 above 32
/// fragments, by their position in the list, and tests each group by the low
/// and high halves of its fragments' first bytes. A group whose fragments
/// share those halves lets few other bytes through, so the fragments are
/// swapped between groups while the expected share of false candidates, by
/// the byte shares of the sample, goes down. On the benchmark corpus the
/// search over the root fragments takes less than half the time it takes in
/// the order they were chosen in.
pub(super) fn order_for_teddy(fragments: &mut [String], sample: &Sample) {
    let groups = if fragments.len() > 32 { 16 } else { 8 };
    if fragments.len() <= groups {
        return;
    }
    let width = fragments.iter().map(String::len).min().unwrap_or(0).min(4);
    let shares: Vec<f64> = (0..=255).map(|b| sample.share(b)).collect();
    let heads: Vec<&[u8]> = fragments.iter().map(|f| &f.as_bytes()[..width]).collect();
    // The search puts the fragment in slot k in group groups - 1 - k % groups,
    // so group g holds the slots g' = groups - 1 - g, g' + groups, ...
    let group_of = |slot: usize| groups - 1 - slot % groups;
    let cost = |order: &[usize], group: usize| {
        let members = order.iter().skip(groups - 1 - group).step_by(groups);
        false_candidates(members.map(|&f| heads[f]), width, &shares)
    };
    let mut order: Vec<usize> = (0..fragments.len()).collect();
    let mut costs: Vec<f64> = (0..groups).map(|g| cost(&order, g)).collect();
    // Each pair of slots in different groups is swapped once if that helps:
    // more rounds were measured to find nothing faster.
    for a in 0..order.len() {
        for b in a + 1..order.len() {
            let (ga, gb) = (group_of(a), group_of(b));
            if ga == gb {
                continue;
            }
            order.swap(a, b);
            let (ca, cb) = (cost(&order, ga), cost(&order, gb));
            if ca + cb < costs[ga] + costs[gb] {
                (costs[ga], costs[gb]) = (ca, cb);
            } else {
                order.swap(a, b);
            }
        }
    }
    let ordered: Vec<String> = order
        .iter()
        .map(|&i| std::mem::take(&mut fragments[i]))
        .collect();
    for (slot, f) in fragments.iter_mut().zip(ordered) {
        *slot = f;
    }
}

/// The expected share of positions in a text that a group with these first
/// bytes lets through: for each of the first `width` bytes, the share of
/// bytes whose low and high halves both occur among the group's.
fn false_candidates<'h>(heads: impl Iterator<Item = &'h [u8]>, width: usize, share: &[f64]) -> f64 {
    let mut halves = [(0u16, 0u16); 4];
    for head in heads {
        for (b, (lo, hi)) in head.iter().zip(&mut halves) {
            *lo |= 1 << (b & 15);
            *hi |= 1 << (b >> 4);
        }
    }
    halves[..width]
        .iter()
        .map(|&(lo, hi)| {
            bits(hi)
                .flat_map(|h| bits(lo).map(move |l| share[h << 4 | l]))
                .sum::<f64>()
        })
        .product()
}

/// The positions of the set bits of a 16-bit mask.
fn bits(mut mask: u16) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let bit = mask.trailing_zeros();
        mask &= mask.checked_sub(1)?;
        Some(bit as usize)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_that_share_their_first_bytes_are_searched_together() {
        // Nine fragments in eight groups: slot k is in group 7 - k % 8, so
        // slots 0 and 8 share one. "wwwv" differs from "wwww" only in its
        // fourth byte, so it belongs with it rather than with "qqqq".
        let mut order: Vec<String> = [
            "qqqq", "wwww", "eeee", "rrrr", "tttt", "yyyy", "uuuu", "iiii", "wwwv",
        ]
        .map(str::to_owned)
        .to_vec();
        order_for_teddy(&mut order, &Sample::new(""));
        let slot = |f: &str| order.iter().position(|x| x == f).unwrap();
        assert_eq!(slot("wwww") % 8, slot("wwwv") % 8);
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["eeee", "iiii", "qqqq", "rrrr", "tttt", "uuuu", "wwwv", "wwww", "yyyy"]
        );
    }
}
