#!/usr/bin/env bash
# Times the audit of a 100 000-row agreement register end to end and reports
# its peak memory, beside a bare calamine pass over the same file's cells
# (benches/bare_cells.rs, the example bare_cells, calamine's worksheet_cells_reader doing nothing
# else), with the ratio of the two. Issue 20's targets: the audit within 1.3×
# of the bare pass, and under 100 MB peak. The register is made by
# scripts/gen_sheets.py --big, which needs openpyxl (pip install openpyxl).
# Usage: scripts/bench_sheets.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
dir=target/bench-sheets
file="$dir/register-$rows.xlsx"
[ -f "$file" ] || python3 scripts/gen_sheets.py --big "$dir" "$rows"
cargo build --release -q --bin klausul --example bare_cells
# Best of three of a command: "seconds peak-kB".
best_of_3() {
  local best= secs kb
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o /tmp/klausul-sheet-time "$@" > /dev/null 2>&1 || true
    read -r secs kb < <(tail -n 1 /tmp/klausul-sheet-time)
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $secs < ${best%% *} else 1)"; then best="$secs $kb"; fi
  done
  echo "$best"
}
read -r bare bare_kb <<< "$(best_of_3 target/release/examples/bare_cells "$file")"
echo "$rows-row register, bare calamine pass: $bare s, peak memory $((bare_kb / 1024)) MB (best of 3)"
for format in json human; do
  read -r secs kb <<< "$(best_of_3 target/release/klausul check --format "$format" "$file")"
  ratio=$(python3 -c "print(f'{$secs / max($bare, 0.01):.2f}')")
  echo "$rows-row register, --format $format: $secs s, peak memory $((kb / 1024)) MB, ${ratio}× the bare pass (best of 3)"
done
