//! Baselines for audits of existing agreements: `--write-baseline` records the
//! findings of a run, and `--baseline` then reports only what is new. A
//! finding is known when the baseline has the same document path,
//! requirement and status; the words it points at may have moved. Entries for
//! a checked document that no longer match anything are stale.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::report::fingerprint;
use crate::report::DocumentReport;

pub const SCHEMA: &str = "klausul.baseline/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub requirement: String,
    pub status: String,
    /// Identifies the finding itself, for the reader and for other tools.
    pub fingerprint: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub entries: Vec<Entry>,
}

/// A baseline in use: which entries matched, and which documents were seen.
#[derive(Debug, Default)]
pub struct Matcher {
    baseline: Baseline,
    matched: Vec<bool>,
    seen: HashSet<String>,
}

impl Baseline {
    /// The findings (weak or missing, not suppressed) of the documents given.
    #[must_use]
    pub fn record<'a>(docs: impl Iterator<Item = &'a DocumentReport>) -> Self {
        let mut entries = Vec::new();
        for doc in docs {
            entries.extend(entries_of(doc));
        }
        Self {
            schema: SCHEMA.to_owned(),
            entries,
        }
    }

    /// Reads a baseline file. It is JSON, as `--write-baseline` writes it,
    /// so it is not read by the loader of the tool's TOML files.
    ///
    /// # Errors
    /// An unreadable file, or one that is not a baseline.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        Self::parse(&text)
    }

    /// # Errors
    /// Text that is not a baseline.
    pub fn parse(text: &str) -> Result<Self, String> {
        let b: Self = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if b.schema == SCHEMA {
            Ok(b)
        } else {
            Err(format!("the schema is \"{}\", not \"{SCHEMA}\"", b.schema))
        }
    }

    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }
}

/// The baseline entries a document's report would make.
#[must_use]
pub fn entries_of(doc: &DocumentReport) -> Vec<Entry> {
    doc.requirements
        .iter()
        .filter(|r| r.status.is_finding() && r.suppressed.is_none())
        .map(|r| Entry {
            path: doc.path.clone(),
            requirement: r.id.clone(),
            status: r.status.name().to_owned(),
            fingerprint: fingerprint::of(doc, r),
        })
        .collect()
}

impl Matcher {
    #[must_use]
    pub fn new(baseline: Baseline) -> Self {
        Self {
            matched: vec![false; baseline.entries.len()],
            baseline,
            seen: HashSet::new(),
        }
    }

    /// Marks the document's known findings as baselined.
    pub fn apply(&mut self, doc: &mut DocumentReport) {
        self.seen.insert(doc.path.clone());
        for r in doc
            .requirements
            .iter_mut()
            .filter(|r| r.status.is_finding())
        {
            let known = self.baseline.entries.iter().position(|e| {
                e.path == doc.path && e.requirement == r.id && e.status == r.status.name()
            });
            if let Some(i) = known {
                self.matched[i] = true;
                r.baselined = true;
            }
        }
    }

    /// Entries for documents checked in this run that matched no finding.
    #[must_use]
    pub fn stale(&self) -> Vec<&Entry> {
        self.baseline
            .entries
            .iter()
            .zip(&self.matched)
            .filter(|(e, matched)| !**matched && self.seen.contains(&e.path))
            .map(|(e, _)| e)
            .collect()
    }
}
