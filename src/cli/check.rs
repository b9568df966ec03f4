//! `klausul check`: the configuration, then the inputs (walked, filtered by the
//! configuration's globs and by `--changed-since`), then every output fed a
//! document at a time, then the baseline and the exit status.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use klausul::baseline::{self, Baseline};
use klausul::config::{Config, Origin};
use klausul::input::{gather, Input};
use klausul::model::column::SheetKind;
use klausul::model::output::OutputFormat;
use klausul::model::vocab::ContractType;
use klausul::profile::{Profile, ProfileError, BUILTIN};
use klausul::render::matrix::CsvStyle;
use klausul::render::{Context, RunInfo, Style};
use klausul::report::skipped::Skips;
use klausul::report::Summary;
use klausul::run::{check_each, skipped, Plan};
use klausul::suppress::SuppressionFile;

use super::args::{CheckArgs, CsvDelimiter};
use super::diagnostic::{report_error, report_input_error, say, warn, Refusal};
use super::outputs::{run_time, write_atomically, Outputs};
use super::{changed, color, guard, load_config, width};

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
    let config = &setup.config;
    let cli_type = args.contract_type;
    let relative = Relative::new(config);
    let contract_type =
        |input: &Input| cli_type.or_else(|| configured_type(config, &relative, input));
    let plan = Plan {
        profile: &setup.profile,
        lang: config.lang.value,
        fail_on: config.fail_on.value,
        limits: config.limits.value,
        contract_type: &contract_type,
        suppressions: setup.suppressions.as_ref(),
        inline_suppressions: config.inline_suppressions.value,
        sheet_kind: args.sheet_kind.map(SheetKind::from),
        columns: columns(config, args),
    };
    let (files, write_baseline, refused) = allowed(args, config, &setup.inputs);
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
    let mut outputs = outputs(args, config, &setup.profile, &files, &run);
    outputs.head();
    let mut summary = Summary {
        skipped: run.skipped.len(),
        skipped_other: run.skipped_other,
        ..Summary::default()
    };
    let mut recorded = Vec::new();
    let mut seen_hashes = Vec::new();
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
        if write_baseline {
            recorded.extend(baseline::entries_of(doc));
        }
        if let Some(b) = &mut setup.baseline {
            b.apply(doc);
            doc.judge(plan.fail_on);
        }
        seen_hashes.extend(doc.sha256.clone());
        summary.add(doc);
        outputs.document(doc);
    });
    progress.finish_and_clear();
    warn_unused(&setup, args, &seen_hashes);
    let baseline = args.write_baseline.as_deref().filter(|_| write_baseline);
    let code = finish(baseline, outputs, &summary, recorded);
    if refused || strict_refused {
        ExitCode::from(2)
    } else {
        code
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

/// A file the run is asked to write: a report (with its format) or the
/// baseline, and the folder it must stay inside, if any.
struct Target<'c> {
    format: Option<OutputFormat>,
    path: PathBuf,
    fence: Option<&'c Path>,
}

/// Every file the run is asked to write: the configuration's reports, the
/// command line's, and the baseline.
fn targets<'c>(args: &CheckArgs, config: &'c Config) -> Vec<Target<'c>> {
    let configured = config.outputs.iter().map(|(f, p, origin)| Target {
        format: Some(*f),
        path: p.clone(),
        fence: guard::fence(config, origin),
    });
    let named = args.output.iter().map(|(f, p)| Target {
        format: Some(*f),
        path: p.clone(),
        fence: None,
    });
    let baseline = args.write_baseline.iter().map(|p| Target {
        format: None,
        path: p.clone(),
        fence: None,
    });
    configured.chain(named).chain(baseline).collect()
}

/// The report files the run may write, and whether the baseline may be
/// written. A target that is one of the inputs, or that leaves the folder
/// of the repository's configuration naming it, is refused with a
/// diagnostic; the run goes on and ends with 2 (`refused`).
fn allowed(
    args: &CheckArgs,
    config: &Config,
    inputs: &[Input],
) -> (Vec<(OutputFormat, PathBuf)>, bool, bool) {
    let targets = targets(args, config);
    let lang = config.lang.value;
    let ids = if targets.is_empty() {
        guard::Identities::default()
    } else {
        guard::Identities::of_inputs(inputs)
    };
    let (mut files, mut baseline, mut refused) = (Vec::new(), args.write_baseline.is_some(), false);
    for t in targets {
        let shown = t.path.display().to_string();
        let refusal = if ids.holds(&t.path) {
            Some(Refusal::new(
                "klausul::output::is_input",
                lang,
                "output_is_input",
                Some("output_is_input_help"),
                &[("path", &shown)],
            ))
        } else if let Some(fence) = t.fence.filter(|f| !guard::inside(&t.path, f)) {
            let file = config
                .file
                .as_ref()
                .map(|f| f.display().to_string())
                .unwrap_or_default();
            Some(Refusal::new(
                "klausul::output::outside",
                lang,
                "output_outside",
                Some("output_outside_help"),
                &[
                    ("path", &shown),
                    ("config", &file),
                    ("folder", &fence.display().to_string()),
                ],
            ))
        } else {
            None
        };
        match (refusal, t.format) {
            (Some(r), format) => {
                report_error(&r);
                refused = true;
                baseline &= format.is_some();
            }
            (None, Some(format)) => files.push((format, t.path)),
            (None, None) => {}
        }
    }
    (files, baseline, refused)
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
fn warn_unused(setup: &Setup, args: &CheckArgs, seen_hashes: &[String]) {
    if let Some(b) = &setup.baseline {
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

/// Paths relative to the configuration's directory, for its globs; the
/// working directory is asked for once, not for every file.
struct Relative {
    cwd: Option<PathBuf>,
    root: Option<PathBuf>,
}

impl Relative {
    fn new(config: &Config) -> Self {
        let cwd = std::env::current_dir().ok();
        let root = absolute(cwd.as_deref(), &config.root);
        Self { cwd, root }
    }

    fn of(&self, path: &Path) -> Option<PathBuf> {
        absolute(self.cwd.as_deref(), path)?
            .strip_prefix(self.root.as_deref()?)
            .ok()
            .map(Path::to_path_buf)
    }
}

/// `path` from the root, without `.` and `..`, as `std::path::absolute` and
/// then `normalise` make it.
fn absolute(cwd: Option<&Path>, path: &Path) -> Option<PathBuf> {
    if path.is_absolute() {
        return Some(normalise(path));
    }
    Some(normalise(&cwd?.join(path)))
}

/// Removes `.` and `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn configured_type(config: &Config, relative: &Relative, input: &Input) -> Option<ContractType> {
    let Input::File(path) = input else {
        return None;
    };
    if config.contract_types.is_empty() {
        return None;
    }
    let rel = relative.of(path)?;
    config
        .contract_types
        .iter()
        .find(|(globs, _, _)| globs.is_match(&rel))
        .map(|(_, t, _)| *t)
}

/// `dir` as a path from the working directory, so documents found under it
/// are named as the user sees them: "." for the working directory, "../.." for
/// one above it.
fn from_here(dir: &Path) -> PathBuf {
    let (Ok(cwd), Ok(dir)) = (std::env::current_dir(), std::path::absolute(dir)) else {
        return dir.to_path_buf();
    };
    let dir = normalise(&dir);
    match normalise(&cwd).strip_prefix(&dir) {
        Ok(below) if below.as_os_str().is_empty() => PathBuf::from("."),
        Ok(below) => below.components().map(|_| "..").collect(),
        Err(_) => dir,
    }
}

/// The inputs without the run's own report files, which a walk of the
/// folder they are written to finds from the run before. A file named on
/// the command line stays: writing over it is refused instead.
fn without_own_outputs(args: &CheckArgs, config: &Config, inputs: Vec<Input>) -> Vec<Input> {
    let targets = targets(args, config);
    let own = guard::Identities::of(targets.iter().map(|t| t.path.as_path()));
    if own.is_empty() {
        return inputs;
    }
    inputs
        .into_iter()
        .filter(|input| match input {
            Input::File(path) => args.paths.contains(path) || !own.holds(path),
            Input::Stdin(_) | Input::Broken(..) => true,
        })
        .collect()
}

/// The inputs: the paths given (or the configuration's directory), walked,
/// then kept by the include and exclude globs and by `--changed-since`.
fn inputs(args: &CheckArgs, config: &Config) -> Option<(Vec<Input>, usize, Skips)> {
    let paths = if args.paths.is_empty() {
        vec![from_here(&config.root)]
    } else {
        args.paths.clone()
    };
    let limit = config.limits.value.file_bytes;
    let collected = gather(
        &paths,
        || {
            let mut bytes = Vec::new();
            // One byte past the limit: `input::read` refuses input that goes on.
            std::io::stdin()
                .take(limit.saturating_add(1))
                .read_to_end(&mut bytes)
                .map(|_| bytes)
        },
        args.follow_links,
    );
    for link in &collected.skipped_links {
        let link = link
            .strip_prefix("./")
            .unwrap_or(link)
            .display()
            .to_string();
        warn(&format!(
            "note: {}",
            say(config.lang.value, "link_skipped", &[("path", &link)])
        ));
    }
    let skips = skipped::skips(&collected);
    let inputs = without_own_outputs(args, config, collected.inputs);
    let changed = match &args.changed_since {
        Some(rev) => match changed::changed_since(Path::new("."), rev) {
            Ok(set) => Some(set),
            Err(e) => {
                warn(&format!("error: --changed-since {rev}: {e}"));
                return None;
            }
        },
        None => None,
    };
    let found = inputs.len();
    let globs = !(config.include.value.is_empty() && config.exclude.value.is_empty());
    let relative = Relative::new(config);
    let kept = inputs
        .into_iter()
        .filter(|input| {
            let Input::File(path) = input else {
                return true;
            };
            let by_globs = !globs
                || relative.of(path).is_none_or(|rel| {
                    (config.include.value.is_empty() || config.include.value.is_match(&rel))
                        && !config.exclude.value.is_match(&rel)
                });
            let by_git = changed
                .as_ref()
                .is_none_or(|set| path.canonicalize().is_ok_and(|p| set.contains(&p)));
            by_globs && by_git
        })
        .collect();
    Some((kept, found, skips))
}
