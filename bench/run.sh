#!/bin/sh
# bench/run.sh — generate reports of 200, 2,000 and 20,000 measures, check
# them, render each with the normal -O2 build and print what it cost.
#
#   make bench                      # builds everything, then runs this
#   BENCH_SIZES="2000" BENCH_RUNS=5 sh bench/run.sh
#
# Knobs (environment): BR (default build/boardreport), GEN (build/bench/gen),
# PEAK (build/bench/peak), BENCH_SIZES ("200 2000 20000"), BENCH_SEED (1),
# BENCH_RUNS (3: the best wall time of this many renders is reported),
# BENCH_DIR (build/bench), BENCH_TEMPLATE (improvement-plan, or cabinet: the
# same report in the Cabinet template, its tables on landscape pages).
#
# Wall time is measured by bench/peak (clock_gettime around fork/exec/wait);
# peak memory is GNU time's %M when /usr/bin/time exists, else bench/peak's
# getrusage(RUSAGE_CHILDREN) — the same figure.  Both are the maximum
# resident set, in KiB, printed here in MB (10^6 bytes).
set -eu

BR=${BR:-build/boardreport}
GEN=${GEN:-build/bench/gen}
PEAK=${PEAK:-build/bench/peak}
SIZES=${BENCH_SIZES:-200 2000 20000}
TEMPLATE=${BENCH_TEMPLATE:-improvement-plan}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-3}
DIR=${BENCH_DIR:-build/bench}

WORST=${WORST:-build/bench/worst}
for tool in "$BR" "$GEN" "$PEAK" "$WORST"; do
    [ -x "$tool" ] || { echo "bench: $tool is missing; run 'make bench'" >&2; exit 1; }
done
mkdir -p "$DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "bench: $*" >&2; exit 1; }

# Renders report $1 to $2 once; leaves "<wall s> <peak KiB>" in $tmp/last.
render_once() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$tmp/mem" "$PEAK" -o "$tmp/wall" "$BR" render "$1" -o "$2" \
            >/dev/null 2>"$tmp/err" || fail "render $1 failed: $(tail -5 "$tmp/err")"
        echo "$(cut -d' ' -f1 "$tmp/wall") $(tail -1 "$tmp/mem")" > "$tmp/last"
    else
        "$PEAK" -o "$tmp/last" "$BR" render "$1" -o "$2" >/dev/null 2>"$tmp/err" \
            || fail "render $1 failed: $(tail -5 "$tmp/err")"
    fi
}

# A complete PDF: pdfinfo reads it, it ends in %%EOF and its last page's
# footer says "Page N of N" for the N pages pdfinfo counts.
check_pdf() {
    tail -c 32 "$1" | grep -q '%%EOF' || fail "$1 does not end with %%EOF"
    command -v pdfinfo >/dev/null 2>&1 || return 0
    pages=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [ -n "$pages" ] || fail "pdfinfo cannot read $1"
    pdftotext -f "$pages" -l "$pages" "$1" - 2>/dev/null | grep -q "Page $pages of $pages" \
        || fail "$1: the last page's footer is not 'Page $pages of $pages'"
}

page_count() {
    if command -v pdfinfo >/dev/null 2>&1; then
        pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'
    else
        grep -a -c '/Type /Page$' "$1"
    fi
}

echo "boardreport bench: $TEMPLATE template, seed $SEED, best of $RUNS renders, $(nproc 2>/dev/null || echo '?') CPUs"
memsrc=$([ -x /usr/bin/time ] && echo "/usr/bin/time %M" || echo "bench/peak getrusage")
printf '%9s %7s %9s %9s %9s %11s %9s\n' measures pages wall_s pages/s peak_MB pdf_bytes bytes/pg
for n in $SIZES; do
    report="$DIR/report-$n"
    pdf="$DIR/report-$n.pdf"
    rm -rf "$report"
    "$GEN" --measures "$n" --seed "$SEED" --template "$TEMPLATE" "$report"
    "$BR" check "$report" >/dev/null 2>"$tmp/check" || fail "check $report failed: $(grep -m5 'error' "$tmp/check")"
    best=1e9 mem=0
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        render_once "$report" "$pdf"
        read -r wall kib < "$tmp/last"
        best=$(echo "$best $wall" | awk '{print ($2 < $1) ? $2 : $1}')
        mem=$(echo "$mem $kib" | awk '{print ($2 > $1) ? $2 : $1}')
        i=$((i + 1))
    done
    check_pdf "$pdf"
    pages=$(page_count "$pdf")
    bytes=$(wc -c < "$pdf" | tr -d ' ')
    echo "$n $pages $best $mem $bytes" | awk '{printf "%9d %7d %9.3f %9.0f %9.1f %11d %9.0f\n",
        $1, $2, $3, $2 / $3, $4 * 1024 / 1e6, $5, $5 / $2}'
done
echo "(peak memory from $memsrc; reports and PDFs in $DIR)"

# The exports of each generated report, one run each: JSON, the long CSV
# (a row per measure and period) and the xlsx workbook.
echo
echo "exports (one run each):"
printf '%9s %-11s %9s %9s %11s\n' measures format wall_s peak_MB bytes
for n in $SIZES; do
    for fmt in json csv xlsx; do
        out="$DIR/report-$n.$fmt"
        table=""
        if [ "$fmt" = csv ]; then table="--table=values"; fi
        "$PEAK" -o "$tmp/last" "$BR" export -q $table "$DIR/report-$n" -o "$out" >/dev/null 2>&1 ||
            fail "export $fmt of report-$n failed"
        read -r wall kib < "$tmp/last"
        echo "$n $fmt $wall $kib $(wc -c < "$out" | tr -d ' ')" |
            awk '{printf "%9d %-11s %9.3f %9.1f %11d\n", $1, $2, $3, $4 * 1024 / 1e6, $5}'
    done
done

# Worst cases: one 8 MiB report.yaml of each shape bench/worst.c knows,
# each aimed at a place where work could grow faster than the input; check
# must finish each in under 2 s (the brief).  Most are invalid on purpose:
# the exit status is not judged, the time and memory are.
echo
echo "worst cases for check (limit 2 s each):"
printf '%-16s %9s %9s %9s %s\n' shape bytes wall_s peak_MB ""
over=0
for shape in $("$WORST" --list); do
    "$WORST" "$shape" "$DIR/worst-$shape"
    bytes=$(wc -c < "$DIR/worst-$shape/report.yaml" | tr -d ' ')
    "$PEAK" -o "$tmp/last" "$BR" check "$DIR/worst-$shape" >/dev/null 2>&1 || true
    read -r wall kib < "$tmp/last"
    flag=$(echo "$wall" | awk '{print ($1 > 2) ? "SLOW" : ""}')
    [ -n "$flag" ] && over=$((over + 1))
    echo "$shape $bytes $wall $kib $flag" | awk '{printf "%-16s %9d %9.3f %9.1f %s %s\n",
        $1, $2, $3, $4 * 1024 / 1e6, $5, $6}'
done
[ "$over" -eq 0 ] || echo "bench: $over worst case(s) took over 2 s (a shared or slow machine inflates this)"
