//! Where a run may write. A report never replaces one of the run's inputs
//! (compared by canonical path and by file identity, so a hard link or a
//! link to the input counts too), and the outputs that a repository's
//! `klausul.toml` names stay inside that file's folder: a tender repository
//! is not trusted to write `../../anything`. A configuration named by
//! `--config` or `KLAUSUL_CONFIG` is the user's own, and trusted.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use klausul::config::{Config, Origin};
use klausul::input::Input;

/// The inputs of a run as files on disk, to compare an output with.
#[derive(Default)]
pub struct Identities {
    paths: HashSet<PathBuf>,
    #[cfg(unix)]
    files: HashSet<(u64, u64)>,
}

impl Identities {
    #[must_use]
    pub fn of<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Self {
        let mut ids = Self::default();
        for path in paths {
            if let Ok(canonical) = path.canonicalize() {
                ids.paths.insert(canonical);
            }
            #[cfg(unix)]
            if let Some(id) = identity(path) {
                ids.files.insert(id);
            }
        }
        ids
    }

    /// The files among the inputs.
    pub fn of_inputs(inputs: &[Input]) -> Self {
        Self::of(inputs.iter().filter_map(|i| match i {
            Input::File(p) => Some(p.as_path()),
            Input::Stdin(_) | Input::Broken(..) => None,
        }))
    }

    /// Whether no file was found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Whether `path` is, or would be once its folders are made, one of
    /// these files.
    #[must_use]
    pub fn holds(&self, path: &Path) -> bool {
        #[cfg(unix)]
        if identity(path).is_some_and(|id| self.files.contains(&id)) {
            return true;
        }
        // `sub/../a.md` names a.md once `sub` is made: resolved, not
        // canonicalised, which would fail while `sub` does not exist.
        resolved(path).is_some_and(|target| self.paths.contains(&target))
    }
}

/// Device and inode: the same file under any name.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Where `path` would be written: its nearest existing folder made
/// canonical (so a linked folder counts where it leads), then the rest of
/// the path, which does not exist yet and so holds no link, without `.`
/// and `..`.
#[must_use]
pub fn resolved(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let base = loop {
        if let Ok(canonical) = existing.canonicalize() {
            break canonical;
        }
        rest.push(existing.file_name().map(ToOwned::to_owned));
        existing = existing.parent()?;
    };
    let mut out = base;
    for part in rest.iter().rev() {
        match part {
            Some(name) => out.push(name),
            // A `..` that `file_name` cannot name.
            None => {
                out.pop();
            }
        }
    }
    Some(lexical(&out))
}

/// `path` without `.` and `..`, not touching the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The folder an output named in `origin` must stay inside: that of the
/// configuration file that named it, unless the user named the file.
#[must_use]
pub fn fence<'c>(config: &'c Config, origin: &Origin) -> Option<&'c Path> {
    match origin {
        Origin::File(..) if !config.trusted => Some(&config.root),
        _ => None,
    }
}

/// Whether `target` stays inside `folder`, on canonical paths.
#[must_use]
pub fn inside(target: &Path, folder: &Path) -> bool {
    match (resolved(target), folder.canonicalize()) {
        (Some(target), Ok(folder)) => target.starts_with(&folder) && target != folder,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_not_yet_there_resolves_through_its_folder() {
        let dir = std::env::temp_dir().join(format!("klausul-guard-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("repo")).unwrap();
        let repo = dir.join("repo").canonicalize().unwrap();
        assert_eq!(
            resolved(&dir.join("repo/new/../../out.json")),
            Some(repo.parent().unwrap().join("out.json"))
        );
        assert!(inside(&dir.join("repo/a/b.json"), &dir.join("repo")));
        assert!(!inside(&dir.join("repo/../b.json"), &dir.join("repo")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(std::env::temp_dir(), dir.join("repo/tmp")).unwrap();
            assert!(!inside(&dir.join("repo/tmp/x.json"), &dir.join("repo")));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
