//! Why an input could not be read, in the words of the message catalogues.

use miette::Diagnostic;

use crate::document::error::{words, ReadError};
use crate::model::lang::{fill, Lang};

/// Why an input could not be read. The words are the message catalogues'
/// (`rules/messages/`, keys `input_…`); English is the `Display`, and the
/// diagnostic's help is the catalogue's English help.
#[derive(Debug)]
pub enum InputError {
    Io {
        path: String,
        reason: String,
    },
    TooLarge {
        path: String,
        size: u64,
        limit: u64,
    },
    StdinTooLarge {
        path: String,
        limit: u64,
    },
    NotRegular {
        path: String,
    },
    Empty {
        path: String,
    },
    Read {
        path: String,
        problem: ReadError,
        /// The problem's help in English (`ReadError::help`).
        help: &'static str,
    },
}

impl InputError {
    /// The message in the user's language; English is the `Display`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let (key, values): (&str, Vec<(&str, String)>) = match self {
            Self::Io { path, reason } => (
                "input_io",
                vec![("path", path.clone()), ("reason", reason.clone())],
            ),
            Self::TooLarge { path, size, limit } => (
                "input_too_large",
                vec![
                    ("path", path.clone()),
                    ("size", size.to_string()),
                    ("limit", limit.to_string()),
                ],
            ),
            Self::StdinTooLarge { path, limit } => (
                "input_stdin_too_large",
                vec![("path", path.clone()), ("limit", limit.to_string())],
            ),
            Self::NotRegular { path } => ("input_not_regular", vec![("path", path.clone())]),
            Self::Empty { path } => ("input_empty", vec![("path", path.clone())]),
            Self::Read { path, problem, .. } => (
                "input_read",
                vec![("path", path.clone()), ("problem", problem.describe(lang))],
            ),
        };
        let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(words(lang, key), &values)
    }

    /// What the user can do about it, in their language, from the same
    /// catalogue in every language (English is the diagnostic's `help`).
    #[must_use]
    pub fn translated_help(&self, lang: Lang) -> Option<&'static str> {
        match self {
            Self::Read { problem, .. } => Some(problem.advice(lang)),
            Self::TooLarge { .. } | Self::StdinTooLarge { .. } => {
                Some(words(lang, "input_too_large_help"))
            }
            Self::Io { .. } | Self::NotRegular { .. } | Self::Empty { .. } => None,
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for InputError {}

impl Diagnostic for InputError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        let code = match self {
            Self::Io { .. } => "klausul::input::io",
            Self::TooLarge { .. } | Self::StdinTooLarge { .. } => "klausul::input::too_large",
            Self::NotRegular { .. } => "klausul::input::not_regular",
            Self::Empty { .. } => "klausul::input::empty",
            Self::Read { .. } => "klausul::input::read",
        };
        Some(Box::new(code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        match self {
            Self::Read { help, .. } => Some(Box::new(*help)),
            other => other
                .translated_help(Lang::En)
                .map(|h| Box::new(h) as Box<dyn std::fmt::Display>),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_help_come_from_the_catalogue_in_each_language() {
        let e = InputError::TooLarge {
            path: "a.md".into(),
            size: 9,
            limit: 8,
        };
        assert_eq!(
            e.to_string(),
            "a.md: the file is 9 bytes, over the limit of 8 bytes"
        );
        assert_eq!(
            e.describe(Lang::Sv),
            "a.md: filen är 9 byte, över gränsen 8 byte"
        );
        assert_eq!(
            e.translated_help(Lang::Sv),
            Some("dela upp dokumentet, eller höj gränsen i klausul.toml")
        );
        // English help is the diagnostic's own, from the same catalogue.
        assert_eq!(
            e.help().map(|h| h.to_string()).as_deref(),
            e.translated_help(Lang::En)
        );
        assert_eq!(
            e.code().map(|c| c.to_string()).as_deref(),
            Some("klausul::input::too_large")
        );
        let empty = InputError::Empty { path: "b".into() };
        assert_eq!(empty.describe(Lang::Sv), "b: filen är tom");
        assert!(empty.help().is_none() && empty.translated_help(Lang::En).is_none());
        let read = InputError::Read {
            path: "c.pdf".into(),
            problem: ReadError::Encrypted,
            help: ReadError::Encrypted.help(),
        };
        assert_eq!(
            read.describe(Lang::Sv),
            "c.pdf: filen är krypterad eller lösenordsskyddad"
        );
        assert_eq!(
            read.help().map(|h| h.to_string()).as_deref(),
            Some("save an unprotected copy and check that")
        );
    }
}
