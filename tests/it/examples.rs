//! Every requirement of every built-in profile carries an explanation, a
//! source, and examples of each kind, and its examples come out as they say.

use klausul::model::lang::Lang;
use klausul::model::vocab::Status;
use klausul::profile::{Profile, BUILTIN};

use super::check_markdown;

#[test]
fn every_requirement_is_documented() {
    for (id, _) in BUILTIN {
        let profile = Profile::load(id).unwrap();
        for r in profile.all_requirements() {
            for (what, text) in [
                ("summary", &r.summary),
                ("requires", &r.explanation.requires),
                ("why", &r.explanation.why),
                ("source", &r.explanation.source),
                ("suggestion", &r.suggestion),
            ] {
                for lang in [Lang::Sv, Lang::En] {
                    assert!(
                        !text.exact(lang.code()).unwrap_or("").trim().is_empty(),
                        "{id} {} lacks {what} in {lang:?}",
                        r.id
                    );
                }
            }
            assert!(
                r.examples.iter().any(|e| e.status == Status::Met),
                "{id} {} has no passing example",
                r.id
            );
            assert!(
                r.examples
                    .iter()
                    .any(|e| matches!(e.status, Status::Weak | Status::Missing)),
                "{id} {} has no failing example",
                r.id
            );
        }
    }
}

#[test]
fn examples_come_out_as_they_say() {
    let profile = Profile::stockholm();
    let mut failures = Vec::new();
    for r in profile.all_requirements() {
        for example in &r.examples {
            let checked = check_markdown(&example.text, &profile);
            let got = checked.requirements.iter().find(|x| x.id == r.id).unwrap();
            if got.status != example.status {
                failures.push(format!(
                    "{} expected {:?}, got {:?} ({}) for:\n{}",
                    r.id, example.status, got.status, got.message, example.text
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
