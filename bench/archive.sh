#!/bin/sh
# bench/archive.sh — the archive's two scale targets (issue 13):
#   `log` of an archive of 1,000 packages under 1 s, and
#   `verify` of one package well under 1 s.
#
#   make bench                       # runs bench/run.sh, then this
#   sh bench/archive.sh              # after make bench (needs build/bench/peak)
#
# Knobs: BR (build/boardreport), GEN (build/bench/gen), PEAK
# (build/bench/peak), BENCH_DIR (build/bench), ARCHIVE_PACKAGES (1000),
# BENCH_RUNS (3: best wall time of this many runs).
#
# The archive: the cabinet example and a generated 2,000-measure report are
# issued for real; the other packages are copies of the first under
# 50 periods x 10 reports x 2 versions, their files hard-linked (no disk
# space) and each with its own bag-info.txt, so `log` reads 1,000 distinct
# packages as it would in a council's archive of 12 years.
set -eu

BR=${BR:-build/boardreport}
GEN=${GEN:-build/bench/gen}
PEAK=${PEAK:-build/bench/peak}
DIR=${BENCH_DIR:-build/bench}
N=${ARCHIVE_PACKAGES:-1000}
RUNS=${BENCH_RUNS:-3}

for tool in "$BR" "$GEN" "$PEAK"; do
    [ -x "$tool" ] || { echo "bench: $tool is missing; run 'make bench'" >&2; exit 1; }
done
arc=$DIR/archive
[ -d "$arc" ] && chmod -R u+w "$arc" && rm -rf "$arc"
mkdir -p "$DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Best wall time of RUNS runs of the command.
best_of() {
    best=1e9 i=0
    while [ "$i" -lt "$RUNS" ]; do
        "$PEAK" -o "$tmp/t" "$@" > "$tmp/out" 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
        best=$(echo "$best $(cut -d' ' -f1 "$tmp/t")" | awk '{print ($2 < $1) ? $2 : $1}')
        i=$((i + 1))
    done
    echo "$best"
}

cp -r examples/cabinet-2019-20-q2 "$tmp/cabinet"
"$BR" issue "$tmp/cabinet" --archive "$arc" > /dev/null 2>&1
"$GEN" --measures 2000 --seed 1 "$tmp/gen2000"
"$BR" issue "$tmp/gen2000" --archive "$arc" > /dev/null 2>&1
first=$(dirname "$(grep -l '^Report-Title: Performance Challenge' "$arc"/*/*/v1/bag-info.txt)")
big=$(dirname "$(grep -L '^Report-Title: Performance Challenge' "$arc"/*/*/v1/bag-info.txt)")

# Clones until the archive holds N packages.
have=$(find "$arc" -name bagit.txt | wc -l)
p=0
while [ "$have" -lt "$N" ]; do
    year=$((2000 + p / 4)) q=$((p % 4 + 1))
    for r in 0 1 2 3 4 5 6 7 8 9; do
        for v in 1 2; do
            [ "$have" -lt "$N" ] || break
            dst=$arc/$year-$(printf %02d $(((year + 1) % 100)))-Q$q/report-$r/v$v
            mkdir -p "$(dirname "$dst")"
            cp -al "$first" "$dst"
            rm -f "$dst/bag-info.txt"
            sed -e "s|^Report-Period: .*|Report-Period: $year/$(printf %02d $(((year + 1) % 100))) Q$q|" \
                -e "s|^Report-Title: .*|Report-Title: Report $r|" \
                -e "s|^Report-Version: .*|Report-Version: $v|" "$first/bag-info.txt" > "$dst/bag-info.txt"
            [ "$v" = 2 ] && echo "Correction: Measure $r: a figure corrected." >> "$dst/bag-info.txt"
            have=$((have + 1))
        done
    done
    p=$((p + 1))
done

echo "boardreport archive bench: best of $RUNS runs, $(nproc 2>/dev/null || echo '?') CPUs"
printf '%-44s %9s\n' what wall_s
printf '%-44s %9.3f\n' "log, $have packages" "$(best_of "$BR" log --archive "$arc")"
printf '%-44s %9.3f\n' "log --format json, $have packages" "$(best_of "$BR" log --archive "$arc" --format json)"
printf '%-44s %9.3f\n' "verify one package (cabinet example, 17 pp)" "$(best_of "$BR" verify --archive "$arc" "$first")"
pages=$(pdfinfo "$big"/data/*.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
printf '%-44s %9.3f\n' "verify one package (2,000 measures, $pages pp)" "$(best_of "$BR" verify --archive "$arc" "$big")"
printf '%-44s %9.3f\n' "verify a PDF copy against $have packages" "$(best_of "$BR" verify --archive "$arc" "$(ls "$first"/data/*.pdf)")"
echo "(archive in $arc; its packages are read-only: chmod -R u+w before deleting)"
