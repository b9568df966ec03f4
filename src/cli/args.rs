//! The command line as clap reads it: the commands and their options. The
//! values of `--format`, `--lang`, `--contract-type` and `--fail-on` are the
//! model's own enums.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use klausul::model::column::{Role, SheetKind};
use klausul::model::lang::Lang;
use klausul::model::output::OutputFormat;
use klausul::model::vocab::{ContractType, FailOn};

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
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check documents (files, directories, or - for stdin).
    Check(CheckArgs),
    /// Explain a requirement: what it requires, why, its source and examples.
    Explain {
        /// A requirement id such as AD-07.
        id: String,
        #[arg(long, default_value = "stockholm")]
        profile: String,
        #[arg(long, value_enum)]
        lang: Option<Lang>,
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
        lang: Option<Lang>,
    },
    /// Write a copy of each Word document with its weak and missing
    /// requirements as comments, and with --track-changes the safe fixes as
    /// tracked changes.
    Annotate(AnnotateArgs),
    /// Serve a page on this computer where documents are dropped, checked
    /// and reported, with the downloads; nothing leaves the computer.
    #[cfg(feature = "serve")]
    Serve(super::serve::ServeArgs),
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
    pub paths: Vec<PathBuf>,
    /// The format written to standard output.
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    /// Also write a report to a file, atomically: FORMAT=PATH (repeatable).
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub output: Vec<(OutputFormat, PathBuf)>,
    /// A built-in profile id or a profile file.
    #[arg(long)]
    pub profile: Option<String>,
    /// Say what kind of contract this is instead of reading it from the text.
    #[arg(long, value_enum)]
    pub contract_type: Option<ContractType>,
    /// The lowest severity that makes the exit status 1 (default error).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// The suppression file (default: klausul-suppressions.toml beside the configuration).
    #[arg(long, value_name = "PATH")]
    pub suppressions: Option<PathBuf>,
    /// Report only findings that this baseline does not hold.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record this run's findings as a baseline.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Check only the files git reports as changed since this revision.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// What every spreadsheet is, instead of telling it from its headers.
    #[arg(long, value_enum)]
    pub sheet_kind: Option<SheetKindArg>,
    /// Spreadsheet columns by role: type=Avtalstyp,value="Värde tkr" (wins
    /// over the configuration and over guessing).
    #[arg(long, value_name = "ROLE=HEADER,...", value_parser = parse_columns)]
    pub columns: Option<Vec<(String, String)>>,
    /// Let a run that finds no document to check pass (exit 0); without it
    /// such a run is an error, so a gate never passes on nothing.
    #[arg(long)]
    pub allow_empty: bool,
    /// Apply no klausul-ignore written inside a document: a supplier's
    /// document does not get to suppress its own findings.
    #[arg(long)]
    pub no_inline_suppressions: bool,
    /// Read links in walked folders whose target lies outside the folder
    /// walked (by default they are skipped and listed).
    #[arg(long)]
    pub follow_links: bool,
    #[command(flatten)]
    pub filing: FilingArgs,
}

/// How reports are written for filing, and how strict a folder audit is.
#[derive(Debug, Default, clap::Args)]
pub struct FilingArgs {
    /// The CSV's field separator (default: semicolon in Swedish, comma in
    /// English, as Excel expects).
    #[arg(long, value_enum, value_name = "SEPARATOR")]
    pub csv_delimiter: Option<CsvDelimiter>,
    /// Whether the CSV starts with a UTF-8 byte-order mark (default true, so
    /// Excel reads å, ä and ö).
    #[arg(long, value_name = "true|false", action = clap::ArgAction::Set)]
    pub csv_bom: Option<bool>,
    /// Make a document-like file that a folder walk skips (.doc, .rtf, …)
    /// an input error: exit 2.
    #[arg(long)]
    pub strict: bool,
}

/// A value of `--csv-delimiter`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CsvDelimiter {
    Comma,
    Semicolon,
    Tab,
}

impl CsvDelimiter {
    pub const fn char(self) -> char {
        match self {
            Self::Comma => ',',
            Self::Semicolon => ';',
            Self::Tab => '\t',
        }
    }
}

#[derive(Debug, Default, clap::Args)]
pub struct AnnotateArgs {
    /// Word documents (DOCX), or folders of them with --output-dir.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The copy to write (one document); replaced atomically, never an input.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "OUT.docx",
        conflicts_with = "output_dir"
    )]
    pub output: Option<PathBuf>,
    /// Write each copy here, at its path below the folder given.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Also make the safe fixes as tracked changes (author "klausul").
    #[arg(long)]
    pub track_changes: bool,
    /// Annotate a signed or macro-enabled document anyway.
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub profile: Option<String>,
    /// The lowest severity that makes the exit status 1 (default error).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// The language of the comments (default Swedish).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Apply no klausul-ignore written inside a document.
    #[arg(long)]
    pub no_inline_suppressions: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SuggestFormat {
    Markdown,
    Docx,
}

/// `SheetKind` as a value of `--sheet-kind`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SheetKindArg {
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
        if Role::from_key(role).is_none() {
            return Err(format!(
                "unknown column role \"{role}\"; use {}",
                Role::keys().join(", ")
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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
