#!/bin/sh
# nothing_lost.sh PDF REPORT — every word and figure of REPORT that prints
# (title, text, comments, values of the periods a table shows, finance
# amounts, footnotes…: what tests/tools/words.c lists) is in PDF.
#
# Both sides are cut into tokens by the same program (words): runs of
# letters and runs of digits, lower-cased, "5,611" read as 5611, markup and
# footnote references taken out.  pdftotext runs with -raw: its default
# mode joins "long-" at a line end with "term" on the next line into
# "longterm", and our renderer breaks lines after hyphens.
#
# Exit status: 0 nothing lost, 1 words missing (listed with where each is
# written), 2 a tool failed.  WORDS names the words program.
set -u
if [ $# -ne 2 ]; then
    echo "usage: nothing_lost.sh PDF REPORT_DIR" >&2
    exit 2
fi
pdf=$1
report=$2
WORDS=${WORDS:-build/test/words}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

if ! pdftotext -q -raw -enc UTF-8 "$pdf" "$tmp/pdf.txt"; then
    echo "nothing_lost: pdftotext cannot read $pdf" >&2
    exit 2
fi
if ! "$WORDS" --text "$tmp/pdf.txt" >"$tmp/have.all"; then
    echo "nothing_lost: $WORDS --text failed" >&2
    exit 2
fi
if ! "$WORDS" --where "$report" >"$tmp/want"; then
    echo "nothing_lost: $WORDS cannot read $report" >&2
    exit 2
fi
# A word longer than its column is broken between characters (no hyphen), so
# its pieces are separate tokens: a long token counts as printed when the
# PDF text, with all white space taken out, holds it.
tr -d ' \t\n\r' <"$tmp/pdf.txt" | tr 'A-Z' 'a-z' >"$tmp/joined"

# A token is missing when the report writes it more times than the PDF
# prints it: a word dropped from one cell is noticed even when it is printed
# elsewhere.  Each is listed once, in the order the YAML has them, with the
# places it is written (the first three).  Then the texts most likely lost:
# those with the largest share of their words short in the PDF (the +2
# keeps a two-word cell such as "n/a" from outranking a whole lost text).
LC_ALL=C awk -F '\t' -v joinedfile="$tmp/joined" -v havefile="$tmp/have.all" '
    # A figure run together with the next one, as "17" with a footnote mark
    # "3" extracts as "173": name the PDF tokens that start with it.
    function glued(t,    u, found, k) {
        if (t !~ /^[0-9]+$/) { return "" }
        for (u in have)
            if (u ~ /^[0-9]+$/ && length(u) > length(t) && substr(u, 1, length(t)) == t && k++ < 3)
                found = found (found == "" ? "" : ", ") u
        return found == "" ? "" : "; the PDF has " found
    }
    FILENAME == joinedfile { joined = joined $0; next }
    FILENAME == havefile { have[$0]++; next }
    {
        if (!($1 in want)) { order[++n] = $1 }
        want[$1]++
        if (want[$1] <= 3) { where[$1] = where[$1] (want[$1] > 1 ? ", " : "") $2 }
        tok[++m] = $1; loc[m] = $2
    }
    END {
        for (i = 1; i <= n; i++) {
            t = order[i]
            if (want[t] > have[t] + 0 && length(t) >= 30 && index(joined, t) > 0)
                continue
            if (want[t] > have[t] + 0) {
                short[t] = 1
                more = want[t] > 3 ? ", ..." : ""
                printf("  %s: written %d, printed %d (%s%s)%s\n", t, want[t], have[t] + 0,
                       where[t], more, glued(t))
            }
        }
        for (i = 1; i <= m; i++) {
            if (!(loc[i] in words)) { places[++p] = loc[i] }
            words[loc[i]]++
            if (tok[i] in short) { bad[loc[i]]++ }
        }
        for (i = 1; i <= p; i++) { share[places[i]] = bad[places[i]] / (words[places[i]] + 2) }
        for (k = 0; k < 5; k++) {
            best = 0
            for (i = 1; i <= p; i++)
                if (share[places[i]] > share[places[best]] + 0) { best = i }
            if (!best) { break }
            if (k == 0) { print "  most likely lost (words short in the PDF / words of the text):" }
            printf("    %s: %d/%d\n", places[best], bad[places[best]], words[places[best]])
            share[places[best]] = 0
        }
    }' "$tmp/joined" "$tmp/have.all" "$tmp/want" >"$tmp/missing"

if [ -s "$tmp/missing" ]; then
    echo "nothing_lost: $(grep -c ': written ' "$tmp/missing") words of $report are missing from $pdf:"
    cat "$tmp/missing"
    exit 1
fi
exit 0
