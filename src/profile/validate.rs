//! Turns a `ProfileSpec` into a `Profile`, collecting every problem rather than
//! stopping at the first, each with its place in the file.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use toml::Spanned;

use super::phrases::{MatcherBuilder, SetId};
use super::spec::{Patterns, ProfileSpec, RequirementSpec, TextSpec};
use super::vocabulary::{self, Vocabulary};
use super::words::CpvSpec;
use super::words::{RegisterSpec, Sets};
use super::{
    builtin, CheckKind, ClauseWords, Cpv, Element, Example, Explanation, Ground, Language, Note,
    Outdated, Parameters, Problem, Profile, ProfileError, RegisterRule, RegisterWords, Requirement,
    Scope, WeakSignal, Within,
};
use crate::model::column::Role;
use crate::model::lang::{self, Lang, Text};
use crate::model::vocab::ContractType;
use crate::model::vocab::{Severity, Status};
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

    /// The register row's requirement and its term columns: a base profile
    /// declares the id and name; an extending one may change any of them.
    fn register_rule(
        &mut self,
        spec: &RegisterSpec,
        parent: Option<&RegisterRule>,
        requirements: &[Requirement],
    ) -> Option<RegisterRule> {
        let id = spec.id.as_ref().map(|s| s.get_ref().clone());
        let name = spec.name.as_ref().map(|s| s.get_ref().clone());
        let (Some(id), Some(name)) = (
            id.or_else(|| parent.map(|p| p.id.clone())),
            name.or_else(|| parent.map(|p| p.name.clone())),
        ) else {
            self.problem(
                "[register] needs `id` and `name` (the register row's own requirement)",
                None,
            );
            return None;
        };
        if requirements.iter().any(|r| r.id == id) {
            self.problem(
                format!("[register] id \"{id}\" is a requirement's; the register row needs an id of its own"),
                spec.id.as_ref().map(Spanned::span),
            );
        }
        let mut terms = parent.map(|p| p.terms.clone()).unwrap_or_default();
        let judged = [
            Role::Penalty,
            Role::ReportDays,
            Role::FlowDown,
            Role::Termination,
        ];
        for (key, requirement) in &spec.terms {
            let Some(role) = Role::from_key(key).filter(|r| judged.contains(r)) else {
                self.problem(
                    format!(
                        "[register.terms] has no term column \"{key}\"; the term columns are {}",
                        judged.map(Role::key).join(", ")
                    ),
                    Some(requirement.span()),
                );
                continue;
            };
            if !requirements.iter().any(|r| &r.id == requirement.get_ref()) {
                self.problem(
                    format!(
                        "[register.terms] names \"{}\", which is no requirement of this profile",
                        requirement.get_ref()
                    ),
                    Some(requirement.span()),
                );
            }
            terms.retain(|(r, _)| *r != role);
            terms.push((role, requirement.get_ref().clone()));
        }
        terms.sort_by_key(|(r, _)| judged.iter().position(|j| j == r));
        Some(RegisterRule { id, name, terms })
    }

    fn overrides(&mut self, spec: &ProfileSpec, requirements: &mut [Requirement]) {
        for (id, o) in &spec.requirements {
            let Some(r) = requirements.iter_mut().find(|r| &r.id == id.get_ref()) else {
                self.problem(
                    format!("no requirement \"{}\" to override", id.get_ref()),
                    Some(id.span()),
                );
                continue;
            };
            if let Some(s) = &o.severity {
                r.severity = self.severity(s);
            }
            if let Some(e) = o.enabled {
                r.enabled = e;
            }
            if let Some(s) = &o.source {
                r.explanation.source = self.text(s);
            }
        }
    }

    fn messages(
        &mut self,
        given: &BTreeMap<Spanned<String>, TextSpec>,
        into: &mut HashMap<String, Text>,
    ) {
        // A profile may word a catalogue's message its own way; it cannot
        // add messages no code says.
        for (key, value) in given {
            if Lang::default().template(key.get_ref()).is_some() {
                let value = self.text(value);
                into.insert(key.get_ref().clone(), value);
            } else {
                self.problem(
                    format!("unknown message key `{}`", key.get_ref()),
                    Some(key.span()),
                );
            }
        }
    }

    fn parameters(
        &mut self,
        spec: &ProfileSpec,
        parent: Option<&Parameters>,
    ) -> Option<Parameters> {
        let p = &spec.parameters;
        // A value given here wins; otherwise the parent's value of the same name.
        let mut number = |value: Option<&Spanned<f64>>, name: &str| match value {
            Some(x) if *x.get_ref() < 0.0 || !x.get_ref().is_finite() => {
                self.problem(
                    format!("`{name}` must be a number of zero or more"),
                    Some(x.span()),
                );
                None
            }
            Some(x) => Some(*x.get_ref()),
            None => {
                let inherited = parent.and_then(|x| x.number(name));
                if inherited.is_none() {
                    self.problem(
                        format!("the parameter `{name}` is missing from [parameters]"),
                        None,
                    );
                }
                inherited
            }
        };
        let report_max_days = number(p.report_max_days.as_ref(), "report_max_days");
        let penalty_min_sek = number(p.penalty_min_sek.as_ref(), "penalty_min_sek");
        let min_duration_months = number(p.min_duration_months.as_ref(), "min_duration_months");
        let min_value_sek = number(p.min_value_sek.as_ref(), "min_value_sek");
        let prisbasbelopp_sek = p
            .prisbasbelopp_sek
            .as_ref()
            .map(|x| *x.get_ref())
            .or(parent.and_then(|x| x.prisbasbelopp_sek));
        Some(Parameters {
            report_max_days: report_max_days?,
            penalty_min_sek: penalty_min_sek?,
            min_duration_months: min_duration_months?,
            min_value_sek: min_value_sek?,
            duration_includes_options: p
                .duration_includes_options
                .or(parent.map(|x| x.duration_includes_options))
                .unwrap_or(true),
            prisbasbelopp_sek,
        })
    }

    fn requirements(
        &mut self,
        specs: &[RequirementSpec],
        known: &[String],
        parameters: Option<&Parameters>,
    ) -> Vec<Requirement> {
        let mut seen: HashSet<String> = known.iter().cloned().collect();
        let mut out = Vec::new();
        for spec in specs {
            if !seen.insert(spec.id.get_ref().clone()) {
                self.problem(
                    format!("the requirement id \"{}\" is used twice", spec.id.get_ref()),
                    Some(spec.id.span()),
                );
            }
            out.push(self.requirement(spec, parameters));
        }
        out
    }

    fn requirement(
        &mut self,
        spec: &RequirementSpec,
        parameters: Option<&Parameters>,
    ) -> Requirement {
        let check = CheckKind::parse(spec.check.get_ref());
        if check.is_none() {
            let names = CheckKind::NAMES.join(", ");
            self.problem(
                format!(
                    "unknown check \"{}\"; use one of {names}",
                    spec.check.get_ref()
                ),
                Some(spec.check.span()),
            );
        }
        let name = spec.name.get_ref();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            self.problem(
                format!("the name \"{name}\" must be lower-case words joined by `-`"),
                Some(spec.name.span()),
            );
        }
        if let Some(p) = &spec.parameter {
            if parameters.is_some_and(|ps| ps.number(p.get_ref()).is_none())
                && !super::Parameters::NUMERIC.contains(&p.get_ref().as_str())
            {
                self.problem(
                    format!("unknown parameter \"{}\"", p.get_ref()),
                    Some(p.span()),
                );
            }
        }
        let needs_evidence = !matches!(check, Some(CheckKind::Grounds | CheckKind::CurrentLaw));
        if needs_evidence && spec.evidence.is_empty() {
            self.problem(
                "a requirement needs at least one [requirement.evidence] list",
                Some(spec.id.span()),
            );
        }
        let requirement = Requirement {
            id: spec.id.get_ref().clone(),
            name: name.clone(),
            severity: self.severity(&spec.severity),
            enabled: true,
            check: check.unwrap_or(CheckKind::Obligation),
            parameter: spec.parameter.as_ref().map(|p| p.get_ref().clone()),
            tied: spec.tied,
            summary: self.text(&spec.summary),
            explanation: Explanation {
                requires: self.text(&spec.explanation.requires),
                why: self.text(&spec.explanation.why),
                source: self.text(&spec.explanation.source),
            },
            suggestion: self.text(&spec.suggestion),
            evidence: spec.evidence.values().map(|p| self.set(p)).collect(),
            weak: self.weak_signals(spec),
            elements: spec
                .element
                .iter()
                .map(|e| Element {
                    set: self.set(&e.patterns),
                    reason: self.text(&e.reason),
                })
                .collect(),
            grounds: spec
                .ground
                .iter()
                .map(|g| Ground {
                    name: self.text(&g.name),
                    set: self.set(&g.patterns),
                })
                .collect(),
            outdated: spec
                .outdated
                .iter()
                .map(|o| Outdated {
                    set: self.set(&o.patterns),
                    cited: self.text(&o.cited),
                    replacement: self.text(&o.replacement),
                })
                .collect(),
            notes: spec
                .note
                .iter()
                .map(|n| Note {
                    set: self.set(&n.patterns),
                    note: self.text(&n.note),
                })
                .collect(),
            examples: spec
                .example
                .iter()
                .filter_map(|e| self.example(e))
                .collect(),
        };
        self.kind_needs(spec, &requirement);
        requirement
    }

    fn weak_signals(&mut self, spec: &RequirementSpec) -> Vec<WeakSignal> {
        spec.weak
            .iter()
            .map(|w| WeakSignal {
                set: self.set(&w.patterns),
                unless: (!w.unless.is_empty()).then(|| self.set(&w.unless)),
                within: self.within(w.within.as_ref()),
                reason: self.text(&w.reason),
            })
            .collect()
    }

    /// `[scope.cpv]`: divisions "03" or ranges "03-44" by kind.
    fn cpv(&mut self, spec: &CpvSpec) -> Cpv {
        let mut cpv = Cpv::default();
        for (kind, entries) in [
            (ContractType::Goods, &spec.goods),
            (ContractType::Works, &spec.works),
            (ContractType::Services, &spec.services),
        ] {
            for entry in entries {
                let text = entry.get_ref();
                let (from, to) = text.split_once('-').unwrap_or((text, text));
                match (from.trim().parse::<usize>(), to.trim().parse::<usize>()) {
                    (Ok(a), Ok(b)) if a <= b && b < 100 => {
                        for d in a..=b {
                            cpv.set(d, kind);
                        }
                    }
                    _ => self.problem(
                        format!("\"{text}\" is no CPV division (\"45\") or range (\"03-44\")"),
                        Some(entry.span()),
                    ),
                }
            }
        }
        cpv
    }

    fn within(&mut self, within: Option<&Spanned<String>>) -> Within {
        match within.map(|w| w.get_ref().as_str()) {
            None | Some("sentence") => Within::Sentence,
            Some("section") => Within::Section,
            Some(other) => {
                self.problem(
                    format!("unknown `within` \"{other}\"; use sentence or section"),
                    within.map(Spanned::span),
                );
                Within::Sentence
            }
        }
    }

    fn example(&mut self, e: &super::spec::ExampleSpec) -> Option<Example> {
        let status = Status::parse(e.status.get_ref());
        if status.is_none() {
            self.problem(
                format!(
                    "unknown example status \"{}\"; use met, weak or missing",
                    e.status.get_ref()
                ),
                Some(e.status.span()),
            );
        }
        Some(Example {
            status: status?,
            text: e.text.clone(),
        })
    }

    /// What each kind of check needs from its requirement.
    fn kind_needs(&mut self, spec: &RequirementSpec, r: &Requirement) {
        let span = Some(spec.check.span());
        match r.check {
            CheckKind::Grounds if r.grounds.is_empty() => {
                self.problem("a `grounds` check needs [[requirement.ground]] lists", span);
            }
            CheckKind::CurrentLaw if r.outdated.is_empty() => {
                self.problem(
                    "a `current-law` check needs [[requirement.outdated]] lists",
                    span,
                );
            }
            CheckKind::Deadline | CheckKind::Penalty if r.parameter.is_none() => {
                self.problem(
                    "this check compares with a parameter: name it with `parameter`",
                    span,
                );
            }
            _ => {}
        }
    }
}
