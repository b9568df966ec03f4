//! The literal pre-filter: the few words without which a block of a document
//! cannot change any requirement's status, found with one fast literal search.
//!
//! Every rule reads sentences that hold a phrase of some list. Most lists only
//! matter next to another: a binding verb, a time limit or a weak wording is
//! read only in a sentence that already is evidence. The lists that make a
//! sentence evidence on their own are the *roots*: the clause's headings and
//! topic words, a general breach, the contract value, each untied
//! requirement's most specific evidence list, repealed acts, grounds and
//! notes. A sanction or a tied duty counts only inside the clause's section, or
//! where it names the clause or its number, so for those the clause's
//! headings and a reference to its number are what matter.
//!
//! Each root pattern is searched for by a fragment of it (see `finder`) in a
//! lower-case copy of the document's text, and read whole where one stands; a
//! document with none of them is not analysed further at all. The words that
//! name a kind of contract are counted over the whole text in the same way,
//! and the words a reference starts with ("punkt", "bilaga", "§") are found so
//! that a block naming the clause's number is read.

use super::finder::{Finder, Found};
use super::literals::{minimal, telling_word};
use super::phrases::SetId;
use super::sample::Sample;
use super::search::{find_char, Search};
use super::{CheckKind, Profile, LIST_MIN};
use crate::grammar::reference::ReferenceWords;

const PARAGRAPH_SIGN: &str = "§";

#[derive(Clone, Debug)]
pub struct Prefilter {
    /// Finds root phrases; `None` when some requirement can be met by any
    /// sentence at all, so every block must be analysed.
    roots: Option<Finder>,
    /// The root lists whose phrases make the whole section be read.
    spreading: Vec<SetId>,
    /// Find the words a reference to a numbered part of the document starts
    /// with, and those a reference to an annex starts with.
    section_words: Search,
    annex_words: Search,
    /// The words themselves, from the profile's vocabulary, for the parser
    /// that reads a reference where one of them is found.
    pub reference_words: ReferenceWords,
    /// Finds the words that name a kind of contract (services, works,
    /// goods), counted over the whole text.
    contract_words: Finder,
}

impl Prefilter {
    /// Chooses the fragments for the profile, here at start-up for every
    /// profile, built in or read from a file: the main thread does it while
    /// the workers read the first files (`run::check_each`).
    #[must_use]
    pub(super) fn new(p: &Profile) -> Self {
        let sample = Sample::new(&p.sample);
        let finder = |sets: &[SetId]| Finder::new(p.builder.patterns_of(sets), &sample);
        let roots = root_sets(p).map(|sets| finder(&sets));
        let kinds = [p.scope.services, p.scope.works, p.scope.goods];
        // "§" is two bytes long, too short for the literal search to be fast,
        // and is looked for on its own.
        let search = |words: &[String]| {
            let words = words.iter().filter(|w| *w != PARAGRAPH_SIGN);
            Search::new(&minimal(words.cloned().collect()))
        };
        let reference_words = p.vocabulary.references.clone();
        Self {
            roots,
            spreading: spreading_sets(p).unwrap_or_default(),
            section_words: search(&reference_words.section),
            annex_words: search(&reference_words.annex),
            reference_words,
            contract_words: finder(&kinds),
        }
    }

    /// Where root phrases start in the lower-case `text`; `None` means that
    /// every block must be analysed.
    #[must_use]
    ///
    /// Each start comes with whether the phrase may be a duty's evidence, so
    /// that the rest of its section must be read too.
    pub fn roots<'t>(&'t self, text: &'t str) -> Option<impl Iterator<Item = (usize, bool)> + 't> {
        self.roots.as_ref().map(|finder| {
            finder.find(text).map(|found| {
                let spreads = found.sets.iter().any(|s| self.spreading.contains(s));
                (found.start, spreads)
            })
        })
    }

    /// Where words that may start a reference start and end: to a numbered
    /// part ("punkt", "§") when `sections` is set, to an annex ("bilaga")
    /// when `annexes` is. Each kind names only its own.
    pub fn references<'t>(
        &'t self,
        text: &'t str,
        sections: bool,
        annexes: bool,
    ) -> impl Iterator<Item = (usize, usize)> + 't {
        let words = |search: &'t Search, wanted: bool| {
            wanted
                .then(|| search.find_iter(text).map(|m| (m.start(), m.end())))
                .into_iter()
                .flatten()
        };
        let signs =
            sections.then(|| find_char(text, '§').map(|at| (at, at + PARAGRAPH_SIGN.len())));
        words(&self.section_words, sections)
            .chain(words(&self.annex_words, annexes))
            .chain(signs.into_iter().flatten())
    }

    /// Every word naming a kind of contract in the lower-case `text`.
    pub fn contract_words<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Found<'t>> + 't {
        self.contract_words.find(text)
    }

    /// The fragments searched for, roots first: for the benchmarks.
    #[must_use]
    pub fn fragments(&self) -> Vec<&str> {
        self.roots
            .iter()
            .chain([&self.contract_words])
            .flat_map(|f| f.fragments.iter().map(String::as_str))
            .collect()
    }
}

/// The lists whose phrases make a sentence matter by themselves, or `None`
/// when an untied requirement has no evidence list, so any sentence may meet it.
fn root_sets(p: &Profile) -> Option<Vec<SetId>> {
    let mut roots = vec![p.clause.general, p.scope.value];
    roots.extend(spreading_sets(p)?);
    if p.scope.apply_thresholds {
        roots.extend([p.scope.contract_period, p.scope.options]);
    }
    for r in p.all_requirements() {
        match r.check {
            CheckKind::CurrentLaw => roots.extend(r.outdated.iter().map(|o| o.set)),
            // A cure tied to the clause may take its period from the point
            // it names ("inom den tid som anges i § 16"): every cure is read.
            CheckKind::Cure => roots.extend(r.evidence.iter().copied()),
            CheckKind::Grounds => {
                // A list names at least LIST_MIN grounds, so it names one of
                // any grounds but LIST_MIN - 1: those with the shortest words,
                // most often found ("age", "kön"), are left out.
                let mut grounds: Vec<SetId> = r.grounds.iter().map(|g| g.set).collect();
                grounds.sort_by_key(|&set| std::cmp::Reverse(shortest_telling_word(p, set)));
                grounds.truncate((grounds.len() + 1).saturating_sub(LIST_MIN));
                roots.extend(grounds);
                roots.extend(r.notes.iter().map(|n| n.set));
            }
            _ => {}
        }
    }
    Some(roots)
}

/// The root lists whose sentences may be evidence of a duty, which may find
/// an element anywhere in its section: the clause's headings and topic (a tied
/// duty) and each untied duty's most specific evidence list. `None` when an
/// untied duty has no evidence list.
fn spreading_sets(p: &Profile) -> Option<Vec<SetId>> {
    let mut sets = vec![p.clause.headings, p.clause.topic];
    sets.extend(p.clause.self_reference);
    for r in p.all_requirements() {
        match r.check {
            CheckKind::CurrentLaw | CheckKind::Grounds => {}
            // Counted only where tied to the clause, or (a sanction) as a
            // general breach: the clause's words and references decide.
            _ if r.tied || r.check.is_sanction() => {}
            // Every evidence list must occur, so the most specific one will do.
            _ => sets.push(
                *r.evidence
                    .iter()
                    .max_by_key(|&&set| shortest_telling_word(p, set))?,
            ),
        }
    }
    Some(sets)
}

/// The length of the shortest telling word of `set`'s phrases: the longer,
/// the more specific the list and the rarer its phrases in a text.
fn shortest_telling_word(p: &Profile, set: SetId) -> usize {
    p.builder
        .literals_of(set)
        .map(|l| telling_word(l, &p.vocabulary.common_stems).len())
        .min()
        .unwrap_or(0)
}
