//! A requirement-matrix workbook for filing (`rust_xlsxwriter`), in the
//! report's language: a matrix sheet (documents and register rows down,
//! requirements across, a verdict and an error column, statuses coloured
//! by conditional formatting), a findings sheet (the CSV's records, typed),
//! for registers an audit sheet with each row's facts and a coverage sheet
//! with charts, and a sheet that says what was checked with what. It is
//! binary, so it is written whole at the end.

mod coverage;
mod lines;
mod table;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::words::word;
use super::{Context, Renderer};
use crate::report::{Coverage, DocumentReport, RegisterRow, Summary};
use table::{Formats, Value};

pub struct Xlsx<'p> {
    ctx: Context<'p>,
    matrix: Vec<Vec<Value>>,
    findings: Vec<Vec<Value>>,
    rows: Vec<(String, RegisterRow)>,
    /// (register, board coverage, start-year coverage, the whole register).
    coverage: Vec<(String, Vec<Coverage>, Vec<Coverage>, Coverage)>,
}

impl<'p> Xlsx<'p> {
    #[must_use]
    pub const fn new(ctx: Context<'p>) -> Self {
        Self {
            ctx,
            matrix: Vec::new(),
            findings: Vec::new(),
            rows: Vec::new(),
            coverage: Vec::new(),
        }
    }

    fn word(&self, key: &str) -> &'static str {
        word(self.ctx.lang(), key)
    }

    /// The workbook's creation time is the run's, not the clock's, so
    /// `SOURCE_DATE_EPOCH` makes the file again byte for byte and the web
    /// page's download is the command line's.
    fn properties(&self) -> DocProperties {
        let run = (self.ctx.run.time.strip_suffix(" UTC"))
            .and_then(|t| ExcelDateTime::parse_from_str(&format!("{t}:00")).ok());
        let at =
            run.unwrap_or_else(|| ExcelDateTime::from_timestamp(0).expect("the epoch is a date"));
        DocProperties::new().set_creation_datetime(&at)
    }

    fn workbook(&self) -> Result<Vec<u8>, XlsxError> {
        let f = Formats::new(self.word("report_title"), self.word("page_of"));
        let mut book = Workbook::new();
        book.set_properties(&self.properties());
        let sheet = book.add_worksheet().set_name(self.word("sheet_matrix"))?;
        lines::matrix(sheet, &f, self.ctx, &self.matrix)?;
        let sheet = book.add_worksheet().set_name(self.word("sheet_findings"))?;
        let header = lines::FINDING_COLUMNS.map(|k| self.word(k));
        table::write(sheet, &f, &header, self.findings.iter().cloned(), 1)?;
        if !self.rows.is_empty() {
            let sheet = book.add_worksheet().set_name(self.word("sheet_register"))?;
            let header = lines::ROW_COLUMNS.map(|k| self.word(k));
            let lines = self
                .rows
                .iter()
                .map(|(path, r)| lines::register_row(self.ctx.lang(), path, r));
            table::write(sheet, &f, &header, lines, 1)?;
        }
        if !self.coverage.is_empty() {
            let name = self.word("sheet_coverage");
            let sheet = book.add_worksheet().set_name(name)?;
            coverage::sheet(sheet, name, &f, self.ctx.lang(), &self.coverage)?;
        }
        let sheet = book.add_worksheet().set_name(self.word("sheet_about"))?;
        lines::about(sheet, &f, self.ctx)?;
        book.save_to_buffer()
    }
}

impl Renderer for Xlsx<'_> {
    fn head(&mut self) -> String {
        String::new()
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        self.matrix.extend(lines::matrix_lines(self.ctx, doc));
        self.findings.extend(lines::findings(self.ctx, doc));
        self.rows
            .extend(doc.rows.iter().map(|r| (doc.path.clone(), r.clone())));
        if let Some(s) = &doc.register {
            self.coverage.push((
                doc.path.clone(),
                s.by_board.clone(),
                s.by_year.clone(),
                s.total.clone(),
            ));
        }
        String::new()
    }

    fn tail(&mut self, _summary: &Summary) -> String {
        String::new()
    }

    fn write_tail(
        &mut self,
        _summary: &Summary,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let bytes = self.workbook().map_err(std::io::Error::other)?;
        out.write_all(&bytes)
    }
}
