#!/usr/bin/env bash
# Compares the output of two builds of the `convert` example byte for byte: the corpus, the dev
# held-out lines and the seeds, in all four styles, both directions, one-by-one line pairs, and
# a large input that goes through the parallel path.
#
#   scripts/compare-builds.sh OLD NEW
#
# OLD and NEW are each a source tree (a directory, such as `.` for the working tree) or a git
# revision (checked out in a temporary worktree). In each, the `convert` example is built
# (`cargo build --release --example convert`), and a small program in a temporary crate that
# depends on that tree reads tote with the casing and word-source options the example does not
# offer. Prints one line per comparison and a summary; exits 1 if any output differs.
#
# Inputs:
#   corpus    ../shared/corpus/dev-cyrillic.txt (KAZAKH_CORPUS overrides; skipped if absent)
#   heldout   fixtures/heldout/dev-heldout.txt
#   seeds     fixtures/seeds/*.txt
# For each style, each Cyrillic input is written as tote, and OLD's tote is read back to
# Cyrillic by both builds (so a difference in reading is not hidden by one in writing); each
# tote seed is read in each style and with the style guessed. The corpus's tote repeated to
# more than 4 MiB goes through the parallel path in both directions. `--pairs tsv` of the
# held-out lines checks the line-by-line path. The held-out tote is also read with
# `Casing::Lower` and with `WordSource::Rules`.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -eq 2 ] || { sed -n '2,20p' "$0" >&2; exit 2; }

TMP=$(mktemp -d)
cleanup() {
    for tree in "$TMP"/tree-*; do
        [ -d "$tree" ] && git worktree remove --force "$tree" >/dev/null 2>&1 || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT

# build WHICH WHAT: builds the convert example and the reading program of a source tree or a
# git revision; sets $WHICH_convert and $WHICH_reader to their paths.
build() {
    local which=$1 what=$2 tree
    if [ -d "$what" ]; then
        tree=$(cd "$what" && pwd)
    else
        tree=$TMP/tree-$which
        git worktree add --detach "$tree" "$what" >/dev/null 2>&1
    fi
    (cd "$tree" && cargo build --quiet --release --example convert) >&2
    local reader=$tree/target/compare-reader
    mkdir -p "$reader/src"
    cat >"$reader/Cargo.toml" <<TOML
[package]
name = "reader"
version = "0.0.0"
edition = "2021"
[dependencies]
kazakh-script = { path = "$tree" }
[workspace]
TOML
    cat >"$reader/src/main.rs" <<'RUST'
//! reader STYLE CASING WORDS: tote on standard input -> Cyrillic on standard output.
use std::io::{Read, Write};
use kazakh_script::{Casing, Converter, Style, WordSource};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let style: Style = args[1].parse().expect("style");
    let casing = if args[2] == "lower" { Casing::Lower } else { Casing::Sentence };
    let words = if args[3] == "rules" { WordSource::Rules } else { WordSource::Lexicon };
    let converter = Converter::builder().style(style).casing(casing).words(words).build();
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("UTF-8 input");
    std::io::stdout().write_all(converter.to_cyrillic(&text).as_bytes()).expect("write");
}
RUST
    (cd "$reader" && cargo build --quiet --release) >&2
    printf -v "${which}_convert" '%s' "$tree/target/release/examples/convert"
    printf -v "${which}_reader" '%s' "$reader/target/release/reader"
}

build old "$1"
build new "$2"
OLD=$old_convert
NEW=$new_convert

corpus=${KAZAKH_CORPUS:-../shared/corpus/dev-cyrillic.txt}
[ -f "$corpus" ] || corpus=/work/shared/corpus/dev-cyrillic.txt

cyrillic_inputs=(fixtures/heldout/dev-heldout.txt fixtures/seeds/*.cyrillic.txt)
[ -f "$corpus" ] && cyrillic_inputs=("$corpus" "${cyrillic_inputs[@]}")
tote_seeds=(fixtures/seeds/*.arabic.*.txt)
styles=(kazinform kazinform-2023 egemen xinjiang)

same=0
differ=0
# compare NAME ARGS...: runs both convert builds with ARGS and compares their outputs.
compare() {
    local name=$1
    shift
    "$OLD" "$@" >"$TMP/old.out"
    "$NEW" "$@" >"$TMP/new.out"
    report "$name"
}
# compare_reader NAME INPUT ARGS...: the same for the reading programs, INPUT on standard input.
compare_reader() {
    local name=$1 input=$2
    shift 2
    "$old_reader" "$@" <"$input" >"$TMP/old.out"
    "$new_reader" "$@" <"$input" >"$TMP/new.out"
    report "$name"
}
report() {
    local name=$1
    if cmp -s "$TMP/old.out" "$TMP/new.out"; then
        same=$((same + 1))
        printf 'same    %s (%s bytes)\n' "$name" "$(wc -c <"$TMP/old.out")"
    else
        differ=$((differ + 1))
        printf 'DIFFER  %s: %s\n' "$name" "$(cmp "$TMP/old.out" "$TMP/new.out" 2>&1 | head -1)"
    fi
}

for style in "${styles[@]}"; do
    for input in "${cyrillic_inputs[@]}"; do
        base=$(basename "$input" .txt)
        compare "$base -> tote ($style)" --to arabic --style "$style" "$input"
        "$OLD" --to arabic --style "$style" "$input" >"$TMP/$base.$style.tote"
        compare "$base tote -> Cyrillic ($style)" --to cyrillic --style "$style" \
            "$TMP/$base.$style.tote"
    done
    for input in "${tote_seeds[@]}"; do
        compare "$(basename "$input" .txt) -> Cyrillic ($style)" --to cyrillic --style "$style" \
            "$input"
    done
    compare "dev-heldout pairs ($style)" --pairs tsv --to arabic --style "$style" \
        fixtures/heldout/dev-heldout.txt
    for casing in sentence lower; do
        for words in lexicon rules; do
            compare_reader "dev-heldout tote -> Cyrillic ($style, $casing, $words)" \
                "$TMP/dev-heldout.$style.tote" "$style" "$casing" "$words"
        done
    done
done
for input in "${tote_seeds[@]}"; do
    compare "$(basename "$input" .txt) -> Cyrillic (style guessed)" --to cyrillic "$input"
done

# The parallel path: inputs over 4 MiB are converted on all cores.
big_source=${corpus}
[ -f "$big_source" ] || big_source=fixtures/heldout/dev-heldout.txt
: >"$TMP/big.cyrillic"
while [ "$(wc -c <"$TMP/big.cyrillic")" -le $((5 * 1024 * 1024)) ]; do
    cat "$big_source" >>"$TMP/big.cyrillic"
done
compare "large input -> tote (parallel)" --to arabic "$TMP/big.cyrillic"
"$OLD" --to arabic "$TMP/big.cyrillic" >"$TMP/big.tote"
compare "large tote -> Cyrillic (parallel)" --to cyrillic --style kazinform "$TMP/big.tote"

echo "same=$same differ=$differ"
[ "$differ" -eq 0 ]
