#!/usr/bin/env bash
# Measures throughput over a generated corpus and the latency of one 100 KB
# document, process start included, and compares with one ripgrep pass when
# rg is installed. Usage: scripts/bench.sh [FILES] [KB]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-500}
kb=${2:-100}
corpus=target/bench-corpus-$files-$kb
[ -d "$corpus" ] || python3 scripts/gen_corpus.py "$corpus" "$files" "$kb"
cargo build --release -q
bin=target/release/klausul
bytes=$(du -sb "$corpus" | cut -f1)
# Both tools are timed the same way, by turns, so a busy moment of this
# shared machine falls on both; the files are read once first, since the
# kernel here drops idle cached files within seconds. The shortest run of each
# is the one least disturbed.
cat "$corpus"/* > /dev/null
python3 - "$bytes" "$bin" "$corpus" <<'PY'
import shutil, subprocess, sys, time
size, binary, corpus = int(sys.argv[1]), sys.argv[2], sys.argv[3]
runs = 10
tools = {"klausul": [binary, "check", "--format", "json", corpus]}
if shutil.which("rg"):
    tools["ripgrep"] = ["rg", "-i", "-c", "-j2", "-f", "scripts/clause-patterns.txt", corpus]
times = {name: [] for name in tools}
for _ in range(runs):
    for name, command in tools.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - start)
best = {name: min(t) for name, t in times.items()}
median = {name: sorted(t)[len(t) // 2] for name, t in times.items()}
k = best["klausul"]
print(f"throughput: {size/1e6:.1f} MB in {k:.3f} s = {size/1e6/k:.0f} MB/s (best of {runs}; median {median['klausul']:.3f} s)")
if "ripgrep" in best:
    r = best["ripgrep"]
    print(f"ripgrep, 30 patterns: {r:.3f} s (median {median['ripgrep']:.3f} s); "
          f"klausul takes {k / r:.1f}x as long (medians: {median['klausul'] / median['ripgrep']:.1f}x)")
PY
one=$(ls "$corpus" | sed -n 1p)
runs=50
start=$(date +%s.%N)
for _ in $(seq $runs); do "$bin" check --format json "$corpus/$one" > /dev/null || true; done
end=$(date +%s.%N)
python3 - "$start" "$end" "$runs" "$(stat -c %s "$corpus/$one")" <<'PY'
import sys
s, e, n, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"latency: one {size/1024:.0f} KB document, process start included: {(e-s)/n*1000:.1f} ms (mean of {n})")
PY
