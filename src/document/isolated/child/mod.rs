//! A reader in a child process with an address-space limit: for readers of
//! libraries that allocate what a hostile file asks for before anything can
//! be counted (pdf-extract's graphics states, calamine's xls cells), loop,
//! or cannot be asked to stop. Past its address space the child's allocator
//! fails, and that is reported as the `expanded_mb` error; a child that runs
//! past the time limit is killed rather than left running, as a thread must
//! be.
//!
//! The binary names itself as the program to run (`use_child_processes`)
//! and answers as a child when started with `CHILD_ENV` (`Request::from_env`
//! and `serve`, which `input::serve_child` calls with the job's reader). The
//! child reads the file on its standard input and writes a reply on its
//! standard output: `O` and what the job's reader gave, or `E` and the error
//! as JSON. What the job gives is the job's own business.
//!
//! Here the parent's side; the child's is `serve`, and the reply between
//! them `wire`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use super::READER_STACK;
use crate::document::error::ReadError;
use crate::model::limits::{Budget, Limits};

mod serve;
mod wire;

pub use serve::{serve, Request};
pub use wire::number;
use wire::parse;

/// Set in a child's environment: the job, the expanded bytes left to it,
/// the whole `expanded_mb` limit, its time in seconds, the `cells` limit and
/// the size limit of a file, separated by spaces.
pub const CHILD_ENV: &str = "KLAUSUL_CHILD";

static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Room for the program itself, its libraries, the allocator's own
/// reservations and a page's operators, besides the file and what it
/// expands to.
const BASE_ADDRESS_SPACE: u64 = 192 << 20;

/// Threads a PDF child reads pages on. Each reserves a stack of address
/// space that the heap could use instead once the stack is not needed, so few.
pub const PDF_THREADS: usize = 4;

/// What a child's standard error may hold before the rest is dropped.
const STDERR_KEPT: u64 = 16 << 10;

/// What a child is asked to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// A PDF's pages, with pdf-extract.
    Pdf,
    /// A legacy Excel workbook, with calamine, which builds every sheet whole
    /// (and reserves what a sheet's dimensions record claims) before a cell
    /// can be counted.
    Xls,
}

impl Job {
    const fn name(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Xls => "xls",
        }
    }

    fn parse(name: &str) -> Option<Self> {
        [Self::Pdf, Self::Xls]
            .into_iter()
            .find(|j| j.name() == name)
    }

    /// The address space a child may use: a stack for each thread and the
    /// file and what it may expand to, above a base. A PDF is held twice (its
    /// bytes and lopdf's objects); an xls eight times (its bytes, the
    /// workbook stream calamine copies out, and calamine's cells, each
    /// several times the bytes of its record, in a list and then in a sheet).
    /// With the defaults and a small file, 768 MB for a PDF, of which the
    /// stacks are mostly never touched, and 512 MB for an xls.
    fn address_space(self, limits: &Limits, input: usize) -> u64 {
        let (threads, copies) = match self {
            Self::Pdf => (PDF_THREADS as u64, 2),
            Self::Xls => (0, 8),
        };
        BASE_ADDRESS_SPACE
            .saturating_add((threads + 1).saturating_mul(READER_STACK as u64))
            .saturating_add((input as u64).saturating_mul(copies))
            .saturating_add(limits.expanded_bytes)
    }
}

/// Makes the readers that can run in a child process do so from now on,
/// running `program` (this binary).
pub fn use_child_processes(program: PathBuf) {
    let _ = PROGRAM.set(program);
}

/// The program to run as a child, when the readers are to use one.
pub fn program() -> Option<&'static Path> {
    PROGRAM.get().map(PathBuf::as_path)
}

/// Has `job` read `input` in a child process, within what is left of
/// `budget`, and gives what the job's reader replied.
///
/// # Errors
/// The child's error, its crash, or the time running out.
pub fn in_child(
    program: &Path,
    job: Job,
    input: &[u8],
    limits: Limits,
    budget: &Budget,
) -> Result<Vec<u8>, ReadError> {
    let left = limits.expanded_bytes.saturating_sub(budget.spent());
    let mut child = spawn(program, job, left, limits).map_err(|e| crashed(job, &e))?;
    let (stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
    // The reply holds at most what the budget allows, the file again (a
    // sheet's numbers), and its lengths (fewer than bytes in the file).
    let most = left
        .saturating_add((input.len() as u64).saturating_mul(2))
        .saturating_add(1 << 20);
    let (reply, errors, status) = std::thread::scope(|scope| {
        scope.spawn(move || stdin.map(|mut s| s.write_all(input)));
        let reply = scope.spawn(move || stdout.map(|s| bounded(s, most)));
        let errors = scope.spawn(move || stderr.map(|s| bounded(s, STDERR_KEPT)));
        let status = wait(&mut child, budget.time_left());
        (reply.join(), errors.join(), status)
    });
    let status = status
        .map_err(|e| crashed(job, &e))?
        .ok_or(ReadError::TimedOut {
            seconds: limits.seconds_per_file,
        })?;
    let (reply, cut) = reply.ok().flatten().unwrap_or_default();
    if let Some(result) = parse(reply, cut) {
        return result;
    }
    let errors = errors.ok().flatten().unwrap_or_default().0;
    Err(failure(
        job,
        &String::from_utf8_lossy(&errors),
        status,
        limits,
    ))
}

fn crashed(job: Job, e: &std::io::Error) -> ReadError {
    ReadError::Crashed {
        reason: format!(
            "the {} reader could not run: {e}",
            job.name().to_uppercase()
        ),
    }
}

/// The child, told its job, how much it may expand (`left` of the file's
/// budget) and for how long.
fn spawn(program: &Path, job: Job, left: u64, limits: Limits) -> std::io::Result<Child> {
    Command::new(program)
        .env(
            CHILD_ENV,
            format!(
                "{} {left} {} {} {} {}",
                job.name(),
                limits.expanded_bytes,
                limits.seconds_per_file,
                limits.cells,
                limits.file_bytes
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
fn failure(job: Job, errors: &str, status: ExitStatus, limits: Limits) -> ReadError {
    // Past its address space the allocator fails, and Rust aborts so.
    if errors.contains("memory allocation of")
        || errors.contains("out of memory")
        || errors.contains("capacity overflow")
    {
        return ReadError::Expanded {
            limit: limits.expanded_bytes,
        };
    }
    let said = errors.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    ReadError::Crashed {
        reason: format!(
            "the {} reader stopped ({status}){}{}",
            job.name().to_uppercase(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_xls_child_may_use_less_than_a_pdf_child() {
        let limits = Limits::default();
        assert_eq!(Job::Xls.address_space(&limits, 0), 512 << 20);
        assert_eq!(Job::Pdf.address_space(&limits, 0), 768 << 20);
        assert_eq!(
            Job::Xls.address_space(&limits, 1 << 20),
            (512 << 20) + (8 << 20)
        );
    }
}
