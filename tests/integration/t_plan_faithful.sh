# t_plan_faithful.sh — sourced by run.sh: what a 2012/13 improvement plan
# needs to be typed once and printed as the paper prints it: titles led by
# their ref (with_ref), figures written as printed ("78.2%*", "£2.837m."),
# a hand-set status paper said once (report: status_reason), milestones the
# paper does not judge (not-reported: never Overdue), with_status only on
# RAG rows, and the messages for a figure's unit and a quoted comparator.
# Renders $pf_dir to its text and JSON export: pf_rc is render's exit.
pf_render() {
    "$BR" render "$pf_dir" -o "$pf_dir/out.pdf" >/dev/null 2>"$pf_dir/err"
    pf_rc=$?
    pdftotext -layout "$pf_dir/out.pdf" - 2>/dev/null | tr -s ' ' >"$pf_dir/text"
    "$BR" export "$pf_dir" --format json -o "$pf_dir/out.json" >/dev/null 2>&1
    pf_ok=1
}
pf_dir=$(mktemp -d "${TMPDIR:-/tmp}/br-plan.XXXXXX")
cat >"$pf_dir/report.yaml" <<'YAML'
report: {title: Plan, organisation: O, period: 2012-08, date: 2012-09-15, as_at: 2012-08-31,
         status_reason: "the plan's hand-set RAG", milestone_status: not-reported}
periods: [2012-08]
people: {JM: Jo Moxon}
measures:
  - {id: a1, ref: "1", objective: A, title: Pupils achieving level 4, polarity: higher, unit: percent,
     values: {2012-08: 78.2%*}, target: 78% (July 12), status: amber,
     comparators: [{name: Similar Authorities, value: 54.26% (2011), rag: green}]}
  - {id: a2, ref: "2.", objective: A, title: Spend, polarity: lower, unit: gbp_m,
     values: {2012-08: £2.837m.}, target: TBD}
  - {id: a3, objective: A, title: Unnumbered, polarity: higher, values: {2012-08: "5,611"}, target: 6000}
milestones:
  - {id: m12, ref: "12", objective: A, title: Costed plans, due: 2012-06-30, lead: JM}
  - {id: m13, ref: "13", objective: A, title: Review schools, due: 2012-06-30, lead: JM, status: missed}
sections:
  - type: objective
    id: A
    title: Raise standards
    columns: [{column: title, with_ref: true}, value, "comparator:Similar Authorities",
              {column: target, with_status: true}]
    milestone_columns: [{column: title, with_ref: true}, due, status]
YAML
pf_render
for want in "1. Pupils achieving level 4" "2. Spend" "78.2%*" "54.26% (2011)" "78% (July 12) (In tolerance)" \
            "£2.837m." "5,611" "12. Costed plans" "13. Review schools" "Not reported" "Overdue"; do
    grep -qF "$want" "$pf_dir/text" || { pf_ok=0; echo "    the paper lacks '$want'"; }
done
# TBD has no RAG: the with_status cell is plain, never "TBD (No target)".
grep -q 'TBD (' "$pf_dir/text" && { pf_ok=0; echo "    a TBD target carries a status word"; }
grep -q '\. Unnumbered' "$pf_dir/text" && { pf_ok=0; echo "    a row without ref got a number"; }
# Only m13 is overdue; a1's amber is silenced by the report's reason.
[ "$(grep -c 'is overdue' "$pf_dir/err")" = 1 ] || { pf_ok=0; echo "    overdue warnings wrong"; }
grep -q 'sets status' "$pf_dir/err" && { pf_ok=0; echo "    the report's status_reason did not silence a1"; }
python3 - "$pf_dir/out.json" <<'PY' || pf_ok=0
import json, sys
d = json.load(open(sys.argv[1]))
m = {x["id"]: x for x in d["measures"]}
assert m["a1"]["value"] == 78.2 and m["a1"]["status_reason"] == "the plan's hand-set RAG", m["a1"]
assert m["a2"]["value"] == 2.837 and m["a3"]["value"] == 5611, (m["a2"]["value"], m["a3"]["value"])
ms = {x["id"]: x for x in d["milestones"]}
assert ms["m12"]["status"] == "not_reported" and not ms["m12"]["overdue"], ms["m12"]
assert d["objectives"][0]["milestones"]["not_reported"] == 1, d["objectives"][0]
PY
if [ $pf_rc -eq 0 ] && [ $pf_ok = 1 ]; then pass; else
    fail "plan: numbered titles, figures as written, not-reported or hand-set statuses wrong (exit $pf_rc)"
    sed 's/^/    | /' "$pf_dir/err" | head -8
fi

# A figure's '%' or '£' must agree with unit:; a quoted comparator figure
# says what it would lose (no status is not it); with_ref off a title.
cat >"$pf_dir/report.yaml" <<'YAML'
report: {title: Plan, organisation: O, period: 2012-08, date: 2012-09-15}
periods: [2012-08]
measures:
  - {id: a1, title: Pupils, polarity: higher, unit: number, values: {2012-08: 62%},
     comparators: [{name: SA, value: "54"}]}
sections:
  - {type: measure_table, columns: [title, {column: value, with_ref: true}]}
YAML
"$BR" check "$pf_dir" >/dev/null 2>"$pf_dir/err"
pf_rc=$?
if [ $pf_rc = 1 ] &&
   grep -q "error: '62%' is written in percent, but measure 'a1' has unit: number; write unit: percent" "$pf_dir/err" &&
   grep -q "comparator \"54\" is in quotes, so it would be text: printed as written but with no figure to export" "$pf_dir/err" &&
   ! grep -q "give no status" "$pf_dir/err" &&
   grep -q "with_ref: prints the ref before the title, so it belongs on the title column" "$pf_dir/err"; then
    pass
else
    fail "plan: a figure's unit, a quoted comparator or with_ref misplaced not reported right (exit $pf_rc)"
    sed 's/^/    | /' "$pf_dir/err" | head -8
fi
rm -rf "$pf_dir"

# Last year's outturn is a period whose value a comparator shows (typed
# once: a period column and export see it too); banners stack in rows.
pf_dir=$(mktemp -d "${TMPDIR:-/tmp}/br-plan.XXXXXX")
cat >"$pf_dir/report.yaml" <<'YAML'
report: {title: Plan, organisation: O, period: 2012-08, date: 2012-09-15}
periods: [2011/12, 2012-08]
measures:
  - {id: a1, title: Pupils, polarity: higher, unit: percent, values: {2011/12: 72%, 2012-08: 78.2},
     target: 78, comparators: [{name: Outturn 2011/12, period: 2011/12, rag: green}]}
sections:
  - type: measure_table
    columns: [title, value, {column: "comparator:Outturn 2011/12", banner: [Targets, "Performance Against:"]},
              {column: target, banner: [Targets, "Performance Against:"]}, {column: "2011/12", banner: Targets}]
YAML
pf_render
# One "Targets" over all three columns (the top row), then "Performance Against:" over two.
[ "$(grep -c 'Targets' "$pf_dir/text")" = 1 ] || { pf_ok=0; echo "    'Targets' not one banner"; }
grep -q 'Performance Against:' "$pf_dir/text" && grep -q '72% (Better than target)' "$pf_dir/text" || pf_ok=0
python3 - "$pf_dir/out.json" <<'PY' || pf_ok=0
import json, sys
m = json.load(open(sys.argv[1]))["measures"][0]
assert m["values"]["2011/12"] == 72 and m["comparators"][0]["value"] == 72, m
assert m["trend"] == "improving", m["trend"]
PY
if [ $pf_rc -eq 0 ] && [ $pf_ok = 1 ] && [ ! -s "$pf_dir/err" ]; then pass; else
    fail "plan: outturn period comparator or stacked banners wrong (exit $pf_rc)"
    sed 's/^/    | /' "$pf_dir/err" "$pf_dir/text" | head -12
fi
rm -rf "$pf_dir"

# What the plan trial had to invent or type twice: a polarity where every
# status is set by hand (none needed), a percent figure printed without
# its sign (a printed form), a trend set by hand whose reason the report
# says once (report: trend_reason), and a change column's places.
pf_dir=$(mktemp -d "${TMPDIR:-/tmp}/br-plan.XXXXXX")
cat >"$pf_dir/report.yaml" <<'YAML'
report: {title: Plan, organisation: O, period: 2012-08, trend_reason: "the paper's own direction"}
periods: [2011/12, 2012-08]
measures:
  - {id: c8, title: Care leavers, polarity: higher, unit: percent, target: 65%, status: green,
     trend: Declining, values: {2011/12: {value: 60.6, display: "60.6"}, 2012-08: 66%},
     comparators: [{name: Outturn 2011/12, period: 2011/12}, {name: SN, value: {value: 54, display: "54"}}]}
  - {id: c9, title: Set by hand, status: green, target: 5, values: {2012-08: 6}}
  - {id: d1, title: Referrals, polarity: none, change_decimals: 0, values: {2011/12: 1307, 2012-08: 924}}
sections:
  - {type: measure_table, columns: [title, "comparator:Outturn 2011/12", "comparator:SN", value, target,
                                    status, trend, change:previous]}
YAML
pf_render
for want in "Care leavers 60.6 54 66% 65%" "Declining" "Referrals" "-29%"; do
    grep -qF -- "$want" "$pf_dir/text" || { pf_ok=0; echo "    the paper lacks '$want'"; }
done
python3 - "$pf_dir/out.json" <<'PY' || pf_ok=0
import json, sys
m = {x["id"]: x for x in json.load(open(sys.argv[1]))["measures"]}
assert m["c8"]["values"]["2011/12"] == 60.6 and m["c8"]["trend_reason"] == "the paper's own direction", m["c8"]
assert m["c9"]["polarity"] is None and m["c9"]["status"] == "green", m["c9"]
PY
if [ $pf_rc -eq 0 ] && [ $pf_ok = 1 ] && [ ! -s "$pf_dir/err" ]; then pass; else
    fail "plan: no polarity, a printed form, the report's trend_reason or change_decimals wrong (exit $pf_rc)"
    sed 's/^/    | /' "$pf_dir/err" "$pf_dir/text" | head -12
fi
rm -rf "$pf_dir"
