//! The nom grammar for one line of text or Markdown: what kind of line it is and
//! where its content starts. One small function per production.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, one_of, space0, space1};
use nom::combinator::{opt, recognize, verify};
use nom::multi::many0;
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

use crate::profile::Vocabulary;

/// What a line is. `content` is the byte offset in the line where its text starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    Blank,
    /// Markup that carries no text: a table rule, a code fence, an HTML comment.
    Markup,
    Heading(Heading<'a>),
    ListItem {
        content: usize,
    },
    TableRow,
    Text {
        content: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading<'a> {
    pub level: u8,
    pub number: Option<&'a str>,
    pub annex: Option<&'a str>,
    pub content: usize,
}

/// Longest line that can be a heading without Markdown's `#`.
const MAX_PLAIN_HEADING: usize = 90;
const MAX_HEADING_WORDS: usize = 10;

#[must_use]
pub fn classify(line: &str) -> Line<'_> {
    // Most lines of a text are long lines of a paragraph that start with a
    // capital: no heading, markup, table row or list marker starts so, and a
    // plain heading is never that long.
    if line.len() > MAX_PLAIN_HEADING && line.as_bytes()[0].is_ascii_uppercase() {
        return Line::Text { content: 0 };
    }
    if line.trim().is_empty() {
        return Line::Blank;
    }
    let offset = |rest: &str| line.len() - rest.len();
    if let Ok((rest, level)) = md_heading(line) {
        let (number, annex, title) = heading_parts(rest);
        return Line::Heading(Heading {
            level,
            number,
            annex,
            content: offset(title),
        });
    }
    if is_markup(line) {
        return Line::Markup;
    }
    if line.trim_start().starts_with('|') {
        return Line::TableRow;
    }
    if let Some(heading) = plain_heading(line) {
        return Line::Heading(heading);
    }
    if let Ok((rest, ())) = list_marker(line) {
        return Line::ListItem {
            content: offset(rest),
        };
    }
    let trimmed = line.trim_start();
    Line::Text {
        content: offset(trimmed),
    }
}

fn md_heading(input: &str) -> IResult<&str, u8> {
    let (rest, hashes) = preceded(
        take_while(|c| c == ' '),
        verify(take_while1(|c| c == '#'), |h: &str| h.len() <= 6),
    )
    .parse(input)?;
    let (rest, _) = space1(rest)?;
    Ok((rest, u8::try_from(hashes.len()).unwrap_or(6)))
}

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

fn plain_heading(line: &str) -> Option<Heading<'_>> {
    if line.len() > MAX_PLAIN_HEADING || line.starts_with([' ', '\t']) || is_toc_line(line) {
        return None;
    }
    let offset = |rest: &str| line.len() - rest.len();
    // "Bilaga 5" or "Bilaga 5 Antidiskriminering", but not a sentence that
    // lists annexes: "Bilaga 1 Kravspecifikation. Bilaga 2 Prisbilaga."
    // A PDF may wrap an annex's title anywhere: "Bilaga 4 Särskilda
    // kontraktsvillkor om", "Schedule 5 — Labour Conditions and".
    let wrapped_title = |title: &str| {
        let title = title.trim_end();
        title.chars().next().is_some_and(char::is_uppercase)
            && title.split_whitespace().count() <= MAX_HEADING_WORDS
            && !title.ends_with(['.', ',', ';'])
    };
    if let Some((title, id)) = annex_label(line)
        .ok()
        .filter(|(title, _)| title.trim().is_empty() || wrapped_title(title))
    {
        return Some(Heading {
            level: 1,
            number: None,
            annex: Some(id),
            content: offset(title),
        });
    }
    if let Ok((title, number)) = sign_after_number(line) {
        if looks_like_title(title) {
            return Some(Heading {
                level: 2,
                number: Some(number),
                annex: None,
                content: offset(title),
            });
        }
    }
    if let Ok((title, number)) = section_number_label(line) {
        if looks_like_title(title) {
            let level = u8::try_from(number.trim_end_matches('.').split('.').count()).unwrap_or(9);
            return Some(Heading {
                level,
                number: Some(number),
                annex: None,
                content: offset(title),
            });
        }
        return None;
    }
    if let Ok((title, number)) = paragraph_sign(line) {
        return Some(Heading {
            level: 2,
            number: Some(number),
            annex: None,
            content: offset(title),
        });
    }
    is_caps_heading(line).then_some(Heading {
        level: 1,
        number: None,
        annex: None,
        content: 0,
    })
}

/// "7.4 " or "7.4. " before a title; the number is returned without its final dot.
fn section_number_label(input: &str) -> IResult<&str, &str> {
    let (rest, number) = recognize(pair(digit1, many0(pair(char('.'), digit1)))).parse(input)?;
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

/// "Bilaga 5 Antidiskrimineringsklausul", "BILAGA 3 – …", "Annex B: …": the
/// words that open one are the vocabulary's (`[headings] annex`).
fn annex_label(input: &str) -> IResult<&str, &str> {
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
fn sign_after_number(input: &str) -> IResult<&str, &str> {
    let (rest, (number, _, _, _)) = (digit1, space0, tag("§"), space1).parse(input)?;
    Ok((rest, number))
}

/// "§ 3 Rubrik".
fn paragraph_sign(input: &str) -> IResult<&str, &str> {
    let (rest, (_, _, number, _)) = (tag("§"), space0, digit1, space0).parse(input)?;
    Ok((rest, number))
}

/// "- ", "* ", "• ", "– ", "1. ", "1) ", "a) ", "(a) ", "(iv) ", "iv) ",
/// optionally indented.
fn list_marker(input: &str) -> IResult<&str, ()> {
    let bullet = recognize(one_of("-*•–"));
    let numbered = recognize(pair(digit1, one_of(".)")));
    let lettered = recognize(pair(
        verify(take_while1(|c: char| c.is_ascii_lowercase()), |s: &str| {
            s.len() <= 2 || (s.len() <= 4 && s.chars().all(|c| "ivx".contains(c)))
        }),
        char(')'),
    ));
    // Letters only: "(8) månader" is "åtta (8) månader" wrapped.
    let bracketed = recognize((
        char('('),
        verify(take_while1(|c: char| c.is_ascii_lowercase()), |s: &str| {
            s.len() <= 2 || (s.len() <= 4 && s.chars().all(|c| "ivx".contains(c)))
        }),
        char(')'),
    ));
    let (rest, _) = (space0, alt((bullet, numbered, lettered, bracketed)), space1).parse(input)?;
    Ok((rest, ()))
}

/// Whether `title` stops on a word a title never ends with, so that a
/// wrapped heading goes on on the next line: "Bilaga 4 Särskilda
/// kontraktsvillkor om" / "antidiskriminering".
pub(super) fn ends_open(title: &str) -> bool {
    let last = title.trim_end().rsplit(' ').next().unwrap_or_default();
    title.split_whitespace().count() > 1
        && NEVER_LAST
            .iter()
            .chain(OPEN_ENDS)
            .any(|w| w.eq_ignore_ascii_case(last))
}

/// Words that leave a title open for its next line, though a finished title
/// may end with them too: "Bilaga 6 Särskilda kontraktsvillkor avseende" /
/// "likabehandling".
const OPEN_ENDS: &[&str] = &[
    "avseende",
    "angående",
    "beträffande",
    "rörande",
    "gällande",
    "mot",
    "regarding",
    "concerning",
    "against",
];

/// Words a title never ends with, though a wrapped line of a sentence often
/// does: "2.1 Non-discrimination The supplier shall comply with the".
const NEVER_LAST: &[&str] = &[
    "och", "eller", "att", "i", "på", "av", "med", "för", "till", "som", "den", "det", "en", "ett",
    "de", "om", "vid", "från", "enligt", "the", "a", "an", "and", "or", "of", "to", "in", "on",
    "with", "for", "by", "at", "from", "that", "as", "ska", "skall", "måste", "bör", "kan", "får",
    "är", "shall", "will", "must", "may", "should", "can", "is", "are",
];

/// Verbs a short line of a sentence has and a title has not:
/// "Leverantören ska lämna e-faktura inom" is a sentence wrapped.
const SENTENCE_VERBS: &[&str] = &[
    "ska", "skall", "måste", "bör", "kan", "får", "är", "har", "shall", "will", "must", "may",
    "should", "can", "is", "are", "has",
];

/// Whether a line holds a verb that only a sentence would.
pub(super) fn has_verb(line: &str) -> bool {
    line.split_whitespace()
        .any(|w| SENTENCE_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w)))
}

pub(super) fn looks_like_title(title: &str) -> bool {
    let title = title.trim_end();
    let starts_upper = title.chars().next().is_some_and(char::is_uppercase);
    let words = title.split_whitespace().count();
    let last = title.rsplit(' ').next().unwrap_or_default();
    starts_upper
        && (1..=MAX_HEADING_WORDS).contains(&words)
        && !title.ends_with(['.', ',', ';', ':', '-'])
        && (words == 1 || !NEVER_LAST.iter().any(|w| w.eq_ignore_ascii_case(last)))
}

fn is_caps_heading(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && !line.chars().any(char::is_lowercase)
        && line.split_whitespace().count() <= MAX_HEADING_WORDS
}

/// A table-of-contents line ends in dot leaders or a tab and a page number.
fn is_toc_line(line: &str) -> bool {
    let trimmed = line.trim_end();
    let body = trimmed
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(' ');
    body.len() < trimmed.len()
        && (body.ends_with("..") || body.ends_with('\t') || body.ends_with("…"))
}

fn is_markup(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("```")
        || t.starts_with("~~~")
        || (t.starts_with("<!--") && t.ends_with("-->"))
        || t == "---"
        || t == "***"
        || (t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')))
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

    fn heading(line: &str) -> Option<(u8, Option<&str>, Option<&str>, &str)> {
        match classify(line) {
            Line::Heading(h) => Some((h.level, h.number, h.annex, &line[h.content..])),
            _ => None,
        }
    }

    #[test]
    fn a_long_line_that_starts_with_a_capital_is_text() {
        let line = format!("Leverantören ska {} | # - 1. a) slut", "x".repeat(80));
        assert!(matches!(classify(&line), Line::Text { content: 0 }));
        // Shorter, the same words may be a heading.
        assert!(matches!(
            classify("Bilaga 5 Antidiskriminering"),
            Line::Heading(_)
        ));
    }

    #[test]
    fn headings() {
        assert_eq!(
            heading("## 7.4 Antidiskriminering"),
            Some((2, Some("7.4"), None, "Antidiskriminering"))
        );
        assert_eq!(
            heading("7.4 Antidiskriminering"),
            Some((2, Some("7.4"), None, "Antidiskriminering"))
        );
        assert_eq!(heading("12. Vite"), Some((1, Some("12"), None, "Vite")));
        assert_eq!(
            heading("§ 3 Avtalstid"),
            Some((2, Some("3"), None, "Avtalstid"))
        );
        assert_eq!(
            heading("BILAGA 5 – Antidiskrimineringsklausul"),
            Some((1, None, Some("5"), "Antidiskrimineringsklausul"))
        );
        assert_eq!(
            heading("ALLMÄNNA VILLKOR"),
            Some((1, None, None, "ALLMÄNNA VILLKOR"))
        );
        assert_eq!(
            heading("51.10Antidiskriminering"),
            Some((2, Some("51.10"), None, "Antidiskriminering"))
        );
    }

    #[test]
    fn not_headings() {
        assert_eq!(heading("1. Leverantören ska följa lagen."), None);
        assert_eq!(heading("7.4 Antidiskriminering ........ 12"), None);
        assert_eq!(heading("Leverantören ska följa lagen"), None);
        assert_eq!(heading("SFS"), None);
        assert_eq!(heading("2008Leverantören"), None);
        assert_eq!(
            heading("2.1 Non-discrimination The supplier shall comply with the"),
            None
        );
        assert_eq!(
            heading("Bilaga 1 Kravspecifikation. Bilaga 2 Prisbilaga."),
            None
        );
    }

    #[test]
    fn list_items_and_rows() {
        assert_eq!(classify("a) kön,"), Line::ListItem { content: 3 });
        assert_eq!(classify("  • ålder"), Line::ListItem { content: 6 });
        assert_eq!(classify("1) ska"), Line::ListItem { content: 3 });
        assert_eq!(classify("(ii) följa"), Line::ListItem { content: 5 });
        assert_eq!(classify("iii) följa"), Line::ListItem { content: 5 });
        assert_eq!(classify("(b) följa"), Line::ListItem { content: 4 });
        assert!(matches!(
            classify("8 § Antidiskriminering"),
            Line::Heading(Heading {
                number: Some("8"),
                content: 5,
                ..
            })
        ));
        assert!(matches!(
            classify("13 § diskrimineringslagen gäller"),
            Line::Text { .. }
        ));
        assert_eq!(
            classify("(8) månader och därefter"),
            Line::Text { content: 0 }
        );
        assert_eq!(classify("| Krav | Text |"), Line::TableRow);
        assert_eq!(classify("|---|---|"), Line::Markup);
        assert_eq!(classify("   "), Line::Blank);
    }
}
