# t_export.sh — sourced by run.sh: the data exports an officer takes into
# Excel and Power BI.
#   - JSON: every figure a number or null with its text apart (value_text,
#     values_text...), milestones' progress and corrective action,
#     commentary, comparators' notes, footnotes, people.
#   - xlsx: every example and good report read back with openpyxl
#     (tests/tools/check_xlsx.py) against its own JSON export; the same
#     report gives the same bytes; standard output gives the same bytes.
#   - CSV: every table parses with Python's csv module, row counts match the
#     JSON; --bom; the values table of two quarters appends under one header;
#     text that looks like a formula is quoted as text, numbers are not.
#   - options: --table/--bom where they do not apply, an unknown table
#     (with a suggestion), the format from the output's extension.
#   - output files take the umask's mode; a failed xlsx leaves nothing.

te_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-export.XXXXXX")
te_py=${PYTHON:-python3}

# te_run NAME CMD...: runs CMD, stderr to $te_tmp/err; fails NAME on a
# sanitizer report or a non-zero exit.
te_run() {
    te_name=$1
    shift
    "$@" 2>"$te_tmp/err"
    te_rc=$?
    if [ "$te_rc" -ne 0 ] || grep -qaE 'AddressSanitizer|LeakSanitizer|runtime error' "$te_tmp/err"; then
        fail "export: $te_name exited $te_rc"
        sed 's/^/    | /' "$te_tmp/err" | head -20
        return 1
    fi
    return 0
}

# The CSV's rows (header excluded), read as a spreadsheet would.
te_csv_rows() {
    "$te_py" -c 'import csv, sys; r = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))); print(len(r) - 1)' "$1"
}

for te_dir in examples/*/ tests/good/*/; do
    te_dir=${te_dir%/}
    [ -f "$te_dir/report.yaml" ] || continue
    te_run "json $te_dir" "$BR" export -q "$te_dir" -o "$te_tmp/r.json" || continue
    # JSON for Power BI: every figure a number or null, its text apart.
    if "$te_py" - "$te_tmp/r.json" >"$te_tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format_version"] == 3
def num(v, where):
    assert v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)), (where, v)
def text(v, where):
    assert v is None or isinstance(v, str), (where, v)
for m in d["measures"]:
    for k in ("value", "target", "tolerance"):
        num(m[k], (m["id"], k)); text(m[k + "_text"], (m["id"], k))
        assert m[k] is None or m[k + "_text"] is None, (m["id"], k)
    for p, v in m["values"].items():
        num(v, (m["id"], p))
        assert (v is None) == (p in m["values_text"]), (m["id"], p)
    for c in m["comparators"]:
        num(c["value"], (m["id"], c["name"])); text(c["value_text"], c["name"]); text(c["note"], c["name"])
    for p, n in m["notes"].items():
        assert p in d["periods"] and isinstance(n, str), (m["id"], p)
for ms in d["milestones"]:
    text(ms["progress"], ms["id"]); text(ms["corrective_action"], ms["id"]); text(ms["lead_name"], ms["id"])
    assert ms["lead"] is None or ms["lead_name"], ms["id"]
for c in d["commentary"]:
    assert isinstance(c["title"], str) and isinstance(c["text"], str), c
    assert c["rag"] in (None, "red", "amber", "green", "no_data", "no_target"), c
for f in d["footnotes"]:
    assert isinstance(f["key"], str) and isinstance(f["text"], str), f
for p in d["people"]:
    assert isinstance(p["key"], str) and isinstance(p["name"], str), p
PY
    then
        pass
    else
        fail "export: the JSON of $te_dir mixes types or misses a field"
        sed 's/^/    | /' "$te_tmp/out" | tail -3
    fi
    if te_run "xlsx $te_dir" "$BR" export -q "$te_dir" -o "$te_tmp/r.xlsx" &&
       "$te_py" tests/tools/check_xlsx.py "$te_tmp/r.xlsx" "$te_tmp/r.json" >"$te_tmp/out"; then
        pass
    else
        fail "export: xlsx of $te_dir does not read back as its JSON"
        sed 's/^/    | /' "$te_tmp/out" | head -20
    fi
    # A second reader that is not Python's: Gnumeric's ssconvert, when the
    # machine has it (it is not a dependency), must find every sheet and
    # as many rows in each as the CSV export of that table has.
    if command -v ssconvert >/dev/null 2>&1; then
        rm -f "$te_tmp"/gn-*.csv
        if ssconvert -S "$te_tmp/r.xlsx" "$te_tmp/gn-%s.csv" >/dev/null 2>&1 &&
           te_gn_ok=yes && for te_table in measures values milestones finance objectives; do
               te_sheet=$(echo "$te_table" | sed 's/^./\U&/')
               "$BR" export -q "$te_dir" --format csv --table "$te_table" -o "$te_tmp/gn.csv" 2>/dev/null
               "$te_py" - "$te_tmp/gn-$te_sheet.csv" "$te_tmp/gn.csv" <<'PY' || te_gn_ok=no
import csv, sys
rows = [len(list(csv.reader(open(f, encoding="utf-8-sig", newline="")))) for f in sys.argv[1:]]
sys.exit(0 if rows[0] == rows[1] else 1)
PY
           done && [ "$te_gn_ok" = yes ]; then
            pass
        else
            fail "export: Gnumeric's ssconvert does not read the xlsx of $te_dir as the CSV export's rows"
        fi
    fi
    "$BR" export -q "$te_dir" --format xlsx >"$te_tmp/stdout.xlsx" 2>/dev/null
    "$BR" export -q "$te_dir" -o "$te_tmp/again.xlsx" 2>/dev/null
    if cmp -s "$te_tmp/r.xlsx" "$te_tmp/again.xlsx" && cmp -s "$te_tmp/r.xlsx" "$te_tmp/stdout.xlsx"; then
        pass
    else
        fail "export: xlsx of $te_dir differs between runs or on standard output"
    fi
    # Each CSV table: as many rows as the JSON has items.
    for te_table in measures values milestones finance objectives report; do
        te_run "csv --table $te_table $te_dir" "$BR" export -q "$te_dir" --format csv \
            --table "$te_table" -o "$te_tmp/$te_table.csv" || continue
        te_want=$("$te_py" - "$te_tmp/r.json" "$te_table" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = sys.argv[2]
if t == "measures": print(len(d["measures"]))
elif t == "values":
    p = d["report"]["period"]
    print(sum(len(m["values"]) + (p not in m["values"]) for m in d["measures"]))
elif t == "milestones": print(len(d["milestones"]))
elif t == "finance": print(sum(len(f["rows"]) + (f["total"] is not None) for f in d["finance"]))
elif t == "objectives": print(len(d["objectives"]))
else: print(-1)
PY
)
        te_got=$(te_csv_rows "$te_tmp/$te_table.csv")
        if [ "$te_want" -ge 0 ] && [ "$te_got" != "$te_want" ]; then
            fail "export: csv --table $te_table of $te_dir has $te_got rows, the JSON $te_want"
        else
            pass
        fi
    done
done

# --bom: the byte order mark, and only with --bom.
te_ex=examples/cabinet-2019-20-q2
"$BR" export -q "$te_ex" --format csv --bom -o "$te_tmp/bom.csv" 2>/dev/null
"$BR" export -q "$te_ex" --format csv -o "$te_tmp/nobom.csv" 2>/dev/null
if [ "$(head -c 3 "$te_tmp/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
   [ "$(head -c 3 "$te_tmp/nobom.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ]; then
    pass
else
    fail "export: --bom does not start the CSV with EF BB BF (or it is there without --bom)"
fi

# Two quarters' values tables append under one header (Power Query's
# "append"): same header, and the later quarter's report-period rows say so.
mkdir -p "$te_tmp/q"
"$BR" export -q "$te_ex" --format csv --table values -o "$te_tmp/q/a.csv" 2>/dev/null
te_run "next-quarter" "$BR" next-quarter -q "$te_ex" "$te_tmp/q/next" >/dev/null
"$BR" export -q "$te_tmp/q/next" --format csv --table values -o "$te_tmp/q/b.csv" 2>/dev/null
if [ "$(head -1 "$te_tmp/q/a.csv")" = "$(head -1 "$te_tmp/q/b.csv")" ] &&
   "$te_py" - "$te_tmp/q/a.csv" "$te_tmp/q/b.csv" <<'PY'
import csv, sys
rows = []
for f in sys.argv[1:]:
    r = list(csv.DictReader(open(f, encoding="utf-8", newline="")))
    rows += r
periods = {r["report_period"] for r in rows}
assert len(periods) == 2, periods
for r in rows:
    assert (r["is_report_period"] == "true") == (r["period"] == r["report_period"]), r
    assert r["value"] == "" or float(r["value"]) == float(r["value"]), r
    assert not (r["value"] and r["value_text"]), r
PY
then
    pass
else
    fail "export: the values tables of two quarters do not append cleanly"
fi

# Formula injection: text starting = + - @ is written with an apostrophe
# inside quotes; a negative number stays a number.
mkdir -p "$te_tmp/inj"
cp tests/good/minimal/*.yaml "$te_tmp/inj/"
sed -i 's/^  title: Performance Challenge.*/  title: "=HYPERLINK(\\"http:\/\/x\\",\\"y\\")"/' "$te_tmp/inj/report.yaml"
sed -i 's/^    group: Implement Schools.*/    group: "@SUM(A1:A9)"/; s/^    partners: Schools/    partners: "+cmd|calc"/' \
    "$te_tmp/inj/report.yaml"
"$BR" export -q "$te_tmp/inj" --format csv --table milestones -o "$te_tmp/inj/ms.csv" 2>"$te_tmp/err"
"$BR" export -q "$te_tmp/inj" --format csv --table values -o "$te_tmp/inj/v.csv" 2>>"$te_tmp/err"
"$BR" export -q "$te_tmp/inj" --format csv --table finance -o "$te_tmp/inj/f.csv" 2>>"$te_tmp/err"
if grep -q "\"'@SUM(A1:A9)\"" "$te_tmp/inj/ms.csv" && grep -q "\"'+cmd|calc\"" "$te_tmp/inj/ms.csv" &&
   grep -q "^\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"," "$te_tmp/inj/v.csv" &&
   grep -q ',-3458,' "$te_tmp/inj/f.csv" && ! grep -q "'-" "$te_tmp/inj/f.csv"; then
    pass
else
    fail "export: formula-like text is not guarded in CSV (or a negative number is)"
    sed 's/^/    | /' "$te_tmp/err" | head
fi

# Options: where they do not apply, unknown table, format from extension.
te_usage() {
    te_what=$1
    te_want=$2
    shift 2
    "$@" >"$te_tmp/out" 2>"$te_tmp/err"
    te_rc=$?
    if [ "$te_rc" -eq 2 ] && grep -q -- "$te_want" "$te_tmp/err"; then
        pass
    else
        fail "export: $te_what: exit $te_rc, expected 2 and '$te_want'"
        sed 's/^/    | /' "$te_tmp/err" | head -5
    fi
}
te_usage "--table with json" "every table" "$BR" export "$te_ex" --format json --table values
te_usage "--bom with xlsx" "CSV only" "$BR" export "$te_ex" --format xlsx --bom -o "$te_tmp/x.xlsx"
te_usage "unknown table" "did you mean 'milestones'" "$BR" export "$te_ex" --format csv --table milestone
te_usage "no format" "which format" "$BR" export "$te_ex"
te_usage "unknown format" "json, csv or xlsx" "$BR" export "$te_ex" --format xls
"$BR" export -q "$te_ex" -o "$te_tmp/byext.csv" 2>/dev/null
if cmp -s "$te_tmp/byext.csv" "$te_tmp/nobom.csv"; then pass; else fail "export: -o FILE.csv does not write CSV"; fi

# Output files take the umask's mode (a new file: 0666 less the umask).
for te_fmt in csv json xlsx; do
    rm -f "$te_tmp/mode.$te_fmt"
    (umask 027 && "$BR" export -q "$te_ex" -o "$te_tmp/mode.$te_fmt" 2>/dev/null)
    te_mode=$(stat -c %a "$te_tmp/mode.$te_fmt" 2>/dev/null)
    if [ "$te_mode" = 640 ]; then pass; else fail "export: a new .$te_fmt under umask 027 has mode $te_mode, not 640"; fi
done

# The same for render's PDF and schema's output under another umask, and a
# replaced file keeps its own mode whatever the umask.
rm -f "$te_tmp/mode.pdf" "$te_tmp/mode.schema.json"
(umask 077 && "$BR" render -q "$te_ex" -o "$te_tmp/mode.pdf" 2>/dev/null &&
 "$BR" schema -o "$te_tmp/mode.schema.json" 2>/dev/null)
te_modes="$(stat -c %a "$te_tmp/mode.pdf" "$te_tmp/mode.schema.json" 2>/dev/null | tr '\n' ' ')"
if [ "$te_modes" = "600 600 " ]; then pass; else fail "output: new files under umask 077 have modes $te_modes, not 600 600"; fi
chmod 644 "$te_tmp/mode.csv"
(umask 077 && "$BR" export -q "$te_ex" -o "$te_tmp/mode.csv" 2>/dev/null)
te_mode=$(stat -c %a "$te_tmp/mode.csv")
if [ "$te_mode" = 644 ]; then pass; else fail "output: a replaced file's mode became $te_mode, not its own 644"; fi

# A text longer than an Excel cell holds (32,767 characters) is cut there
# with a warning; the workbook is still written and the CSV has it whole.
mkdir -p "$te_tmp/long"
cp tests/good/minimal/*.yaml "$te_tmp/long/"
"$te_py" - "$te_tmp/long/report.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read().replace("    progress: Plans agreed with 12 of 14 schools.", "    progress: " + "word " * 8000)
open(p, "w").write(s)
PY
"$BR" export "$te_tmp/long" -o "$te_tmp/long/x.xlsx" 2>"$te_tmp/err"
te_rc=$?
"$BR" export -q "$te_tmp/long" --format csv --table milestones -o "$te_tmp/long/m.csv" 2>/dev/null
if [ "$te_rc" -eq 0 ] && grep -q "longer than an Excel cell holds" "$te_tmp/err" &&
   "$te_py" - "$te_tmp/long/x.xlsx" "$te_tmp/long/m.csv" <<'PY'
import csv, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Milestones"]
col = [c.value for c in ws[1]].index("Progress")
assert len(ws.cell(2, col + 1).value) == 32767
row = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))[0]
assert len(row["progress"]) == 40000 - 1, len(row["progress"])
PY
then
    pass
else
    fail "export: a 40,000-character text in xlsx (exit $te_rc)"
    sed 's/^/    | /' "$te_tmp/err" | head -5
fi

# A workbook that cannot be written leaves nothing behind and exits 1.
"$BR" export -q "$te_ex" -o "$te_tmp/no/such/dir/r.xlsx" 2>"$te_tmp/err"
te_rc=$?
if [ "$te_rc" -eq 1 ] && [ ! -e "$te_tmp/no" ] && grep -q error "$te_tmp/err"; then
    pass
else
    fail "export: xlsx into a missing folder: exit $te_rc"
fi

rm -rf "$te_tmp"
