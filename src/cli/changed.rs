//! `--changed-since REV`: the files git reports as changed since a revision,
//! committed or not, plus new untracked files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The changed files, as absolute paths.
///
/// # Errors
/// No git, not a repository, or an unknown revision.
pub fn changed_since(dir: &Path, rev: &str) -> Result<HashSet<PathBuf>, String> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?.trim());
    let changed = git(
        dir,
        &["diff", "--name-only", "-z", "--diff-filter=ACMR", rev, "--"],
    )?;
    let untracked = git(dir, &["ls-files", "--others", "--exclude-standard", "-z"])?;
    let untracked_top = PathBuf::from(git(dir, &["rev-parse", "--show-prefix"])?.trim());
    let mut set: HashSet<PathBuf> = changed
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(|p| top.join(p))
        .collect();
    set.extend(
        untracked
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(|p| top.join(&untracked_top).join(p)),
    );
    Ok(set)
}
