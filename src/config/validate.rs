//! Lays the values of a `klausul.toml` over the defaults, collecting every
//! problem with its place in the file.

use std::path::Path;

use globset::Glob;

use super::spec::{ConfigSpec, LimitsSpec, ServeSpec};
use super::{Config, Globs, Origin, Setting};
use crate::model::column::Role;
use crate::model::lang::Lang;
use crate::model::output::OutputFormat;
use crate::model::vocab::{ContractType, FailOn};
use crate::toml_file::Problem;

pub(super) struct Validator<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub problems: Vec<Problem>,
}

impl Validator<'_> {
    fn origin(&self, span: std::ops::Range<usize>) -> Origin {
        let line = self.text[..span.start.min(self.text.len())]
            .matches('\n')
            .count()
            + 1;
        Origin::File(self.path.to_path_buf(), line)
    }

    fn problem(&mut self, message: String, span: std::ops::Range<usize>) {
        self.problems.push(Problem::at(message, Some(span)));
    }

    /// Lays the file's values over the defaults in `c`, keeping every
    /// problem, in the order of the keys in `ConfigSpec`.
    pub fn apply(&mut self, spec: &ConfigSpec, c: &mut Config) {
        self.choices(spec, c);
        self.paths(spec, c);
        self.contract_types(spec, c);
        self.columns(spec, c);
        self.outputs(spec, c);
        if let Some(limits) = &spec.limits {
            self.limits(limits, c);
        }
        if let Some(serve) = &spec.serve {
            self.serve(serve, c);
        }
    }

    /// `profile`, `fail_on` and `lang`.
    fn choices(&mut self, spec: &ConfigSpec, c: &mut Config) {
        if let Some(p) = &spec.profile {
            c.profile = Setting::new(p.get_ref().clone(), self.origin(p.span()));
        }
        if let Some(f) = &spec.fail_on {
            match FailOn::parse(f.get_ref()) {
                Some(value) => c.fail_on = Setting::new(value.threshold(), self.origin(f.span())),
                None => self.problem(
                    format!(
                        "fail_on is \"{}\"; use error, warning, info or never",
                        f.get_ref()
                    ),
                    f.span(),
                ),
            }
        }
        if let Some(l) = &spec.lang {
            match Lang::parse(l.get_ref()) {
                Some(lang) => c.lang = Setting::new(lang, self.origin(l.span())),
                None => self.problem(
                    format!("lang is \"{}\"; use {}", l.get_ref(), choices()),
                    l.span(),
                ),
            }
        }
    }

    /// `include`, `exclude`, `suppressions` and `inline_suppressions`. An
    /// empty list of globs is the same as leaving the key out.
    fn paths(&mut self, spec: &ConfigSpec, c: &mut Config) {
        if let Some((list, first)) = spec.include.as_deref().and_then(|l| Some((l, l.first()?))) {
            if let Some(globs) = self.globs(list) {
                c.include = Setting::new(globs, self.origin(first.span()));
            }
        }
        if let Some((list, first)) = spec.exclude.as_deref().and_then(|l| Some((l, l.first()?))) {
            if let Some(globs) = self.globs(list) {
                c.exclude = Setting::new(globs, self.origin(first.span()));
            }
        }
        if let Some(s) = &spec.suppressions {
            c.suppressions = Setting::new(Some(c.root.join(s.get_ref())), self.origin(s.span()));
        }
        if let Some(on) = &spec.inline_suppressions {
            c.inline_suppressions = Setting::new(*on.get_ref(), self.origin(on.span()));
        }
    }

    fn contract_types(&mut self, spec: &ConfigSpec, c: &mut Config) {
        for (glob, kind) in &spec.contract_types {
            let Some(globs) = self.globs(std::slice::from_ref(glob)) else {
                continue;
            };
            match ContractType::declared(kind.get_ref()) {
                Some(t) => c.contract_types.push((globs, t, self.origin(glob.span()))),
                None => self.problem(
                    format!(
                        "contract type \"{}\"; use services, works or goods",
                        kind.get_ref()
                    ),
                    kind.span(),
                ),
            }
        }
    }

    fn columns(&mut self, spec: &ConfigSpec, c: &mut Config) {
        for (role, header) in &spec.columns {
            if Role::from_key(role.get_ref()).is_some() {
                c.columns.push((
                    role.get_ref().clone(),
                    header.get_ref().clone(),
                    self.origin(role.span()),
                ));
            } else {
                self.problem(
                    format!(
                        "unknown column \"{}\"; known: {}",
                        role.get_ref(),
                        Role::keys().join(", ")
                    ),
                    role.span(),
                );
            }
        }
    }

    fn outputs(&mut self, spec: &ConfigSpec, c: &mut Config) {
        for (format, path) in &spec.outputs {
            match OutputFormat::from_name(format.get_ref()) {
                Some(f) => {
                    c.outputs
                        .push((f, c.root.join(path.get_ref()), self.origin(format.span())));
                }
                None => self.problem(
                    format!(
                        "unknown output format \"{}\"; use {}",
                        format.get_ref(),
                        OutputFormat::ALL.map(OutputFormat::name).join(", ")
                    ),
                    format.span(),
                ),
            }
        }
    }

    fn globs(&mut self, list: &[toml::Spanned<String>]) -> Option<Globs> {
        let mut ok = true;
        for g in list {
            if let Err(e) = Glob::new(g.get_ref()) {
                self.problem(format!("bad glob: {}", e.kind()), g.span());
                ok = false;
            }
        }
        ok.then(|| Globs::new(list.iter().map(|g| g.get_ref().clone()).collect()).ok())
            .flatten()
    }

    fn limits(&mut self, spec: &LimitsSpec, c: &mut Config) {
        const MB: u64 = 1024 * 1024;
        let mut limits = c.limits.value;
        let mut first = None;
        let mut set = |value: &Option<toml::Spanned<u64>>, apply: &mut dyn FnMut(u64)| {
            if let Some(v) = value {
                first.get_or_insert(v.span());
                apply(*v.get_ref());
            }
        };
        set(&spec.file_mb, &mut |v| {
            limits.file_bytes = v.saturating_mul(MB);
        });
        set(&spec.part_mb, &mut |v| {
            limits.part_bytes = v.saturating_mul(MB);
        });
        set(&spec.package_mb, &mut |v| {
            limits.package_bytes = v.saturating_mul(MB);
        });
        set(&spec.xml_depth, &mut |v| {
            limits.xml_depth = usize::try_from(v).unwrap_or(usize::MAX);
        });
        set(&spec.cells, &mut |v| limits.cells = v);
        set(&spec.expanded_mb, &mut |v| {
            limits.expanded_bytes = v.saturating_mul(MB);
        });
        set(&spec.seconds_per_file, &mut |v| {
            limits.seconds_per_file = v.max(1);
        });
        if let Some(span) = first {
            c.limits = Setting::new(limits, self.origin(span));
        }
    }

    /// `[serve]`: the upload limits of `klausul serve`.
    fn serve(&mut self, spec: &ServeSpec, c: &mut Config) {
        const MB: u64 = 1024 * 1024;
        let mut limits = c.serve.value;
        let fields = [&spec.file_mb, &spec.files, &spec.request_mb];
        let Some(first) = fields.iter().find_map(|f| f.as_ref()) else {
            return;
        };
        let origin = self.origin(first.span());
        if let Some(v) = &spec.file_mb {
            limits.file_bytes = v.get_ref().saturating_mul(MB);
        }
        if let Some(v) = &spec.files {
            limits.files = usize::try_from(*v.get_ref()).unwrap_or(usize::MAX).max(1);
        }
        if let Some(v) = &spec.request_mb {
            limits.request_bytes = v.get_ref().saturating_mul(MB);
        }
        c.serve = Setting::new(limits, origin);
    }
}

/// The languages `lang` may name: "sv or en", every catalogue's code.
fn choices() -> String {
    let codes: Vec<&str> = crate::model::lang::codes().collect();
    match codes.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}
