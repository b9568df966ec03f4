//! Which sentences make up a provision: a point under its own heading, or,
//! in the clause's own section, a paragraph or list with its lead-in and the
//! sentence that goes on with it.

use super::Ctx;
use crate::analysis::Analysis;
use crate::profile::phrases::SetId;

/// Whether `set` occurs in the provision of sentence `s`: in its section
/// when that is one point under a heading of its own; in the clause's own
/// section, which holds many provisions, only in its paragraph group (see
/// [`paragraph_group`]).
pub(super) fn present_near(ctx: &Ctx<'_>, s: usize, set: SetId) -> bool {
    let a = ctx.a;
    let here = a.section(s);
    if here.is_some_and(|sec| !ctx.clause.sections.contains(&sec)) {
        return (0..a.sentences.len()).any(|t| a.has(t, set) && a.section(t) == here);
    }
    paragraph_group(ctx, s).into_iter().any(|t| a.has(t, set))
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
