//! Running a reader on a thread of its own, with a deadline: a panic becomes
//! the file's error, and a reader that overruns is left behind while the run
//! goes on. Readers of our own also check the time as they go (see
//! `Budget`), so one left behind stops soon after; a library's reader that
//! cannot be asked to stop runs on until it is done. Readers of libraries
//! that can also allocate without bound run in a child process instead
//! (`child`), which is stopped when it overruns.

pub mod child;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use super::error::ReadError;

/// The name of the threads that read files; the binary keeps their panics quiet.
pub const READER_THREAD: &str = "klausul-reader";

/// Deeply nested objects recurse; a generous stack keeps that a panic at
/// worst rather than an overflow.
pub const READER_STACK: usize = 64 * 1024 * 1024;

/// Runs `work` on its own thread with a deadline, turning a panic into an error.
///
/// # Errors
/// The work's own error, a panic, or the deadline passing.
pub fn isolated<T: Send + 'static>(
    seconds: u64,
    work: impl FnOnce() -> Result<T, ReadError> + Send + 'static,
) -> Result<T, ReadError> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(READER_THREAD.to_owned())
        .stack_size(READER_STACK)
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(work));
            let _ = tx.send(result);
        })
        .map_err(|e| ReadError::Crashed {
            reason: e.to_string(),
        })?;
    match rx.recv_timeout(Duration::from_secs(seconds)) {
        Ok(Ok(result)) => result,
        Ok(Err(panic)) => Err(ReadError::Crashed {
            reason: panic_message(panic.as_ref()),
        }),
        Err(RecvTimeoutError::Timeout) => Err(ReadError::TimedOut { seconds }),
        Err(RecvTimeoutError::Disconnected) => Err(ReadError::Crashed {
            reason: "the reader stopped without a result".to_owned(),
        }),
    }
}

/// What a panic said, for the file's error.
#[must_use]
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_an_error_of_the_file() {
        let r: Result<(), _> = isolated(5, || panic!("boom"));
        assert_eq!(
            r,
            Err(ReadError::Crashed {
                reason: "boom".into()
            })
        );
    }

    #[test]
    fn a_reader_over_time_is_left_behind() {
        let r: Result<(), _> = isolated(1, || {
            std::thread::sleep(Duration::from_secs(3));
            Ok(())
        });
        assert_eq!(r, Err(ReadError::TimedOut { seconds: 1 }));
    }
}
