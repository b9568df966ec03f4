//! Profiles: which requirements to check, how strictly, with which words.
//!
//! `spec` mirrors the TOML; `validate` turns it into the `Profile` below and
//! collects every problem with its place in the file. Built-in profiles are
//! compiled into the binary from `rules/`; a file on disk is read only when the
//! user names it. Nothing here reads documents.

mod builtin;
pub mod error;
mod finder;
mod fragments;
mod literals;
pub mod phrases;
mod prefilter;
mod sample;
mod search;
mod spec;
mod teddy;
mod validate;
pub mod vocabulary;
mod words;

use std::path::Path;

pub use builtin::BUILTIN;
pub use error::{Problem, ProfileError};
pub use finder::Found;
use phrases::{Matcher, MatcherBuilder, SetId};
pub use prefilter::Prefilter;
pub use search::find_char;
pub use vocabulary::Vocabulary;
pub use words::{ClauseWords, Language, RegisterWords, Scope};

use crate::grammar::numbers::fmt_number;
use crate::model::lang::{fill, Lang, Text};
use crate::model::vocab::Severity;
use crate::toml_file::Unparsed;

/// Grounds named in one sentence that make it a list of grounds.
pub const LIST_MIN: usize = 3;

/// How a requirement is judged once its evidence is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    /// A binding duty of the supplier.
    Obligation,
    /// A binding duty with a time limit, compared with a parameter.
    Deadline,
    /// No repealed act, removed plan duty or merged ombudsman is cited.
    CurrentLaw,
    /// A list of discrimination grounds is complete or open.
    Grounds,
    /// A sanction tied to the clause: liquidated damages.
    Penalty,
    /// A sanction tied to the clause: a cure period.
    Cure,
    /// A sanction tied to the clause: a right to terminate.
    Termination,
}

impl CheckKind {
    pub const NAMES: &'static [&'static str] = &[
        "obligation",
        "deadline",
        "current-law",
        "grounds",
        "penalty",
        "cure",
        "termination",
    ];

    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "obligation" => Self::Obligation,
            "deadline" => Self::Deadline,
            "current-law" => Self::CurrentLaw,
            "grounds" => Self::Grounds,
            "penalty" => Self::Penalty,
            "cure" => Self::Cure,
            "termination" => Self::Termination,
            _ => return None,
        })
    }

    #[must_use]
    pub const fn is_sanction(self) -> bool {
        matches!(self, Self::Penalty | Self::Cure | Self::Termination)
    }
}

#[derive(Debug, Clone)]
pub struct Parameters {
    pub report_max_days: f64,
    pub penalty_min_sek: f64,
    pub min_duration_months: f64,
    pub min_value_sek: f64,
    pub duration_includes_options: bool,
    pub prisbasbelopp_sek: Option<f64>,
}

impl Parameters {
    /// A numeric parameter by its name in the profile file.
    #[must_use]
    pub fn number(&self, name: &str) -> Option<f64> {
        match name {
            "report_max_days" => Some(self.report_max_days),
            "penalty_min_sek" => Some(self.penalty_min_sek),
            "min_duration_months" => Some(self.min_duration_months),
            "min_value_sek" => Some(self.min_value_sek),
            "prisbasbelopp_sek" => self.prisbasbelopp_sek,
            _ => None,
        }
    }

    pub const NUMERIC: &'static [&'static str] = &[
        "report_max_days",
        "penalty_min_sek",
        "min_duration_months",
        "min_value_sek",
        "prisbasbelopp_sek",
    ];
}

/// The kind of contract each CPV division names (`[scope.cpv]`).
#[derive(Debug, Clone)]
pub struct Cpv {
    divisions: [Option<crate::model::vocab::ContractType>; 100],
}

impl Default for Cpv {
    fn default() -> Self {
        Self {
            divisions: [None; 100],
        }
    }
}

impl Cpv {
    /// The kind a CPV code ("39130000-2") names by its division, its first
    /// two digits.
    #[must_use]
    pub fn kind(&self, code: &str) -> Option<crate::model::vocab::ContractType> {
        let digits: Vec<u8> = code.bytes().filter(u8::is_ascii_digit).take(2).collect();
        if digits.len() < 2 {
            return None;
        }
        self.divisions[usize::from((digits[0] - b'0') * 10 + (digits[1] - b'0'))]
    }

    /// Whether any division is mapped.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.divisions.iter().all(Option::is_none)
    }

    pub(crate) fn set(&mut self, division: usize, kind: crate::model::vocab::ContractType) {
        self.divisions[division] = Some(kind);
    }
}

/// What a register row is judged as: its own requirement (the clause in the
/// agreement, which a document's list of requirements does not hold), and
/// the term columns whose shortfall breaks another requirement.
#[derive(Debug, Clone)]
pub struct RegisterRule {
    pub id: String,
    pub name: String,
    /// (term column, requirement id), for the terms this profile judges.
    pub terms: Vec<(crate::model::column::Role, String)>,
}

impl RegisterRule {
    /// The requirement a shortfall in the `role` column breaks, when the
    /// profile judges that column.
    #[must_use]
    pub fn term(&self, role: crate::model::column::Role) -> Option<&str> {
        self.terms
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, id)| id.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct Explanation {
    pub requires: Text,
    pub why: Text,
    pub source: Text,
}

/// Where a weak signal is looked for around a duty's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    Sentence,
    /// The duty's provision: its paragraph, its list with the lead-in, and
    /// the sentence that goes on with it.
    Provision,
    /// The top-level section the sentence stands in: a definition in the
    /// next sentence or point of the clause counts.
    Section,
}

#[derive(Debug, Clone)]
pub struct WeakSignal {
    pub set: SetId,
    pub unless: Option<SetId>,
    pub within: Within,
    pub reason: Text,
}

#[derive(Debug, Clone)]
pub struct Element {
    pub set: SetId,
    pub reason: Text,
}

#[derive(Debug, Clone)]
pub struct Ground {
    pub name: Text,
    pub set: SetId,
}

#[derive(Debug, Clone)]
pub struct Outdated {
    pub set: SetId,
    pub cited: Text,
    pub replacement: Text,
}

#[derive(Debug, Clone)]
pub struct Note {
    pub set: SetId,
    pub note: Text,
}

#[derive(Debug, Clone)]
pub struct Example {
    pub status: crate::model::vocab::Status,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Requirement {
    pub id: String,
    pub name: String,
    pub severity: Severity,
    pub enabled: bool,
    pub check: CheckKind,
    pub parameter: Option<String>,
    /// Evidence counts only when tied to the clause, as sanctions are.
    pub tied: bool,
    pub summary: Text,
    pub explanation: Explanation,
    /// Clause text that meets the requirement, as a contract would say it.
    pub suggestion: Text,
    /// Advice to the drafter on meeting it ("cite the act in force"): not
    /// clause text, so `suggest` lists it apart. Empty when there is none.
    pub advice: Text,
    /// Every set must occur in one sentence for it to be evidence.
    pub evidence: Vec<SetId>,
    pub weak: Vec<WeakSignal>,
    pub elements: Vec<Element>,
    pub grounds: Vec<Ground>,
    pub outdated: Vec<Outdated>,
    pub notes: Vec<Note>,
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone)]
pub struct Profile {
    pub id: String,
    pub version: String,
    pub name: Text,
    pub source: Text,
    pub sha256: String,
    pub parameters: Parameters,
    pub scope: Scope,
    /// CPV divisions by kind of contract.
    pub cpv: Cpv,
    pub clause: ClauseWords,
    pub language: Language,
    pub register: RegisterWords,
    /// The register row's own requirement and the term columns it judges.
    pub register_rule: RegisterRule,
    pub vocabulary: Vocabulary,
    /// Messages the profile words its own way (`[messages]`), by catalogue
    /// key; the catalogues in `rules/messages/` say the rest.
    pub messages: std::collections::HashMap<String, Text>,
    requirements: Vec<Requirement>,
    builder: MatcherBuilder,
    pub matcher: Matcher,
    /// The profile's own text (and its parent's): a sample of the language
    /// its patterns are searched for in, for the pre-filter.
    sample: String,
    /// Made the first time a document is checked.
    prefilter: std::sync::OnceLock<Prefilter>,
    /// Each requirement's suggested wording with the parameters filled in,
    /// made once.
    suggestions: std::sync::OnceLock<Vec<Text>>,
}

impl Profile {
    /// The literal pre-filter that decides which blocks of a document are
    /// analysed.
    pub fn prefilter(&self) -> &Prefilter {
        self.prefilter.get_or_init(|| Prefilter::new(self))
    }

    /// The suggested wording of requirement `r`, in every language, with the
    /// profile's parameters filled in. Made the first time any is asked for;
    /// every document then shares it.
    pub fn suggestion(&self, r: &Requirement) -> &Text {
        static NONE: std::sync::LazyLock<Text> = std::sync::LazyLock::new(Text::default);
        let all = self.suggestions.get_or_init(|| {
            let values: Vec<(&str, String)> = Parameters::NUMERIC
                .iter()
                .filter_map(|name| self.parameters.number(name).map(|v| (*name, fmt_number(v))))
                .collect();
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            self.requirements
                .iter()
                .map(|r| r.suggestion.map(|s| fill(s, &values)))
                .collect()
        });
        self.requirements
            .iter()
            .position(|x| std::ptr::eq(x, r))
            .and_then(|i| all.get(i))
            .unwrap_or(&NONE)
    }

    /// The requirements this profile checks, in the profile's order.
    pub fn requirements(&self) -> impl Iterator<Item = &Requirement> {
        self.requirements.iter().filter(|r| r.enabled)
    }

    /// Every requirement, including those switched off.
    #[must_use]
    pub fn all_requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    #[must_use]
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id))
    }

    /// The template of message `key` in `lang`: the profile's own wording
    /// where it gives one in that language, else the catalogue's.
    #[must_use]
    pub fn template(&self, key: &str, lang: Lang) -> &str {
        self.messages
            .get(key)
            .and_then(|t| t.exact(lang.code()))
            .or_else(|| lang.template(key))
            .unwrap_or("")
    }

    /// Loads a built-in profile by id, or a profile file by path.
    ///
    /// # Errors
    /// A profile that cannot be read or does not validate.
    pub fn load(name_or_path: &str) -> Result<Self, ProfileError> {
        let first = match validate::builtin_file(name_or_path) {
            Some(file) => file,
            None => Unparsed::read(Path::new(name_or_path))?,
        };
        validate::from_file(first)
    }

    /// A profile from its TOML text; `file` names it in diagnostics, and an
    /// `extends` of a path is read relative to the working directory.
    ///
    /// # Errors
    /// A profile that does not validate.
    pub fn from_toml(file: &str, text: &str) -> Result<Self, ProfileError> {
        validate::from_file(Unparsed::text(file, text.to_owned(), None))
    }

    /// The built-in default profile.
    ///
    /// # Panics
    /// Never in a released build: the test suite loads every built-in profile.
    #[must_use]
    pub fn stockholm() -> Self {
        Self::load("stockholm").expect("the built-in profile is valid")
    }
}
