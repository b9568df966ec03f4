//! The limits every reader keeps, as `contracts.md` fixes them ("Inputs and
//! limits"), and the `Budget` one file's reading draws on. A file that
//! reaches a limit gets an error naming the file and the limit; the run goes
//! on with the other files.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How much any one input may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of an input file.
    pub file_bytes: u64,
    /// Decompressed bytes of one part of a zip container.
    pub part_bytes: u64,
    /// Decompressed bytes of all the parts read from one zip container.
    pub package_bytes: u64,
    /// Depth of nested XML elements.
    pub xml_depth: usize,
    /// Cells of one workbook.
    pub cells: u64,
    /// Bytes one file expands to: its text, its PDF streams decompressed,
    /// its cells' text (`expanded_mb`).
    pub expanded_bytes: u64,
    /// Seconds one file may take to read.
    pub seconds_per_file: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            file_bytes: 512 * 1024 * 1024,
            part_bytes: 256 * 1024 * 1024,
            package_bytes: 1024 * 1024 * 1024,
            xml_depth: 1_000,
            cells: 10_000_000,
            expanded_bytes: 256 * 1024 * 1024,
            seconds_per_file: 60,
        }
    }
}

/// Which of a file's limits its reading ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overrun {
    /// More than this many bytes of expanded content.
    Expanded { limit: u64 },
    /// More than this many seconds.
    Time { seconds: u64 },
}

/// What reading one file may still spend: bytes of expanded content and
/// time. A reader spends before it allocates, so a few kilobytes of input
/// that would expand to gigabytes end at the limit instead. Shared by the
/// threads that read one file's pages, so it counts atomically.
#[derive(Debug)]
pub struct Budget {
    spent: AtomicU64,
    limit: u64,
    seconds: u64,
    /// None when the time limit lies past what `Instant` can hold.
    deadline: Option<Instant>,
}

impl Budget {
    /// A budget for one file, whose clock starts now.
    #[must_use]
    pub fn new(limits: Limits) -> Self {
        let seconds = limits.seconds_per_file;
        Self {
            spent: AtomicU64::new(0),
            limit: limits.expanded_bytes,
            seconds,
            deadline: Instant::now().checked_add(Duration::from_secs(seconds)),
        }
    }

    /// Counts `bytes` more of expanded content, and checks the clock.
    ///
    /// # Errors
    /// The content is over the limit, or the time is up.
    pub fn spend(&self, bytes: usize) -> Result<(), Overrun> {
        let bytes = u64::try_from(bytes).unwrap_or(u64::MAX);
        let before = self.spent.fetch_add(bytes, Ordering::Relaxed);
        if before.saturating_add(bytes) > self.limit {
            // Stays over the limit, however many more try.
            self.spent.store(u64::MAX, Ordering::Relaxed);
            return Err(Overrun::Expanded { limit: self.limit });
        }
        self.in_time()
    }

    /// Whether `bytes` more would still be within the limit, spending nothing.
    #[must_use]
    pub fn affords(&self, bytes: u64) -> bool {
        self.spent.load(Ordering::Relaxed).saturating_add(bytes) <= self.limit
    }

    /// The bytes spent so far.
    #[must_use]
    pub fn spent(&self) -> u64 {
        self.spent
            .load(Ordering::Relaxed)
            .min(self.limit.saturating_add(1))
    }

    /// # Errors
    /// The time for the file is up.
    pub fn in_time(&self) -> Result<(), Overrun> {
        if self.deadline.is_some_and(|d| Instant::now() > d) {
            return Err(Overrun::Time {
                seconds: self.seconds,
            });
        }
        Ok(())
    }

    /// The time left, for a reader that waits on another thread or process.
    #[must_use]
    pub fn time_left(&self) -> Duration {
        self.deadline.map_or(Duration::MAX, |d| {
            d.saturating_duration_since(Instant::now())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spending_past_the_limit_fails_and_stays_failed() {
        let budget = Budget::new(Limits {
            expanded_bytes: 10,
            ..Limits::default()
        });
        assert_eq!(budget.spend(6), Ok(()));
        assert!(budget.affords(4));
        assert!(!budget.affords(5));
        assert_eq!(budget.spend(5), Err(Overrun::Expanded { limit: 10 }));
        assert_eq!(budget.spend(0), Err(Overrun::Expanded { limit: 10 }));
        assert_eq!(budget.spent(), 11);
    }

    #[test]
    fn a_budget_without_time_left_says_so() {
        let budget = Budget::new(Limits {
            seconds_per_file: 0,
            ..Limits::default()
        });
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(budget.in_time(), Err(Overrun::Time { seconds: 0 }));
    }
}
