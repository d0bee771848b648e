# t_dropped.sh — sourced by run.sh: nothing the author wrote is dropped
# without a warning.  check and render name, at the author's line, a
# measure's comment and comparator and a milestone's fields that no table
# showing them prints, a status a summary's own columns leave out, and a
# selection key a section cannot apply; a report whose tables print them
# all checks cleanly.

tdr_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-dropped.XXXXXX")
mkdir -p "$tdr_tmp/r"
tdr_write() {   # the report with the given sections
    cat >"$tdr_tmp/r/report.yaml" <<EOF
report: {title: Dropped, organisation: Test Council, period: 2019/20 Q2, date: 2019-10-17}
periods: [2019/20 Q2]
people: {JM: "Jo Moxon, Director"}
measures:
  - {id: m1, title: One, group: G, polarity: higher, target: 90, tolerance: 80, values: {2019/20 Q2: 85}, comment: Rising.}
  - {id: m2, title: Two, group: G, polarity: higher, target: 90, values: {2019/20 Q2: 95}, comparators: [{name: England, value: 80}]}
milestones:
  - {id: A1, objective: A, title: First, due: 2019-12-31, lead: JM, partners: Schools, progress: Going well., status: on-track}
commentary:
  - {id: c1, objective: A, title: About A, text: Words.}
sections:
$1
EOF
}

tdr_write '  - {type: summary, columns: [group, red, green, total]}
  - {type: measure_table, columns: [title, value, status]}
  - {type: milestone_table, kind: strategic, columns: [title, due, status]}
  - {type: commentary, group: G}'
for tdr_cmd in check render; do
    if [ $tdr_cmd = render ]; then
        "$BR" render "$tdr_tmp/r" -o "$tdr_tmp/out.pdf" >/dev/null 2>"$tdr_tmp/err"
    else
        "$BR" check "$tdr_tmp/r" >/dev/null 2>"$tdr_tmp/err"
    fi
    tdr_rc=$?
    tdr_missing=""
    for tdr_want in \
        "report.yaml:5:5: warning: measure 'm1' sets comment:, but no table that shows it has a 'comment' column" \
        "report.yaml:6:106: warning: measure 'm2' has the comparator 'England', but no table that shows it has a 'comparator:England' column" \
        "report.yaml:8:5: warning: milestone 'A1' sets lead:" \
        "report.yaml:8:5: warning: milestone 'A1' sets partners:" \
        "report.yaml:8:5: warning: milestone 'A1' sets progress:" \
        "report.yaml:12:31: warning: this summary counts 1 measure as amber, but its columns: leave out amber, so it is counted only in the total; add amber to columns:" \
        "report.yaml:14:35: warning: a milestone table selects by objective, group and ids, and milestones have no kind, so 'kind: strategic' is ignored; remove it" \
        "report.yaml:15:31: warning: a commentary section selects by objective and ids, and commentary entries have no group, so 'group: G' is ignored; remove it"; do
        grep -qF "$tdr_want" "$tdr_tmp/err" || tdr_missing="$tdr_missing
    $tdr_want"
    done
    if [ $tdr_rc -eq 0 ] && [ -z "$tdr_missing" ]; then
        pass
    else
        fail "dropped: $tdr_cmd (exit $tdr_rc) did not say:$tdr_missing"
        sed 's/^/    | /' "$tdr_tmp/err"
    fi
done

# Every field printed somewhere: no warning.
tdr_write '  - {type: summary}
  - {type: measure_table, columns: [title, value, status, comment, "comparator:England"]}
  - {type: milestone_table}
  - {type: commentary, objective: A}'
if "$BR" check "$tdr_tmp/r" 2>"$tdr_tmp/err" | grep -q ", 0 warnings$"; then
    pass
else
    fail "dropped: a report that prints every field warned"
    sed 's/^/    | /' "$tdr_tmp/err"
fi
rm -rf "$tdr_tmp"
