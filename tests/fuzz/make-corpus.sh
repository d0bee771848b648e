#!/bin/sh
# tests/fuzz/make-corpus.sh — (re)writes the seed corpora of the fuzz targets.
#
# A fuzz input is one file, the report's main file, so each multi-file
# quarter (tests/good/*/, examples/*/, a 12-measure bench/gen report) is
# flattened: report.yaml without its `include:` line, followed by each
# included file (their top-level keys do not overlap in these quarters).
# Every flattened seed must still pass `boardreport check`.  The bad
# single-file cases (tests/bad/*.yaml) are copied as they are.  Both
# corpora get the same seeds.
#
#   sh tests/fuzz/make-corpus.sh        # after make and make build/bench/gen
set -eu
cd "$(dirname "$0")/../.."
BR=${BR:-build/boardreport}
GEN=${GEN:-build/bench/gen}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

flatten() {  # folder output
    sed '/^include:/d' "$1/report.yaml" > "$2"
    for f in $(sed -n 's/^include: *\[\(.*\)\]/\1/p; s/^include: *\([^[].*\)/\1/p' "$1/report.yaml" | tr ',' ' '); do
        printf '\n# ---- %s ----\n' "$f" >> "$2"
        cat "$1/$f" >> "$2"
    done
    BOARDREPORT_TEMPLATES=templates "$BR" check "$2" >/dev/null 2>"$tmp/err" || {
        echo "make-corpus: $2 (from $1) does not pass check:" >&2; head "$tmp/err" >&2; exit 1; }
}

"$GEN" --measures 12 --seed 1 "$tmp/bench-12"
for c in corpus_load corpus_render; do
    out=tests/fuzz/$c
    rm -rf "$out"
    mkdir -p "$out"
    for d in tests/good/*/ examples/*/ "$tmp/bench-12/"; do
        d=${d%/}
        case $d in examples/*) name=example-${d##*/} ;; "$tmp"/*) name=${d##*/} ;; *) name=good-${d##*/} ;; esac
        flatten "$d" "$out/$name.yaml"
    done
    for f in tests/bad/*.yaml; do
        cp "$f" "$out/bad-${f##*/}"
    done
done
echo "make-corpus: $(ls tests/fuzz/corpus_load | wc -l) seeds in each of tests/fuzz/corpus_load and corpus_render"
