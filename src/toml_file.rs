//! Reading klausul's own TOML files (profiles, the configuration, the
//! suppression file) into their serde mirrors. This is the one loader: a
//! problem names the file and points at its place in it, and a file that
//! `extends` another is read together with its parents, a loop refused.
//!
//! It knows TOML and files, nothing of what the keys mean: the caller
//! validates the mirror and words its own errors.

use std::path::{Path, PathBuf};

use miette::{Diagnostic, SourceSpan};
use serde::de::DeserializeOwned;
use thiserror::Error;
use toml::Spanned;

/// One thing wrong with a file, at its place when it has one.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
pub struct Problem {
    pub message: String,
    #[label("here")]
    pub span: Option<SourceSpan>,
}

impl Problem {
    #[must_use]
    pub fn at(message: impl Into<String>, span: Option<std::ops::Range<usize>>) -> Self {
        Self {
            message: message.into(),
            span: span.map(SourceSpan::from),
        }
    }
}

/// Why a file could not be loaded.
#[derive(Debug)]
pub enum Error {
    /// The file named could not be read.
    Unreadable { file: String, error: std::io::Error },
    /// The file was read; these problems are in its text.
    Invalid {
        file: String,
        text: String,
        problems: Vec<Problem>,
    },
}

/// A file read and parsed: its name as messages give it, its text, and the
/// serde mirror of that text.
#[derive(Debug)]
pub struct Layer<T> {
    pub name: String,
    pub text: String,
    pub spec: T,
}

/// Tells a file apart from every other, to find a loop of `extends`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Builtin(String),
    File(PathBuf),
}

/// A file's text, not yet parsed.
#[derive(Debug)]
pub struct Unparsed {
    name: String,
    text: String,
    /// Where a path it `extends` is read from; the working directory if none.
    dir: Option<PathBuf>,
    builtin: bool,
}

impl Unparsed {
    /// A file compiled into the binary, named `name` in messages.
    #[must_use]
    pub fn builtin(name: String, text: &str) -> Self {
        Self {
            name,
            text: text.to_owned(),
            dir: None,
            builtin: true,
        }
    }

    /// Text said to come from the file `name`; a path it `extends` is read
    /// from `dir`.
    #[must_use]
    pub fn text(name: &str, text: String, dir: Option<&Path>) -> Self {
        Self {
            name: name.to_owned(),
            text,
            dir: dir.map(Path::to_path_buf),
            builtin: false,
        }
    }

    /// Reads the file at `path`; a path it `extends` is read from the same
    /// folder.
    ///
    /// # Errors
    /// `Error::Unreadable`.
    pub fn read(path: &Path) -> Result<Self, Error> {
        Self::read_file(path).map_err(|error| Error::Unreadable {
            file: path.display().to_string(),
            error,
        })
    }

    fn read_file(path: &Path) -> std::io::Result<Self> {
        let text = std::fs::read_to_string(path)?;
        Ok(Self::text(&path.display().to_string(), text, path.parent()))
    }

    /// The text as `T`.
    ///
    /// # Errors
    /// `Error::Invalid`: a TOML syntax error, an unknown key or a value of
    /// the wrong type, at its place.
    pub fn parse<T: DeserializeOwned>(self) -> Result<Layer<T>, Error> {
        match toml::from_str(&self.text) {
            Ok(spec) => Ok(Layer {
                name: self.name,
                text: self.text,
                spec,
            }),
            Err(e) => {
                let problem = Problem::at(e.message(), e.span());
                Err(self.invalid(problem))
            }
        }
    }

    fn key(&self) -> Key {
        if self.builtin {
            return Key::Builtin(self.name.clone());
        }
        let path = Path::new(&self.name);
        Key::File(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()))
    }

    fn invalid(self, problem: Problem) -> Error {
        Error::Invalid {
            file: self.name,
            text: self.text,
            problems: vec![problem],
        }
    }
}

/// Reads and parses the file at `path`.
///
/// # Errors
/// An unreadable file, or one that is not a `T`.
pub fn load<T: DeserializeOwned>(path: &Path) -> Result<Layer<T>, Error> {
    Unparsed::read(path)?.parse()
}

/// Parses `text`, said to come from the file `name`.
///
/// # Errors
/// Text that is not a `T`.
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<Layer<T>, Error> {
    Unparsed::text(name, text.to_owned(), None).parse()
}

/// A file that may build on another: `extends = "NAME"`.
pub trait Extends {
    fn extends(&self) -> Option<&Spanned<String>>;
}

/// `first` and every file it extends, in turn: the first file first, the
/// one that extends nothing last. A name in `extends` is the built-in file
/// `builtin` gives for it, else a path from the folder of the file naming it;
/// `kind` says what the built-in files are in messages ("profile").
///
/// # Errors
/// A file that is not a `T`; an `extends` naming a file that cannot be read
/// (at the `extends` of the file naming it); a loop, such as a file that
/// extends itself (at the `extends` that closes it, naming the files).
pub fn load_chain<T: DeserializeOwned + Extends>(
    first: Unparsed,
    builtin: impl Fn(&str) -> Option<Unparsed>,
    kind: &str,
) -> Result<Vec<Layer<T>>, Error> {
    let mut keys = vec![first.key()];
    let mut dir = first.dir.clone();
    let mut chain: Vec<Layer<T>> = vec![first.parse()?];
    while let Some(name) = chain.last().and_then(|l| l.spec.extends()).cloned() {
        let parent = named(name.get_ref(), dir.as_deref(), &builtin).map_err(|e| {
            let message = format!(
                "`extends` names \"{}\", which is neither a built-in {kind} nor a readable file: {e}",
                name.get_ref()
            );
            at_extends(chain.pop(), message, &name)
        })?;
        let key = parent.key();
        if let Some(at) = keys.iter().position(|k| *k == key) {
            let mut names: Vec<&str> = chain[at..].iter().map(|l| l.name.as_str()).collect();
            names.push(&chain[at].name);
            let message = format!("`extends` makes a loop: {}", names.join(" → "));
            return Err(at_extends(chain.pop(), message, &name));
        }
        keys.push(key);
        dir.clone_from(&parent.dir);
        chain.push(parent.parse()?);
    }
    Ok(chain)
}

/// The file an `extends` names: a built-in one, else a path from `dir`.
fn named(
    name: &str,
    dir: Option<&Path>,
    builtin: &impl Fn(&str) -> Option<Unparsed>,
) -> std::io::Result<Unparsed> {
    builtin(name).map_or_else(
        || Unparsed::read_file(&dir.unwrap_or(Path::new(".")).join(name)),
        Ok,
    )
}

/// A problem with the `extends` of `file`, the last file read.
fn at_extends<T>(file: Option<Layer<T>>, message: String, name: &Spanned<String>) -> Error {
    let (file, text) = file.map(|l| (l.name, l.text)).unwrap_or_default();
    Error::Invalid {
        file,
        text,
        problems: vec![Problem::at(message, Some(name.span()))],
    }
}
