# t_period_label.sh — sourced by run.sh: a paper that prints its periods
# "Q4 2012/13" (report: period_label:) says so once, and every place its
# words name a period follows: the running footer, a finance row labelled
# by its period (period:), diff's changes and suggested corrections, and
# export's period_labels.  A finance row's period not in periods: is an
# error with a suggestion.

tpl_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-plabel.XXXXXX")
cat >"$tpl_tmp/report.yaml" <<'EOF_YAML'
report: {title: Profile, period: 2012/13 Q4, period_label: "Q{q} {year}"}
periods: [2012/13 Q3, 2012/13 Q4]
measures:
  - {id: sick, title: Days lost, polarity: lower, target: 12.83, values: {2012/13 Q3: 12, 2012/13 Q4: 11.66}}
finance:
  - id: cap
    columns: [budget.net, forecast.net, actual.net]
    rows:
      - {period: 2012/13 Q4, budget: 2381, forecast: 1788, actual: 1788}
      - {period: 2012/13 Q3, budget: 2381, forecast: 3106, actual: 749}
sections:
  - {type: measure_table, columns: [title, "2012/13 Q3", value]}
  - {type: finance_table, finance: cap}
EOF_YAML
if "$BR" render "$tpl_tmp/report.yaml" -o "$tpl_tmp/out.pdf" >/dev/null 2>"$tpl_tmp/err"; then
    tpl_text=$(pdftotext -layout "$tpl_tmp/out.pdf" - 2>/dev/null)
    tpl_bad=""
    printf '%s\n' "$tpl_text" | grep -q "Profile: Q4 2012/13" || tpl_bad="$tpl_bad footer"
    printf '%s\n' "$tpl_text" | grep -q "^ *Q4 2012/13 .*2,381" || tpl_bad="$tpl_bad finance-row"
    printf '%s\n' "$tpl_text" | grep -q "Q3 2012/13" || tpl_bad="$tpl_bad period-column"
    printf '%s\n' "$tpl_text" | grep -q "2012/13 Q" && tpl_bad="$tpl_bad an-id-printed"
    if [ -z "$tpl_bad" ]; then pass; else fail "period_label: not followed:$tpl_bad"; printf '%s\n' "$tpl_text" | sed 's/^/    | /'; fi
else
    fail "period_label: render failed: $(cat "$tpl_tmp/err")"
fi
sed 's/2012\/13 Q4: 11.66/2012\/13 Q4: 11.76/' "$tpl_tmp/report.yaml" >"$tpl_tmp/new.yaml"
case $("$BR" diff "$tpl_tmp/report.yaml" "$tpl_tmp/new.yaml" 2>&1) in
    *"Days lost: Q4 2012/13 value corrected from 11.66 to 11.76."*) pass ;;
    *) fail "period_label: diff's suggested correction does not name Q4 2012/13" ;;
esac
"$BR" export --format json "$tpl_tmp/report.yaml" 2>/dev/null | grep -qF '"period_labels":["Q3 2012/13","Q4 2012/13"]' &&
    pass || fail "period_label: export lacks period_labels"
sed 's/{period: 2012\/13 Q3,/{period: 2012\/13 Q2,/' "$tpl_tmp/report.yaml" >"$tpl_tmp/bad.yaml"
tpl_out=$("$BR" check "$tpl_tmp/bad.yaml" 2>&1); tpl_rc=$?
case $tpl_out in
    *"bad.yaml:10:"*"error: 'period' of a finance row: '2012/13 Q2' is not in periods:; did you mean '2012/13 Q"*)
        [ $tpl_rc = 1 ] && pass || fail "period_label: a finance row's unknown period exits $tpl_rc" ;;
    *) fail "period_label: a finance row's unknown period: $tpl_out" ;;
esac
# next-quarter: a text naming the old period in the paper's words is noted
mkdir -p "$tpl_tmp/q4"
sed 's/title: Profile,/title: Profile, subtitle: Results for Q4 2012\/13,/' "$tpl_tmp/report.yaml" >"$tpl_tmp/q4/report.yaml"
case $("$BR" next-quarter "$tpl_tmp/q4" "$tpl_tmp/q1" 2>&1) in
    *"note: 'Q4 2012/13' names 2012/13 Q4"*) pass ;;
    *) fail "period_label: next-quarter does not note the subtitle naming Q4 2012/13" ;;
esac
# Without period_label: a month is named in words everywhere the paper
# names it (a latest column's "(as at …)", a lone month column, a chart's
# points and words), never by its id (issue 12, Deliver 4).
cat >"$tpl_tmp/months.yaml" <<'EOF_YAML'
report: {title: Monthly, organisation: O, period: 2024-06, date: 2024-07-10}
periods: [2024-05, 2024-06]
measures:
  - {id: m, title: Visits, unit: percent, polarity: higher, target: 50, values: {2024-05: 61}}
sections:
  - {type: measure_table, columns: [title, 2024-05, latest, status]}
  - {type: chart, kind: line, measure: m}
  - {type: chart, kind: bullet, measure: m, value: latest}
EOF_YAML
if "$BR" render "$tpl_tmp/months.yaml" -o "$tpl_tmp/months.pdf" >/dev/null 2>"$tpl_tmp/err"; then
    tpl_text=$(pdftotext -layout "$tpl_tmp/months.pdf" - 2>/dev/null)
    if printf '%s\n' "$tpl_text" | grep -q '2024-0[56]'; then
        fail "period names: a month printed by its id"
        printf '%s\n' "$tpl_text" | grep '2024-0[56]' | sed 's/^/    | /'
    elif printf '%s\n' "$tpl_text" | grep -q '(as at May 2024)'; then
        pass
    else
        fail "period names: no '(as at May 2024)' in the latest column"
    fi
else
    fail "period names: render failed: $(cat "$tpl_tmp/err")"
fi
rm -rf "$tpl_tmp"
