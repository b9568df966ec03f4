//! Money in lower-case text: "25 000 kr", "25.000 sek", "sek 25,000", "25 tkr",
//! "1,5 msek", "tjugofemtusen (25 000) kronor", "2 % av kontraktsvärdet",
//! "ett halvt prisbasbelopp", and the rate that follows ("per påbörjad vecka").

use nom::branch::alt;
use nom::bytes::complete::{is_not, tag};
use nom::character::complete::{space0, space1};
use nom::combinator::{opt, value};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::numbers::number;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Money {
    Sek(f64),
    /// A percentage of the contract value.
    Percent(f64),
    /// A multiple of the price base amount (prisbasbelopp).
    PriceBase(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    PerWeek,
    PerDay,
    PerMonth,
    PerQuarter,
    PerYear,
    PerOccasion,
    Unstated,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub money: Money,
    pub rate: Rate,
}

/// An amount at the start of `input`, with the rate that follows it.
///
/// # Errors
/// A nom error when the input does not start with one.
pub fn amount(input: &str) -> IResult<&str, Amount> {
    let (rest, money) = alt((price_base, percent, sek_before, sek_after)).parse(input)?;
    let (rest, rate) = opt(preceded(space1, rate)).parse(rest)?;
    Ok((
        rest,
        Amount {
            money,
            rate: rate.unwrap_or(Rate::Unstated),
        },
    ))
}

fn sek_after(input: &str) -> IResult<&str, Money> {
    let (rest, (n, _, scale)) = (number, space0, currency).parse(input)?;
    Ok((rest, Money::Sek(n * scale)))
}

fn sek_before(input: &str) -> IResult<&str, Money> {
    let (rest, (_, _, n)) = (alt((tag("sek"), tag("kr"))), space0, number).parse(input)?;
    Ok((rest, Money::Sek(n)))
}

/// A currency word and the scale it gives the number before it.
fn currency(input: &str) -> IResult<&str, f64> {
    alt((
        value(
            1_000_000.0,
            alt((
                tag("miljoner kronor"),
                tag("miljon kronor"),
                tag("msek"),
                tag("mkr"),
                tag("mnkr"),
            )),
        ),
        value(1_000.0, alt((tag("tusen kronor"), tag("tkr"), tag("ksek")))),
        value(1.0, alt((tag("kronor"), tag("kr"), tag("sek"), tag(":-")))),
    ))
    .parse(input)
}

fn percent(input: &str) -> IResult<&str, Money> {
    let (rest, (n, _, _)) = (
        number,
        space0,
        alt((tag("%"), tag("procent"), tag("percent"), tag("per cent"))),
    )
        .parse(input)?;
    Ok((rest, Money::Percent(n)))
}

fn price_base(input: &str) -> IResult<&str, Money> {
    // "ett halvt (0,5) prisbasbelopp", "one half (0.5) of the price base amount"
    let figure = opt((space1, tag("("), is_not(")"), tag(")")));
    let half = value(
        0.5,
        (
            alt((
                tag("ett halvt"),
                tag("halvt"),
                tag("half a"),
                tag("one half"),
                tag("half"),
            )),
            figure,
        ),
    );
    let of = opt(alt((tag("of the "), tag("of a "), tag("of one "))));
    let gloss = opt((space1, tag("("), is_not(")"), tag(")")));
    let (rest, (n, _, _, _, _)) = (
        alt((half, number)),
        space1,
        of,
        alt((tag("prisbasbelopp"), tag("price base amount"))),
        gloss,
    )
        .parse(input)?;
    Ok((rest, Money::PriceBase(n)))
}

fn rate(input: &str) -> IResult<&str, Rate> {
    let mut lead = opt(alt((
        tag("per påbörjad "),
        tag("för varje påbörjad "),
        tag("för varje "),
        tag("per started "),
        tag("per commenced "),
        tag("per "),
        tag("for each "),
        tag("each "),
    )));
    let (rest, lead) = lead.parse(input)?;
    match lead {
        Some(_) => unit(rest),
        None => alt((
            value(Rate::PerDay, tag("daily")),
            value(Rate::PerWeek, tag("weekly")),
            value(Rate::PerMonth, tag("monthly")),
            value(Rate::PerYear, alt((tag("annually"), tag("yearly")))),
        ))
        .parse(rest),
    }
}

/// The unit a rate counts in: "vecka", "kalendermånad", "tillfälle", "year".
fn unit(input: &str) -> IResult<&str, Rate> {
    alt((
        value(
            Rate::PerWeek,
            alt((
                tag("vecka"),
                tag("kalendervecka"),
                tag("arbetsvecka"),
                tag("week"),
                tag("calendar week"),
            )),
        ),
        value(
            Rate::PerDay,
            alt((
                tag("kalenderdag"),
                tag("arbetsdag"),
                tag("dag"),
                tag("day"),
                tag("calendar day"),
                tag("working day"),
            )),
        ),
        value(
            Rate::PerMonth,
            alt((
                tag("månad"),
                tag("kalendermånad"),
                tag("month"),
                tag("calendar month"),
            )),
        ),
        value(Rate::PerQuarter, alt((tag("kvartal"), tag("quarter")))),
        value(
            Rate::PerYear,
            alt((
                tag("avtalsår"),
                tag("kalenderår"),
                tag("kontraktsår"),
                tag("år"),
                tag("contract year"),
                tag("calendar year"),
                tag("year"),
            )),
        ),
        value(
            Rate::PerOccasion,
            alt((
                tag("tillfälle"),
                tag("överträdelse"),
                tag("brott"),
                tag("occasion"),
                tag("breach"),
                tag("avvikelse"),
            )),
        ),
    ))
    .parse(input)
}

impl Amount {
    /// The amount per week in kronor, given the contract value and the price
    /// base amount where those are needed; `None` when it cannot be told.
    #[must_use]
    pub fn per_week_sek(
        &self,
        contract_value: Option<f64>,
        price_base: Option<f64>,
    ) -> Option<f64> {
        let sek = match self.money {
            Money::Sek(n) => n,
            Money::Percent(p) => contract_value? * p / 100.0,
            Money::PriceBase(n) => price_base? * n,
        };
        Some(match self.rate {
            Rate::PerDay => sek * 7.0,
            Rate::PerMonth => sek * 7.0 / 30.0,
            Rate::PerQuarter => sek * 7.0 / 91.0,
            Rate::PerYear => sek * 7.0 / 365.0,
            Rate::PerWeek | Rate::PerOccasion | Rate::Unstated => sek,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Amount {
        amount(s).unwrap().1
    }

    #[test]
    fn swedish_amounts() {
        assert_eq!(
            a("25 000 kr per påbörjad vecka"),
            Amount {
                money: Money::Sek(25_000.0),
                rate: Rate::PerWeek
            }
        );
        assert_eq!(a("25.000 kronor").money, Money::Sek(25_000.0));
        assert_eq!(
            a("25 tkr per dag"),
            Amount {
                money: Money::Sek(25_000.0),
                rate: Rate::PerDay
            }
        );
        assert_eq!(a("1,5 msek").money, Money::Sek(1_500_000.0));
        assert_eq!(
            a("tjugofemtusen (25 000) kronor").money,
            Money::Sek(25_000.0)
        );
        assert_eq!(a("2 % av kontraktsvärdet").money, Money::Percent(2.0));
        assert_eq!(a("ett halvt prisbasbelopp").money, Money::PriceBase(0.5));
        assert_eq!(a("5 000 kr per tillfälle").rate, Rate::PerOccasion);
        assert_eq!(
            a("25 000 kronor per påbörjad kalendermånad").rate,
            Rate::PerMonth
        );
        assert_eq!(a("30 000 kronor per avtalsår").rate, Rate::PerYear);
        assert_eq!(a("30 000 kronor per år").rate, Rate::PerYear);
        assert_eq!(a("10 000 kr per kvartal").rate, Rate::PerQuarter);
        assert_eq!(a("2 000 kr per påbörjad arbetsdag").rate, Rate::PerDay);
    }

    #[test]
    fn a_penalty_per_year_or_quarter_is_counted_per_week() {
        assert_eq!(
            a("36 500 kronor per år").per_week_sek(None, None),
            Some(700.0)
        );
        assert_eq!(
            a("sek 91,000 per quarter").per_week_sek(None, None),
            Some(7_000.0)
        );
        assert_eq!(a("sek 30,000 monthly").rate, Rate::PerMonth);
    }

    #[test]
    fn english_amounts() {
        assert_eq!(
            a("one half (0.5) of the price base amount (prisbasbelopp) per started week"),
            Amount {
                money: Money::PriceBase(0.5),
                rate: Rate::PerWeek
            }
        );
        assert_eq!(
            a("ett halvt (0,5) prisbasbelopp per påbörjad vecka"),
            Amount {
                money: Money::PriceBase(0.5),
                rate: Rate::PerWeek
            }
        );
        assert_eq!(
            a("sek 50,000 per week"),
            Amount {
                money: Money::Sek(50_000.0),
                rate: Rate::PerWeek
            }
        );
        assert_eq!(a("sek 25,000 for each breach").rate, Rate::PerOccasion);
    }

    #[test]
    fn per_week_comparison() {
        let per_day = a("5 000 kr per dag");
        assert_eq!(per_day.per_week_sek(None, None), Some(35_000.0));
        assert_eq!(a("2 % av kontraktsvärdet").per_week_sek(None, None), None);
        assert_eq!(
            a("2 % av kontraktsvärdet").per_week_sek(Some(2_000_000.0), None),
            Some(40_000.0)
        );
        assert_eq!(
            a("ett halvt prisbasbelopp").per_week_sek(None, Some(59_200.0)),
            Some(29_600.0)
        );
    }

    #[test]
    fn not_amounts() {
        assert!(amount("30 dagar").is_err());
        assert!(amount("2008:567").is_err());
    }
}
