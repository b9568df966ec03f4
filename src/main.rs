//! The `klausul` command: parses arguments, runs the library, writes output
//! and sets the exit status (0 clean, 1 findings, 2 input/usage/profile error).

mod cli;

use std::process::ExitCode;

/// Checking a folder allocates and frees one document's text, lines and
/// analysis after another on every core; mimalloc keeps that memory at hand
/// per thread, where the system allocator gave it back and faulted it in again.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Started by a reader to read one PDF or xls file: answer and go.
    if let Some(served) = klausul::input::serve_child(std::io::stdin(), std::io::stdout()) {
        return ExitCode::from(u8::from(served.is_err()) * 2);
    }
    quiet_reader_panics();
    if let Ok(me) = std::env::current_exe() {
        klausul::document::use_child_processes(me);
    }
    cli::main()
}

/// A panic in a reader thread is reported as that file's error; the
/// default hook would also print it to stderr, into the middle of the output.
fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let name = std::thread::current().name().map(str::to_owned);
        if name.as_deref() != Some(klausul::document::READER_THREAD) {
            default(info);
        }
    }));
}
