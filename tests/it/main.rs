//! One test binary for the whole crate keeps link time low.

mod accuracy;
mod annotate;
mod bad_files;
mod cli;
mod examples;
mod formats;
mod fuzz_corpus;
mod gate;
mod hidden_sheets;
mod hostile;
mod hostile_files;
mod hostile_runs;
mod hostile_xls;
mod json;
mod layers;
mod prefilter;
mod profiles;
mod properties;
mod prose;
mod reports;
mod rules_only;
mod sanction_tables;
#[cfg(feature = "serve")]
mod serve;
mod sheets;
mod size;
mod skipped;
mod snapshots;
mod word_places;
mod workbook;

use klausul::check::{check, CheckOptions, Checked};
use klausul::document::read_text;
use klausul::model::lang::Lang;
use klausul::profile::Profile;
use klausul::render::localise::Localiser;
use klausul::source::Format;

/// Checks Markdown text with a profile, and puts it into Swedish.
#[must_use]
pub fn check_markdown(text: &str, profile: &Profile) -> Checked {
    let doc = read_text(text.to_owned(), Format::Markdown);
    let mut checked = check(&doc, profile, &CheckOptions::default());
    Localiser::new(profile, Lang::Sv).checked(&mut checked);
    checked
}

/// Runs the binary in `dir` as a pipeline would: Swedish, no colour, 80
/// columns, and no configuration named by the environment.
#[must_use]
pub(crate) fn klausul(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_klausul"))
        .current_dir(dir)
        .args(args)
        .env_remove("KLAUSUL_CONFIG")
        .env("LANG", "sv_SE.UTF-8")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .output()
        .unwrap()
}

/// The repository's root.
#[must_use]
pub(crate) fn repo() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh directory under the system's temporary one.
#[must_use]
pub(crate) fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("klausul-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copy of `fixtures/word/anbud.docx` at `dir/name` with its part `part`
/// rewritten by `change`, every other part copied as it is.
pub(crate) fn docx_with_part(
    dir: &std::path::Path,
    name: &str,
    part: &str,
    change: impl Fn(&str) -> String,
) -> std::path::PathBuf {
    use std::io::{Read as _, Write as _};
    let path = dir.join(name);
    let file = std::fs::File::open(repo().join("fixtures/word/anbud.docx")).unwrap();
    let mut source = zip::ZipArchive::new(file).unwrap();
    let mut old = String::new();
    source
        .by_name(part)
        .unwrap()
        .read_to_string(&mut old)
        .unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..source.len() {
        let entry = source.by_index_raw(i).unwrap();
        if entry.name().unwrap() != part {
            out.raw_copy_file(entry).unwrap();
        }
    }
    out.start_file(part, zip::write::SimpleFileOptions::default())
        .unwrap();
    out.write_all(change(&old).as_bytes()).unwrap();
    out.finish().unwrap();
    path
}

/// A zip package of the given parts.
#[must_use]
pub(crate) fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
