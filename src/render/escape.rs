//! Text from documents and profiles put into an output's syntax, one way
//! per syntax: HTML and XML, Markdown, CSV, a terminal, and one line of a
//! log. Every renderer and the binary escape through here; JSON, SARIF and
//! GitLab are written by serde (which escapes every control character), and
//! xlsx by its writer.
//!
//! File names and document text are written by others, so no control
//! character (C0, C1) and no bidirectional override reaches an output raw:
//! it is shown as U+FFFD. Where a value must stay on its line (a file name,
//! a message), line breaks and tabs become spaces, so a name ending in a
//! line break and `::error` cannot start a CI workflow command.

use std::borrow::Cow;

/// A value for HTML or XML, as content or as a quoted attribute value, on
/// one line. XML 1.0 cannot hold most control characters at all, even
/// escaped.
#[must_use]
pub fn xml(s: &str) -> Cow<'_, str> {
    owned_or(line(s), |s| quick_xml::escape::escape(s))
}

/// Text as the content of an XML element, where quotes may stay as they are
/// and line breaks are kept.
#[must_use]
pub fn xml_text(s: &str) -> Cow<'_, str> {
    owned_or(terminal(s), |s| quick_xml::escape::partial_escape(s))
}

/// `f` of the text in `shown`, borrowing from the original where `shown` did.
fn owned_or(shown: Cow<'_, str>, f: impl Fn(&str) -> Cow<'_, str>) -> Cow<'_, str> {
    match shown {
        Cow::Borrowed(s) => f(s),
        Cow::Owned(s) => Cow::Owned(f(&s).into_owned()),
    }
}

/// Text that Markdown must not read as markup: no emphasis, no table cell
/// boundary, no HTML, no link or image (`[`, `]`), no code span, and no line
/// break that would start a block of its own.
#[must_use]
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in line(s).chars() {
        match c {
            '\\' | '|' | '*' | '_' | '[' | ']' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            c => out.push(c),
        }
    }
    out
}

/// A line of escaped Markdown that must stay text where it stands at the
/// start of a line (a quoted excerpt): a leading `#` would make it a
/// heading, `>` a deeper quote, `-`, `+` or `1.` a list item, `=` a
/// setext underline. The character that would start the block is escaped.
#[must_use]
pub fn markdown_line_start(escaped: &str) -> String {
    let indent = escaped.len() - escaped.trim_start().len();
    let (space, rest) = escaped.split_at(indent);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if rest.starts_with(['#', '>', '-', '+', '=']) {
        format!("{space}\\{rest}")
    } else if digits > 0 && rest[digits..].starts_with(['.', ')']) {
        format!("{space}{}\\{}", &rest[..digits], &rest[digits..])
    } else {
        escaped.to_owned()
    }
}

/// A CSV field (RFC 4180) on one line, quoted when it holds a comma or a
/// quote. A field that a spreadsheet would read as a formula (it begins
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`,
/// as spreadsheet tools expect.
#[must_use]
pub fn csv(s: &str) -> Cow<'_, str> {
    csv_with(s, ',')
}

/// A CSV field as `csv` makes it, for a file whose fields are separated by
/// `delimiter` (`;` for Swedish Excel): quoted when it holds the delimiter
/// or a quote.
#[must_use]
pub fn csv_with(s: &str, delimiter: char) -> Cow<'_, str> {
    let formula = |s: &str| s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let guarded = if formula(s) {
        Cow::Owned(format!("'{}", line(s)))
    } else {
        line(s)
    };
    if guarded.contains([delimiter, '"']) {
        Cow::Owned(format!("\"{}\"", guarded.replace('"', "\"\"")))
    } else {
        guarded
    }
}

/// What a terminal shows for a control character.
const CONTROL: char = '\u{FFFD}';

/// A character that an output would act on rather than show: a control
/// character could move the cursor, recolour or retitle a terminal, and a
/// bidirectional override reorders what a reader sees. Line breaks and tabs
/// are text.
fn acts(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A value that must stay on its line: a file name, a message, a cell. Line
/// breaks and tabs become spaces, and whatever an output would act on U+FFFD.
#[must_use]
pub fn line(s: &str) -> Cow<'_, str> {
    if s.chars()
        .any(|c| acts(c) || matches!(c, '\n' | '\r' | '\t'))
    {
        Cow::Owned(
            s.chars()
                .map(|c| match c {
                    '\n' | '\r' | '\t' => ' ',
                    c if acts(c) => CONTROL,
                    c => c,
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
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

/// The most of a cell or a document's text that an error quotes.
pub const QUOTED: usize = 80;

/// A cell or a document's text as an error quotes it: on one line, with
/// nothing an output would act on, and no more than `QUOTED` characters (an
/// ellipsis says it was cut). A message stays short whatever the file holds.
#[must_use]
pub fn quoted(s: &str) -> String {
    let mut chars = s.char_indices();
    match chars.nth(QUOTED) {
        None => line(s).into_owned(),
        Some((cut, _)) => format!("{}…", line(&s[..cut])),
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
mod line_start_tests {
    use super::markdown_line_start as start;

    #[test]
    fn a_line_that_would_open_a_block_is_escaped_where_it_opens() {
        assert_eq!(
            start("### 5 Antidiskriminering"),
            "\\### 5 Antidiskriminering"
        );
        assert_eq!(start("  > citat"), "  \\> citat");
        assert_eq!(start("12. Vite"), "12\\. Vite");
        assert_eq!(start("- punkt"), "\\- punkt");
        assert_eq!(start("Leverantören ska # inte"), "Leverantören ska # inte");
        assert_eq!(start("2024 års avtal"), "2024 års avtal");
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
        assert_eq!(
            markdown("![x](http://a) [y](b) `c`\n## d"),
            r"!\[x\](http://a) \[y\](b) \`c\` ## d"
        );
        assert_eq!(csv("Värde, tkr"), "\"Värde, tkr\"");
        assert_eq!(csv("=1+1"), "'=1+1");
        assert_eq!(csv("-2"), "'-2");
        assert_eq!(csv("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv("\t=x"), "' =x");
        assert_eq!(csv("a\n::error b"), "a ::error b");
        assert_eq!(xml("a\u{1b}b\u{7}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(line("a\n::error\u{202E}"), "a ::error\u{FFFD}");
        assert_eq!(quoted(&"å".repeat(QUOTED)), "å".repeat(QUOTED));
        assert_eq!(
            quoted(&format!("\u{1b}{}", "b".repeat(QUOTED))),
            format!("\u{FFFD}{}…", "b".repeat(QUOTED - 1))
        );
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
