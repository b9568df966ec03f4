//! The requirements of a profile file, and the overrides an extending one
//! gives them: each list built into the profile's matcher, each text checked
//! for its languages, and what each kind of check needs.

use std::collections::HashSet;

use toml::Spanned;

use super::Validator;
use crate::model::vocab::Status;
use crate::profile::spec::{ExampleSpec, ProfileSpec, RequirementSpec};
use crate::profile::words::Sets;
use crate::profile::{
    CheckKind, Element, Example, Explanation, Ground, Note, Outdated, Parameters, Requirement,
    WeakSignal, Within,
};

impl Validator {
    pub(super) fn overrides(&mut self, spec: &ProfileSpec, requirements: &mut [Requirement]) {
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

    pub(super) fn requirements(
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
        let check = self.plain_keys(spec, parameters);
        // Lists are numbered in the order they are built, so the fields are
        // filled in the order of the file's tables.
        let requirement = Requirement {
            id: spec.id.get_ref().clone(),
            name: spec.name.get_ref().clone(),
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
            advice: spec
                .advice
                .as_ref()
                .map_or_else(crate::model::lang::Text::default, |t| self.text(t)),
            evidence: spec.evidence.values().map(|p| self.set(p)).collect(),
            weak: self.weak_signals(spec),
            elements: self.elements(spec),
            grounds: self.grounds(spec),
            outdated: self.outdated(spec),
            notes: self.notes(spec),
            examples: spec
                .example
                .iter()
                .filter_map(|e| self.example(e))
                .collect(),
        };
        self.kind_needs(spec, &requirement);
        requirement
    }

    /// The requirement's kind of check, with the problems of its plain keys:
    /// the check, the name, the parameter, and its evidence.
    fn plain_keys(
        &mut self,
        spec: &RequirementSpec,
        parameters: Option<&Parameters>,
    ) -> Option<CheckKind> {
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
                && !Parameters::NUMERIC.contains(&p.get_ref().as_str())
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
        check
    }

    fn elements(&mut self, spec: &RequirementSpec) -> Vec<Element> {
        spec.element
            .iter()
            .map(|e| Element {
                set: self.set(&e.patterns),
                reason: self.text(&e.reason),
            })
            .collect()
    }

    fn grounds(&mut self, spec: &RequirementSpec) -> Vec<Ground> {
        spec.ground
            .iter()
            .map(|g| Ground {
                name: self.text(&g.name),
                set: self.set(&g.patterns),
            })
            .collect()
    }

    fn outdated(&mut self, spec: &RequirementSpec) -> Vec<Outdated> {
        spec.outdated
            .iter()
            .map(|o| Outdated {
                set: self.set(&o.patterns),
                cited: self.text(&o.cited),
                replacement: self.text(&o.replacement),
            })
            .collect()
    }

    fn notes(&mut self, spec: &RequirementSpec) -> Vec<Note> {
        spec.note
            .iter()
            .map(|n| Note {
                set: self.set(&n.patterns),
                note: self.text(&n.note),
            })
            .collect()
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

    fn within(&mut self, within: Option<&Spanned<String>>) -> Within {
        match within.map(|w| w.get_ref().as_str()) {
            None | Some("sentence") => Within::Sentence,
            Some("provision") => Within::Provision,
            Some("section") => Within::Section,
            Some(other) => {
                self.problem(
                    format!("unknown `within` \"{other}\"; use sentence, provision or section"),
                    within.map(Spanned::span),
                );
                Within::Sentence
            }
        }
    }

    fn example(&mut self, e: &ExampleSpec) -> Option<Example> {
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
