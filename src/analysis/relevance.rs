//! Which blocks the costly analysis reads. The profile's pre-filter finds its
//! fragments in a lower-case copy of the whole text in one fast pass; a block
//! is read when it
//!
//! - holds a root fragment (the clause's words, a general breach, the value,
//!   an untied requirement's evidence, a repealed act, a ground);
//! - stands in a section whose heading holds one (the clause's section, where
//!   every sanction and duty is tied);
//! - names such a section by its number or annex ("enligt punkt 7.4"), or
//!   a point whose run-in title may name the clause ("5.4 Likabehandling.
//!   …"), by a word and its number or by a lettered code alone ("brott mot
//!   AFC.14");
//! - may hide a fragment the search cannot see: a word hyphenated at a line
//!   end, or a soft hyphen, which folding removes;
//! - or shares its section with a block that may hold a duty's evidence (the
//!   clause's words, an untied duty's evidence list, a reference to the
//!   clause, a hidden word), since a duty may find an element anywhere in its
//!   section. A value, a repealed act, a ground or a general breach is read in
//!   its own sentence only.
//!
//! Every other block holds no phrase that could change a status, so skipping
//! it changes nothing; `tests/it/properties.rs` checks that on random text.

use crate::document::{BlockKind, Document};
use crate::grammar::reference::{names_number, reference, Reference, ReferenceWords};
use crate::model::span::floor_char_boundary;
use crate::profile::{find_char, Prefilter};

/// Longest text a reference is read from.
const REFERENCE_WINDOW: usize = 64;

/// Blocks to read, and among them those whose whole section is read too.
struct Marks {
    marked: Vec<bool>,
    spread: Vec<bool>,
}

impl Marks {
    fn mark(&mut self, block: usize, spreads: bool) {
        self.marked[block] = true;
        self.spread[block] |= spreads;
    }
}

/// Per block of `doc`: whether the analysis must read it. `lower` is the
/// document's text in lower case, of the same length.
#[must_use]
pub fn relevant_blocks(doc: &Document, lower: &str, prefilter: &Prefilter) -> Vec<bool> {
    let Some(roots) = prefilter.roots(lower) else {
        return vec![true; doc.blocks.len()];
    };
    let index = LineIndex::new(doc);
    let mut marks = Marks {
        marked: vec![false; doc.blocks.len()],
        spread: vec![false; doc.blocks.len()],
    };
    for (at, spreads) in roots {
        if let Some(b) = index.block_at(at) {
            marks.mark(b, spreads);
        }
    }
    mark_hidden_words(doc, &index, &mut marks);
    // The sections whose heading holds a root fragment, or may hide one:
    // every clause section is among them.
    // So are the sections that may hold a clause no heading names
    // (`Document::sections_mostly_about`): every paragraph about the clause
    // holds a root fragment.
    let mut clause_sections: Vec<usize> = doc
        .blocks
        .iter()
        .zip(&marks.marked)
        .filter(|(b, &m)| m && b.kind == BlockKind::Heading)
        .filter_map(|(b, _)| b.section.map(|s| doc.annex_titled_by(s)))
        .collect();
    clause_sections.extend(doc.sections_mostly_about(|b| marks.marked[b]));
    let places = Places::of(doc, &clause_sections, &marks.marked);
    if !places.numbers.is_empty() || !places.annexes.is_empty() {
        mark_references(lower, prefilter, &index, &places, &mut marks);
    }
    let mut touched = vec![false; doc.sections.len()];
    for (block, _) in doc.blocks.iter().zip(&marks.spread).filter(|(_, &s)| s) {
        if let Some(s) = block.section {
            touched[s] = true;
        }
    }
    doc.blocks
        .iter()
        .zip(&marks.marked)
        .map(|(block, &m)| {
            m || block.section.is_some_and(|s| {
                touched[s] || clause_sections.iter().any(|&c| doc.section_within(s, c))
            })
        })
        .collect()
}

/// Marks the blocks read together with a kept one: a list item's duty is
/// read with its lead-in (the item may take its binding word from the
/// lead-in, and the lead-in, "Leverantören ska följa diskrimineringslagen
/// och", its verb or evidence from the item), and a sanction table's amount
/// stands in the cell beside the breach.
pub fn read_together(doc: &Document, lead_ins: &[Option<usize>], relevant: &mut [bool]) {
    let kept = relevant.to_vec();
    for (b, lead) in lead_ins.iter().enumerate() {
        if let Some(lead) = *lead {
            if kept[b] || kept[lead] {
                relevant[b] = true;
                relevant[lead] = true;
            }
        }
    }
    let beside: Vec<usize> = (0..doc.blocks.len())
        .filter(|&b| relevant[b])
        .filter_map(|b| doc.next_cell(b))
        .collect();
    for b in beside {
        relevant[b] = true;
    }
}

/// A word split by a hyphen at a line end or a soft hyphen may be any
/// phrase, in a heading too.
fn mark_hidden_words(doc: &Document, index: &LineIndex, marks: &mut Marks) {
    for (b, block) in doc.blocks.iter().enumerate() {
        if hyphenated(&doc.text, block) {
            marks.mark(b, true);
        }
    }
    for at in find_char(&doc.text, SOFT_HYPHEN) {
        if let Some(b) = index.block_at(at) {
            marks.mark(b, true);
        }
    }
}

/// The numbers and annex ids a reference to the clause may name: those of
/// the clause sections, and those of the points whose run-in title may name
/// it ("5.4 Likabehandling. Leverantören ska …").
struct Places<'d> {
    /// In lower case, as references are read.
    numbers: Vec<String>,
    annexes: Vec<&'d str>,
}

impl<'d> Places<'d> {
    fn of(doc: &'d Document, clause_sections: &[usize], marked: &[bool]) -> Self {
        let sections = clause_sections.iter().map(|&c| &doc.sections[c]);
        let points = (0..doc.blocks.len())
            .filter(|&b| marked[b])
            .filter_map(|b| {
                doc.run_in_title(b)
                    .and_then(|t| t.0)
                    .or_else(|| doc.row_number(b))
            });
        let numbers = sections
            .clone()
            .filter_map(|c| c.number.as_deref())
            .chain(points)
            .map(str::to_ascii_lowercase)
            .collect();
        let annexes = sections.filter_map(|c| c.annex.as_deref()).collect();
        Self { numbers, annexes }
    }
}

/// Marks the blocks that name a clause section or point by its number or annex.
fn mark_references(
    lower: &str,
    prefilter: &Prefilter,
    index: &LineIndex,
    places: &Places<'_>,
    marks: &mut Marks,
) {
    // What a reference to the clause may go on with: the first character of
    // its number or annex.
    let firsts: Vec<char> = places
        .numbers
        .iter()
        .map(String::as_str)
        .chain(places.annexes.iter().copied())
        .filter_map(|id| id.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    let numbered = !places.numbers.is_empty();
    let annexed = !places.annexes.is_empty();
    for (at, word_end) in prefilter.references(lower, numbered, annexed) {
        // "12 §": the number stands before the sign.
        if numbered && sign_after_clause_number(lower, at, &places.numbers) {
            if let Some(b) = index.block_at(at) {
                marks.mark(b, true);
            }
            continue;
        }
        // The parser reads the whole word ("punkterna"), then the number.
        let next = lower[word_end..]
            .trim_start_matches(char::is_alphabetic)
            .trim_start()
            .chars()
            .next();
        if !next.is_some_and(|c| firsts.contains(&c)) {
            continue;
        }
        if let Some(b) = index.block_at(at) {
            if !marks.spread[b] && names_place(lower, at, places, &prefilter.reference_words) {
                marks.mark(b, true);
            }
        }
    }
    mark_codes(lower, prefilter, index, places, marks);
    mark_bare_numbers(lower, index, places, marks);
}

/// Marks the blocks that name a dotted clause number with no word before it
/// ("åtagandena enligt 14.2–14.4"), read as the analysis reads them. One
/// pass over the text's dotted numbers, however many places there are.
fn mark_bare_numbers(lower: &str, index: &LineIndex, places: &Places<'_>, marks: &mut Marks) {
    let dotted: std::collections::HashSet<&str> = (places.numbers.iter())
        .filter(|n| n.contains('.') && n.starts_with(|c: char| c.is_ascii_digit()))
        .map(String::as_str)
        .collect();
    if dotted.is_empty() {
        return;
    }
    let bytes = lower.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts = bytes[at].is_ascii_digit()
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'.'));
        if !starts {
            at += 1;
            continue;
        }
        let len = bytes[at..]
            .iter()
            .take_while(|&&c| c.is_ascii_digit() || c == b'.')
            .count();
        let token = lower[at..at + len].trim_end_matches('.');
        if dotted.contains(token) {
            let from = floor_char_boundary(lower, at.saturating_sub(1));
            let to = floor_char_boundary(lower, (at + len + REFERENCE_WINDOW).min(lower.len()));
            if let Some(b) = index.block_at(at) {
                if !marks.spread[b] && names_number(&lower[from..to], token) {
                    marks.mark(b, true);
                }
            }
        }
        at += len;
    }
}

/// Marks the blocks that name a clause place by a lettered number with no
/// word before it ("brott mot AFD.17"), or a parent of one ("C.8" of
/// "C.8.3"): each letter prefix is looked for once.
fn mark_codes(
    lower: &str,
    prefilter: &Prefilter,
    index: &LineIndex,
    places: &Places<'_>,
    marks: &mut Marks,
) {
    let mut prefixes: Vec<&str> = places
        .numbers
        .iter()
        .filter(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|n| n.find('.').map(|dot| &n[..=dot]))
        .collect();
    prefixes.sort_unstable();
    prefixes.dedup();
    for prefix in prefixes {
        for (at, _) in lower.match_indices(prefix) {
            if let Some(b) = index.block_at(at) {
                if !marks.spread[b] && names_place(lower, at, places, &prefilter.reference_words) {
                    marks.mark(b, true);
                }
            }
        }
    }
}

/// Whether a reference starting at `at` names one of the clause's places
/// (or a part of one) by number or annex, read as the analysis would read it.
fn names_place(lower: &str, at: usize, places: &Places<'_>, words: &ReferenceWords) -> bool {
    let word_start = lower[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if !word_start {
        return false;
    }
    // Folding turns any run of white space into one space; the parser reads
    // spaces and tabs, so only other white space needs folding here.
    let end = floor_char_boundary(lower, (at + REFERENCE_WINDOW).min(lower.len()));
    let raw = &lower[at..end];
    let folded: String;
    let window = if raw.contains(|c: char| c.is_whitespace() && c != ' ' && c != '\t') {
        folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        folded.as_str()
    } else {
        raw
    };
    let Ok((_, found)) = reference(words)(window) else {
        return false;
    };
    match &found {
        Reference::Section(n) => places.numbers.iter().any(|num| {
            num.strip_prefix(n.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        }),
        Reference::Annex(id) => places.annexes.iter().any(|x| x.eq_ignore_ascii_case(id)),
        _ => false,
    }
}

/// Folding drops a soft hyphen from inside a word, so the search may not see
/// the word whole.
const SOFT_HYPHEN: char = '\u{ad}';

/// Whether a line of the block but the last ends in a hyphen, which folding
/// may remove to join a word split across the lines.
fn hyphenated(text: &str, block: &crate::document::Block) -> bool {
    block.lines.iter().rev().skip(1).any(|l| {
        let line = &text[l.start..l.end];
        line.ends_with('-') || line.ends_with('\u{2011}')
    })
}

/// The block each line of the text belongs to, by offset.
struct LineIndex {
    /// (start, end, block), by start.
    lines: Vec<(usize, usize, usize)>,
}

impl LineIndex {
    fn new(doc: &Document) -> Self {
        let mut lines: Vec<(usize, usize, usize)> = doc
            .blocks
            .iter()
            .enumerate()
            .flat_map(|(b, block)| block.lines.iter().map(move |l| (l.start, l.end, b)))
            .collect();
        if !lines.is_sorted() {
            lines.sort_unstable();
        }
        Self { lines }
    }

    fn block_at(&self, at: usize) -> Option<usize> {
        let i = self.lines.partition_point(|l| l.0 <= at).checked_sub(1)?;
        let (_, end, block) = self.lines[i];
        (at < end).then_some(block)
    }
}

/// Whether a "§" at `at` follows the number of a clause section: "brott
/// mot 12 §".
fn sign_after_clause_number(lower: &str, at: usize, numbers: &[String]) -> bool {
    if !lower[at..].starts_with('§') {
        return false;
    }
    let before = lower[..at].trim_end();
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let number = &before[before.len() - digits..];
    digits > 0 && numbers.iter().any(|n| n == number)
}
