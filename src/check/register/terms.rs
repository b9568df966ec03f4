//! The clause and its terms in a register row: the clause included on a
//! clear yes, its version not an old one, and each term column the profile
//! maps to a requirement (`[register.terms]`) judged against the profile's
//! parameters.

use super::Audit;
use crate::model::column::Role;
use crate::model::message::Message;
use crate::model::vocab::RowStatus;
use crate::sheet::cell::{kronor, yes_no, Cell};

/// A term column's cell in one row, where it stands, and the requirement
/// the profile judges it for.
struct Term<'p> {
    role: Role,
    cell: Cell,
    at: String,
    id: &'p str,
}

impl<'a> Audit<'a> {
    /// The clause counts as included only on a clear yes.
    pub(super) fn clause(&mut self) {
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
                    .with("value", super::capped(&cell.shown()));
                self.note(RowStatus::NonCompliant, self.row_id(), m, Some(&at));
            }
            _ => {
                let m = Message::new("register_clause_unclear")
                    .with("cell", at.as_str())
                    .with("value", super::capped(&cell.shown()));
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
                    .with("value", super::capped(&text));
                self.note(RowStatus::NeedsReview, self.row_id(), m, Some(&at));
            }
        }
    }

    /// The clause's terms as columns, each against the profile's parameters
    /// and judged for the requirement the profile maps it to. A blank term
    /// cell, or a term the profile does not map, passes no judgement.
    pub(super) fn terms(&mut self) {
        if let Some(term) = self.term(Role::Penalty) {
            self.penalty(term);
        }
        if let Some(term) = self.term(Role::ReportDays) {
            self.report_days(term);
        }
        for (role, key) in [
            (Role::FlowDown, "register_flow_down_missing"),
            (Role::Termination, "register_termination_missing"),
        ] {
            if let Some(term) = self.term(role) {
                self.yes_term(term, key);
            }
        }
    }

    /// A term's cell, where it stands, and the requirement it is judged for.
    fn term(&mut self, role: Role) -> Option<Term<'a>> {
        let profile = self.profile;
        let ((cell, at), id) = self
            .readable(role)
            .filter(|(c, _)| !c.is_empty())
            .zip(profile.register_rule.term(role))?;
        Some(Term { role, cell, at, id })
    }

    fn penalty(&mut self, Term { role, cell, at, id }: Term<'a>) {
        let min = self.profile.parameters.penalty_min_sek;
        let scale = self
            .header
            .column(role)
            .map_or(1.0, |c| self.header.scale(c));
        match kronor(&cell, scale) {
            Some(v) if v < min => {
                let m = Message::new("register_penalty_low")
                    .with("requirement", id)
                    .with("value", v)
                    .with("cell", at.as_str())
                    .with("min", min);
                self.note(RowStatus::NonCompliant, id, m, Some(&at));
            }
            Some(_) => {}
            None => self.unreadable(&cell, &at, "register_read_as_kronor"),
        }
    }

    fn report_days(&mut self, Term { cell, at, id, .. }: Term<'a>) {
        let max = self.profile.parameters.report_max_days;
        if let Some(days) = self.number_of(&cell, &at, "register_read_as_days") {
            if days > max {
                let m = Message::new("register_report_slow")
                    .with("requirement", id)
                    .with("value", days)
                    .with("cell", at.as_str())
                    .with("max", max);
                self.note(RowStatus::NonCompliant, id, m, Some(&at));
            }
        }
    }

    /// A term a clear yes meets: a no breaks it (message `key`), anything
    /// else needs review.
    fn yes_term(&mut self, Term { cell, at, id, .. }: Term<'a>, key: &'static str) {
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
                    .with("value", super::capped(&cell.shown()));
                self.note(RowStatus::NeedsReview, id, m, Some(&at));
            }
        }
    }
}
