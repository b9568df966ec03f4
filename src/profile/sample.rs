//! How often bytes and runs of four bytes occur in the profile's own text: its
//! patterns, explanations, suggested wordings and examples, in lower case. The
//! literal pre-filter uses it as a small model of tender language, to pick the
//! fragments it searches for among those that ordinary text rarely holds, and
//! to group them so the search turns up few false candidates (`teddy`).

/// A text in lower case and the count of each of its bytes.
pub struct Sample {
    text: Vec<u8>,
    bytes: [u32; 256],
}

/// How often some runs of four bytes occur in a sample.
pub struct Runs {
    /// The runs asked for, by `key`, sorted, with their counts.
    counts: Vec<(u32, u32)>,
}

impl Sample {
    /// `text` with ASCII letters in lower case (the rare capital outside
    /// ASCII hardly changes a count).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let text = text.as_bytes().to_ascii_lowercase();
        let mut bytes = [0u32; 256];
        for &b in &text {
            bytes[usize::from(b)] += 1;
        }
        Self { text, bytes }
    }

    /// The share of the text that is byte `b`, never quite zero.
    #[must_use]
    pub fn share(&self, b: u8) -> f64 {
        let total = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        (f64::from(self.bytes[usize::from(b)]) + 0.5) / (f64::from(total) + 128.0)
    }

    /// How often the first four bytes of each of `wanted` occur.
    #[must_use]
    pub fn runs<'w>(&self, wanted: impl Iterator<Item = &'w [u8]>) -> Runs {
        // Keyed so that runs sharing their first two bytes sort together.
        let mut counts: Vec<(u32, u32)> = wanted.filter_map(key).map(|k| (k, 0)).collect();
        counts.sort_unstable();
        counts.dedup();
        // Where the runs starting with each two bytes begin in the list: most
        // places in the text start none, and the rest only a few.
        let mut from = vec![0u32; (1 << 16) + 1];
        for &(k, _) in &counts {
            from[(k >> 16) as usize + 1] += 1;
        }
        for i in 1..from.len() {
            from[i] += from[i - 1];
        }
        for w in self.text.windows(4) {
            let k = key(w).unwrap_or_default();
            let pair = (k >> 16) as usize;
            for q in &mut counts[from[pair] as usize..from[pair + 1] as usize] {
                q.1 += u32::from(q.0 == k);
            }
        }
        Runs { counts }
    }
}

impl Runs {
    /// How often the first four bytes of `fragment` occur; `None` when it is
    /// shorter or they were not asked for.
    #[must_use]
    pub fn of(&self, fragment: &[u8]) -> Option<u32> {
        let k = key(fragment)?;
        let i = self.counts.binary_search_by_key(&k, |&(x, _)| x).ok()?;
        Some(self.counts[i].1)
    }
}

/// The first four bytes as a number, the first two in the high half.
fn key(bytes: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_counted_in_lower_case_and_overlapping() {
        let wanted: [&[u8]; 5] = [b"avtal", b"aaaa", b"zzzz", b"vite", b"av"];
        let s = Sample::new("Avtal, avtalet; AVTALSVITE aaaaa");
        let runs = s.runs(wanted.into_iter());
        assert_eq!(runs.of(b"avtalet"), Some(3));
        assert_eq!(runs.of(b"aaaa"), Some(2));
        assert_eq!(runs.of(b"zzzz"), Some(0));
        assert_eq!(runs.of(b"vite"), Some(1));
        assert_eq!(runs.of(b"av"), None);
        assert_eq!(runs.of(b"tals"), None);
        assert!(s.share(b'a') > s.share(b'v'));
        assert!(s.share(b'q') > 0.0);
    }
}
