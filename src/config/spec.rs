//! The serde mirror of `klausul.toml`: exactly the file's keys, each with its
//! place in the file, and unknown keys refused.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigSpec {
    pub profile: Option<Spanned<String>>,
    pub fail_on: Option<Spanned<String>>,
    pub lang: Option<Spanned<String>>,
    pub include: Option<Vec<Spanned<String>>>,
    pub exclude: Option<Vec<Spanned<String>>>,
    /// The suppression file; `klausul-suppressions.toml` beside this file by default.
    pub suppressions: Option<Spanned<String>>,
    /// Whether a `klausul-ignore` written inside a document applies.
    pub inline_suppressions: Option<Spanned<bool>>,
    #[serde(default)]
    pub contract_types: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub columns: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Reports to write on every run: format → path.
    #[serde(default)]
    pub outputs: BTreeMap<Spanned<String>, Spanned<String>>,
    pub limits: Option<LimitsSpec>,
    /// Upload limits of `klausul serve`.
    pub serve: Option<ServeSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeSpec {
    /// One uploaded file, in MB (default 50).
    pub file_mb: Option<Spanned<u64>>,
    /// Files in one upload (default 20).
    pub files: Option<Spanned<u64>>,
    /// The whole upload, in MB (default 200).
    pub request_mb: Option<Spanned<u64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsSpec {
    pub file_mb: Option<Spanned<u64>>,
    pub part_mb: Option<Spanned<u64>>,
    pub package_mb: Option<Spanned<u64>>,
    pub xml_depth: Option<Spanned<u64>>,
    pub cells: Option<Spanned<u64>>,
    pub expanded_mb: Option<Spanned<u64>>,
    pub seconds_per_file: Option<Spanned<u64>>,
}
