//! The files a run of `klausul check` is asked to write, its report files and
//! its baseline, and which of them it may: none over one of its inputs, and
//! none outside the folder of a configuration found in a repository.

use std::path::{Path, PathBuf};

use klausul::config::Config;
use klausul::input::Input;
use klausul::model::output::OutputFormat;

use super::args::CheckArgs;
use super::diagnostic::{report_error, Refusal};
use super::guard;

/// A file the run is asked to write: a report (with its format) or the
/// baseline, and the folder it must stay inside, if any.
pub struct Target<'c> {
    pub format: Option<OutputFormat>,
    pub path: PathBuf,
    fence: Option<&'c Path>,
}

/// Every file the run is asked to write: the configuration's reports, the
/// command line's, and the baseline.
pub fn targets<'c>(args: &CheckArgs, config: &'c Config) -> Vec<Target<'c>> {
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
pub fn allowed(
    args: &CheckArgs,
    config: &Config,
    inputs: &[Input],
) -> (Vec<(OutputFormat, PathBuf)>, bool, bool) {
    let targets = targets(args, config);
    let ids = if targets.is_empty() {
        guard::Identities::default()
    } else {
        guard::Identities::of_inputs(inputs)
    };
    let (mut files, mut baseline, mut refused) = (Vec::new(), args.write_baseline.is_some(), false);
    for t in targets {
        match (refusal(&t, &ids, config), t.format) {
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

/// Why the run may not write `t`, if it may not: it is one of the inputs
/// (`ids`), or it leaves the folder it must stay inside.
fn refusal(t: &Target<'_>, ids: &guard::Identities, config: &Config) -> Option<Refusal> {
    let lang = config.lang.value;
    let shown = t.path.display().to_string();
    if ids.holds(&t.path) {
        return Some(Refusal::new(
            "klausul::output::is_input",
            lang,
            "output_is_input",
            Some("output_is_input_help"),
            &[("path", &shown)],
        ));
    }
    let fence = t.fence.filter(|f| !guard::inside(&t.path, f))?;
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
}
