//! Page furniture in text that came out of a PDF: page breaks (form feeds),
//! page-number lines ("Sida 2 av 3", "Page 2 of 3", "- 2 -") and running
//! headers and footers that repeat at the top or bottom of most pages.

use std::collections::HashMap;

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{all_consuming, opt};
use nom::{IResult, Parser};

use crate::model::span::Span;

/// Lines at the top or bottom of a page that can be running headers or footers.
const EDGE_LINES: usize = 3;
/// A running header is longer than nothing and shorter than a paragraph.
const MAX_FURNITURE_LEN: usize = 120;
/// Longest line that can be a page number ("Sida 1234 av 5678", padded); a
/// longer one is not parsed at all.
const MAX_PAGE_NUMBER_LINE: usize = 40;

/// For each line: its 1-based page, and whether it is page furniture to drop.
pub struct PageLayout {
    pub page: Vec<u32>,
    pub furniture: Vec<bool>,
    /// Whether the text shows pages at all (form feeds or page-number lines).
    pub paged: bool,
}

pub fn layout(text: &str, lines: &[Span]) -> PageLayout {
    let numbered: Vec<bool> = lines
        .iter()
        .map(|l| {
            let line = text[l.start..l.end].trim_matches(['\u{c}', ' ', '\t']);
            (line.len() <= MAX_PAGE_NUMBER_LINE && is_page_number(line))
                || (line.len() <= MAX_FURNITURE_LEN && has_page_number_column(line))
        })
        .collect();
    let has_form_feeds = memchr::memchr(0x0C, text.as_bytes()).is_some();
    let paged = has_form_feeds || numbered.iter().filter(|&&n| n).count() >= 2;
    let mut page = Vec::with_capacity(lines.len());
    let mut current = 1u32;
    for (i, line) in lines.iter().enumerate() {
        // A form feed that opens a line is outside its span; count from where
        // the line before ended.
        if has_form_feeds {
            let from = i.checked_sub(1).map_or(0, |p| lines[p].end);
            let feeds = memchr::memchr_iter(0x0C, &text.as_bytes()[from..line.end]).count();
            current += u32::try_from(feeds).unwrap_or(0);
        }
        page.push(current);
        if !has_form_feeds && numbered[i] {
            current += 1;
        }
    }
    let mut furniture = numbered;
    if paged {
        mark_running_lines(text, lines, &page, &mut furniture);
    } else {
        furniture.fill(false);
    }
    PageLayout {
        page,
        furniture,
        paged,
    }
}

/// Marks lines that stand near the top or bottom of at least half the pages.
fn mark_running_lines(text: &str, lines: &[Span], page: &[u32], furniture: &mut [bool]) {
    let pages = page.last().copied().unwrap_or(1);
    if pages < 3 {
        return;
    }
    let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if !text[line.start..line.end].trim().is_empty() {
            by_page.entry(page[i]).or_default().push(i);
        }
    }
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for idx in by_page.values() {
        let edge = idx
            .iter()
            .take(EDGE_LINES)
            .chain(idx.iter().rev().take(EDGE_LINES));
        let mut on_this_page: Vec<usize> = edge.copied().collect();
        on_this_page.sort_unstable();
        on_this_page.dedup();
        for i in on_this_page {
            let key = text[lines[i].start..lines[i].end].trim_matches(['\u{c}', ' ', '\t']);
            if !key.is_empty() && key.len() <= MAX_FURNITURE_LEN {
                seen.entry(key).or_default().push(i);
            }
        }
    }
    for occurrences in seen.values() {
        if occurrences.len() * 2 >= pages as usize {
            for &i in occurrences {
                furniture[i] = true;
            }
        }
    }
}

/// A footer set in columns, "Kontrakt 2026-07      Sida 1 av 6": its first or
/// last column, after a gap of three spaces or a tab, is a page number.
fn has_page_number_column(line: &str) -> bool {
    let gap = |c: char| c == '\t';
    let columns: Vec<&str> = line
        .split("   ")
        .flat_map(|part| part.split(gap))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    columns.len() >= 2
        && [columns[0], columns[columns.len() - 1]]
            .iter()
            .any(|c| c.len() <= MAX_PAGE_NUMBER_LINE && is_page_number(c))
}

#[must_use]
pub fn is_page_number(line: &str) -> bool {
    // Every form starts with a digit, a dash, "sida", "s." or "page".
    line.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | 's' | 'S' | 'p' | 'P'))
        && all_consuming(page_number).parse(line).is_ok()
}

fn page_number(input: &str) -> IResult<&str, ()> {
    let of = alt((tag_no_case("av"), tag_no_case("of"), tag("/")));
    let word = alt((tag_no_case("sida"), tag_no_case("page"), tag_no_case("s.")));
    let worded = (word, space1, digit1, opt((space1, of, space1, digit1)));
    let dashed = (char('-'), space0, digit1, space0, char('-'));
    let bracketed = (digit1, space0, char('('), digit1, char(')'));
    let slashed = (digit1, space0, char('/'), space0, digit1);
    let (rest, ()) = alt((
        worded.map(|_| ()),
        dashed.map(|_| ()),
        bracketed.map(|_| ()),
        slashed.map(|_| ()),
    ))
    .parse(input)?;
    Ok((rest, ()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for line in [
            "Sida 2 av 3",
            "sida 2",
            "Page 4 of 10",
            "- 7 -",
            "3 (12)",
            "3/12",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["Sidan 2 beskriver", "7.4 Vite", "2008:567", "12"] {
            assert!(!is_page_number(line), "{line}");
        }
        assert!(has_page_number_column(
            "Kontrakt 2026-07        Sida 1 av 6"
        ));
        assert!(has_page_number_column("Sida 3 av 9\tSjöviks kommun"));
        assert!(!has_page_number_column("Avtal 2026-07 Sida 1 av 6"));
        assert!(!has_page_number_column("Vite   enligt sida 4"));
    }
}
