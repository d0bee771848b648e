# t_shared_notes.sh — sourced by run.sh: identical note texts share one
# number (issue 12, Deliver 4), whoever wrote them: two footnote keys of
# one text and a value's note of the same words print one note, one
# number, on a paper built here.

tsn_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-notes.XXXXXX")
cat >"$tsn_tmp/report.yaml" <<'EOF_YAML'
report: {title: Notes, organisation: Testshire, period: 2024/25 Q1, date: 2024-07-10}
periods: [2024/25 Q1]
footnotes:
  prov-a: Provisional figure
  prov-b: Provisional figure
measures:
  - {id: m1, title: Visits, polarity: higher, target: 50, values: {2024/25 Q1: 61},
     notes: {2024/25 Q1: Provisional figure}}
sections:
  - {type: heading, title: "Outturn[^prov-a]"}
  - {type: paragraphs, text: ["Spend was on plan.[^prov-b]"]}
  - {type: measure_table, columns: [title, value, status]}
EOF_YAML
if "$BR" render "$tsn_tmp/report.yaml" -o "$tsn_tmp/out.pdf" >/dev/null 2>"$tsn_tmp/err"; then
    tsn_notes=$(pdftotext -layout "$tsn_tmp/out.pdf" - 2>/dev/null | grep -c '^ *[0-9][0-9]* *Provisional figure')
    tsn_marks=$(pdftotext "$tsn_tmp/out.pdf" - 2>/dev/null | grep -o '[²³⁴]' | wc -l)
    if [ "$tsn_notes" = 1 ] && [ "$tsn_marks" = 0 ]; then
        pass
    else
        fail "notes: one text printed as $tsn_notes notes ($tsn_marks markers other than ¹)"
        pdftotext -layout "$tsn_tmp/out.pdf" - 2>&1 | sed 's/^/    | /'
    fi
else
    fail "notes: render failed: $(cat "$tsn_tmp/err")"
fi
rm -rf "$tsn_tmp"
