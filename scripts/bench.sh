#!/usr/bin/env bash
# Measures throughput over a generated corpus and the latency of one 100 KB
# document, process start included. Usage: scripts/bench.sh [FILES] [KB]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-500}
kb=${2:-100}
corpus=target/bench-corpus-$files-$kb
[ -d "$corpus" ] || python3 scripts/gen_corpus.py "$corpus" "$files" "$kb"
cargo build --release -q
bin=target/release/klausul
bytes=$(du -sb "$corpus" | cut -f1)
start=$(date +%s.%N)
"$bin" check --format json "$corpus" > /dev/null || true
end=$(date +%s.%N)
python3 - "$bytes" "$start" "$end" <<'PY'
import sys
b, s, e = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"throughput: {b/1e6:.1f} MB in {e-s:.3f} s = {b/1e6/(e-s):.0f} MB/s")
PY
one=$(ls "$corpus" | head -1)
runs=50
start=$(date +%s.%N)
for _ in $(seq $runs); do "$bin" check --format json "$corpus/$one" > /dev/null || true; done
end=$(date +%s.%N)
python3 - "$start" "$end" "$runs" "$(stat -c %s "$corpus/$one")" <<'PY'
import sys
s, e, n, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"latency: one {size/1024:.0f} KB document, process start included: {(e-s)/n*1000:.1f} ms (mean of {n})")
PY
