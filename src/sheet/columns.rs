//! Which column holds what: header synonyms in Swedish and English, the
//! header row (which may sit below title rows), the kind of sheet, and the
//! mapping a user gives in the configuration or on the command line, which
//! wins over guessing.

use super::{Row, Table};

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

/// Roles in the order they claim a header, each with its words (lower case,
/// found anywhere in the header). More specific roles come first:
/// "Underleverantörskrav" is flow-down before it is a supplier.
const SYNONYMS: &[(Role, &str, &[&str])] = &[
    (
        Role::ClauseVersion,
        "clause_version",
        &[
            "klausulversion",
            "version av klausul",
            "klausulens version",
            "clause version",
            "version",
        ],
    ),
    (
        Role::Clause,
        "clause",
        &[
            "antidiskriminering",
            "diskrimineringsklausul",
            "klausul",
            "anti-discrimination",
            "clause",
        ],
    ),
    (
        Role::ReportDays,
        "report_days",
        &[
            "redovisningstid",
            "redovisning inom",
            "redovisning (dagar)",
            "svarstid",
            "reporting time",
            "reporting days",
            "report within",
        ],
    ),
    (
        Role::FlowDown,
        "flow_down",
        &[
            "underleverantör",
            "underentreprenör",
            "subcontractor",
            "flow-down",
            "flow down",
        ],
    ),
    (
        Role::Termination,
        "termination",
        &["hävning", "termination"],
    ),
    (
        Role::Penalty,
        "penalty",
        &["vite", "penalty", "liquidated damages"],
    ),
    (
        Role::OrgNumber,
        "org_number",
        &[
            "organisationsnummer",
            "org.nr",
            "orgnr",
            "org nr",
            "organisation number",
            "organization number",
            "company number",
        ],
    ),
    (
        Role::Contract,
        "contract",
        &[
            "avtalsnummer",
            "avtals-id",
            "avtalsid",
            "avtalsnr",
            "avtal nr",
            "diarienummer",
            "dnr",
            "contract no",
            "contract number",
            "contract id",
            "agreement no",
            "agreement number",
            "agreement id",
        ],
    ),
    (
        Role::Supplier,
        "supplier",
        &[
            "leverantör",
            "supplier",
            "vendor",
            "entreprenör",
            "contractor",
        ],
    ),
    (
        Role::Obligation,
        "obligation",
        &[
            "kravtyp",
            "ska/bör",
            "ska-/bör",
            "skall/bör",
            "kravnivå",
            "obligatorisk",
            "requirement type",
            "mandatory",
            "must/should",
        ],
    ),
    (
        Role::Type,
        "type",
        &[
            "avtalstyp",
            "kontraktstyp",
            "upphandlingstyp",
            "typ av avtal",
            "contract type",
            "agreement type",
            "typ",
            "type",
        ],
    ),
    (
        Role::Category,
        "category",
        &["kategori", "category", "varugrupp", "tjänsteområde"],
    ),
    (Role::Cpv, "cpv", &["cpv"]),
    (
        Role::Value,
        "value",
        &["värde", "value", "belopp", "amount"],
    ),
    (
        Role::Start,
        "start",
        &[
            "startdatum",
            "avtalsstart",
            "start",
            "fr.o.m",
            "giltig från",
            "from",
        ],
    ),
    (
        Role::End,
        "end",
        &[
            "slutdatum",
            "avtalsslut",
            "slut",
            "t.o.m",
            "giltig till",
            "upphör",
            "expires",
            "end",
        ],
    ),
    (
        Role::Extension,
        "extension",
        &["förlängning", "option", "extension"],
    ),
    (
        Role::Board,
        "board",
        &[
            "nämnd",
            "förvaltning",
            "ansvarig",
            "board",
            "administration",
            "department",
            "responsible",
        ],
    ),
    (
        Role::Area,
        "area",
        &[
            "kravområde",
            "område",
            "avsnitt",
            "area",
            "section",
            "rubrik",
        ],
    ),
    (
        Role::Id,
        "id",
        &[
            "krav-id",
            "kravnummer",
            "kravnr",
            "krav nr",
            "requirement id",
            "req id",
            "id",
            "nr",
            "nummer",
        ],
    ),
    (
        Role::Text,
        "text",
        &[
            "kravtext",
            "krav",
            "requirement",
            "beskrivning",
            "description",
            "text",
        ],
    ),
    (
        Role::Name,
        "name",
        &[
            "avtalsnamn",
            "benämning",
            "namn",
            "name",
            "avtal",
            "contract",
            "agreement",
            "title",
            "upphandling",
        ],
    ),
];

impl Role {
    #[must_use]
    pub fn key(self) -> &'static str {
        SYNONYMS
            .iter()
            .find(|(r, _, _)| *r == self)
            .map_or("", |(_, k, _)| k)
    }

    /// Every role's key, as a mapping names it.
    #[must_use]
    pub fn keys() -> Vec<&'static str> {
        SYNONYMS.iter().map(|(_, k, _)| *k).collect()
    }

    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        SYNONYMS
            .iter()
            .find(|(_, k, _)| *k == key)
            .map(|(r, _, _)| *r)
    }
}

/// What a sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Catalogue,
    Register,
}

/// A sheet's header: where it is, what it says, and which column has which role.
#[derive(Debug, Clone)]
pub struct Header {
    /// Index into `Table::rows`.
    pub row: usize,
    pub titles: Vec<String>,
    pub columns: Vec<(Role, usize)>,
}

impl Header {
    #[must_use]
    pub fn column(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| *c)
    }

    /// The header text of a column.
    #[must_use]
    pub fn title(&self, col: usize) -> &str {
        self.titles.get(col).map_or("", String::as_str)
    }

    /// What a header says its values are counted in: tkr, MSEK or kronor.
    #[must_use]
    pub fn scale(&self, col: usize) -> f64 {
        let t = self.title(col).to_lowercase();
        if t.contains("tkr") || t.contains("tusen") || t.contains("ksek") {
            1_000.0
        } else if t.contains("msek") || t.contains("mkr") || t.contains("miljon") {
            1_000_000.0
        } else {
            1.0
        }
    }

    #[must_use]
    pub fn kind(&self) -> Option<SheetKind> {
        let has = |r| self.column(r).is_some();
        let register = [
            Role::Contract,
            Role::Name,
            Role::Type,
            Role::Value,
            Role::Start,
            Role::End,
            Role::Clause,
            Role::Board,
            Role::Supplier,
        ]
        .iter()
        .filter(|r| has(**r))
        .count();
        let catalogue =
            has(Role::Text) && (has(Role::Id) || has(Role::Obligation) || has(Role::Area));
        if register >= 3 {
            Some(SheetKind::Register)
        } else if catalogue {
            Some(SheetKind::Catalogue)
        } else {
            None
        }
    }
}

/// Rows looked at for the header; title rows above it are skipped.
const HEADER_SEARCH: usize = 30;

fn normalise(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Roles for a row's cells: the user's mapping first (by exact header,
/// ignoring case), then the synonyms, one column per role.
fn roles(row: &Row, mapping: &[(String, String)]) -> Vec<(Role, usize)> {
    let titles: Vec<String> = row.cells.iter().map(|c| normalise(&c.shown())).collect();
    let mut columns: Vec<(Role, usize)> = Vec::new();
    for (key, header) in mapping {
        let (Some(role), Some(col)) = (
            Role::from_key(key),
            titles.iter().position(|t| *t == normalise(header)),
        ) else {
            continue;
        };
        columns.retain(|(r, c)| *r != role && *c != col);
        columns.push((role, col));
    }
    for (col, title) in titles.iter().enumerate() {
        if title.is_empty() || columns.iter().any(|(_, c)| *c == col) {
            continue;
        }
        let role = SYNONYMS
            .iter()
            .filter(|(r, _, _)| columns.iter().all(|(taken, _)| taken != r))
            .find(|(_, _, words)| words.iter().any(|w| title.contains(w)))
            .map(|(r, _, _)| *r);
        if let Some(role) = role {
            columns.push((role, col));
        }
    }
    columns
}

/// The header row: among the first rows, the one whose cells name the most
/// roles (at least two). `mapping` is (role key, header text).
#[must_use]
pub fn find_header(table: &Table, mapping: &[(String, String)]) -> Option<Header> {
    let mut best: Option<Header> = None;
    for (i, row) in table.rows.iter().take(HEADER_SEARCH).enumerate() {
        // A header is text; a row of numbers and dates is data.
        let texts = row
            .cells
            .iter()
            .filter(|c| matches!(c, super::cell::Cell::Text(_)))
            .count();
        if texts < 2 {
            continue;
        }
        let columns = roles(row, mapping);
        if columns.len() >= 2
            && best
                .as_ref()
                .is_none_or(|b| columns.len() > b.columns.len())
        {
            best = Some(Header {
                row: i,
                titles: row.cells.iter().map(super::cell::Cell::shown).collect(),
                columns,
            });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::cell::Cell;
    use super::*;

    fn row(titles: &[&str]) -> Row {
        Row {
            number: 0,
            cells: titles.iter().map(|t| Cell::Text((*t).into())).collect(),
        }
    }

    #[test]
    fn swedish_register_headers() {
        let t = Table {
            sheet: "Avtal".into(),
            rows: vec![
                row(&["Avtalsregister 2026", ""]),
                row(&["Stadsledningskontoret"]),
                row(&[
                    "Avtalsnummer",
                    "Avtalsnamn",
                    "Leverantör",
                    "Org.nr",
                    "Avtalstyp",
                    "Uppskattat värde tkr",
                    "Startdatum",
                    "Slutdatum",
                    "Förlängningsoption (mån)",
                    "Ansvarig nämnd",
                    "Klausul ingår",
                    "Klausulversion",
                    "Vite per vecka",
                    "Redovisningstid (dagar)",
                    "Underleverantörskrav",
                    "Hävningsrätt",
                ]),
            ],
        };
        let h = find_header(&t, &[]).unwrap();
        assert_eq!(h.row, 2);
        let keys: Vec<&str> = (0..16)
            .map(|c| {
                h.columns
                    .iter()
                    .find(|(_, col)| *col == c)
                    .map_or("-", |(r, _)| r.key())
            })
            .collect();
        assert_eq!(
            keys,
            [
                "contract",
                "name",
                "supplier",
                "org_number",
                "type",
                "value",
                "start",
                "end",
                "extension",
                "board",
                "clause",
                "clause_version",
                "penalty",
                "report_days",
                "flow_down",
                "termination"
            ]
        );
        assert_eq!(h.kind(), Some(SheetKind::Register));
        assert!((h.scale(5) - 1000.0).abs() < f64::EPSILON);
    }

    #[test]
    fn english_catalogue_headers_and_a_mapping_that_wins() {
        let t = Table {
            sheet: "Requirements".into(),
            rows: vec![row(&["Req ID", "Requirement", "Must/Should", "Area"])],
        };
        let h = find_header(&t, &[]).unwrap();
        assert_eq!(h.kind(), Some(SheetKind::Catalogue));
        assert_eq!(h.column(Role::Obligation), Some(2));
        let mapped = find_header(
            &t,
            &[
                ("area".into(), "Requirement".into()),
                ("text".into(), "area".into()),
            ],
        )
        .unwrap();
        assert_eq!(mapped.column(Role::Area), Some(1));
        assert_eq!(mapped.column(Role::Text), Some(3));
    }
}
