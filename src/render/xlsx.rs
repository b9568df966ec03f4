//! A requirement-matrix workbook for filing (`rust_xlsxwriter`): a matrix
//! sheet (documents down, requirements across), a findings sheet (the CSV's
//! records), and for registers an audit sheet and a coverage sheet. It is
//! binary, so it is written whole at the end.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::matrix::{records, Record, COLUMNS};
use super::{Context, Renderer};
use crate::model::lang::Lang;
use crate::report::{Coverage, DocumentReport, RegisterRow, Summary};

pub struct Xlsx<'p> {
    ctx: Context<'p>,
    /// (path, statuses by requirement id) for the matrix.
    matrix: Vec<(String, Vec<(String, String)>)>,
    findings: Vec<Record>,
    rows: Vec<(String, RegisterRow)>,
    coverage: Vec<(String, String, Coverage)>,
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

    fn sheet_names(&self) -> [&'static str; 4] {
        match self.ctx.lang() {
            Lang::Sv => ["Kravmatris", "Fynd", "Avtalsregister", "Täckning"],
            Lang::En => ["Matrix", "Findings", "Register", "Coverage"],
        }
    }

    fn workbook(&self) -> Result<Vec<u8>, XlsxError> {
        let names = self.sheet_names();
        let bold = Format::new().set_bold();
        let mut book = Workbook::new();
        self.matrix_sheet(book.add_worksheet().set_name(names[0])?, &bold)?;
        let findings = book.add_worksheet().set_name(names[1])?;
        table(
            findings,
            &COLUMNS,
            self.findings.iter().map(|r| r.to_vec()),
            &bold,
        )?;
        if !self.rows.is_empty() {
            self.audit_sheet(book.add_worksheet().set_name(names[2])?, &bold)?;
            self.coverage_sheet(book.add_worksheet().set_name(names[3])?, &bold)?;
        }
        book.save_to_buffer()
    }

    /// Documents down, the profile's requirements across, statuses within.
    fn matrix_sheet(&self, sheet: &mut Worksheet, bold: &Format) -> Result<(), XlsxError> {
        let ids: Vec<&str> = self
            .ctx
            .profile
            .requirements()
            .map(|r| r.id.as_str())
            .collect();
        sheet.write_with_format(0, 0, "path", bold)?;
        for (c, id) in ids.iter().enumerate() {
            sheet.write_with_format(0, col(c + 1), *id, bold)?;
        }
        for (r, (path, statuses)) in self.matrix.iter().enumerate() {
            let row = row(r + 1);
            sheet.write(row, 0, path)?;
            for (c, id) in ids.iter().enumerate() {
                if let Some((_, s)) = statuses.iter().find(|(i, _)| i == id) {
                    sheet.write(row, col(c + 1), s)?;
                }
            }
        }
        sheet.set_column_width(0, 40)?;
        Ok(())
    }

    /// Every register row with its audit.
    fn audit_sheet(&self, sheet: &mut Worksheet, bold: &Format) -> Result<(), XlsxError> {
        let header = [
            "path", "sheet", "row", "contract", "applies", "status", "reasons", "cells",
        ];
        let lines = self.rows.iter().map(|(path, r)| {
            vec![
                path.clone(),
                r.sheet.clone(),
                r.row.to_string(),
                r.contract.clone().unwrap_or_default(),
                r.applies.map_or(String::new(), |a| a.to_string()),
                r.status.name().to_owned(),
                r.problems(),
                r.cells.join(" "),
            ]
        });
        table(sheet, &header, lines, bold)
    }

    /// Coverage per register, board and start year.
    fn coverage_sheet(&self, sheet: &mut Worksheet, bold: &Format) -> Result<(), XlsxError> {
        let header = [
            "path",
            "group",
            "key",
            "compliant",
            "non-compliant",
            "needs-review",
            "not-applicable",
            "applicable",
            "coverage",
        ];
        let lines = self.coverage.iter().map(|(path, group, c)| {
            vec![
                path.clone(),
                group.clone(),
                c.key.clone(),
                c.compliant.to_string(),
                c.non_compliant.to_string(),
                c.needs_review.to_string(),
                c.not_applicable.to_string(),
                c.applicable.to_string(),
                c.coverage.map_or(String::new(), |v| format!("{v:.4}")),
            ]
        });
        table(sheet, &header, lines, bold)
    }
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

fn row(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A header and lines; numbers are written as numbers.
fn table(
    sheet: &mut Worksheet,
    header: &[&str],
    lines: impl Iterator<Item = Vec<String>>,
    bold: &Format,
) -> Result<(), XlsxError> {
    for (c, h) in header.iter().enumerate() {
        sheet.write_with_format(0, col(c), *h, bold)?;
    }
    for (r, line) in lines.enumerate() {
        for (c, value) in line.iter().enumerate() {
            match value.parse::<f64>() {
                Ok(n) if !value.is_empty() && !value.starts_with('0') || value == "0" => {
                    sheet.write(row(r + 1), col(c), n)?;
                }
                _ => {
                    sheet.write(row(r + 1), col(c), value)?;
                }
            }
        }
    }
    sheet.set_column_width(0, 40)?;
    Ok(())
}

impl Renderer for Xlsx<'_> {
    fn head(&mut self) -> String {
        String::new()
    }

    fn document(&mut self, doc: &DocumentReport) -> String {
        let statuses = doc
            .requirements
            .iter()
            .map(|r| (r.id.clone(), r.status.name().to_owned()))
            .collect();
        self.matrix.push((doc.path.clone(), statuses));
        self.findings
            .extend(records(doc, &self.ctx.profile.register_rule));
        self.rows
            .extend(doc.rows.iter().map(|r| (doc.path.clone(), r.clone())));
        if let Some(s) = &doc.register {
            let (all, board, year) = match self.ctx.lang() {
                Lang::Sv => ("alla", "nämnd", "startår"),
                Lang::En => ("all", "board", "start year"),
            };
            self.coverage
                .push((doc.path.clone(), all.to_owned(), s.total.clone()));
            for c in &s.by_board {
                self.coverage
                    .push((doc.path.clone(), board.to_owned(), c.clone()));
            }
            for c in &s.by_year {
                self.coverage
                    .push((doc.path.clone(), year.to_owned(), c.clone()));
            }
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
