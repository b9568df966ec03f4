//! A configuration value and where it came from, and the globs the
//! configuration's paths are matched with.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

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
    pub(super) fn new(patterns: Vec<String>) -> Result<Self, globset::Error> {
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
