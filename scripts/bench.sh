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
. scripts/best_of.sh
best=$(best_of 5 "$bin" check --format json "$corpus")
python3 - "$bytes" "$best" <<'PY'
import sys
b, t = int(sys.argv[1]), float(sys.argv[2])
print(f"throughput: {b/1e6:.1f} MB in {t:.3f} s = {b/1e6/t:.0f} MB/s (best of 5)")
PY
# The floor: one ripgrep pass with 30 clause-vocabulary patterns.
if command -v rg > /dev/null; then
  rg_best=$(best_of 5 rg -i -c -j2 -f scripts/clause-patterns.txt "$corpus")
  python3 -c "print(f'ripgrep, 30 patterns: {$rg_best:.3f} s; klausul takes {$best / $rg_best:.1f}x as long')"
fi
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
