# t_keys.sh — sourced by run.sh: docs/format.md names every key the loader
# accepts.  The keys are read from the loader's own tables: the field
# tables (FIELD, CUSTOM, ENUMF, ENUMH, LISTF entries) of src/load/build*.c
# and of each section type (src/compose/sections/*.c), and the arrays of
# keys read by hand (the top level, a finance row, a target's form, a
# column's mapping).  A key missing from the page fails, naming it.

tk_missing=$(python3 - <<'EOF_PY'
import glob, re
keys = set()
files = glob.glob("src/load/build*.c") + glob.glob("src/compose/sections/*.c")
for f in files:
    s = open(f, encoding="utf-8").read()
    keys.update(re.findall(r'\b(?:FIELD|CUSTOM|ENUMF|ENUMH|LISTF)\("([a-z_]+)"', s))
    # arrays of keys the loader reads by hand
    for name in ("main_keys", "keys", "form"):
        for body in re.findall(r'\b' + name + r'\[\] = \{([^}]*)\}', s):
            keys.update(re.findall(r'"([a-z_]+)"', body))
doc = open("docs/format.md", encoding="utf-8").read()
missing = sorted(k for k in keys if "`%s`" % k not in doc)
if len(keys) < 60:
    print("(only %d keys read: the table patterns no longer match)" % len(keys))
print(" ".join(missing))
EOF_PY
)
if [ -z "$tk_missing" ]; then
    pass
else
    fail "docs/format.md does not name these keys the loader accepts: $tk_missing"
fi
