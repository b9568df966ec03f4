//! The `klausul` command: parses arguments, runs the library, writes output
//! and sets the exit status (0 clean, 1 findings, 2 input/usage/profile error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
