#!/usr/bin/env bash
# Copies the official SARIF 2.1.0 JSON schema out of the serde-sarif crate's
# package (which carries it as src/schema.json) into tests/data/, where the
# SARIF test validates klausul's output against it. Not retyped: taken whole.
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.8.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
printf '[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nserde-sarif = "=%s"\n' "$version" > "$work/Cargo.toml"
touch "$work/src/lib.rs"
cargo fetch -q --manifest-path "$work/Cargo.toml"
source=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -path "*/serde-sarif-$version/src/schema.json" | head -n 1)
cp "$source" tests/data/sarif-schema-2.1.0.json
echo "copied $source"
