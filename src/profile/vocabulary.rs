//! The words every profile shares, from `rules/vocabulary.toml` or a file a
//! profile names: spreadsheet column headers, the words that make a catalogue
//! row optional, the words references to sections and annexes start with, and
//! the stems too common to tell how specific a phrase is.

use serde::Deserialize;

use super::error::{Problem, ProfileError};
use crate::grammar::reference::ReferenceWords;
use crate::model::column::Role;
use crate::source::sha256_hex;

/// The built-in vocabulary, compiled in.
pub const BUILTIN: &str = include_str!("../../rules/vocabulary.toml");

/// The name a profile gives to use the built-in vocabulary.
pub const BUILTIN_NAME: &str = "vocabulary";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularySpec {
    catalogue: CatalogueSpec,
    references: ReferencesSpec,
    /// Optional, so a vocabulary written before it keeps loading: without
    /// it the pre-filter judges phrases by their longest word alone.
    #[serde(default)]
    prefilter: PrefilterSpec,
    /// Optional, as `prefilter` is: without it no line is read as an
    /// annex's title by its first word.
    #[serde(default)]
    headings: HeadingsSpec,
    /// Optional, as `prefilter` is: without it `suggest` takes every
    /// suggested wording for clause text.
    #[serde(default)]
    drafting: DraftingSpec,
    header: Vec<HeaderSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftingSpec {
    advice: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadingsSpec {
    annex: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PrefilterSpec {
    common_stems: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueSpec {
    optional: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReferencesSpec {
    section: Vec<String>,
    annex: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderSpec {
    role: toml::Spanned<String>,
    words: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Each column role with the words that find it in a header, in the
    /// order roles claim a header.
    pub headers: Vec<(Role, Vec<String>)>,
    /// Words in a catalogue row's obligation cell that make it optional.
    pub optional: Vec<String>,
    pub references: ReferenceWords,
    /// Stems so common in tenders, alone or inside other words, that a word
    /// holding one says little about how specific its phrase is. Only the
    /// pre-filter's choice of what to search for first reads them.
    pub common_stems: Vec<String>,
    /// Words that open an annex's title line ("Bilaga 5 …"), in lower case.
    /// Documents are read before a profile applies, so the readers take
    /// them from the built-in vocabulary (`builtin_annex_titles`).
    pub annex_titles: Vec<String>,
    /// Words that open advice to a drafter ("hänvisa", "refer"), not clause
    /// text, in lower case: `suggest` lists a wording that begins with one
    /// apart from the clause.
    pub drafting_advice: Vec<String>,
    /// The SHA-256 of the file, which the profile's own hash takes in.
    pub sha256: String,
}

impl Vocabulary {
    /// Whether `text` begins with a word of drafting advice ("Hänvisa till
    /// …", "Do not list …"): the whole word or words, in any case.
    #[must_use]
    pub fn is_advice(&self, text: &str) -> bool {
        let lower = text.trim_start().to_lowercase();
        self.drafting_advice.iter().any(|w| {
            lower
                .strip_prefix(w.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
    }

    /// The built-in vocabulary.
    ///
    /// # Panics
    /// Never in a released build: the test suite loads it.
    #[must_use]
    pub fn builtin() -> Self {
        Self::from_toml("rules/vocabulary.toml", BUILTIN).expect("the built-in vocabulary is valid")
    }

    /// The words that open an annex's title line, from the built-in
    /// vocabulary, read once.
    #[must_use]
    pub fn builtin_annex_titles() -> &'static [String] {
        static TITLES: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| Vocabulary::builtin().annex_titles);
        &TITLES
    }

    /// A vocabulary from its TOML text; `file` names it in diagnostics.
    ///
    /// # Errors
    /// A file that does not parse, an unknown role, or an empty list.
    pub fn from_toml(file: &str, text: &str) -> Result<Self, ProfileError> {
        let spec: VocabularySpec = toml::from_str(text).map_err(|e| {
            ProfileError::new(
                file,
                text,
                vec![Problem::at(e.message().to_owned(), e.span())],
            )
        })?;
        let mut problems = Vec::new();
        let headers = headers(spec.header, &mut problems);
        let references = ReferenceWords::new(spec.references.section, spec.references.annex);
        for (key, empty) in [
            ("catalogue.optional", spec.catalogue.optional.is_empty()),
            ("references.section", references.section.is_empty()),
            ("references.annex", references.annex.is_empty()),
        ] {
            if empty {
                problems.push(Problem::at(
                    format!("`{key}` needs at least one word"),
                    None,
                ));
            }
        }
        if !problems.is_empty() {
            return Err(ProfileError::new(file, text, problems));
        }
        Ok(Self {
            headers,
            optional: spec.catalogue.optional,
            references,
            common_stems: spec
                .prefilter
                .common_stems
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            annex_titles: spec
                .headings
                .annex
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            drafting_advice: spec
                .drafting
                .advice
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            sha256: sha256_hex(&[text.as_bytes()]),
        })
    }
}

/// Each header role with its words in lower case; a role given twice, or
/// one klausul does not know, is a problem.
fn headers(specs: Vec<HeaderSpec>, problems: &mut Vec<Problem>) -> Vec<(Role, Vec<String>)> {
    let mut headers: Vec<(Role, Vec<String>)> = Vec::new();
    for h in specs {
        match Role::from_key(h.role.get_ref()) {
            Some(role) if headers.iter().any(|(r, _)| *r == role) => {
                problems.push(Problem::at(
                    format!("the role \"{}\" is given twice", h.role.get_ref()),
                    Some(h.role.span()),
                ));
            }
            Some(role) => {
                let words = h.words.iter().map(|w| w.to_lowercase()).collect();
                headers.push((role, words));
            }
            None => problems.push(Problem::at(
                format!(
                    "unknown role \"{}\"; the roles are {}",
                    h.role.get_ref(),
                    Role::keys().join(", ")
                ),
                Some(h.role.span()),
            )),
        }
    }
    headers
}
