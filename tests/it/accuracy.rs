//! Agreement between the tool and the expected statuses written by hand for
//! each fixture. `fixtures/tune` is what the rules were tuned on;
//! `fixtures/holdout` was written once and never tuned on, so its figure
//! measures how well the rules generalise.

use std::path::Path;

use klausul::check::{check, CheckOptions};
use klausul::input::{load, Input};
use klausul::model::lang::Lang;
use klausul::model::limits::Limits;
use klausul::profile::Profile;
use klausul::render::localise::Localiser;

/// (agreeing judgements, all judgements, the disagreements).
fn agreement(dir: &str) -> (usize, usize, Vec<String>) {
    let profile = Profile::stockholm();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let (mut agree, mut total, mut misses) = (0, 0, Vec::new());
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "expect"))
    {
        let doc_path = ["md", "txt"]
            .iter()
            .map(|e| path.with_extension(e))
            .find(|p| p.exists())
            .unwrap();
        let loaded = load(&Input::File(doc_path.clone()), Limits::default()).unwrap();
        let mut checked = check(
            loaded.document().unwrap(),
            &profile,
            &CheckOptions::default(),
        );
        Localiser::new(&profile, Lang::En).checked(&mut checked);
        for line in std::fs::read_to_string(path).unwrap().lines() {
            let (id, expected) = line.split_once(' ').unwrap();
            let got = checked.requirements.iter().find(|r| r.id == id).unwrap();
            total += 1;
            if got.status.name() == expected {
                agree += 1;
            } else {
                misses.push(format!(
                    "{} {id}: expected {expected}, got {} ({})",
                    name(&doc_path),
                    got.status.name(),
                    got.message
                ));
            }
        }
    }
    (agree, total, misses)
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn tuning_set_agrees_fully() {
    let (agree, total, misses) = agreement("fixtures/tune");
    assert!(total >= 100, "the tuning set has {total} judgements");
    assert_eq!(agree, total, "disagreements:\n{}", misses.join("\n"));
}

#[test]
fn holdout_set_agrees_at_least_95_percent() {
    let (agree, total, misses) = agreement("fixtures/holdout");
    assert!(total >= 60, "the holdout set has {total} judgements");
    // Measured 2026-11-22: 62 of 65 (95.4 %); the misses are listed in the README.
    assert!(
        agree * 100 >= total * 95,
        "{agree}/{total} agree; disagreements:\n{}",
        misses.join("\n")
    );
}
