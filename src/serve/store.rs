//! Results in memory, each under an id of 128 random bits, for at most 30
//! minutes. Nothing is written to disk. The store also bounds what it
//! holds: at most `MAX_RESULTS` results and `MAX_BYTES` of kept uploads,
//! the oldest dropped first.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::results::Stored;

/// How long a result is kept.
pub const KEPT: Duration = Duration::from_secs(30 * 60);
const MAX_RESULTS: usize = 64;
/// The uploads kept for their annotated copies, all results together.
const MAX_BYTES: usize = 1024 * 1024 * 1024;

#[derive(Default)]
pub struct Store {
    results: Mutex<HashMap<String, (Instant, Arc<Stored>)>>,
}

impl Store {
    /// Keeps `stored` and returns its id.
    pub fn insert(&self, stored: Stored) -> String {
        let id = new_id();
        self.forget_old();
        let mut results = self.lock();
        let now = Instant::now();
        let bytes = |r: &HashMap<String, (Instant, Arc<Stored>)>| {
            r.values().map(|(_, s)| s.kept_bytes()).sum::<usize>()
        };
        while !results.is_empty()
            && (results.len() >= MAX_RESULTS || bytes(&results) + stored.kept_bytes() > MAX_BYTES)
        {
            let oldest = results
                .iter()
                .min_by_key(|(_, (at, _))| *at)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                results.remove(&k);
            }
        }
        results.insert(id.clone(), (now, Arc::new(stored)));
        id
    }

    /// Lets go of the results kept for `KEPT` or longer.
    pub fn forget_old(&self) {
        self.lock().retain(|_, (at, _)| at.elapsed() < KEPT);
    }

    /// The result under `id`, if it is still kept.
    pub fn get(&self, id: &str) -> Option<Arc<Stored>> {
        let results = self.lock();
        let (at, stored) = results.get(id)?;
        (at.elapsed() < KEPT).then(|| stored.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Instant, Arc<Stored>)>> {
        // A panic while the lock was held leaves the map as it was.
        self.results
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// 128 bits from the system's random source, in hexadecimal.
fn new_id() -> String {
    let mut bytes = [0u8; 16];
    // Without randomness an id could be guessed: the server must not answer.
    getrandom::fill(&mut bytes).expect("the system's random source answers");
    bytes.iter().fold(String::with_capacity(32), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_128_bits_in_hexadecimal_and_differ() {
        let (a, b) = (super::new_id(), super::new_id());
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
