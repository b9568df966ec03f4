//! What the report formats for people share: status icons (always with a
//! word beside them, never colour alone), headings in both languages, and an
//! excerpt with the words pointed at marked.

use crate::model::lang::Lang;
use crate::model::location::Location;
use crate::model::vocab::{Status, Verdict};
use crate::report::Coverage;

/// An icon that reads in any font and prints in black and white.
#[must_use]
pub const fn icon(status: Status) -> &'static str {
    match status {
        Status::Met => "✔",
        Status::Weak => "▲",
        Status::Missing => "✖",
        Status::NotApplicable => "–",
    }
}

/// A word in the report's language: (Swedish, English).
#[must_use]
pub const fn say(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// The excerpt around a location in three parts: before, the words pointed
/// at, after. `None` when the location carries no excerpt.
#[must_use]
pub fn marked(l: &Location) -> Option<(&str, &str, &str)> {
    let e = l.excerpt.as_ref()?;
    let start = l.byte_start.checked_sub(e.offset)?;
    let end = l.byte_end.checked_sub(e.offset)?.min(e.text.len());
    if start > end || !e.text.is_char_boundary(start) || !e.text.is_char_boundary(end) {
        return None;
    }
    Some((&e.text[..start], &e.text[start..end], &e.text[end..]))
}

/// A coverage share as people read it: "36,4 %" in Swedish, "36.4 %" in
/// English, "–" when nothing applies.
#[must_use]
pub fn percent(c: &Coverage, lang: Lang) -> String {
    c.coverage.map_or_else(
        || "–".to_owned(),
        |v| {
            let text = format!("{:.1} %", v * 100.0);
            if lang == Lang::Sv {
                text.replace('.', ",")
            } else {
                text
            }
        },
    )
}

/// "4 av 11 (36,4 %), 2 att granska".
#[must_use]
pub fn share(c: &Coverage, lang: Lang) -> String {
    format!(
        "{} {} {} ({}), {} {}",
        c.compliant,
        say(lang, "av", "of"),
        c.applicable,
        percent(c, lang),
        c.needs_review,
        say(lang, "att granska", "to review")
    )
}

/// The verdict on a document, in the report's language.
#[must_use]
pub const fn verdict_word(verdict: Verdict, lang: Lang) -> &'static str {
    match (verdict, lang) {
        (Verdict::Pass, Lang::Sv) => "godkänt",
        (Verdict::Fail, Lang::Sv) => "underkänt",
        (Verdict::NotApplicable, Lang::Sv) => "klausulen gäller inte",
        (Verdict::Error, Lang::Sv) => "fel",
        (Verdict::Pass, Lang::En) => "pass",
        (Verdict::Fail, Lang::En) => "fail",
        (Verdict::NotApplicable, Lang::En) => "the clause does not apply",
        (Verdict::Error, Lang::En) => "error",
    }
}
