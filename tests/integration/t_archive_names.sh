# t_archive_names.sh — sourced by run.sh: two papers whose titles differ
# only in punctuation ("Q2: Performance", "Q2 Performance") are two papers:
# each is issued into its own folder (the second was refused as a changed
# re-issue of the first), each re-issue is checked against its own earlier
# version, and log and verify list both.

tan_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-names.XXXXXX")
for tan_t in "Q2 Performance" "Q2: Performance"; do
    tan_d=$tan_tmp/$(printf '%s' "$tan_t" | tr -dc 'A-Za-z0-9')
    mkdir -p "$tan_d"
    cat >"$tan_d/report.yaml" <<EOF
report: {title: "$tan_t", organisation: O, period: 2019/20 Q2, date: 2019-10-17}
periods: [2019/20 Q2]
measures:
  - {id: m1, title: One, polarity: higher, target: 9, values: {2019/20 Q2: 8}}
sections:
  - {type: measure_table}
EOF
    if "$BR" issue "$tan_d" --archive "$tan_tmp/arc" >"$tan_tmp/out" 2>"$tan_tmp/err"; then pass
    else fail "archive names: issuing '$tan_t' failed"; sed 's/^/    | /' "$tan_tmp/err"; fi
done
tan_n=$(find "$tan_tmp/arc/2019-20-Q2" -mindepth 1 -maxdepth 1 -type d | wc -l)
[ "$tan_n" = 2 ] && pass || fail "archive names: $tan_n report folders, expected 2"
[ -d "$tan_tmp/arc/2019-20-Q2/q2-performance/v1" ] && pass ||
    fail "archive names: the first paper is not under its plain slug"
# A re-issue of the second is compared with its own v1: the correction
# names its change, so no warning; the figure it changed is found.
sed -i 's/date: 2019-10-17}/date: 2019-10-17, version: 2, corrections: ["One: 8 corrected to 7"]}/
        s/2019\/20 Q2: 8}/2019\/20 Q2: 7}/' "$tan_tmp/Q2Performance/report.yaml"
"$BR" issue "$tan_tmp/Q2Performance" --archive "$tan_tmp/arc" >"$tan_tmp/out" 2>"$tan_tmp/err"
if [ $? -eq 0 ] && ! grep -q warning "$tan_tmp/err" && grep -q "q2-performance-[0-9a-f]\{12\}/v2" "$tan_tmp/out"; then pass
else fail "archive names: re-issue of 'Q2: Performance'"; sed 's/^/    | /' "$tan_tmp/out" "$tan_tmp/err"; fi
"$BR" log --archive "$tan_tmp/arc" >"$tan_tmp/out" 2>&1
grep -qF "  Q2 Performance" "$tan_tmp/out" && grep -qF "  Q2: Performance" "$tan_tmp/out" && pass ||
    { fail "archive names: log does not list both papers"; sed 's/^/    | /' "$tan_tmp/out"; }
"$BR" verify --archive "$tan_tmp/arc" >"$tan_tmp/out" 2>&1 && grep -qF "3 verified, 0 failed" "$tan_tmp/out" && pass ||
    { fail "archive names: verify"; sed 's/^/    | /' "$tan_tmp/out"; }
rm -rf "$tan_tmp"
