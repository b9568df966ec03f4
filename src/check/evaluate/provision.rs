//! Which sentences make up a provision: a point under its own heading, or,
//! in the clause's own section, a paragraph or list with its lead-in and the
//! sentence that goes on with it.

use super::Ctx;
use crate::analysis::modality::{self, Modality};
use crate::analysis::Analysis;
use crate::grammar::reference::{names_number, reference, Reference};
use crate::profile::phrases::SetId;

/// Whether `set` occurs in the provision of sentence `s`: in its section
/// when that is one point under a heading of its own; in the clause's own
/// section, which holds many provisions, only in its paragraph group (see
/// [`paragraph_group`]).
///
/// Another sentence lends its words only when it binds as firmly: "se till"
/// in "Leverantören bör i möjligaste mån se till att underleverantörer …"
/// makes nobody answer for anyone.
pub(super) fn present_near(ctx: &Ctx<'_>, s: usize, set: SetId) -> bool {
    let a = ctx.a;
    let lends = |t: usize| {
        a.has(t, set)
            && (t == s
                || !matches!(
                    modality::of_sentence(a, t, &[set], &ctx.p.language),
                    Modality::Soft(_)
                ))
    };
    let here = a.section(s);
    let in_provision = if here.is_some_and(|sec| !ctx.clause.sections.contains(&sec)) {
        (0..a.sentences.len()).any(|t| a.section(t) == here && lends(t))
    } else {
        paragraph_group(ctx, s).into_iter().any(lends)
    };
    in_provision || naming_point(ctx, s).any(lends)
}

/// The sentences of the clause that name the point of sentence `s` by its
/// number: "12.4 Myndigheten har rätt att ta del av den
/// dokumentation som avses i 12.3" goes with "12.3 Arbetet med aktiva
/// åtgärder ska dokumenteras". A reference to a parent ("villkoren i
/// punkt 12") names every point and goes with none.
fn naming_point<'c>(ctx: &'c Ctx<'_>, s: usize) -> impl Iterator<Item = usize> + 'c {
    let a = ctx.a;
    let block = a.sentences[s].block;
    // References are read in lower case: "afc.146" names "AFC.146".
    let number = a
        .doc
        .point_number(block, a.lead_ins[block])
        .map(str::to_ascii_lowercase);
    let sentences = if number.is_some() {
        0..a.sentences.len()
    } else {
        0..0
    };
    sentences.filter(move |&t| {
        let Some(number) = number.as_deref() else {
            return false;
        };
        let lower = a.lower(a.sentences[t].span);
        t != s
            && ctx.clause.contains(a, t)
            && lower.contains(number)
            && (names_number(lower, number)
                || a.scan(a.sentences[t].span, reference(a.reference_words))
                    .iter()
                    .any(|(_, r)| matches!(r, Reference::Section(n) if names(n, number))))
    })
}

/// Whether reference `n` names point `number`: the reference parser stops
/// at "(", so "clause 14.1(iv)" names "14.1"; "14.10" and "14" do not.
fn names(n: &str, number: &str) -> bool {
    n.strip_prefix(number)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.'))
}

/// The sentences that stand with sentence `s`: its paragraph, its list
/// (lead-in and items) and the sentence that goes on with it. The walk stops
/// where the group ends.
pub(super) fn paragraph_group(ctx: &Ctx<'_>, s: usize) -> Vec<usize> {
    let a = ctx.a;
    let group = |t: usize| same_paragraph_or_list(a, s, t);
    let mut sentences: Vec<usize> = (0..s).rev().take_while(|&t| group(t)).collect();
    sentences.extend((s..a.sentences.len()).take_while(|&t| group(t)));
    sentences.extend(linked_next(ctx, s));
    sentences
}

/// The sentence after `s` when it refers back to it anywhere: "… och
/// dokumentera arbetet." / "Beställaren har rätt att ta del av
/// dokumentationen."
pub(super) fn linked_next(ctx: &Ctx<'_>, s: usize) -> Option<usize> {
    let a = ctx.a;
    let set = ctx.p.language.back_reference?;
    let t = s + 1;
    let next = a.sentences.get(t)?;
    (next.block <= a.sentences[s].block + 1 && a.section(t) == a.section(s) && a.has(t, set))
        .then_some(t)
}

/// Whether sentences `s` and `t` stand in one paragraph, or in one list
/// with its lead-in.
pub(super) fn same_paragraph_or_list(a: &Analysis<'_>, s: usize, t: usize) -> bool {
    let (bs, bt) = (a.sentences[s].block, a.sentences[t].block);
    let root = |b: usize| a.lead_ins[b].unwrap_or(b);
    bs == bt || root(bs) == root(bt)
}

/// The sentence after `s` when it goes on with it: in the same section and
/// paragraph (or the next), opening with one of the profile's continuation
/// words ("Redovisningen", "Uppgifterna", "Such report").
pub(super) fn continuation(ctx: &Ctx<'_>, s: usize) -> Option<usize> {
    let a = ctx.a;
    let set = ctx.p.language.continuation?;
    let t = s + 1;
    let next = a.sentences.get(t)?;
    let adjacent = next.block <= a.sentences[s].block + 1 && a.section(t) == a.section(s);
    (adjacent
        && a.hits_in(t, set)
            .next()
            .is_some_and(|h| h.start == next.span.start))
    .then_some(t)
}
