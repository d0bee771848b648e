# t_counts.sh — sourced by run.sh: a summary never contradicts its detail.
# For every example, every good report and a generated one, the statuses
# the profile (export objectives[]) and the summary count are exactly the
# statuses the measures have (the ones every table prints: a set status:
# or the computed one).

tcn_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-counts.XXXXXX")
build/bench/gen --measures 300 --seed 11 "$tcn_tmp/generated" >/dev/null 2>&1
for tcn_dir in examples/*/ tests/good/*/ "$tcn_tmp/generated"; do
    [ -f "$tcn_dir/report.yaml" ] || continue
    if ! "$BR" export "$tcn_dir" --format json >"$tcn_tmp/json" 2>/dev/null; then
        fail "counts: export of $tcn_dir failed"
        continue
    fi
    if tcn_out=$(python3 - "$tcn_tmp/json" <<'EOF_PY'
import json, sys
from collections import Counter
d = json.load(open(sys.argv[1]))
ms = d["measures"]
bad = []
by_obj = {}
for m in ms:
    by_obj.setdefault(m["objective"], Counter())[m["status"]] += 1
for o in d.get("objectives", []):
    want = by_obj.get(o["id"], Counter())
    want["data_only"] = want.get("no_data", 0) + want.get("no_target", 0)
    for s, n in o["measures"].items():
        n = n or 0      # null: a blank cell, none counted
        if o["measures_stated"] and s in ("no_data", "no_target"):
            continue    # a stated data_only is not split: data_only checks it
        if want.get(s, 0) != n:
            bad.append("objective %s counts %d %s, its measures have %d" % (o["id"], n, s, want.get(s, 0)))
total = [r for r in d["summary"] if r["group"] == "Total"][0]
allc = Counter(m["status"] for m in ms)
for s in ("red", "amber", "green", "no_data", "no_target"):
    if total[s] != allc.get(s, 0):
        bad.append("summary counts %d %s, the measures have %d" % (total[s], s, allc.get(s, 0)))
for m in ms:
    if m["status_source"] == "computed" and m["status"] != m["computed_status"]:
        bad.append("measure %s prints %s but computed %s with no status set" % (m["id"], m["status"], m["computed_status"]))
print("; ".join(bad))
sys.exit(1 if bad else 0)
EOF_PY
    ); then
        pass
    else
        fail "counts: $tcn_dir: $tcn_out"
    fi
done
rm -rf "$tcn_tmp"
