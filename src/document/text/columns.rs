//! Tables laid out with spaces, as a PDF's text keeps them: "Avvikelse
//! ⟨spaces⟩ Vite" over "Utebliven hämtning ⟨spaces⟩ 5 000 kr per tillfälle".
//! Two lines in a row, each parted into cells by wide gaps, are rows of a
//! table; a single such line is not (a running header, a signature line).

use std::ops::Range;

use crate::model::span::Span;

/// The narrowest gap of spaces that parts two cells; a tab parts them too.
const GAP: usize = 3;

/// The cells of a line parted by wide gaps, as byte ranges of `line`; fewer
/// than two when the line is no row. A cell must hold a letter or a digit
/// and the first a letter, so a list marker or a section number before its
/// text ("a)   Leverantören", "21.1   Brister") makes no row.
pub(super) fn cells(line: &str) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    for (i, c) in line.char_indices() {
        match c {
            ' ' => spaces += 1,
            '\t' => spaces += GAP,
            _ => {
                if let Some(s) = start.filter(|_| spaces >= GAP) {
                    cells.push(s..line[..i].trim_end().len());
                    start = None;
                }
                start.get_or_insert(i);
                spaces = 0;
            }
        }
    }
    if let Some(s) = start {
        cells.push(s..line.trim_end().len());
    }
    let first_is_words = cells.first().is_some_and(|r| {
        line[r.clone()]
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
    });
    let telling = cells
        .iter()
        .all(|r| line[r.clone()].chars().any(char::is_alphanumeric));
    if cells.len() < 2 || !first_is_words || !telling {
        cells.clear();
    }
    cells
}

/// Whether line `i` of `lines` is a row of a table: it and the line before
/// or after it part into cells.
pub(super) fn is_row(text: &str, lines: &[Span], i: usize) -> bool {
    let row = |j: usize| {
        lines
            .get(j)
            .is_some_and(|l| cells(&text[l.start..l.end]).len() >= 2)
    };
    row(i) && ((i > 0 && row(i - 1)) || row(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<&str> {
        cells(line).into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn wide_gaps_part_cells() {
        assert_eq!(
            texts("Brott mot § 9 som inte rättats      2 % av årligt avtalsvärde"),
            [
                "Brott mot § 9 som inte rättats",
                "2 % av årligt avtalsvärde"
            ]
        );
        assert_eq!(texts("  Avvikelse\t\tVite  "), ["Avvikelse", "Vite"]);
        assert_eq!(texts("Pris  per timme"), Vec::<&str>::new());
    }

    #[test]
    fn a_marker_or_number_before_text_is_no_row() {
        assert!(texts("a)   Leverantören ska").is_empty());
        assert!(texts("21.1   Brister i fråga om").is_empty());
        assert!(texts("Sida 3 av 9").is_empty());
    }

    #[test]
    fn two_lines_make_a_table_and_one_does_not() {
        let text =
            "Staden          Sida 1\nLöptext här.\nAvvikelse     Vite\nUtebliven     5 000 kr\n";
        let mut lines = Vec::new();
        let mut at = 0;
        for l in text.split_inclusive('\n') {
            lines.push(Span::new(at, at + l.trim_end().len()));
            at += l.len();
        }
        let rows: Vec<bool> = (0..lines.len()).map(|i| is_row(text, &lines, i)).collect();
        assert_eq!(rows, [false, false, true, true]);
    }
}
