//! Judges one requirement on a document's shared analysis, by its kind of check.
//! Every judgement names the words it rests on.

mod citation;
mod deadline;
mod duty;
mod provision;
mod sanction;

use super::clause::{Clause, Tie};
use crate::analysis::modality;
use crate::analysis::Analysis;
use crate::model::message::Message;
use crate::model::span::Span;
use crate::model::vocab::Status;
use crate::profile::{CheckKind, Profile, Requirement};
use citation::{current_law, grounds};
use duty::duty;
use sanction::sanction;

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
        CheckKind::Grounds => grounds(ctx, r),
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
