# t_good.sh — sourced by run.sh: every good report and example checks
# cleanly and exports valid JSON and a CSV row per measure.
#
# A folder without report.yaml (an example not written yet) is skipped.

tg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-good.XXXXXX")

# tg_case DIR: check, export --format json, export --format csv.
tg_case() {
    tg_dir=$1
    "$BR" check "$tg_dir" >"$tg_tmp/out" 2>"$tg_tmp/err"
    tg_rc=$?
    if [ "$tg_rc" -ne 0 ] || grep -qaE 'AddressSanitizer|LeakSanitizer|runtime error' "$tg_tmp/err"; then
        fail "good: check $tg_dir exited $tg_rc"
        sed 's/^/    | /' "$tg_tmp/err"
        return
    fi
    pass

    "$BR" export "$tg_dir" --format json >"$tg_tmp/json" 2>"$tg_tmp/err"
    tg_rc=$?
    if [ "$tg_rc" -ne 0 ] || ! python3 -m json.tool "$tg_tmp/json" >/dev/null 2>"$tg_tmp/jerr"; then
        fail "good: export --format json $tg_dir (exit $tg_rc) is not valid JSON"
        sed 's/^/    | /' "$tg_tmp/err" "$tg_tmp/jerr"
        return
    fi
    pass

    tg_n=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["measures"]))' \
           "$tg_tmp/json")
    "$BR" export "$tg_dir" --format csv >"$tg_tmp/csv" 2>"$tg_tmp/err"
    tg_rc=$?
    tg_lines=$(wc -l <"$tg_tmp/csv")
    if [ "$tg_rc" -ne 0 ] || [ "$tg_lines" -ne $((tg_n + 1)) ]; then
        fail "good: export --format csv $tg_dir (exit $tg_rc): $tg_lines lines for $tg_n measures plus a header"
        sed 's/^/    | /' "$tg_tmp/err"
        return
    fi
    pass
}

for tg_dir in tests/good/*/ examples/*/; do
    tg_dir=${tg_dir%/}
    [ -f "$tg_dir/report.yaml" ] || continue
    tg_case "$tg_dir"
done

rm -rf "$tg_tmp"
