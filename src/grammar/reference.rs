//! References in lower-case text: statutes ("sfs 2008:567", "(2008:567)",
//! "3 kap. 13 §") and places in the document ("punkt 7.4", "avsnitt 8",
//! "bilaga 5", "section 7.4", "annex b").

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{opt, recognize};
use nom::multi::many0;
use nom::sequence::{delimited, pair};
use nom::{IResult, Parser};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// An SFS number, "2008:567".
    Statute(String),
    /// "3 kap. 13 §": chapter and section.
    Chapter {
        chapter: String,
        section: Option<String>,
    },
    /// A numbered part of this document: "punkt 7.4", "avsnitt 8".
    Section(String),
    /// An annex of this document: "bilaga 5".
    Annex(String),
}

/// The words references to places in a document start with ("punkt",
/// "bilaga"), from the profile's vocabulary, each list longest first so that
/// "punkterna" is read before "punkt".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceWords {
    pub section: Vec<String>,
    pub annex: Vec<String>,
}

impl ReferenceWords {
    #[must_use]
    pub fn new(mut section: Vec<String>, mut annex: Vec<String>) -> Self {
        for words in [&mut section, &mut annex] {
            for w in words.iter_mut() {
                *w = w.to_lowercase();
            }
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Self { section, annex }
    }
}

/// A parser of one reference at the start of lower-case input.
pub fn reference(words: &ReferenceWords) -> impl Fn(&str) -> IResult<&str, Reference> + '_ {
    move |input| {
        alt((
            statute,
            chapter,
            |i| section(words, i),
            sign_after,
            |i| annex(words, i),
            code,
        ))
        .parse(input)
    }
}

/// Whether the dotted number `number` ("12.3", lower case) stands in `text`
/// as a number of its own, as a point is named without a word before it
/// ("åtagandena enligt 14.2–14.4", "avses i 12.3"): not inside another
/// ("19.3", "9.30", "abc.8", a date "1.5.2026") and not an amount ("1.5 %",
/// "2.5 procent").
#[must_use]
pub fn names_number(text: &str, number: &str) -> bool {
    number.contains('.')
        && text.match_indices(number).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = &text[at + number.len()..];
            let digit = |c: char| c.is_ascii_digit();
            let longer = after.starts_with(digit)
                || after
                    .strip_prefix('.')
                    .is_some_and(|r| r.starts_with(digit));
            let unit = after.trim_start();
            let amount = ["%", "procent", "per cent", "percent", "kr", "sek", "mil"]
                .iter()
                .any(|u| unit.starts_with(u));
            !before.is_some_and(|c| c.is_alphanumeric() || c == '.') && !longer && !amount
        })
}

/// "12 §", as Swedish contracts number their sections after statutes; after
/// `chapter`, so "3 kap. 13 §" stays a statute's place.
fn sign_after(input: &str) -> IResult<&str, Reference> {
    (digit1, space0, tag("§"))
        .map(|(n, _, _): (&str, _, _)| Reference::Section(n.to_owned()))
        .parse(input)
}

fn sfs_number(input: &str) -> IResult<&str, &str> {
    recognize((take_while1(|c: char| c.is_ascii_digit()), char(':'), digit1))
        .parse(input)
        .and_then(|(rest, n)| {
            if n.find(':') == Some(4) {
                Ok((rest, n))
            } else {
                Err(fail(input))
            }
        })
}

fn fail(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

fn statute(input: &str) -> IResult<&str, Reference> {
    let prefixed = (tag("sfs"), space0, sfs_number).map(|(_, _, n)| n);
    let bracketed = delimited(char('('), sfs_number, char(')'));
    alt((prefixed, bracketed))
        .map(|n| Reference::Statute(n.to_owned()))
        .parse(input)
}

fn chapter(input: &str) -> IResult<&str, Reference> {
    let (rest, (ch, _, _, _)) = (
        digit1,
        space1,
        alt((tag("kap."), tag("kap"), tag("chapter"))),
        space0,
    )
        .parse(input)?;
    let (rest, section) = opt((digit1, space0, tag("§")).map(|(s, _, _)| s)).parse(rest)?;
    Ok((
        rest,
        Reference::Chapter {
            chapter: ch.to_owned(),
            section: section.map(str::to_owned),
        },
    ))
}

/// "7.4", and a lettered part's or AMA code's number ("c.8.3", "afc.14",
/// "k7.1").
fn dotted_number(input: &str) -> IResult<&str, &str> {
    recognize((
        opt(pair(code_letters, opt(char('.')))),
        digit1,
        many0(pair(char('.'), digit1)),
    ))
    .parse(input)
}

fn code_letters(input: &str) -> IResult<&str, &str> {
    take_while_m_n(1, 3, |c: char| c.is_ascii_lowercase()).parse(input)
}

/// A lettered part's or AMA code's number standing alone, with no word
/// before it: "brott mot afd.17", "enligt c.8.3".
fn code(input: &str) -> IResult<&str, Reference> {
    recognize((
        code_letters,
        char('.'),
        digit1,
        many0(pair(char('.'), digit1)),
    ))
    .map(|n: &str| Reference::Section(n.to_owned()))
    .parse(input)
}

fn section<'i>(words: &ReferenceWords, input: &'i str) -> IResult<&'i str, Reference> {
    let (rest, (_, _, n)) = (first_word(&words.section), space0, dotted_number).parse(input)?;
    Ok((rest, Reference::Section(n.to_owned())))
}

/// The first of `words` the input starts with.
fn first_word(words: &[String]) -> impl Fn(&str) -> IResult<&str, &str> + '_ {
    move |input| {
        words
            .iter()
            .find_map(|w| {
                tag::<_, _, nom::error::Error<&str>>(w.as_str())
                    .parse(input)
                    .ok()
            })
            .ok_or_else(|| fail(input))
    }
}

fn annex<'i>(words: &ReferenceWords, input: &'i str) -> IResult<&'i str, Reference> {
    let id = take_while1(|c: char| c.is_ascii_alphanumeric());
    let (rest, (_, _, id)) = (first_word(&words.annex), space1, id).parse(input)?;
    Ok((rest, Reference::Annex(id.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ReferenceWords {
        let w = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect();
        ReferenceWords::new(
            w(&["punkt", "punkterna", "avsnitt", "section", "§"]),
            w(&["bilaga", "annex"]),
        )
    }

    fn r(s: &str) -> Reference {
        reference(&words())(s).unwrap().1
    }

    #[test]
    fn references() {
        assert_eq!(r("sfs 2008:567"), Reference::Statute("2008:567".into()));
        assert_eq!(r("(2008:567)"), Reference::Statute("2008:567".into()));
        assert_eq!(
            r("3 kap. 13 §"),
            Reference::Chapter {
                chapter: "3".into(),
                section: Some("13".into())
            }
        );
        assert_eq!(r("punkt 7.4"), Reference::Section("7.4".into()));
        assert_eq!(r("avsnitt 8"), Reference::Section("8".into()));
        assert_eq!(r("bilaga 5"), Reference::Annex("5".into()));
        assert_eq!(r("section 7.4"), Reference::Section("7.4".into()));
        assert!(reference(&words())("(12:3)").is_err());
        assert_eq!(r("punkterna 7.4"), Reference::Section("7.4".into()));
        assert_eq!(r("12 §"), Reference::Section("12".into()));
        // Lettered parts and AMA codes, with or without a word before them.
        assert_eq!(r("punkt c.8.3"), Reference::Section("c.8.3".into()));
        assert_eq!(r("punkt k7.1"), Reference::Section("k7.1".into()));
        assert_eq!(r("afd.17"), Reference::Section("afd.17".into()));
        assert!(reference(&words())("t.ex").is_err());
        assert!(reference(&words())("afcd.17").is_err());
    }
}
