//! How binding a sentence is for the party it speaks of.
//!
//! A sentence is cut into clauses where a new party takes over ("…, och staden
//! kan komma att …"), so a soft word belonging to the buyer does not soften the
//! supplier's duty. A plain "kan" is never soft on its own: "redovisningen kan
//! begäras in" binds nobody less; only the listed soft phrases ("kan komma att",
//! "bör", "i möjligaste mån" …) are.

use super::Analysis;
use crate::document::{BlockKind, Document};
use crate::model::span::Span;
use crate::profile::phrases::SetId;
use crate::profile::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    Binding(Span),
    Permissive(Span),
    Unstated,
    Soft(Span),
}

impl Modality {
    const fn rank(self) -> u8 {
        match self {
            Self::Binding(_) => 3,
            Self::Permissive(_) => 2,
            Self::Unstated => 1,
            Self::Soft(_) => 0,
        }
    }
}

/// Conjunctions that, after a comma, open a new clause.
/// Each starts with a comma and has no other.
const CLAUSE_OPENERS: &[&str] = &[
    ", och ",
    ", men ",
    ", samt ",
    ", medan ",
    ", but ",
    ", and ",
    ", whereas ",
    ", while ",
];
/// Conjunctions that open a new clause when a new party follows.
const PARTY_OPENERS: &[&str] = &[
    "och ", "men ", "samt ", "medan ", "and ", "but ", "while ", "whereas ",
];

/// The clauses of sentence `s`, in folded offsets.
#[must_use]
pub fn clauses(a: &Analysis<'_>, s: usize, language: &Language) -> Vec<Span> {
    let span = a.sentences[s].span;
    let lower = a.lower(span);
    let mut cuts: Vec<usize> = memchr::memchr_iter(b';', lower.as_bytes()).collect();
    // Every opener starts with its only comma, so it stands at a comma and
    // two of its occurrences never overlap.
    cuts.extend(
        memchr::memchr_iter(b',', lower.as_bytes())
            .filter(|&i| CLAUSE_OPENERS.iter().any(|o| lower[i..].starts_with(o))),
    );
    for party in a
        .hits_in(s, language.other_party)
        .chain(a.hits_in(s, language.supplier))
    {
        let before = &lower[..party.start - span.start];
        if let Some(opener) = PARTY_OPENERS.iter().find(|o| before.ends_with(*o)) {
            cuts.push(before.len() - opener.len());
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().filter(|&c| c > 0) {
        out.push(Span::new(span.start + start, span.start + cut));
        start = cut;
    }
    out.push(Span::new(span.start + start, span.end));
    out
}

/// The modality of one clause: a soft phrase wins over a binding verb in the
/// same clause ("ska i möjligaste mån").
#[must_use]
pub fn of_clause(a: &Analysis<'_>, s: usize, clause: Span, language: &Language) -> Modality {
    if let Some(h) = a.hits_within(s, language.soft, clause).next() {
        return Modality::Soft(h);
    }
    if let Some(h) = a.hits_within(s, language.binding, clause).next() {
        return Modality::Binding(h);
    }
    if let Some(h) = a.hits_within(s, language.permissive, clause).next() {
        return Modality::Permissive(h);
    }
    Modality::Unstated
}

/// The most binding modality among the clauses of `s` that hold evidence.
#[must_use]
pub fn of_sentence(
    a: &Analysis<'_>,
    s: usize,
    evidence: &[SetId],
    language: &Language,
) -> Modality {
    evidence_clauses(a, s, evidence, language)
        .into_iter()
        .map(|c| of_clause(a, s, c, language))
        .min_by_key(|m| 3 - m.rank())
        .unwrap_or(Modality::Unstated)
}

/// The clauses of `s` that hold evidence, or all of them when none does.
fn evidence_clauses(
    a: &Analysis<'_>,
    s: usize,
    evidence: &[SetId],
    language: &Language,
) -> Vec<Span> {
    let clauses = clauses(a, s, language);
    let with_evidence: Vec<Span> = clauses
        .iter()
        .copied()
        .filter(|&c| {
            evidence.is_empty()
                || evidence
                    .iter()
                    .any(|&set| a.hits_within(s, set, c).next().is_some())
        })
        .collect();
    if with_evidence.is_empty() {
        clauses
    } else {
        with_evidence
    }
}

/// Whom a clause speaks of (see [`party`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Supplier,
    Other,
    Unnamed,
}

/// Whether the duty in sentence `s` is the other party's own and not the
/// supplier's: each clause with evidence speaks first of the buyer, names no
/// supplier, and grants no right. "Regionen omfattas av
/// diskrimineringslagen och ska …" and "The Authority applies its code of
/// conduct" bind nobody the contract can hold to them; "Beställaren får
/// begära en redovisning" is the buyer's right to the supplier's report and
/// stays a duty of the supplier's. A list item that names no party is the
/// party of its lead-in's.
#[must_use]
pub fn is_others(a: &Analysis<'_>, s: usize, evidence: &[SetId], language: &Language) -> bool {
    let clauses = evidence_clauses(a, s, evidence, language);
    let parties: Vec<Party> = clauses.iter().map(|&c| party(a, s, c, language)).collect();
    if parties.iter().all(|&p| p == Party::Unnamed) {
        return lead_in(a, s)
            .is_some_and(|l| party(a, l, a.sentences[l].span, language) == Party::Other);
    }
    parties.iter().all(|&p| p == Party::Other)
}

/// The party clause `c` of sentence `s` speaks of: the supplier when it names
/// the supplier at all; the buyer when the buyer is its subject, named first
/// ("2.2 Myndigheten arbetar …", "and the Authority's code states …"), and
/// the clause gives no right, however soft. A buyer named later ("på
/// beställarens begäran redovisa") is not the one who acts.
fn party(a: &Analysis<'_>, s: usize, c: Span, language: &Language) -> Party {
    if a.hits_within(s, language.supplier, c).next().is_some() {
        return Party::Supplier;
    }
    let lower = a.lower(c);
    let rest = lower.trim_start_matches(|ch: char| !ch.is_alphabetic());
    let rest = PARTY_OPENERS
        .iter()
        .find_map(|o| rest.strip_prefix(o))
        .unwrap_or(rest);
    let subject = c.start + (lower.len() - rest.len());
    let named_first = a
        .hits_within(s, language.other_party, c)
        .any(|h| h.start == subject);
    // A right of the buyer's, even a soft one ("kan komma att begära"), asks
    // for something the supplier must give: the duty stays the supplier's.
    let right = a.hits_within(s, language.permissive, c).next().is_some()
        || a.hits_within(s, language.soft, c).next().is_some();
    if named_first && !right {
        Party::Other
    } else {
        Party::Unnamed
    }
}

/// The modality of a duty in sentence `s`. A list item that states none
/// takes its lead-in's: under "Leverantören ska under avtalstiden:" an item
/// "a) följa diskrimineringslagen" binds, and under "Leverantören bör:"
/// every item is soft.
#[must_use]
pub fn of_provision(
    a: &Analysis<'_>,
    s: usize,
    evidence: &[SetId],
    language: &Language,
) -> Modality {
    let own = of_sentence(a, s, evidence, language);
    let takes_lead = match own {
        Modality::Unstated => true,
        // "Leverantören åtar sig att" / "b) upprätthålla principen … och att
        // alla har rätt att bemötas …": a right further in the item is
        // someone's inside the duty, not the item's own verb.
        Modality::Permissive(h) => !opens_item(a, s, h),
        _ => false,
    };
    if !takes_lead {
        return own;
    }
    match lead_in(a, s).map(|l| of_sentence(a, l, &[], language)) {
        Some(m @ (Modality::Soft(_) | Modality::Binding(_))) => m,
        _ => own,
    }
}

/// Whether `hit` is among the first words of sentence `s`, as an item's own
/// verb is ("b) får anlita underleverantörer").
fn opens_item(a: &Analysis<'_>, s: usize, hit: Span) -> bool {
    let before = a.lower(Span::new(a.sentences[s].span.start, hit.start));
    before.split_whitespace().count() < ITEM_VERB_WORDS
}

/// How many words may stand before a list item's own verb ("b) Staden
/// får", "ii) the Buyer may").
const ITEM_VERB_WORDS: usize = 3;

/// The sentence that introduces the list holding sentence `s`: the last
/// sentence of the block before the list, in the same section, when that
/// block ends with a colon.
#[must_use]
pub fn lead_in(a: &Analysis<'_>, s: usize) -> Option<usize> {
    let block = a.lead_ins[a.sentences[s].block]?;
    let i = a.sentences.partition_point(|x| x.block <= block);
    (i > 0 && a.sentences[i - 1].block == block).then(|| i - 1)
}

/// For every block, the block that introduces it when it is a list item:
/// the nearest block before its list, in its section and no heading, whose
/// sentence the list finishes: it ends with a colon, or with no full stop at
/// all ("Leverantören åtar sig att under avtalstiden"). One pass.
#[must_use]
pub fn lead_in_blocks(doc: &Document) -> Vec<Option<usize>> {
    let blocks = &doc.blocks;
    let mut last = None;
    let mut out = Vec::with_capacity(blocks.len());
    for (b, block) in blocks.iter().enumerate() {
        if block.kind != BlockKind::ListItem {
            last = Some(b);
            out.push(None);
            continue;
        }
        out.push(last.filter(|&lead| {
            let span = blocks[lead].span();
            let text = doc.text[span.start..span.end].trim();
            blocks[lead].kind != BlockKind::Heading
                && blocks[lead].section == block.section
                && !text.ends_with(['.', '!', '?', ')'])
                && !is_bold_title(text)
                // A word or two without a colon ("Villkor") is a title too,
                // as DOCX gives "**Villkor**" without its bold.
                && (text.ends_with(':') || text.split_whitespace().count() > 2)
        }));
    }
    out
}

/// A paragraph in bold and nothing else ("**Villkor**") is a title over the
/// list, not a lead-in; "**Leverantören ska:**" still leads in.
fn is_bold_title(text: &str) -> bool {
    ["**", "__"].iter().any(|m| {
        text.strip_prefix(m)
            .and_then(|t| t.strip_suffix(m))
            .is_some_and(|inner| !inner.trim_end().ends_with(':') && !inner.contains(m))
    })
}

#[cfg(test)]
mod tests {
    use super::{is_bold_title, CLAUSE_OPENERS};

    #[test]
    fn a_bold_title_is_no_lead_in() {
        assert!(is_bold_title("**Villkor**"));
        assert!(is_bold_title("__Särskilda villkor__"));
        assert!(!is_bold_title("**Leverantören ska:**"));
        assert!(!is_bold_title("**Obs** Leverantören ska"));
        assert!(!is_bold_title("Leverantören ska under avtalstiden"));
    }

    #[test]
    fn clause_openers_are_found_at_their_only_comma() {
        for o in CLAUSE_OPENERS {
            assert!(o.starts_with(", ") && o.matches(',').count() == 1, "{o:?}");
        }
    }
}
