//! The child's side: what it was asked (`Request`, from `CHILD_ENV`), and
//! reading the file within its address space, its budget and its limits.

use std::io::{Read, Write};

use super::wire::write_reply;
use super::{Job, CHILD_ENV};
use crate::document::error::ReadError;
use crate::document::isolated::panic_message;
use crate::model::limits::{Budget, Limits};

/// What a child was asked to do, from `CHILD_ENV`.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub job: Job,
    /// The limits, with `expanded_bytes` the whole `expanded_mb` limit.
    pub limits: Limits,
    /// Of the expanded bytes, those left to the child.
    left: u64,
}

impl Request {
    /// The request of this process, when it is a child; an error when
    /// `CHILD_ENV` is set but not understood.
    #[must_use]
    pub fn from_env() -> Option<std::io::Result<Self>> {
        let spec = std::env::var(CHILD_ENV).ok()?;
        let mut words = spec.split(' ');
        let job = words.next().and_then(Job::parse);
        let numbers: Vec<u64> = words.filter_map(|n| n.parse().ok()).collect();
        let (Some(job), &[left, expanded_bytes, seconds_per_file, cells, file_bytes]) =
            (job, numbers.as_slice())
        else {
            return Some(Err(std::io::Error::other(format!(
                "{CHILD_ENV} is not understood"
            ))));
        };
        let limits = Limits {
            file_bytes,
            cells,
            expanded_bytes,
            seconds_per_file,
            ..Limits::default()
        };
        Some(Ok(Self { job, limits, left }))
    }
}

/// In a child: limits this process's address space, reads the file from
/// `input`, has `read` read it within the limits and the budget left, and
/// writes the reply to `output`.
///
/// # Errors
/// Reading the file or writing the reply failed.
pub fn serve(
    request: Request,
    input: impl Read,
    mut output: impl Write,
    read: impl FnOnce(&[u8], Limits, &Budget) -> Result<Vec<u8>, ReadError> + std::panic::UnwindSafe,
) -> std::io::Result<()> {
    let Request { job, limits, left } = request;
    let mut file = Vec::new();
    input.take(limits.file_bytes).read_to_end(&mut file)?;
    limit_address_space(job.address_space(&limits, file.len()));
    let budget = Budget::new(Limits {
        expanded_bytes: left,
        ..limits
    });
    let file = &file;
    let budget = &budget;
    let result =
        std::panic::catch_unwind(move || read(file, limits, budget)).unwrap_or_else(|panic| {
            Err(ReadError::Crashed {
                reason: panic_message(panic.as_ref()),
            })
        });
    write_reply(&mut output, result)
}

#[cfg(unix)]
fn limit_address_space(bytes: u64) {
    let space = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // An allocation failure aborts; the parent reads that as the limit, and
    // there is nothing to learn from a core file of a hostile file.
    let no_core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit only reads the structures passed, which live across
    // the calls, and changes limits of this process alone.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &raw const space);
        libc::setrlimit(libc::RLIMIT_CORE, &raw const no_core);
    }
}

/// Elsewhere the child still ends on time; memory is bounded by the counts.
#[cfg(not(unix))]
fn limit_address_space(_: u64) {}
