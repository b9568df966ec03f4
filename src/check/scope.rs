//! Does the clause apply? Services and works: yes. Goods only: no. Unknown: it
//! is assumed to apply, and the report says so, so a gate never passes a
//! document for being vague. The 2006:260 thresholds apply when the profile
//! asks for them.

use crate::analysis::{scan, Analysis};
use crate::document::BlockKind;
use crate::grammar::amount::{amount, Amount, Money};
use crate::grammar::duration::duration;
use crate::model::message::Message;
use crate::model::span::Span;
use crate::model::vocab::ContractType;
use crate::profile::phrases::SetId;
use crate::profile::{Profile, Scope};
use crate::report::ScopeResult;

/// What the scope step learns and the requirements may use.
#[derive(Debug, Clone)]
pub struct ScopeFacts {
    pub result: ScopeResult,
    /// The contract's estimated value in kronor, where the text states it.
    pub contract_value: Option<f64>,
}

#[must_use]
pub fn decide(a: &Analysis<'_>, p: &Profile, given: Option<ContractType>) -> ScopeFacts {
    let contract_type = given.unwrap_or_else(|| contract_type(a, p));
    let contract_value = contract_value(a, &p.scope);
    let key = match (given, contract_type) {
        (Some(_), _) => "scope_given",
        (None, ContractType::Services) => "scope_services",
        (None, ContractType::Works) => "scope_works",
        (None, ContractType::Mixed) => "scope_mixed",
        (None, ContractType::Goods) => "scope_goods",
        (None, ContractType::Unknown) => "scope_unknown",
    };
    let mut why = Message::new(key).with("type", contract_type.name());
    let mut applies = contract_type != ContractType::Goods;
    if applies && p.scope.apply_thresholds {
        let (below, note) = thresholds(a, p, contract_value);
        applies = !below;
        why = Message::new("scope_thresholds")
            .with("scope", why)
            .with("thresholds", note);
    }
    ScopeFacts {
        result: ScopeResult {
            applies,
            contract_type,
            why,
            reason: String::new(),
        },
        contract_value,
    }
}

/// The kind of contract the text names most often; goods together with
/// services or works make a mixed contract.
fn contract_type(a: &Analysis<'_>, p: &Profile) -> ContractType {
    let (services, works, goods) = (
        a.occurrences(p.scope.services),
        a.occurrences(p.scope.works),
        a.occurrences(p.scope.goods),
    );
    // The buyer's own classification, where the text gives CPV codes, says
    // what is bought better than the words around it.
    let cpv = cpv_kinds(a, &p.cpv);
    let by_cpv = |kind| cpv.contains(&kind);
    if by_cpv(ContractType::Goods) {
        return if by_cpv(ContractType::Services) || by_cpv(ContractType::Works) {
            ContractType::Mixed
        } else {
            ContractType::Goods
        };
    }
    match (by_cpv(ContractType::Works), by_cpv(ContractType::Services)) {
        (true, false) => return ContractType::Works,
        (false, true) => return ContractType::Services,
        _ => {}
    }
    match (services, works, goods) {
        (0, 0, 0) => ContractType::Unknown,
        (0, 0, _) => ContractType::Goods,
        (_, _, g) if g > 0 => ContractType::Mixed,
        (s, w, _) if w >= s => ContractType::Works,
        _ => ContractType::Services,
    }
}

/// How far after the word "CPV" codes are read: a line or a short table.
const CPV_WINDOW: usize = 400;

/// How many places that name "CPV" are read.
const CPV_PLACES: usize = 16;

/// The kinds of contract that the CPV codes in the document name: runs of
/// eight digits (a check digit may follow) that stand shortly after "CPV", in
/// its block or in the list items, table cells and code lines that follow it
/// (a register number in the next paragraph is no CPV code). Blocks, not blank
/// lines, bound the codes, so a Word file and its text read the same codes.
fn cpv_kinds(a: &Analysis<'_>, cpv: &crate::profile::Cpv) -> Vec<ContractType> {
    let mut kinds = Vec::new();
    if cpv.is_empty() {
        return kinds;
    }
    let text = a.doc.text.as_bytes();
    let blocks = &a.doc.blocks;
    // A document names its CPV codes once or twice; a few places suffice.
    let places: std::collections::BTreeSet<usize> = [&b"CPV"[..], b"cpv", b"Cpv"]
        .iter()
        .flat_map(|needle| memchr::memmem::find_iter(text, needle).take(CPV_PLACES))
        .collect();
    for &at in places.iter().take(CPV_PLACES) {
        let Some(b) = blocks.iter().position(|block| {
            let span = block.span();
            span.start <= at && at < span.end
        }) else {
            continue;
        };
        let block = &blocks[b];
        let mut end = block.span().end;
        for next in &blocks[b + 1..] {
            let span = next.span();
            if span.start < end || end - at >= CPV_WINDOW || !continues_codes(text, next) {
                break;
            }
            end = span.end;
        }
        let window = &text[at..end.min(at + CPV_WINDOW)];
        for code in eight_digit_runs(window) {
            if let Some(kind) = cpv.kind(code) {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
    }
    kinds
}

/// A block after the one naming "CPV" still holds its codes: a list item, a
/// table cell, or a line that begins with a code.
fn continues_codes(text: &[u8], block: &crate::document::Block) -> bool {
    match block.kind {
        BlockKind::ListItem | BlockKind::TableCell => true,
        BlockKind::Heading => false,
        BlockKind::Paragraph => {
            let span = block.span();
            let head = &text[span.start..span.end.min(span.start + 8)];
            head.len() == 8 && head.iter().all(u8::is_ascii_digit)
        }
    }
}

/// The runs of exactly eight ASCII digits in `window`.
fn eight_digit_runs(window: &[u8]) -> impl Iterator<Item = &str> {
    window
        .split(|b| !b.is_ascii_digit())
        .filter(|run| run.len() == 8)
        .filter_map(|run| std::str::from_utf8(run).ok())
}

fn contract_value(a: &Analysis<'_>, scope: &Scope) -> Option<f64> {
    (0..a.sentences.len())
        .filter_map(|s| value_named(a, s, scope.value, scope.value_base).map(|at| (s, at)))
        .flat_map(|(s, at)| {
            let limits: Vec<Span> = scope
                .value_limit
                .map(|l| a.hits_in(s, l).collect())
                .unwrap_or_default();
            let mut amounts = a.scan(a.sentences[s].span, amount);
            // Not a limit: "understiger 100 000 kronor", "dock högst 3 000 000 kronor".
            amounts.retain(|(span, _)| {
                span.start >= at
                    && !limits
                        .iter()
                        .any(|l| l.end <= span.start && span.start - l.end <= 2)
            });
            amounts.extend(value_cell(a, s));
            amounts
        })
        .filter_map(|(_, amount)| match amount.money {
            Money::Sek(n) => Some(n),
            _ => None,
        })
        .reduce(f64::max)
}

/// Where sentence `s` first names the contract's value: a value word that
/// no base word stands shortly before ("två procent av det totala
/// kontraktsvärdet").
fn value_named(a: &Analysis<'_>, s: usize, value: SetId, base: Option<SetId>) -> Option<usize> {
    /// The most bytes of words ("det totala ") between a base and the value word.
    const GAP: usize = 24;
    let bases: Vec<Span> = base.map(|b| a.hits_in(s, b).collect()).unwrap_or_default();
    a.hits_in(s, value)
        .find(|v| {
            !bases
                .iter()
                .any(|b| b.end <= v.start && v.start - b.end <= GAP)
        })
        .map(|v| v.start)
}

/// The amounts in the table cell after sentence `s` when `s` is a cell: the
/// value beside its label ("| Contract Sum | SEK 18,400,000 |").
fn value_cell(a: &Analysis<'_>, s: usize) -> Vec<(Span, Amount)> {
    let blocks = &a.doc.blocks;
    let b = a.sentences[s].block;
    let cell = |b: usize| {
        blocks
            .get(b)
            .is_some_and(|x| x.kind == BlockKind::TableCell)
    };
    if !(cell(b) && cell(b + 1)) {
        return Vec::new();
    }
    let span = blocks[b + 1].span();
    // The folded text turns a no-break space into a space; this cell is
    // read raw, so it does so itself ("18\u{a0}400\u{a0}000\u{a0}kr").
    let text = a.doc.text[span.start..span.end]
        .to_lowercase()
        .replace('\u{a0}', " ");
    scan(&text, amount)
}

/// The contract period in months, with options when the profile counts them.
fn duration_months(a: &Analysis<'_>, p: &Profile) -> Option<f64> {
    let first_in = |set: SetId| {
        (0..a.sentences.len())
            .filter(|&s| a.has(s, set))
            .find_map(|s| {
                a.scan(a.sentences[s].span, duration)
                    .first()
                    .map(|(_, d)| d.months())
            })
    };
    let base = first_in(p.scope.contract_period)?;
    let options = if p.parameters.duration_includes_options {
        (0..a.sentences.len())
            .filter(|&s| a.has(s, p.scope.options) && !a.has(s, p.scope.contract_period))
            .flat_map(|s| a.scan(a.sentences[s].span, duration))
            .map(|(_, d)| d.months())
            .sum()
    } else {
        0.0
    };
    Some(base + options)
}

/// Whether the contract falls below a threshold, and what the report says.
fn thresholds(a: &Analysis<'_>, p: &Profile, value: Option<f64>) -> (bool, Message) {
    let params = &p.parameters;
    let months = duration_months(a, p);
    if let Some(m) = months.filter(|&m| m < params.min_duration_months) {
        let message = Message::new("below_duration")
            .with("months", m)
            .with("min", params.min_duration_months);
        return (true, message);
    }
    if let Some(v) = value.filter(|&v| v < params.min_value_sek) {
        let message = Message::new("below_value")
            .with("value", v)
            .with("min", params.min_value_sek);
        return (true, message);
    }
    let key = if months.is_some() && value.is_some() {
        "thresholds_met"
    } else {
        "thresholds_unknown"
    };
    (false, Message::new(key))
}
