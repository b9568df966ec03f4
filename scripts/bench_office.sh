#!/usr/bin/env bash
# Times the Word and PDF readers on long tenders (about 300 and 500 pages,
# made by scripts/gen_office.py; the PDFs need LibreOffice) and measures peak
# memory over many files, which must not grow with their number.
# Usage: scripts/bench_office.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/bench-office
[ -f $dir/big-305.docx ] || python3 scripts/gen_office.py --big $dir 305
[ -f $dir/big-510.docx ] || python3 scripts/gen_office.py --big $dir 510
cargo build --release -q
bin=target/release/klausul

. scripts/best_of.sh

for f in $dir/big-305.docx $dir/big-510.pdf; do
  [ -f "$f" ] || { echo "$f missing (install LibreOffice to make PDFs)"; continue; }
  pdf=${f%.*}.pdf
  pages=$( [ -f "$pdf" ] && command -v pdfinfo > /dev/null && pdfinfo "$pdf" | awk '/^Pages:/ {print $2}' || echo "?")
  t=$(best_of 5 "$bin" check --format json "$f")
  python3 -c "print(f'$f: {$pages} pages (as laid out by LibreOffice), {$t * 1000:.0f} ms end to end (best of 5)')"
done

for n in 10 1500 3000; do
  many=target/bench-many-$n
  if [ ! -d "$many" ]; then
    mkdir -p "$many"
    for i in $(seq "$n"); do
      cp fixtures/office/hemtjanst.docx "$many/a$i.docx"
      cp fixtures/office/hemtjanst.pdf "$many/b$i.pdf"
    done
  fi
  /usr/bin/time -f "$((2 * n)) files (DOCX and PDF): %e s, peak memory %M KB" "$bin" check --format json "$many" > /dev/null 2> /tmp/klausul-time.txt || true
  tail -1 /tmp/klausul-time.txt
done
