//! A place in a Word or OpenDocument file as its reader finds it: "7.4
//! Antidiskriminering, stycke 3: «Leverantören ska …», ca s. 4". The section
//! by its number and title, the paragraph by its place in that section and
//! its first words, and the page where the word processor last laid it out,
//! which is approximate. Every report format for people uses it.
//!
//! The result holds document text (the heading and the first words): each
//! renderer escapes it as it escapes the rest of that text.

use super::words::phrase;
use crate::model::lang::Lang;
use crate::model::location::Location;

/// The place of a location in a Word or OpenDocument file; `None` for other
/// formats (whose locations have no `paragraph`).
#[must_use]
pub fn word_place(l: &Location, lang: Lang) -> Option<String> {
    l.paragraph?;
    let mut parts = Vec::new();
    let heading = match (&l.section, &l.heading) {
        (Some(n), Some(h)) if !h.is_empty() => Some(format!("{n} {h}")),
        (Some(n), _) => Some(n.clone()),
        (None, Some(h)) => Some(h.clone()),
        (None, None) => None,
    };
    parts.extend(heading);
    match (l.section_paragraph, &l.first_words) {
        (Some(n), Some(words)) => {
            let n = n.to_string();
            let key = if l.first_words_cut {
                "place_paragraph_words_cut"
            } else {
                "place_paragraph_words"
            };
            parts.push(phrase(lang, key, &[("paragraph", &n), ("words", words)]));
        }
        (Some(n), None) => parts.push(phrase(
            lang,
            "human_paragraph",
            &[("paragraph", &n.to_string())],
        )),
        // The location is the heading itself.
        (None, _) => parts.push(phrase(lang, "place_heading", &[])),
    }
    if let (Some(page), true) = (l.page, l.page_approximate) {
        parts.push(phrase(
            lang,
            "place_page_approximate",
            &[("page", &page.to_string())],
        ));
    }
    Some(parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn location() -> Location {
        Location {
            line: 15,
            column: 1,
            end_line: 15,
            end_column: 4,
            byte_start: 0,
            byte_end: 3,
            section: Some("7.4".into()),
            heading: Some("Antidiskriminering".into()),
            heading_path: Vec::new(),
            page: Some(4),
            page_approximate: true,
            page_line: None,
            paragraph: Some(33),
            section_paragraph: Some(3),
            first_words: Some("Leverantören ska {page} redovisa".into()),
            first_words_cut: true,
            sheet: None,
            cell: None,
            hidden_sheet: false,
            text: "ska".into(),
            excerpt: None,
        }
    }

    #[test]
    fn section_paragraph_words_and_page_in_both_languages() {
        let l = location();
        assert_eq!(
            word_place(&l, Lang::Sv).unwrap(),
            "7.4 Antidiskriminering, stycke 3: «Leverantören ska {page} redovisa …», ca s. 4"
        );
        assert_eq!(
            word_place(&l, Lang::En).unwrap(),
            "7.4 Antidiskriminering, paragraph 3: “Leverantören ska {page} redovisa …”, about p. 4"
        );
    }

    #[test]
    fn a_heading_a_whole_paragraph_and_no_page() {
        let mut l = location();
        l.first_words_cut = false;
        l.page = None;
        l.page_approximate = false;
        l.section = None;
        assert_eq!(
            word_place(&l, Lang::Sv).unwrap(),
            "Antidiskriminering, stycke 3: «Leverantören ska {page} redovisa»"
        );
        l.section_paragraph = None;
        l.first_words = None;
        l.section = Some("7.4".into());
        assert_eq!(
            word_place(&l, Lang::Sv).unwrap(),
            "7.4 Antidiskriminering, rubriken"
        );
        l.paragraph = None;
        assert_eq!(word_place(&l, Lang::Sv), None);
    }
}
