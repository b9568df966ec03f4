//! The languages klausul speaks, and texts that carry several.
//!
//! A language is its message catalogue, a file in `rules/messages/` named by
//! the language's code and compiled in (`build.rs`). A profile's texts are
//! keyed by the same codes. So a new language is a new catalogue and new keys
//! in the profiles, not new code. Filling a catalogue's templates with a
//! finding's values is the renderers' business (`render::localise`).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};

/// A language klausul speaks: the code of one of the compiled-in
/// catalogues, so every language is data and none is named in code. Also the
/// values of `--lang` (clap's `ValueEnum`, from the catalogues' codes), and
/// written and read as its code.
///
/// `Lang::Sv` and `Lang::En` name the two languages klausul has always
/// spoken, for code and tests that mean one of them; a test checks their
/// catalogues exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(&'static str);

#[allow(non_upper_case_globals)]
impl Lang {
    /// Swedish.
    pub const Sv: Self = Self("sv");
    /// English.
    pub const En: Self = Self("en");
}

impl Default for Lang {
    /// The language of the catalogue marked `default`.
    fn default() -> Self {
        Self(default_code())
    }
}

/// One language's messages, as its file in `rules/messages/` gives them.
struct Catalogue {
    code: &'static str,
    default: bool,
    fallback: Option<String>,
    messages: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueSpec {
    language: LanguageSpec,
    messages: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageSpec {
    #[serde(default)]
    default: bool,
    fallback: Option<String>,
}

/// (code, TOML text) of every catalogue in `rules/messages/`.
const SOURCES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// The catalogues, the default language's first, then by code.
static CATALOGUES: LazyLock<Vec<Catalogue>> = LazyLock::new(|| load(SOURCES));

/// Reads catalogues from their (code, TOML text), the default language's
/// first, then by code.
fn load(sources: &[(&'static str, &str)]) -> Vec<Catalogue> {
    let mut all: Vec<Catalogue> = sources
        .iter()
        .map(|&(code, text)| {
            let spec: CatalogueSpec =
                toml::from_str(text).unwrap_or_else(|e| panic!("rules/messages/{code}.toml: {e}"));
            Catalogue {
                code,
                default: spec.language.default,
                fallback: spec.language.fallback,
                messages: spec.messages,
            }
        })
        .collect();
    all.sort_by_key(|c| (!c.default, c.code));
    all
}

fn catalogue(code: &str) -> Option<&'static Catalogue> {
    CATALOGUES.iter().find(|c| c.code == code)
}

/// The codes of every language with a catalogue, the default one first.
pub fn codes() -> impl Iterator<Item = &'static str> {
    CATALOGUES.iter().map(|c| c.code)
}

/// The keys of every message, as the default language's catalogue has them;
/// every other catalogue has the same (a test sees to it).
pub fn keys() -> impl Iterator<Item = &'static str> {
    CATALOGUES
        .iter()
        .take(1)
        .flat_map(|c| c.messages.keys().map(String::as_str))
}

/// The code of the language of a run that names none: the catalogue marked
/// `default`.
///
/// # Panics
/// Never in a released build: a test loads every catalogue.
#[must_use]
pub fn default_code() -> &'static str {
    CATALOGUES
        .first()
        .expect("rules/messages holds at least one catalogue")
        .code
}

/// The languages to look in for a text in `code`: that one, then its
/// fallbacks (the catalogue's `fallback`, else the default language), each
/// once.
fn chain(code: &str) -> impl Iterator<Item = &'static Catalogue> {
    chain_in(&CATALOGUES, code)
}

/// `chain` among the catalogues `all`, the default one first.
fn chain_in<'a>(all: &'a [Catalogue], code: &str) -> impl Iterator<Item = &'a Catalogue> + use<'a> {
    let find = move |code: &str| all.iter().find(|c| c.code == code);
    let fallback = move |c: &&'a Catalogue| match &c.fallback {
        Some(code) => find(code),
        None if c.default => None,
        None => all.first(),
    };
    std::iter::successors(find(code), fallback).take(all.len())
}

/// Every language with a catalogue, the default one first: the values of
/// `--lang`.
static LANGS: LazyLock<Vec<Lang>> = LazyLock::new(|| codes().map(Lang).collect());

impl Lang {
    /// The language whose catalogue has `code`.
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        catalogue(code).map(|c| Self(c.code))
    }

    /// Every language with a catalogue, the default one first.
    #[must_use]
    pub fn all() -> &'static [Self] {
        &LANGS
    }

    /// The language a `LANG`-style locale names ("en_GB.UTF-8" names `en`):
    /// its language part, when a catalogue has it, else the default language.
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        let part: String = locale
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Self::parse(&part).unwrap_or_default()
    }

    /// The code its catalogue and the profiles' texts are keyed by.
    #[must_use]
    pub const fn code(self) -> &'static str {
        self.0
    }

    /// The template of message `key` in this language, or in its fallback.
    #[must_use]
    pub fn template(self, key: &str) -> Option<&'static str> {
        chain(self.code()).find_map(|c| c.messages.get(key).map(String::as_str))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Self::parse(&code).ok_or_else(|| {
            let known: Vec<&str> = codes().collect();
            serde::de::Error::custom(format!(
                "unknown language \"{code}\"; klausul speaks {}",
                known.join(", ")
            ))
        })
    }
}

/// `--lang` takes the code of every catalogue.
impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        Self::all()
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0))
    }
}

/// A text in several languages, keyed by language code. Cheap to clone, so a
/// finding can refer to a profile's text without copying it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Arc<[(Box<str>, Box<str>)]>);

impl Text {
    /// The text in `lang`, or in its fallback, or in whatever language it has.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        chain(lang.code())
            .find_map(|c| self.exact(c.code))
            .or_else(|| self.0.first().map(|(_, t)| &**t))
            .unwrap_or("")
    }

    /// The text in the language `code`, if it has one.
    #[must_use]
    pub fn exact(&self, code: &str) -> Option<&str> {
        self.0.iter().find(|(c, _)| &**c == code).map(|(_, t)| &**t)
    }

    /// The language codes it has a text for.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(c, _)| &**c)
    }

    /// Each language's text changed by `f`.
    #[must_use]
    pub fn map(&self, mut f: impl FnMut(&str) -> String) -> Self {
        self.0.iter().map(|(c, t)| (c.to_string(), f(t))).collect()
    }
}

impl<C: Into<Box<str>>, T: Into<Box<str>>> FromIterator<(C, T)> for Text {
    fn from_iter<I: IntoIterator<Item = (C, T)>>(iter: I) -> Self {
        Self(
            iter.into_iter()
                .map(|(c, t)| (c.into(), t.into()))
                .collect(),
        )
    }
}

/// Fills `{name}` placeholders in a template, in one pass: a value is put in
/// as it is, even if it holds braces (a cell's text can). A placeholder with
/// no value, or a brace that opens none, stays.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, close))
        });
        if let Some((value, close)) = filled {
            out.push_str(value);
            rest = &after[close + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The names of a template's placeholders, in order.
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template.split('{').skip(1).filter_map(|piece| {
        let (name, _) = piece.split_once('}')?;
        (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .then_some(name)
    })
}

#[cfg(test)]
mod tests;
