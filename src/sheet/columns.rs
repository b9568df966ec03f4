//! Which column holds what: header synonyms in Swedish and English, the
//! header row (which may sit below title rows), the kind of sheet, and the
//! mapping a user gives in the configuration or on the command line, which
//! wins over guessing.

use super::{Row, Table};
use crate::model::column::{Role, SheetKind};
use crate::profile::vocabulary::Vocabulary;

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
pub const HEADER_SEARCH: usize = 30;

fn normalise(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Roles for a row's cells: the user's mapping first (by exact header,
/// ignoring case), then the synonyms, one column per role.
fn roles(
    row: &Row,
    headers: &[(Role, Vec<String>)],
    mapping: &[(String, String)],
) -> Vec<(Role, usize)> {
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
        let role = headers
            .iter()
            .filter(|(r, _)| columns.iter().all(|(taken, _)| taken != r))
            .find(|(_, words)| words.iter().any(|w| title.contains(w.as_str())))
            .map(|(r, _)| *r);
        if let Some(role) = role {
            columns.push((role, col));
        }
    }
    columns
}

/// The header row: among the first rows, the one whose cells name the most
/// roles (at least two), by the vocabulary's header words. `mapping` is
/// (role key, header text).
#[must_use]
pub fn find_header(
    table: &Table,
    vocabulary: &Vocabulary,
    mapping: &[(String, String)],
) -> Option<Header> {
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
        let columns = roles(row, &vocabulary.headers, mapping);
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

    /// A Swedish register's header row, as a municipality writes it.
    const SWEDISH_HEADERS: [&str; 16] = [
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
    ];

    #[test]
    fn swedish_register_headers() {
        let t = Table {
            sheet: "Avtal".into(),
            hidden: false,
            rows: vec![
                row(&["Avtalsregister 2026", ""]),
                row(&["Stadsledningskontoret"]),
                row(&SWEDISH_HEADERS),
            ],
        };
        let h = find_header(&t, &Vocabulary::builtin(), &[]).unwrap();
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
            hidden: false,
            rows: vec![row(&["Req ID", "Requirement", "Must/Should", "Area"])],
        };
        let h = find_header(&t, &Vocabulary::builtin(), &[]).unwrap();
        assert_eq!(h.kind(), Some(SheetKind::Catalogue));
        assert_eq!(h.column(Role::Obligation), Some(2));
        let mapped = find_header(
            &t,
            &Vocabulary::builtin(),
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
