# t_reissue.sh — sourced by run.sh: a re-issue checked against the
# archive, and diff, see every change the paper prints: a finance row
# deleted, a measure's decimals: (its printed figures), a generic table's
# figure, a front sheet's fact, a heading's RAG and a section left out; each
# unmentioned in corrections: is a warning at its line, and one mentioned is
# not.

tri_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-reissue.XXXXXX")
tri_q=$tri_tmp/q
cp -r tests/good/every-key "$tri_q"
sed -i 's/^  version: 2$/  version: 1/; /^  corrections:$/,+1d' "$tri_q/report.yaml"
if "$BR" issue "$tri_q" --archive "$tri_tmp/arc" >/dev/null 2>"$tri_tmp/err"; then pass
else fail "reissue: issuing v1 failed"; sed 's/^/    | /' "$tri_tmp/err"; fi
tri_v1=$tri_tmp/arc/2019-20-Q2/quarterly-zanzibar-review/v1

sed -i '/- label: Guavas only net/,+2d' "$tri_q/more.yaml"
sed -i '0,/    decimals: 1/s//    decimals: 2/' "$tri_q/measures.yaml"
sed -i 's/{text: "1,234", align: right}/{text: "1,243", align: right}/
        s/value: Northbank and Southbank/value: Northbank only/
        0,/    rag: green/s//    rag: amber/
        /^  - type: summary$/,/^    group_by: group$/d
        s/^  version: 1$/  version: 2\n  corrections:\n    - "Wards Affected: Northbank only, not Southbank."/' \
    "$tri_q/report.yaml"

BOARDREPORT_ARCHIVE=$tri_tmp/arc "$BR" check "$tri_q" >/dev/null 2>"$tri_tmp/err"
sed "s|$tri_tmp/||g" "$tri_tmp/err" >"$tri_tmp/check"
tri_missing=""
for tri_want in \
    "q/more.yaml:2:5: warning: finance 'Fruit budget caption: Guavas only net' was removed since arc/2019-20-Q2/quarterly-zanzibar-review/v1" \
    "q/measures.yaml:16:26: warning: measure 'Bananas ripened': 2018/19 Q1 value changed since arc/2019-20-Q2/quarterly-zanzibar-review/v1 (12.3 -> 12.34)" \
    "warning: measure 'Bananas ripened': 2018/19 Q4 value changed since arc/2019-20-Q2/quarterly-zanzibar-review/v1 (13.0 -> 13.00)" \
    "q/report.yaml:117:30: warning: section 'Generic table of rhubarb': body row 2 cell 2 changed since arc/2019-20-Q2/quarterly-zanzibar-review/v1 (1,234 -> 1,243)" \
    "q/report.yaml:65:5: warning: section 'EXECUTIVE GOOSEBERRY SUMMARY': status changed since arc/2019-20-Q2/quarterly-zanzibar-review/v1 (green -> amber)" \
    "warning: section 'Summary by orchard' was removed since arc/2019-20-Q2/quarterly-zanzibar-review/v1, but no line of 'corrections:' mentions it; add one such as \"Summary by orchard: removed.\""; do
    grep -qF "$tri_want" "$tri_tmp/check" || tri_missing="$tri_missing
    $tri_want"
done
if [ -z "$tri_missing" ]; then pass
else fail "reissue: check against the archive did not say:$tri_missing"; sed 's/^/    | /' "$tri_tmp/check"; fi
# The fact's change is mentioned (by its label and new value): no warning.
if grep -qF "Wards Affected" "$tri_tmp/check"; then
    fail "reissue: a change its correction mentions still warned"; sed 's/^/    | /' "$tri_tmp/check"
else pass; fi

"$BR" diff "$tri_v1" "$tri_q" >"$tri_tmp/diff" 2>"$tri_tmp/err"
tri_missing=""
for tri_want in "removed: Guavas only net -> (none)" "2018/19 Q3 value: 10.0 -> 9.95" \
    "Wards Affected: Northbank and Southbank -> Northbank only" "status: green -> amber" \
    "body row 2 cell 2: 1,234 -> 1,243" "removed: Summary by orchard -> (none)"; do
    grep -qF -- "$tri_want" "$tri_tmp/diff" || tri_missing="$tri_missing
    $tri_want"
done
if [ -z "$tri_missing" ]; then pass
else fail "reissue: diff did not list:$tri_missing"; sed 's/^/    | /' "$tri_tmp/diff"; fi
rm -rf "$tri_tmp"
