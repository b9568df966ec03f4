//! A miette `SourceCode` over a finding's excerpt, so a diagnostic can show the
//! document's lines with their real line numbers without holding the document.

use std::borrow::Cow;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::escape::{terminal, terminal_offset};
use crate::model::location::Excerpt;

#[derive(Debug)]
pub struct ExcerptSource {
    pub name: String,
    pub excerpt: Excerpt,
}

impl ExcerptSource {
    /// The excerpt escaped for a terminal, and `span` (offsets into the
    /// document) moved to where its words are in the escaped excerpt.
    #[must_use]
    pub fn for_terminal(
        name: String,
        mut excerpt: Excerpt,
        span: std::ops::Range<usize>,
    ) -> (Self, std::ops::Range<usize>) {
        let mut span = span;
        if let Cow::Owned(escaped) = terminal(&excerpt.text) {
            let moved = |at: usize| match at.checked_sub(excerpt.offset) {
                Some(local) => excerpt.offset + terminal_offset(&excerpt.text, local),
                None => at,
            };
            span = moved(span.start)..moved(span.end);
            excerpt.text = escaped;
        }
        (Self { name, excerpt }, span)
    }
}

impl SourceCode for ExcerptSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let offset = self.excerpt.offset;
        let local = SourceSpan::new(span.offset().saturating_sub(offset).into(), span.len());
        let inner = self.excerpt.text.as_str().read_span(
            &local,
            context_lines_before,
            context_lines_after,
        )?;
        let shifted = SourceSpan::new((inner.span().offset() + offset).into(), inner.span().len());
        // miette shows this column in the header; like the JSON report it
        // counts characters, not bytes ("Leverantören bör": "bör" is at 14).
        let text = self.excerpt.text.as_str();
        let column = if context_lines_before == 0 {
            let at = (local.offset()).min(text.len());
            let before = text.get(..at).unwrap_or_default();
            match before.rfind('\n') {
                Some(i) => before[i + 1..].chars().count(),
                // Still on the excerpt's first line, which may start inside a line.
                None => self.excerpt.column + before.chars().count(),
            }
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            shifted,
            inner.line() + self.excerpt.first_line - 1,
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_stay_pointed_at_when_controls_before_them_are_escaped() {
        let text = "Leverantören \u{1b}[31mska\u{1b}[0m inom 60 dagar";
        let offset = 100;
        let at = offset + text.find("60 dagar").unwrap();
        let excerpt = Excerpt {
            text: text.to_owned(),
            first_line: 3,
            offset,
            column: 0,
        };
        let (source, span) =
            ExcerptSource::for_terminal("a.md".to_owned(), excerpt, at..at + "60 dagar".len());
        let shown = &source.excerpt.text;
        assert!(!shown.contains('\u{1b}'));
        assert_eq!(&shown[span.start - offset..span.end - offset], "60 dagar");
    }
}
