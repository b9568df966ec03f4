//! One spreadsheet cell as klausul reads it, and the values read out of cells:
//! dates (Excel serial numbers, ISO text, "1 mars 2026"), amounts in Swedish
//! formats ("1 250 000 kr", "2,5 MSEK") and clear yes or no answers.

use crate::grammar::amount::{amount, Money};
use crate::grammar::numbers::digits;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell, as an Excel serial day number.
    Date(f64),
    /// An error value such as `#REF!`: never read as text.
    Error(String),
}

impl Cell {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The bytes of text the cell holds.
    #[must_use]
    pub fn text_len(&self) -> usize {
        match self {
            Self::Text(t) | Self::Error(t) => t.len(),
            _ => 0,
        }
    }

    /// The cell as the user sees it, for messages.
    #[must_use]
    pub fn shown(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.trim().to_owned(),
            Self::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{n:.0}")
                } else {
                    n.to_string()
                }
            }
            Self::Bool(b) => b.to_string(),
            Self::Date(serial) => {
                date_of_serial(*serial).map_or_else(|| serial.to_string(), |d| d.to_string())
            }
            Self::Error(e) => e.clone(),
        }
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian).
    #[must_use]
    pub fn days(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    #[must_use]
    pub fn from_days(z: i64) -> Self {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: i32::try_from(year).unwrap_or(0),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    fn checked(year: i32, month: u32, day: u32) -> Option<Self> {
        let d = Self { year, month, day };
        ((1..=12).contains(&month) && (1..=31).contains(&day) && Self::from_days(d.days()) == d)
            .then_some(d)
    }
}

/// An Excel serial day (1900 system: day 1 is 1900-01-01, with Excel's
/// phantom 1900-02-29, so serials from 61 count from 1899-12-30).
#[must_use]
pub fn date_of_serial(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let whole = serial.floor() as i64;
    let base = Date {
        year: 1899,
        month: 12,
        day: 30,
    }
    .days();
    let offset = if whole < 61 { whole + 1 } else { whole };
    Some(Date::from_days(base + offset))
}

const MONTHS: [&[&str]; 12] = [
    &["januari", "january", "jan"],
    &["februari", "february", "feb"],
    &["mars", "march", "mar"],
    &["april", "apr"],
    &["maj", "may"],
    &["juni", "june", "jun"],
    &["juli", "july", "jul"],
    &["augusti", "august", "aug"],
    &["september", "sept", "sep"],
    &["oktober", "october", "okt", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// A date in a cell: a date or number cell (a serial), ISO text
/// ("2026-03-01"), or Swedish and English text ("1 mars 2026", "1 March 2026").
#[must_use]
pub fn date(cell: &Cell) -> Option<Date> {
    match cell {
        Cell::Date(serial) | Cell::Number(serial) => date_of_serial(*serial),
        Cell::Text(t) => date_text(t.trim()),
        _ => None,
    }
}

fn date_text(t: &str) -> Option<Date> {
    let iso: Vec<&str> = t.split(['-', '/', '.']).collect();
    if iso.len() == 3 && iso[0].len() == 4 {
        let day_part = iso[2].split(['T', ' ']).next()?;
        return Date::checked(
            iso[0].parse().ok()?,
            iso[1].parse().ok()?,
            day_part.parse().ok()?,
        );
    }
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    if let [day, month, year] = words.as_slice() {
        let month = MONTHS
            .iter()
            .position(|names| names.contains(&month.as_str()))?;
        return Date::checked(
            year.parse().ok()?,
            u32::try_from(month + 1).ok()?,
            day.parse().ok()?,
        );
    }
    None
}

/// An amount in kronor: a number cell, or text such as "1 250 000 kr",
/// "2,5 MSEK" or "25 tkr"; `scale` multiplies a bare number (a header in tkr
/// or MSEK).
#[must_use]
pub fn kronor(cell: &Cell, scale: f64) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(n * scale),
        Cell::Text(t) => {
            let lower = t.trim().to_lowercase();
            if let Ok(("", n)) = digits(&lower) {
                return Some(n * scale);
            }
            let (rest, a) = amount(&lower).ok()?;
            if !rest.trim().is_empty() {
                return None;
            }
            match a.money {
                // A bare number takes the header's scale; one with its own
                // unit ("2,5 MSEK") is already in kronor.
                Money::Sek(n) if lower.chars().any(char::is_alphabetic) => Some(n),
                Money::Sek(n) => Some(n * scale),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A clear yes or no; anything else is neither.
#[must_use]
pub fn yes_no(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Bool(b) => Some(*b),
        Cell::Number(n) if (n - 1.0).abs() < f64::EPSILON => Some(true),
        Cell::Number(n) if n.abs() < f64::EPSILON => Some(false),
        Cell::Text(t) => match t.trim().to_lowercase().as_str() {
            "ja" | "yes" | "x" | "sant" | "true" | "1" | "j" | "y" => Some(true),
            "nej" | "no" | "falskt" | "false" | "0" | "n" | "-" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::checked(y, m, day)
    }

    #[test]
    fn dates_in_every_shape() {
        assert_eq!(date(&Cell::Date(46082.0)), d(2026, 3, 1));
        assert_eq!(date(&Cell::Number(1.0)), d(1900, 1, 1));
        assert_eq!(date(&Cell::Number(61.0)), d(1900, 3, 1));
        assert_eq!(date(&Cell::Text("2026-03-01".into())), d(2026, 3, 1));
        assert_eq!(date(&Cell::Text("1 mars 2026".into())), d(2026, 3, 1));
        assert_eq!(date(&Cell::Text("15 Oct 2025".into())), d(2025, 10, 15));
        assert_eq!(date(&Cell::Text("2026-02-30".into())), None);
        assert_eq!(date(&Cell::Text("snart".into())), None);
    }

    #[test]
    fn amounts_in_swedish_formats() {
        assert_eq!(
            kronor(&Cell::Text("1 250 000".into()), 1.0),
            Some(1_250_000.0)
        );
        assert_eq!(
            kronor(&Cell::Text("1 250 000 kr".into()), 1.0),
            Some(1_250_000.0)
        );
        assert_eq!(
            kronor(&Cell::Text("2,5 MSEK".into()), 1000.0),
            Some(2_500_000.0)
        );
        assert_eq!(kronor(&Cell::Number(850.0), 1000.0), Some(850_000.0));
        assert_eq!(kronor(&Cell::Text("850".into()), 1000.0), Some(850_000.0));
        assert_eq!(kronor(&Cell::Text("okänt".into()), 1.0), None);
    }

    #[test]
    fn only_clear_answers() {
        assert_eq!(yes_no(&Cell::Text("Ja".into())), Some(true));
        assert_eq!(yes_no(&Cell::Text(" x ".into())), Some(true));
        assert_eq!(yes_no(&Cell::Text("nej".into())), Some(false));
        assert_eq!(yes_no(&Cell::Text("delvis".into())), None);
        assert_eq!(yes_no(&Cell::Empty), None);
    }
}
