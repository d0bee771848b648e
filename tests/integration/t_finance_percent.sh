# t_finance_percent.sh — sourced by run.sh: a finance summary as the
# Cabinet paper prints it: the variance as a percentage of the budget
# (variance.percent, of the gross budget with percent_of: gross) and the
# variance an earlier report gave (previous_variance): both print, the
# percent with its sign and no money unit in its heading, export carries
# them, and a percent anywhere but under a variance is refused at its key.

tfp_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-finpct.XXXXXX")
mkdir "$tfp_tmp/q"
cat > "$tfp_tmp/q/report.yaml" <<'EOF'
report: {title: Finance summary, period: 2019/20 Q2, date: 2019-10-17, version: 1, status: final}
periods: [2019/20 Q1, 2019/20 Q2]
finance:
  - id: summary
    units: gbp_m
    sign: overspend_positive
    percent_of: gross
    columns: [budget.gross, budget.net, variance.net, variance.percent, previous_variance.net]
    headings: {previous_variance.net: Quarter 1 Variance £m}
    rows:
      - label: Trust
        budget: {gross: 54.6, net: 50.1}
        variance: {net: -1.1, percent: -2.0}
        previous_variance: -0.7
      - label: Council
        budget: {gross: 10.0, net: 8.0}
        variance: {net: 0.5}
        previous_variance: 0.2
    total: Total
sections:
  - {type: finance_table, finance: summary}
EOF
if ! "$BR" render "$tfp_tmp/q" -o "$tfp_tmp/out.pdf" >/dev/null 2>"$tfp_tmp/err" || [ -s "$tfp_tmp/err" ]; then
    fail "finance percent: render failed or warned"
    sed 's/^/    | /' "$tfp_tmp/err"
else
    pass
    pdftotext -layout "$tfp_tmp/out.pdf" "$tfp_tmp/out.txt"
    # the written -2.0%; 0.5 of 10.0 is 5.0%; the total's own share,
    # -0.6 of 64.6, is -0.9% (never -2.0 + 5.0); Quarter 1's -0.7 + 0.2
    if grep -q "Trust .*54.6 .*50.1 .*-1.1 .*-2.0% .*-0.7" "$tfp_tmp/out.txt" &&
       grep -q "Council .*10.0 .*8.0 .*0.5 .*5.0% .*0.2" "$tfp_tmp/out.txt" &&
       grep -q "Total .*64.6 .*58.1 .*-0.6 .*-0.9% .*-0.5" "$tfp_tmp/out.txt"; then pass
    else fail "finance percent: the table does not print the percents and Quarter 1's variance"
        sed 's/^/    | /' "$tfp_tmp/out.txt"; fi
    if grep -q "Variance %" "$tfp_tmp/out.txt" && ! grep -q "% £m" "$tfp_tmp/out.txt"; then pass
    else fail "finance percent: the percent heading carries a money unit"; fi
    "$BR" export --format json "$tfp_tmp/q" > "$tfp_tmp/out.json" 2>/dev/null
    if "$PYTHON" - "$tfp_tmp/out.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["finance"][0]
assert f["percent_of"] == "gross", f["percent_of"]
r = f["rows"][0]
assert r["variance"]["percent"] == -2.0 and r["previous_variance"]["net"] == -0.7, r
assert "percent" not in r["budget"], r["budget"]
assert f["total"]["previous_variance"]["net"] == -0.5, f["total"]
PY
    then pass; else fail "finance percent: export lacks the percent or the previous variance"; fi
fi
# percent belongs to the variance columns only; a percent the figures do
# not give is a warning naming the budget it was checked against
sed 's/variance: {net: -1.1, percent: -2.0}/variance: {net: -1.1, percent: -2.0}\n        forecast: {percent: 3}/' \
    "$tfp_tmp/q/report.yaml" > "$tfp_tmp/bad1.yaml"
mkdir "$tfp_tmp/b1" && mv "$tfp_tmp/bad1.yaml" "$tfp_tmp/b1/report.yaml"
if "$BR" check "$tfp_tmp/b1" >/dev/null 2>"$tfp_tmp/err1"; then
    fail "finance percent: a forecast percent is accepted"
elif grep -q "report.yaml:14:[0-9]*: error: 'forecast' of a finance row: percent is a variance's share" "$tfp_tmp/err1"; then pass
else fail "finance percent: the forecast percent error is not at its key"; sed 's/^/    | /' "$tfp_tmp/err1"; fi
mkdir "$tfp_tmp/b2"
sed 's/columns: \[budget.gross,/columns: [budget.percent, budget.gross,/' "$tfp_tmp/q/report.yaml" > "$tfp_tmp/b2/report.yaml"
if "$BR" check "$tfp_tmp/b2" >/dev/null 2>"$tfp_tmp/err2"; then
    fail "finance percent: columns: [budget.percent] is accepted"
elif grep -q "'budget.percent': percent is a variance's share of the budget" "$tfp_tmp/err2"; then pass
else fail "finance percent: budget.percent gives another error"; sed 's/^/    | /' "$tfp_tmp/err2"; fi
mkdir "$tfp_tmp/b3"
sed 's/percent_of: gross/percent_of: net/' "$tfp_tmp/q/report.yaml" > "$tfp_tmp/b3/report.yaml"
if "$BR" check "$tfp_tmp/b3" 2>&1 | grep -q "warning: 'Trust' variance percent -2.0 differs from the net variance as a percentage of the net budget, -2.20"; then pass
else fail "finance percent: a percent of the other budget does not warn"; "$BR" check "$tfp_tmp/b3" 2>&1 | sed 's/^/    | /'; fi
rm -rf "$tfp_tmp"
