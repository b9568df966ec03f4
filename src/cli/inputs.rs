//! The inputs of `klausul check`: the paths given (or the configuration's
//! folder) walked, without the run's own report files, kept by the
//! configuration's globs and by `--changed-since`; and the contract type the
//! configuration gives a file by its path.

use std::io::Read;
use std::path::{Path, PathBuf};

use klausul::config::Config;
use klausul::input::{gather, Collected, Input};
use klausul::model::vocab::ContractType;
use klausul::report::skipped::Skips;
use klausul::run::skipped;

use super::args::CheckArgs;
use super::changed;
use super::diagnostic::{say, warn};
use super::guard;
use super::targets::targets;

/// Paths relative to the configuration's directory, for its globs; the
/// working directory is asked for once, not for every file.
pub struct Relative {
    cwd: Option<PathBuf>,
    root: Option<PathBuf>,
}

impl Relative {
    pub fn new(config: &Config) -> Self {
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

pub fn configured_type(
    config: &Config,
    relative: &Relative,
    input: &Input,
) -> Option<ContractType> {
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
pub fn from_here(dir: &Path) -> PathBuf {
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
pub fn inputs(args: &CheckArgs, config: &Config) -> Option<(Vec<Input>, usize, Skips)> {
    let collected = walked(args, config);
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
    let relative = Relative::new(config);
    let kept = inputs
        .into_iter()
        .filter(|input| {
            let Input::File(path) = input else {
                return true;
            };
            let by_git = changed
                .as_ref()
                .is_none_or(|set| path.canonicalize().is_ok_and(|p| set.contains(&p)));
            by_globs(config, &relative, path) && by_git
        })
        .collect();
    Some((kept, found, skips))
}

/// The paths given, or the configuration's directory, walked; standard
/// input read up to the limit. A link the walk did not follow is noted.
fn walked(args: &CheckArgs, config: &Config) -> Collected {
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
    collected
}

/// Whether the configuration's include and exclude globs keep a file; a
/// file outside the configuration's directory is kept.
fn by_globs(config: &Config, relative: &Relative, path: &Path) -> bool {
    let (include, exclude) = (&config.include.value, &config.exclude.value);
    if include.is_empty() && exclude.is_empty() {
        return true;
    }
    relative
        .of(path)
        .is_none_or(|rel| (include.is_empty() || include.is_match(&rel)) && !exclude.is_match(&rel))
}
