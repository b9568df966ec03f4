//! The nom grammar for one line of text or Markdown: what kind of line it is and
//! where its content starts. One small function per production.

use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::{char, digit1, one_of, space0, space1};
use nom::combinator::{recognize, verify};
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

pub(super) use super::labels::heading_parts;
use super::labels::{annex_label, paragraph_sign, section_number_label, sign_after_number};
pub(super) use super::title_words::{ends_open, has_duty_verb, has_verb, looks_like_title};
use super::title_words::{is_caps_heading, MAX_HEADING_WORDS};

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

fn plain_heading(line: &str) -> Option<Heading<'_>> {
    if line.len() > MAX_PLAIN_HEADING || line.starts_with([' ', '\t']) || is_toc_line(line) {
        return None;
    }
    let at = |level, number, annex, title: &str| Heading {
        level,
        number,
        annex,
        content: line.len() - title.len(),
    };
    if let Some((title, id)) = annex_heading(line) {
        return Some(at(1, None, Some(id), title));
    }
    if let Ok((title, number)) = sign_after_number(line) {
        if looks_like_title(title) {
            return Some(at(2, Some(number), None, title));
        }
    }
    if let Ok((title, number)) = section_number_label(line) {
        let level = u8::try_from(number.trim_end_matches('.').split('.').count()).unwrap_or(9);
        return looks_like_title(title).then(|| at(level, Some(number), None, title));
    }
    // "§ 9 årligen vid behov." is a sentence wrapped after "enligt", not a
    // section: what follows a section's sign starts with a capital.
    if let Ok((title, number)) = paragraph_sign(line) {
        let wrapped = title.starts_with(char::is_lowercase);
        return (!wrapped).then(|| at(2, Some(number), None, title));
    }
    is_caps_heading(line).then(|| at(1, None, None, line))
}

/// "Bilaga 5" or "Bilaga 5 Antidiskriminering", but not a sentence that
/// lists annexes: "Bilaga 1 Kravspecifikation. Bilaga 2 Prisbilaga."
/// A PDF may wrap an annex's title anywhere: "Bilaga 4 Särskilda
/// kontraktsvillkor om", "Schedule 5 — Labour Conditions and".
/// The title and the annex's id.
fn annex_heading(line: &str) -> Option<(&str, &str)> {
    let wrapped_title = |title: &str| {
        let title = title.trim_end();
        title.chars().next().is_some_and(char::is_uppercase)
            && title.split_whitespace().count() <= MAX_HEADING_WORDS
            && !title.ends_with(['.', ',', ';'])
    };
    annex_label(line)
        .ok()
        .filter(|(title, _)| title.trim().is_empty() || wrapped_title(title))
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
        || is_grid_rule(t)
}

/// The rule under a plain-text grid's head: "----+--------+-----".
fn is_grid_rule(t: &str) -> bool {
    t.len() >= 5
        && t.contains(['+', '|'])
        && t.contains("---")
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | '+' | ':' | '=' | ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A reference wrapped onto the line after "… arbetet enligt".
        assert_eq!(heading("§ 9 årligen vid behov."), None);
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
