//! A workbook's report: its sheets' headers decide whether it is an agreement
//! register (audited row by row) or a requirement catalogue (checked like a
//! document whose blocks are rows).

use rayon::prelude::*;

use super::{check_document, Plan};
use crate::check::register::{audit, summarise, Groups, Sheet};
use crate::document::error::ReadError;
use crate::input::Input;
use crate::model::column::{Role, SheetKind};
use crate::model::message::Message;
use crate::render::escape::quoted;
use crate::render::localise::Localiser;
use crate::report::DocumentReport;
use crate::report::RegisterRow;
use crate::sheet::columns::{find_header, Header, HEADER_SEARCH};
use crate::sheet::stream::{Piece, Pieces};
use crate::sheet::{catalogue, Row, Table};
use crate::source::Format;

/// The columns an audit cannot do without.
const REGISTER_NEEDS: [Role; 2] = [Role::Type, Role::Clause];

/// Register rows put into words at a time by one thread.
const LOCALISED: usize = 64;

/// Rows of a sheet kept for the error that says no header was found.
const FIRST_ROWS: usize = 5;

/// # Errors
/// The workbook's reading fails, no sheet has a header klausul recognises,
/// or a register lacks the columns it needs.
pub fn check_workbook(
    input: &Input,
    pieces: &mut dyn Pieces,
    format: Format,
    plan: &Plan<'_>,
) -> Result<DocumentReport, ReadError> {
    let mut book = Book::new(plan);
    // A reading error wins over what the sheets read so far say.
    while let Some(piece) = pieces.next_piece()? {
        match piece {
            Piece::Sheet { name, hidden } => book.begin(name, hidden),
            Piece::Rows(rows) => book.rows(rows),
            Piece::Again => book.again(),
        }
    }
    book.end_sheet();
    if let Some((_, problem)) = book.problem {
        return Err(problem);
    }
    // A hidden sheet is read like the others; the note says so, and its
    // rows and cells are marked wherever they are reported.
    let hidden: Vec<&str> = book
        .sheets
        .iter()
        .filter(|s| s.hidden)
        .map(|s| s.name.as_str())
        .collect();
    let mut notes: Vec<Message> = hidden
        .iter()
        .map(|s| Message::new("sheet_hidden").with("sheet", *s))
        .collect();
    let rows = std::mem::take(&mut book.rows);
    let mut report = if book.registers > 0 {
        register(input, rows, &book)
    } else if !book.catalogues.is_empty() {
        let catalogues: Vec<(&Table, &Header)> =
            book.catalogues.iter().map(|(t, h)| (t, h)).collect();
        let doc = catalogue::document(&catalogues, format, &plan.profile.vocabulary.optional);
        notes.extend(error_cells(&catalogues));
        let mut report = check_document(input, &doc, plan, "catalogue");
        mark_hidden(&mut report, &hidden);
        report
    } else {
        return Err(ReadError::NoHeader {
            found: found_texts(&book.sheets, plan.lang),
        });
    };
    report.notes = notes;
    Ok(report)
}

/// A sheet seen: its name, whether it is hidden, and its first rows.
struct Seen {
    name: String,
    hidden: bool,
    first: Vec<Row>,
}

/// What is done with the rows of the sheet being read.
enum Mode {
    /// Its first rows, kept until its header is found among them.
    Head(Vec<Row>),
    /// A register: each row is audited as it comes.
    Register(Header),
    /// Kept whole: perhaps a catalogue (with its header).
    Keep(Table, Option<Header>),
    /// Not needed: rows are let go.
    Skip,
}

/// A workbook's sheets as they are read: registers audited row by row,
/// other sheets kept until it is known that no register needs them.
struct Book<'p> {
    plan: &'p Plan<'p>,
    sheets: Vec<Seen>,
    mode: Mode,
    /// Register sheets found.
    registers: usize,
    rows: Vec<RegisterRow>,
    groups: Groups,
    /// The number of register rows before the sheet being read.
    mark: usize,
    catalogues: Vec<(Table, Header)>,
    /// The first register without the columns it needs, by its sheet.
    problem: Option<(usize, ReadError)>,
}

impl<'p> Book<'p> {
    fn new(plan: &'p Plan<'p>) -> Self {
        Self {
            plan,
            sheets: Vec::new(),
            mode: Mode::Skip,
            registers: 0,
            rows: Vec::new(),
            groups: Groups::default(),
            mark: 0,
            catalogues: Vec::new(),
            problem: None,
        }
    }

    fn begin(&mut self, name: String, hidden: bool) {
        self.end_sheet();
        self.sheets.push(Seen {
            name,
            hidden,
            first: Vec::new(),
        });
        self.mark = self.rows.len();
        self.mode = Mode::Head(Vec::new());
    }

    /// The sheet being read starts again: what its rows gave is forgotten.
    fn again(&mut self) {
        self.rows.truncate(self.mark);
        self.groups.truncate(self.mark);
        let at = self.sheets.len().saturating_sub(1);
        if matches!(self.mode, Mode::Register(_)) {
            self.registers -= 1;
        }
        if self.problem.as_ref().is_some_and(|(s, _)| *s == at) {
            self.problem = None;
        }
        self.mode = Mode::Head(Vec::new());
    }

    fn rows(&mut self, rows: Vec<Row>) {
        match &mut self.mode {
            Mode::Head(head) => {
                head.extend(rows);
                if head.len() >= HEADER_SEARCH {
                    self.decide();
                }
            }
            Mode::Register(header) => {
                let header = header.clone();
                self.audit(&header, &rows);
            }
            Mode::Keep(table, _) => table.rows.extend(rows),
            Mode::Skip => {}
        }
    }

    /// The sheet's first rows are in: its header says what it is.
    fn decide(&mut self) {
        let Mode::Head(head) = std::mem::replace(&mut self.mode, Mode::Skip) else {
            return;
        };
        let Some(seen) = self.sheets.last_mut() else {
            return;
        };
        seen.first = head.iter().take(FIRST_ROWS).cloned().collect();
        let table = Table {
            sheet: seen.name.clone(),
            hidden: seen.hidden,
            rows: head,
        };
        let plan = self.plan;
        let header = find_header(&table, &plan.profile.vocabulary, &plan.columns);
        let kind = header
            .as_ref()
            .and_then(|h| plan.sheet_kind.or_else(|| h.kind()));
        match (kind, header) {
            (Some(SheetKind::Register), Some(header)) => {
                if let Err(problem) = needs(&table, &header) {
                    let at = self.sheets.len() - 1;
                    self.problem.get_or_insert((at, problem));
                    return;
                }
                self.registers += 1;
                // No catalogue is reported beside a register.
                self.catalogues.clear();
                self.audit(&header, &table.rows[header.row + 1..]);
                self.mode = Mode::Register(header);
            }
            // Only a workbook without a register reports its catalogues.
            _ if self.registers > 0 => {}
            (_, header) => self.mode = Mode::Keep(table, header),
        }
    }

    fn audit(&mut self, header: &Header, rows: &[Row]) {
        let Some(seen) = self.sheets.last() else {
            return;
        };
        let sheet = Sheet {
            name: &seen.name,
            hidden: seen.hidden,
        };
        let mut judged = audit(sheet, header, rows, self.plan.profile);
        // Put into words on every core while the reader goes on.
        let words = Localiser::new(self.plan.profile, self.plan.lang);
        judged.par_chunks_mut(LOCALISED).for_each(|rows| {
            words.rows(rows);
            rows.iter_mut().for_each(compact);
        });
        self.rows.extend(judged);
        self.groups.add(header, rows);
    }

    fn end_sheet(&mut self) {
        self.decide();
        if let Mode::Keep(table, Some(header)) = std::mem::replace(&mut self.mode, Mode::Skip) {
            let kind = self.plan.sheet_kind.or_else(|| header.kind());
            if kind == Some(SheetKind::Catalogue) && self.registers == 0 {
                self.catalogues.push((table, header));
            }
        }
    }
}

/// Lets a register row's lists go of the room they grew into: the rows are
/// held until the report is written, and a list's spare room was the
/// largest part of a row (four reasons' room for two or three reasons).
fn compact(row: &mut RegisterRow) {
    row.reasons = exact(std::mem::take(&mut row.reasons));
    row.cells = exact(std::mem::take(&mut row.cells));
}

/// The same items in a list of exactly their number. The allocator keeps
/// a block shrunk in place at its old size, so the items are moved to a new
/// one instead.
fn exact<T>(items: Vec<T>) -> Vec<T> {
    if items.capacity() == items.len() {
        return items;
    }
    let mut exact = Vec::with_capacity(items.len());
    exact.extend(items);
    exact
}

/// Whether a register sheet has the columns an audit needs.
fn needs(table: &Table, header: &Header) -> Result<(), ReadError> {
    let missing: Vec<&str> = REGISTER_NEEDS
        .iter()
        .filter(|r| header.column(**r).is_none())
        .map(|r| r.key())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(ReadError::RegisterColumns {
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
    })
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

fn register(input: &Input, rows: Vec<RegisterRow>, book: &Book<'_>) -> DocumentReport {
    let summary = summarise(&rows, &book.groups);
    DocumentReport {
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
    }
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
fn found_texts(sheets: &[Seen], lang: crate::model::lang::Lang) -> String {
    let mut found: Vec<String> = sheets
        .iter()
        .take(SHEETS_NAMED)
        .map(|s| {
            format!(
                "{}: {}",
                quoted(&s.name),
                quoted(&first_texts(&s.first, lang))
            )
        })
        .collect();
    if sheets.len() > SHEETS_NAMED {
        found.push("…".to_owned());
    }
    found.join("; ")
}

/// The text of a sheet's first rows, for the error that lists what was found.
fn first_texts(rows: &[Row], lang: crate::model::lang::Lang) -> String {
    let texts: Vec<String> = rows
        .iter()
        .take(FIRST_ROWS)
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
