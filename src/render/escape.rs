//! Text from documents and profiles put into an output's syntax, one way
//! per syntax: HTML and XML, Markdown and CSV. Every renderer escapes through
//! here; JSON, SARIF and GitLab are written by serde, and xlsx by its writer.

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
    }
}
