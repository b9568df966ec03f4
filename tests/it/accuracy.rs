//! Agreement between the tool and the expected statuses written by hand for
//! each fixture. `fixtures/tune` is what the rules were tuned on;
//! `fixtures/holdout` was written once and never tuned on, so its figure
//! measures how well the rules generalise.
//!
//! The labelled corpus (`fixtures/corpus`, issue 16) is measured in four
//! formats. Its tests hold the figures measured before the engine was changed
//! as floors; `accuracy_report` prints the whole report:
//! `cargo test --test it accuracy_report -- --ignored --nocapture`.

mod corpus;
mod report;

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
    // Measured 2026-12-05: 64 of 65 (98.5 %); the miss is named in the README.
    assert!(
        agree * 100 >= total * 95,
        "{agree}/{total} agree; disagreements:\n{}",
        misses.join("\n")
    );
}

// ---------------------------------------------------------------- the corpus

#[test]
fn corpus_has_enough_labelled_documents_in_every_format() {
    let documents = corpus::labelled();
    let blind = documents.iter().filter(|d| d.set == "blind").count();
    assert!(documents.len() >= 40, "{} documents", documents.len());
    assert!(blind >= 20, "{blind} blind documents");
    for d in &documents {
        let labels = d.labels.as_ref();
        assert!(
            labels.is_ok(),
            "{}.labels: {}",
            d.name,
            labels.err().unwrap()
        );
        let text = std::fs::read_to_string(&d.text)
            .unwrap_or_else(|e| panic!("{}: {e}", d.text.display()));
        let words = text.split_whitespace().count();
        assert!(words >= 1000, "{} has {words} words", d.text.display());
        for format in corpus::FORMATS {
            let path = d.path(format);
            assert!(path.is_file(), "{} is missing", path.display());
        }
    }
}

/// The floors: each set's agreement per format, in tenths of a percent, and
/// the most false mets and cross-format differences allowed; later work must
/// not fall below them.
///
/// On 2026-12-05 the halves were rotated: the old blind half, whose misses had
/// been looked at, joined the tuning half, and 24 documents written and
/// labelled that day by writers who saw neither rules nor code became the
/// blind half. The figures below were measured right after the rotation,
/// before any tuning on the new halves.
///
/// Issue 16's target, not asserted yet because the engine does not reach it:
/// on the blind half, at least 95 % agreement in every format, no false met,
/// and identical statuses in a document's four formats.
const FLOORS: [(&str, [usize; 4], usize, usize); 2] = [
    // After the rotation: text 479/546, docx and odt 463/546, pdf 474/546,
    // 24 false mets, 34 differences. Then text 535/546, docx and odt
    // 522/546, pdf 532/546, 4 false mets, 16 differences. On 2026-12-06, 12
    // more tuning documents (-16/-17), labelled before any run (first run,
    // text: 139/156). Now, on all 54: text 691/702, docx and odt 688/702,
    // pdf 684/702, 4 false mets, 7 differences. Sanction tables: text
    // 694/702, docx and odt 691/702, pdf 684/702 (a PDF's text keeps no
    // table), 4 false mets, 10 differences. On 2026-12-06, 12 more tuning
    // documents (-20/-21, labelled before any run; first run, text 127/156).
    // Now, on all 66: text 828/858, docx and odt 814/858, pdf 800/858, 7
    // false mets, 32 differences. After tuning on them (tables in plain
    // text, denied services, a right inside a list item) and regenerating
    // three documents' DOCX/ODT/PDF whose wrapped points the generator had
    // cut apart: text 843/858, docx and odt 831/858, pdf 818/858, 4 false
    // mets, 30 differences. Then text 844/858, docx and odt 832/858, pdf
    // 825/858 (a PDF's numbered lists and wrapped annex titles), 4 false
    // mets, 24 differences.
    ("tune", [983, 969, 969, 961], 4, 24),
    // After the rotation: text 226/312, docx and odt 220/312, pdf 221/312,
    // 43 false mets, 12 differences; 255/312, 250/312, 244/312, 24 false
    // mets before 12 more documents were added (written and labelled by a
    // writer who saw neither rules nor code). Their first run: text
    // 140/156, docx and odt 136/156, pdf 133/156, 8 false mets. Now, on all
    // 36: text 406/468, docx and odt 395/468, pdf 387/468, 26 false mets,
    // 28 differences. On 2026-12-06, 12 more blind documents (-14/-15) by a
    // writer who saw neither rules, code nor corpus; their first run: text
    // 135/156, docx and odt 135/156, pdf 132/156, 16 false mets. Now, on all
    // 48: text 548/624, docx and odt 538/624, pdf 531/624, 38 false mets, 24
    // differences. Later that day 12 more (-18/-19) by a writer who saw
    // neither rules, code nor corpus; first run of all 60 (the tool as of
    // the sanction-table change): text 693/780, docx and odt 679/780, pdf
    // 671/780, 34 false mets, 33 differences. Now: text 707/780, docx and
    // odt 694/780, pdf 686/780, 31 false mets, 32 differences.
    ("blind", [906, 889, 889, 879], 31, 32),
];

#[test]
fn corpus_accuracy_holds_its_floors() {
    let measured = corpus::measured();
    for (set, agreement, false_met, spread) in FLOORS {
        let f = report::figures(measured, set);
        let report = f.render();
        assert!(f.unread.is_empty(), "{report}");
        for (n, tenths) in agreement.iter().enumerate() {
            assert!(
                f.by_format[n].at_least(*tenths),
                "{set} {}: {} of {} agree, under the floor of {}.{} %\n{report}",
                corpus::FORMATS[n],
                f.by_format[n].agree,
                f.by_format[n].total,
                tenths / 10,
                tenths % 10
            );
        }
        assert!(
            f.false_met_count() <= false_met,
            "{set}: {} false met, more than {false_met}\n{report}",
            f.false_met_count()
        );
        assert!(
            f.spread.len() <= spread,
            "{set}: {} statuses differ across formats, more than {spread}\n{report}",
            f.spread.len()
        );
    }
}

#[test]
#[ignore = "prints the report: cargo test --test it accuracy_report -- --ignored --nocapture"]
fn accuracy_report() {
    let measured = corpus::measured();
    for set in corpus::SETS {
        println!("{}", report::figures(measured, set).render());
    }
}
