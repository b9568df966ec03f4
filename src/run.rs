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

/// Checks every input; the documents keep the inputs' order.
#[must_use]
pub fn check_all(
    inputs: &[Input],
    profile: &Profile,
    options: &CheckOptions,
    fail_on: Option<Severity>,
) -> (Report, Vec<InputError>) {
    let outcomes: Vec<Outcome> = inputs
        .par_iter()
        .map(|i| check_one(i, profile, options, fail_on))
        .collect();
    let mut errors = Vec::new();
    let mut documents = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        errors.extend(o.error);
        documents.push(o.report);
    }
    let profile_ref = ProfileRef {
        id: profile.id.clone(),
        version: profile.version.clone(),
        sha256: profile.sha256.clone(),
    };
    (Report::new(profile_ref, documents), errors)
}
