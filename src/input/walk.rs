//! The inputs named on the command line, with folders walked: sorted,
//! hidden entries skipped, links followed only inside the folder walked, and
//! lock files and files of other kinds set aside for the caller to name.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::Input;
use crate::source::WALKED_EXTENSIONS;

/// The inputs named on the command line, with directories walked and links
/// out of them skipped.
#[must_use]
pub fn collect(paths: &[PathBuf], stdin: impl FnOnce() -> std::io::Result<Vec<u8>>) -> Vec<Input> {
    gather(paths, stdin, false).inputs
}

/// What the paths given hold.
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    /// Links in walked folders whose target lies outside the folder walked,
    /// skipped because `follow_links` was not given.
    pub skipped_links: Vec<PathBuf>,
    /// Word and LibreOffice lock files (`~$avtal.docx` that is not a zip).
    pub lock_files: Vec<PathBuf>,
    /// Regular files in walked folders with an extension klausul does not
    /// read, so a caller can say what was not checked.
    pub passed_over: Vec<PathBuf>,
}

/// The inputs named on the command line, with directories walked. A path
/// named is always read; a link met in a walked folder is read only when
/// its target lies inside that folder, or when `follow_links` says so: a
/// link to `/proc/self/environ` in a supplier's folder must not be quoted.
#[must_use]
pub fn gather(
    paths: &[PathBuf],
    stdin: impl FnOnce() -> std::io::Result<Vec<u8>>,
    follow_links: bool,
) -> Collected {
    let mut out = Collected::default();
    let mut stdin = Some(stdin);
    for path in paths {
        if path.as_os_str() == "-" {
            if let Some(read) = stdin.take() {
                out.inputs.push(
                    read()
                        .map_or_else(|e| Input::Broken(path.clone(), e.to_string()), Input::Stdin),
                );
            }
        } else if path.is_dir() {
            walk(path, follow_links, &mut out);
        } else {
            out.inputs.push(Input::File(path.clone()));
        }
    }
    out
}

fn walk(root: &Path, follow_links: bool, out: &mut Collected) {
    let entries = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    // Asked once, and only when a link is met.
    let mut canonical_root: Option<Option<PathBuf>> = None;
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() && walked(e.path()) && is_lock_file(e.path()) => {
                out.lock_files.push(e.into_path());
            }
            Ok(e) if e.file_type().is_file() && walked(e.path()) => {
                out.inputs.push(Input::File(e.into_path()));
            }
            Ok(e) if e.file_type().is_file() => out.passed_over.push(e.into_path()),
            Ok(e) if e.path_is_symlink() && walked(e.path()) && e.path().is_file() => {
                let root = canonical_root.get_or_insert_with(|| root.canonicalize().ok());
                let inside = match (root.as_deref(), e.path().canonicalize()) {
                    (Some(root), Ok(target)) => target.starts_with(root),
                    _ => false,
                };
                if inside || follow_links {
                    out.inputs.push(Input::File(e.into_path()));
                } else {
                    out.skipped_links.push(e.into_path());
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                out.inputs.push(Input::Broken(path, err.to_string()));
            }
        }
    }
}

/// Word writes `~$avtal.docx` beside a document it has open: a few bytes
/// naming who has it, not a zip. A real document named so is still read.
fn is_lock_file(path: &Path) -> bool {
    let named = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("~$"));
    let mut head = [0_u8; 4];
    named
        && !std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok_and(|()| &head == b"PK\x03\x04")
}

fn walked(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WALKED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}
