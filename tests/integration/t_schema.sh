# t_schema.sh — sourced by run.sh: schema/boardreport.schema.json, checked
# by an independent validator (python3-jsonschema): it is a valid Draft 7
# schema; `boardreport schema` prints it; every example, tests/good and
# `init`'s quarter validate; the tests/bad cases that are mistakes of shape
# (a misspelt key, an unknown word, a wrong type, a missing key) fail it.

ts_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-schema.XXXXXX")
ts_py=${PYTHON:-/usr/bin/python3}
ts_schema=schema/boardreport.schema.json

"$ts_py" schema/generate.py >"$ts_tmp/generated.json"
cmp -s "$ts_tmp/generated.json" "$ts_schema" && pass ||
    fail "schema: $ts_schema is not schema/generate.py's output (run: python3 schema/generate.py > $ts_schema)"
"$BR" schema >"$ts_tmp/printed.json" 2>"$ts_tmp/err"
cmp -s "$ts_tmp/printed.json" "$ts_schema" && pass || fail "schema: 'boardreport schema' differs from $ts_schema"

"$BR" init "$ts_tmp/q" >/dev/null 2>&1
if ts_out=$("$ts_py" tests/tools/validate_schema.py "$ts_schema" examples/*/*.yaml tests/good/*/*.yaml \
        "$ts_tmp"/q/*.yaml 2>&1); then
    pass
else
    fail "schema: a good file does not validate"
    printf '%s\n' "$ts_out" | grep -v ': ok$' | sed 's/^/    | /'
fi

# The golden cases that check cleanly use every documented form (profiled
# targets, {value, display, note}, list selections, stacked banners...):
# the schema takes each, so an editor shows no false error.
ts_gold=""
for ts_dir in tests/golden/*/; do
    [ -f "$ts_dir/report.yaml" ] && "$BR" check -q "$ts_dir" >/dev/null 2>&1 && ts_gold="$ts_gold $ts_dir/report.yaml"
done
if ts_out=$("$ts_py" tests/tools/validate_schema.py "$ts_schema" $ts_gold 2>&1); then pass
else fail "schema: a golden case that checks does not validate"; printf '%s\n' "$ts_out" | grep -v ': ok$' | sed 's/^/    | /'; fi
printf 'report: {title: T, organisation: O, period: 2019/20 Q2, date: "2019-10-17"}\nperiods: [2019/20 Q2]\nmeasures:\n  - {id: a, title: A, polarity: higher, tolerance: {value: 5}, values: {2019/20 Q2: 1}}\n' >"$ts_tmp/tol.yaml"
"$ts_py" tests/tools/validate_schema.py "$ts_schema" "$ts_tmp/tol.yaml" >/dev/null 2>&1 &&
    fail "schema: takes tolerance: {value: 5}, which the loader refuses" || pass

# Mistakes of shape the schema catches as the officer types.
for ts_case in date-british-order decimals-out-of-range finance-amount-in-pounds finance-split-misspelt \
        finance-variance-given frequency-misspelt measure-id-capitals measure-id-spaces \
        measure-missing-title measure-missing-values measure-status-misspelt \
        measures-not-a-list milestone-missing-due milestone-status-rag milestone-status-unknown \
        milestone-two-leads missing-periods missing-report missing-sections periods-bad-string \
        periods-not-a-list polarity-unknown polarity-words report-key-american-spelling \
        report-period-bad-string report-status-capitalised section-heading-level-4 \
        section-key-of-other-type section-missing-type section-type-unknown top-level-key-singular \
        top-level-list unit-unknown values-as-list version-2-without-corrections key-misspelt-tolerence; do
    if [ -d "tests/bad/$ts_case" ]; then ts_files=$(ls tests/bad/$ts_case/*.yaml); else ts_files=tests/bad/$ts_case.yaml; fi
    # shellcheck disable=SC2086
    if "$ts_py" tests/tools/validate_schema.py "$ts_schema" $ts_files >"$ts_tmp/out" 2>&1; then
        fail "schema: tests/bad/$ts_case passes the schema"
    else
        pass
    fi
done

# Every key the loader reads is in the schema (the field tables of
# src/load/build_*.c and src/compose/sections/*.c).
ts_keys=$(grep -oE '(FIELD|ENUMF|ENUMH|CUSTOM|LISTF)\("[a-z_]+"' src/load/build_*.c src/compose/sections/*.c | sed 's/.*("//; s/"$//' | sort -u)
for ts_key in $ts_keys; do
    grep -q "\"$ts_key\":" "$ts_schema" || fail "schema: the loader's key '$ts_key' is not in the schema"
done
pass
rm -rf "$ts_tmp"
