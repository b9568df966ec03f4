//! The `klausul` command: arguments (`args`), one file per command (`check`,
//! `explain`, `profiles`, `config`, `suggest`), and the error printer
//! (`diagnostic`). Here: choosing the command, and what every command reads
//! from the environment.

mod annotate;
mod args;
mod changed;
mod check;
mod diagnostic;
mod explain;
mod guard;
mod inputs;
mod outputs;
mod profiles;
#[cfg(feature = "serve")]
mod serve;
mod show_config;
mod suggest;
mod targets;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use klausul::config::Config;
use klausul::model::lang::Lang;
use klausul::model::vocab::FailOn;

use args::{CheckArgs, Cli, Command};
use diagnostic::report_error;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let config = cli.config.as_deref();
    match cli.command {
        Command::Check(args) => check::run(&args, config),
        Command::Explain {
            id,
            profile,
            lang: l,
        } => explain::run(&id, &profile, lang(l)),
        Command::Profiles => profiles::run(),
        Command::Config => show_config::run(config),
        Command::Suggest {
            path,
            format,
            output,
            profile,
            lang,
        } => {
            let args = CheckArgs {
                paths: vec![path],
                profile,
                lang,
                ..CheckArgs::default()
            };
            suggest::run(&args, config, format, output.as_deref())
        }
        Command::Annotate(args) => annotate::run(&args, config),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&args, config),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "klausul", &mut out);
            write_stdout(&String::from_utf8_lossy(&out))
        }
        Command::Man => {
            let mut out = Vec::new();
            if clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .is_err()
            {
                return ExitCode::from(2);
            }
            write_stdout(&String::from_utf8_lossy(&out))
        }
    }
}

fn locale() -> Option<String> {
    std::env::var("LANG").ok().filter(|l| !l.is_empty())
}

/// The language asked for, else the locale's, else Swedish.
fn lang(arg: Option<Lang>) -> Lang {
    arg.unwrap_or_else(|| locale().map_or_else(Lang::default, |l| Lang::from_locale(&l)))
}

fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn write_stdout(text: &str) -> ExitCode {
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

/// The configuration from its file (if any) with the command line laid over it.
fn load_config(named: Option<&Path>, args: &CheckArgs) -> Option<Config> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let env = std::env::var(klausul::config::ENV_VAR).ok();
    let locale = locale();
    let mut config = match klausul::config::locate(named, env.as_deref(), &cwd) {
        Some(path) => match Config::load(&path, locale.as_deref()) {
            Ok(c) => Config {
                trusted: named.is_some() || env.as_deref().is_some_and(|e| !e.is_empty()),
                ..c
            },
            Err(e) => {
                report_error(&e);
                return None;
            }
        },
        None => Config::defaults(Path::new("."), locale.as_deref()),
    };
    config.profile.cli(args.profile.clone());
    config.fail_on.cli(args.fail_on.map(FailOn::threshold));
    config.lang.cli(args.lang);
    config.suppressions.cli(args.suppressions.clone().map(Some));
    config
        .inline_suppressions
        .cli(args.no_inline_suppressions.then_some(false));
    Some(config)
}
