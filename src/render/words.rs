//! What the report formats for people share: status icons (always with a
//! word beside them, never colour alone), headings in both languages, and an
//! excerpt with the words pointed at marked.

use crate::lang::Lang;
use crate::report::{Location, Status};

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
