//! The configuration: `klausul.toml`, found by walking up from the working
//! directory (or named by `--config` or `KLAUSUL_CONFIG`), validated once into
//! `Config`, with every value remembering where it came from so `klausul
//! config` can say. Command-line options are laid over it by the binary.

mod setting;
mod spec;
mod validate;

use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource};
use thiserror::Error;

use crate::model::lang::Lang;
use crate::model::limits::Limits;
use crate::model::output::OutputFormat;
use crate::model::vocab::{ContractType, Severity};
use crate::toml_file::{self, Error as FileError, Layer, Problem};
pub use setting::{Globs, Origin, Setting};
use spec::ConfigSpec;
use validate::Validator;

pub const FILE_NAME: &str = "klausul.toml";
pub const SUPPRESSIONS_FILE: &str = "klausul-suppressions.toml";
pub const ENV_VAR: &str = "KLAUSUL_CONFIG";

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The configuration file, if one was found or named.
    pub file: Option<PathBuf>,
    /// Paths in the configuration are relative to this directory.
    pub root: PathBuf,
    /// Whether the user named the file (`--config`, `KLAUSUL_CONFIG`): only
    /// then may its outputs lie outside its folder. A file found by walking
    /// up belongs to the repository, which is not trusted with that.
    pub trusted: bool,
    pub profile: Setting<String>,
    pub fail_on: Setting<Option<Severity>>,
    pub lang: Setting<Lang>,
    pub include: Setting<Globs>,
    pub exclude: Setting<Globs>,
    pub contract_types: Vec<(Globs, ContractType, Origin)>,
    pub columns: Vec<(String, String, Origin)>,
    pub outputs: Vec<(OutputFormat, PathBuf, Origin)>,
    pub suppressions: Setting<Option<PathBuf>>,
    /// Whether suppressions written inside documents apply; a supplier's
    /// document is not trusted to suppress its own findings.
    pub inline_suppressions: Setting<bool>,
    pub limits: Setting<Limits>,
    /// What `klausul serve` accepts in one upload (`[serve]`).
    pub serve: Setting<ServeLimits>,
}

/// `[serve]`: how much one upload to `klausul serve` may carry. The
/// `[limits]` apply to each file besides, as in the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeLimits {
    pub file_bytes: u64,
    pub files: usize,
    pub request_bytes: u64,
}

impl Default for ServeLimits {
    fn default() -> Self {
        const MB: u64 = 1024 * 1024;
        Self {
            file_bytes: 50 * MB,
            files: 20,
            request_bytes: 200 * MB,
        }
    }
}

#[derive(Debug, Error, Diagnostic)]
#[error("invalid configuration {file}")]
#[diagnostic(
    code(klausul::config),
    help("fix the configuration file; the README lists its keys")
)]
pub struct ConfigError {
    pub file: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[related]
    pub problems: Vec<Problem>,
}

impl ConfigError {
    /// Problems found in `text`, the contents of `file`.
    #[must_use]
    pub fn from_problems(file: &Path, text: &str, problems: Vec<Problem>) -> Self {
        Self::new(file.display().to_string(), text, problems)
    }

    fn new(file: String, text: &str, problems: Vec<Problem>) -> Self {
        Self {
            source_code: NamedSource::new(&file, text.to_owned()),
            file,
            problems,
        }
    }
}

impl From<FileError> for ConfigError {
    fn from(e: FileError) -> Self {
        match e {
            FileError::Unreadable { file, error } => Self::new(
                file,
                "",
                vec![Problem::at(format!("cannot read it: {error}"), None)],
            ),
            FileError::Invalid {
                file,
                text,
                problems,
            } => Self::new(file, &text, problems),
        }
    }
}

/// The configuration file to use: the one named (by `--config`, then by
/// `KLAUSUL_CONFIG`), else the nearest `klausul.toml` from `cwd` upwards.
#[must_use]
pub fn locate(named: Option<&Path>, env: Option<&str>, cwd: &Path) -> Option<PathBuf> {
    if let Some(path) = named {
        return Some(path.to_path_buf());
    }
    if let Some(path) = env.filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    cwd.ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

impl Config {
    /// Defaults only: no file. `LANG` decides the language.
    #[must_use]
    pub fn defaults(root: &Path, locale: Option<&str>) -> Self {
        let lang = match locale {
            Some(l) => Setting::new(Lang::from_locale(l), Origin::Environment("LANG")),
            None => Setting::new(Lang::default(), Origin::Default),
        };
        let suppressions = root.join(SUPPRESSIONS_FILE);
        Self {
            file: None,
            root: root.to_path_buf(),
            trusted: false,
            profile: Setting::new("stockholm".to_owned(), Origin::Default),
            fail_on: Setting::new(Some(Severity::Error), Origin::Default),
            lang,
            include: Setting::new(Globs::default(), Origin::Default),
            exclude: Setting::new(Globs::default(), Origin::Default),
            contract_types: Vec::new(),
            columns: Vec::new(),
            outputs: Vec::new(),
            suppressions: Setting::new(
                suppressions.is_file().then_some(suppressions),
                Origin::Default,
            ),
            inline_suppressions: Setting::new(true, Origin::Default),
            limits: Setting::new(Limits::default(), Origin::Default),
            serve: Setting::new(ServeLimits::default(), Origin::Default),
        }
    }

    /// Reads and validates a configuration file; every problem is reported
    /// at once, each at its line.
    ///
    /// # Errors
    /// An unreadable file, TOML errors, unknown keys, or bad values.
    pub fn load(path: &Path, locale: Option<&str>) -> Result<Self, ConfigError> {
        Self::validate(path, &toml_file::load(path)?, locale)
    }

    /// # Errors
    /// As `load`.
    pub fn parse(path: &Path, text: &str, locale: Option<&str>) -> Result<Self, ConfigError> {
        let file = toml_file::parse(&path.display().to_string(), text)?;
        Self::validate(path, &file, locale)
    }

    fn validate(
        path: &Path,
        file: &Layer<ConfigSpec>,
        locale: Option<&str>,
    ) -> Result<Self, ConfigError> {
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut config = Self::defaults(&root, locale);
        config.file = Some(path.to_path_buf());
        let mut v = Validator {
            path,
            text: &file.text,
            problems: Vec::new(),
        };
        v.apply(&file.spec, &mut config);
        if v.problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError::new(file.name.clone(), &file.text, v.problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_example_is_valid() {
        let text = r#"profile = "forordning-2006-260"
fail_on = "warning"
lang = "sv"
include = ["anbud/**"]
exclude = ["**/utkast/**"]

[contract_types]
"anbud/bygg/**" = "works"

[columns]
type = "Avtalstyp"
value = "Värde tkr"
"#;
        let c = Config::parse(Path::new("repo/klausul.toml"), text, None).unwrap();
        assert_eq!(c.profile.value, "forordning-2006-260");
        assert_eq!(c.fail_on.value, Some(Severity::Warning));
        assert_eq!(
            c.fail_on.origin,
            Origin::File(PathBuf::from("repo/klausul.toml"), 2)
        );
        assert!(c.exclude.value.is_match(Path::new("anbud/utkast/a.md")));
        assert!(c.contract_types[0]
            .0
            .is_match(Path::new("anbud/bygg/skola.docx")));
        assert_eq!(c.contract_types[0].1, ContractType::Works);
        assert_eq!(c.columns[1].1, "Värde tkr");
        assert_eq!(c.root, PathBuf::from("repo"));
    }

    #[test]
    fn an_empty_list_of_globs_is_the_key_left_out() {
        let text = "include = []\nexclude = []\ninline_suppressions = false\n";
        let c = Config::parse(Path::new("k.toml"), text, None).unwrap();
        assert!(c.include.value.patterns.is_empty());
        assert_eq!(c.include.origin, Origin::Default);
        assert!(c.exclude.value.patterns.is_empty());
        assert!(!c.inline_suppressions.value);
        assert_eq!(
            c.inline_suppressions.origin,
            Origin::File(PathBuf::from("k.toml"), 3)
        );
    }

    #[test]
    fn unknown_keys_and_bad_values_point_at_their_lines() {
        let e = Config::parse(Path::new("k.toml"), "fail_on = \"sometimes\"\n", None).unwrap_err();
        assert_eq!(e.problems.len(), 1);
        assert_eq!(
            e.problems[0].message,
            "fail_on is \"sometimes\"; use error, warning, info or never"
        );
        let e = Config::parse(
            Path::new("k.toml"),
            "lang = \"sv\"\nfail_onn = \"error\"\n",
            None,
        )
        .unwrap_err();
        assert_eq!(e.problems.len(), 1);
        assert!(
            e.problems[0]
                .message
                .starts_with("unknown field `fail_onn`"),
            "{}",
            e.problems[0].message
        );
        assert_eq!(e.problems[0].span.map(|s| s.offset()), Some(12));
    }
}
