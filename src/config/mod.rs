//! The configuration: `klausul.toml`, found by walking up from the working
//! directory (or named by `--config` or `KLAUSUL_CONFIG`), validated once into
//! `Config`, with every value remembering where it came from so `klausul
//! config` can say. Command-line options are laid over it by the binary.

mod spec;

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use miette::{Diagnostic, NamedSource};
use thiserror::Error;

use crate::model::lang::Lang;
use crate::model::limits::Limits;
use crate::model::output::OutputFormat;
use crate::model::vocab::{ContractType, Severity};
use crate::profile::error::Problem;
use crate::sheet::columns::Role;
use spec::{ConfigSpec, LimitsSpec};

pub const FILE_NAME: &str = "klausul.toml";
pub const SUPPRESSIONS_FILE: &str = "klausul-suppressions.toml";
pub const ENV_VAR: &str = "KLAUSUL_CONFIG";

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// The environment variable named.
    Environment(&'static str),
    /// The configuration file, at a 1-based line.
    File(PathBuf, usize),
    CommandLine,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Default => f.write_str("default"),
            Self::Environment(var) => write!(f, "environment ({var})"),
            Self::File(path, line) => write!(f, "{}:{line}", path.display()),
            Self::CommandLine => f.write_str("command line"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    pub const fn new(value: T, origin: Origin) -> Self {
        Self { value, origin }
    }

    /// Replaces the value when the command line gave one.
    pub fn cli(&mut self, value: Option<T>) {
        if let Some(value) = value {
            *self = Self::new(value, Origin::CommandLine);
        }
    }
}

/// Globs for paths relative to the configuration's directory.
#[derive(Debug, Clone, Default)]
pub struct Globs {
    pub patterns: Vec<String>,
    set: GlobSet,
}

impl Globs {
    fn new(patterns: Vec<String>) -> Result<Self, globset::Error> {
        let mut builder = GlobSetBuilder::new();
        for p in &patterns {
            builder.add(Glob::new(p)?);
        }
        Ok(Self {
            patterns,
            set: builder.build()?,
        })
    }

    #[must_use]
    pub fn is_match(&self, relative: &Path) -> bool {
        self.set.is_match(relative)
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The configuration file, if one was found or named.
    pub file: Option<PathBuf>,
    /// Paths in the configuration are relative to this directory.
    pub root: PathBuf,
    pub profile: Setting<String>,
    pub fail_on: Setting<Option<Severity>>,
    pub lang: Setting<Lang>,
    pub include: Setting<Globs>,
    pub exclude: Setting<Globs>,
    pub contract_types: Vec<(Globs, ContractType, Origin)>,
    pub columns: Vec<(String, String, Origin)>,
    pub outputs: Vec<(OutputFormat, PathBuf, Origin)>,
    pub suppressions: Setting<Option<PathBuf>>,
    pub limits: Setting<Limits>,
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
        Self::new(file, text, problems)
    }

    fn new(file: &Path, text: &str, problems: Vec<Problem>) -> Self {
        let name = file.display().to_string();
        Self {
            source_code: NamedSource::new(&name, text.to_owned()),
            file: name,
            problems,
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
            None => Setting::new(Lang::Sv, Origin::Default),
        };
        let suppressions = root.join(SUPPRESSIONS_FILE);
        Self {
            file: None,
            root: root.to_path_buf(),
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
            limits: Setting::new(Limits::default(), Origin::Default),
        }
    }

    /// Reads and validates a configuration file; every problem is reported
    /// at once, each at its line.
    ///
    /// # Errors
    /// An unreadable file, TOML errors, unknown keys, or bad values.
    pub fn load(path: &Path, locale: Option<&str>) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                path,
                "",
                vec![Problem::at(format!("cannot read it: {e}"), None)],
            )
        })?;
        Self::parse(path, &text, locale)
    }

    /// # Errors
    /// As `load`.
    pub fn parse(path: &Path, text: &str, locale: Option<&str>) -> Result<Self, ConfigError> {
        let spec: ConfigSpec = toml::from_str(text).map_err(|e| {
            ConfigError::new(
                path,
                text,
                vec![Problem::at(e.message().to_owned(), e.span())],
            )
        })?;
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut config = Self::defaults(&root, locale);
        config.file = Some(path.to_path_buf());
        let mut v = Validator {
            path,
            text,
            problems: Vec::new(),
        };
        v.apply(&spec, &mut config);
        if v.problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError::new(path, text, v.problems))
        }
    }
}

struct Validator<'a> {
    path: &'a Path,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Validator<'_> {
    fn origin(&self, span: std::ops::Range<usize>) -> Origin {
        let line = self.text[..span.start.min(self.text.len())]
            .matches('\n')
            .count()
            + 1;
        Origin::File(self.path.to_path_buf(), line)
    }

    fn problem(&mut self, message: String, span: std::ops::Range<usize>) {
        self.problems.push(Problem::at(message, Some(span)));
    }

    fn apply(&mut self, spec: &ConfigSpec, c: &mut Config) {
        if let Some(p) = &spec.profile {
            c.profile = Setting::new(p.get_ref().clone(), self.origin(p.span()));
        }
        if let Some(f) = &spec.fail_on {
            match parse_fail_on(f.get_ref()) {
                Some(value) => c.fail_on = Setting::new(value, self.origin(f.span())),
                None => self.problem(
                    format!(
                        "fail_on is \"{}\"; use error, warning, info or never",
                        f.get_ref()
                    ),
                    f.span(),
                ),
            }
        }
        if let Some(l) = &spec.lang {
            match l.get_ref().as_str() {
                "sv" => c.lang = Setting::new(Lang::Sv, self.origin(l.span())),
                "en" => c.lang = Setting::new(Lang::En, self.origin(l.span())),
                other => self.problem(format!("lang is \"{other}\"; use sv or en"), l.span()),
            }
        }
        if let Some(list) = &spec.include {
            if let Some(globs) = self.globs(list) {
                c.include = Setting::new(globs, self.origin(list[0].span()));
            }
        }
        if let Some(list) = &spec.exclude {
            if let Some(globs) = self.globs(list) {
                c.exclude = Setting::new(globs, self.origin(list[0].span()));
            }
        }
        if let Some(s) = &spec.suppressions {
            c.suppressions = Setting::new(Some(c.root.join(s.get_ref())), self.origin(s.span()));
        }
        for (glob, kind) in &spec.contract_types {
            let Some(globs) = self.globs(std::slice::from_ref(glob)) else {
                continue;
            };
            match ContractType::parse(kind.get_ref()) {
                Some(t @ (ContractType::Services | ContractType::Works | ContractType::Goods)) => {
                    c.contract_types.push((globs, t, self.origin(glob.span())));
                }
                _ => self.problem(
                    format!(
                        "contract type \"{}\"; use services, works or goods",
                        kind.get_ref()
                    ),
                    kind.span(),
                ),
            }
        }
        for (role, header) in &spec.columns {
            if Role::from_key(role.get_ref()).is_some() {
                c.columns.push((
                    role.get_ref().clone(),
                    header.get_ref().clone(),
                    self.origin(role.span()),
                ));
            } else {
                self.problem(
                    format!(
                        "unknown column \"{}\"; known: {}",
                        role.get_ref(),
                        Role::keys().join(", ")
                    ),
                    role.span(),
                );
            }
        }
        for (format, path) in &spec.outputs {
            match OutputFormat::from_name(format.get_ref()) {
                Some(f) => {
                    c.outputs
                        .push((f, c.root.join(path.get_ref()), self.origin(format.span())));
                }
                None => self.problem(
                    format!(
                        "unknown output format \"{}\"; use {}",
                        format.get_ref(),
                        OutputFormat::ALL.map(OutputFormat::name).join(", ")
                    ),
                    format.span(),
                ),
            }
        }
        if let Some(limits) = &spec.limits {
            self.limits(limits, c);
        }
    }

    fn globs(&mut self, list: &[toml::Spanned<String>]) -> Option<Globs> {
        let mut ok = true;
        for g in list {
            if let Err(e) = Glob::new(g.get_ref()) {
                self.problem(format!("bad glob: {}", e.kind()), g.span());
                ok = false;
            }
        }
        ok.then(|| Globs::new(list.iter().map(|g| g.get_ref().clone()).collect()).ok())
            .flatten()
    }

    fn limits(&mut self, spec: &LimitsSpec, c: &mut Config) {
        const MB: u64 = 1024 * 1024;
        let mut limits = c.limits.value;
        let mut first = None;
        let mut set = |value: &Option<toml::Spanned<u64>>, apply: &mut dyn FnMut(u64)| {
            if let Some(v) = value {
                first.get_or_insert(v.span());
                apply(*v.get_ref());
            }
        };
        set(&spec.file_mb, &mut |v| {
            limits.file_bytes = v.saturating_mul(MB);
        });
        set(&spec.part_mb, &mut |v| {
            limits.part_bytes = v.saturating_mul(MB);
        });
        set(&spec.package_mb, &mut |v| {
            limits.package_bytes = v.saturating_mul(MB);
        });
        set(&spec.xml_depth, &mut |v| {
            limits.xml_depth = usize::try_from(v).unwrap_or(usize::MAX);
        });
        set(&spec.cells, &mut |v| limits.cells = v);
        set(&spec.expanded_mb, &mut |v| {
            limits.expanded_bytes = v.saturating_mul(MB);
        });
        set(&spec.seconds_per_file, &mut |v| {
            limits.seconds_per_file = v.max(1);
        });
        if let Some(span) = first {
            c.limits = Setting::new(limits, self.origin(span));
        }
    }
}

/// `error`, `warning`, `info` or `never` (`None`: nothing fails).
#[must_use]
pub fn parse_fail_on(s: &str) -> Option<Option<Severity>> {
    Some(match s {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        "never" => None,
        _ => return None,
    })
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
