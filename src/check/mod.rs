//! The checking core: (document, profile) → statuses with locations. Pure: no
//! I/O and no printing, so it runs in parallel and is easy to test. It says
//! what it found in no language: a catalogue's key with its values
//! (`model::message`), which the renderers put into words.

mod clause;
mod evaluate;
mod locate;
pub mod register;
mod scope;

use crate::analysis::Analysis;
use crate::document::Document;
use crate::model::lang::Lang;
use crate::model::message::Message;
use crate::model::vocab::{ContractType, Status};
use crate::profile::{Profile, Requirement};
use crate::report::{RequirementResult, ScopeResult};
use clause::Clause;
use evaluate::{evaluate, Ctx, Outcome};
use locate::Locator;

#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// Overrides what the text says about the kind of contract.
    pub contract_type: Option<ContractType>,
    /// Analyse every block, not only those the pre-filter finds relevant:
    /// the same results, slower. For tests and benchmarks.
    pub everything: bool,
}

#[derive(Debug, Clone)]
pub struct Checked {
    pub scope: ScopeResult,
    pub requirements: Vec<RequirementResult>,
}

#[must_use]
pub fn check(doc: &Document, profile: &Profile, options: &CheckOptions) -> Checked {
    let a = if options.everything {
        Analysis::everything(doc, profile)
    } else {
        Analysis::new(doc, profile)
    };
    let clause = Clause::find(&a, profile);
    let facts = scope::decide(&a, profile, options.contract_type);
    let ctx = Ctx {
        a: &a,
        p: profile,
        clause: &clause,
        contract_value: facts.contract_value,
    };
    let locator = Locator::new(doc);
    let requirements = profile
        .requirements()
        .map(|r| {
            let outcome = if facts.result.applies {
                evaluate(&ctx, r).unwrap_or_else(|| missing(r))
            } else {
                Outcome {
                    status: Status::NotApplicable,
                    message: facts.result.why.clone(),
                    spans: Vec::new(),
                }
            };
            result(&ctx, &locator, r, outcome)
        })
        .collect();
    Checked {
        scope: facts.result,
        requirements,
    }
}

/// A missing requirement; `result` points it where it belongs: the clause's
/// heading, or the start of the document when there is no clause.
fn missing(r: &Requirement) -> Outcome {
    Outcome {
        status: Status::Missing,
        message: Message::new("missing").with("summary", &r.summary),
        spans: Vec::new(),
    }
}

fn result(
    ctx: &Ctx<'_>,
    locator: &Locator<'_>,
    r: &Requirement,
    outcome: Outcome,
) -> RequirementResult {
    let mut spans: Vec<_> = outcome.spans.iter().map(|&s| ctx.a.original(s)).collect();
    if outcome.status == Status::Missing {
        let anchor = ctx
            .clause
            .anchor(ctx.a)
            .or_else(|| ctx.a.doc.blocks.first().map(crate::document::Block::span))
            .map(|span| opening(&ctx.a.doc.text, span));
        spans.extend(anchor);
    }
    RequirementResult {
        id: r.id.clone(),
        name: r.name.clone(),
        status: outcome.status,
        severity: r.severity,
        why: outcome.message,
        // Put into words, with `help`, for the report's language.
        message: String::new(),
        help: String::new(),
        locations: spans.into_iter().map(|s| locator.locate(s)).collect(),
        suppressed: None,
        baselined: false,
    }
}

/// Longest place a missing requirement points at: the start of a document
/// with no clause heading can be one enormous line.
const MAX_ANCHOR: usize = 120;

/// The first words of `span`, up to `MAX_ANCHOR` bytes, ending at a space.
fn opening(text: &str, span: crate::model::span::Span) -> crate::model::span::Span {
    if span.end - span.start <= MAX_ANCHOR {
        return span;
    }
    let window =
        &text[span.start..crate::model::span::floor_char_boundary(text, span.start + MAX_ANCHOR)];
    let end = window.rfind(' ').filter(|&i| i > 0).unwrap_or(window.len());
    crate::model::span::Span::new(span.start, span.start + end)
}

/// The requirement's suggested wording with the profile's parameters filled in.
#[must_use]
pub fn suggestion(p: &Profile, r: &Requirement, lang: Lang) -> String {
    p.suggestion(r).get(lang).to_owned()
}
