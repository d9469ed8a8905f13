#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ (git-ignored) with seed inputs: every non-empty line of the
# fixture seeds and every field of the golden TSV rows, one file per input. Run from anywhere;
# libFuzzer then grows each corpus on its own.
set -euo pipefail
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
fixtures="$fuzz_dir/../fixtures"
seeds="$(mktemp -d)"
trap 'rm -rf "$seeds"' EXIT
n=0
while IFS= read -r line; do
    [ -n "$line" ] || continue
    n=$((n + 1))
    printf '%s' "$line" >"$seeds/seed-$n"
done < <(cat "$fixtures"/seeds/*.txt; grep -hv '^#' "$fixtures"/golden/*.tsv | tr '\t' '\n')
for target in $(sed -n 's/^name = "\(.*\)"$/\1/p' "$fuzz_dir/Cargo.toml" | grep -v '^kazakh-script-fuzz$'); do
    mkdir -p "$fuzz_dir/corpus/$target"
    cp -n "$seeds"/* "$fuzz_dir/corpus/$target/"
done
echo "$n seed inputs copied into $fuzz_dir/corpus/*/"
