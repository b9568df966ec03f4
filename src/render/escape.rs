//! Text from documents and profiles put into an output's syntax, one way
//! per syntax: HTML and XML, Markdown, CSV, and a terminal. Every renderer
//! and the binary escape through here; JSON, SARIF and GitLab are written by
//! serde, and xlsx by its writer.

use std::borrow::Cow;

/// Text for HTML or XML, as content or as a quoted attribute value.
#[must_use]
pub fn xml(s: &str) -> Cow<'_, str> {
    quick_xml::escape::escape(s)
}

/// Text as the content of an XML element, where quotes may stay as they are.
#[must_use]
pub fn xml_text(s: &str) -> Cow<'_, str> {
    quick_xml::escape::partial_escape(s)
}

/// Text that Markdown must not read as markup: no emphasis, no table cell
/// boundary, no HTML.
#[must_use]
pub fn markdown(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('<', "&lt;")
}

/// A CSV field (RFC 4180), quoted when it holds a comma, a quote or a line
/// break.
#[must_use]
pub fn csv(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// What a terminal shows for a control character.
const CONTROL: char = '\u{FFFD}';

/// A control character that a terminal would act on rather than show: an
/// escape sequence could move the cursor, recolour or retitle the window.
/// Line breaks and tabs are text.
fn acts(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Text for a terminal: file names and document text with every control
/// character shown as U+FFFD, so none reaches the terminal as a command.
#[must_use]
pub fn terminal(s: &str) -> Cow<'_, str> {
    if s.chars().any(acts) {
        Cow::Owned(
            s.chars()
                .map(|c| if acts(c) { CONTROL } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Where byte `at` of `s` is in `terminal(s)`; `at` as it is when it is not
/// on a character boundary of `s`.
#[must_use]
pub fn terminal_offset(s: &str, at: usize) -> usize {
    let Some(before) = s.get(..at) else {
        return at;
    };
    let grown: usize = before
        .chars()
        .filter(|c| acts(*c))
        .map(|c| CONTROL.len_utf8() - c.len_utf8())
        .sum();
    at + grown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_syntax_escapes_its_own_characters() {
        assert_eq!(
            xml("a < b & \"c\" 'd' > e"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e"
        );
        assert_eq!(xml_text("a < b & \"c\" 'd'"), "a &lt; b &amp; \"c\" 'd'");
        assert_eq!(markdown(r"a_b*c|d\e<f"), r"a\_b\*c\|d\\e&lt;f");
        assert_eq!(csv("Värde, tkr"), "\"Värde, tkr\"");
        assert_eq!(csv("sa \"ja\""), "\"sa \"\"ja\"\"\"");
        assert_eq!(csv("åäö"), "åäö");
        assert_eq!(
            terminal("a\u{1b}[31mb\u{9b}c\r\n\td"),
            "a\u{FFFD}[31mb\u{FFFD}c\r\n\td"
        );
        assert!(matches!(terminal("åäö\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_offset_moves_with_the_controls_before_it() {
        let s = "a\u{1b}b\u{9b}c";
        let t = terminal(s);
        for (at, c) in s.char_indices().filter(|(_, c)| !acts(*c)) {
            assert_eq!(t[terminal_offset(s, at)..].chars().next(), Some(c));
        }
        assert_eq!(terminal_offset(s, s.len()), t.len());
    }
}
