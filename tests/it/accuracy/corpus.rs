//! The labelled corpus in `fixtures/corpus/{tune,blind}`: each document
//! NAME.md or NAME.txt has NAME.labels (two `#` lines, then one line
//! `AD-NN status: reason` for each of the 13 requirements) and the same text
//! as NAME.docx, NAME.odt and NAME.pdf, made by
//! `scripts/gen_corpus_formats.py`. This module reads the labels and checks
//! every document in every format, once per test run; `report` counts.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use klausul::check::{check, CheckOptions};
use klausul::input::{load, Content, Input};
use klausul::model::lang::Lang;
use klausul::model::limits::Limits;
use klausul::profile::Profile;
use klausul::render::localise::Localiser;
use rayon::prelude::*;

/// The tune half (the engine may be tuned on it) and the blind half (the measure).
pub const SETS: [&str; 2] = ["tune", "blind"];
/// "text" is the document as written: Markdown or text extracted from a PDF.
pub const FORMATS: [&str; 4] = ["text", "docx", "odt", "pdf"];
pub const STATUSES: [&str; 4] = ["met", "weak", "missing", "not-applicable"];
pub const REQUIREMENTS: usize = 13;

pub struct Label {
    pub id: String,
    pub status: String,
    pub reason: String,
}

pub struct Labelled {
    pub set: &'static str,
    pub name: String,
    /// NAME.md or NAME.txt.
    pub text: PathBuf,
    /// The labels, or what is wrong with the file.
    pub labels: Result<Vec<Label>, String>,
}

impl Labelled {
    /// The file of this document in `format`.
    pub fn path(&self, format: &str) -> PathBuf {
        if format == "text" {
            self.text.clone()
        } else {
            self.text.with_extension(format)
        }
    }
}

/// What the tool said about one requirement.
pub struct Judgement {
    pub id: String,
    pub status: String,
    pub message: String,
}

pub struct Measurement {
    pub documents: Vec<Labelled>,
    /// For each document, per format: the judgements, or why the file could not be checked.
    pub results: Vec<[Result<Vec<Judgement>, String>; 4]>,
}

/// The whole corpus checked in every format; the first caller pays for it.
pub fn measured() -> &'static Measurement {
    static MEASURED: OnceLock<Measurement> = OnceLock::new();
    MEASURED.get_or_init(|| {
        let documents = labelled();
        let profile = Profile::stockholm();
        let results = documents
            .par_iter()
            .map(|d| FORMATS.map(|f| judge(&d.path(f), &profile)))
            .collect();
        Measurement { documents, results }
    })
}

/// Every labelled document, tune first, each set in name order.
pub fn labelled() -> Vec<Labelled> {
    let mut out = Vec::new();
    for set in SETS {
        let dir = Path::new("fixtures/corpus").join(set);
        let mut labels: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "labels"))
            .collect();
        labels.sort();
        for path in labels {
            let text = ["md", "txt"]
                .iter()
                .map(|e| path.with_extension(e))
                .find(|p| p.exists())
                .unwrap_or_else(|| path.with_extension("md"));
            out.push(Labelled {
                set,
                name: path.file_stem().unwrap().to_string_lossy().into_owned(),
                labels: std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|s| parse_labels(&s)),
                text,
            });
        }
    }
    out
}

/// Two `#` lines, then exactly `AD-01 status: reason` … `AD-13 status: reason`.
fn parse_labels(source: &str) -> Result<Vec<Label>, String> {
    let lines: Vec<&str> = source.lines().collect();
    if lines.len() != 2 + REQUIREMENTS || !lines[..2].iter().all(|l| l.starts_with('#')) {
        return Err(format!(
            "{} lines; expected 2 comment lines and {REQUIREMENTS} labels",
            lines.len()
        ));
    }
    lines[2..]
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let expected = format!("AD-{:02}", n + 1);
            let (head, reason) = line
                .split_once(':')
                .ok_or_else(|| format!("{line:?}: no ':' before the reason"))?;
            let (id, status) = head
                .split_once(' ')
                .ok_or_else(|| format!("{line:?}: no status"))?;
            if id != expected || !STATUSES.contains(&status) || reason.trim().is_empty() {
                return Err(format!(
                    "{line:?}: expected \"{expected} <status>: <reason>\""
                ));
            }
            Ok(Label {
                id: id.to_owned(),
                status: status.to_owned(),
                reason: reason.trim().to_owned(),
            })
        })
        .collect()
}

/// The default profile, English messages, the contract type the text gives.
fn judge(path: &Path, profile: &Profile) -> Result<Vec<Judgement>, String> {
    let loaded =
        load(&Input::File(path.to_path_buf()), Limits::default()).map_err(|e| e.to_string())?;
    let Content::Document(document) = loaded.content else {
        return Err("read as a workbook, not a document".to_owned());
    };
    let options = CheckOptions {
        contract_type: None,
        everything: false,
    };
    let mut checked = check(&document, profile, &options);
    Localiser::new(profile, Lang::En).checked(&mut checked);
    Ok(checked
        .requirements
        .into_iter()
        .map(|r| Judgement {
            status: r.status.name().to_owned(),
            id: r.id,
            message: r.message,
        })
        .collect())
}
