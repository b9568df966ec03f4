//! The labels that open a heading: a section number ("7.4", "51.10"), a
//! section sign ("§ 3", "3 §") or an annex ("Bilaga 5", "Annex B"), whose
//! opening words are the vocabulary's. nom parsers, one per label.

use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, one_of, space0, space1};
use nom::combinator::{opt, recognize};
use nom::multi::many0;
use nom::sequence::pair;
use nom::{IResult, Parser};

use crate::profile::Vocabulary;

/// Splits a heading's text into its number or annex id and its title.
pub(super) fn heading_parts(text: &str) -> (Option<&str>, Option<&str>, &str) {
    if let Ok((rest, id)) = annex_label(text) {
        return (None, Some(id), rest);
    }
    if let Ok((rest, number)) = section_number_label(text) {
        return (Some(number), None, rest);
    }
    // "§ 9 Likabehandling", "9 § Likabehandling"
    if let Ok((rest, number)) = paragraph_sign(text).or_else(|_| sign_after_number(text)) {
        return (Some(number), None, rest);
    }
    (None, None, text)
}

/// "7.4 " or "7.4. " before a title; the number is returned without its final dot.
pub(super) fn section_number_label(input: &str) -> IResult<&str, &str> {
    let (rest, number) =
        recognize((opt(code_letters), digit1, many0(pair(char('.'), digit1)))).parse(input)?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    // Text from a PDF can lose the gap after a long number: "51.10Vite". A
    // dotted number straight before a capital letter is still a label.
    let glued = number.contains('.') && rest.chars().next().is_some_and(char::is_uppercase);
    let (rest, _) = if glued {
        Ok((rest, rest))
    } else {
        space1(rest)
    }?;
    Ok((rest, number))
}

/// The capital letters and dot before the number of a lettered part ("C.8
/// Likabehandling") or of AMA's codes for a contract's administrative terms
/// ("AFC.14 Antidiskriminering").
fn code_letters(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        nom::bytes::complete::take_while_m_n(1, 3, |c: char| c.is_ascii_uppercase()),
        char('.'),
    ))
    .parse(input)
}

/// "Bilaga 5 Antidiskrimineringsklausul", "BILAGA 3 – …", "Annex B: …": the
/// words that open one are the vocabulary's (`[headings] annex`).
pub(super) fn annex_label(input: &str) -> IResult<&str, &str> {
    let refuse = |kind| nom::Err::Error(nom::error::Error::new(input, kind));
    let rest = annex_word(input, Vocabulary::builtin_annex_titles())
        .ok_or_else(|| refuse(nom::error::ErrorKind::Tag))?;
    let id = take_while1(|c: char| c.is_ascii_alphanumeric());
    let (rest, (_, id)) = (space1, id).parse(rest)?;
    // An annex is numbered ("4", "5a", "12") or lettered ("B", "IV"); a
    // word after "Schedule" or "Bilaga" is a title: "Schedule of Rates".
    if !is_annex_id(id) {
        return Err(refuse(nom::error::ErrorKind::Verify));
    }
    let (rest, _) = opt((space0, one_of(":–—-."))).parse(rest)?;
    let (rest, _) = space0(rest)?;
    Ok((rest, id))
}

fn is_annex_id(id: &str) -> bool {
    let digits = id.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return id.len() - digits <= 1;
    }
    id.len() == 1 || id.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// What follows the first of `words` that `input` starts with, in any case.
fn annex_word<'a>(input: &'a str, words: &[String]) -> Option<&'a str> {
    words.iter().find_map(|word| {
        let head = input.get(..word.len())?;
        let same = if word.is_ascii() {
            head.eq_ignore_ascii_case(word)
        } else {
            head.to_lowercase() == *word
        };
        same.then(|| &input[word.len()..])
    })
}

/// "3 § Rubrik", as Swedish statutes and contracts number their sections.
pub(super) fn sign_after_number(input: &str) -> IResult<&str, &str> {
    let (rest, (number, _, _, _)) = (digit1, space0, tag("§"), space1).parse(input)?;
    Ok((rest, number))
}

/// "§ 3 Rubrik".
pub(super) fn paragraph_sign(input: &str) -> IResult<&str, &str> {
    let (rest, (_, _, number, _)) = (tag("§"), space0, digit1, space0).parse(input)?;
    Ok((rest, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_that_open_an_annex_are_the_vocabularys() {
        assert_eq!(
            Vocabulary::builtin_annex_titles(),
            ["bilaga", "annex", "appendix", "schedule"]
        );
        let german = ["anlage".to_owned(), "bijlage".to_owned()];
        assert_eq!(annex_word("ANLAGE 3 Preise", &german), Some(" 3 Preise"));
        assert_eq!(annex_word("Bijlage 2", &german), Some(" 2"));
        assert_eq!(annex_word("Bilaga 2", &german), None);
        assert_eq!(annex_word("An", &german), None);
        // A word that is not ASCII is compared in lower case; a line that
        // ends inside a character is no match.
        let swedish = ["förteckning".to_owned()];
        assert_eq!(annex_word("FÖRTECKNING A", &swedish), Some(" A"));
        assert_eq!(annex_word("förtecknin\u{e5}", &swedish), None);
    }

    #[test]
    fn lettered_and_ama_numbers_are_labels() {
        let label = |s| section_number_label(s).map(|(rest, n)| (n, rest));
        assert_eq!(label("C.8 Likabehandling"), Ok(("C.8", "Likabehandling")));
        assert_eq!(
            label("AFC.145 Entreprenören ska"),
            Ok(("AFC.145", "Entreprenören ska"))
        );
        assert!(label("Avtal.14 x").is_err());
        assert!(label("c.8 x").is_err());
    }
}
