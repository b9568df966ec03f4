//! The audit of an agreement register: one status per row, with the reasons
//! and the cells that decided it, and coverage per responsible board and per
//! start year.
//!
//! An unknown contract type here is `needs-review`, while in a document it is
//! assumed to apply. The difference is deliberate: a gate on a document must
//! fail safe, but an audit that guessed would report coverage no one can
//! trust; an auditor looks at the row instead.
//!
//! Here: the row's status from its reasons, and the coverage. Whether the
//! clause applies to a row is `applies`; the clause and its terms, `terms`.

mod applies;
mod terms;

use std::cell::RefCell;

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

use crate::model::column::Role;
use crate::model::message::Message;
use crate::model::vocab::RowStatus;
use crate::profile::phrases::SetId;
use crate::profile::Profile;
use crate::report::{Coverage, RegisterRow, RegisterSummary, RowFacts, RowReason};
use crate::sheet::cell::{date, kronor, Cell, Date};
use crate::sheet::columns::Header;
use crate::sheet::{a1, Row};

/// The register sheet a row stands in.
#[derive(Debug, Clone, Copy)]
pub struct Sheet<'a> {
    pub name: &'a str,
    /// Hidden in the workbook: its rows are marked.
    pub hidden: bool,
}

struct Audit<'a> {
    profile: &'a Profile,
    /// Word lists found in cell texts seen before: registers repeat their
    /// types and versions on every row.
    seen: &'a RefCell<HashMap<String, Vec<SetId>>>,
    sheet: Sheet<'a>,
    header: &'a Header,
    row: &'a Row,
    reasons: Vec<(RowStatus, RowReason)>,
    cells: Vec<String>,
}

/// Audits data rows of a register sheet (rows below its header), as they
/// are read: rows without a value are skipped.
#[must_use]
pub fn audit(
    sheet: Sheet<'_>,
    header: &Header,
    rows: &[Row],
    profile: &Profile,
) -> Vec<RegisterRow> {
    // Rows are independent, so a long register is audited on every core,
    // each thread with its own memory of texts seen.
    rows.par_iter()
        .filter(|row| row.cells.iter().any(|c| !c.is_empty()))
        .map_init(
            || RefCell::new(HashMap::new()),
            |seen, row| {
                Audit {
                    profile,
                    seen,
                    sheet,
                    header,
                    row,
                    reasons: Vec::new(),
                    cells: Vec::new(),
                }
                .run()
            },
        )
        .collect()
}

impl<'a> Audit<'a> {
    fn cell(&self, role: Role) -> Option<(&Cell, String)> {
        let col = self.header.column(role)?;
        Some((self.row.get(col), a1(col, self.row.number)))
    }

    /// The id of the register row's own requirement, from the profile.
    fn row_id(&self) -> &'a str {
        &self.profile.register_rule.id
    }

    fn note(&mut self, status: RowStatus, requirement: &str, why: Message, cell: Option<&str>) {
        if let Some(c) = cell {
            if !self.cells.iter().any(|k| k == c) {
                self.cells.push(c.to_owned());
            }
        }
        self.reasons.push((
            status,
            RowReason {
                requirement: requirement.to_owned(),
                effect: status,
                why: Some(Box::new(why)),
                message: String::new(),
                cell: cell.map(str::to_owned),
            },
        ));
    }

    /// An error value in a cell that matters makes the row need review.
    fn readable(&mut self, role: Role) -> Option<(Cell, String)> {
        let (cell, at) = self.cell(role)?;
        let (cell, at) = (cell.clone(), at);
        if let Cell::Error(e) = &cell {
            let m = Message::new("register_error_cell")
                .with("cell", at.as_str())
                .with("value", e.as_str());
            self.note(RowStatus::NeedsReview, self.row_id(), m, Some(&at));
            return None;
        }
        Some((cell, at))
    }

    fn run(mut self) -> RegisterRow {
        let applies = self.applies();
        if applies == Some(true) {
            self.clause();
            self.terms();
        }
        let has = |status| self.reasons.iter().any(|(s, _)| *s == status);
        let status = match applies {
            Some(false) => RowStatus::NotApplicable,
            _ if has(RowStatus::NonCompliant) => RowStatus::NonCompliant,
            None => RowStatus::NeedsReview,
            _ if has(RowStatus::NeedsReview) => RowStatus::NeedsReview,
            _ => RowStatus::Compliant,
        };
        RegisterRow {
            sheet: self.sheet.name.to_owned(),
            hidden_sheet: self.sheet.hidden,
            row: self.row.number + 1,
            contract: self
                .cell(Role::Contract)
                .map(|(c, _)| c.shown())
                .filter(|s| !s.is_empty()),
            facts: self.facts(),
            applies,
            status,
            reasons: self.reasons.into_iter().map(|(_, r)| r).collect(),
            cells: self.cells,
            suppressed: None,
        }
    }

    /// The row's supplier, name, board, dates and value, as far as the
    /// register has them. Read quietly: a cell that cannot be read here is
    /// reported by the check that needs it, not twice.
    fn facts(&self) -> RowFacts {
        let text = |role| {
            self.cell(role)
                .map(|(c, _)| capped(&c.shown()))
                .filter(|s| !s.is_empty())
        };
        let day = |role| {
            self.cell(role)
                .and_then(|(c, _)| date(c))
                .map(|d| d.to_string())
        };
        let value = self.cell(Role::Value).and_then(|(c, _)| {
            let scale = self
                .header
                .column(Role::Value)
                .map_or(1.0, |col| self.header.scale(col));
            kronor(c, scale)
        });
        RowFacts {
            supplier: text(Role::Supplier),
            agreement_name: text(Role::Name),
            board: text(Role::Board),
            start_date: day(Role::Start),
            end_date: day(Role::End),
            value_sek: value,
        }
    }

    /// The profile's word lists found in a text.
    fn words(&self, text: &str) -> Vec<SetId> {
        if let Some(found) = self.seen.borrow().get(text) {
            return found.clone();
        }
        let found = self.find_words(text);
        let mut seen = self.seen.borrow_mut();
        // Names are mostly unique; only short texts are worth keeping.
        if text.len() <= 40 && seen.len() < 10_000 {
            seen.insert(text.to_owned(), found.clone());
        }
        found
    }

    fn find_words(&self, text: &str) -> Vec<SetId> {
        let lower = crate::grammar::case::lower_same_length(text);
        let m = &self.profile.matcher;
        let mut sets: Vec<SetId> = m
            .find_all(&lower)
            .iter()
            .flat_map(|h| m.sets_of(h.pattern).iter().copied())
            .collect();
        sets.sort_unstable_by_key(|s| s.0);
        sets.dedup();
        sets
    }

    fn date_of(&mut self, role: Role) -> Option<(Date, String)> {
        let (cell, at) = self.readable(role)?;
        let found = date(&cell);
        if found.is_none() {
            self.unreadable(&cell, &at, "register_read_as_date");
        }
        found.map(|d| (d, at))
    }

    fn number_of(&mut self, cell: &Cell, at: &str, what: &'static str) -> Option<f64> {
        let n = match cell {
            Cell::Number(n) => Some(*n),
            Cell::Text(t) => crate::grammar::numbers::digits(t.trim())
                .ok()
                .map(|(_, n)| n),
            _ => None,
        };
        if n.is_none() {
            self.unreadable(cell, at, what);
        }
        n
    }

    /// `what` is the message that names what the cell should hold.
    fn unreadable(&mut self, cell: &Cell, at: &str, what: &'static str) {
        let m = Message::new("register_unreadable")
            .with("cell", at)
            .with("what", Message::new(what))
            .with("value", capped(&cell.shown()));
        self.note(RowStatus::NeedsReview, self.row_id(), m, Some(at));
    }
}

/// The longest cell text quoted from a register row, in characters: a
/// register's cell can hold a whole contract, and a report line must not.
pub const QUOTE_MAX: usize = 80;

/// `text` cut to `QUOTE_MAX` characters, with "…" where it was cut.
#[must_use]
pub fn capped(text: &str) -> String {
    match text.char_indices().nth(QUOTE_MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Counts by status, for the register and per board and start year.
#[must_use]
pub fn summarise(rows: &[RegisterRow], groups: &Groups) -> RegisterSummary {
    let mut total = Coverage::default();
    let mut by_board: BTreeMap<String, Coverage> = BTreeMap::new();
    let mut by_year: BTreeMap<String, Coverage> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        total.add(row.status);
        let board = groups
            .boards
            .get(i)
            .and_then(|&b| groups.names.get(b as usize).cloned().flatten())
            .unwrap_or_else(|| "–".to_owned());
        by_board
            .entry(board.clone())
            .or_insert_with(|| Coverage {
                key: board,
                ..Coverage::default()
            })
            .add(row.status);
        let year = groups
            .years
            .get(i)
            .copied()
            .flatten()
            .map_or_else(|| "–".to_owned(), |y| y.to_string());
        by_year
            .entry(year.clone())
            .or_insert_with(|| Coverage {
                key: year,
                ..Coverage::default()
            })
            .add(row.status);
    }
    RegisterSummary {
        total,
        by_board: by_board.into_values().collect(),
        by_year: by_year.into_values().collect(),
    }
}

/// Each data row's board and start year, for the summary, in the order
/// and with the rows `audit` gives. A board repeats on every row, so each
/// is held once and a row holds its number.
#[derive(Debug, Default)]
pub struct Groups {
    names: Vec<Option<String>>,
    known: HashMap<Option<String>, u32>,
    boards: Vec<u32>,
    years: Vec<Option<i32>>,
}

impl Groups {
    /// Adds the data rows of a register sheet.
    pub fn add(&mut self, header: &Header, rows: &[Row]) {
        let rows = rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.is_empty()));
        let board = header.column(Role::Board);
        let start = header.column(Role::Start);
        for r in rows {
            let name = board.map(|c| r.get(c).shown()).filter(|s| !s.is_empty());
            let next = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
            let at = *self.known.entry(name).or_insert_with_key(|name| {
                self.names.push(name.clone());
                next
            });
            self.boards.push(at);
            self.years
                .push(start.and_then(|c| date(r.get(c))).map(|d| d.year));
        }
    }

    /// Forgets all rows after the first `len`.
    pub fn truncate(&mut self, len: usize) {
        self.boards.truncate(len);
        self.years.truncate(len);
    }
}

#[cfg(test)]
mod quote_tests {
    #[test]
    fn a_quoted_cell_stops_at_eighty_characters() {
        let long = "å".repeat(81);
        assert_eq!(super::capped(&long), format!("{}…", "å".repeat(80)));
        assert_eq!(super::capped(&"å".repeat(80)), "å".repeat(80));
        assert_eq!(super::capped("nej"), "nej");
    }
}
