//! A workbook's report: its sheets' headers decide whether it is an agreement
//! register (audited row by row) or a requirement catalogue (checked like a
//! document whose blocks are rows).

use super::{check_document, Plan};
use crate::check::register::{audit, groups, summarise};
use crate::document::error::ReadError;
use crate::input::Input;
use crate::model::column::{Role, SheetKind};
use crate::model::message::Message;
use crate::render::escape::quoted;
use crate::report::DocumentReport;
use crate::sheet::columns::{find_header, Header};
use crate::sheet::{catalogue, Table, Workbook};
use crate::source::Format;

/// The columns an audit cannot do without.
const REGISTER_NEEDS: [Role; 2] = [Role::Type, Role::Clause];

/// # Errors
/// No sheet with a header klausul recognises, or a register without the
/// columns it needs.
pub fn check_workbook(
    input: &Input,
    book: &Workbook,
    format: Format,
    plan: &Plan<'_>,
) -> Result<DocumentReport, ReadError> {
    let headers: Vec<(&Table, Option<Header>)> = book
        .tables
        .iter()
        .map(|t| (t, find_header(t, &plan.profile.vocabulary, &plan.columns)))
        .collect();
    let kind_of = |h: &Header| plan.sheet_kind.or_else(|| h.kind());
    let registers: Vec<(&Table, &Header)> = headers
        .iter()
        .filter_map(|(t, h)| {
            h.as_ref()
                .filter(|h| kind_of(h) == Some(SheetKind::Register))
                .map(|h| (*t, h))
        })
        .collect();
    let catalogues: Vec<(&Table, &Header)> = headers
        .iter()
        .filter_map(|(t, h)| {
            h.as_ref()
                .filter(|h| kind_of(h) == Some(SheetKind::Catalogue))
                .map(|h| (*t, h))
        })
        .collect();
    // A hidden sheet is read like the others; the note says so, and its
    // rows and cells are marked wherever they are reported.
    let hidden: Vec<&str> = book
        .tables
        .iter()
        .filter(|t| t.hidden)
        .map(|t| t.sheet.as_str())
        .collect();
    let mut notes: Vec<Message> = hidden
        .iter()
        .map(|s| Message::new("sheet_hidden").with("sheet", *s))
        .collect();
    let mut report = if !registers.is_empty() {
        register(input, &registers, plan)?
    } else if !catalogues.is_empty() {
        let doc = catalogue::document(&catalogues, format, &plan.profile.vocabulary.optional);
        notes.extend(error_cells(&catalogues));
        let mut report = check_document(input, &doc, plan, "catalogue");
        mark_hidden(&mut report, &hidden);
        report
    } else {
        return Err(ReadError::NoHeader {
            found: found_texts(&headers, plan.lang),
        });
    };
    report.notes = notes;
    Ok(report)
}

/// Marks the locations that stand in a hidden sheet.
fn mark_hidden(report: &mut DocumentReport, hidden: &[&str]) {
    if hidden.is_empty() {
        return;
    }
    let locations = report
        .requirements
        .iter_mut()
        .flat_map(|r| r.locations.iter_mut());
    for l in locations {
        l.hidden_sheet = l.sheet.as_deref().is_some_and(|s| hidden.contains(&s));
    }
}

fn register(
    input: &Input,
    sheets: &[(&Table, &Header)],
    plan: &Plan<'_>,
) -> Result<DocumentReport, ReadError> {
    let mut rows = Vec::new();
    let (mut boards, mut years) = (Vec::new(), Vec::new());
    for (table, header) in sheets {
        let missing: Vec<&str> = REGISTER_NEEDS
            .iter()
            .filter(|r| header.column(**r).is_none())
            .map(|r| r.key())
            .collect();
        if !missing.is_empty() {
            return Err(ReadError::RegisterColumns {
                sheet: quoted(&table.sheet),
                missing: missing.join(", "),
                found: quoted(
                    &header
                        .titles
                        .iter()
                        .filter(|t| !t.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            });
        }
        rows.extend(audit(table, header, plan.profile));
        let (b, y) = groups(table, header);
        boards.extend(b);
        years.extend(y);
    }
    let summary = summarise(&rows, &boards, &years);
    Ok(DocumentReport {
        path: input.name(),
        kind: "register",
        format: None,
        sha256: None,
        scope: None,
        verdict: crate::model::vocab::Verdict::Pass,
        requirements: Vec::new(),
        rows,
        register: Some(summary),
        error: None,
        notes: Vec::new(),
        warnings: Vec::new(),
    })
}

/// Error values (#REF!) where a catalogue's requirement text should be.
fn error_cells(sheets: &[(&Table, &Header)]) -> Vec<Message> {
    let mut out = Vec::new();
    for (table, header) in sheets {
        let Some(col) = header.column(Role::Text) else {
            continue;
        };
        for row in &table.rows[header.row + 1..] {
            if let crate::sheet::cell::Cell::Error(e) = row.get(col) {
                let cell = format!("{}!{}", table.sheet, crate::sheet::a1(col, row.number));
                out.push(
                    Message::new("register_error_cell")
                        .with("cell", cell)
                        .with("value", e.as_str()),
                );
            }
        }
    }
    out
}

/// Sheets named in the error that lists what was found; the rest are counted.
const SHEETS_NAMED: usize = 5;

/// What the first rows of the first sheets hold, for the error that says no
/// header was found: quoted short, so a sheet (or a CSV with an unterminated
/// quote, read as one huge cell) cannot fill a CI log, and a linked secret
/// shows no more than its start.
fn found_texts(headers: &[(&Table, Option<Header>)], lang: crate::model::lang::Lang) -> String {
    let mut found: Vec<String> = headers
        .iter()
        .take(SHEETS_NAMED)
        .map(|(t, _)| format!("{}: {}", quoted(&t.sheet), quoted(&first_texts(t, lang))))
        .collect();
    if headers.len() > SHEETS_NAMED {
        found.push("…".to_owned());
    }
    found.join("; ")
}

/// The text of a sheet's first rows, for the error that lists what was found.
fn first_texts(t: &Table, lang: crate::model::lang::Lang) -> String {
    let texts: Vec<String> = t
        .rows
        .iter()
        .take(5)
        .flat_map(|r| r.cells.iter().map(crate::sheet::cell::Cell::shown))
        .filter(|s| !s.is_empty())
        .take(12)
        .map(|s| quoted(&s))
        .collect();
    if texts.is_empty() {
        lang.template("sheet_empty").unwrap_or_default().to_owned()
    } else {
        texts.join(", ")
    }
}
