#!/usr/bin/env bash
# Times the audit of a 100 000-row agreement register end to end and reports
# its peak memory (targets: under 2 s and 300 MB). The register is made by
# scripts/gen_sheets.py --big, which needs openpyxl (pip install openpyxl).
# Usage: scripts/bench_sheets.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
dir=target/bench-sheets
[ -f "$dir/register-$rows.xlsx" ] || python3 scripts/gen_sheets.py --big "$dir" "$rows"
cargo build --release -q
for format in json human; do
  best=
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o /tmp/klausul-sheet-time target/release/klausul check --format "$format" "$dir/register-$rows.xlsx" > /dev/null 2>&1 || true
    read -r secs kb < <(tail -n 1 /tmp/klausul-sheet-time)
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $secs < ${best%% *} else 1)"; then best="$secs $kb"; fi
  done
  read -r secs kb <<< "$best"
  echo "$rows-row register, --format $format: $secs s, peak memory $((kb / 1024)) MB (best of 3)"
done
