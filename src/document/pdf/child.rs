//! PDF extraction in a child process with an address-space limit.
//!
//! The stream scan bounds what lopdf inflates, but pdf-extract copies its
//! graphics state at every `q`, decodes each page's operators into objects
//! many times the size of their text, and can loop; none of that is counted
//! before it happens. A child process whose address space is limited ends
//! any of it as an allocation failure (reported as the `expanded_mb` error),
//! and a child that runs past the time limit is killed rather than left
//! running, as a thread must be.
//!
//! The binary names itself as the program to run (`extract_in_child_processes`)
//! and answers as a child when started with `CHILD_ENV` (`serve_child`).
//! The child reads the PDF on its standard input and writes a reply on its
//! standard output: `P`, the number of unreadable pages and the pages' text,
//! each length-prefixed; or `E` and the error as JSON.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{extract, Extracted};
use crate::document::error::ReadError;
use crate::document::isolated::{panic_message, READER_STACK};
use crate::model::limits::{Budget, Limits};

/// Set in a child's environment: the expanded bytes left to it, the whole
/// `expanded_mb` limit and its time in seconds, separated by spaces.
pub const CHILD_ENV: &str = "KLAUSUL_PDF_CHILD";

static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Room for the program itself, its libraries, the allocator's own
/// reservations and a page's operators, besides the PDF and what it
/// expands to.
const BASE_ADDRESS_SPACE: u64 = 192 << 20;

/// Threads a child reads pages on. Each reserves a stack of address space
/// that the heap could use instead once the stack is not needed, so few.
const CHILD_THREADS: usize = 4;

/// What a child's standard error may hold before the rest is dropped.
const STDERR_KEPT: u64 = 16 << 10;

/// Makes `read_pdf` extract in child processes running `program` (this
/// binary) from now on.
pub fn extract_in_child_processes(program: PathBuf) {
    let _ = PROGRAM.set(program);
}

pub(super) fn program() -> Option<&'static Path> {
    PROGRAM.get().map(PathBuf::as_path)
}

/// How a child failed, as it travels to the parent.
#[derive(Debug, Serialize, Deserialize)]
enum Failure {
    Pdf(String),
    Encrypted,
    Expanded(u64),
    TimedOut(u64),
    Crashed(String),
}

impl From<ReadError> for Failure {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Pdf { reason } => Self::Pdf(reason),
            ReadError::Encrypted => Self::Encrypted,
            ReadError::Expanded { limit } => Self::Expanded(limit),
            ReadError::TimedOut { seconds } => Self::TimedOut(seconds),
            other => Self::Crashed(other.to_string()),
        }
    }
}

impl From<Failure> for ReadError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Pdf(reason) => Self::Pdf { reason },
            Failure::Encrypted => Self::Encrypted,
            Failure::Expanded(limit) => Self::Expanded { limit },
            Failure::TimedOut(seconds) => Self::TimedOut { seconds },
            Failure::Crashed(reason) => Self::Crashed { reason },
        }
    }
}

/// Extracts `pdf` in a child process, within what is left of `budget`.
///
/// # Errors
/// The child's error, its crash, or the time running out.
pub(super) fn in_child(
    program: &Path,
    pdf: &[u8],
    limits: Limits,
    budget: &Budget,
) -> Result<Extracted, ReadError> {
    let left = limits.expanded_bytes.saturating_sub(budget.spent());
    let mut child = spawn(program, left, limits).map_err(|e| crashed(&e))?;
    let (stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
    // The reply holds at most the text the budget allows, and a length for
    // each page (fewer pages than bytes in the file).
    let most = left
        .saturating_add(pdf.len() as u64)
        .saturating_add(1 << 20);
    let (reply, errors, status) = std::thread::scope(|scope| {
        scope.spawn(move || stdin.map(|mut s| s.write_all(pdf)));
        let reply = scope.spawn(move || stdout.map(|s| bounded(s, most)));
        let errors = scope.spawn(move || stderr.map(|s| bounded(s, STDERR_KEPT)));
        let status = wait(&mut child, budget.time_left());
        (reply.join(), errors.join(), status)
    });
    let status = status
        .map_err(|e| crashed(&e))?
        .ok_or(ReadError::TimedOut {
            seconds: limits.seconds_per_file,
        })?;
    let reply = reply.ok().flatten().unwrap_or_default();
    if let Some(result) = parse(&reply.0, reply.1) {
        return result;
    }
    let errors = errors.ok().flatten().unwrap_or_default().0;
    Err(failure(&String::from_utf8_lossy(&errors), status, limits))
}

fn crashed(e: &std::io::Error) -> ReadError {
    ReadError::Crashed {
        reason: format!("the PDF reader could not run: {e}"),
    }
}

/// The child, told how much it may expand (`left` of the file's budget) and
/// for how long.
fn spawn(program: &Path, left: u64, limits: Limits) -> std::io::Result<Child> {
    Command::new(program)
        .env(
            CHILD_ENV,
            format!(
                "{left} {} {}",
                limits.expanded_bytes, limits.seconds_per_file
            ),
        )
        // mimalloc, the binary's allocator, otherwise reserves a gigabyte of
        // address space at start, which the child's limit would count and
        // its allocations would then use unchecked.
        .env("MIMALLOC_ARENA_RESERVE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
}

/// Why a child that gave no reply stopped, from what it wrote to stderr.
fn failure(errors: &str, status: ExitStatus, limits: Limits) -> ReadError {
    // Past its address space the allocator fails, and Rust aborts so.
    if errors.contains("memory allocation of") || errors.contains("out of memory") {
        return ReadError::Expanded {
            limit: limits.expanded_bytes,
        };
    }
    let said = errors.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    ReadError::Crashed {
        reason: format!(
            "the PDF reader stopped ({status}){}{}",
            if said.is_empty() { "" } else { ": " },
            said.chars().take(160).collect::<String>()
        ),
    }
}

/// Reads up to `most` bytes, then drains the rest so the writer never
/// blocks; the flag says whether there was more.
fn bounded(stream: impl Read, most: u64) -> (Vec<u8>, bool) {
    let mut stream = stream;
    let mut kept = Vec::new();
    let _ = (&mut stream).take(most).read_to_end(&mut kept);
    let more = std::io::copy(&mut stream, &mut std::io::sink()).unwrap_or(0) > 0;
    (kept, more)
}

/// Waits for the child; past the deadline kills it and gives `None`.
fn wait(child: &mut Child, time: Duration) -> std::io::Result<Option<std::process::ExitStatus>> {
    let deadline = std::time::Instant::now().checked_add(time);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if deadline.is_some_and(|d| std::time::Instant::now() > d) {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The child's reply; `None` when there is none (it crashed) or it was cut.
fn parse(reply: &[u8], cut: bool) -> Option<Result<Extracted, ReadError>> {
    let (&kind, mut rest) = reply.split_first()?;
    if cut {
        return None;
    }
    match kind {
        b'E' => serde_json::from_slice::<Failure>(rest)
            .ok()
            .map(|f| Err(f.into())),
        b'P' => {
            let unreadable = number(&mut rest)?;
            let count = number(&mut rest)?;
            let mut pages = Vec::with_capacity(count.min(reply.len() / 8));
            for _ in 0..count {
                let len = number(&mut rest)?;
                let text = rest.get(..len)?;
                rest = &rest[len..];
                pages.push(String::from_utf8(text.to_vec()).ok()?);
            }
            Some(Ok(Extracted { pages, unreadable }))
        }
        _ => None,
    }
}

/// A little-endian `u64` at the start of `rest`, which moves past it.
fn number(rest: &mut &[u8]) -> Option<usize> {
    let (n, after) = rest.split_first_chunk::<8>()?;
    *rest = after;
    usize::try_from(u64::from_le_bytes(*n)).ok()
}

/// In a child (`CHILD_ENV` set): limits this process's address space, reads
/// a PDF from `input`, extracts it and writes the reply to `output`. `None`
/// when this process is not a child.
pub fn serve_child(input: impl Read, mut output: impl Write) -> Option<std::io::Result<()>> {
    let spec = std::env::var(CHILD_ENV).ok()?;
    let numbers: Vec<u64> = spec.split(' ').filter_map(|n| n.parse().ok()).collect();
    let &[left, expanded_bytes, seconds_per_file] = numbers.as_slice() else {
        return Some(Err(std::io::Error::other(format!(
            "{CHILD_ENV} is not understood"
        ))));
    };
    let limits = Limits {
        expanded_bytes,
        seconds_per_file,
        ..Limits::default()
    };
    let mut pdf = Vec::new();
    if let Err(e) = input.take(limits.file_bytes).read_to_end(&mut pdf) {
        return Some(Err(e));
    }
    limit_address_space(&limits, pdf.len());
    let budget = Budget::new(Limits {
        expanded_bytes: left,
        ..limits
    });
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(CHILD_THREADS);
    let result =
        std::panic::catch_unwind(|| extract(&pdf, &budget, threads)).unwrap_or_else(|panic| {
            Err(ReadError::Crashed {
                reason: panic_message(panic.as_ref()),
            })
        });
    Some(write_reply(&mut output, result))
}

fn write_reply(
    output: &mut impl Write,
    result: Result<Extracted, ReadError>,
) -> std::io::Result<()> {
    match result {
        Ok(Extracted { pages, unreadable }) => {
            output.write_all(b"P")?;
            output.write_all(&(unreadable as u64).to_le_bytes())?;
            output.write_all(&(pages.len() as u64).to_le_bytes())?;
            for page in &pages {
                output.write_all(&(page.len() as u64).to_le_bytes())?;
                output.write_all(page.as_bytes())?;
            }
        }
        Err(e) => {
            output.write_all(b"E")?;
            serde_json::to_writer(&mut *output, &Failure::from(e))
                .map_err(std::io::Error::other)?;
        }
    }
    output.flush()
}

/// The address space a child may use: a stack for each thread, the PDF
/// twice (its bytes and lopdf's objects) and what it may expand to (the
/// streams lopdf inflates and the text the pages give), above a base. With
/// the defaults and a small PDF, 768 MB, of which the stacks are mostly
/// never touched.
fn address_space(limits: &Limits, pdf: usize) -> u64 {
    let stacks = (CHILD_THREADS as u64 + 1).saturating_mul(READER_STACK as u64);
    BASE_ADDRESS_SPACE
        .saturating_add(stacks)
        .saturating_add((pdf as u64).saturating_mul(2))
        .saturating_add(limits.expanded_bytes)
}

#[cfg(unix)]
fn limit_address_space(limits: &Limits, pdf: usize) {
    let bytes = address_space(limits, pdf);
    let space = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // An allocation failure aborts; the parent reads that as the limit, and
    // there is nothing to learn from a core file of a hostile PDF.
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
fn limit_address_space(_: &Limits, _: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_travel_intact() {
        let mut wire = Vec::new();
        let pages = vec!["första sidan\n".to_owned(), String::new()];
        write_reply(
            &mut wire,
            Ok(Extracted {
                pages: pages.clone(),
                unreadable: 1,
            }),
        )
        .unwrap();
        let Some(Ok(back)) = parse(&wire, false) else {
            panic!("no pages")
        };
        assert_eq!((back.pages, back.unreadable), (pages, 1));
        assert!(parse(&wire[..wire.len() - 3], false).is_none());
        assert!(parse(&wire, true).is_none());
        let mut wire = Vec::new();
        write_reply(&mut wire, Err(ReadError::Expanded { limit: 7 })).unwrap();
        assert!(matches!(
            parse(&wire, false),
            Some(Err(ReadError::Expanded { limit: 7 }))
        ));
    }
}
