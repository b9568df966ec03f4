//! `klausul profiles`: the built-in profiles, one a line.

use std::fmt::Write as _;
use std::process::ExitCode;

use klausul::profile::{Profile, BUILTIN};

use super::diagnostic::report_error;
use super::write_stdout;

pub fn run() -> ExitCode {
    let mut out = String::new();
    for (id, _) in BUILTIN {
        match Profile::load(id) {
            Ok(p) => {
                let n = p.requirements().count();
                let _ = writeln!(
                    out,
                    "{id}\t{}\t{n} requirements\t{}",
                    p.version,
                    p.name.get(klausul::model::lang::Lang::En)
                );
            }
            Err(e) => {
                report_error(&e);
                return ExitCode::from(2);
            }
        }
    }
    write_stdout(&out)
}
