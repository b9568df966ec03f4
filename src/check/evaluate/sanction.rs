//! Sanctions: tied ones are judged, a general one only makes the
//! requirement weak, and a penalty needs an amount at or over the minimum.

use super::super::clause::Tie;
use super::deadline::{time_limit, TimeLimit};
use super::{best, Ctx, Outcome};
use crate::analysis::modality::{self, Modality};
use crate::grammar::amount::{amount, Money};
use crate::grammar::reference::{names_number, reference, Reference};
use crate::model::message::Message;
use crate::model::span::Span;
use crate::profile::{CheckKind, Requirement};

/// A sanction: tied ones are judged; a general one only makes it weak;
/// unrelated ones are no evidence.
pub(super) fn sanction(ctx: &Ctx<'_>, r: &Requirement) -> Option<Outcome> {
    let mut general = None;
    let mut tied = Vec::new();
    for s in ctx.candidates(r) {
        match ctx.clause.tie(ctx.a, ctx.p, s, Some(ctx.p.clause.general)) {
            Tie::Tied => tied.push(judge_sanction(ctx, r, s)),
            Tie::General => {
                general.get_or_insert(s);
            }
            // "Staden får häva avtalet" / "1. om leverantören bryter mot
            // punkt 6.3 …": the items under the sanction say what it is for.
            Tie::Unrelated => {
                for item in items_under(ctx, s) {
                    match ctx
                        .clause
                        .tie(ctx.a, ctx.p, item, Some(ctx.p.clause.general))
                    {
                        Tie::Tied => {
                            tied.push(judge_sanction(ctx, r, item));
                            tied.push(judge_sanction(ctx, r, s));
                        }
                        Tie::General => {
                            general.get_or_insert(item);
                        }
                        Tie::Unrelated => {}
                    }
                }
            }
        }
    }
    best(tied.into_iter())
        .or_else(|| general.map(|s| ctx.weak(Message::new("general_only"), ctx.sentence(s))))
}

/// The sentences that sentence `s` leads in: the list items under it, or
/// the cells of the table it heads or stands just above ("Vite utgår enligt
/// tabellen nedan." / "Brott mot punkt 9 | 40 000 kr per vecka").
fn items_under<'c>(ctx: &'c Ctx<'_>, s: usize) -> impl Iterator<Item = usize> + 'c {
    let a = ctx.a;
    let lead = a.sentences[s].block;
    let cells = a.doc.table_under(lead);
    let last_of_block = a.sentences.get(s + 1).is_none_or(|x| x.block != lead);
    let listed = (s + 1..a.sentences.len())
        .skip_while(move |&t| a.sentences[t].block == lead)
        .take_while(move |&t| a.lead_ins[a.sentences[t].block] == Some(lead));
    let tabled = (s + 1..a.sentences.len())
        .skip_while(move |&t| a.sentences[t].block == lead)
        .take_while(move |&t| cells.contains(&a.sentences[t].block))
        .filter(move |_| last_of_block);
    listed.chain(tabled)
}

fn judge_sanction(ctx: &Ctx<'_>, r: &Requirement, s: usize) -> Outcome {
    if let Modality::Soft(hit) = modality::of_provision(ctx.a, s, &r.evidence, &ctx.p.language) {
        return ctx.weak(Message::new("soft"), hit);
    }
    match r.check {
        CheckKind::Penalty => penalty(ctx, r, s),
        CheckKind::Cure => cure(ctx, r, s),
        _ => ctx.met(r, ctx.sentence(s)),
    }
}

/// A cure needs a period: its own, or that of the point it names for it
/// ("ska avhjälpas inom den tid som anges i § 16").
fn cure(ctx: &Ctx<'_>, r: &Requirement, s: usize) -> Outcome {
    let (t, limit) = match time_limit(ctx, s) {
        TimeLimit::None => match period_named_by(ctx, r, s) {
            Some(t) => (t, time_limit(ctx, t)),
            None => (s, TimeLimit::None),
        },
        limit => (s, limit),
    };
    match limit {
        TimeLimit::Days(span, _) if t == s => ctx.met(r, span.cover(ctx.sentence(s))),
        TimeLimit::Days(span, _) => {
            let mut met = ctx.met(r, ctx.sentence(s));
            met.spans.push(span);
            met
        }
        TimeLimit::Vague(span) => ctx.weak(Message::new("time_vague"), span),
        TimeLimit::None => ctx.weak(Message::new("time_missing"), ctx.sentence(s)),
    }
}

/// How many cures a cure without a period looks through for the one it
/// names, so a text of nothing but cures costs no more.
const CURES_LOOKED: usize = 64;

/// The cure with a period that sentence `s` names by its point's number:
/// "§ 16", "punkt 21.1", or a bare "21.1".
fn period_named_by(ctx: &Ctx<'_>, r: &Requirement, s: usize) -> Option<usize> {
    let a = ctx.a;
    let lower = a.lower(ctx.sentence(s));
    let refs = a.scan(ctx.sentence(s), reference(a.reference_words));
    let cures = (0..a.sentences.len())
        .filter(|&t| t != s && r.evidence.iter().all(|&set| a.has(t, set)))
        .take(CURES_LOOKED);
    cures.into_iter().find(|&t| {
        if matches!(time_limit(ctx, t), TimeLimit::None) {
            return false;
        }
        let block = a.sentences[t].block;
        let Some(number) = a.doc.point_number(block, a.lead_ins[block]) else {
            return false;
        };
        let number = number.to_ascii_lowercase();
        names_number(lower, &number)
            || refs.iter().any(|(_, x)| {
                matches!(x, Reference::Section(n) if number == *n || number.starts_with(&format!("{n}.")))
            })
    })
}

fn penalty(ctx: &Ctx<'_>, r: &Requirement, s: usize) -> Outcome {
    let a = ctx.a;
    let mut amounts = a.scan(ctx.sentence(s), amount);
    let next = s + 1;
    let block = a.sentences[s].block;
    if amounts.is_empty() && a.sentences.get(next).is_some_and(|t| t.block == block) {
        amounts = a.scan(ctx.sentence(next), amount);
    }
    // In a sanction table's row the amount stands in the cell beside the
    // breach: "Brott mot § 9 | 2 % av avtalsvärdet".
    if let (true, Some(cell)) = (amounts.is_empty(), a.doc.next_cell(block)) {
        amounts = a.scan(a.folded.blocks[cell], amount);
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
