//! The headings a text's lines make: a heading's own line (and the next,
//! when its title is wrapped), a title standing alone, and a numbered point
//! that is a section with no title and a paragraph.

use super::{trim, Builder};
use crate::document::lines::{self, Heading};
use crate::document::outline::{HeadingAt, Origin};
use crate::document::BlockKind;
use crate::model::span::Span;

impl Builder<'_> {
    /// A heading's line, or an annex named at the start of a sentence;
    /// whether the title went on on the next line, which it has then taken.
    pub(super) fn heading_line(
        &mut self,
        line: Span,
        h: &Heading<'_>,
        i: usize,
        lines: &[Span],
        page: Option<u32>,
    ) -> bool {
        let raw = &self.text[line.start..line.end];
        let title = &raw[h.content..];
        let rest = (!raw.starts_with('#'))
            .then(|| self.title_goes_on(title, i, lines))
            .flatten();
        // "Bilaga 4 Antidiskrimineringsklausul som" / "ingår i
        // avtalet." is a sentence, not an annex's wrapped title.
        if h.annex.is_some() && lines::ends_open(title) && rest.is_none() {
            let span = trim(self.text, line.start, line.end);
            self.text_line(span, page, self.pages.page[i]);
            return false;
        }
        self.heading(line, h, page);
        let Some(rest) = rest else { return false };
        self.outline.extend_heading(rest);
        true
    }

    /// A line that stands alone as a title, without a number or `#`.
    pub(super) fn bare_heading(&mut self, line: Span, page: Option<u32>) {
        let at = HeadingAt {
            line: trim(self.text, line.start, line.end),
            title: trim(self.text, line.start, line.end),
            number: None,
            annex: None,
            level: 1,
        };
        self.flush();
        self.outline.heading(
            &at,
            Origin {
                page,
                paragraph: None,
            },
        );
    }

    /// A numbered point: a section with the number and no title, and the
    /// sentence after the number as a paragraph in it.
    pub(super) fn numbered_point(&mut self, line: Span, heading: &Heading<'_>, page: Option<u32>) {
        self.flush();
        let content = line.start + heading.content;
        let at = HeadingAt {
            line: trim(self.text, line.start, content),
            title: Span::new(content, content),
            number: heading.number,
            annex: heading.annex,
            level: heading.level,
        };
        self.outline.section(&at);
        self.start(
            BlockKind::Paragraph,
            trim(self.text, content, line.end),
            page,
        );
    }

    /// A heading as its line gives it.
    fn heading(&mut self, line: Span, heading: &Heading<'_>, page: Option<u32>) {
        self.flush();
        let at = HeadingAt {
            line: trim(self.text, line.start, line.end),
            title: trim(self.text, line.start + heading.content, line.end),
            number: heading.number,
            annex: heading.annex,
            level: heading.level,
        };
        let origin = Origin {
            page,
            paragraph: None,
        };
        self.outline.heading(&at, origin);
    }
}
