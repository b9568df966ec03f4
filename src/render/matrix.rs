//! The requirement matrix for filing: one record per document and
//! requirement (and per register row, as the profile's register requirement),
//! shared by the CSV and xlsx
//! outputs.

use super::escape::csv_with;
use super::words::word;
use super::{Context, Renderer};
use crate::model::lang::Lang;
use crate::profile::RegisterRule;
use crate::report::{DocumentReport, Summary};

pub const COLUMNS: [&str; 17] = [
    "path",
    "kind",
    "format",
    "verdict",
    "requirement",
    "name",
    "status",
    "severity",
    "suppressed",
    "message",
    "line",
    "section",
    "page",
    "place",
    "contract",
    "sha256",
    // Added last, so that scripts that read the columns by position still
    // find the others where they were.
    "hidden_sheet",
];

/// One line of the matrix, in `COLUMNS` order.
pub type Record = [String; 17];

/// A document's records. `hidden_sheet` holds "dolt blad" (in `lang`) for a
/// place in a hidden sheet, and nothing otherwise.
#[must_use]
pub fn records(doc: &DocumentReport, rule: &RegisterRule, lang: Lang) -> Vec<Record> {
    let hidden = |h: bool| if h { word(lang, "hidden_sheet") } else { "" }.to_owned();
    let base = |requirement: &str, name: &str, status: &str, severity: &str| -> Record {
        [
            doc.path.clone(),
            doc.kind.to_owned(),
            doc.format.map(|f| f.name().to_owned()).unwrap_or_default(),
            doc.verdict.name().to_owned(),
            requirement.to_owned(),
            name.to_owned(),
            status.to_owned(),
            severity.to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            doc.sha256.clone().unwrap_or_default(),
            String::new(),
        ]
    };
    if let Some(error) = &doc.error {
        let mut r = base("", "", "error", "error");
        r[9].clone_from(error);
        return vec![r];
    }
    let mut out = Vec::new();
    for q in &doc.requirements {
        let mut r = base(&q.id, &q.name, q.status.name(), q.severity.name());
        r[8] = q
            .suppressed
            .as_ref()
            .map(|s| s.reason.clone())
            .unwrap_or_default();
        r[9].clone_from(&q.message);
        if let Some(l) = q.locations.first() {
            r[10] = l.line.to_string();
            r[11] = l.section.clone().unwrap_or_default();
            r[12] = l.page.map(|p| p.to_string()).unwrap_or_default();
            r[13] = match (&l.sheet, &l.cell) {
                (Some(s), Some(c)) => format!("{s}!{c}"),
                // Word and OpenDocument: section, paragraph and first words.
                _ => super::place::word_place(l, lang).unwrap_or_default(),
            };
            r[16] = hidden(l.hidden_sheet);
        }
        out.push(r);
    }
    for row in &doc.rows {
        let severity = row.status.severity().map_or("", |s| s.name());
        let mut r = base(&rule.id, &rule.name, row.status.name(), severity);
        r[8] = row
            .suppressed
            .as_ref()
            .map(|s| s.reason.clone())
            .unwrap_or_default();
        r[9] = row.problems();
        r[10] = row.row.to_string();
        r[13] = row.place();
        r[14] = row.contract.clone().unwrap_or_default();
        r[16] = hidden(row.hidden_sheet);
        out.push(r);
    }
    out
}

/// How a CSV file is written. A field left `None` takes what Excel
/// expects in the report's language: in Swedish `;` (the comma is the
/// decimal sign), in English `,`, and a UTF-8 byte-order mark in both, or
/// Excel reads å, ä and ö as another encoding.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvStyle {
    pub delimiter: Option<char>,
    pub bom: Option<bool>,
}

impl CsvStyle {
    /// The delimiter for `lang`: the one given, or the catalogue's.
    #[must_use]
    pub fn delimiter(self, lang: Lang) -> char {
        self.delimiter
            .or_else(|| word(lang, "csv_delimiter").chars().next())
            .unwrap_or(',')
    }

    #[must_use]
    pub fn bom(self) -> bool {
        self.bom.unwrap_or(true)
    }
}

fn line(values: &[String], delimiter: char) -> String {
    let mut out = values
        .iter()
        .map(|v| csv_with(v, delimiter))
        .collect::<Vec<_>>()
        .join(delimiter.encode_utf8(&mut [0; 4]));
    out.push_str("\r\n");
    out
}

/// CSV: a header line, then a record per document and requirement.
pub struct Csv<'p> {
    ctx: Context<'p>,
    delimiter: char,
}

impl<'p> Csv<'p> {
    #[must_use]
    pub fn new(ctx: Context<'p>) -> Self {
        let delimiter = ctx.run.csv.delimiter(ctx.lang());
        Self { ctx, delimiter }
    }
}

impl Renderer for Csv<'_> {
    fn head(&mut self) -> String {
        let bom = if self.ctx.run.csv.bom() {
            "\u{feff}"
        } else {
            ""
        };
        bom.to_owned() + &line(&COLUMNS.map(str::to_owned), self.delimiter)
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        records(doc, &self.ctx.profile.register_rule, self.ctx.lang())
            .iter()
            .map(|r| line(r, self.delimiter))
            .collect()
    }

    fn tail(&mut self, _summary: &Summary) -> String {
        String::new()
    }
}
