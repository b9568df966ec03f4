//! Turns a `ProfileSpec` into a `Profile`, collecting every problem rather than
//! stopping at the first, each with its place in the file.

use std::collections::{BTreeMap, HashMap, HashSet};

use toml::Spanned;

use super::phrases::{MatcherBuilder, SetId};
use super::spec::{Patterns, ProfileSpec, RequirementSpec, TextSpec};
use super::{
    builtin, CheckKind, ClauseWords, Element, Example, Explanation, Ground, Language, Note,
    Outdated, Parameters, Problem, Profile, ProfileError, RegisterWords, Requirement, Scope,
    WeakSignal,
};
use crate::model::lang::Text;
use crate::model::vocab::{Severity, Status};
use crate::source::sha256_hex;
use crate::toml_file::{self, Extends, Unparsed};

/// Every message the checking core uses; a base profile must define them all.
pub const MESSAGE_KEYS: &[&str] = &[
    "missing",
    "met",
    "met_note",
    "soft",
    "unbound",
    "signal",
    "element",
    "outdated",
    "grounds",
    "time_missing",
    "time_vague",
    "time_long",
    "amount_missing",
    "amount_low",
    "amount_percent_unknown",
    "amount_unclear",
    "general_only",
    "scope_services",
    "scope_works",
    "scope_mixed",
    "scope_goods",
    "scope_unknown",
    "scope_given",
    "below_duration",
    "below_value",
    "thresholds_met",
    "thresholds_unknown",
    "register_type_missing",
    "register_type_unknown",
    "register_framework",
    "register_goods",
    "register_applies",
    "register_below_duration",
    "register_below_value",
    "register_unreadable",
    "register_error_cell",
    "register_clause_missing",
    "register_clause_unclear",
    "register_clause_included",
    "register_old_version",
    "register_penalty_low",
    "register_report_slow",
    "register_flow_down_missing",
    "register_termination_missing",
    "catalogue_optional",
    "register_rule",
];

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
        let made = match profile.take() {
            Some(parent) => v.extend(parent, &layer.spec, &layer.text),
            None => v.base(&layer.spec, &layer.text),
        };
        match made {
            Some(p) if v.problems.is_empty() => profile = Some(p),
            _ => return Err(ProfileError::new(&layer.name, &layer.text, v.problems)),
        }
    }
    Ok(profile.expect("a chain holds at least its first file"))
}

fn text(spec: &TextSpec) -> Text {
    Text {
        sv: spec.sv.clone(),
        en: spec.en.clone(),
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    builder: MatcherBuilder,
}

impl Validator {
    fn problem(&mut self, message: impl Into<String>, span: Option<std::ops::Range<usize>>) {
        self.problems.push(Problem::at(message, span));
    }

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

    fn base(&mut self, spec: &ProfileSpec, source_text: &str) -> Option<Profile> {
        let parameters = self.parameters(spec, None);
        let s = &spec.scope;
        let scope = Scope {
            apply_thresholds: s.apply_thresholds.unwrap_or(false),
            services: self.required_set(s.services.as_ref(), "scope.services"),
            works: self.required_set(s.works.as_ref(), "scope.works"),
            goods: self.required_set(s.goods.as_ref(), "scope.goods"),
            contract_period: self.required_set(s.contract_period.as_ref(), "scope.contract_period"),
            options: self.required_set(s.options.as_ref(), "scope.options"),
            value: self.required_set(s.value.as_ref(), "scope.value"),
        };
        let c = &spec.clause;
        let clause = ClauseWords {
            headings: self.required_set(c.headings.as_ref(), "clause.headings"),
            general: self.required_set(c.general.as_ref(), "clause.general"),
            topic: self.required_set(c.topic.as_ref(), "clause.topic"),
        };
        let r = &spec.register;
        let register = RegisterWords {
            services: self.required_set(r.services.as_ref(), "register.services"),
            works: self.required_set(r.works.as_ref(), "register.works"),
            goods: self.required_set(r.goods.as_ref(), "register.goods"),
            framework: self.required_set(r.framework.as_ref(), "register.framework"),
            old_version: self.required_set(r.old_version.as_ref(), "register.old_version"),
        };
        let l = &spec.language;
        let language = Language {
            binding: self.required_set(l.binding.as_ref(), "language.binding"),
            soft: self.required_set(l.soft.as_ref(), "language.soft"),
            permissive: self.required_set(l.permissive.as_ref(), "language.permissive"),
            supplier: self.required_set(l.supplier.as_ref(), "language.supplier"),
            other_party: self.required_set(l.other_party.as_ref(), "language.other_party"),
            vague_time: self.required_set(l.vague_time.as_ref(), "language.vague_time"),
            example_markers: self
                .required_set(l.example_markers.as_ref(), "language.example_markers"),
        };
        let mut messages = HashMap::new();
        self.messages(&spec.messages, &mut messages);
        for key in MESSAGE_KEYS {
            if !messages.contains_key(*key) {
                self.problem(
                    format!("the message `{key}` is missing from [messages]"),
                    None,
                );
            }
        }
        let requirements = self.requirements(&spec.requirement, &[], parameters.as_ref());
        if requirements.is_empty() {
            self.problem("a profile needs at least one [[requirement]]", None);
        }
        if spec.requirements.keys().next().is_some() {
            self.problem(
                "[requirements.ID] overrides need `extends`",
                spec.requirements.keys().next().map(Spanned::span),
            );
        }
        let (name, source) = (spec.name.as_ref().map(text), spec.source.as_ref().map(text));
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
            sha256: sha256_hex(&[source_text.as_bytes()]),
            parameters: parameters?,
            scope,
            clause,
            language,
            register,
            messages,
            matcher: self.builder.build(),
            builder: std::mem::take(&mut self.builder),
            sample: source_text.to_owned(),
            prefilter: std::sync::OnceLock::new(),
            suggestions: Default::default(),
            requirements,
        })
    }

    fn extend(
        &mut self,
        mut parent: Profile,
        spec: &ProfileSpec,
        source_text: &str,
    ) -> Option<Profile> {
        self.builder = std::mem::take(&mut parent.builder);
        parent.sha256 = sha256_hex(&[parent.sha256.as_bytes(), source_text.as_bytes()]);
        parent.id.clone_from(spec.id.get_ref());
        if let Some(v) = &spec.version {
            parent.version.clone_from(v);
        }
        if let Some(n) = &spec.name {
            parent.name = text(n);
        }
        if let Some(s) = &spec.source {
            parent.source = text(s);
        }
        parent.parameters = self.parameters(spec, Some(&parent.parameters))?;
        self.replace_sets(spec, &mut parent);
        self.messages(&spec.messages, &mut parent.messages);
        self.overrides(spec, &mut parent.requirements);
        let known: Vec<String> = parent.requirements.iter().map(|r| r.id.clone()).collect();
        let added = self.requirements(&spec.requirement, &known, Some(&parent.parameters));
        parent.requirements.extend(added);
        parent.matcher = self.builder.build();
        parent.builder = std::mem::take(&mut self.builder);
        parent.sample.push('\n');
        parent.sample.push_str(source_text);
        parent.prefilter = std::sync::OnceLock::new();
        parent.suggestions = Default::default();
        Some(parent)
    }

    /// Pattern lists an extending profile gives replace its parent's.
    fn replace_sets(&mut self, spec: &ProfileSpec, p: &mut Profile) {
        let s = &spec.scope;
        if let Some(t) = s.apply_thresholds {
            p.scope.apply_thresholds = t;
        }
        let replace = |v: &mut Self, list: Option<&Patterns>, slot: &mut SetId| {
            if let Some(list) = list {
                *slot = v.set(list);
            }
        };
        replace(self, s.services.as_ref(), &mut p.scope.services);
        replace(self, s.works.as_ref(), &mut p.scope.works);
        replace(self, s.goods.as_ref(), &mut p.scope.goods);
        replace(
            self,
            s.contract_period.as_ref(),
            &mut p.scope.contract_period,
        );
        replace(self, s.options.as_ref(), &mut p.scope.options);
        replace(self, s.value.as_ref(), &mut p.scope.value);
        let c = &spec.clause;
        replace(self, c.headings.as_ref(), &mut p.clause.headings);
        replace(self, c.general.as_ref(), &mut p.clause.general);
        replace(self, c.topic.as_ref(), &mut p.clause.topic);
        let reg = &spec.register;
        replace(self, reg.services.as_ref(), &mut p.register.services);
        replace(self, reg.works.as_ref(), &mut p.register.works);
        replace(self, reg.goods.as_ref(), &mut p.register.goods);
        replace(self, reg.framework.as_ref(), &mut p.register.framework);
        replace(self, reg.old_version.as_ref(), &mut p.register.old_version);
        let l = &spec.language;
        replace(self, l.binding.as_ref(), &mut p.language.binding);
        replace(self, l.soft.as_ref(), &mut p.language.soft);
        replace(self, l.permissive.as_ref(), &mut p.language.permissive);
        replace(self, l.supplier.as_ref(), &mut p.language.supplier);
        replace(self, l.other_party.as_ref(), &mut p.language.other_party);
        replace(self, l.vague_time.as_ref(), &mut p.language.vague_time);
        replace(
            self,
            l.example_markers.as_ref(),
            &mut p.language.example_markers,
        );
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
                r.explanation.source = text(s);
            }
        }
    }

    fn messages(
        &mut self,
        given: &BTreeMap<Spanned<String>, TextSpec>,
        into: &mut HashMap<String, Text>,
    ) {
        for (key, value) in given {
            if MESSAGE_KEYS.contains(&key.get_ref().as_str()) {
                into.insert(key.get_ref().clone(), text(value));
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
            summary: text(&spec.summary),
            explanation: Explanation {
                requires: text(&spec.explanation.requires),
                why: text(&spec.explanation.why),
                source: text(&spec.explanation.source),
            },
            suggestion: text(&spec.suggestion),
            evidence: spec.evidence.values().map(|p| self.set(p)).collect(),
            weak: self.weak_signals(spec),
            elements: spec
                .element
                .iter()
                .map(|e| Element {
                    set: self.set(&e.patterns),
                    reason: text(&e.reason),
                })
                .collect(),
            grounds: spec
                .ground
                .iter()
                .map(|g| Ground {
                    name: text(&g.name),
                    set: self.set(&g.patterns),
                })
                .collect(),
            outdated: spec
                .outdated
                .iter()
                .map(|o| Outdated {
                    set: self.set(&o.patterns),
                    cited: text(&o.cited),
                    replacement: text(&o.replacement),
                })
                .collect(),
            notes: spec
                .note
                .iter()
                .map(|n| Note {
                    set: self.set(&n.patterns),
                    note: text(&n.note),
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
                reason: text(&w.reason),
            })
            .collect()
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
