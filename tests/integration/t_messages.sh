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
elif grep -qF 'q\x1b[2J/report.yaml:2:3: error: unknown key '"'"'tit\u009ble'"'" "$ms_tmp/err"; then
    pass
else
    fail "messages: the escaped file name and key are not as expected"
    cat -v "$ms_tmp/err" | head -5 | sed 's/^/    | /'
fi
rm -rf "$ms_tmp"
