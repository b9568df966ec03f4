//! Arguments (clap), then the commands: `check`, `explain`, `profiles`,
//! `config`, `completions` and `man`.

mod changed;
mod check;
mod outputs;
mod show_config;

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use klausul::check::suggestion;
use klausul::config::Config;
use klausul::model::column::SheetKind;
use klausul::model::lang::Lang;
use klausul::model::output::OutputFormat;
use klausul::model::vocab::{ContractType, Severity};
use klausul::profile::{Profile, BUILTIN};
use miette::{GraphicalReportHandler, GraphicalTheme};

#[derive(Debug, Parser)]
#[command(
    name = "klausul",
    version,
    about = "Checks procurement documents against Stockholm's anti-discrimination clause"
)]
pub struct Cli {
    /// The configuration file; by default the nearest klausul.toml upwards
    /// from here, or the file `KLAUSUL_CONFIG` names.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
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
    /// Print the effective configuration and where each value comes from.
    Config,
    /// Write a complete suggested anti-discrimination section for a document,
    /// covering its weak and missing requirements.
    Suggest {
        /// The document.
        path: PathBuf,
        #[arg(long, value_enum, default_value = "markdown")]
        format: SuggestFormat,
        /// Write to this file instead of standard output (needed for docx).
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
        #[arg(long)]
        profile: Option<String>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
}

#[derive(Debug, Default, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check; - reads stdin. By default the
    /// configuration's directory, or the current one.
    paths: Vec<PathBuf>,
    /// The format written to standard output.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
    /// Also write a report to a file, atomically: FORMAT=PATH (repeatable).
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_output)]
    output: Vec<(OutputFormat, PathBuf)>,
    /// A built-in profile id or a profile file.
    #[arg(long)]
    profile: Option<String>,
    /// Say what kind of contract this is instead of reading it from the text.
    #[arg(long, value_enum)]
    contract_type: Option<ContractTypeArg>,
    /// The lowest severity that makes the exit status 1 (default error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The suppression file (default: klausul-suppressions.toml beside the configuration).
    #[arg(long, value_name = "PATH")]
    suppressions: Option<PathBuf>,
    /// Report only findings that this baseline does not hold.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record this run's findings as a baseline.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Check only the files git reports as changed since this revision.
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// What every spreadsheet is, instead of telling it from its headers.
    #[arg(long, value_enum)]
    sheet_kind: Option<SheetKindArg>,
    /// Spreadsheet columns by role: type=Avtalstyp,value="Värde tkr" (wins
    /// over the configuration and over guessing).
    #[arg(long, value_name = "ROLE=HEADER,...", value_parser = parse_columns)]
    columns: Option<Vec<(String, String)>>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SuggestFormat {
    Markdown,
    Docx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SheetKindArg {
    Catalogue,
    Register,
}

impl From<SheetKindArg> for SheetKind {
    fn from(k: SheetKindArg) -> Self {
        match k {
            SheetKindArg::Catalogue => Self::Catalogue,
            SheetKindArg::Register => Self::Register,
        }
    }
}

fn parse_columns(s: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for part in s.split(',').filter(|p| !p.trim().is_empty()) {
        let (role, header) = part
            .split_once('=')
            .ok_or_else(|| format!("expected ROLE=HEADER, got \"{part}\""))?;
        let role = role.trim();
        if klausul::model::column::Role::from_key(role).is_none() {
            return Err(format!(
                "unknown column role \"{role}\"; use {}",
                klausul::model::column::Role::keys().join(", ")
            ));
        }
        out.push((role.to_owned(), header.trim().trim_matches('"').to_owned()));
    }
    Ok(out)
}

fn parse_output(s: &str) -> Result<(OutputFormat, PathBuf), String> {
    let (format, path) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH, got \"{s}\""))?;
    let format = OutputFormat::from_name(format).ok_or_else(|| {
        format!(
            "unknown format \"{format}\"; use {}",
            OutputFormat::ALL.map(OutputFormat::name).join(", ")
        )
    })?;
    if path.is_empty() {
        return Err("the path is empty".to_owned());
    }
    Ok((format, PathBuf::from(path)))
}

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
enum FormatArg {
    #[default]
    Human,
    Json,
    Sarif,
    Junit,
    Github,
    Gitlab,
    Html,
    Markdown,
    Csv,
}

impl From<FormatArg> for OutputFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Human => Self::Human,
            FormatArg::Json => Self::Json,
            FormatArg::Sarif => Self::Sarif,
            FormatArg::Junit => Self::Junit,
            FormatArg::Github => Self::Github,
            FormatArg::Gitlab => Self::Gitlab,
            FormatArg::Html => Self::Html,
            FormatArg::Markdown => Self::Markdown,
            FormatArg::Csv => Self::Csv,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ContractTypeArg {
    Services,
    Works,
    Goods,
}

impl From<ContractTypeArg> for ContractType {
    fn from(c: ContractTypeArg) -> Self {
        match c {
            ContractTypeArg::Services => Self::Services,
            ContractTypeArg::Works => Self::Works,
            ContractTypeArg::Goods => Self::Goods,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    const fn threshold(self) -> Option<Severity> {
        match self {
            Self::Error => Some(Severity::Error),
            Self::Warning => Some(Severity::Warning),
            Self::Info => Some(Severity::Info),
            Self::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Sv,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Sv => Self::Sv,
            LangArg::En => Self::En,
        }
    }
}

fn locale() -> Option<String> {
    std::env::var("LANG").ok().filter(|l| !l.is_empty())
}

fn lang(arg: Option<LangArg>) -> Lang {
    arg.map_or_else(
        || locale().map_or(Lang::Sv, |l| Lang::from_locale(&l)),
        Lang::from,
    )
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

/// `klausul suggest`: the document's weak and missing requirements as one
/// section in the tool's wording.
fn suggest(
    args: &CheckArgs,
    named: Option<&Path>,
    format: SuggestFormat,
    output: Option<&Path>,
) -> ExitCode {
    let Some(config) = load_config(named, args) else {
        return ExitCode::from(2);
    };
    let profile = match Profile::load(&config.profile.value) {
        Ok(p) => p,
        Err(e) => {
            report_error(&e);
            return ExitCode::from(2);
        }
    };
    let plan = klausul::run::Plan::new(&profile, config.lang.value, config.fail_on.value);
    let input = klausul::input::Input::File(args.paths[0].clone());
    let outcome = klausul::run::check_one(&input, &plan);
    if let Some(e) = &outcome.error {
        report_input_error(e, config.lang.value);
        return ExitCode::from(2);
    }
    let section =
        klausul::render::suggest::suggestion(&outcome.report, &profile, config.lang.value);
    let bytes = match format {
        SuggestFormat::Markdown => section.markdown().into_bytes(),
        SuggestFormat::Docx => match section.docx() {
            Ok(b) => b,
            Err(e) => {
                warn(&format!("error: {e}"));
                return ExitCode::from(2);
            }
        },
    };
    match output {
        Some(path) => match std::fs::write(path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                warn(&format!("error: cannot write {}: {e}", path.display()));
                ExitCode::from(2)
            }
        },
        None if matches!(format, SuggestFormat::Docx) && std::io::stdout().is_terminal() => {
            warn("error: a Word file is not shown on a terminal; give --output PATH");
            ExitCode::from(2)
        }
        None => match std::io::stdout().write_all(&bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        },
    }
}

/// An input's error in the user's language, keeping its code.
#[derive(Debug)]
struct Localized<'e> {
    inner: &'e klausul::input::InputError,
    message: String,
    help: Option<&'static str>,
}

impl std::fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Localized<'_> {}

impl miette::Diagnostic for Localized<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        miette::Diagnostic::code(self.inner)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help.map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
}

/// Writes an input's error to stderr in the user's language.
fn report_input_error(error: &klausul::input::InputError, lang: Lang) {
    report_error(&Localized {
        inner: error,
        message: error.describe(lang),
        help: error.advice(lang),
    });
}

/// Writes one line to stderr.
fn warn(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
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
            Ok(c) => c,
            Err(e) => {
                report_error(&e);
                return None;
            }
        },
        None => Config::defaults(Path::new("."), locale.as_deref()),
    };
    config.profile.cli(args.profile.clone());
    config.fail_on.cli(args.fail_on.map(FailOn::threshold));
    config.lang.cli(args.lang.map(Lang::from));
    config.suppressions.cli(args.suppressions.clone().map(Some));
    Some(config)
}

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
        } => explain(&id, &profile, lang(l)),
        Command::Profiles => profiles(),
        Command::Config => show_config::run(config),
        Command::Suggest {
            path,
            format,
            output,
            profile,
            lang: l,
        } => {
            let args = CheckArgs {
                paths: vec![path],
                profile,
                lang: l,
                ..CheckArgs::default()
            };
            suggest(&args, config, format, output.as_deref())
        }
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

fn explain(id: &str, profile_name: &str, lang: Lang) -> ExitCode {
    let profile = match Profile::load(profile_name) {
        Ok(p) => Some(p),
        Err(e) => {
            report_error(&e);
            None
        }
    };
    let Some(profile) = profile else {
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
    let example = |status: klausul::model::vocab::Status| {
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
        (binding, example(klausul::model::vocab::Status::Met)),
        (weak, example(klausul::model::vocab::Status::Weak)),
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
                let _ = writeln!(
                    out,
                    "{id}\t{}\t{n} requirements\t{}",
                    p.version,
                    p.name.get(Lang::En)
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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
