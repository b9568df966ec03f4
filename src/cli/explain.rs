//! `klausul explain ID`: a requirement's summary and explanation, its
//! examples and its suggested wording.

use std::fmt::Write as _;
use std::process::ExitCode;

use klausul::check::suggestion;
use klausul::model::lang::Lang;
use klausul::model::vocab::Status;
use klausul::profile::{Profile, Requirement};
use klausul::render::escape::terminal;

use super::diagnostic::{report_error, say, warn};
use super::write_stdout;

pub fn run(id: &str, profile_name: &str, lang: Lang) -> ExitCode {
    let profile = match Profile::load(profile_name) {
        Ok(p) => p,
        Err(e) => {
            report_error(&e);
            return ExitCode::from(2);
        }
    };
    let Some(r) = profile.requirement(id) else {
        let ids: Vec<&str> = profile
            .all_requirements()
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        warn(&format!(
            "error: no requirement {id} in profile {}; it has {}",
            profile.id,
            ids.join(", ")
        ));
        return ExitCode::from(2);
    };
    write_stdout(&terminal(&explanation(&profile, r, lang)))
}

/// The section titles: what, why, source, binding and weak examples, and
/// the suggested wording.
fn titles(lang: Lang) -> [String; 6] {
    [
        "explain_requires",
        "explain_why",
        "explain_source",
        "explain_binding",
        "explain_weak",
        "explain_suggestion",
    ]
    .map(|key| say(lang, key, &[]))
}

/// The requirement's first example with this status, indented four spaces.
fn example(r: &Requirement, status: Status) -> String {
    r.examples
        .iter()
        .find(|e| e.status == status)
        .map_or_else(String::new, |e| {
            e.text
                .trim()
                .lines()
                .map(|l| format!("    {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        })
}

fn explanation(profile: &Profile, r: &Requirement, lang: Lang) -> String {
    let mut out = format!(
        "{} {} ({}, {})\n{}\n\n",
        r.id,
        r.name,
        profile.id,
        r.severity.name(),
        r.summary.get(lang)
    );
    let bodies = [
        r.explanation.requires.get(lang).to_owned(),
        r.explanation.why.get(lang).to_owned(),
        r.explanation.source.get(lang).to_owned(),
        example(r, Status::Met),
        example(r, Status::Weak),
        suggestion(profile, r, lang),
    ];
    for (title, body) in titles(lang).into_iter().zip(bodies) {
        let _ = write!(out, "## {title}\n{}\n\n", body.trim_end());
    }
    out
}
