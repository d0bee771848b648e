# t_next.sh — sourced by run.sh: `next-quarter FROM TO` starts the next
# quarter: TO checks cleanly, holds the next period with version 1, today's
# date and no corrections, keeps every comment, moves a fixed window of
# period columns on, lists what to update, and leaves FROM as it was.

tn_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-next.XXXXXX")
for tn_from in tests/good/every-key tests/good/minimal examples/cabinet-2019-20-q2 examples/scorecard-2015-12; do
    tn_sum=$(cat "$tn_from"/*.yaml | cksum)
    tn_to=$tn_tmp/$(basename "$tn_from")
    if ! "$BR" next-quarter "$tn_from" "$tn_to" >"$tn_tmp/out" 2>"$tn_tmp/err"; then
        fail "next-quarter $tn_from"; sed 's/^/    | /' "$tn_tmp/err"; continue
    fi
    if ! "$BR" check "$tn_to" >/dev/null 2>"$tn_tmp/cerr"; then
        fail "next-quarter $tn_from: the new quarter does not check"; sed 's/^/    | /' "$tn_tmp/cerr" | head; continue
    fi
    tn_ok=1
    grep -q "^  version: 1" "$tn_to/report.yaml" || grep -qv "version:" "$tn_to/report.yaml" || tn_ok=0
    grep -q "^  corrections:" "$tn_to/report.yaml" && tn_ok=0
    grep -q "^  date: $(date +%Y-%m-%d)" "$tn_to/report.yaml" || tn_ok=0
    grep -q ": note: add the .* value of measure" "$tn_tmp/out" || tn_ok=0
    [ "$(grep -c '^#' "$tn_to/report.yaml")" -eq "$(grep -c '^#' "$tn_from/report.yaml")" ] || tn_ok=0
    [ "$(cat "$tn_from"/*.yaml | cksum)" = "$tn_sum" ] || tn_ok=0
    [ $tn_ok = 1 ] && pass || fail "next-quarter $tn_from: version, corrections, date, notes, comments or FROM wrong"
done
# minimal's paper shows six quarters: the window moves on by one.
if grep -q "^periods: \[2018/19 Q2, 2018/19 Q3, 2018/19 Q4, 2019/20 Q1, 2019/20 Q2, 2019/20 Q3\]" \
        "$tn_tmp/minimal/report.yaml" &&
    grep -q "columns: \[title, 2018/19 Q2, .*, 2019/20 Q3, change:previous" "$tn_tmp/minimal/report.yaml" &&
    grep -q "^  period: 2019/20 Q3" "$tn_tmp/minimal/report.yaml" &&
    ! grep -q "2018/19 Q1" "$tn_tmp/minimal/measures.yaml"; then pass
else fail "next-quarter: the fixed window of tests/good/minimal did not move on"; fi
"$BR" next-quarter tests/good/minimal "$tn_tmp/minimal" >/dev/null 2>&1
[ $? -eq 1 ] && pass || fail "next-quarter: an existing quarter was not refused"
# A house style kept in the folder (a template and its own fonts, in a
# subfolder) goes with the quarter, byte for byte, so the new one checks.
tn_own=$tn_tmp/own
mkdir -p "$tn_own/style/fonts"
cp tests/good/minimal/*.yaml "$tn_own/"
cp fonts/*.ttf "$tn_own/style/fonts/"
sed 's|^  dir: \.\./fonts|  dir: fonts|' templates/cabinet.yaml >"$tn_own/style/house.yaml"
sed -i 's|^  template: .*|  template: style/house.yaml|' "$tn_own/report.yaml"
if "$BR" check -q "$tn_own" &&
   "$BR" next-quarter "$tn_own" "$tn_tmp/own-next" >/dev/null 2>"$tn_tmp/err" &&
   cmp -s "$tn_own/style/house.yaml" "$tn_tmp/own-next/style/house.yaml" &&
   cmp -s "$tn_own/style/fonts/LiberationSans-Bold.ttf" "$tn_tmp/own-next/style/fonts/LiberationSans-Bold.ttf" &&
   "$BR" check -q "$tn_tmp/own-next"; then pass
else fail "next-quarter: a template and fonts kept in the folder were not copied"; sed 's/^/    | /' "$tn_tmp/err" | tail -3; fi
# What was written for last quarter beyond values and text is listed too: a
# measure's stated status and trend, an objective's stated figures, each
# finance table's rows.
"$BR" next-quarter examples/cabinet-2019-20-q2 "$tn_tmp/cab-next" >"$tn_tmp/err" 2>&1
if grep -q "measures.yaml:[0-9]*:[0-9]*: note: measure 'cin-open-2y': status written for 2019/20 Q2" "$tn_tmp/err" &&
   grep -q "measures.yaml:[0-9]*:[0-9]*: note: measure 'icpc-15-days': trend written for 2019/20 Q2" "$tn_tmp/err" &&
   grep -q "finance.yaml:[0-9]*:[0-9]*: note: finance table 'september-position': rows written for 2019/20 Q2" "$tn_tmp/err" &&
   grep -q "finance.yaml:[0-9]*:[0-9]*: note: finance table 'september-position': given_total written for 2019/20 Q2" "$tn_tmp/err"; then pass
else fail "next-quarter: stated statuses, trends or finance rows of the Cabinet example are not listed"; fi
"$BR" next-quarter tests/golden/profile-stated "$tn_tmp/ps-next" >"$tn_tmp/err" 2>&1
if grep -q "note: objective '[A-Z]*': [a-z]* written for " "$tn_tmp/err"; then pass
else fail "next-quarter: the objectives' stated figures of tests/golden/profile-stated are not listed"; fi
# Flow-style files: a column counts characters, not bytes ("Gâr – " before
# an edit); a one-period window; corrections as the last key of a flow
# report:; a period column's heading is listed once its period moves on.
tn_flow=$tn_tmp/flow
mkdir -p "$tn_flow"
cat >"$tn_flow/report.yaml" <<'YAML'
report: {title: "Café – Crèche", organisation: "Cyngor Sir Gâr – Carmarthenshire", period: 2019/20 Q2, date: 2019-10-17, version: 2, status: final, corrections: ["Paragraph 3: 573, corrected {to} 537"]}
periods: [2019/20 Q2]
measures:
  - {id: m1, title: "Visits – on time", polarity: higher, target: 5, values: {2019/20 Q2: 6}}
sections: [{type: measure_table, title: "Q2 – measures", columns: [title, {column: "2019/20 Q2", heading: Quarter 2}]}]
YAML
"$BR" next-quarter "$tn_flow" "$tn_tmp/flow-next" >"$tn_tmp/out" 2>&1
if "$BR" check -q "$tn_tmp/flow-next" &&
   grep -q '^report: {title: "Café – Crèche", organisation: "Cyngor Sir Gâr – Carmarthenshire", period: 2019/20 Q3, date: [0-9-]*, version: 1, status: final}$' "$tn_tmp/flow-next/report.yaml" &&
   grep -q '^periods: \[2019/20 Q3\]$' "$tn_tmp/flow-next/report.yaml" &&
   grep -q "note: add the 2019/20 Q3 value of measure 'm1'" "$tn_tmp/out" &&
   grep -q "note: the column now shows 2019/20 Q3: check that its heading 'Quarter 2' still names it" "$tn_tmp/out"; then pass
else fail "next-quarter: a flow-style quarter with non-ASCII text, one period and corrections"; sed 's/^/    | /' "$tn_tmp/out" "$tn_tmp/flow-next/report.yaml" | head; fi
# Last period's words and "as at" date: the subtitle and a paragraph that
# name 2026/27 Q2 are listed (next-quarter cannot know what to write), and
# as_at moves to the new period's end (the starter states it), with a note.
"$BR" init "$tn_tmp/q2" -q >/dev/null 2>&1
sed -i 's/^  period: 2026\/27 Q2\(.*\)$/  period: 2026\/27 Q2\1\n  as_at: 2026-10-15/' "$tn_tmp/q2/report.yaml"
"$BR" next-quarter "$tn_tmp/q2" "$tn_tmp/q3" >"$tn_tmp/out" 2>&1
if grep -q "^  as_at: 2026-12-31" "$tn_tmp/q3/report.yaml" &&
    grep -q "note: as_at moved to the end of 2026/27 Q3" "$tn_tmp/out" &&
    grep -q "report.yaml:10:[0-9]*: note: 'Quarter 2' names 2026/27 Q2, which this text was written for: update it for 2026/27 Q3" "$tn_tmp/out" &&
    grep -q "note: '2026/27 Q2' names 2026/27 Q2" "$tn_tmp/out" &&
    "$BR" check -q "$tn_tmp/q3" 2>/dev/null; then pass
else fail "next-quarter: the subtitle, a paragraph naming the old period and as_at"; sed 's/^/    | /' "$tn_tmp/out" | head; fi
# check: an as_at before the report period starts, or a year after it ends.
sed -i 's/^  as_at: .*/  as_at: 2026-09-30/' "$tn_tmp/q3/report.yaml"
"$BR" check "$tn_tmp/q3" >/dev/null 2>"$tn_tmp/err"
grep -q "warning: as_at 2026-09-30 is before the report period 2026/27 Q3 starts (2026-10-01)" "$tn_tmp/err" &&
    pass || fail "check: an as_at before the report period"
sed -i 's/^  as_at: .*/  as_at: 2030-01-01/' "$tn_tmp/q3/report.yaml"
"$BR" check "$tn_tmp/q3" >/dev/null 2>"$tn_tmp/err"
grep -q "warning: as_at 2030-01-01 is more than a year after the report period 2026/27 Q3 ends" "$tn_tmp/err" &&
    pass || fail "check: an as_at years after the report period"
rm -rf "$tn_tmp"
