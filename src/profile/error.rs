//! A profile that does not validate: every problem, each pointing at its place
//! in the TOML file.

use miette::{Diagnostic, NamedSource};
use thiserror::Error;

use crate::toml_file::Error as FileError;
pub use crate::toml_file::Problem;

#[derive(Debug, Error, Diagnostic)]
#[error("invalid profile {file}")]
#[diagnostic(
    code(klausul::profile),
    help("fix the profile file; `klausul explain` shows what each key means")
)]
pub struct ProfileError {
    pub file: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[related]
    pub problems: Vec<Problem>,
}

impl ProfileError {
    #[must_use]
    pub fn new(file: &str, text: &str, problems: Vec<Problem>) -> Self {
        Self {
            file: file.to_owned(),
            source_code: NamedSource::new(file, text.to_owned()),
            problems,
        }
    }

    #[must_use]
    pub fn unreadable(file: &str, error: &std::io::Error) -> Self {
        Self::new(
            file,
            "",
            vec![Problem::at(
                format!("cannot read the profile: {error}"),
                None,
            )],
        )
    }

    /// The 1-based lines the problems point at, for tests and summaries.
    #[must_use]
    pub fn lines(&self, text: &str) -> Vec<usize> {
        self.problems
            .iter()
            .filter_map(|p| p.span)
            .map(|s| text[..s.offset().min(text.len())].matches('\n').count() + 1)
            .collect()
    }
}

impl From<FileError> for ProfileError {
    fn from(e: FileError) -> Self {
        match e {
            FileError::Unreadable { file, error } => Self::unreadable(&file, &error),
            FileError::Invalid {
                file,
                text,
                problems,
            } => Self::new(&file, &text, problems),
        }
    }
}
