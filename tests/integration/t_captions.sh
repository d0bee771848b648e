# t_captions.sh — sourced by run.sh: every table has a caption that says
# "(continued)" on each page it runs onto, and bookmarks nest as a reader
# expects, on a paper built here (not one of the examples): an untitled
# measure table under a heading and a paragraph runs onto a second page;
# a level 3 heading straight under a level 1 heading's table.

tc_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-captions.XXXXXX")
{
    cat <<'EOF_YAML'
report: {title: Captions, organisation: Testshire, period: 2024/25 Q1, date: 2024-07-10, template: cabinet}
periods: [2024/25 Q1]
sections:
  - {type: heading, title: Delivery against plan}
  - {type: paragraphs, text: ["The measures below are untitled."]}
  - {type: measure_table, columns: [title, value, target, status]}
  - {type: table, title: First table, header: [[Thing, Count]], rows: [[A, 1]]}
  - {type: heading, level: 3, title: A level three heading}
  - {type: table, title: Second table, header: [[Thing, Count]], rows: [[B, 2]]}
measures:
EOF_YAML
    i=1
    while [ $i -le 70 ]; do
        echo "  - {id: m$i, title: Measure number $i of the delivery plan, polarity: higher, target: 50, values: {2024/25 Q1: $i}}"
        i=$((i + 1))
    done
} >"$tc_tmp/report.yaml"
if "$BR" render "$tc_tmp/report.yaml" -o "$tc_tmp/out.pdf" >/dev/null 2>"$tc_tmp/err"; then
    # the untitled table's later pages name it: its heading's words
    if pdftotext -f 2 -l 2 -layout "$tc_tmp/out.pdf" - 2>/dev/null |
            grep -q "Delivery against plan (continued)"; then
        pass
    else
        fail "captions: an untitled table under a heading says nothing where it continues (page 2)"
        pdftotext -f 2 -l 2 -layout "$tc_tmp/out.pdf" - 2>&1 | head -8 | sed 's/^/    | /'
    fi
    # ... and is not captioned again where it starts, under its heading
    if [ "$(pdftotext -f 1 -l 1 "$tc_tmp/out.pdf" - 2>/dev/null | grep -c 'Delivery against plan')" = 1 ]; then
        pass
    else
        fail "captions: the heading's words print twice where the untitled table starts"
    fi
    python3 tests/tools/outline.py "$tc_tmp/out.pdf" | sed 's/ (p[0-9]*)$//' >"$tc_tmp/have" 2>&1
    printf '%s\n' "Delivery against plan" "  First table" "  A level three heading" \
        "    Second table" >"$tc_tmp/want"
    if diff -u "$tc_tmp/want" "$tc_tmp/have" >"$tc_tmp/diff"; then
        pass
    else
        fail "captions: a level 3 heading nests under a table's caption (expected, then actual)"
        sed 's/^/    | /' "$tc_tmp/diff"
    fi
else
    fail "captions: render failed: $(cat "$tc_tmp/err")"
fi
rm -rf "$tc_tmp"
