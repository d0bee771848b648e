# t_cli_surface.sh — sourced by run.sh: the CLI's surface as a user meets
# it: an issued version re-issued from changed sources is refused at the
# report's 'version:' (the key to raise), not at its title; the JSON of
# diff ends with a newline; export's summary counts every measure and its
# summaries each summary table as the paper prints it.

tcs_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-clisurface.XXXXXX")
tcs_q="$tcs_tmp/q2"
mkdir -p "$tcs_q"
cp examples/cabinet-2019-20-q2/*.yaml "$tcs_q/"
tcs_line=$(grep -n '^  version: 1$' "$tcs_q/report.yaml" | cut -d: -f1)
"$BR" issue "$tcs_q" --archive "$tcs_tmp/arc" >/dev/null 2>"$tcs_tmp/err"
sed -i 's/Performance remains within tolerance at 9.5%/Performance remains within tolerance at 9.6%/' "$tcs_q/report.yaml"
"$BR" issue "$tcs_q" --archive "$tcs_tmp/arc" >/dev/null 2>"$tcs_tmp/err"
tcs_rc=$?
if [ -n "$tcs_line" ] && [ $tcs_rc -eq 1 ] &&
   grep -q "report.yaml:$tcs_line:12: error: version 1 of this paper was issued" "$tcs_tmp/err"; then
    pass
else
    fail "issue of an issued version from changed sources: not refused at 'version:' (line $tcs_line, exit $tcs_rc)"
    sed 's/^/    | /' "$tcs_tmp/err"
fi

"$BR" diff examples/cabinet-2019-20-q2 "$tcs_q" --format json >"$tcs_tmp/diff.json" 2>"$tcs_tmp/err"
if [ "$(tail -c 1 "$tcs_tmp/diff.json" | od -An -c | tr -d ' ')" = '\n' ] &&
   python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tcs_tmp/diff.json"; then
    pass
else
    fail "diff --format json: not JSON ending in a newline"
fi

# The Cabinet paper's summary table counts its 28 strategic indicators; the
# report has 50 measures.
"$BR" export examples/cabinet-2019-20-q2 --format json >"$tcs_tmp/e.json" 2>/dev/null
tcs_counts=$(python3 - "$tcs_tmp/e.json" <<'EOF_PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(d["summary"][-1]["total"], len(d["summaries"]), d["summaries"][0]["rows"][-1]["total"],
      d["summaries"][0]["title"])
EOF_PY
)
if [ "$tcs_counts" = "50 1 28 Strategic partnership indicators by service area" ]; then
    pass
else
    fail "export summaries: got '$tcs_counts'"
fi
# A row the author states is exported as the paper prints it: Workforce's
# two green measures stated as three make the table's total 29.
sed 's/^    group_by: group$/    group_by: group\n    rows: {Workforce: {green: 3}}/' \
    examples/cabinet-2019-20-q2/report.yaml >"$tcs_q/report.yaml"
"$BR" export "$tcs_q" --format json >"$tcs_tmp/e.json" 2>/dev/null
tcs_counts=$(python3 - "$tcs_tmp/e.json" <<'EOF_PY'
import json, sys
d = json.load(open(sys.argv[1]))
rows = {r["group"]: r for r in d["summaries"][0]["rows"]}
print(rows["Workforce"]["green"], rows["Total"]["total"], d["summary"][-1]["total"])
EOF_PY
)
if grep -q 'rows: {Workforce' "$tcs_q/report.yaml" && [ "$tcs_counts" = "3 29 50" ]; then
    pass
else
    fail "export summaries with a stated row: got '$tcs_counts', want '3 29 50'"
fi
# diff names items added by kind, not as figures.
mkdir -p "$tcs_tmp/m1" "$tcs_tmp/m2"
cp tests/golden/milestones/report.yaml "$tcs_tmp/m1/"
sed 's/^milestones:$/milestones:\n  - {id: M90, objective: A, title: Added one, due: 2012-12-31}\n  - {id: M91, objective: A, title: Added two, due: 2012-12-31}/' \
    tests/golden/milestones/report.yaml >"$tcs_tmp/m2/report.yaml"
"$BR" diff "$tcs_tmp/m1" "$tcs_tmp/m2" >"$tcs_tmp/diff.txt" 2>"$tcs_tmp/err"
if head -1 "$tcs_tmp/diff.txt" | grep -q ": 2 changes (0 figures, 0 texts, 2 milestones added)$"; then
    pass
else
    fail "diff: added milestones not named by kind: $(head -1 "$tcs_tmp/diff.txt")"
fi
rm -rf "$tcs_tmp"
