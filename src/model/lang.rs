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

/// A language klausul speaks. Each has a message catalogue, found by its
/// code. Also the values of `--lang` (clap's `ValueEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
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
static CATALOGUES: LazyLock<Vec<Catalogue>> = LazyLock::new(|| {
    let mut all: Vec<Catalogue> = SOURCES
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
});

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
    let fallback = |c: &&'static Catalogue| match &c.fallback {
        Some(code) => catalogue(code),
        None if c.default => None,
        None => CATALOGUES.first(),
    };
    std::iter::successors(catalogue(code), fallback).take(CATALOGUES.len())
}

impl Lang {
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "sv" => Some(Self::Sv),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The language a `LANG`-style locale names; Swedish unless it names English.
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("en") {
            Self::En
        } else {
            Self::Sv
        }
    }

    /// The code its catalogue and the profiles' texts are keyed by.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Sv => "sv",
            Self::En => "en",
        }
    }

    /// The template of message `key` in this language, or in its fallback.
    #[must_use]
    pub fn template(self, key: &str) -> Option<&'static str> {
        chain(self.code()).find_map(|c| c.messages.get(key).map(String::as_str))
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
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_the_rest_stays() {
        let values = [("value", "25 000"), ("min", "{max}"), ("max", "30")];
        assert_eq!(
            fill("vitet {value} kr är lägre än {min} kr", &values),
            "vitet 25 000 kr är lägre än {max} kr"
        );
        assert_eq!(
            fill("{value}{value} {okänd} {", &values),
            "25 00025 000 {okänd} {"
        );
        assert_eq!(fill("{ {max}} {}", &values), "{ 30} {}");
        assert_eq!(fill("åäö {max}", &[]), "åäö {max}");
    }

    #[test]
    fn a_text_falls_back_to_the_default_language_then_to_any() {
        let en = Lang::En;
        let both: Text = [("sv", "hej"), ("en", "hello")].into_iter().collect();
        assert_eq!(both.get(en), "hello");
        let swedish: Text = [("sv", "hej")].into_iter().collect();
        assert_eq!(swedish.get(en), "hej");
        let german: Text = [("de", "hallo")].into_iter().collect();
        assert_eq!(german.get(en), "hallo");
        assert_eq!(Text::default().get(en), "");
    }

    /// Every catalogue has the default one's keys, each with the same
    /// placeholders, and no others; its fallback is a language klausul speaks.
    #[test]
    fn every_catalogue_says_what_the_default_one_says() {
        assert_eq!(CATALOGUES.iter().filter(|c| c.default).count(), 1);
        let default = &CATALOGUES[0];
        let sorted = |c: &'static Catalogue| {
            let mut keys: Vec<&str> = c.messages.keys().map(String::as_str).collect();
            keys.sort_unstable();
            keys
        };
        let keys = sorted(default);
        for c in CATALOGUES.iter() {
            assert_eq!(sorted(c), keys, "{}", c.code);
            for key in &keys {
                let mut theirs: Vec<_> = placeholders(&default.messages[*key]).collect();
                let mut ours: Vec<_> = placeholders(&c.messages[*key]).collect();
                theirs.sort_unstable();
                ours.sort_unstable();
                assert_eq!(ours, theirs, "{} {key}", c.code);
            }
            assert!(c.fallback.as_deref().is_none_or(|f| catalogue(f).is_some()));
        }
        for lang in [Lang::Sv, Lang::En] {
            assert!(catalogue(lang.code()).is_some(), "{lang:?}");
        }
        assert_eq!(default_code(), Lang::default().code());
    }
}
