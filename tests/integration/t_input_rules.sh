# t_input_rules.sh — sourced by run.sh: messages about what was given say
# the root cause once, at the right place.
#
# An error in text that several entries merge prints once, saying how
# often; a merge of an alias of a list checks its entries; '-o ""' and an
# option a command does not take are usage errors naming the option; init
# on a plain file and check on a PDF say what was given.
# Names start with ir_ so as not to clash with the other t_*.sh.

ir_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-inputrules.XXXXXX")

# ir_expect NAME RC WANT...: the last run ($ir_rc, ir_tmp/err).
ir_expect() {
    ir_name=$1 ir_want=$2
    shift 2
    ir_bad=""
    [ "$ir_rc" -eq "$ir_want" ] || ir_bad="exit $ir_rc, want $ir_want"
    grep -qaE 'AddressSanitizer|runtime error' "$ir_tmp/err" && ir_bad="$ir_bad; sanitizer report"
    for ir_w in "$@"; do
        grep -qaF -- "$ir_w" "$ir_tmp/err" || ir_bad="${ir_bad:+$ir_bad; }no '$ir_w'"
    done
    if [ -z "$ir_bad" ]; then pass; else
        fail "input rules: $ir_name: $ir_bad"
        head -8 "$ir_tmp/err" | sed 's/^/    | /'
    fi
}

"$BR" init "$ir_tmp/m" -q >/dev/null 2>&1
python3 - "$ir_tmp/m/measures.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = ("x-base: &base\n  polarity: higher\n  unit: percent\n  target: 90\n  tolerance: 95\n"
     "  values: {2026/27 Q2: 92}\nx-s: &s [1, 2]\n" + s)
s = s.replace("measures:\n", "measures:\n  - {id: a1, title: A one, objective: A, <<: *base}\n"
              "  - id: a2\n    title: A two\n    objective: A\n    <<: [*base, *base]\n", 1)
open(p, "w").write(s)
PY
"$BR" check "$ir_tmp/m" >/dev/null 2>"$ir_tmp/err"
ir_rc=$?
ir_expect "an error in merged text" 1 \
    "measures.yaml:5:14: error: tolerance 95 is above the target 90" \
    "(2 times: once for each use of this text, through an alias or merge key)"
[ "$(grep -c 'error: tolerance 95' "$ir_tmp/err")" -eq 1 ] && pass ||
    fail "input rules: the merged error is printed more than once"
sed -i 's/    <<: \[\*base, \*base\]/    <<: *s/' "$ir_tmp/m/measures.yaml"
"$BR" check "$ir_tmp/m" >/dev/null 2>"$ir_tmp/err"
ir_rc=$?
ir_expect "a merge of an alias of a list" 1 "error: a merge key ('<<') takes a mapping"

"$BR" render tests/good/minimal -o '' >/dev/null 2>"$ir_tmp/err"
ir_rc=$?
ir_expect "-o ''" 2 "-o needs a file name"
"$BR" verify --format json >/dev/null 2>"$ir_tmp/err"
ir_rc=$?
ir_expect "verify --format json" 2 "option '--format' does not apply to this command"

touch "$ir_tmp/afile"
"$BR" init "$ir_tmp/afile" >/dev/null 2>"$ir_tmp/err"
ir_rc=$?
ir_expect "init on a file" 1 "afile: error: is a file, not a folder"
"$BR" render "$ir_tmp/m" -o "$ir_tmp/p.pdf" >/dev/null 2>&1
"$BR" render tests/good/minimal -o "$ir_tmp/p.pdf" >/dev/null 2>&1
"$BR" check "$ir_tmp/p.pdf" >/dev/null 2>"$ir_tmp/err"
ir_rc=$?
ir_expect "check on a PDF" 1 "p.pdf: error: is a PDF, not a report's YAML" "'boardreport verify' takes a PDF"
grep -q "save the file as UTF-8" "$ir_tmp/err" && fail "input rules: a PDF is told to be saved as UTF-8" || pass
rm -rf "$ir_tmp"
