//! The serde mirror of a profile file. It matches the TOML exactly and rejects
//! unknown keys; `validate` turns it into a `Profile`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

pub use super::words::Patterns;
use super::words::{ClauseSpec, LanguageSpec, RegisterSpec, ScopeSpec};

/// A text in several languages, keyed by language code:
/// `{ sv = "…", en = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct TextSpec(pub Spanned<BTreeMap<Spanned<String>, String>>);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileSpec {
    pub extends: Option<Spanned<String>>,
    pub id: Spanned<String>,
    pub version: Option<String>,
    pub name: Option<TextSpec>,
    pub source: Option<TextSpec>,
    /// The shared vocabulary: a built-in name or a file beside the profile.
    pub vocabulary: Option<Spanned<String>>,
    #[serde(default)]
    pub parameters: ParametersSpec,
    #[serde(default)]
    pub scope: ScopeSpec,
    #[serde(default)]
    pub clause: ClauseSpec,
    #[serde(default)]
    pub language: LanguageSpec,
    #[serde(default)]
    pub register: RegisterSpec,
    #[serde(default)]
    pub messages: BTreeMap<Spanned<String>, TextSpec>,
    #[serde(default)]
    pub requirement: Vec<RequirementSpec>,
    #[serde(default)]
    pub requirements: BTreeMap<Spanned<String>, OverrideSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParametersSpec {
    pub report_max_days: Option<Spanned<f64>>,
    pub penalty_min_sek: Option<Spanned<f64>>,
    pub min_duration_months: Option<Spanned<f64>>,
    pub min_value_sek: Option<Spanned<f64>>,
    pub duration_includes_options: Option<bool>,
    pub prisbasbelopp_sek: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementSpec {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub severity: Spanned<String>,
    pub check: Spanned<String>,
    pub parameter: Option<Spanned<String>>,
    #[serde(default)]
    pub tied: bool,
    pub summary: TextSpec,
    pub explanation: ExplanationSpec,
    pub suggestion: TextSpec,
    /// Advice to the drafter, which `suggest` lists apart from the clause text.
    #[serde(default)]
    pub advice: Option<TextSpec>,
    #[serde(default)]
    pub evidence: BTreeMap<String, Patterns>,
    #[serde(default)]
    pub weak: Vec<WeakSpec>,
    #[serde(default)]
    pub element: Vec<ElementSpec>,
    #[serde(default)]
    pub ground: Vec<GroundSpec>,
    #[serde(default)]
    pub outdated: Vec<OutdatedSpec>,
    #[serde(default)]
    pub note: Vec<NoteSpec>,
    #[serde(default)]
    pub example: Vec<ExampleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExplanationSpec {
    pub requires: TextSpec,
    pub why: TextSpec,
    pub source: TextSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeakSpec {
    pub patterns: Patterns,
    #[serde(default)]
    pub unless: Patterns,
    /// Where the patterns and `unless` are looked for: "sentence" (the
    /// default), "provision" (the duty's paragraph or list, and the
    /// sentence that goes on with it) or "section", the whole part of the
    /// document the duty stands in.
    pub within: Option<Spanned<String>>,
    pub reason: TextSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementSpec {
    pub patterns: Patterns,
    pub reason: TextSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundSpec {
    pub name: TextSpec,
    pub patterns: Patterns,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutdatedSpec {
    pub patterns: Patterns,
    pub cited: TextSpec,
    pub replacement: TextSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteSpec {
    pub patterns: Patterns,
    pub note: TextSpec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    pub status: Spanned<String>,
    pub text: String,
}

/// What a profile that `extends` another may change about one requirement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideSpec {
    pub severity: Option<Spanned<String>>,
    pub enabled: Option<bool>,
    pub source: Option<TextSpec>,
}
