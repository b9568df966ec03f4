//! Judges one requirement on a document's shared analysis, by its kind of check.
//! Every judgement names the words it rests on.

use super::clause::{Clause, Tie};
use crate::analysis::modality::{self, Modality};
use crate::analysis::Analysis;
use crate::grammar::amount::{amount, Money};
use crate::grammar::duration::duration;
use crate::model::message::{Arg, Message};
use crate::model::span::Span;
use crate::model::vocab::Status;
use crate::profile::phrases::SetId;
use crate::profile::{CheckKind, Profile, Requirement, WeakSignal, Within};

/// A status, the message that explains it, and the folded spans it points at.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    pub message: Message,
    pub spans: Vec<Span>,
}

pub struct Ctx<'a> {
    pub a: &'a Analysis<'a>,
    pub p: &'a Profile,
    pub clause: &'a Clause,
    pub contract_value: Option<f64>,
}

/// Longest quotation of document text in a message.
const QUOTE_CHARS: usize = 90;

impl Ctx<'_> {
    fn quote(&self, span: Span) -> String {
        let text = self.a.text(span);
        if text.chars().count() <= QUOTE_CHARS {
            return text.to_owned();
        }
        let cut: String = text.chars().take(QUOTE_CHARS).collect();
        format!("{}…", cut.trim_end())
    }

    /// An outcome that quotes the words at `span` in `message`.
    fn outcome(&self, status: Status, message: Message, span: Span) -> Outcome {
        Outcome {
            status,
            message: message.with("words", self.quote(span)),
            spans: vec![span],
        }
    }

    fn weak(&self, message: Message, span: Span) -> Outcome {
        self.outcome(Status::Weak, message, span)
    }

    fn met(&self, r: &Requirement, span: Span) -> Outcome {
        // A catalogue row marked as optional (Bör-krav) cannot make a
        // requirement met, whatever its text says.
        if let Some(label) = self.optional_at(span) {
            let message = Message::new("catalogue_optional")
                .with("value", label)
                .with("summary", &r.summary);
            return self.weak(message, span);
        }
        self.outcome(Status::Met, met(r), span)
    }

    fn optional_at(&self, span: Span) -> Option<String> {
        let sentences = &self.a.sentences;
        let s = sentences
            .partition_point(|x| x.span.start <= span.start)
            .checked_sub(1)?;
        self.a.doc.blocks[sentences[s].block].optional.clone()
    }

    fn sentence(&self, s: usize) -> Span {
        self.a.sentences[s].span
    }

    fn candidates<'r>(&'r self, r: &'r Requirement) -> impl Iterator<Item = usize> + 'r {
        (0..self.a.sentences.len()).filter(move |&s| {
            // A list item takes the subject and verb of its lead-in:
            // "Entreprenören ska iaktta:" / "– diskrimineringslagen (2008:567),"
            let lead = modality::lead_in(self.a, s);
            r.evidence.iter().any(|&set| self.a.has(s, set))
                && r.evidence
                    .iter()
                    .all(|&set| self.a.has(s, set) || lead.is_some_and(|l| self.a.has(l, set)))
                && (!r.tied || self.clause.tie(self.a, self.p, s, None) == Tie::Tied)
        })
    }
}

/// "met", with the requirement's summary.
fn met(r: &Requirement) -> Message {
    Message::new("met").with("summary", &r.summary)
}

/// Judges requirement `r`; `None` means missing.
#[must_use]
pub fn evaluate(ctx: &Ctx<'_>, r: &Requirement) -> Option<Outcome> {
    match r.check {
        CheckKind::CurrentLaw => Some(current_law(ctx, r)),
        CheckKind::Grounds => Some(grounds(ctx, r)),
        CheckKind::Penalty | CheckKind::Cure | CheckKind::Termination => sanction(ctx, r),
        CheckKind::Obligation | CheckKind::Deadline => {
            best(ctx.candidates(r).filter_map(|s| duty(ctx, r, s)))
        }
    }
}

/// The first met outcome, else the first weak one.
fn best(outcomes: impl Iterator<Item = Outcome>) -> Option<Outcome> {
    let mut first_weak = None;
    for o in outcomes {
        if o.status == Status::Met {
            return Some(o);
        }
        first_weak.get_or_insert(o);
    }
    first_weak
}

/// A duty of the supplier in sentence `s`: weak signals, then how binding it
/// is, then the elements it must have, then (for deadlines) its time. `None`
/// when the sentence speaks only of the buyer's own conduct.
fn duty(ctx: &Ctx<'_>, r: &Requirement, s: usize) -> Option<Outcome> {
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

/// Whether `set` occurs in the provision of sentence `s`: in its section
/// when that is one point under a heading of its own; in the clause's own
/// section, which holds many provisions, only in its paragraph group (see
/// [`paragraph_group`]).
fn present_near(ctx: &Ctx<'_>, s: usize, set: SetId) -> bool {
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
fn paragraph_group(ctx: &Ctx<'_>, s: usize) -> Vec<usize> {
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
fn linked_next(ctx: &Ctx<'_>, s: usize) -> Option<usize> {
    let a = ctx.a;
    let set = ctx.p.language.back_reference?;
    let t = s + 1;
    let next = a.sentences.get(t)?;
    (next.block <= a.sentences[s].block + 1 && a.section(t) == a.section(s) && a.has(t, set))
        .then_some(t)
}

/// Whether sentences `s` and `t` stand in one paragraph, or in one list
/// with its lead-in.
fn same_paragraph_or_list(a: &Analysis<'_>, s: usize, t: usize) -> bool {
    let (bs, bt) = (a.sentences[s].block, a.sentences[t].block);
    let root = |b: usize| a.lead_ins[b].unwrap_or(b);
    bs == bt || root(bs) == root(bt)
}

/// The sentence after `s` when it goes on with it: in the same section and
/// paragraph (or the next), opening with one of the profile's continuation
/// words ("Redovisningen", "Uppgifterna", "Such report").
fn continuation(ctx: &Ctx<'_>, s: usize) -> Option<usize> {
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

fn deadline(ctx: &Ctx<'_>, r: &Requirement, s: usize, next: Option<usize>) -> Outcome {
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

enum TimeLimit {
    Days(Span, f64),
    Vague(Span),
    None,
}

/// The shortest stated time in sentence `s`, or the vague time it gives instead.
fn time_limit(ctx: &Ctx<'_>, s: usize) -> TimeLimit {
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

fn current_law(ctx: &Ctx<'_>, r: &Requirement) -> Outcome {
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

use crate::profile::LIST_MIN;

fn grounds(ctx: &Ctx<'_>, r: &Requirement) -> Outcome {
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

/// A sanction: tied ones are judged; a general one only makes it weak;
/// unrelated ones are no evidence.
fn sanction(ctx: &Ctx<'_>, r: &Requirement) -> Option<Outcome> {
    let mut general = None;
    let mut tied = Vec::new();
    for s in ctx.candidates(r) {
        match ctx.clause.tie(ctx.a, ctx.p, s, Some(ctx.p.clause.general)) {
            Tie::Tied => tied.push(judge_sanction(ctx, r, s)),
            Tie::General => {
                general.get_or_insert(s);
            }
            Tie::Unrelated => {}
        }
    }
    best(tied.into_iter())
        .or_else(|| general.map(|s| ctx.weak(Message::new("general_only"), ctx.sentence(s))))
}

fn judge_sanction(ctx: &Ctx<'_>, r: &Requirement, s: usize) -> Outcome {
    if let Modality::Soft(hit) = modality::of_provision(ctx.a, s, &r.evidence, &ctx.p.language) {
        return ctx.weak(Message::new("soft"), hit);
    }
    match r.check {
        CheckKind::Penalty => penalty(ctx, r, s),
        CheckKind::Cure => match time_limit(ctx, s) {
            TimeLimit::Days(span, _) => ctx.met(r, span.cover(ctx.sentence(s))),
            TimeLimit::Vague(span) => ctx.weak(Message::new("time_vague"), span),
            TimeLimit::None => ctx.weak(Message::new("time_missing"), ctx.sentence(s)),
        },
        _ => ctx.met(r, ctx.sentence(s)),
    }
}

fn penalty(ctx: &Ctx<'_>, r: &Requirement, s: usize) -> Outcome {
    let a = ctx.a;
    let mut amounts = a.scan(ctx.sentence(s), amount);
    let next = s + 1;
    if amounts.is_empty()
        && next < a.sentences.len()
        && a.sentences[next].block == a.sentences[s].block
    {
        amounts = a.scan(ctx.sentence(next), amount);
    }
    let min = r
        .parameter
        .as_deref()
        .and_then(|n| ctx.p.parameters.number(n))
        .unwrap_or(0.0);
    let Some((first_span, first)) = amounts.first().copied() else {
        return ctx.weak(Message::new("amount_missing"), ctx.sentence(s));
    };
    let price_base = ctx.p.parameters.prisbasbelopp_sek;
    let valued: Vec<(Span, f64)> = amounts
        .iter()
        .filter_map(|&(span, x)| {
            x.per_week_sek(ctx.contract_value, price_base)
                .map(|v| (span, v))
        })
        .collect();
    if let Some(&(span, v)) = valued.iter().max_by(|x, y| x.1.total_cmp(&y.1)) {
        if v + 1e-9 >= min {
            return ctx.met(r, span.cover(ctx.sentence(s)));
        }
        let message = Message::new("amount_low")
            .with("per_week", v)
            .with("min", min);
        return ctx.weak(message, span);
    }
    match first.money {
        Money::Percent(_) => ctx.weak(Message::new("amount_percent_unknown"), first_span),
        _ => ctx.weak(Message::new("amount_unclear"), first_span),
    }
}
