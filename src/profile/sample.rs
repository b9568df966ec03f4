//! How often bytes and runs of four bytes occur in the profile's own text: its
//! patterns, explanations, suggested wordings and examples, in lower case. The
//! literal pre-filter uses it as a small model of tender language, to pick the
//! fragments it searches for among those that ordinary text rarely holds, and
//! to group them so the search turns up few false candidates.

/// Counts of the bytes of a text, and of some runs of four bytes in it.
pub struct Sample {
    bytes: [u32; 256],
    total: u32,
    /// The runs asked for, by `key`, sorted, with their counts.
    quads: Vec<(u32, u32)>,
}

impl Sample {
    /// Counts `text` with ASCII letters in lower case (the rare capital
    /// outside ASCII hardly changes a count), and in it the first four bytes
    /// of each of `wanted`.
    #[must_use]
    pub fn new<'w>(text: &str, wanted: impl Iterator<Item = &'w [u8]>) -> Self {
        let text = text.as_bytes().to_ascii_lowercase();
        let mut bytes = [0u32; 256];
        for &b in &text {
            bytes[usize::from(b)] += 1;
        }
        // Keyed so that runs sharing their first two bytes sort together.
        let mut quads: Vec<(u32, u32)> = wanted.filter_map(key).map(|k| (k, 0)).collect();
        quads.sort_unstable();
        quads.dedup();
        // Where the runs starting with each two bytes begin in the list: most
        // places in the text start none, and the rest only a few.
        let mut from = vec![0u32; (1 << 16) + 1];
        for &(k, _) in &quads {
            from[(k >> 16) as usize + 1] += 1;
        }
        for i in 1..from.len() {
            from[i] += from[i - 1];
        }
        for w in text.windows(4) {
            let k = key(w).unwrap_or_default();
            let pair = (k >> 16) as usize;
            for q in &mut quads[from[pair] as usize..from[pair + 1] as usize] {
                q.1 += u32::from(q.0 == k);
            }
        }
        Self {
            bytes,
            total: u32::try_from(text.len()).unwrap_or(u32::MAX),
            quads,
        }
    }

    /// How often the first four bytes of `fragment` occur; `None` when it is
    /// shorter or they were not asked for.
    #[must_use]
    pub fn quad(&self, fragment: &[u8]) -> Option<u32> {
        let k = key(fragment)?;
        let i = self.quads.binary_search_by_key(&k, |&(x, _)| x).ok()?;
        Some(self.quads[i].1)
    }

    /// The share of the text that is byte `b`, never quite zero.
    #[must_use]
    pub fn share(&self, b: u8) -> f64 {
        (f64::from(self.bytes[usize::from(b)]) + 0.5) / (f64::from(self.total) + 128.0)
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
        let s = Sample::new("Avtal, avtalet; AVTALSVITE aaaaa", wanted.into_iter());
        assert_eq!(s.quad(b"avtalet"), Some(3));
        assert_eq!(s.quad(b"aaaa"), Some(2));
        assert_eq!(s.quad(b"zzzz"), Some(0));
        assert_eq!(s.quad(b"vite"), Some(1));
        assert_eq!(s.quad(b"av"), None);
        assert_eq!(s.quad(b"tals"), None);
        assert!(s.share(b'a') > s.share(b'v'));
        assert!(s.share(b'q') > 0.0);
    }
}
