//! Numbers as contracts write them, in lower-case text: "25 000", "25.000",
//! "25,000", "1,5", "tjugofemtusen", "tio (10)", "one (1)".

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, digit1, one_of, space0};
use nom::combinator::{not, opt, peek, recognize, value};
use nom::multi::many0;
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{IResult, Parser};

/// A number written in digits, words, or words with the digits in brackets.
/// The digits win when both are given.
///
/// # Errors
/// A nom error when the input does not start with one.
pub fn number(input: &str) -> IResult<&str, f64> {
    alt((worded_with_digits, digits, bracketed_digits, word_number)).parse(input)
}

fn worded_with_digits(input: &str) -> IResult<&str, f64> {
    preceded((word_number, space0), bracketed_digits).parse(input)
}

fn bracketed_digits(input: &str) -> IResult<&str, f64> {
    delimited(pair(char('('), space0), digits, pair(space0, char(')'))).parse(input)
}

/// Digits with thousands in groups of three (space, no-break space, dot or
/// comma) and an optional decimal part.
///
/// # Errors
/// A nom error when the input does not start with one.
pub fn digits(input: &str) -> IResult<&str, f64> {
    let (rest, head) = digit1(input)?;
    let (rest, groups) = many0(preceded(one_of(" .,\u{a0}\u{202f}"), three_digits)).parse(rest)?;
    let (rest, decimals) =
        opt(preceded(one_of(",."), terminated(digit1, not_digit))).parse(rest)?;
    let mut whole = head.to_owned();
    for g in groups {
        whole.push_str(g);
    }
    let text = match decimals {
        Some(d) => format!("{whole}.{d}"),
        None => whole,
    };
    Ok((rest, text.parse().unwrap_or(f64::NAN)))
}

fn three_digits(input: &str) -> IResult<&str, &str> {
    terminated(
        take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
        not_digit,
    )
    .parse(input)
}

fn not_digit(input: &str) -> IResult<&str, ()> {
    not(peek(one_of("0123456789"))).parse(input)
}

const UNITS: &[(&str, f64)] = &[
    ("nitton", 19.0),
    ("arton", 18.0),
    ("sjutton", 17.0),
    ("sexton", 16.0),
    ("femton", 15.0),
    ("fjorton", 14.0),
    ("tretton", 13.0),
    ("tolv", 12.0),
    ("elva", 11.0),
    ("tio", 10.0),
    ("nio", 9.0),
    ("åtta", 8.0),
    ("sju", 7.0),
    ("sex", 6.0),
    ("fem", 5.0),
    ("fyra", 4.0),
    ("tre", 3.0),
    ("två", 2.0),
    ("ett", 1.0),
    ("en", 1.0),
    ("twenty", 20.0),
    ("nineteen", 19.0),
    ("eighteen", 18.0),
    ("seventeen", 17.0),
    ("sixteen", 16.0),
    ("fifteen", 15.0),
    ("fourteen", 14.0),
    ("thirteen", 13.0),
    ("twelve", 12.0),
    ("eleven", 11.0),
    ("ten", 10.0),
    ("nine", 9.0),
    ("eight", 8.0),
    ("seven", 7.0),
    ("six", 6.0),
    ("five", 5.0),
    ("four", 4.0),
    ("three", 3.0),
    ("two", 2.0),
    ("one", 1.0),
    ("a", 1.0),
];

const TENS: &[(&str, f64)] = &[
    ("tjugo", 20.0),
    ("trettio", 30.0),
    ("fyrtio", 40.0),
    ("femtio", 50.0),
    ("sextio", 60.0),
    ("sjuttio", 70.0),
    ("åttio", 80.0),
    ("nittio", 90.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("ninety", 90.0),
];

fn from_table<'a>(
    table: &'static [(&'static str, f64)],
) -> impl FnMut(&'a str) -> IResult<&'a str, f64> {
    move |input: &'a str| {
        for (word, n) in table {
            if let Some(rest) = input.strip_prefix(word) {
                return Ok((rest, *n));
            }
        }
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )))
    }
}

/// 1–99: "tjugofem", "tolv", "femtio".
fn below_hundred(input: &str) -> IResult<&str, f64> {
    let tens_units = (
        from_table(TENS),
        opt(preceded(opt(char('-')), from_table(UNITS))),
    )
        .map(|(t, u)| t + u.unwrap_or(0.0));
    alt((tens_units, from_table(UNITS))).parse(input)
}

/// "femhundra", "tvåhundrafemtio".
fn below_thousand(input: &str) -> IResult<&str, f64> {
    let hundreds = (opt(from_table(UNITS)), tag("hundra"), opt(below_hundred))
        .map(|(h, _, r)| h.unwrap_or(1.0) * 100.0 + r.unwrap_or(0.0));
    alt((hundreds, below_hundred)).parse(input)
}

/// A number in words, ending at a word boundary: "tjugofemtusen", "tio", "one".
///
/// # Errors
/// A nom error when the input does not start with one.
pub fn word_number(input: &str) -> IResult<&str, f64> {
    let (rest, n) = word_number_prefix(input)?;
    let (rest, ()) = value(
        (),
        not(peek(nom::character::complete::satisfy(
            char::is_alphanumeric,
        ))),
    )
    .parse(rest)?;
    Ok((rest, n))
}

/// A number in words that may open a compound: "tolv" in "tolvmånadersperiod".
///
/// # Errors
/// A nom error when the input does not start with one.
pub fn word_number_prefix(input: &str) -> IResult<&str, f64> {
    // Most words start no number word; they are turned away on their first
    // two bytes before the tables are tried.
    if !may_start_number_word(input.as_bytes()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )));
    }
    let thousands = (
        opt(below_thousand),
        alt((tag("tusen"), tag(" thousand"))),
        opt(below_thousand),
    )
        .map(|(t, _, r)| t.unwrap_or(1.0) * 1000.0 + r.unwrap_or(0.0));
    alt((thousands, below_thousand)).parse(input)
}

/// The first two bytes of every word a number in words can start with.
static NUMBER_WORD_STARTS: std::sync::LazyLock<Vec<[u8; 2]>> = std::sync::LazyLock::new(|| {
    let mut starts: Vec<[u8; 2]> = UNITS
        .iter()
        .chain(TENS)
        .map(|(w, _)| w)
        .chain(&["hundra", "tusen", " thousand"])
        .filter_map(|w| w.as_bytes().get(..2).map(|b| [b[0], b[1]]))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
});

fn may_start_number_word(input: &[u8]) -> bool {
    match input {
        // The English "a", as in "a thousand", is a word of one letter.
        [b'a', next, ..] => {
            !next.is_ascii_alphanumeric()
                || NUMBER_WORD_STARTS.binary_search(&[b'a', *next]).is_ok()
        }
        [b'a'] => true,
        [first, second, ..] => NUMBER_WORD_STARTS.binary_search(&[*first, *second]).is_ok(),
        _ => false,
    }
}

/// An ordinal in words, as in "var tolfte månad".
///
/// # Errors
/// A nom error when the input does not start with one.
pub fn ordinal(input: &str) -> IResult<&str, f64> {
    const ORDINALS: &[(&str, f64)] = &[
        ("tolfte", 12.0),
        ("sjätte", 6.0),
        ("tredje", 3.0),
        ("fjärde", 4.0),
        ("andra", 2.0),
        ("twelfth", 12.0),
        ("sixth", 6.0),
        ("third", 3.0),
    ];
    from_table(ORDINALS).parse(input)
}

/// Recognises, without valuing, a number token: used to skip over numbers.
///
/// # Errors
/// A nom error when the input does not start with one.
pub fn any_number(input: &str) -> IResult<&str, &str> {
    recognize(number).parse(input)
}

/// A number as Swedish text writes it: "25 000" (with a no-break space, so a
/// wrapped message never splits it), "1,5".
#[must_use]
pub fn fmt_number(n: f64) -> String {
    if (n - n.round()).abs() > 1e-9 {
        return format!("{n:.1}").replace('.', ",");
    }
    let digits = format!("{:.0}", n.round());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && c.is_ascii_digit() {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> f64 {
        number(s).unwrap().1
    }

    #[test]
    fn digit_forms() {
        assert!((n("25 000 kr") - 25_000.0).abs() < f64::EPSILON);
        assert!((n("25.000 kronor") - 25_000.0).abs() < f64::EPSILON);
        assert!((n("25,000") - 25_000.0).abs() < f64::EPSILON);
        assert!((n("1 250 000") - 1_250_000.0).abs() < f64::EPSILON);
        assert!((n("1,5 msek") - 1.5).abs() < f64::EPSILON);
        assert!((n("2.5") - 2.5).abs() < f64::EPSILON);
        assert!((n("30 dagar") - 30.0).abs() < f64::EPSILON);
    }

    #[test]
    fn word_forms() {
        assert!((n("tjugofemtusen (25 000) kronor") - 25_000.0).abs() < f64::EPSILON);
        assert!((n("tjugofemtusen kronor") - 25_000.0).abs() < f64::EPSILON);
        assert!((n("tio (10) dagar") - 10.0).abs() < f64::EPSILON);
        assert!((n("åtta månader") - 8.0).abs() < f64::EPSILON);
        assert!((n("one (1) week") - 1.0).abs() < f64::EPSILON);
        assert!((n("femhundra") - 500.0).abs() < f64::EPSILON);
        assert!(number("entreprenad").is_err());
        assert!(number("sexuell").is_err());
    }
}
