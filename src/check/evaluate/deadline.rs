//! Times: the limit a deadline states, checked against the profile's
//! maximum, or the vague time given instead.

use super::{Ctx, Outcome};
use crate::grammar::duration::duration;
use crate::model::message::Message;
use crate::model::span::Span;
use crate::profile::Requirement;

pub(super) fn deadline(ctx: &Ctx<'_>, r: &Requirement, s: usize, next: Option<usize>) -> Outcome {
    let max = r
        .parameter
        .as_deref()
        .and_then(|name| ctx.p.parameters.number(name))
        .unwrap_or(f64::INFINITY);
    let limit = match (time_limit(ctx, s), next) {
        (TimeLimit::None, Some(t)) => time_limit(ctx, t),
        (limit, _) => limit,
    };
    match limit {
        TimeLimit::Days(span, days) if days <= max + 1e-9 => {
            ctx.met(r, span.cover(ctx.sentence(s)))
        }
        TimeLimit::Days(span, days) => ctx.weak(
            Message::new("time_long")
                .with("days", days)
                .with("max", max),
            span,
        ),
        TimeLimit::Vague(span) => ctx.weak(Message::new("time_vague"), span),
        TimeLimit::None => ctx.weak(Message::new("time_missing"), ctx.sentence(s)),
    }
}

pub(super) enum TimeLimit {
    Days(Span, f64),
    Vague(Span),
    None,
}

/// The shortest stated time in sentence `s`, or the vague time it gives instead.
pub(super) fn time_limit(ctx: &Ctx<'_>, s: usize) -> TimeLimit {
    let stated = ctx.a.scan(ctx.sentence(s), duration);
    if let Some((span, d)) = stated
        .into_iter()
        .min_by(|x, y| x.1.days().total_cmp(&y.1.days()))
    {
        return TimeLimit::Days(span, d.days());
    }
    match ctx.a.first(s, ctx.p.language.vague_time) {
        Some(span) => TimeLimit::Vague(span),
        None => TimeLimit::None,
    }
}
