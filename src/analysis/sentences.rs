//! Splits block text into sentences. Swedish abbreviations (t.ex., bl.a., m.m.,
//! kap., org.nr) and statute numbers ("SFS 2008:567", "3 kap. 13 §") do not end
//! a sentence.

use crate::model::span::Span;

const ABBREVIATIONS: &[&str] = &[
    "t.ex", "bl.a", "m.m", "kap", "org.nr", "orgnr", "nr", "ca", "resp", "s.k", "d.v.s", "dvs",
    "jfr", "inkl", "exkl", "st", "p", "e.g", "i.e", "etc", "no", "art", "mom", "fr.o.m", "t.o.m",
    "o.s.v", "osv", "ev", "enl", "bil", "avd", "tel", "kl", "s", "f.d", "m.fl", "el", "pkt", "sek",
    "mr", "ms", "dr", "prop", "jfr", "cf", "approx",
];

/// Sentence spans within `span` of `text` (folded text, original case).
#[must_use]
pub fn split(text: &str, span: Span) -> Vec<Span> {
    let block = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in block.match_indices(['.', '!', '?']) {
        let end = i + 1;
        let rest = &block[end..];
        if !rest.starts_with(' ') || !starts_sentence(&rest[1..]) {
            continue;
        }
        if c == "." && is_abbreviation(&block[start..i]) {
            continue;
        }
        push_trimmed(&mut out, block, span.start, start, end);
        start = end;
    }
    push_trimmed(&mut out, block, span.start, start, block.len());
    out
}

/// Longest stretch read as one sentence. Legal sentences stay far below it;
/// text without full stops (a long list, PDF debris) is cut at a space
/// before it, so the work per sentence, and so per document, stays linear.
const MAX_SENTENCE: usize = 2_000;

fn push_trimmed(out: &mut Vec<Span>, block: &str, base: usize, start: usize, end: usize) {
    let piece = &block[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    let mut from = start + lead;
    let to = from + body.len();
    while to - from > MAX_SENTENCE {
        let window = &block[from..floor_boundary(block, from + MAX_SENTENCE)];
        let cut = window.rfind(' ').filter(|&c| c > 0).unwrap_or(window.len());
        out.push(Span::new(base + from, base + from + cut));
        from += cut;
        from += block[from..to].len() - block[from..to].trim_start().len();
    }
    if to > from {
        out.push(Span::new(base + from, base + to));
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '”' | '(' | '§' | '•')
    })
}

/// Whether the word before a full stop is an abbreviation or a lone initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_without_full_stops_is_cut_at_spaces() {
        let block = "ord åäö ".repeat(1_000);
        let spans = super::split(&block, super::Span::new(0, block.len()));
        assert!(spans.len() > 1);
        for s in &spans {
            assert!(s.end - s.start <= super::MAX_SENTENCE);
            assert!(block.is_char_boundary(s.start) && block.is_char_boundary(s.end));
            assert!(
                !block[s.start..s.end].starts_with(' ') && !block[s.start..s.end].ends_with(' ')
            );
        }
        assert_eq!(spans.first().unwrap().start, 0);
        assert_eq!(spans.last().unwrap().end, block.trim_end().len());
    }

    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let text = "Grunder, t.ex. kön och ålder, ska beaktas enl. 3 kap. 13 § DL. Leverantören ska följa SFS 2008:567. Bl.a. Ombudsmannen.";
        assert_eq!(
            sentences(text),
            vec![
                "Grunder, t.ex. kön och ålder, ska beaktas enl. 3 kap. 13 § DL.",
                "Leverantören ska följa SFS 2008:567.",
                "Bl.a. Ombudsmannen."
            ]
        );
    }

    #[test]
    fn numbers_end_sentences_before_capitals() {
        assert_eq!(
            sentences("Se punkt 7.4. Vite utgår."),
            vec!["Se punkt 7.4.", "Vite utgår."]
        );
    }
}
