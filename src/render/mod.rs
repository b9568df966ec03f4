//! Renderers turn the report into text. Only they know miette's graphical
//! handler and the output formats; they return strings and leave writing to
//! the binary. `localise` first puts the report's neutral messages into the
//! chosen language.
//!
//! Every format is written in pieces, a document at a time (`Renderer`), so a
//! run over many files never holds every document's report.

pub mod escape;
mod excerpt;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod localise;
pub mod markdown;
pub mod matrix;
mod overview;
pub mod place;
mod pretty;
mod register;
pub mod sarif;
pub mod skipped;
pub mod suggest;
mod words;
pub mod xlsx;

use crate::model::lang::Lang;
use crate::model::output::OutputFormat;
use crate::model::vocab::Severity;
use crate::profile::Profile;
use crate::report::{DocumentReport, Summary};

/// How output for people is laid out: colour, width and language.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
    pub lang: Lang,
}

/// What every renderer may need besides the documents.
#[derive(Debug, Clone, Copy)]
pub struct Context<'p> {
    pub profile: &'p Profile,
    pub style: Style,
    /// The failure threshold; `None` for `--fail-on never`.
    pub fail_on: Option<Severity>,
    /// What the binary knows of the run that the report does not hold.
    pub run: &'p RunInfo,
}

/// What the binary knows of the run: when it was, for the formats for
/// people (machine formats carry no clock time, `contracts.md`).
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// "2026-01-01 00:00 UTC", from `SOURCE_DATE_EPOCH` when it is set.
    pub time: String,
    /// How the CSV is written; by default as Excel expects it in the
    /// report's language.
    pub csv: matrix::CsvStyle,
    /// Files a folder walk did not check, listed with why.
    pub skipped: Vec<crate::report::skipped::Skipped>,
    /// How many other files the walk skipped.
    pub skipped_other: usize,
}

impl Context<'_> {
    #[must_use]
    pub const fn lang(&self) -> Lang {
        self.style.lang
    }
}

/// A format written in pieces: `head`, `document` for each document in input
/// order, then `tail`.
pub trait Renderer {
    fn head(&mut self) -> String;
    fn document(&mut self, doc: &DocumentReport) -> String;
    fn tail(&mut self, summary: &Summary) -> String;

    /// Writes a document's piece. A format can write a large document (a
    /// register of many rows) straight to `out` instead of building a string.
    ///
    /// # Errors
    /// Those of `out`.
    fn write_document(
        &mut self,
        doc: &DocumentReport,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        out.write_all(self.document(doc).as_bytes())
    }

    /// Writes the end. A binary format (xlsx) writes itself whole here.
    ///
    /// # Errors
    /// Those of `out`, or of building the output.
    fn write_tail(
        &mut self,
        summary: &Summary,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        out.write_all(self.tail(summary).as_bytes())
    }
}

/// A renderer for `format`.
#[must_use]
pub fn renderer<'p>(format: OutputFormat, ctx: Context<'p>) -> Box<dyn Renderer + 'p> {
    match format {
        OutputFormat::Human => Box::new(human::Human::new(ctx)),
        OutputFormat::Json => Box::new(json::Json::new(ctx)),
        OutputFormat::Sarif => Box::new(sarif::Sarif::new(ctx)),
        OutputFormat::Junit => Box::new(junit::Junit::new(ctx)),
        OutputFormat::Github => Box::new(github::Github::new(ctx)),
        OutputFormat::Gitlab => Box::new(gitlab::Gitlab::new(ctx)),
        OutputFormat::Html => Box::new(html::Html::new(ctx)),
        OutputFormat::Markdown => Box::new(markdown::Markdown::new(ctx)),
        OutputFormat::Csv => Box::new(matrix::Csv::new(ctx)),
        OutputFormat::Xlsx => Box::new(xlsx::Xlsx::new(ctx)),
    }
}
