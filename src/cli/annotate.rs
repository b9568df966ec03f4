//! `klausul annotate`: checks Word documents and writes each one's copy with
//! the findings as comments (and, with `--track-changes`, the safe fixes as
//! tracked revisions). Here: which copy goes where, refusing to write over
//! an input, writing atomically, and the exit status, which is `check`'s.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use klausul::annotate::{annotate, without_own, Annotated, Options, Stamp};
use klausul::document::read_docx;
use klausul::input::Input;
use klausul::model::lang::Lang;
use klausul::model::vocab::Verdict;
use klausul::profile::Profile;
use klausul::run::{check_one, Outcome, Plan};
use klausul::source::Format;

use super::args::{AnnotateArgs, CheckArgs};
use super::diagnostic::{report_error, report_input_error, say, warn, Refusal};
use super::guard::Identities;
use super::load_config;

use klausul::annotate::AUTHOR;

pub fn run(args: &AnnotateArgs, named: Option<&Path>) -> ExitCode {
    let check = CheckArgs {
        paths: args.paths.clone(),
        profile: args.profile.clone(),
        lang: args.lang,
        fail_on: args.fail_on,
        no_inline_suppressions: args.no_inline_suppressions,
        ..CheckArgs::default()
    };
    let Some(config) = load_config(named, &check) else {
        return ExitCode::from(2);
    };
    let lang = config.lang.value;
    let jobs = match jobs(args, lang) {
        Ok(jobs) => jobs,
        Err(refusal) => {
            report_error(&refusal);
            return ExitCode::from(2);
        }
    };
    let profile = match Profile::load(&config.profile.value) {
        Ok(p) => p,
        Err(e) => {
            report_error(&e);
            return ExitCode::from(2);
        }
    };
    let mut plan = Plan::new(&profile, lang, config.fail_on.value);
    plan.limits = config.limits.value;
    plan.inline_suppressions = config.inline_suppressions.value;
    let options = Options {
        lang,
        stamp: Stamp {
            author: AUTHOR.to_owned(),
            date: klausul::run::clock::xsd_date_time(),
        },
        track_changes: args.track_changes,
        force: args.force,
        limits: config.limits.value,
        profile: &profile,
    };
    let inputs = Identities::of(jobs.iter().map(|(input, _)| input.as_path()));
    let mut status = 0u8;
    for (input, output) in &jobs {
        status = status.max(one(input, output, &inputs, &plan, &options));
    }
    ExitCode::from(status)
}

/// Each input with the path of its copy.
fn jobs(args: &AnnotateArgs, lang: Lang) -> Result<Vec<(PathBuf, PathBuf)>, Refusal> {
    match (&args.output, &args.output_dir) {
        (Some(out), None) if args.paths.len() == 1 && !args.paths[0].is_dir() => {
            Ok(vec![(args.paths[0].clone(), out.clone())])
        }
        (Some(_), None) => Err(Refusal::new(
            "klausul::usage",
            lang,
            "annotate_one_output",
            None,
            &[],
        )),
        (None, Some(dir)) => Ok(args.paths.iter().flat_map(|p| under(p, dir)).collect()),
        _ => Err(Refusal::new(
            "klausul::usage",
            lang,
            "annotate_no_output",
            None,
            &[],
        )),
    }
}

/// A file given goes into `dir` by its name; a folder's Word files keep
/// their path below the folder, so two `avtal.docx` do not collide.
fn under(path: &Path, dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    if !path.is_dir() {
        let name = path
            .file_name()
            .map_or_else(|| PathBuf::from("out.docx"), PathBuf::from);
        return vec![(path.to_path_buf(), dir.join(name))];
    }
    let mut found: Vec<(PathBuf, PathBuf)> = walkdir::WalkDir::new(path)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("docx"))
        })
        .filter_map(|e| {
            let rel = e.path().strip_prefix(path).ok()?.to_path_buf();
            Some((e.path().to_path_buf(), dir.join(rel)))
        })
        .collect();
    found.sort();
    found
}

/// Annotates one input; its exit status.
fn one(
    input: &Path,
    output: &Path,
    inputs: &Identities,
    plan: &Plan<'_>,
    options: &Options<'_>,
) -> u8 {
    let lang = options.lang;
    let shown = output.display().to_string();
    if inputs.holds(output) {
        let refusal = Refusal::new(
            "klausul::output_is_input",
            lang,
            "output_is_input",
            Some("output_is_input_help"),
            &[("path", &shown)],
        );
        report_error(&refusal);
        return 2;
    }
    let (outcome, bytes) = match checked(input, plan, options) {
        Ok(checked) => checked,
        Err(code) => return code,
    };
    let doc = match read_docx(&bytes, options.limits) {
        Ok(doc) => doc,
        Err(e) => {
            warn(&format!("{}: {e}", input.display()));
            return 2;
        }
    };
    let annotated = match annotate(&bytes, &doc, &outcome.report, options) {
        Ok(a) => a,
        Err(e) => {
            warn(&format!("{}: {}", input.display(), e.describe(lang)));
            return 2;
        }
    };
    if let Err(e) = write_atomically(output, &annotated.bytes) {
        warn(&format!("{shown}: {e}"));
        return 2;
    }
    tell(lang, input, &shown, &annotated);
    u8::from(outcome.report.verdict == Verdict::Fail)
}

/// The input checked, and its bytes without an earlier run's comments and
/// pending revisions; the exit status when it cannot be annotated.
fn checked(input: &Path, plan: &Plan<'_>, options: &Options<'_>) -> Result<(Outcome, Vec<u8>), u8> {
    let lang = options.lang;
    let mut outcome = check_one(&Input::File(input.to_path_buf()), plan);
    if let Some(e) = &outcome.error {
        report_input_error(e, lang);
        return Err(2);
    }
    let refuse = |message: &str| {
        warn(&format!("{}: {message}", input.display()));
        2
    };
    if outcome.report.format != Some(Format::Docx) {
        return Err(refuse(&say(lang, "annotate_not_docx", &[])));
    }
    let bytes = std::fs::read(input).map_err(|e| refuse(&e.to_string()))?;
    // An earlier run's comments and pending revisions are replaced, so the
    // findings are those of the text without them.
    let bytes = match without_own(&bytes, AUTHOR, options.limits) {
        Ok(None) => bytes,
        Ok(Some(clean)) => {
            outcome = check_one(&Input::Stdin(clean.clone()), plan);
            outcome.report.path = input.display().to_string();
            clean
        }
        Err(e) => return Err(refuse(&e.describe(lang))),
    };
    Ok((outcome, bytes))
}

/// Says what was written to `shown`, and that the copy of a signed
/// document is no longer validly signed.
fn tell(lang: Lang, input: &Path, shown: &str, annotated: &Annotated) {
    if annotated.signature_broken {
        let path = input.display().to_string();
        warn(&say(
            lang,
            "annotate_signature_broken",
            &[("path", &path), ("output", shown)],
        ));
    }
    let (comments, revisions) = (
        annotated.comments.to_string(),
        annotated.revisions.to_string(),
    );
    warn(&say(
        lang,
        "annotate_written",
        &[
            ("output", shown),
            ("comments", &comments),
            ("revisions", &revisions),
        ],
    ));
}

/// Writes beside the target and renames, so the target is whole or as it was.
fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".klausul-tmp");
    let temp = target.with_file_name(name);
    let result = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
