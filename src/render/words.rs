//! What the report formats for people share: status icons (always with a
//! word beside them, never colour alone), their words and headings from the
//! message catalogue of the report's language, and an excerpt with the words
//! pointed at marked.

use crate::model::lang::{fill, Lang};
use crate::model::location::Location;
use crate::model::vocab::{RowStatus, Severity, Status, Verdict};
use crate::report::skipped::Skipped;
use crate::report::{Coverage, RegisterRow};

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

/// A status as a class name, for HTML.
#[must_use]
pub const fn status_class(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::Weak => "weak",
        Status::Missing => "missing",
        Status::NotApplicable => "na",
    }
}

/// The catalogue's word or heading `key` in the report's language.
#[must_use]
pub fn word(lang: Lang, key: &str) -> &'static str {
    lang.template(key).unwrap_or_default()
}

/// The catalogue's template `key` filled with `values`.
#[must_use]
pub fn phrase(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    fill(word(lang, key), values)
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

/// The excerpt's three parts (`marked`) as text: a Markdown document's
/// heading marks (`## `) at the start of a line are its markup, not its
/// words, and are left out.
#[must_use]
pub fn as_text<'a>(parts: (&'a str, &'a str, &'a str)) -> (String, String, String) {
    let (before, words, after) = parts;
    let words_start = before.is_empty() || before.ends_with('\n');
    (
        unheaded(before, true),
        unheaded(words, words_start),
        unheaded(after, false),
    )
}

/// `s` without `#`…`######` and their space at the start of each line
/// (and at its own start when `at_start`).
fn unheaded(s: &str, at_start: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split_inclusive('\n').enumerate() {
        let hashes = line.len() - line.trim_start_matches('#').len();
        let rest = &line[hashes..];
        if (i > 0 || at_start) && (1..=6).contains(&hashes) && rest.starts_with([' ', '\t']) {
            out.push_str(rest.trim_start_matches([' ', '\t']));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A coverage share as people read it, with the language's decimal point:
/// "36,4 %" in Swedish, "36.4 %" in English; "–" when nothing applies.
#[must_use]
pub fn percent(c: &Coverage, lang: Lang) -> String {
    c.coverage.map_or_else(
        || "–".to_owned(),
        |v| format!("{:.1} %", v * 100.0).replace('.', word(lang, "decimal_point")),
    )
}

/// "4 av 11 (36,4 %), 2 att granska".
#[must_use]
pub fn share(c: &Coverage, lang: Lang) -> String {
    phrase(
        lang,
        "coverage_share",
        &[
            ("compliant", &c.compliant.to_string()),
            ("applicable", &c.applicable.to_string()),
            ("percent", &percent(c, lang)),
            ("review", &c.needs_review.to_string()),
        ],
    )
}

/// The verdict on a document, in the report's language.
#[must_use]
pub fn verdict_word(verdict: Verdict, lang: Lang) -> &'static str {
    word(
        lang,
        match verdict {
            Verdict::Pass => "verdict_pass",
            Verdict::Fail => "verdict_fail",
            Verdict::NotApplicable => "verdict_not_applicable",
            Verdict::Error => "verdict_error",
        },
    )
}

/// A requirement's status, in the report's language.
#[must_use]
pub fn status_word(status: Status, lang: Lang) -> &'static str {
    word(
        lang,
        match status {
            Status::Met => "status_met",
            Status::Weak => "status_weak",
            Status::Missing => "status_missing",
            Status::NotApplicable => "status_not_applicable",
        },
    )
}

/// A severity, in the report's language: "fel", "varning", "info".
#[must_use]
pub fn severity_word(lang: Lang, severity: Severity) -> &'static str {
    word(
        lang,
        match severity {
            Severity::Error => "severity_error",
            Severity::Warning => "severity_warning",
            Severity::Info => "severity_info",
        },
    )
}

/// A register row's status, in the report's language.
#[must_use]
pub fn row_status_word(status: RowStatus, lang: Lang) -> &'static str {
    word(
        lang,
        match status {
            RowStatus::Compliant => "row_compliant",
            RowStatus::NonCompliant => "row_non_compliant",
            RowStatus::NeedsReview => "row_needs_review",
            RowStatus::NotApplicable => "row_not_applicable",
        },
    )
}

/// " (dolt blad)" after a place that stands in a hidden sheet; empty for
/// any other place.
#[must_use]
pub fn hidden_mark(lang: Lang, hidden: bool) -> String {
    if hidden {
        format!(" ({})", word(lang, "hidden_sheet"))
    } else {
        String::new()
    }
}

/// A register row's place ("Avtal!L10"), marked when its sheet is hidden.
#[must_use]
pub fn row_place(row: &RegisterRow, lang: Lang) -> String {
    row.place() + &hidden_mark(lang, row.hidden_sheet)
}

/// Why a file was not checked, in the report's language.
#[must_use]
pub fn skip_reason(lang: Lang, s: &Skipped) -> &'static str {
    word(lang, s.reason.key())
}

/// "3 other files were skipped…", or `None` when there were none.
#[must_use]
pub fn skipped_others(lang: Lang, count: usize) -> Option<String> {
    (count > 0).then(|| phrase(lang, "skipped_others", &[("count", &count.to_string())]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn heading_marks_are_markup_not_words() {
        assert_eq!(
            super::as_text(("", "## 5 Antidiskriminering", "\n### 5.1 Vite")),
            (
                String::new(),
                "5 Antidiskriminering".into(),
                "\n5.1 Vite".into()
            )
        );
        // Mid-line, a hash is a word; seven are no heading.
        assert_eq!(
            super::as_text(("avsnitt ", "#3", " ####### x")),
            ("avsnitt ".into(), "#3".into(), " ####### x".into())
        );
    }
}
