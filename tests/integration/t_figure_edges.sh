# t_figure_edges.sh — sourced by run.sh: one alignment per column, as a
# reader measures it on the PDF.  A status word after a figure hangs
# outside the column's alignment, so every figure of a column ends on one
# edge whatever word follows it ("15% (Amber)", "5% (Outside tolerance)",
# "TBD", "-600 (Red)", "-3"), in a comparator column, a target column with
# the measure's status and a finance variance column; a coloured cell in
# a column of words sits on the left with them; a period label never
# breaks ("2018/19 Q4").  The right edges come from pdftotext -bbox.

tfe_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-edges.XXXXXX")
cat >"$tfe_tmp/report.yaml" <<'EOF_YAML'
report: {title: Edges, organisation: Test Borough, period: 2019/20 Q2, date: 2019-10-17,
         version: 1, status: final, template: cabinet}
periods: [2019/20 Q2]
measures:
  - {id: m1, title: Short one, polarity: higher, unit: percent, target: 90, tolerance: 80,
     status: amber, values: {2019/20 Q2: 85}, comparators: [{name: England, value: 1234.5, rag: green}]}
  - {id: m2, title: A much longer measure title that wraps in its cell, polarity: higher,
     unit: percent, target: 5, tolerance: 4, status: red, values: {2019/20 Q2: 3},
     comparators: [{name: England, value: 7, rag: red}]}
  - {id: m3, title: Count, polarity: higher, unit: number, target: 12000, tolerance: 10000,
     status: green, values: {2019/20 Q2: 12500}, comparators: [{name: England, value: 88}]}
finance:
  - id: rev
    title: Revenue
    columns: [budget.net, forecast.net, variance.net]
    rows:
      - {label: Looked after children, budget: 10000, forecast: 10600, status: red}
      - {label: Youth justice, budget: 1000, forecast: 1003, status: green}
      - {label: Family support, budget: 100000, forecast: 100060, status: amber,
         status_reason: agreed}
      - {label: Early help, budget: 500, forecast: 400}
sections:
  - type: measure_table
    ids: [m1, m2, m3]
    columns: [title, value, {column: "comparator:England"}, {column: target, heading: Target, with_status: true}, comment]
  - type: table
    title: Labels
    widths: [60, 44]
    header: [[Measure, Position]]
    rows:
      - [Visits, "Better than target (as at 2018/19 Q4)"]
  - {type: finance_table, finance: rev}
  - type: table
    title: Words
    header: [[Name, Cress]]
    rows:
      - [Kale, {text: Green leek, rag: green}]
      - [Swede, Bold swede]
EOF_YAML
if "$BR" render "$tfe_tmp" -o "$tfe_tmp/e.pdf" >/dev/null 2>"$tfe_tmp/err" &&
   pdftotext -bbox "$tfe_tmp/e.pdf" "$tfe_tmp/e.html"; then
    tfe_out=$(python3 - "$tfe_tmp/e.html" <<'EOF_PY'
import re, sys
words = [(float(a), float(b), float(c), w) for a, b, c, w in re.findall(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
    open(sys.argv[1], encoding="utf-8").read())]
def right(text):
    hits = [w for w in words if w[3] == text]
    return hits[0][2] if hits else None
def left(text):
    hits = [w for w in words if w[3] == text]
    return hits[0][0] if hits else None
bad = []
for name, figs in (("England", ["1,234.5%", "7%", "88"]), ("Target", ["90%", "5%", "12,000"]),
                   ("Variance", ["-600", "-3", "-60", "100"])):
    edges = [right(f) for f in figs]
    if None in edges or max(edges) - min(edges) > 0.05:
        bad.append("%s figures end at %s" % (name, edges))
def starts(first, second):
    """x where `first` starts on the line that holds `second`"""
    line = [w for w in words if w[3] == second]
    hits = [w for w in words if line and w[3] == first and abs(w[1] - line[0][1]) < 0.05]
    return hits[0][0] if hits else None
green, bold = starts("Green", "leek"), starts("Bold", "swede")
if green is None or bold is None or abs(green - bold) > 0.05:
    bad.append("Green leek starts at %s, Bold swede at %s" % (green, bold))
# "2018/19 Q4)" on one line: Q4) on the baseline of its year
year = [w for w in words if w[3] == "2018/19"]
q4 = [w for w in words if w[3] == "Q4)"]
if not year or not q4 or abs(year[0][1] - q4[0][1]) > 0.05:
    bad.append("the period label 2018/19 Q4 breaks")
print("; ".join(bad) if bad else "ok")
EOF_PY
)
    if [ "$tfe_out" = ok ]; then
        pass
    else
        fail "figure edges: $tfe_out"
    fi
else
    fail "figure edges: render failed"
    sed 's/^/    | /' "$tfe_tmp/err"
fi
rm -rf "$tfe_tmp"
