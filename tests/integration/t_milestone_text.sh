# t_milestone_text.sh — sourced by run.sh: a milestone column's own heading
# takes markup as a measure column's does (a footnote reference becomes its
# number), and a due note written with its brackets keeps them once.
mt_dir=$(mktemp -d "${TMPDIR:-/tmp}/br-mstext.XXXXXX")
cat >"$mt_dir/report.yaml" <<'YAML'
report: {title: T, organisation: O, period: 2012/13 Q2, date: 2012-09-30}
periods: [2012/13 Q2]
footnotes: {leads: "JM: Jane Mason, Director"}
people: {JM: "Jane Mason, Director"}
milestones:
  - {id: m1, title: Open the hub, due: [{date: 2013-03-31, note: (plan)}], lead: JM, status: on-track}
  - {id: m2, title: Close the old site, due: [{date: 2013-03-31, note: revised}], lead: JM, status: on-track}
sections:
  - type: milestone_table
    ids: [m1, m2]
    columns: [title, due, {column: lead, heading: "CYPS Lead[^leads]"}, status]
YAML
"$BR" render "$mt_dir" -o "$mt_dir/out.pdf" >/dev/null 2>"$mt_dir/err"
mt_rc=$?
pdftotext -layout "$mt_dir/out.pdf" - 2>/dev/null >"$mt_dir/text"
if [ $mt_rc -eq 0 ] && ! grep -q '\[\^leads\]' "$mt_dir/text" && ! grep -q '((plan))' "$mt_dir/text" &&
   grep -q '(plan)' "$mt_dir/text" && grep -q '(revised)' "$mt_dir/text" &&
   ! grep -q "never referenced" "$mt_dir/err"; then
    pass
else
    fail "milestone text: heading markup or due-note brackets wrong (exit $mt_rc)"
    grep -n 'Lead\|plan\|revised' "$mt_dir/text" | head -5 | sed 's/^/    | /'
    sed 's/^/    | /' "$mt_dir/err" | head -5
fi
rm -rf "$mt_dir"
