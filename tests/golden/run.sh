#!/bin/sh
# Golden tests: the readable dumps of each case (tests/tools/golden.c) must
# equal the files kept in its folder.
#
#   sh tests/golden/run.sh GOLDEN [CASE...]         compare (make test)
#   UPDATE=1 sh tests/golden/run.sh GOLDEN [CASE...] rewrite (make golden)
#
# A case is a folder tests/golden/<case>/ holding either its own report.yaml
# (and any files it includes) or a file `source` naming a report folder
# elsewhere in the repository (the bundled examples), and the expected
# check.txt, doc.txt, pages.txt, export.json and export.csv.  A failed
# comparison prints the diff; after an intended change, `make golden`
# rewrites the files and the diff is reviewed in the commit.
set -u
GOLDEN=${1:?usage: run.sh GOLDEN-TOOL [CASE...]}
shift
UPDATE=${UPDATE:-0}
OUT=build/golden
FILES="check.txt doc.txt pages.txt export.json export.csv"
passed=0
failed=0

if [ $# -eq 0 ]; then
    set -- $(cd tests/golden && for d in */; do echo "${d%/}"; done)
fi

for name in "$@"; do
    dir=tests/golden/$name
    if [ -f "$dir/report.yaml" ]; then
        input=$dir
    elif [ -f "$dir/source" ]; then
        input=$(cat "$dir/source")
    else
        echo "golden: $dir has neither report.yaml nor source" >&2
        failed=$((failed + 1))
        continue
    fi
    rm -rf "$OUT/$name"
    mkdir -p "$OUT/$name"
    "$GOLDEN" "$input" "$OUT/$name" 2>"$OUT/$name/stderr"
    if [ -s "$OUT/$name/stderr" ]; then
        echo "golden: $name: the dump tool failed:" >&2
        cat "$OUT/$name/stderr" >&2
        failed=$((failed + 1))
        continue
    fi
    rm -f "$OUT/$name/stderr"
    if [ "$UPDATE" = 1 ]; then
        for f in $FILES; do
            if [ -f "$OUT/$name/$f" ]; then
                cp "$OUT/$name/$f" "$dir/$f"
            else
                rm -f "$dir/$f"
            fi
        done
        passed=$((passed + 1))
        continue
    fi
    ok=1
    for f in $FILES; do
        if [ -f "$OUT/$name/$f" ] && [ ! -f "$dir/$f" ]; then
            echo "FAIL: golden $name: $f is produced but not kept (run make golden)"
            ok=0
        elif [ ! -f "$OUT/$name/$f" ] && [ -f "$dir/$f" ]; then
            echo "FAIL: golden $name: $f is kept but no longer produced"
            ok=0
        elif [ -f "$dir/$f" ] && ! cmp -s "$dir/$f" "$OUT/$name/$f"; then
            echo "FAIL: golden $name: $f differs (expected, then actual):"
            diff -u "$dir/$f" "$OUT/$name/$f" | head -40
            ok=0
        fi
    done
    if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done

if [ "$UPDATE" = 1 ]; then
    echo "golden: $passed cases rewritten; review the diff before committing"
else
    echo "golden: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
