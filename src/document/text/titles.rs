//! What a line is by the lines around it: a contents entry whose heading
//! stands again further on, a title alone on its line in plain text, a
//! numbered point that a sentence goes on from, or the end of a title
//! wrapped onto it.

use super::{trim, Builder};
use crate::document::lines::{self, classify, has_verb, looks_like_title, Heading, Line};
use crate::model::span::Span;

/// Longest line, and most words, of a title with no number in plain text.
const MAX_BARE_TITLE: usize = 60;
const MAX_BARE_TITLE_WORDS: usize = 6;

/// Longest line that a contents entry's heading is looked for in.
const MAX_CONTENTS_ENTRY: usize = 160;

impl Builder<'_> {
    /// A table-of-contents line that lost its dot leaders (text from a PDF):
    /// a heading followed by a page number, whose heading stands again,
    /// without the number, further on. A Markdown heading ("## 7 Avsnitt 7")
    /// was marked as one by its writer and is never taken for an entry.
    pub(super) fn is_contents_entry(&self, line: Span, index: usize, lines: &[Span]) -> bool {
        let raw = self.text[line.start..line.end].trim_end();
        if raw.trim_start().starts_with('#') {
            return false;
        }
        let Some((heading, page)) = raw.rsplit_once(' ') else {
            return false;
        };
        let heading = heading.trim_end();
        if page.is_empty() || page.len() > 4 || !page.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let seen = self.last_seen.get_or_init(|| {
            // Blank lines are half of most texts and never a heading.
            let text = self.text;
            let mut seen: Vec<(&str, usize)> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.end - l.start <= MAX_CONTENTS_ENTRY)
                .map(|(i, l)| (text[l.start..l.end].trim(), i))
                .filter(|(line, _)| !line.is_empty())
                .collect();
            seen.sort_unstable();
            seen
        });
        // The last line with the heading's text comes after this one.
        let after = seen.partition_point(|&(line, _)| line <= heading);
        after > 0 && seen[after - 1].0 == heading && seen[after - 1].1 > index
    }

    /// A title alone on its line in plain text, with no number: "Hävning",
    /// "Antidiskriminering". Nothing open above it goes on (a blank line, or
    /// a finished sentence, comes before), it is short, starts with a
    /// capital, ends with no punctuation or word that a sentence would go on
    /// from, and what follows starts a sentence.
    pub(super) fn bare_title(&self, raw: &str, line: Span, index: usize, lines: &[Span]) -> bool {
        let after_sentence = self.open.as_ref().is_none_or(|o| {
            o.interrupted
                || o.block.lines.last().is_some_and(|l| {
                    self.text[l.start..l.end]
                        .trim_end()
                        .ends_with(['.', '!', '?', ':'])
                })
        });
        let next_starts_sentence = (index + 1..lines.len())
            .find(|&j| !self.pages.furniture[j])
            .is_none_or(|j| {
                let next = self.text[lines[j].start..lines[j].end].trim_start();
                next.is_empty() || next.starts_with(char::is_uppercase)
            });
        let title = raw.trim();
        self.plain
            && after_sentence
            && next_starts_sentence
            && line.end - line.start <= MAX_BARE_TITLE
            && title.split_whitespace().count() <= MAX_BARE_TITLE_WORDS
            && looks_like_title(title)
            && !has_verb(title)
            && !title.ends_with([':', ')'])
    }

    /// A numbered line that a sentence goes on from: the next line (page
    /// furniture aside) is text that starts in lower case, or the line
    /// states a duty and text or a list goes on from it. "12.2 Beställaren
    /// har rätt att häva kontraktet om entreprenören" wrapped before "har
    /// brutit mot punkt 4 ovan" is a numbered point, not a title.
    pub(super) fn sentence_goes_on(
        &self,
        heading: &Heading<'_>,
        raw: &str,
        index: usize,
        lines: &[Span],
    ) -> bool {
        if heading.number.is_none() || raw.trim_start().starts_with('#') {
            return false;
        }
        // "§ 12 Särskilda kontraktsvillkor om" / "antidiskriminering" is a
        // title wrapped, not a sentence: it has no verb, and the next line
        // ends it.
        let title = &raw[heading.content..];
        if !has_verb(title) && self.title_goes_on(title, index, lines).is_some() {
            return false;
        }
        let Some(next) = (index + 1..lines.len()).find(|&j| !self.pages.furniture[j]) else {
            return false;
        };
        let next = &self.text[lines[next].start..lines[next].end];
        let duty = lines::has_duty_verb(&raw[heading.content..]);
        match classify(next) {
            Line::Text { .. } => {
                duty || next
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            }
            // "7.1 Leverantören förpliktar sig att under avtalstiden" over
            // "a) följa …" leads a list.
            Line::ListItem { .. } => duty,
            _ => false,
        }
    }

    /// The text of the line before line `i` that is not page furniture.
    /// Whether a numbered line ("1. Detta kontrakt …") is an item of a list
    /// and no heading: the first after a line that ends in a colon ("Vid
    /// motstridigheter gäller de i nämnd ordning:"), or the next number of
    /// such a list. A PDF's text loses the indent that tells them apart.
    pub(super) fn numbered_item(
        &mut self,
        h: &Heading<'_>,
        raw: &str,
        i: usize,
        lines: &[Span],
    ) -> bool {
        let n = h.number.and_then(|n| n.parse::<u32>().ok());
        let marked = n.is_some_and(|n| {
            let rest = raw.trim_start().strip_prefix(&n.to_string());
            rest.is_some_and(|r| r.starts_with(['.', ')']))
        });
        let Some(n) = n.filter(|_| marked && h.annex.is_none()) else {
            self.list_number = None;
            return false;
        };
        let after_colon = n == 1
            && (0..i)
                .rev()
                .filter(|&j| !self.pages.furniture[j])
                .map(|j| self.text[lines[j].start..lines[j].end].trim())
                .find(|l| !l.is_empty())
                .is_some_and(|l| l.ends_with(':'));
        if after_colon || self.list_number == Some(n) {
            self.list_number = Some(n + 1);
            true
        } else {
            self.list_number = None;
            false
        }
    }

    pub(super) fn line_before(&self, i: usize, lines: &[Span]) -> Option<&str> {
        (0..i)
            .rev()
            .find(|&j| !self.pages.furniture[j])
            .map(|j| &self.text[lines[j].start..lines[j].end])
    }

    /// A line of text that opens with a dotted point number and a capital
    /// ("8.2 Leverantören bör:", "8.3 Leverantören ska säkerställa att")
    /// after a line that ended its sentence: a new numbered point, not the
    /// rest of the paragraph above it. After "… enligt punkt" the number is
    /// a reference wrapped onto the line, and "Leverantören" a defined term.
    pub(super) fn text_point<'t>(raw: &'t str, before: Option<&str>) -> Option<Heading<'t>> {
        let ended = before.is_none_or(|b| b.trim_end().ends_with(['.', ':', ';']));
        if !ended || raw.starts_with([' ', '\t']) {
            return None;
        }
        let (number, annex, rest) = lines::heading_parts(raw);
        let number = number?;
        if annex.is_some() || !number.contains('.') || !rest.starts_with(char::is_uppercase) {
            return None;
        }
        Some(Heading {
            level: u8::try_from(number.split('.').count()).unwrap_or(9),
            number: Some(number),
            annex: None,
            content: raw.len() - rest.len(),
        })
    }

    /// The next line when it ends a title that stops on "om" or "and": a
    /// short line of text with no full stop.
    pub(super) fn title_goes_on(&self, title: &str, i: usize, lines: &[Span]) -> Option<Span> {
        let &next = lines.get(i + 1)?;
        let raw = &self.text[next.start..next.end];
        let short =
            raw.split_whitespace().count() <= 6 && !raw.trim_end().ends_with(['.', ':', ';']);
        // The rest of a title is in lower case ("antidiskriminering") or in
        // title case ("Site Access"), never a sentence ("Leverantören ska följa").
        let words: Vec<&str> = raw.split_whitespace().collect();
        let starts_lower = words
            .first()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        let title_case = words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(char::is_uppercase));
        let short = short && (starts_lower || title_case);
        (lines::ends_open(title)
            && short
            && !self.pages.furniture.get(i + 1).copied().unwrap_or(true)
            // A capitals line would be a title of its own ("ANTIDISKRIMINERING"),
            // but under a title left open it is its rest.
            && match classify(raw) {
                Line::Text { .. } => true,
                Line::Heading(h) => h.number.is_none() && h.annex.is_none() && !raw.starts_with('#'),
                _ => false,
            })
        .then(|| trim(self.text, next.start, next.end))
    }
}
