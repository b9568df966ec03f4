#!/usr/bin/env bash
# The outputs of every fixture in every report format, as SHA-256 sums, so a
# restructuring can prove it changed nothing (tests/golden/outputs.sha256).
#
#   scripts/golden.sh [BINARY]           compare with the committed sums (CI)
#   scripts/golden.sh --update [BINARY]  write the sums anew after a reviewed change
#   scripts/golden.sh --dump DIR [BINARY] write the outputs themselves to DIR, to
#                                         review a change with diff -r
#
# Each line: sum, then the format and language, then the fixture. The run is
# reproducible: SOURCE_DATE_EPOCH fixes the time that reports for people show,
# and no klausul.toml or LANG from the machine takes part.
set -euo pipefail
cd "$(dirname "$0")/.."
update=0
dump=
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
if [ "${1:-}" = "--dump" ]; then dump=$(realpath -m "$2"); mkdir -p "$dump"; shift 2; fi
bin=${1:-target/debug/klausul}
[ -x "$bin" ] || { echo "golden: no binary at $bin (cargo build first)" >&2; exit 2; }
bin=$(realpath "$bin")
sums=tests/golden/outputs.sha256
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1767225600 NO_COLOR=1 COLUMNS=100
unset LANG LC_ALL LC_MESSAGES
# One output and its exit status, hashed.
# With --dump, the output is also kept, named after its arguments.
sum() {
  if [ -n "$dump" ]; then
    local name
    name=$(printf '%s_' "$@" | tr '/ ' '__')
    { "$bin" "$@" 2>&1 && c=0 || c=$?; echo "exit $c"; } | tee "$dump/$name" | sha256sum | cut -c1-64
  else
    { "$bin" "$@" 2>&1 && c=0 || c=$?; echo "exit $c"; } | sha256sum | cut -c1-64
  fi
}
mapfile -t inputs < <(find fixtures -type f \( -path 'fixtures/corpus/*' -prune -o -print \) \
  | grep -vE '\.(expect|labels)$' | LC_ALL=C sort)
{
  for f in "${inputs[@]}"; do
    for lang in sv en; do
      for fmt in human json sarif junit github gitlab markdown csv html; do
        s=$(sum check --lang "$lang" --format "$fmt" --fail-on never "$f")
        echo "$s $fmt-$lang $f"
      done
    done
    s=$(sum suggest "$f")
    echo "$s suggest $f"
  done
  for lang in sv en; do
    for fmt in human json markdown html; do
      s=$(sum check --lang "$lang" --format "$fmt" --fail-on never fixtures/tune fixtures/holdout fixtures/office)
      echo "$s $fmt-$lang all"
    done
  done
  for id in $("$bin" profiles 2>/dev/null | awk 'NF{print $1}' | grep -E '^[a-z0-9-]+$'); do
    for lang in sv en; do
      s=$(sum explain --profile "$id" --lang "$lang" AD-07)
      echo "$s explain-$lang $id"
    done
  done
} > "$out/now"
if [ "$update" = 1 ]; then
  cp "$out/now" "$sums"
  echo "golden: wrote $(wc -l < "$sums") sums to $sums"
elif diff -u "$sums" "$out/now" > "$out/diff"; then
  echo "golden: $(wc -l < "$sums") outputs unchanged"
else
  cat "$out/diff" >&2
  echo "golden: outputs differ from $sums; review the change, then run scripts/golden.sh --update" >&2
  exit 1
fi
