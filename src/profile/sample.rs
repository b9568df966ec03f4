//! How often bytes and runs of four bytes occur in the profile's own text: its
//! patterns, explanations, suggested wordings and examples, in lower case. The
//! literal pre-filter uses it as a small model of tender language, to pick the
//! fragments it searches for among those that ordinary text rarely holds, and
//! to group them so the search turns up few false candidates.

/// Counts of the bytes and of the runs of four bytes of a text.
pub struct Sample {
    bytes: [u32; 256],
    total: u32,
    /// Every run of four bytes of the text as a number, sorted, so that a
    /// run's count is the length of its stretch.
    quads: Vec<u32>,
}

impl Sample {
    /// Counts `text` with ASCII letters in lower case (the rare capital
    /// outside ASCII hardly changes a count).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let text = text.as_bytes().to_ascii_lowercase();
        let mut bytes = [0u32; 256];
        for &b in &text {
            bytes[usize::from(b)] += 1;
        }
        let mut quads: Vec<u32> = text
            .windows(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        quads.sort_unstable();
        Self {
            bytes,
            total: u32::try_from(text.len()).unwrap_or(u32::MAX),
            quads,
        }
    }

    /// How often the first four bytes of `fragment` occur; `None` when it is
    /// shorter.
    #[must_use]
    pub fn quad(&self, fragment: &[u8]) -> Option<u32> {
        let q = u32::from_le_bytes(fragment.get(..4)?.try_into().ok()?);
        let from = self.quads.partition_point(|x| *x < q);
        let to = self.quads.partition_point(|x| *x <= q);
        u32::try_from(to - from).ok()
    }

    /// The share of the text that is byte `b`, never quite zero.
    #[must_use]
    pub fn share(&self, b: u8) -> f64 {
        (f64::from(self.bytes[usize::from(b)]) + 0.5) / (f64::from(self.total) + 128.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_counted_in_lower_case_and_overlapping() {
        let s = Sample::new("Avtal, avtalet; AVTALSVITE aaaaa");
        assert_eq!(s.quad(b"avtalet"), Some(3));
        assert_eq!(s.quad(b"aaaa"), Some(2));
        assert_eq!(s.quad(b"zzzz"), Some(0));
        assert_eq!(s.quad(b"vite"), Some(1));
        assert_eq!(s.quad(b"av"), None);
        assert!(s.share(b'a') > s.share(b'v'));
        assert!(s.share(b'q') > 0.0);
    }
}
