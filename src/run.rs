//! Checks many inputs in parallel and assembles the report in input order, so
//! the output is the same whatever the thread count.

use rayon::prelude::*;

use crate::check::{check, CheckOptions};
use crate::input::{load, Input, InputError};
use crate::lang::Lang;
use crate::limits::Limits;
use crate::profile::Profile;
use crate::report::{ContractType, DocumentReport, ProfileRef, Report, Severity, Verdict};
use crate::source::Format;
use crate::suppress::{self, SuppressionFile};

/// One checked input: its report entry, and its error for the diagnostics.
pub struct Outcome {
    pub report: DocumentReport,
    pub error: Option<InputError>,
}

/// Everything a run applies to each input besides the input itself.
pub struct Plan<'a> {
    pub profile: &'a Profile,
    pub lang: Lang,
    pub fail_on: Option<Severity>,
    pub limits: Limits,
    /// The contract type to assume for an input, from the command line or the
    /// configuration's globs; `None` reads it from the text.
    pub contract_type: &'a (dyn Fn(&Input) -> Option<ContractType> + Sync),
    pub suppressions: Option<&'a SuppressionFile>,
}

impl<'a> Plan<'a> {
    /// A plan with the defaults: no contract type given, no suppression file.
    #[must_use]
    pub fn new(profile: &'a Profile, lang: Lang, fail_on: Option<Severity>) -> Self {
        Self {
            profile,
            lang,
            fail_on,
            limits: Limits::default(),
            contract_type: &|_| None,
            suppressions: None,
        }
    }
}

#[must_use]
pub fn check_one(input: &Input, plan: &Plan<'_>) -> Outcome {
    let loaded = match load(input, plan.limits) {
        Ok(loaded) => loaded,
        Err(error) => {
            return Outcome {
                report: DocumentReport::unreadable(input.name(), error.to_string()),
                error: Some(error),
            }
        }
    };
    let options = CheckOptions {
        lang: plan.lang,
        contract_type: (plan.contract_type)(input),
    };
    let checked = check(&loaded.document, plan.profile, &options);
    let mut report = DocumentReport {
        path: input.name(),
        kind: "document",
        format: Some(loaded.document.format),
        sha256: Some(loaded.sha256),
        scope: Some(checked.scope),
        verdict: Verdict::Pass,
        requirements: checked.requirements,
        error: None,
        warnings: Vec::new(),
    };
    // Only text and Markdown can carry a suppression of their own.
    let written = match loaded.document.format {
        Format::Text | Format::Markdown => suppress::inline(&loaded.document.text),
        _ => Vec::new(),
    };
    let filed = plan
        .suppressions
        .zip(report.sha256.clone())
        .map(|(file, hash)| file.for_document(&hash).cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    report.warnings = suppress::apply(&mut report, &written, filed.iter());
    report.judge(plan.fail_on);
    Outcome {
        report,
        error: None,
    }
}

/// Inputs checked at once. Only one batch of outcomes is held, so memory does
/// not grow with the number of inputs; a batch is large enough to keep every
/// core busy.
const BATCH: usize = 64;

/// Checks every input in parallel and hands each outcome to `sink` in input
/// order, one batch at a time.
pub fn check_each(inputs: &[Input], plan: &Plan<'_>, mut sink: impl FnMut(Outcome)) {
    for batch in inputs.chunks(BATCH) {
        let outcomes: Vec<Outcome> = batch.par_iter().map(|i| check_one(i, plan)).collect();
        outcomes.into_iter().for_each(&mut sink);
    }
}

/// Checks every input and keeps the whole report; the documents keep the
/// inputs' order.
#[must_use]
pub fn check_all(inputs: &[Input], plan: &Plan<'_>) -> (Report, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut documents = Vec::with_capacity(inputs.len());
    check_each(inputs, plan, |o| {
        errors.extend(o.error);
        documents.push(o.report);
    });
    (Report::new(ProfileRef::of(plan.profile), documents), errors)
}
