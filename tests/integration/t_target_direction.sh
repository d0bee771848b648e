# t_target_direction.sh — sourced by run.sh: with_direction on a target
# column prints each numeric target as the bound it is (≥60% where bigger
# is better, ≤10% where smaller is), as the Cabinet paper's table after
# paragraph 27 does; a target in words, a range and a target's own display
# print as written; the key on any other column is an error at the key.

ttd_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-tdir.XXXXXX")
mkdir "$ttd_tmp/q"
cat > "$ttd_tmp/q/report.yaml" <<'EOF'
report: {title: Targets, period: 2019/20 Q2, date: 2019-10-17, version: 1, status: final}
periods: [2019/20 Q2]
measures:
  - {id: up, title: Outcomes improved, polarity: higher, unit: percent, target: 60, values: {2019/20 Q2: 82}}
  - {id: down, title: Second plans, polarity: lower, unit: percent, target: 10, values: {2019/20 Q2: 3}}
  - {id: tbd, title: New measure, polarity: higher, unit: percent, target: TBD, values: {2019/20 Q2: 57}}
  - {id: own, title: Own form, polarity: higher, unit: percent, target: {value: 48, display: "48% (stretch)"}, values: {2019/20 Q2: 51}}
sections:
  - type: measure_table
    columns: [title, {column: target, heading: Directed, with_direction: true}, {column: target, heading: Plain}]
EOF
if ! "$BR" render "$ttd_tmp/q" -o "$ttd_tmp/out.pdf" >/dev/null 2>"$ttd_tmp/err"; then
    fail "target direction: render failed"; sed 's/^/    | /' "$ttd_tmp/err"
else
    pdftotext -layout "$ttd_tmp/out.pdf" "$ttd_tmp/out.txt"
    if grep -q "Outcomes improved *≥60% *60%" "$ttd_tmp/out.txt" &&
       grep -q "Second plans *≤10% *10%" "$ttd_tmp/out.txt" &&
       grep -q "New measure *TBD *TBD" "$ttd_tmp/out.txt" &&
       grep -q "Own form *48% (stretch) *48% (stretch)" "$ttd_tmp/out.txt"; then pass
    else fail "target direction: the targets do not print as bounds where asked"
        sed 's/^/    | /' "$ttd_tmp/out.txt"; fi
fi
sed -i 's/columns: \[title,/columns: [{column: title, with_direction: true},/' "$ttd_tmp/q/report.yaml"
if "$BR" check "$ttd_tmp/q" >/dev/null 2>"$ttd_tmp/err"; then
    fail "target direction: with_direction on a title column is accepted"
elif grep -q "report.yaml:10:[0-9]*: error: with_direction: prints a target as a bound" "$ttd_tmp/err"; then pass
else fail "target direction: with_direction elsewhere gives another error"; sed 's/^/    | /' "$ttd_tmp/err"; fi
rm -rf "$ttd_tmp"
