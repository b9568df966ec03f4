//! Replays every committed fuzz input (the corpora and the regressions the
//! fuzzers found) through the same entry points the fuzz targets call, so a
//! crash found once stays fixed. The fuzzers themselves run outside CI:
//! `cargo +nightly fuzz run TARGET` in `fuzz/`.

use std::path::Path;

#[test]
fn every_committed_fuzz_input_runs_clean() {
    let mut replayed = 0;
    for (name, target) in klausul::fuzzing::TARGETS {
        for dir in ["fuzz/corpus", "fuzz/regressions"] {
            let path = Path::new(dir).join(name);
            let Ok(entries) = std::fs::read_dir(&path) else {
                continue;
            };
            for entry in entries {
                let file = entry.unwrap().path();
                let data = std::fs::read(&file).unwrap();
                let outcome = std::panic::catch_unwind(|| target(&data));
                assert!(outcome.is_ok(), "{name}: {} panics", file.display());
                replayed += 1;
            }
        }
    }
    // Every target has seeds; the number only grows as the fuzzers find more.
    assert!(replayed >= 30, "only {replayed} inputs");
}
