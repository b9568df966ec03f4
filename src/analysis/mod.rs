//! One shared analysis per document: the folded text, every phrase of the
//! profile found in one pass, sentences, and which phrase lists each sentence
//! holds. Every requirement reads this; nothing is analysed twice.

mod folded;
mod kinds;
pub mod modality;
pub mod relevance;
pub mod sentences;

pub use folded::Folded;

use nom::IResult;

use crate::document::Document;
use crate::grammar::case::lower_same_length;
use crate::grammar::reference::ReferenceWords;
use crate::model::span::Span;
use crate::profile::phrases::{Hit, Matcher, SetId};
use crate::profile::Profile;

#[derive(Debug, Clone)]
pub struct Sentence {
    /// In the folded text.
    pub span: Span,
    pub block: usize,
    hits: (u32, u32),
}

pub struct Analysis<'d> {
    pub doc: &'d Document,
    /// How often the whole text names each kind of contract, by set.
    pub contract_words: Vec<(SetId, usize)>,
    pub folded: Folded,
    pub hits: Vec<Hit>,
    pub sentences: Vec<Sentence>,
    /// The words references to sections and annexes start with.
    pub reference_words: &'d ReferenceWords,
    /// Per block, the block that introduces it when it is a list item.
    pub lead_ins: Vec<Option<usize>>,
    matcher: &'d Matcher,
    words: usize,
    bits: Vec<u64>,
}

impl<'d> Analysis<'d> {
    /// Analyses the blocks of `doc` the profile's pre-filter finds relevant.
    #[must_use]
    pub fn new(doc: &'d Document, profile: &'d Profile) -> Self {
        Self::with(doc, profile, false)
    }

    /// Analyses every block, as if no pre-filter existed: slower, with the
    /// same results, which the tests compare.
    #[must_use]
    pub fn everything(doc: &'d Document, profile: &'d Profile) -> Self {
        Self::with(doc, profile, true)
    }

    fn with(doc: &'d Document, profile: &'d Profile, everything: bool) -> Self {
        let matcher = &profile.matcher;
        let prefilter = profile.prefilter();
        let lower = lower_same_length(&doc.text);
        let mut relevant = if everything {
            vec![true; doc.blocks.len()]
        } else {
            relevance::relevant_blocks(doc, &lower, prefilter)
        };
        let lead_ins = modality::lead_in_blocks(doc);
        relevance::read_together(doc, &lead_ins, &mut relevant);
        let contract_words = kinds::contract_words(profile, &lower);
        drop(lower);
        let folded = Folded::new(doc, &relevant);
        let hits = matcher.find_all(&folded.lower);
        let mut sentences = split_where_hit(&folded, &hits);
        let words = matcher.set_count().div_ceil(64).max(1);
        let bits = sets_per_sentence(matcher, &hits, &mut sentences, words);
        Self {
            doc,
            contract_words,
            folded,
            hits,
            sentences,
            reference_words: &profile.vocabulary.references,
            lead_ins,
            matcher,
            words,
            bits,
        }
    }

    /// How often the whole text names `set`, one of the kinds of contract.
    #[must_use]
    pub fn occurrences(&self, set: SetId) -> usize {
        self.contract_words
            .iter()
            .find(|(s, _)| *s == set)
            .map_or(0, |&(_, n)| n)
    }

    /// Whether sentence `s` holds a phrase of `set`.
    #[must_use]
    pub fn has(&self, s: usize, set: SetId) -> bool {
        self.bits[s * self.words + usize::from(set.0) / 64] & (1 << (set.0 % 64)) != 0
    }

    /// Where sentence `s` holds phrases of `set`, in folded offsets.
    pub fn hits_in(&self, s: usize, set: SetId) -> impl Iterator<Item = Span> + '_ {
        let (a, b) = self.sentences[s].hits;
        self.hits[a as usize..b as usize]
            .iter()
            .filter(move |h| self.matcher.sets_of(h.pattern).contains(&set))
            .map(|h| Span::new(h.start as usize, h.end as usize))
    }

    #[must_use]
    pub fn first(&self, s: usize, set: SetId) -> Option<Span> {
        if !self.has(s, set) {
            return None;
        }
        self.hits_in(s, set).next()
    }

    /// Hits of `set` inside `span` of sentence `s`.
    pub fn hits_within(&self, s: usize, set: SetId, span: Span) -> impl Iterator<Item = Span> + '_ {
        self.hits_in(s, set).filter(move |h| span.contains(*h))
    }

    #[must_use]
    pub fn section(&self, s: usize) -> Option<usize> {
        self.doc.blocks[self.sentences[s].block].section
    }

    #[must_use]
    pub fn text(&self, span: Span) -> &str {
        &self.folded.text[span.start..span.end]
    }

    #[must_use]
    pub fn lower(&self, span: Span) -> &str {
        &self.folded.lower[span.start..span.end]
    }

    /// A folded span as a span of the document's own text.
    #[must_use]
    pub fn original(&self, span: Span) -> Span {
        self.folded.to_original(span, &self.doc.text)
    }

    /// Runs `parser` at every word start in `span` and keeps what it reads.
    pub fn scan<T>(&self, span: Span, parser: impl Fn(&str) -> IResult<&str, T>) -> Vec<(Span, T)> {
        scan(self.lower(span), parser)
            .into_iter()
            .map(|(at, value)| (Span::new(span.start + at.start, span.start + at.end), value))
            .collect()
    }
}

/// Runs `parser` at every word start in lower-case `text` and keeps what it
/// reads, with where it read it in `text`.
pub fn scan<T>(text: &str, parser: impl Fn(&str) -> IResult<&str, T>) -> Vec<(Span, T)> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        let starts = !prev_alnum && (c.is_alphanumeric() || c == '(' || c == '§');
        prev_alnum = c.is_alphanumeric();
        if i < skip_to || !starts {
            continue;
        }
        if let Ok((rest, value)) = parser(&text[i..]) {
            let end = text.len() - rest.len();
            if end > i {
                out.push((Span::new(i, end), value));
                skip_to = end;
            }
        }
    }
    out
}

/// The sentences of the folded blocks that hold a phrase of the profile.
fn split_where_hit(folded: &Folded, hits: &[Hit]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut next_hit = 0;
    for (block, &span) in folded.blocks.iter().enumerate() {
        // No rule reads a block where no phrase of the profile occurs, so
        // it is not split into sentences at all.
        while next_hit < hits.len() && (hits[next_hit].start as usize) < span.start {
            next_hit += 1;
        }
        if hits
            .get(next_hit)
            .is_none_or(|h| h.start as usize >= span.end)
        {
            continue;
        }
        for s in sentences::split(&folded.text, span) {
            sentences.push(Sentence {
                span: s,
                block,
                hits: (0, 0),
            });
        }
    }
    sentences
}

/// Gives each sentence its range of `hits`, and returns which phrase sets
/// each holds: `words` 64-bit words a sentence, one bit a set.
fn sets_per_sentence(
    matcher: &Matcher,
    hits: &[Hit],
    sentences: &mut [Sentence],
    words: usize,
) -> Vec<u64> {
    let mut bits = vec![0u64; words * sentences.len()];
    let mut h = 0;
    for (i, sentence) in sentences.iter_mut().enumerate() {
        while h < hits.len() && (hits[h].start as usize) < sentence.span.start {
            h += 1;
        }
        let first = h;
        while h < hits.len() && (hits[h].start as usize) < sentence.span.end {
            for set in matcher.sets_of(hits[h].pattern) {
                bits[i * words + usize::from(set.0) / 64] |= 1 << (set.0 % 64);
            }
            h += 1;
        }
        sentence.hits = (to_u32(first), to_u32(h));
    }
    bits
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
