#!/usr/bin/env bash
# Times the `convert` example against `iconv -f UTF-8 -t UTF-16LE` on the same 100 MB files,
# in the same run, and prints the ratio of their median times and the peak resident memory
# of each.
#
#   scripts/compare-iconv.sh            # 5 runs of each
#   RUNS=9 SIZE_MB=200 scripts/compare-iconv.sh
#
# Files (made in a temporary folder, removed at the end):
#   cyrillic.txt  seeds 002 + 004 repeated to SIZE_MB (default 100) MB  -> convert --to arabic
#   tote.txt      seeds 000 + 001 + 003 repeated to SIZE_MB MB          -> convert --to cyrillic
# Both programs read the file and write their output to a file in the same folder; the runs
# alternate between them, so that both see the same machine. Times are wall-clock seconds
# (median of RUNS), with the median CPU seconds (user + system, all threads) beside them:
# on a loaded machine the parallel conversion of large inputs (on all cores) gains less wall
# time than on an idle one. Memory is the largest peak RSS of any run, from GNU time
# (/usr/bin/time).
# The project's speed and memory targets for the whole process: convert/iconv <= 1.0
# (to arabic), <= 1.5 (to cyrillic), peak RSS <= 64 MB each.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SIZE_MB=${SIZE_MB:-100}
TIME=/usr/bin/time
command -v iconv >/dev/null || { echo "iconv not found" >&2; exit 1; }
[ -x "$TIME" ] && "$TIME" -f %M true 2>/dev/null || { echo "GNU time not found at $TIME" >&2; exit 1; }

cargo build --release --example convert --quiet
CONVERT=target/release/examples/convert

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Repeats the concatenation of the given files until the result has SIZE_MB * 10^6 bytes or
# more (whole copies only, so the text ends where a seed ends).
make_file() {
    local out=$1
    shift
    cat "$@" >"$TMP/base"
    local block="$TMP/block"
    : >"$block"
    while [ "$(stat -c %s "$block")" -lt 1000000 ]; do cat "$TMP/base" >>"$block"; done
    : >"$out"
    while [ "$(stat -c %s "$out")" -lt $((SIZE_MB * 1000000)) ]; do cat "$block" >>"$out"; done
    rm -f "$TMP/base" "$block"
}

S=fixtures/seeds
make_file "$TMP/cyrillic.txt" $S/002-*.txt $S/004-*.txt
make_file "$TMP/tote.txt" $S/000-*.txt $S/001-*.txt $S/003-*.txt

# Runs a command once and records "seconds maxrss_kb cpu_seconds".
# usage: measure NAME -- COMMAND...
measure() {
    local name=$1
    shift 2
    "$TIME" -f "%e %M %U %S" -o "$TMP/$name.time" "$@"
    awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$TMP/$name.time" >>"$TMP/$name.runs"
}

median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m }'; }
max_rss_mb() { awk '$2 > m { m = $2 } END { printf "%.1f", m / 1024 }'; }

report() {
    local label=$1 ours=$2 theirs=$3
    local t_ours t_theirs
    t_ours=$(cut -d' ' -f1 "$TMP/$ours.runs" | median)
    t_theirs=$(cut -d' ' -f1 "$TMP/$theirs.runs" | median)
    printf '%-22s convert %7.3f s (cpu %6.2f s) %6s MB RSS | iconv %7.3f s (cpu %6.2f s) %6s MB RSS | ratio %.2f\n' \
        "$label" "$t_ours" "$(cut -d' ' -f3 "$TMP/$ours.runs" | median)" "$(max_rss_mb <"$TMP/$ours.runs")" \
        "$t_theirs" "$(cut -d' ' -f3 "$TMP/$theirs.runs" | median)" "$(max_rss_mb <"$TMP/$theirs.runs")" \
        "$(awk -v a="$t_ours" -v b="$t_theirs" 'BEGIN { printf "%.2f", a / b }')"
}

for run in $(seq "$RUNS"); do
    measure to_arabic -- "$CONVERT" --to arabic "$TMP/cyrillic.txt" -o "$TMP/out.tote"
    measure iconv_cyrillic -- iconv -f UTF-8 -t UTF-16LE "$TMP/cyrillic.txt" -o "$TMP/out.utf16"
    measure to_cyrillic -- "$CONVERT" --to cyrillic "$TMP/tote.txt" -o "$TMP/out.cyr"
    measure iconv_tote -- iconv -f UTF-8 -t UTF-16LE "$TMP/tote.txt" -o "$TMP/out.utf16"
    rm -f "$TMP/out.tote" "$TMP/out.cyr" "$TMP/out.utf16"
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "load $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs, files of $SIZE_MB MB"
report "--to arabic (Cyr)" to_arabic iconv_cyrillic
report "--to cyrillic (tote)" to_cyrillic iconv_tote
