//! A miette `SourceCode` over a finding's excerpt, so a diagnostic can show the
//! document's lines with their real line numbers without holding the document.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::model::location::Excerpt;

#[derive(Debug)]
pub struct ExcerptSource {
    pub name: String,
    pub excerpt: Excerpt,
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
