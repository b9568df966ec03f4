//! Where the clause stands in a document, and whether a sanction is tied to it.
//!
//! The rule is `contracts.md`'s: a sanction is tied when it stands in the
//! clause's section (or below it, or in its annex), when it names the clause by
//! number, heading or annex (a parent section counts), or when it names
//! discrimination. A sanction for any material breach, written elsewhere, is
//! general; anything else (late delivery, bankruptcy) is unrelated.

use std::cell::OnceCell;

use crate::analysis::Analysis;
use crate::document::BlockKind;
use crate::grammar::reference::{names_number, reference, Reference};
use crate::model::span::Span;
use crate::profile::phrases::SetId;
use crate::profile::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    Tied,
    General,
    Unrelated,
}

#[derive(Debug, Default)]
pub struct Clause {
    /// Sections whose heading names the clause, or, when none does, that
    /// mostly speak of it.
    pub sections: Vec<usize>,
    /// Paragraphs whose run-in title names the clause ("5.4 Likabehandling.
    /// Leverantören ska …"), with their numbers, where no heading does.
    points: Vec<(usize, Option<String>)>,
    /// Per sentence, once asked: whether it names the clause by a reference.
    /// Several requirements ask about the same sanction sentences.
    named: Vec<OnceCell<bool>>,
}

impl Clause {
    #[must_use]
    pub fn find(a: &Analysis<'_>, p: &Profile) -> Self {
        let mut sections = Vec::new();
        for (s, sentence) in a.sentences.iter().enumerate() {
            let block = &a.doc.blocks[sentence.block];
            if block.kind == BlockKind::Heading && a.has(s, p.clause.headings) {
                if let Some(section) = block.section.map(|b| a.doc.annex_titled_by(b)) {
                    if !sections.contains(&section) {
                        sections.push(section);
                    }
                }
            }
        }
        let mut points = Vec::new();
        if sections.is_empty() {
            sections = sections_about_clause(a, p);
        }
        if sections.is_empty() {
            points = points_titled_as_clause(a, p);
            points.extend(rows_about_clause(a, p));
        }
        Self {
            sections,
            points,
            named: vec![OnceCell::new(); a.sentences.len()],
        }
    }

    /// Where a missing requirement belongs: the clause's first heading, or
    /// the first point whose run-in title names it.
    #[must_use]
    pub fn anchor(&self, a: &Analysis<'_>) -> Option<Span> {
        let point = || self.points.first().map(|&(b, _)| a.doc.blocks[b].span());
        self.sections
            .first()
            .map(|&s| a.doc.sections[s].heading)
            .or_else(point)
    }

    #[must_use]
    pub fn contains(&self, a: &Analysis<'_>, s: usize) -> bool {
        let block = a.sentences[s].block;
        let led_by = a.lead_ins[block].unwrap_or(block);
        a.section(s).is_some_and(|inner| {
            self.sections
                .iter()
                .any(|&outer| a.doc.section_within(inner, outer))
        }) || self.points.iter().any(|&(b, _)| b == block || b == led_by)
    }

    /// Whether sentence `s` names the clause by its number (or a parent's) or annex.
    fn named_by_reference(&self, a: &Analysis<'_>, s: usize) -> bool {
        *self.named[s].get_or_init(|| self.reads_reference_to_clause(a, s))
    }

    fn reads_reference_to_clause(&self, a: &Analysis<'_>, s: usize) -> bool {
        let span = a.sentences[s].span;
        // Every section reference has a number and every annex reference an
        // annex word; most sentences have neither and need no scan.
        let lower = a.lower(span);
        if !lower.bytes().any(|b| b.is_ascii_digit())
            && !a
                .reference_words
                .annex
                .iter()
                .any(|w| lower.contains(w.as_str()))
        {
            return false;
        }
        // A dotted number is a reference without a word before it too:
        // "åtagandena enligt 14.2–14.4".
        let mut numbers = (self.sections.iter())
            .filter_map(|&c| a.doc.sections[c].number.as_deref())
            .chain(self.points.iter().filter_map(|(_, n)| n.as_deref()));
        if numbers.any(|n| names_number(lower, &n.to_ascii_lowercase())) {
            return true;
        }
        let refs = a.scan(span, reference(a.reference_words));
        // References are read in lower case: "c.8" names "C.8".
        let numbered = |num: &str, n: &str| {
            let num = num.to_ascii_lowercase();
            num == n || num.starts_with(&format!("{n}."))
        };
        refs.iter().any(|(_, r)| match r {
            Reference::Section(n) => {
                self.sections.iter().any(|&c| {
                    a.doc.sections[c]
                        .number
                        .as_deref()
                        .is_some_and(|num| numbered(num, n))
                }) || self
                    .points
                    .iter()
                    .any(|(_, num)| num.as_deref().is_some_and(|num| numbered(num, n)))
            }
            Reference::Annex(id) => self.sections.iter().any(|&c| {
                a.doc.sections[c]
                    .annex
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(id))
            }),
            _ => false,
        })
    }

    /// Whether sentence `s` names the part it stands in ("villkoren i detta
    /// avsnitt") and that part holds the clause: under "14 Sociala villkor",
    /// a "14.2 Redovisning" that asks how "detta avsnitt" is met speaks of
    /// "14.1 Likabehandling" too. The part is the section of `s` with the
    /// sections whose numbers it extends ("14" for "14.2"), as a parent
    /// section named by number would be.
    fn in_own_part(&self, a: &Analysis<'_>, p: &Profile, s: usize) -> bool {
        let Some(mut part) = a.section(s) else {
            return false;
        };
        if !p.clause.self_reference.is_some_and(|set| a.has(s, set)) {
            return false;
        }
        // "14.2" is a part of "14"; "12 §" under "4 Allmänna villkor" is not.
        while let Some(parent) = a.doc.sections[part].parent {
            let dotted_child = match (&a.doc.sections[part].number, &a.doc.sections[parent].number)
            {
                (Some(child), Some(parent)) => child
                    .strip_prefix(parent.as_str())
                    .is_some_and(|rest| rest.starts_with('.')),
                _ => false,
            };
            if !dotted_child {
                break;
            }
            part = parent;
        }
        self.sections.iter().any(|&c| a.doc.section_within(c, part))
    }

    #[must_use]
    pub fn tie(&self, a: &Analysis<'_>, p: &Profile, s: usize, general: Option<SetId>) -> Tie {
        let names_clause = a.has(s, p.clause.headings) || a.has(s, p.clause.topic);
        if self.contains(a, s)
            || names_clause
            || self.named_by_reference(a, s)
            || self.in_own_part(a, p, s)
        {
            Tie::Tied
        } else if general.is_some_and(|g| a.has(s, g)) {
            Tie::General
        } else {
            Tie::Unrelated
        }
    }
}

/// Where the clause stands when no heading names it: a section under
/// another title ("20 Socialt ansvar") that mostly speaks of
/// discrimination. One mention ("följa lagar, bland annat
/// diskrimineringslagen") in a section on laws is not a clause, nor are two
/// in a long chapter whose subheadings the reader could not see, nor a
/// document's title with everything below it.
fn sections_about_clause(a: &Analysis<'_>, p: &Profile) -> Vec<usize> {
    let mut about = vec![false; a.doc.blocks.len()];
    for (s, sentence) in a.sentences.iter().enumerate() {
        if !about[sentence.block] && a.has(s, p.clause.topic) {
            about[sentence.block] = true;
        }
    }
    a.doc.sections_mostly_about(|b| about[b])
}

/// Where the clause stands in a requirements catalogue: numbered rows that
/// speak of discrimination ("4.11 | Leverantören ska följa
/// diskrimineringslagen …"), which the sanctions name by number ("vid brott
/// mot krav 4.11–4.15").
fn rows_about_clause(a: &Analysis<'_>, p: &Profile) -> Vec<(usize, Option<String>)> {
    let mut rows: Vec<(usize, Option<String>)> = Vec::new();
    for (s, sentence) in a.sentences.iter().enumerate() {
        let b = sentence.block;
        if rows.last().is_some_and(|r| r.0 == b) || !a.has(s, p.clause.topic) {
            continue;
        }
        if let Some(number) = a.doc.row_number(b) {
            rows.push((b, Some(number.to_owned())));
        }
    }
    rows
}

/// Where the clause stands when neither a heading nor a section's prose
/// names it: points whose run-in title does ("5.4 Likabehandling.
/// Leverantören ska …"). The title is the first sentence of its paragraph.
fn points_titled_as_clause(a: &Analysis<'_>, p: &Profile) -> Vec<(usize, Option<String>)> {
    let mut points = Vec::new();
    for (s, sentence) in a.sentences.iter().enumerate() {
        let opens_block = s == 0 || a.sentences[s - 1].block != sentence.block;
        if !opens_block || !a.has(s, p.clause.headings) {
            continue;
        }
        if let Some((number, title)) = a.doc.run_in_title(sentence.block) {
            // The sentence is the title alone, not a first sentence that
            // happens to name the topic.
            let title_alone = a.original(sentence.span).end <= title.end + 1;
            if title_alone {
                points.push((sentence.block, number.map(str::to_owned)));
            }
        }
    }
    points
}
