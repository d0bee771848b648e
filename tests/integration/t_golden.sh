# t_golden.sh — sourced by run.sh: the golden tests notice a changed cell.
#
# A copy of the cabinet example dumps exactly its kept goldens; the same
# copy with one figure changed does not (so `make test` would fail).

tgo_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-golden.XXXXXX")
tgo_case=tests/golden/example-cabinet-2019-20-q2
cp -r examples/cabinet-2019-20-q2 "$tgo_tmp/in"
mkdir -p "$tgo_tmp/same" "$tgo_tmp/changed"
${GOLDEN:-build/test/golden} "$tgo_tmp/in" "$tgo_tmp/same" 2>/dev/null
if cmp -s "$tgo_case/doc.txt" "$tgo_tmp/same/doc.txt" &&
   cmp -s "$tgo_case/pages.txt" "$tgo_tmp/same/pages.txt" &&
   cmp -s "$tgo_case/export.json" "$tgo_tmp/same/export.json"; then
    pass
else
    fail "golden: a copy of the cabinet example does not dump its kept goldens"
fi
# One value of one measure: 2019/20 Q2 of the first measure with one.
awk '!done && /2019\/20 Q2: [0-9]/ { sub(/2019\/20 Q2: [0-9]+/, "2019/20 Q2: 9999"); done = 1 } { print }' \
    examples/cabinet-2019-20-q2/measures.yaml >"$tgo_tmp/in/measures.yaml"
${GOLDEN:-build/test/golden} "$tgo_tmp/in" "$tgo_tmp/changed" 2>/dev/null
if ! cmp -s "$tgo_case/doc.txt" "$tgo_tmp/changed/doc.txt" &&
   ! cmp -s "$tgo_case/export.json" "$tgo_tmp/changed/export.json"; then
    pass
else
    fail "golden: changing one figure of the cabinet example leaves its goldens equal"
fi
rm -rf "$tgo_tmp"
