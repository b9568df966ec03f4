#!/usr/bin/env bash
# How cost grows: time against corpus size (10, 50, 100, 500 MB of 100 KB
# tenders) and against document size (10 KB to 10 MB, one file), release
# build, best of three. Writes target/scaling.csv and two SVG plots,
# docs/scaling-corpus.svg and docs/scaling-document.svg.
# Usage: scripts/scaling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=target/release/klausul
out=target/scaling.csv
echo "kind,bytes,seconds" > "$out"
. scripts/best_of.sh

for mb in 10 50 100 500; do
  files=$((mb * 10))
  corpus=target/bench-corpus-$files-100
  [ -d "$corpus" ] || python3 scripts/gen_corpus.py "$corpus" "$files" 100
  bytes=$(du -sb "$corpus" | cut -f1)
  # Read once first: the kernel here drops idle cached files within seconds.
  cat "$corpus"/* > /dev/null
  echo "corpus,$bytes,$(best_of 3 "$bin" check --format json "$corpus")" >> "$out"
done

for kb in 10 100 1000 10000; do
  corpus=target/bench-corpus-1-$kb
  [ -d "$corpus" ] || python3 scripts/gen_corpus.py "$corpus" 1 "$kb"
  file=$(ls "$corpus"/* | sed -n 1p)
  cat "$file" > /dev/null
  echo "document,$(stat -c %s "$file"),$(best_of 3 "$bin" check --format json "$file")" >> "$out"
done

python3 - "$out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def plot(kind, title, path):
    pts = [(int(r["bytes"]) / 1e6, float(r["seconds"])) for r in rows if r["kind"] == kind]
    w, h, m = 560, 320, 50
    xmax = max(x for x, _ in pts) * 1.05
    ymax = max(y for _, y in pts) * 1.15
    sx = lambda x: m + x / xmax * (w - 2 * m)
    sy = lambda y: h - m - y / ymax * (h - 2 * m)
    line = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)
    # The straight line through the origin and the largest point: linear cost.
    lx, ly = pts[-1]
    # Points unlabelled; their values are listed in the upper left, and
    # both axes are marked at zero and at their largest value.
    marks = "".join(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="4" fill="#0b4a8b"/>' for x, y in pts)
    marks += "".join(
        f'<text x="{m + 12}" y="{m + 14 + 16 * i}">{x:.3g} MB: {y:.3f} s</text>' for i, (x, y) in enumerate(pts))
    marks += (f'<text x="{m}" y="{h - m + 16}" text-anchor="middle">0</text>'
              f'<text x="{w - m}" y="{h - m + 16}" text-anchor="middle">{xmax:.3g}</text>'
              f'<text x="{m - 6}" y="{h - m + 4}" text-anchor="end">0</text>'
              f'<text x="{m - 6}" y="{m + 4}" text-anchor="end">{ymax:.3g}</text>')
    svg = f'''<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img" aria-labelledby="t">
<title id="t">{title}</title><style>text {{ font: 12px sans-serif; fill: #1a1a1a; }}</style>
<rect width="{w}" height="{h}" fill="#fff"/>
<line x1="{m}" y1="{h - m}" x2="{w - m}" y2="{h - m}" stroke="#1a1a1a"/><line x1="{m}" y1="{m}" x2="{m}" y2="{h - m}" stroke="#1a1a1a"/>
<text x="{w / 2}" y="{h - 12}" text-anchor="middle">MB checked</text>
<text x="14" y="{h / 2}" transform="rotate(-90 14 {h / 2})" text-anchor="middle">seconds</text>
<text x="{w / 2}" y="20" text-anchor="middle">{title}</text>
<line x1="{sx(0):.1f}" y1="{sy(0):.1f}" x2="{sx(lx):.1f}" y2="{sy(ly):.1f}" stroke="#6b6b6b" stroke-dasharray="4 4"/>
<polyline points="{line}" fill="none" stroke="#0b4a8b" stroke-width="2"/>{marks}
</svg>
'''
    open(path, "w").write(svg)
plot("corpus", "Time against corpus size (100 KB tenders)", "docs/scaling-corpus.svg")
plot("document", "Time against the size of one document", "docs/scaling-document.svg")
for r in rows:
    print(f'{r["kind"]:9} {int(r["bytes"]) / 1e6:9.2f} MB  {float(r["seconds"]):.3f} s')
PY
