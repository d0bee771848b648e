# t_finance_status.sh — sourced by run.sh: a finance row's stated status
# and the rounding note, through the binary: the CSV export gives each
# row's status as the paper shows it (set, computed, or none for a table
# that prints no variance), and the PDF carries the reworded rounding note
# and none for the table that switches it off.

tfs_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-finstatus.XXXXXX")
tfs_case=tests/golden/finance-status
"$BR" export "$tfs_case" --format csv --table finance >"$tfs_tmp/fin.csv" 2>"$tfs_tmp/err"
tfs_rows=$(python3 - "$tfs_tmp/fin.csv" <<'EOF_PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(" ".join("%s:%s:%s" % (r["row"].split()[0], r["variance_status"] or "-", r["status_source"] or "-")
               for r in rows))
EOF_PY
)
tfs_want="Mary:green:set Ridgewood:amber:set Schools:-:- Looked:red:set Youth:green:set Family:amber:set Total:amber:computed Services:-:- Support:-:- Total:-:-"
if [ "$tfs_rows" = "$tfs_want" ]; then
    pass
else
    fail "finance status export: got '$tfs_rows', want '$tfs_want'"
fi
if "$BR" render "$tfs_case" -o "$tfs_tmp/f.pdf" >/dev/null 2>"$tfs_tmp/err" &&
   pdftotext "$tfs_tmp/f.pdf" "$tfs_tmp/f.txt" &&
   grep -q "Totals are the ledger's; rows are rounded to the nearest £1,000" "$tfs_tmp/f.txt" &&
   ! grep -q "Figures may not sum" "$tfs_tmp/f.txt" && grep -qx "Amber" "$tfs_tmp/f.txt" &&
   grep -q "states green, but its net variance -30 judges amber" "$tfs_tmp/err"; then
    pass
else
    fail "finance status render: the reworded note, no default note, the status word or the warning is missing"
    sed 's/^/    | /' "$tfs_tmp/err"
fi
rm -rf "$tfs_tmp"
