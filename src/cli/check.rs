//! `klausul check`: the configuration, then the inputs (walked, filtered by the
//! configuration's globs and by `--changed-since`), then every output fed a
//! document at a time, then the baseline and the exit status.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use klausul::baseline::{self, Baseline};
use klausul::config::{Config, Origin};
use klausul::input::Input;
use klausul::model::column::SheetKind;
use klausul::model::output::OutputFormat;
use klausul::model::vocab::ContractType;
use klausul::profile::{Profile, ProfileError, BUILTIN};
use klausul::render::matrix::CsvStyle;
use klausul::render::{Context, RunInfo, Style};
use klausul::report::skipped::Skips;
use klausul::report::Summary;
use klausul::run::{check_each, Plan};
use klausul::suppress::SuppressionFile;

use super::args::{CheckArgs, CsvDelimiter};
use super::diagnostic::{report_error, report_input_error, say, warn, Refusal};
use super::inputs::{configured_type, from_here, inputs, Relative};
use super::outputs::{run_time, write_atomically, Outputs};
use super::targets::allowed;
use super::{color, load_config, width};

/// What a run needs before the first document is read.
struct Setup {
    config: Config,
    profile: Profile,
    suppressions: Option<SuppressionFile>,
    baseline: Option<baseline::Matcher>,
    inputs: Vec<Input>,
    /// How many inputs the paths held before the globs and `--changed-since`
    /// kept some of them.
    found: usize,
    /// What the folder walks did not check.
    skips: Skips,
}

fn setup(args: &CheckArgs, config_arg: Option<&Path>) -> Option<Setup> {
    let config = load_config(config_arg, args)?;
    // The profile is compiled while the inputs are listed: a folder of
    // thousands of files takes about as long to walk.
    let (profile, inputs) = std::thread::scope(|s| {
        let profile = s.spawn(|| load_profile(&config));
        let inputs = inputs(args, &config);
        (profile.join(), inputs)
    });
    // Reported on this thread, after the inputs are listed.
    let profile = match profile {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => {
            report_error(&e);
            return None;
        }
        Err(panic) => std::panic::resume_unwind(panic),
    };
    let suppressions = match &config.suppressions.value {
        Some(path) => match SuppressionFile::load(path) {
            Ok(s) => Some(s),
            Err(e) => {
                report_error(&e);
                return None;
            }
        },
        None => None,
    };
    let baseline = match &args.baseline {
        Some(path) => match Baseline::load(path) {
            Ok(b) => Some(baseline::Matcher::new(b)),
            Err(e) => {
                warn(&format!("error: baseline {}: {e}", path.display()));
                return None;
            }
        },
        None => None,
    };
    let (inputs, found, skips) = inputs?;
    Some(Setup {
        config,
        profile,
        suppressions,
        baseline,
        inputs,
        found,
        skips,
    })
}

pub fn run(args: &CheckArgs, config_arg: Option<&Path>) -> ExitCode {
    let Some(mut setup) = setup(args, config_arg) else {
        return ExitCode::from(2);
    };
    if !enough_inputs(args, &setup) {
        return ExitCode::from(2);
    }
    let (files, write_baseline, refused) = allowed(args, &setup.config, &setup.inputs);
    let strict_refused = strict_refusal(args, &setup);
    let run = RunInfo {
        time: run_time(),
        csv: CsvStyle {
            delimiter: args.filing.csv_delimiter.map(CsvDelimiter::char),
            bom: args.filing.csv_bom,
        },
        skipped: std::mem::take(&mut setup.skips.listed),
        skipped_other: setup.skips.others,
    };
    let mut matcher = setup.baseline.take();
    let mut outputs = outputs(args, &setup.config, &setup.profile, &files, &run);
    outputs.head();
    let (summary, recorded) = check_inputs(
        args,
        &setup,
        &mut matcher,
        &run,
        &mut outputs,
        write_baseline,
    );
    let baseline = args.write_baseline.as_deref().filter(|_| write_baseline);
    let code = finish(baseline, outputs, &summary, recorded);
    if refused || strict_refused {
        ExitCode::from(2)
    } else {
        code
    }
}

/// Checks every input and feeds each document to the outputs as it is done:
/// errors and warnings said, the baseline applied. The summary, and the
/// baseline's entries when one is to be written (`record`).
fn check_inputs(
    args: &CheckArgs,
    setup: &Setup,
    matcher: &mut Option<baseline::Matcher>,
    run: &RunInfo,
    outputs: &mut Outputs<'_>,
    record: bool,
) -> (Summary, Vec<baseline::Entry>) {
    let config = &setup.config;
    let relative = Relative::new(config);
    let contract_type = |input: &Input| {
        args.contract_type
            .or_else(|| configured_type(config, &relative, input))
    };
    let plan = plan(
        args,
        config,
        &setup.profile,
        &contract_type,
        setup.suppressions.as_ref(),
    );
    let mut summary = Summary {
        skipped: run.skipped.len(),
        skipped_other: run.skipped_other,
        ..Summary::default()
    };
    let (mut recorded, mut seen_hashes) = (Vec::new(), Vec::new());
    let progress = progress(setup.inputs.len());
    check_each(&setup.inputs, &plan, |mut outcome| {
        progress.inc(1);
        if let Some(e) = &outcome.error {
            report_input_error(e, plan.lang);
        }
        let doc = &mut outcome.report;
        for w in &doc.warnings {
            warn(&format!("warning: {}: {w}", doc.path));
        }
        if record {
            recorded.extend(baseline::entries_of(doc));
        }
        if let Some(b) = matcher.as_mut() {
            b.apply(doc);
            doc.judge(plan.fail_on);
        }
        seen_hashes.extend(doc.sha256.clone());
        summary.add(doc);
        outputs.document(doc);
    });
    progress.finish_and_clear();
    warn_unused(setup, matcher.as_ref(), args, &seen_hashes);
    (summary, recorded)
}

/// What each input is checked with: the profile, the configuration's
/// settings, and the command line's for spreadsheets.
fn plan<'a>(
    args: &CheckArgs,
    config: &Config,
    profile: &'a Profile,
    contract_type: &'a (dyn Fn(&Input) -> Option<ContractType> + Sync),
    suppressions: Option<&'a SuppressionFile>,
) -> Plan<'a> {
    Plan {
        profile,
        lang: config.lang.value,
        fail_on: config.fail_on.value,
        limits: config.limits.value,
        contract_type,
        suppressions,
        inline_suppressions: config.inline_suppressions.value,
        sheet_kind: args.sheet_kind.map(SheetKind::from),
        columns: columns(config, args),
    }
}

/// With `--strict`, a document-like file the walk skipped is an input
/// error: said here, and the run goes on to report, then exits 2.
fn strict_refusal(args: &CheckArgs, setup: &Setup) -> bool {
    let count = setup
        .skips
        .listed
        .iter()
        .filter(|s| s.reason.document_like())
        .count();
    if !args.filing.strict || count == 0 {
        return false;
    }
    report_error(&Refusal::new(
        "klausul::input::skipped",
        setup.config.lang.value,
        "skipped_strict",
        None,
        &[("count", &count.to_string())],
    ));
    true
}

/// Whether the run has something to check. A gate must never pass on
/// nothing: no input is an error unless `--allow-empty` says it may pass,
/// or `--changed-since` found no changed document (a pull request that
/// touches no tender passes, with a note).
fn enough_inputs(args: &CheckArgs, setup: &Setup) -> bool {
    if !setup.inputs.is_empty() || args.allow_empty {
        return true;
    }
    let lang = setup.config.lang.value;
    if let Some(rev) = &args.changed_since {
        warn(&format!(
            "note: {}",
            say(lang, "no_changed", &[("rev", rev)])
        ));
        return true;
    }
    let paths = if args.paths.is_empty() {
        from_here(&setup.config.root).display().to_string()
    } else {
        let shown: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        shown.join(", ")
    };
    let found = setup.found.to_string();
    let key = if setup.found == 0 {
        "no_inputs"
    } else {
        "no_inputs_filtered"
    };
    report_error(&Refusal::new(
        "klausul::input::none",
        lang,
        key,
        Some("no_inputs_help"),
        &[("paths", &paths), ("found", &found)],
    ));
    false
}

/// Spreadsheet columns by role: the configuration's, then the command line's.
fn columns(config: &Config, args: &CheckArgs) -> Vec<(String, String)> {
    config
        .columns
        .iter()
        .map(|(role, header, _)| (role.clone(), header.clone()))
        .chain(args.columns.iter().flatten().cloned())
        .collect()
}

/// Standard output in the format asked for, and the report files allowed.
fn outputs<'p>(
    args: &CheckArgs,
    config: &Config,
    profile: &'p Profile,
    files: &[(OutputFormat, PathBuf)],
    run: &'p RunInfo,
) -> Outputs<'p> {
    let ctx = Context {
        profile,
        style: Style {
            color: color(),
            width: width(),
            lang: config.lang.value,
        },
        fail_on: config.fail_on.value,
        run,
    };
    Outputs::new(args.format, files, ctx)
}

/// Ends the outputs, writes the baseline asked for, and says how the run
/// ended: 2 if anything could not be written.
fn finish(
    write_baseline: Option<&Path>,
    outputs: Outputs<'_>,
    summary: &Summary,
    recorded: Vec<baseline::Entry>,
) -> ExitCode {
    let mut failed = outputs.finish(summary);
    if let Some(path) = write_baseline {
        let b = Baseline {
            schema: baseline::SCHEMA.to_owned(),
            entries: recorded,
        };
        if let Err(e) = write_atomically(path, &b.to_json()) {
            failed.push(format!("cannot write {}: {e}", path.display()));
        }
    }
    for f in &failed {
        warn(&format!("error: {f}"));
    }
    if failed.is_empty() {
        ExitCode::from(summary.exit_code())
    } else {
        ExitCode::from(2)
    }
}

/// A progress bar on stderr for runs over many files, shown only when stderr
/// is a terminal (never in CI logs or redirected output).
fn progress(files: usize) -> indicatif::ProgressBar {
    if files < 20 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// Stale baseline entries, and suppression-file entries whose document was
/// not among those checked (unless only changed files were checked).
fn warn_unused(
    setup: &Setup,
    matcher: Option<&baseline::Matcher>,
    args: &CheckArgs,
    seen_hashes: &[String],
) {
    if let Some(b) = matcher {
        for e in b.stale() {
            warn(&format!(
                "warning: {}: the baseline's {} ({}) no longer matches; it is stale",
                e.path, e.requirement, e.status
            ));
        }
    }
    let Some(s) = setup
        .suppressions
        .as_ref()
        .filter(|_| args.changed_since.is_none())
    else {
        return;
    };
    let seen: std::collections::HashSet<&String> = seen_hashes.iter().collect();
    for e in s.entries.iter().filter(|e| !seen.contains(&e.sha256)) {
        warn(&format!(
            "warning: {}:{}: no checked document has sha256 {} ({}); the suppression is unused",
            s.path.display(),
            e.line,
            e.sha256,
            e.document.as_deref().unwrap_or("no document named")
        ));
    }
}

fn load_profile(config: &Config) -> Result<Profile, ProfileError> {
    let name = &config.profile.value;
    // A path in the configuration file is relative to that file.
    let resolved = match &config.profile.origin {
        Origin::File(..) if !BUILTIN.iter().any(|(id, _)| id == name) => {
            config.root.join(name).to_string_lossy().into_owned()
        }
        _ => name.clone(),
    };
    Profile::load(&resolved)
}
