//! One reviewed snapshot per (fixture, requirement) finding, rendered the way
//! a person sees it: miette's no-colour theme at width 80.

use klausul::input::{load, Input};
use klausul::model::lang::Lang;
use klausul::model::limits::Limits;
use klausul::model::vocab::Verdict;
use klausul::profile::Profile;
use klausul::render::human::render_finding;
use klausul::render::Style;
use klausul::report::DocumentReport;

#[test]
fn findings_on_the_tuning_set() {
    let profile = Profile::stockholm();
    let style = Style {
        color: false,
        width: 80,
        lang: Lang::Sv,
    };
    for name in [
        "svag.md",
        "allmanna-villkor.md",
        "english.md",
        "pdf-text.txt",
        "foraldrad.md",
        "bilaga.md",
    ] {
        let path = format!("fixtures/tune/{name}");
        let loaded = load(&Input::File(path.clone().into()), Limits::default()).unwrap();
        let mut checked = klausul::check::check(
            loaded.document().unwrap(),
            &profile,
            &klausul::check::CheckOptions::default(),
        );
        klausul::render::localise::Localiser::new(&profile, Lang::Sv).checked(&mut checked);
        let doc = DocumentReport {
            path: path.clone(),
            kind: "document",
            format: None,
            sha256: None,
            scope: Some(checked.scope.clone()),
            verdict: Verdict::Pass,
            requirements: checked.requirements.clone(),
            rows: Vec::new(),
            register: None,
            error: None,
            notes: Vec::new(),
            warnings: Vec::new(),
        };
        for r in checked
            .requirements
            .iter()
            .filter(|r| r.status.is_finding())
        {
            let rendered = render_finding(&doc, r, style);
            insta::assert_snapshot!(format!("{}__{}", name.replace('.', "_"), r.id), rendered);
        }
    }
}
