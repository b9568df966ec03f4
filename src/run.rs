//! Checks many inputs in parallel and assembles the report in input order, so
//! the output is the same whatever the thread count.

use rayon::prelude::*;

use crate::check::{check, CheckOptions};
use crate::input::{load, Input, InputError};
use crate::profile::Profile;
use crate::report::{DocumentReport, ProfileRef, Report, Severity, Verdict};

/// One checked input: its report entry, and its error for the diagnostics.
pub struct Outcome {
    pub report: DocumentReport,
    pub error: Option<InputError>,
}

#[must_use]
pub fn check_one(
    input: &Input,
    profile: &Profile,
    options: &CheckOptions,
    fail_on: Option<Severity>,
) -> Outcome {
    match load(input) {
        Ok(loaded) => {
            let checked = check(&loaded.document, profile, options);
            let mut report = DocumentReport {
                path: input.name(),
                kind: "document",
                format: Some(loaded.document.format),
                sha256: Some(loaded.sha256),
                scope: Some(checked.scope),
                verdict: Verdict::Pass,
                requirements: checked.requirements,
                error: None,
            };
            report.judge(fail_on);
            Outcome {
                report,
                error: None,
            }
        }
        Err(error) => Outcome {
            report: DocumentReport {
                path: input.name(),
                kind: "document",
                format: None,
                sha256: None,
                scope: None,
                verdict: Verdict::Error,
                requirements: Vec::new(),
                error: Some(error.to_string()),
            },
            error: Some(error),
        },
    }
}

/// Inputs checked at once. Only one batch of outcomes is held, so memory does
/// not grow with the number of inputs; a batch is large enough to keep every
/// core busy.
const BATCH: usize = 64;

/// Checks every input in parallel and hands each outcome to `sink` in input
/// order, one batch at a time.
pub fn check_each(
    inputs: &[Input],
    profile: &Profile,
    options: &CheckOptions,
    fail_on: Option<Severity>,
    mut sink: impl FnMut(Outcome),
) {
    for batch in inputs.chunks(BATCH) {
        let outcomes: Vec<Outcome> = batch
            .par_iter()
            .map(|i| check_one(i, profile, options, fail_on))
            .collect();
        outcomes.into_iter().for_each(&mut sink);
    }
}

/// The profile as the report names it.
#[must_use]
pub fn profile_ref(profile: &Profile) -> ProfileRef {
    ProfileRef {
        id: profile.id.clone(),
        version: profile.version.clone(),
        sha256: profile.sha256.clone(),
    }
}

/// Checks every input and keeps the whole report; the documents keep the
/// inputs' order.
#[must_use]
pub fn check_all(
    inputs: &[Input],
    profile: &Profile,
    options: &CheckOptions,
    fail_on: Option<Severity>,
) -> (Report, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut documents = Vec::with_capacity(inputs.len());
    check_each(inputs, profile, options, fail_on, |o| {
        errors.extend(o.error);
        documents.push(o.report);
    });
    (Report::new(profile_ref(profile), documents), errors)
}
