//! Arguments (clap), then the commands: `check`, `explain`, `profiles`.

use std::fmt::Write as _;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use klausul::check::{suggestion, CheckOptions};
use klausul::input::collect;
use klausul::lang::Lang;
use klausul::profile::{Profile, BUILTIN};
use klausul::render::{human, json};
use klausul::report::{ContractType, Severity, Summary};
use klausul::run::{check_each, profile_ref};
use miette::{GraphicalReportHandler, GraphicalTheme};

#[derive(Debug, Parser)]
#[command(
    name = "klausul",
    version,
    about = "Checks procurement documents against Stockholm's anti-discrimination clause"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check documents (files, directories, or - for stdin).
    Check(CheckArgs),
    /// Explain a requirement: what it requires, why, its source and examples.
    Explain {
        /// A requirement id such as AD-07.
        id: String,
        #[arg(long, default_value = "stockholm")]
        profile: String,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// List the built-in profiles.
    Profiles,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or directories to check; - reads stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
    /// A built-in profile id or a profile file.
    #[arg(long, default_value = "stockholm")]
    profile: String,
    /// Say what kind of contract this is instead of reading it from the text.
    #[arg(long, value_enum)]
    contract_type: Option<ContractTypeArg>,
    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ContractTypeArg {
    Services,
    Works,
    Goods,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Sv,
    En,
}

fn lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Sv) => Lang::Sv,
        Some(LangArg::En) => Lang::En,
        None => std::env::var("LANG").map_or(Lang::Sv, |l| Lang::from_locale(&l)),
    }
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

/// Writes a diagnostic to stderr.
fn report_error(error: &dyn miette::Diagnostic) {
    let theme = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    let _ = GraphicalReportHandler::new_themed(theme)
        .with_width(width())
        .render_report(&mut out, error);
    let _ = std::io::stderr().write_all(out.as_bytes());
}

fn write_stdout(text: &str) -> ExitCode {
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Explain {
            id,
            profile,
            lang: l,
        } => explain(&id, &profile, lang(l)),
        Command::Profiles => profiles(),
    }
}

fn load_profile(name: &str) -> Option<Profile> {
    match Profile::load(name) {
        Ok(p) => Some(p),
        Err(e) => {
            report_error(&e);
            None
        }
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    let Some(profile) = load_profile(&args.profile) else {
        return ExitCode::from(2);
    };
    let options = CheckOptions {
        lang: lang(args.lang),
        contract_type: args.contract_type.map(|c| match c {
            ContractTypeArg::Services => ContractType::Services,
            ContractTypeArg::Works => ContractType::Works,
            ContractTypeArg::Goods => ContractType::Goods,
        }),
    };
    let fail_on = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let inputs = collect(&args.paths, || {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    });
    let style = human::Style {
        color: color(),
        width: width(),
        lang: options.lang,
    };
    let json = matches!(args.format, FormatArg::Json);
    let mut out = Output::default();
    if json {
        out.write(json::head(&profile_ref(&profile)));
    }
    let mut summary = Summary::default();
    check_each(&inputs, &profile, &options, fail_on, |outcome| {
        if let Some(e) = &outcome.error {
            report_error(e);
        }
        let first = summary.documents == 0;
        summary.add(&outcome.report);
        if json {
            out.write(json::document(&outcome.report, first));
        } else {
            out.write(Ok(human::render_document(&outcome.report, style)));
        }
    });
    if json {
        out.write(json::tail(&summary, summary.documents > 0));
    } else {
        out.write(Ok(human::render_summary(&summary, style)));
    }
    if out.failed {
        return ExitCode::from(2);
    }
    ExitCode::from(summary.exit_code())
}

/// Standard output as the report is written to it, piece by piece. A reader
/// that goes away (a closed pipe) is no error; anything else that stops the
/// report is, and makes the exit status 2.
#[derive(Default)]
struct Output {
    closed: bool,
    failed: bool,
}

impl Output {
    fn write(&mut self, piece: serde_json::Result<String>) {
        if self.closed || self.failed {
            return;
        }
        let Ok(text) = piece else {
            self.failed = true;
            return;
        };
        match std::io::stdout().lock().write_all(text.as_bytes()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => self.closed = true,
            Err(_) => self.failed = true,
        }
    }
}

fn explain(id: &str, profile_name: &str, lang: Lang) -> ExitCode {
    let Some(profile) = load_profile(profile_name) else {
        return ExitCode::from(2);
    };
    let Some(r) = profile.requirement(id) else {
        let ids: Vec<&str> = profile
            .all_requirements()
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        eprintln!(
            "error: no requirement {id} in profile {}; it has {}",
            profile.id,
            ids.join(", ")
        );
        return ExitCode::from(2);
    };
    let (what, why, source, binding, weak, suggested) = match lang {
        Lang::Sv => (
            "Vad kravet innebär",
            "Varför det spelar roll",
            "Källa",
            "Exempel på bindande formulering",
            "Exempel på svag formulering",
            "Föreslagen formulering",
        ),
        Lang::En => (
            "What it requires",
            "Why it matters",
            "Source",
            "Example of binding wording",
            "Example of weak wording",
            "Suggested wording",
        ),
    };
    let example = |status: klausul::report::Status| {
        r.examples
            .iter()
            .find(|e| e.status == status)
            .map_or_else(String::new, |e| {
                e.text
                    .trim()
                    .lines()
                    .map(|l| format!("    {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
    };
    let mut out = format!(
        "{} {} ({}, {})\n{}\n\n",
        r.id,
        r.name,
        profile.id,
        r.severity.name(),
        r.summary.get(lang)
    );
    for (title, body) in [
        (what, r.explanation.requires.get(lang).to_owned()),
        (why, r.explanation.why.get(lang).to_owned()),
        (source, r.explanation.source.get(lang).to_owned()),
        (binding, example(klausul::report::Status::Met)),
        (weak, example(klausul::report::Status::Weak)),
        (suggested, suggestion(&profile, r, lang)),
    ] {
        let _ = write!(out, "## {title}\n{}\n\n", body.trim_end());
    }
    write_stdout(&out)
}

fn profiles() -> ExitCode {
    let mut out = String::new();
    for (id, _) in BUILTIN {
        match Profile::load(id) {
            Ok(p) => {
                let n = p.requirements().count();
                let _ = writeln!(out, "{id}\t{}\t{n} requirements\t{}", p.version, p.name.en);
            }
            Err(e) => {
                report_error(&e);
                return ExitCode::from(2);
            }
        }
    }
    write_stdout(&out)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
