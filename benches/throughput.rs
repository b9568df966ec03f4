//! In-process throughput of the checking core (no process start, no output),
//! over a corpus from `scripts/gen_corpus.py`. Run: `cargo bench`.

use std::time::Instant;

use klausul::input::collect;
use klausul::model::lang::Lang;
use klausul::profile::Profile;
use klausul::run::{check_all, Plan};

fn main() {
    let dir = std::path::PathBuf::from("target/bench-corpus-500-100");
    if !dir.exists() {
        let status = std::process::Command::new("python3")
            .args(["scripts/gen_corpus.py", "target/bench-corpus-500-100"])
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "could not generate the corpus"
        );
    }
    let profile = Profile::stockholm();
    let inputs = collect(std::slice::from_ref(&dir), || Ok(Vec::new()));
    let bytes: u64 = walk_size(&dir);
    let start = Instant::now();
    let plan = Plan::new(&profile, Lang::Sv, None);
    let (report, _) = check_all(&inputs, &plan);
    let secs = start.elapsed().as_secs_f64();
    // Exact to well past any corpus size: u32 megabytes fit an f64 without loss.
    let mb = f64::from(u32::try_from(bytes / 1_000_000).unwrap_or(u32::MAX));
    println!(
        "checked {} documents, {mb:.1} MB in {secs:.3} s: {:.0} MB/s",
        report.documents.len(),
        mb / secs
    );
}

fn walk_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum()
    })
}
