//! The error printer: diagnostics and one-line warnings on standard error,
//! with file names and document text escaped for a terminal.

use std::io::{IsTerminal, Write};

use klausul::input::InputError;
use klausul::model::lang::Lang;
use klausul::render::escape::{line, terminal};
use miette::{GraphicalReportHandler, GraphicalTheme};

use super::width;

/// Writes a diagnostic to stderr.
pub fn report_error(error: &dyn miette::Diagnostic) {
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

/// An input's error in the user's language, keeping its code, and its own
/// help where there is no translation of it.
#[derive(Debug)]
struct Localized<'e> {
    inner: &'e InputError,
    message: String,
    translated_help: Option<&'static str>,
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
        match self.translated_help {
            Some(help) => Some(Box::new(help)),
            None => self.inner.help(),
        }
    }
}

/// Writes an input's error to stderr in the user's language.
pub fn report_input_error(error: &InputError, lang: Lang) {
    report_error(&Localized {
        inner: error,
        message: line(&error.describe(lang)).into_owned(),
        translated_help: error.translated_help(lang),
    });
}

/// Writes one line to stderr: a line break in a file name cannot start
/// another (a CI log reads `::error` at the start of a line as a command).
pub fn warn(text: &str) {
    let _ = writeln!(std::io::stderr(), "{}", line(text));
}

/// A run refused as a whole (nothing to check, an output that would write
/// over an input): a message and advice from the catalogue of the user's
/// language, under a code of its own.
#[derive(Debug)]
pub struct Refusal {
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
}

impl Refusal {
    /// The messages `key` and, if given, `help_key` in `lang`, filled with `values`.
    pub fn new(
        code: &'static str,
        lang: Lang,
        key: &str,
        help_key: Option<&str>,
        values: &[(&str, &str)],
    ) -> Self {
        Self {
            code,
            message: say(lang, key, values),
            help: help_key.map(|k| say(lang, k, values)),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&line(&self.message))
    }
}

impl std::error::Error for Refusal {}

impl miette::Diagnostic for Refusal {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(terminal(h)) as Box<dyn std::fmt::Display>)
    }
}

/// A message of the catalogue in `lang`, filled with `values`.
pub fn say(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    klausul::model::lang::fill(lang.template(key).unwrap_or(key), values)
}
