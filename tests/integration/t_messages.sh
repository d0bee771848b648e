# t_messages.sh — sourced by run.sh: what reaches the terminal.
#
# No raw control character from an input ever reaches the terminal: in
# messages and in quoted source lines each is escaped (\x1b, \u009b), so a
# hostile file cannot clear the screen or fake an "ok" line.  Names ms_.
ms_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-messages.XXXXXX")
for ms_case in tests/bad/control-character-in-text.yaml tests/bad/control-character-escaped-in-quotes.yaml; do
    "$BR" check "$ms_case" >/dev/null 2>"$ms_tmp/err"
    if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$ms_tmp/err"; then
        fail "messages: $ms_case: a raw control character reached stderr"
        cat -v "$ms_tmp/err" | head -5 | sed 's/^/    | /'
    else
        pass
    fi
done
# A C1 control (U+009B, CSI on many terminals) inside a key, and a file
# name with an escape in it.
mkdir "$ms_tmp/q$(printf '\033')[2J"
printf 'report:\n  "tit\\u009ble": x\n' >"$ms_tmp/q$(printf '\033')[2J/report.yaml"
"$BR" check "$ms_tmp/q$(printf '\033')[2J" >/dev/null 2>"$ms_tmp/err"
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]\|\302[\200-\237]')" "$ms_tmp/err"; then
    fail "messages: a raw control character from a key or a file name reached stderr"
    cat -v "$ms_tmp/err" | head -5 | sed 's/^/    | /'
elif grep -qF 'q\x1b[2J/report.yaml:2:7: error: '"'"'\u009b'"'"' is a control character (U+009B)' "$ms_tmp/err"; then
    pass
else
    fail "messages: the escaped file name and key are not as expected"
    cat -v "$ms_tmp/err" | head -5 | sed 's/^/    | /'
fi

# Root cause first: an included file that cannot be read is reported
# before anything else, and the errors that only follow from its absence
# are counted in one line, not printed.
ms_c=tests/bad/include-syntax-error-cascade
"$BR" check "$ms_c" >/dev/null 2>"$ms_tmp/err"
if head -1 "$ms_tmp/err" | grep -qF "$ms_c/measures.yaml:44:1: error: tab character" &&
    ! grep -qF "no measure has the id" "$ms_tmp/err" &&
    [ "$(grep -c ': error: ' "$ms_tmp/err")" -eq 1 ]; then
    pass
else
    fail "messages: the cascade: root cause not first, or knock-on errors printed"
    head -8 "$ms_tmp/err" | sed 's/^/    | /'
fi

# An empty included file (or one of comments only) is named in a warning.
mkdir "$ms_tmp/empty"
cp tests/good/minimal/*.yaml "$ms_tmp/empty/"
printf '# finance to follow\n' >"$ms_tmp/empty/finance.yaml"
"$BR" check "$ms_tmp/empty" >/dev/null 2>"$ms_tmp/err"
if grep -qF "warning: included file '$ms_tmp/empty/finance.yaml' is empty (or holds only comments)" "$ms_tmp/err"; then
    pass
else
    fail "messages: no warning for an empty included file"
    grep -v '^ ' "$ms_tmp/err" | head -5 | sed 's/^/    | /'
fi

# U+FEFF inside text is a byte order mark, not right-to-left text.
mkdir "$ms_tmp/bom"
printf 'report: {title: "Quarterly\357\273\277 report", organisation: Test Council, period: 2019/20 Q2, date: 2019-10-17}\nperiods: [2019/20 Q2]\nsections: []\n' >"$ms_tmp/bom/report.yaml"
"$BR" check "$ms_tmp/bom" >/dev/null 2>"$ms_tmp/err"
if grep -qF "report.yaml:1:17: warning: U+FEFF, an invisible byte order mark" "$ms_tmp/err" &&
    ! grep -qF "right-to-left" "$ms_tmp/err"; then
    pass
else
    fail "messages: U+FEFF inside text is not named as a byte order mark"
    grep -v '^ ' "$ms_tmp/err" | head -5 | sed 's/^/    | /'
fi
rm -rf "$ms_tmp"
