//! Checks many inputs in parallel and assembles the report in input order, so
//! the output is the same whatever the thread count. Each input is a task of
//! its own: read, hashed, checked, and its bytes let go, so a worker holds
//! one input's bytes at a time.

pub mod clock;
mod sheets;
pub mod skipped;

use rayon::prelude::*;

use crate::check::{check, CheckOptions};
use crate::document::Document;
use crate::input::{load, load_bytes, Content, Input, InputError, Loaded};
use crate::model::column::SheetKind;
use crate::model::lang::Lang;
use crate::model::limits::Limits;
use crate::model::vocab::{ContractType, Severity, Verdict};
use crate::profile::Profile;
use crate::render::localise::Localiser;
use crate::report::{DocumentReport, ProfileRef, Report};
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
    /// The language the report is put into words in.
    pub lang: Lang,
    pub fail_on: Option<Severity>,
    pub limits: Limits,
    /// The contract type to assume for an input, from the command line or the
    /// configuration's globs; `None` reads it from the text.
    pub contract_type: &'a (dyn Fn(&Input) -> Option<ContractType> + Sync),
    pub suppressions: Option<&'a SuppressionFile>,
    /// Whether a `klausul-ignore` written inside a document applies; when it
    /// does not, each one found is named in a note.
    pub inline_suppressions: bool,
    /// What every sheet is, when the user says so (`--sheet-kind`).
    pub sheet_kind: Option<SheetKind>,
    /// Spreadsheet columns by role: (role key, header text).
    pub columns: Vec<(String, String)>,
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
            inline_suppressions: true,
            sheet_kind: None,
            columns: Vec::new(),
        }
    }
}

/// Checks one input: reads it, hashes its bytes, and checks what it holds.
/// Only this input's bytes are held meanwhile.
#[must_use]
pub fn check_one(input: &Input, plan: &Plan<'_>) -> Outcome {
    checked(input, load(input, plan.limits), plan)
}

/// Checks bytes already in memory (an upload) as the file `name`, without
/// touching the disk; see `input::load_bytes`.
#[must_use]
pub fn check_bytes(name: &std::path::Path, bytes: Vec<u8>, plan: &Plan<'_>) -> Outcome {
    let input = Input::File(name.to_path_buf());
    checked(&input, load_bytes(name, bytes, plan.limits), plan)
}

fn checked(input: &Input, loaded: Result<Loaded, InputError>, plan: &Plan<'_>) -> Outcome {
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(error) => return failed(input, error, plan.lang),
    };
    let sha256 = loaded.sha256;
    let format = loaded.format;
    let (mut report, inline) = match loaded.content {
        Content::Document(doc) => (
            check_document(input, &doc, plan, "document"),
            suppressions_in(&doc),
        ),
        content @ (Content::Workbook(_) | Content::Stream(_)) => {
            match sheets::check_workbook(input, &mut *content.into_pieces(), format, plan) {
                Ok(report) => (report, Vec::new()),
                Err(problem) => {
                    let error = InputError::Read {
                        path: input.name(),
                        help: problem.help(),
                        problem,
                    };
                    return failed(input, error, plan.lang);
                }
            }
        }
    };
    report.format = Some(format);
    report.sha256 = Some(sha256);
    let filed = plan
        .suppressions
        .zip(report.sha256.clone())
        .map(|(file, hash)| file.for_document(&hash).cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    let (inline, refused) = if plan.inline_suppressions {
        (inline, Vec::new())
    } else {
        (Vec::new(), suppress::refused(&inline))
    };
    let warnings = suppress::apply(&mut report, &inline, filed.iter());
    report.notes.extend(refused);
    report.notes.extend(warnings);
    report.judge(plan.fail_on);
    Localiser::new(plan.profile, plan.lang).document(&mut report);
    Outcome {
        report,
        error: None,
    }
}

fn failed(input: &Input, error: InputError, lang: Lang) -> Outcome {
    Outcome {
        report: DocumentReport::unreadable(input.name(), error.describe(lang)),
        error: Some(error),
    }
}

/// Text and Markdown carry a suppression of their own in a line, Word in a
/// reviewer's comment.
fn suppressions_in(doc: &Document) -> Vec<suppress::Inline> {
    match doc.format {
        Format::Text | Format::Markdown => suppress::inline(&doc.text),
        Format::Docx => suppress::in_comments(&doc.comments, crate::annotate::AUTHOR),
        _ => Vec::new(),
    }
}

/// Checks a document (or a catalogue read as one) against the profile.
fn check_document(
    input: &Input,
    doc: &Document,
    plan: &Plan<'_>,
    kind: &'static str,
) -> DocumentReport {
    let options = CheckOptions {
        contract_type: (plan.contract_type)(input),
        everything: false,
    };
    let checked = check(doc, plan.profile, &options);
    DocumentReport {
        path: input.name(),
        kind,
        format: Some(doc.format),
        sha256: None,
        scope: Some(checked.scope),
        verdict: Verdict::Pass,
        requirements: checked.requirements,
        rows: Vec::new(),
        register: None,
        error: None,
        notes: Vec::new(),
        warnings: Vec::new(),
    }
}

/// Inputs checked at once. Only one batch of outcomes is held, so memory does
/// not grow with the number of inputs; a batch is large enough to keep every
/// core busy.
const BATCH: usize = 64;

/// Batches checked but not yet handed on: the next batch is checked while
/// this thread hands on the last one, and memory stays bounded.
const BATCHES_AHEAD: usize = 1;

/// Checks every input in parallel and hands each outcome to `sink` in input
/// order, one batch at a time, on this thread.
pub fn check_each(inputs: &[Input], plan: &Plan<'_>, mut sink: impl FnMut(Outcome)) {
    let (done, batches) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(BATCHES_AHEAD);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for batch in inputs.chunks(BATCH) {
                let outcomes = batch.par_iter().map(|i| check_one(i, plan)).collect();
                if done.send(outcomes).is_err() {
                    break;
                }
            }
        });
        // This thread would only wait for the first batch: it builds the
        // profile's pre-filter meanwhile, while the workers read the first
        // files, so a run of one file does not pay for it before its analysis.
        let _ = plan.profile.prefilter();
        for outcomes in batches {
            outcomes.into_iter().for_each(&mut sink);
        }
    });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::sha256_hex;

    #[test]
    fn each_input_keeps_its_own_hash_and_error_in_input_order() {
        // More inputs than a batch, with a broken input in the first batch
        // and an empty one in the second.
        let texts: Vec<Vec<u8>> = (0..BATCH + 6)
            .map(|i| format!("Leverantören ska följa avsnitt {i:02}.\n").into_bytes())
            .collect();
        let mut inputs: Vec<Input> = texts.iter().cloned().map(Input::Stdin).collect();
        inputs[5] = Input::Broken("trasig.md".into(), "permission denied".into());
        inputs[BATCH + 3] = Input::Stdin(b"  \n".to_vec());
        let profile = Profile::stockholm();
        let (report, errors) = check_all(&inputs, &Plan::new(&profile, Lang::Sv, None));
        assert_eq!(report.documents.len(), BATCH + 6);
        assert_eq!(errors.len(), 2);
        for (i, doc) in report.documents.iter().enumerate() {
            let failed = i == 5 || i == BATCH + 3;
            match i {
                5 => assert_eq!(doc.path, "trasig.md"),
                _ if failed => assert_eq!(doc.path, "-"),
                _ => assert_eq!(
                    doc.sha256.as_deref(),
                    Some(sha256_hex(&[&texts[i]]).as_str())
                ),
            }
            assert_eq!(doc.sha256.is_none(), failed, "input {i}");
        }
    }
}
