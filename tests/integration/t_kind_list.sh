# t_kind_list.sh — sourced by run.sh: the held-out Cabinet paper's appendix
# selects its measures by a list of kinds (issue 11: `kind: [contractual,
# strategic]`), not by ids.  On a copy of the Cabinet example whose appendix
# table selects so, render succeeds, the table prints both kinds' group
# rows, and it prints a strategic measure the ids list never named.

tkl_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-kindlist.XXXXXX")
cp -r examples/cabinet-2019-20-q2 "$tkl_tmp/q"
# The appendix table's ids: list (under group_by: kind) becomes the kind list.
awk '
    /^    group_by: kind$/ { print; sel = 1; next }
    sel && /^    ids:$/ { print "    kind: [contractual, strategic]"; skip = 1; next }
    skip && /^      - / { next }
    { skip = 0; sel = 0; print }
' examples/cabinet-2019-20-q2/report.yaml > "$tkl_tmp/q/report.yaml"
if ! grep -q "^    kind: \[contractual, strategic\]$" "$tkl_tmp/q/report.yaml"; then
    fail "kind list: the appendix's ids: list was not replaced (the example changed?)"
elif ! "$BR" render "$tkl_tmp/q" -o "$tkl_tmp/out.pdf" >/dev/null 2>"$tkl_tmp/err"; then
    fail "kind list: render failed"; sed 's/^/    | /' "$tkl_tmp/err"
else
    pdftotext "$tkl_tmp/out.pdf" "$tkl_tmp/out.txt"
    for tkl_bar in Contractual Strategic; do
        grep -qx "$tkl_bar" "$tkl_tmp/out.txt" && pass || fail "kind list: no '$tkl_bar' group row"
    done
    # Every measure of the two kinds is in the table, those the example's
    # ids list never named too (each title's first words in the text).
    "$BR" export "$tkl_tmp/q" --format json > "$tkl_tmp/json" 2>/dev/null
    awk '/^    group_by: kind$/{s=1;next} s&&/^    ids:$/{i=1;next} i&&/^      - /{print $2;next} {i=0;s=0}' \
        examples/cabinet-2019-20-q2/report.yaml > "$tkl_tmp/ids"
    $PYTHON - "$tkl_tmp/json" "$tkl_tmp/ids" "$tkl_tmp/out.txt" > "$tkl_tmp/missing" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
named = set(open(sys.argv[2]).read().split())
text = " ".join(open(sys.argv[3]).read().split())
kinds = [m for m in d["measures"] if m.get("kind") in ("contractual", "strategic")]
print("unnamed %d" % sum(1 for m in kinds if m["id"] not in named))
for m in kinds:
    words = " ".join(m["title"].split()[:3])
    if words not in text:
        print("missing", m["id"], words)
PY
    if grep -q "^missing" "$tkl_tmp/missing"; then
        fail "kind list: measures of the two kinds not printed:"; sed 's/^/    | /' "$tkl_tmp/missing"
    else pass; fi
fi
rm -rf "$tkl_tmp"
