# t_continued_rows.sh — sourced by run.sh: a milestone row split across
# pages (issue 12, Deliver 3) is known on the page it continues on by its
# ref, its title marked "(continued)", its status word and whose it is
# (its lead and other agency), on a paper built here; its due date is
# not drawn again.

tcr_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-controws.XXXXXX")
{
    cat <<'EOF_YAML'
report: {title: Rows, organisation: Testshire, period: 2024/25 Q1, date: 2024-07-10, template: improvement-plan}
periods: [2024/25 Q1]
people: {QZ: "Quinn Zephyr, Head of Quays"}
sections:
  - {type: milestone_table, title: Quay works, columns: [ref, title, due, lead, partners, progress, status]}
milestones:
  - id: W7
    ref: W7
    title: Rebuild the north quay wall
    due: 2025-03-31
    lead: QZ
    partners: Harbour Trust
    status: at-risk
    progress: >-
EOF_YAML
    printf '     '
    i=0
    while [ $i -lt 900 ]; do printf ' word%d' $i; i=$((i + 1)); done
    echo
} >"$tcr_tmp/report.yaml"
if "$BR" render "$tcr_tmp/report.yaml" -o "$tcr_tmp/out.pdf" >/dev/null 2>"$tcr_tmp/err"; then
    tcr_p2=$(pdftotext -f 2 -l 2 -layout "$tcr_tmp/out.pdf" - 2>/dev/null)
    tcr_bad=""
    tcr_row=$(printf '%s\n' "$tcr_p2" | grep -F 'W7')   # the row's first line on page 2
    for w in W7 "QZ " "Harbour Trust" "At risk"; do
        printf '%s\n' "$tcr_row" | grep -qF "$w" || tcr_bad="$tcr_bad '$w'"
    done
    printf '%s\n' "$tcr_p2" | grep -qF "(continued)" || tcr_bad="$tcr_bad '(continued)'"
    printf '%s\n' "$tcr_p2" | grep -q '31/03/25' && tcr_bad="$tcr_bad due-date-again"
    if [ -z "$tcr_bad" ]; then
        pass
    else
        fail "continued rows: page 2 of a split milestone lacks:$tcr_bad"
        printf '%s\n' "$tcr_p2" | head -12 | sed 's/^/    | /'
    fi
else
    fail "continued rows: render failed: $(cat "$tcr_tmp/err")"
fi
rm -rf "$tcr_tmp"
