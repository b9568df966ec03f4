//! A duty of the supplier's, judged on its provision: weak signals, how
//! binding it is, the elements it must have, and for deadlines its time.

use super::deadline::deadline;
use super::provision::{continuation, paragraph_group, present_near};
use super::{Ctx, Outcome};
use crate::analysis::modality::{self, Modality};
use crate::analysis::Analysis;
use crate::model::message::Message;
use crate::model::span::Span;
use crate::profile::{CheckKind, Requirement, WeakSignal, Within};

/// A duty of the supplier in sentence `s`: weak signals, then how binding it
/// is, then the elements it must have, then (for deadlines) its time. `None`
/// when the sentence speaks only of the buyer's own conduct.
pub(super) fn duty(ctx: &Ctx<'_>, r: &Requirement, s: usize) -> Option<Outcome> {
    let a = ctx.a;
    if modality::is_others(a, s, &r.evidence, &ctx.p.language) {
        return None;
    }
    // A list item is judged with its lead-in: a weak signal or soft word in
    // "Leverantören bör i möjligaste mån, i andemening med lagen:" weakens
    // every item.
    let lead = modality::lead_in(a, s);
    for w in &r.weak {
        if let Some(hit) = signal(ctx, s, w).or_else(|| lead.and_then(|l| signal(ctx, l, w))) {
            return Some(ctx.weak(Message::new("signal").with("reason", &w.reason), hit));
        }
    }
    if let Some(Modality::Soft(hit)) =
        lead.map(|l| modality::of_sentence(a, l, &[], &ctx.p.language))
    {
        return Some(ctx.weak(Message::new("soft"), hit));
    }
    // A sentence that goes on with this one may bind what it asks for:
    // "Beställaren får begära en redovisning. Redovisningen ska lämnas inom
    // tio dagar."
    let next = continuation(ctx, s);
    let modality = match modality::of_provision(a, s, &r.evidence, &ctx.p.language) {
        m @ (Modality::Unstated | Modality::Permissive(_)) => next
            .map(|t| modality::of_sentence(a, t, &[], &ctx.p.language))
            .filter(|m| matches!(m, Modality::Binding(_) | Modality::Soft(_)))
            .unwrap_or(m),
        m => m,
    };
    match modality {
        Modality::Soft(hit) => return Some(ctx.weak(Message::new("soft"), hit)),
        Modality::Unstated | Modality::Permissive(_) => {
            return Some(ctx.weak(Message::new("unbound"), ctx.sentence(s)))
        }
        Modality::Binding(_) => {}
    }
    for e in &r.elements {
        if !present_near(ctx, s, e.set) {
            let message = Message::new("element").with("reason", &e.reason);
            return Some(ctx.weak(message, ctx.sentence(s)));
        }
    }
    if r.check == CheckKind::Deadline {
        return Some(deadline(ctx, r, s, next));
    }
    Some(ctx.met(r, ctx.sentence(s)))
}

/// Where weak signal `w` stands for the duty in sentence `s`: in the
/// sentence, or for a signal `within` a section anywhere in the top-level
/// section around it; `None` when absent, or when its `unless` is there too.
fn signal(ctx: &Ctx<'_>, s: usize, w: &WeakSignal) -> Option<Span> {
    let a = ctx.a;
    match w.within {
        Within::Sentence => a
            .first(s, w.set)
            .filter(|_| !w.unless.is_some_and(|u| a.has(s, u))),
        Within::Provision => {
            let around = paragraph_group(ctx, s);
            if w.unless.is_some_and(|u| {
                around
                    .iter()
                    .any(|&t| a.has(t, u) && !modality::is_others(a, t, &[u], &ctx.p.language))
            }) {
                return None;
            }
            around.iter().find_map(|&t| a.first(t, w.set))
        }
        Within::Section => {
            // A document without sections is one section.
            let root = |t: usize| a.section(t).map(|sec| top_section(a, sec));
            let here = root(s);
            let around: Vec<usize> = (0..a.sentences.len())
                .filter(|&t| root(t) == here)
                .collect();
            // What the buyer says of itself ("The Authority complies with the
            // Discrimination Act (2008:567)") does not lift a signal about
            // the supplier's duty.
            let lifts =
                |t: usize, u| a.has(t, u) && !modality::is_others(a, t, &[u], &ctx.p.language);
            if w.unless
                .is_some_and(|u| around.iter().any(|&t| lifts(t, u)))
            {
                return None;
            }
            around.iter().find_map(|&t| a.first(t, w.set))
        }
    }
}

/// The top-level section that `section` lies in.
fn top_section(a: &Analysis<'_>, mut section: usize) -> usize {
    while let Some(parent) = a.doc.sections[section].parent {
        section = parent;
    }
    section
}
