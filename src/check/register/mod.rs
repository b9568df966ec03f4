//! The audit of an agreement register: one status per row, with the reasons
//! and the cells that decided it, and coverage per responsible board and per
//! start year.
//!
//! An unknown contract type here is `needs-review`, while in a document it is
//! assumed to apply. The difference is deliberate: a gate on a document must
//! fail safe, but an audit that guessed would report coverage no one can
//! trust; an auditor looks at the row instead.

use std::cell::RefCell;

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

use crate::model::column::Role;
use crate::model::message::Message;
use crate::model::vocab::{ContractType, RowStatus};
use crate::profile::phrases::SetId;
use crate::profile::Profile;
use crate::report::{Coverage, RegisterRow, RegisterSummary, RowReason};
use crate::sheet::cell::{date, kronor, yes_no, Cell, Date};
use crate::sheet::columns::Header;
use crate::sheet::{a1, Row, Table};

/// What a row's contract is, as far as the register tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Services,
    Works,
    Goods,
    Unknown,
}

struct Audit<'a> {
    profile: &'a Profile,
    /// Word lists found in cell texts seen before: registers repeat their
    /// types and versions on every row.
    seen: &'a RefCell<HashMap<String, Vec<SetId>>>,
    table: &'a Table,
    header: &'a Header,
    row: &'a Row,
    reasons: Vec<(RowStatus, RowReason)>,
    cells: Vec<String>,
}

/// Audits every data row of a register sheet.
#[must_use]
pub fn audit(table: &Table, header: &Header, profile: &Profile) -> Vec<RegisterRow> {
    // Rows are independent, so a long register is audited on every core,
    // each thread with its own memory of texts seen.
    table.rows[header.row + 1..]
        .par_iter()
        .filter(|row| row.cells.iter().any(|c| !c.is_empty()))
        .map_init(
            || RefCell::new(HashMap::new()),
            |seen, row| {
                Audit {
                    profile,
                    seen,
                    table,
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
                why,
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
            sheet: self.table.sheet.clone(),
            row: self.row.number + 1,
            contract: self
                .cell(Role::Contract)
                .map(|(c, _)| c.shown())
                .filter(|s| !s.is_empty()),
            applies,
            status,
            reasons: self.reasons.into_iter().map(|(_, r)| r).collect(),
            cells: self.cells,
            suppressed: None,
        }
    }

    /// Whether the clause applies: by the contract type, then (for the
    /// 2006:260 profile) by term and value. `None` when it cannot be told.
    fn applies(&mut self) -> Option<bool> {
        let (kind, at) = self.kind();
        match kind {
            Kind::Goods => {
                let m = Message::new("register_goods").with("cell", at.as_str());
                self.note(RowStatus::NotApplicable, self.row_id(), m, Some(&at));
                return Some(false);
            }
            Kind::Unknown => return None,
            Kind::Services | Kind::Works => {
                let kind = if kind == Kind::Works {
                    "register_kind_works"
                } else {
                    "register_kind_services"
                };
                let m = Message::new("register_applies")
                    .with("type", Message::new(kind))
                    .with("cell", at.as_str());
                self.note(RowStatus::Compliant, self.row_id(), m, Some(&at));
            }
        }
        if !self.profile.scope.apply_thresholds {
            return Some(true);
        }
        self.thresholds()
    }

    /// The contract type from the type column; for a framework agreement or a
    /// blank type, from the name, category and CPV code.
    fn kind(&mut self) -> (Kind, String) {
        let r = &self.profile.register;
        let Some((cell, at)) = self.readable(Role::Type) else {
            return (Kind::Unknown, String::new());
        };
        let text = cell.shown();
        let found = self.words(&text);
        let by_type = classify(&found, r.services, r.works, r.goods);
        if by_type != Kind::Unknown {
            return (by_type, at);
        }
        let framework = found.contains(&r.framework);
        let mut others = String::new();
        for role in [Role::Name, Role::Category] {
            if let Some((c, _)) = self.cell(role) {
                others.push_str(&c.shown());
                others.push(' ');
            }
        }
        let by_cpv = self
            .cell(Role::Cpv)
            .and_then(|(c, _)| self.profile.cpv.kind(&c.shown()))
            .map(|kind| match kind {
                ContractType::Works => Kind::Works,
                ContractType::Goods => Kind::Goods,
                _ => Kind::Services,
            });
        let by_words = classify(&self.words(&others), r.services, r.works, r.goods);
        let kind = by_cpv.unwrap_or(by_words);
        if kind != Kind::Unknown && (framework || text.trim().is_empty()) {
            return (kind, at);
        }
        let key = match (text.trim().is_empty(), framework) {
            (true, _) => "register_type_missing",
            (false, true) => "register_framework",
            (false, false) => "register_type_unknown",
        };
        let m = Message::new(key)
            .with("cell", at.as_str())
            .with("value", text);
        self.note(RowStatus::NeedsReview, self.row_id(), m, Some(&at));
        (Kind::Unknown, at)
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

    fn thresholds(&mut self) -> Option<bool> {
        let p = &self.profile.parameters;
        let start = self.date_of(Role::Start)?;
        let end = self.date_of(Role::End)?;
        let days = i32::try_from(end.0.days() - start.0.days()).unwrap_or(i32::MAX);
        let mut months = f64::from(days) / 30.0;
        let mut cells = format!("{}–{}", start.1, end.1);
        if p.duration_includes_options {
            if let Some((cell, at)) = self.readable(Role::Extension) {
                if !cell.is_empty() {
                    let extra = self.number_of(&cell, &at, "register_read_as_months")?;
                    months += extra;
                    cells = format!("{cells}, {at}");
                }
            }
        }
        let value = match self.readable(Role::Value) {
            Some((cell, at)) => {
                let scale = self
                    .header
                    .column(Role::Value)
                    .map_or(1.0, |c| self.header.scale(c));
                let Some(v) = kronor(&cell, scale) else {
                    self.unreadable(&cell, &at, "register_read_as_kronor");
                    return None;
                };
                Some((v, at))
            }
            None => None,
        };
        if months < p.min_duration_months {
            let m = Message::new("register_below_duration")
                .with("months", months.round())
                .with("cells", cells)
                .with("min", p.min_duration_months);
            self.note(RowStatus::NotApplicable, self.row_id(), m, Some(&start.1));
            return Some(false);
        }
        let (value, at) = value?;
        if value < p.min_value_sek {
            let m = Message::new("register_below_value")
                .with("value", value)
                .with("cell", at.as_str())
                .with("min", p.min_value_sek);
            self.note(RowStatus::NotApplicable, self.row_id(), m, Some(&at));
            return Some(false);
        }
        Some(true)
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
            .with("value", cell.shown());
        self.note(RowStatus::NeedsReview, self.row_id(), m, Some(at));
    }

    /// The clause counts as included only on a clear yes.
    fn clause(&mut self) {
        let Some((cell, at)) = self.readable(Role::Clause) else {
            return;
        };
        match yes_no(&cell) {
            Some(true) => {
                let m = Message::new("register_clause_included").with("cell", at.as_str());
                self.note(RowStatus::Compliant, self.row_id(), m, Some(&at));
            }
            Some(false) | None if cell.is_empty() || yes_no(&cell) == Some(false) => {
                let m = Message::new("register_clause_missing")
                    .with("cell", at.as_str())
                    .with("value", cell.shown());
                self.note(RowStatus::NonCompliant, self.row_id(), m, Some(&at));
            }
            _ => {
                let m = Message::new("register_clause_unclear")
                    .with("cell", at.as_str())
                    .with("value", cell.shown());
                self.note(RowStatus::NeedsReview, self.row_id(), m, Some(&at));
            }
        }
        if let Some((v, at)) = self.readable(Role::ClauseVersion) {
            let text = v.shown();
            if !text.is_empty()
                && self
                    .words(&text)
                    .contains(&self.profile.register.old_version)
            {
                let m = Message::new("register_old_version")
                    .with("cell", at.as_str())
                    .with("value", text);
                self.note(RowStatus::NeedsReview, self.row_id(), m, Some(&at));
            }
        }
    }

    /// The clause's terms as columns, each against the profile's parameters.
    /// A blank term cell passes no judgement.
    fn terms(&mut self) {
        let p = self.profile.parameters.clone();
        let rule = &self.profile.register_rule;
        if let Some(((cell, at), id)) = self
            .readable(Role::Penalty)
            .filter(|(c, _)| !c.is_empty())
            .zip(rule.term(Role::Penalty))
        {
            let scale = self
                .header
                .column(Role::Penalty)
                .map_or(1.0, |c| self.header.scale(c));
            match kronor(&cell, scale) {
                Some(v) if v < p.penalty_min_sek => {
                    let m = Message::new("register_penalty_low")
                        .with("requirement", id)
                        .with("value", v)
                        .with("cell", at.as_str())
                        .with("min", p.penalty_min_sek);
                    self.note(RowStatus::NonCompliant, id, m, Some(&at));
                }
                Some(_) => {}
                None => self.unreadable(&cell, &at, "register_read_as_kronor"),
            }
        }
        if let Some(((cell, at), id)) = self
            .readable(Role::ReportDays)
            .filter(|(c, _)| !c.is_empty())
            .zip(rule.term(Role::ReportDays))
        {
            if let Some(days) = self.number_of(&cell, &at, "register_read_as_days") {
                if days > p.report_max_days {
                    let m = Message::new("register_report_slow")
                        .with("requirement", id)
                        .with("value", days)
                        .with("cell", at.as_str())
                        .with("max", p.report_max_days);
                    self.note(RowStatus::NonCompliant, id, m, Some(&at));
                }
            }
        }
        for (role, key) in [
            (Role::FlowDown, "register_flow_down_missing"),
            (Role::Termination, "register_termination_missing"),
        ] {
            if let Some(((cell, at), id)) = self
                .readable(role)
                .filter(|(c, _)| !c.is_empty())
                .zip(rule.term(role))
            {
                match yes_no(&cell) {
                    Some(false) => {
                        let m = Message::new(key)
                            .with("requirement", id)
                            .with("cell", at.as_str());
                        self.note(RowStatus::NonCompliant, id, m, Some(&at));
                    }
                    Some(true) => {}
                    None => {
                        let m = Message::new("register_clause_unclear")
                            .with("cell", at.as_str())
                            .with("value", cell.shown());
                        self.note(RowStatus::NeedsReview, id, m, Some(&at));
                    }
                }
            }
        }
    }
}

fn classify(found: &[SetId], services: SetId, works: SetId, goods: SetId) -> Kind {
    match (
        found.contains(&services),
        found.contains(&works),
        found.contains(&goods),
    ) {
        (_, true, false) => Kind::Works,
        (true, false, false) => Kind::Services,
        (false, false, true) => Kind::Goods,
        _ => Kind::Unknown,
    }
}

/// Counts by status, for the register and per board and start year.
#[must_use]
pub fn summarise(
    rows: &[RegisterRow],
    boards: &[Option<String>],
    years: &[Option<i32>],
) -> RegisterSummary {
    let mut total = Coverage::default();
    let mut by_board: BTreeMap<String, Coverage> = BTreeMap::new();
    let mut by_year: BTreeMap<String, Coverage> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        total.add(row.status);
        let board = boards
            .get(i)
            .cloned()
            .flatten()
            .unwrap_or_else(|| "–".to_owned());
        by_board
            .entry(board.clone())
            .or_insert_with(|| Coverage {
                key: board,
                ..Coverage::default()
            })
            .add(row.status);
        let year = years
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

/// Each data row's board and start year, for the summary.
#[must_use]
pub fn groups(table: &Table, header: &Header) -> (Vec<Option<String>>, Vec<Option<i32>>) {
    let rows = table.rows[header.row + 1..]
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.is_empty()));
    let board = header.column(Role::Board);
    let start = header.column(Role::Start);
    rows.map(|r| {
        (
            board.map(|c| r.get(c).shown()).filter(|s| !s.is_empty()),
            start.and_then(|c| date(r.get(c))).map(|d| d.year),
        )
    })
    .unzip()
}
