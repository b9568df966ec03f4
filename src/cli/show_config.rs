//! `klausul config`: each effective value and where it came from.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use klausul::config::{Config, Origin};
use klausul::model::vocab::Severity;

use super::args::CheckArgs;
use super::{load_config, write_stdout};

pub fn run(named: Option<&Path>) -> ExitCode {
    let Some(c) = load_config(named, &CheckArgs::default()) else {
        return ExitCode::from(2);
    };
    let mut out = String::new();
    let file = c
        .file
        .as_ref()
        .map_or_else(|| "none (defaults)".to_owned(), |f| f.display().to_string());
    let _ = writeln!(out, "# configuration file: {file}");
    for (key, value, origin) in top_level(&c) {
        let _ = writeln!(out, "{key} = {value}  # {origin}");
    }
    let l = c.limits.value;
    let _ = writeln!(
        out,
        "\n[limits]  # {}\nfile_mb = {}\npart_mb = {}\npackage_mb = {}\nxml_depth = {}\ncells = {}\nseconds_per_file = {}",
        c.limits.origin,
        l.file_bytes >> 20,
        l.part_bytes >> 20,
        l.package_bytes >> 20,
        l.xml_depth,
        l.cells,
        l.seconds_per_file
    );
    for (name, rows) in tables(&c) {
        let _ = writeln!(out, "\n[{name}]");
        for (key, value, origin) in rows {
            let _ = writeln!(out, "{key} = {value}  # {origin}");
        }
    }
    write_stdout(&out)
}

/// A key, its value as TOML, and where it came from.
type Row<'c> = (String, String, &'c Origin);

fn top_level(c: &Config) -> Vec<Row<'_>> {
    let fail_on = c.fail_on.value.map_or("never", Severity::name);
    let lang = c.lang.value.code();
    let quoted = |list: &[String]| {
        let items: Vec<String> = list.iter().map(|g| format!("{g:?}")).collect();
        format!("[{}]", items.join(", "))
    };
    let suppressions = c.suppressions.value.as_ref().map_or_else(
        || "none".to_owned(),
        |p| format!("{:?}", p.display().to_string()),
    );
    vec![
        (
            "profile".into(),
            format!("{:?}", c.profile.value),
            &c.profile.origin,
        ),
        ("fail_on".into(), format!("{fail_on:?}"), &c.fail_on.origin),
        ("lang".into(), format!("{lang:?}"), &c.lang.origin),
        (
            "include".into(),
            quoted(&c.include.value.patterns),
            &c.include.origin,
        ),
        (
            "exclude".into(),
            quoted(&c.exclude.value.patterns),
            &c.exclude.origin,
        ),
        ("suppressions".into(), suppressions, &c.suppressions.origin),
        (
            "inline_suppressions".into(),
            c.inline_suppressions.value.to_string(),
            &c.inline_suppressions.origin,
        ),
    ]
}

fn tables(c: &Config) -> [(&'static str, Vec<Row<'_>>); 3] {
    [
        (
            "contract_types",
            c.contract_types
                .iter()
                .map(|(g, t, o)| {
                    (
                        format!("{:?}", g.patterns.join(",")),
                        format!("{:?}", t.name()),
                        o,
                    )
                })
                .collect(),
        ),
        (
            "columns",
            c.columns
                .iter()
                .map(|(r, h, o)| (r.clone(), format!("{h:?}"), o))
                .collect(),
        ),
        (
            "outputs",
            c.outputs
                .iter()
                .map(|(f, p, o)| {
                    (
                        f.name().to_owned(),
                        format!("{:?}", p.display().to_string()),
                        o,
                    )
                })
                .collect(),
        ),
    ]
}
