//! Turns a `ProfileSpec` into a `Profile`, collecting every problem rather than
//! stopping at the first, each with its place in the file. The requirements
//! are validated in `requirement`, the other tables in `tables`.

mod requirement;
mod tables;

use std::collections::HashMap;
use std::path::Path;

use toml::Spanned;

use super::phrases::{MatcherBuilder, SetId};
use super::spec::{Patterns, ProfileSpec, TextSpec};
use super::vocabulary::{self, Vocabulary};
use super::words::Sets;
use super::{
    builtin, ClauseWords, Cpv, Language, Problem, Profile, ProfileError, RegisterWords,
    Requirement, Scope,
};
use crate::model::lang::{self, Text};
use crate::model::vocab::Severity;
use crate::source::sha256_hex;
use crate::toml_file::{self, Extends, Unparsed};

impl Extends for ProfileSpec {
    fn extends(&self) -> Option<&Spanned<String>> {
        self.extends.as_ref()
    }
}

/// A built-in profile's file, by its id.
pub fn builtin_file(id: &str) -> Option<Unparsed> {
    builtin::source(id).map(|text| Unparsed::builtin(format!("rules/{id}.toml"), text))
}

/// The profile of `first` and the files it extends, each validated in turn
/// from the base up; problems are reported in the first file that has any.
pub fn from_file(first: Unparsed) -> Result<Profile, ProfileError> {
    let chain = toml_file::load_chain::<ProfileSpec>(first, builtin_file, "profile")?;
    let mut profile = None;
    for layer in chain.iter().rev() {
        let mut v = Validator::default();
        // A vocabulary the profile names by path is read beside it.
        let dir = std::path::Path::new(&layer.name).parent();
        let made = match profile.take() {
            Some(parent) => v.extend(parent, &layer.spec, &layer.text, dir),
            None => v.base(&layer.spec, &layer.text, dir),
        };
        match made {
            Some(p) if v.problems.is_empty() => profile = Some(p),
            _ => return Err(ProfileError::new(&layer.name, &layer.text, v.problems)),
        }
    }
    Ok(profile.expect("a chain holds at least its first file"))
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    builder: MatcherBuilder,
}

impl Sets for Validator {
    fn set(&mut self, patterns: &Patterns) -> SetId {
        match self
            .builder
            .add_set(patterns.iter().map(|p| p.get_ref().as_str()))
        {
            Ok(id) => id,
            Err(problems) => {
                for (i, problem) in problems {
                    let p = &patterns[i];
                    self.problem(
                        format!("pattern \"{}\": {}", p.get_ref(), problem.explain()),
                        Some(p.span()),
                    );
                }
                SetId(0)
            }
        }
    }

    fn required_set(&mut self, patterns: Option<&Patterns>, key: &str) -> SetId {
        if let Some(p) = patterns {
            if !p.is_empty() {
                return self.set(p);
            }
        }
        self.problem(format!("`{key}` needs at least one pattern"), None);
        SetId(0)
    }
}

impl Validator {
    fn problem(&mut self, message: impl Into<String>, span: Option<std::ops::Range<usize>>) {
        self.problems.push(Problem::at(message, span));
    }

    /// A text keyed by language code. Each code must be a language klausul
    /// speaks, and the default language must be there: every other falls
    /// back to it.
    fn text(&mut self, spec: &TextSpec) -> Text {
        let texts = spec.0.get_ref();
        for code in texts.keys() {
            if !lang::codes().any(|c| c == code.get_ref()) {
                let known: Vec<&str> = lang::codes().collect();
                self.problem(
                    format!(
                        "unknown language \"{}\"; the languages are {}",
                        code.get_ref(),
                        known.join(", ")
                    ),
                    Some(code.span()),
                );
            }
        }
        let default = lang::default_code();
        if !texts.keys().any(|c| c.get_ref() == default) {
            self.problem(
                format!("this text needs `{default}`, the default language"),
                Some(spec.0.span()),
            );
        }
        texts
            .iter()
            .map(|(code, text)| (code.get_ref().as_str(), text.as_str()))
            .collect()
    }

    fn severity(&mut self, s: &Spanned<String>) -> Severity {
        Severity::parse(s.get_ref()).unwrap_or_else(|| {
            self.problem(
                format!(
                    "unknown severity \"{}\"; use error, warning or info",
                    s.get_ref()
                ),
                Some(s.span()),
            );
            Severity::Error
        })
    }

    fn base(
        &mut self,
        spec: &ProfileSpec,
        source_text: &str,
        dir: Option<&Path>,
    ) -> Option<Profile> {
        let parameters = self.parameters(spec, None);
        let scope = Scope::base(&spec.scope, self);
        let cpv = spec
            .scope
            .cpv
            .as_ref()
            .map_or_else(Cpv::default, |c| self.cpv(c));
        let clause = ClauseWords::base(&spec.clause, self);
        let register = RegisterWords::base(&spec.register, self);
        let language = Language::base(&spec.language, self);
        let vocabulary = self.vocabulary(spec, dir);
        let mut messages = HashMap::new();
        self.messages(&spec.messages, &mut messages);
        let requirements = self.requirements(&spec.requirement, &[], parameters.as_ref());
        let register_rule = self.register_rule(&spec.register, None, &requirements);
        let (name, source) = self.base_needs(spec, &requirements);
        Some(Profile {
            id: spec.id.get_ref().clone(),
            version: spec.version.clone().unwrap_or_default(),
            name: name.unwrap_or_default(),
            source: source.unwrap_or_default(),
            sha256: sha256_hex(&[
                source_text.as_bytes(),
                vocabulary.as_ref()?.sha256.as_bytes(),
            ]),
            parameters: parameters?,
            scope,
            cpv,
            clause,
            language,
            register,
            register_rule: register_rule?,
            vocabulary: vocabulary?,
            messages,
            matcher: self.builder.build(),
            builder: std::mem::take(&mut self.builder),
            sample: source_text.to_owned(),
            prefilter: std::sync::OnceLock::new(),
            suggestions: std::sync::OnceLock::new(),
            requirements,
        })
    }

    /// What a base profile must give besides its tables: requirements, no
    /// overrides (there is nothing to override), and its name, source and
    /// version.
    fn base_needs(
        &mut self,
        spec: &ProfileSpec,
        requirements: &[Requirement],
    ) -> (Option<Text>, Option<Text>) {
        if requirements.is_empty() {
            self.problem("a profile needs at least one [[requirement]]", None);
        }
        if spec.requirements.keys().next().is_some() {
            self.problem(
                "[requirements.ID] overrides need `extends`",
                spec.requirements.keys().next().map(Spanned::span),
            );
        }
        let name = spec.name.as_ref().map(|t| self.text(t));
        let source = spec.source.as_ref().map(|t| self.text(t));
        if name.is_none() || source.is_none() || spec.version.is_none() {
            self.problem(
                "a profile needs `version`, `name` and `source`",
                Some(spec.id.span()),
            );
        }
        (name, source)
    }

    fn extend(
        &mut self,
        mut parent: Profile,
        spec: &ProfileSpec,
        source_text: &str,
        dir: Option<&Path>,
    ) -> Option<Profile> {
        self.builder = std::mem::take(&mut parent.builder);
        parent.sha256 = sha256_hex(&[parent.sha256.as_bytes(), source_text.as_bytes()]);
        parent.id.clone_from(spec.id.get_ref());
        if let Some(v) = &spec.version {
            parent.version.clone_from(v);
        }
        if let Some(n) = &spec.name {
            parent.name = self.text(n);
        }
        if let Some(s) = &spec.source {
            parent.source = self.text(s);
        }
        parent.parameters = self.parameters(spec, Some(&parent.parameters))?;
        parent.scope.extend(&spec.scope, self);
        if let Some(c) = &spec.scope.cpv {
            parent.cpv = self.cpv(c);
        }
        parent.clause.extend(&spec.clause, self);
        parent.register.extend(&spec.register, self);
        parent.language.extend(&spec.language, self);
        if spec.vocabulary.is_some() {
            parent.vocabulary = self.vocabulary(spec, dir)?;
            parent.sha256 = sha256_hex(&[
                parent.sha256.as_bytes(),
                parent.vocabulary.sha256.as_bytes(),
            ]);
        }
        self.messages(&spec.messages, &mut parent.messages);
        self.overrides(spec, &mut parent.requirements);
        let known: Vec<String> = parent.requirements.iter().map(|r| r.id.clone()).collect();
        let added = self.requirements(&spec.requirement, &known, Some(&parent.parameters));
        parent.requirements.extend(added);
        parent.register_rule = self.register_rule(
            &spec.register,
            Some(&parent.register_rule),
            &parent.requirements,
        )?;
        parent.matcher = self.builder.build();
        parent.builder = std::mem::take(&mut self.builder);
        parent.sample.push('\n');
        parent.sample.push_str(source_text);
        parent.prefilter = std::sync::OnceLock::new();
        parent.suggestions = std::sync::OnceLock::new();
        Some(parent)
    }

    /// The vocabulary the profile names (a built-in name, or a file beside
    /// the profile), the built-in one when it names none.
    fn vocabulary(&mut self, spec: &ProfileSpec, dir: Option<&Path>) -> Option<Vocabulary> {
        let Some(name) = &spec.vocabulary else {
            return Some(Vocabulary::builtin());
        };
        if name.get_ref() == vocabulary::BUILTIN_NAME {
            return Some(Vocabulary::builtin());
        }
        let path = dir.unwrap_or(Path::new(".")).join(name.get_ref());
        let loaded = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                Vocabulary::from_toml(&path.display().to_string(), &text).map_err(|e| {
                    let problems: Vec<&str> =
                        e.problems.iter().map(|p| p.message.as_str()).collect();
                    problems.join("; ")
                })
            });
        match loaded {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(
                    format!("the vocabulary \"{}\" cannot be used: {e}", name.get_ref()),
                    Some(name.span()),
                );
                None
            }
        }
    }
}
