#!/bin/sh
# Line coverage of src/ from the .gcno and .gcda files a `make coverage` run left in
# build/cov/obj: one line per file (lines run / lines with code) and the
# total, as gcov counts them.  Argument: the object folder.
objdir=${1:-build/cov/obj}
find "$objdir" -name '*.gcno' | sort | while read -r gcno; do
    obj=${gcno%.gcno}.o
    src=src/${obj#"$objdir"/}
    src=${src%.o}.c
    # "Lines executed:87.50% of 120" for the source file itself (not headers).
    gcov -n -o "$(dirname "$gcno")" "$src" 2>/dev/null |
        awk -v f="$src" '$0 ~ "^File .*" f "\x27$" {want = 1; next}
                          want && /^Lines executed:/ {
                              split($2, a, ":"); pct = a[2] + 0; n = $4 + 0
                              printf "%s %d %d\n", f, int(pct * n / 100 + 0.5), n; want = 0 }'
done | awk '{ run += $2; all += $3; printf "%6.1f%%  %5d/%-5d  %s\n", $3 ? 100 * $2 / $3 : 100, $2, $3, $1 }
            END { if (all) printf "%6.1f%%  %5d/%-5d  total line coverage of src/\n", 100 * run / all, run, all }'
