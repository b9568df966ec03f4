//! Whether the clause applies to a register row: by the contract type in the
//! type column, or for a framework agreement or a blank type by the name,
//! category and CPV code; then, for a profile with thresholds, by the term
//! (options included when the profile says so) and the value.

use super::Audit;
use crate::model::column::Role;
use crate::model::message::Message;
use crate::model::vocab::{ContractType, RowStatus};
use crate::profile::phrases::SetId;
use crate::sheet::cell::kronor;

/// What a row's contract is, as far as the register tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Services,
    Works,
    Goods,
    Unknown,
}

impl Audit<'_> {
    /// Whether the clause applies: by the contract type, then (for the
    /// 2006:260 profile) by term and value. `None` when it cannot be told.
    pub(super) fn applies(&mut self) -> Option<bool> {
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
            .with("value", super::capped(&text));
        self.note(RowStatus::NeedsReview, self.row_id(), m, Some(&at));
        (Kind::Unknown, at)
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
