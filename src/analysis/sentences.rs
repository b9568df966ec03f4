//! Splits block text into sentences. Swedish abbreviations (t.ex., bl.a., m.m.,
//! kap., org.nr) and statute numbers ("SFS 2008:567", "3 kap. 13 §") do not end
//! a sentence.

use crate::span::Span;

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

fn push_trimmed(out: &mut Vec<Span>, block: &str, base: usize, start: usize, end: usize) {
    let piece = &block[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    if !body.is_empty() {
        out.push(Span::new(
            base + start + lead,
            base + start + lead + body.len(),
        ));
    }
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
