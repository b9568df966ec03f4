//! The tables of a profile file besides its requirements: the register row's
//! requirement and its term columns, the profile's own wording of messages,
//! the parameters, and the CPV divisions of `[scope.cpv]`.

use std::collections::{BTreeMap, HashMap};

use toml::Spanned;

use super::Validator;
use crate::model::column::Role;
use crate::model::lang::{Lang, Text};
use crate::model::vocab::ContractType;
use crate::profile::spec::{ProfileSpec, TextSpec};
use crate::profile::words::{CpvSpec, RegisterSpec};
use crate::profile::{Cpv, Parameters, RegisterRule, Requirement};

impl Validator {
    /// The register row's requirement and its term columns: a base profile
    /// declares the id and name; an extending one may change any of them.
    pub(super) fn register_rule(
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

    pub(super) fn messages(
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

    pub(super) fn parameters(
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

    /// `[scope.cpv]`: divisions "03" or ranges "03-44" by kind.
    pub(super) fn cpv(&mut self, spec: &CpvSpec) -> Cpv {
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
}
