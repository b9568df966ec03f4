//! Requirements judged on the whole document rather than on one duty: the
//! acts it cites, and the grounds of discrimination it lists.

use super::{met, Ctx, Outcome};
use crate::model::message::{Arg, Message};
use crate::model::span::Span;
use crate::model::vocab::Status;
use crate::profile::{Requirement, LIST_MIN};

pub(super) fn current_law(ctx: &Ctx<'_>, r: &Requirement) -> Outcome {
    let a = ctx.a;
    let mut found: Vec<(Span, usize)> = Vec::new();
    for s in 0..a.sentences.len() {
        for (i, o) in r.outdated.iter().enumerate() {
            found.extend(a.hits_in(s, o.set).map(|h| (h, i)));
        }
    }
    let Some(&(span, i)) = found.first() else {
        return Outcome {
            status: Status::Met,
            message: met(r),
            spans: Vec::new(),
        };
    };
    let o = &r.outdated[i];
    let message = Message::new("outdated")
        .with("cited", &o.cited)
        .with("replacement", &o.replacement);
    let mut outcome = ctx.weak(message, span);
    outcome.spans = found.iter().map(|&(s, _)| s).collect();
    outcome
}

/// The grounds a listing names. With no listing the act covers them all,
/// but only where the document speaks of discrimination at all: in a text
/// that never does, nothing covers them and the requirement is missing.
pub(super) fn grounds(ctx: &Ctx<'_>, r: &Requirement) -> Option<Outcome> {
    let a = ctx.a;
    let clause = &ctx.p.clause;
    let outcome = listed_grounds(ctx, r);
    let speaks =
        || (0..a.sentences.len()).any(|s| a.has(s, clause.topic) || a.has(s, clause.headings));
    (!outcome.spans.is_empty() || speaks()).then_some(outcome)
}

fn listed_grounds(ctx: &Ctx<'_>, r: &Requirement) -> Outcome {
    let a = ctx.a;
    let mut listing = None;
    for s in 0..a.sentences.len() {
        let named: Vec<bool> = r.grounds.iter().map(|g| a.has(s, g.set)).collect();
        let count = named.iter().filter(|&&n| n).count();
        if count < LIST_MIN {
            continue;
        }
        let open = a.has(s, ctx.p.language.example_markers);
        if count < r.grounds.len() && !open {
            let missing = r
                .grounds
                .iter()
                .zip(&named)
                .filter(|(_, &n)| !n)
                .map(|(g, _)| (&g.name).into());
            let message = Message::new("grounds").with("missing", Arg::List(missing.collect()));
            return ctx.weak(message, ctx.sentence(s));
        }
        listing.get_or_insert(s);
    }
    let note = (0..a.sentences.len()).find_map(|s| {
        r.notes
            .iter()
            .find_map(|n| a.first(s, n.set).map(|h| (h, n)))
    });
    match (listing, note) {
        (_, Some((span, n))) => ctx.outcome(
            Status::Met,
            Message::new("met_note").with("note", &n.note),
            span,
        ),
        (Some(s), None) => ctx.met(r, ctx.sentence(s)),
        (None, None) => Outcome {
            status: Status::Met,
            message: met(r),
            spans: Vec::new(),
        },
    }
}
