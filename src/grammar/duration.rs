//! Times in lower-case text: "inom 30 dagar", "en (1) vecka", "14
//! kalenderdagar", "åtta (8) månader", "tio arbetsdagar", "varje
//! tolvmånadersperiod", "within ten (10) days".

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while};
use nom::character::complete::space1;
use nom::combinator::value;
use nom::{IResult, Parser};

use super::numbers::{number, ordinal, word_number_prefix};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Day,
    WorkingDay,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub count: f64,
    pub unit: TimeUnit,
}

impl Duration {
    /// In calendar days: a month is 30 days, a week 7, a working day 7/5.
    #[must_use]
    pub fn days(&self) -> f64 {
        self.count
            * match self.unit {
                TimeUnit::Day => 1.0,
                TimeUnit::WorkingDay => 7.0 / 5.0,
                TimeUnit::Week => 7.0,
                TimeUnit::Month => 30.0,
                TimeUnit::Year => 365.0,
            }
    }

    #[must_use]
    pub fn months(&self) -> f64 {
        match self.unit {
            TimeUnit::Month => self.count,
            TimeUnit::Year => self.count * 12.0,
            _ => self.days() / 30.0,
        }
    }
}

/// A duration at the start of `input`.
///
/// # Errors
/// A nom error when the input does not start with one.
pub fn duration(input: &str) -> IResult<&str, Duration> {
    alt((period_compound, counted, every_ordinal)).parse(input)
}

fn counted(input: &str) -> IResult<&str, Duration> {
    let (rest, (count, _, unit)) = (number, space1, unit).parse(input)?;
    Ok((rest, Duration { count, unit }))
}

/// "tolvmånadersperiod", "sexmånadersperiod".
fn period_compound(input: &str) -> IResult<&str, Duration> {
    let (rest, (count, _)) =
        (word_number_prefix, alt((tag("månaders"), tag("-month")))).parse(input)?;
    Ok((
        rest,
        Duration {
            count,
            unit: TimeUnit::Month,
        },
    ))
}

/// "var tolfte månad" reads as a period of twelve months.
fn every_ordinal(input: &str) -> IResult<&str, Duration> {
    let (rest, (count, _, unit)) = (ordinal, space1, unit).parse(input)?;
    Ok((rest, Duration { count, unit }))
}

/// A time unit word, with its ending ("dag", "dagar", "dagarna").
fn unit(input: &str) -> IResult<&str, TimeUnit> {
    let (rest, unit) = unit_stem(input)?;
    let (rest, _) = take_while(char::is_alphabetic).parse(rest)?;
    Ok((rest, unit))
}

fn unit_stem(input: &str) -> IResult<&str, TimeUnit> {
    alt((
        value(
            TimeUnit::WorkingDay,
            alt((
                tag("arbetsdag"),
                tag("bankdag"),
                tag("vardag"),
                tag("working day"),
                tag("business day"),
            )),
        ),
        value(
            TimeUnit::Day,
            alt((
                tag("kalenderdag"),
                tag("dag"),
                tag("calendar day"),
                tag("day"),
            )),
        ),
        value(TimeUnit::Week, alt((tag("veck"), tag("week")))),
        value(TimeUnit::Month, alt((tag("månad"), tag("month")))),
        value(TimeUnit::Year, alt((tag("år"), tag("year")))),
    ))
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(s: &str) -> f64 {
        duration(s).unwrap().1.days()
    }

    #[test]
    fn swedish_times() {
        assert!((days("30 dagar") - 30.0).abs() < 1e-9);
        assert!((days("en (1) vecka") - 7.0).abs() < 1e-9);
        assert!((days("14 kalenderdagar") - 14.0).abs() < 1e-9);
        assert!((days("tio arbetsdagar") - 14.0).abs() < 1e-9);
        assert!((duration("åtta (8) månader").unwrap().1.months() - 8.0).abs() < 1e-9);
        assert!((duration("tolvmånadersperiod").unwrap().1.months() - 12.0).abs() < 1e-9);
        assert!((duration("tolfte månad").unwrap().1.months() - 12.0).abs() < 1e-9);
        assert!((duration("två (2) år").unwrap().1.months() - 24.0).abs() < 1e-9);
    }

    #[test]
    fn english_times() {
        assert!((days("ten (10) days") - 10.0).abs() < 1e-9);
        assert!((days("5 working days") - 7.0).abs() < 1e-9);
        assert!((days("one (1) week") - 7.0).abs() < 1e-9);
    }

    #[test]
    fn not_times() {
        assert!(duration("30 kr").is_err());
        assert!(duration("dagar").is_err());
    }
}
