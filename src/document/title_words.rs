//! Whether a short line reads as a title or as a wrapped line of a
//! sentence: the function words a title never ends with and the verbs only a
//! sentence has, in Swedish and English. Language grammar, not the clause's
//! vocabulary (ARCHITECTURE.md).

/// Most words a heading without Markdown's `#` has.
pub(super) const MAX_HEADING_WORDS: usize = 10;

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
    // A dash before the title's second part: "BILAGA 3 SÄRSKILDA
    // KONTRAKTSVILLKOR –" / "ANTIDISKRIMINERING".
    "–",
    "—",
    "-",
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

/// The verbs of a duty: a numbered line that has one ("8.1 Leverantören ska
/// under hela avtalstiden följa …") is a point's sentence, not its title.
const DUTY_VERBS: &[&str] = &[
    "ska",
    "skall",
    "måste",
    "bör",
    "åtar",
    "förbinder",
    "förpliktar",
    "förpliktigar",
    "shall",
    "must",
    "should",
    "undertakes",
    "undertake",
];

/// Whether a line holds a verb of duty.
pub(super) fn has_duty_verb(line: &str) -> bool {
    line.split_whitespace()
        .any(|w| DUTY_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w)))
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

pub(super) fn is_caps_heading(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && !line.chars().any(char::is_lowercase)
        && line.split_whitespace().count() <= MAX_HEADING_WORDS
}
