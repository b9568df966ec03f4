//! What a spreadsheet column holds, and what a sheet is. The role names are
//! the keys of `[columns]` in `klausul.toml` and of `--columns`; the header
//! words that find each role are in the profile's vocabulary (`rules/`).

/// What a column holds. The names are the keys of `[columns]` in
/// `klausul.toml` and of `--columns`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    ClauseVersion,
    Clause,
    ReportDays,
    FlowDown,
    Termination,
    Penalty,
    OrgNumber,
    Contract,
    Supplier,
    Obligation,
    Type,
    Category,
    Cpv,
    Value,
    Start,
    End,
    Extension,
    Board,
    Area,
    Id,
    Text,
    Name,
}

impl Role {
    /// Every role with its key, in the order roles claim a header.
    pub const ALL: [(Self, &'static str); 22] = [
        (Self::ClauseVersion, "clause_version"),
        (Self::Clause, "clause"),
        (Self::ReportDays, "report_days"),
        (Self::FlowDown, "flow_down"),
        (Self::Termination, "termination"),
        (Self::Penalty, "penalty"),
        (Self::OrgNumber, "org_number"),
        (Self::Contract, "contract"),
        (Self::Supplier, "supplier"),
        (Self::Obligation, "obligation"),
        (Self::Type, "type"),
        (Self::Category, "category"),
        (Self::Cpv, "cpv"),
        (Self::Value, "value"),
        (Self::Start, "start"),
        (Self::End, "end"),
        (Self::Extension, "extension"),
        (Self::Board, "board"),
        (Self::Area, "area"),
        (Self::Id, "id"),
        (Self::Text, "text"),
        (Self::Name, "name"),
    ];

    #[must_use]
    pub fn key(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(r, _)| *r == self)
            .map_or("", |(_, k)| k)
    }

    /// Every role's key, as a mapping names it.
    #[must_use]
    pub fn keys() -> Vec<&'static str> {
        Self::ALL.iter().map(|(_, k)| *k).collect()
    }

    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, k)| *k == key).map(|(r, _)| *r)
    }
}

/// What a sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Catalogue,
    Register,
}
