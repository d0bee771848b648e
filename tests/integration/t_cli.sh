# t_cli.sh — sourced by run.sh: the command line as a user meets it:
# getopt_long options on every command, -o - for standard output, help,
# -V, did-you-mean for commands and options, and compiler-like
# diagnostics (colour, summary line, --quiet, -Werror, the cap).

tc_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-cli.XXXXXX")
tc_ex=examples/scorecard-2015-12
# A quarter with warnings: the improvement-plan example with its milestones
# judged (no milestone_status: not-reported), so 32 are overdue.
cp -r examples/improvement-plan-2012-08 "$tc_tmp/warn"
sed -i '/milestone_status: not-reported/d' "$tc_tmp/warn/report.yaml"
tc_warn=$tc_tmp/warn

# tc_expect NAME WANT_RC FILE TEXT -- CMD...: runs CMD, wants its exit
# status and TEXT (fixed) in FILE (out or err).
tc_expect() {
    tc_name=$1 tc_rc_want=$2 tc_file=$3 tc_text=$4
    shift 5
    "$@" >"$tc_tmp/out" 2>"$tc_tmp/err"
    tc_rc=$?
    if [ "$tc_rc" -eq "$tc_rc_want" ] && grep -qF -- "$tc_text" "$tc_tmp/$tc_file" &&
        ! grep -qaE 'AddressSanitizer|LeakSanitizer|runtime error' "$tc_tmp/err"; then
        pass
    else
        fail "cli: $tc_name: exit $tc_rc (want $tc_rc_want), $tc_file lacks '$tc_text'"
        sed 's/^/    | /' "$tc_tmp/err" | head -20
    fi
}

tc_expect "-V" 0 out "boardreport " -- "$BR" -V
tc_expect "--version" 0 out "boardreport " -- "$BR" --version
tc_expect "render -V" 0 out "boardreport " -- "$BR" render -V
tc_expect "did you mean a command" 2 err "unknown command 'rendr'; did you mean 'render'?" -- "$BR" rendr x
tc_expect "did you mean an option" 2 err "unknown option '--wacth'; did you mean '--watch'?" -- "$BR" render --wacth x
tc_expect "option of another command" 2 err "option '--watch' does not apply" -- "$BR" check --watch "$tc_ex"
tc_expect "missing operand" 2 err "expected one PATH" -- "$BR" check
tc_expect "an operand too many" 2 err "one operand too many: 'b'" -- "$BR" check a b
tc_expect "--color value" 2 err "--color takes auto, always or never" -- "$BR" check --color=sometimes "$tc_ex"
tc_expect "-W value" 2 err "-W takes only 'error'" -- "$BR" check -Wall "$tc_ex"
tc_expect "option needs a value" 2 err "needs a value" -- "$BR" export "$tc_ex" --format
tc_expect "-o where nothing is written" 2 err "-o does not apply: check writes no file" -- "$BR" check -o x.txt "$tc_ex"

# help COMMAND is COMMAND --help, and each lists the common options.
for tc_cmd in $("$BR" help --commands | grep -vx help); do
    "$BR" help "$tc_cmd" >"$tc_tmp/a" 2>&1
    "$BR" "$tc_cmd" --help >"$tc_tmp/b" 2>&1
    if cmp -s "$tc_tmp/a" "$tc_tmp/b" && grep -q -- "--warnings-as-errors" "$tc_tmp/a" &&
        grep -q -- "--output=FILE" "$tc_tmp/a"; then pass; else fail "cli: help $tc_cmd differs from $tc_cmd --help"; fi
done
"$BR" help --commands >"$tc_tmp/cmds"
# The man page describes every command and every long option any command's
# --help lists (the completion reads both from the binary itself).
man -l man/boardreport.1 2>/dev/null | sed 's/‐ *$//' | tr -d '\n' >"$tc_tmp/man.txt"
for tc_cmd in $(cat "$tc_tmp/cmds"); do
    grep -q "^\.B $(echo "$tc_cmd" | sed 's/-/\\\\-/g')\b" man/boardreport.1 && pass || fail "cli: the man page lacks the command $tc_cmd"
    for tc_opt in $("$BR" "$tc_cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        grep -qF -- "$tc_opt" "$tc_tmp/man.txt" && pass || fail "cli: the man page lacks $tc_cmd's option $tc_opt"
    done
done
grep -qx render "$tc_tmp/cmds" && grep -qx init "$tc_tmp/cmds" && pass || fail "cli: help --commands"
"$BR" help --templates >"$tc_tmp/tpl"
grep -qx cabinet "$tc_tmp/tpl" && grep -qx scorecard "$tc_tmp/tpl" && pass || fail "cli: help --templates"

# Options in every spelling getopt_long allows, and -o - for standard output.
"$BR" export "$tc_ex" --format json >"$tc_tmp/ref.json" 2>/dev/null
for tc_form in "--output=$tc_tmp/a.json" "-o$tc_tmp/a.json" "--output $tc_tmp/a.json" "--out=$tc_tmp/a.json"; do
    rm -f "$tc_tmp/a.json"
    # shellcheck disable=SC2086
    "$BR" export $tc_form --format=json "$tc_ex" 2>"$tc_tmp/err"
    cmp -s "$tc_tmp/a.json" "$tc_tmp/ref.json" && pass || fail "cli: export $tc_form"
done
"$BR" export -fjson -o - -- "$tc_ex" >"$tc_tmp/b.json" 2>/dev/null
cmp -s "$tc_tmp/b.json" "$tc_tmp/ref.json" && pass || fail "cli: export -fjson -o - -- PATH"
"$BR" render "$tc_ex" -o - >"$tc_tmp/stdout.pdf" 2>"$tc_tmp/err"
"$BR" render "$tc_ex" -o "$tc_tmp/file.pdf" >/dev/null 2>&1
cmp -s "$tc_tmp/stdout.pdf" "$tc_tmp/file.pdf" && pass || fail "cli: render -o - is not the PDF on standard output"

# Diagnostics: summary line with grammar, no colour when piped or NO_COLOR,
# colour when asked, --quiet, -Werror, the cap.
tc_expect "summary line" 0 err " warnings generated." -- "$BR" check "$tc_warn"
tc_expect "ok line grammar" 0 out "0 finance tables, 7 sections" -- "$BR" check "$tc_warn"
"$BR" check "$tc_warn" 2>"$tc_tmp/err" >/dev/null
grep -q "$(printf '\033')" "$tc_tmp/err" && fail "cli: colour when piped" || pass
"$BR" check --color=always "$tc_warn" 2>"$tc_tmp/err" >/dev/null
grep -q "$(printf '\033')\[01;35mwarning:" "$tc_tmp/err" && pass || fail "cli: --color=always gives no magenta warning"
NO_COLOR=1 "$BR" check --color=auto "$tc_warn" 2>"$tc_tmp/err" >/dev/null
grep -q "$(printf '\033')" "$tc_tmp/err" && fail "cli: colour despite NO_COLOR" || pass
if command -v script >/dev/null 2>&1; then
    # On a terminal: colour by default, none with NO_COLOR.
    script -qec "$BR check $tc_warn" /dev/null 2>/dev/null </dev/null | grep -q "$(printf '\033')\[01;35m" \
        && pass || fail "cli: no colour on a terminal"
    NO_COLOR=1 script -qec "$BR check $tc_warn" /dev/null 2>/dev/null </dev/null | grep -q "$(printf '\033')" \
        && fail "cli: colour on a terminal despite NO_COLOR" || pass
fi
"$BR" check --quiet "$tc_warn" >"$tc_tmp/out" 2>"$tc_tmp/err"
[ $? -eq 0 ] && [ ! -s "$tc_tmp/err" ] && [ ! -s "$tc_tmp/out" ] && pass || fail "cli: --quiet printed something"
tc_expect "-Werror" 1 err "[-Werror]" -- "$BR" check -Werror "$tc_warn"
tc_expect "--warnings-as-errors" 1 err " errors generated." -- "$BR" check --warnings-as-errors "$tc_warn"
tc_expect "-Werror on a clean report" 0 out "ok:" -- "$BR" check -Werror "$tc_ex"
tc_expect "cap" 0 err "boardreport: 30 more warnings not shown (--max-errors=0 shows them all)" -- \
    "$BR" check --max-errors=2 "$tc_warn"
# The default cap: 50 shown of many.
{
    sed -n '/^report:/,$p' tests/bad/unit-unknown.yaml | sed '/^measures:/q'
    tc_i=0
    while [ $tc_i -lt 70 ]; do
        printf '  - {id: m%d, title: M, polarity: higher, unit: pounds, values: {}}\n' $tc_i
        tc_i=$((tc_i + 1))
    done
} >"$tc_tmp/many.yaml"
"$BR" check "$tc_tmp/many.yaml" >/dev/null 2>"$tc_tmp/err"
tc_shown=$(grep -cE ": (error|warning): " "$tc_tmp/err")
if [ "$tc_shown" -eq 50 ] && grep -q "^boardreport: [0-9]* more errors.* not shown" "$tc_tmp/err" &&
    grep -q "^[0-9]* errors.* generated.$" "$tc_tmp/err"; then pass
else fail "cli: default cap: $tc_shown errors shown"; tail -3 "$tc_tmp/err" | sed 's/^/    | /'; fi


# render --watch: renders again when an included file is saved (written in
# place, or renamed over as editors do), shows the new diagnostics, and
# never leaves a half-written PDF where the viewer looks.
tw_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-watch.XXXXXX")
if "$BR" init "$tw_tmp/q" >/dev/null 2>&1; then
    : >"$tw_tmp/err"
    "$BR" render --watch "$tw_tmp/q" -o "$tw_tmp/q/paper.pdf" >"$tw_tmp/out" 2>"$tw_tmp/err" &
    tw_pid=$!
    # tw_wait N: waits (at most 30 s) for the Nth "watching" line.
    tw_wait() {
        tw_i=0
        while [ "$(grep -c '^boardreport render: watching' "$tw_tmp/err")" -lt "$1" ] && [ $tw_i -lt 300 ]; do
            sleep 0.1; tw_i=$((tw_i + 1))
        done
    }
    tw_wait 1
    cp "$tw_tmp/q/paper.pdf" "$tw_tmp/first.pdf" 2>/dev/null
    sed 's/Calls answered within 60 seconds/Calls answered within 30 seconds/' "$tw_tmp/q/measures.yaml" >"$tw_tmp/m"
    mv "$tw_tmp/m" "$tw_tmp/q/measures.yaml"           # an editor's save: rename over
    tw_wait 2
    if pdftotext "$tw_tmp/q/paper.pdf" - 2>/dev/null | grep -q "within 30"; then pass
    else fail "watch: the PDF was not rendered again after a save"; sed 's/^/    | /' "$tw_tmp/err"; fi
    sed -i 's/^    target: 90/    targt: 90/' "$tw_tmp/q/measures.yaml"   # written in place, with a mistake
    tw_wait 3
    if grep -q "did you mean 'target'" "$tw_tmp/err" && pdfinfo "$tw_tmp/q/paper.pdf" >/dev/null 2>&1; then pass
    else fail "watch: a mistake saved is not reported, or the last good PDF was lost"; fi
    ls "$tw_tmp/q" | grep -q 'tmp' && fail "watch: a temporary file was left beside the PDF" || pass
    # The main file replaced by delete-and-write (as a checkout does) and an
    # include missing until it is created: the watch carries on and sees both.
    sed -i 's/^    targt: 90/    target: 90/' "$tw_tmp/q/measures.yaml"
    tw_wait 4
    mv "$tw_tmp/q/measures.yaml" "$tw_tmp/measures.keep"
    tw_wait 5
    if grep -q "included file 'measures.yaml' does not exist" "$tw_tmp/err" && kill -0 "$tw_pid" 2>/dev/null; then pass
    else fail "watch: stopped, or said nothing, when an include went missing"; fi
    sed 's/within 30 seconds/within 45 seconds/' "$tw_tmp/measures.keep" >"$tw_tmp/q/measures.yaml"
    tw_wait 6
    if pdftotext "$tw_tmp/q/paper.pdf" - 2>/dev/null | grep -q "within 45"; then pass
    else fail "watch: an include that was missing is not seen when it comes back"; fi
    mv "$tw_tmp/q/report.yaml" "$tw_tmp/report.keep"
    tw_wait 7
    cp "$tw_tmp/report.keep" "$tw_tmp/q/report.yaml"
    tw_wait 8
    kill -0 "$tw_pid" 2>/dev/null && pass || fail "watch: stopped when report.yaml was deleted and written again"
    kill "$tw_pid" 2>/dev/null
    wait "$tw_pid" 2>/dev/null
    grep -qaE 'AddressSanitizer|LeakSanitizer|runtime error' "$tw_tmp/err" && fail "watch: sanitizer report" || pass
else
    fail "watch: init failed"
fi
rm -rf "$tw_tmp"

# The archive commands take the common options too: -q, -o, --archive=DIR,
# and exit 1 when their listing cannot be written.
tc_arc=$tc_tmp/arc
cp -r examples/scorecard-2015-12 "$tc_tmp/sq"
"$BR" issue -q --archive="$tc_arc" -o "$tc_tmp/web.pdf" "$tc_tmp/sq" >"$tc_tmp/out" 2>"$tc_tmp/err"
tc_rc=$?
tc_pkg_pdf=$(ls "$tc_arc"/*/*/v1/data/*.pdf 2>/dev/null | head -1)
if [ $tc_rc -eq 0 ] && [ ! -s "$tc_tmp/out" ] && [ -n "$tc_pkg_pdf" ] && cmp -s "$tc_tmp/web.pdf" "$tc_pkg_pdf"; then
    pass
else
    fail "cli: issue -q --archive=DIR -o FILE (exit $tc_rc; the copy must equal the issued PDF, quietly)"
fi
"$BR" issue -a "$tc_arc" -o "$tc_tmp/sq/report.yaml" "$tc_tmp/sq" >/dev/null 2>"$tc_tmp/err"
[ $? -eq 1 ] && grep -q "one of the files this run reads" "$tc_tmp/err" && pass ||
    fail "cli: issue -o onto its own input was not refused"
# -o is judged before anything is issued: a refused -o leaves no package.
cp -r examples/scorecard-2015-12 "$tc_tmp/sq2"
sed -i 's/^  version: 1$/  version: 1\n  subtitle: a second paper/' "$tc_tmp/sq2/report.yaml"
"$BR" issue -a "$tc_tmp/arc2" -o "$tc_tmp/sq2/report.yaml" "$tc_tmp/sq2" >/dev/null 2>&1
[ $? -eq 1 ] && [ ! -e "$tc_tmp/arc2" ] && pass || fail "cli: issue with a refused -o still issued"
# No listing lands on an input or in the archive.
cp "$tc_tmp/sq/report.yaml" "$tc_tmp/report.before"
"$BR" diff -o "$tc_tmp/sq/report.yaml" "$tc_tmp/sq" "$tc_tmp/sq" >/dev/null 2>"$tc_tmp/err"
[ $? -eq 1 ] && cmp -s "$tc_tmp/sq/report.yaml" "$tc_tmp/report.before" && pass ||
    fail "cli: diff -o onto an input was not refused"
tc_pkg=$(dirname "$(dirname "$tc_pkg_pdf")")
cp "$tc_pkg/manifest-sha256.txt" "$tc_tmp/manifest.before"
"$BR" log -a "$tc_arc" -o "$tc_pkg/manifest-sha256.txt" >/dev/null 2>&1
tc_rc=$?
"$BR" verify -a "$tc_arc" "$tc_pkg_pdf" -o "$tc_pkg_pdf" >/dev/null 2>&1
tc_rc2=$?
[ $tc_rc -eq 1 ] && [ $tc_rc2 -eq 1 ] && cmp -s "$tc_pkg/manifest-sha256.txt" "$tc_tmp/manifest.before" &&
    cmp -s "$tc_pkg_pdf" "$tc_tmp/web.pdf" && pass ||
    fail "cli: log -o or verify -o wrote into the archive"
"$BR" log -a "$tc_arc" -f json -o "$tc_tmp/log.json" >"$tc_tmp/out" 2>&1
[ $? -eq 0 ] && [ ! -s "$tc_tmp/out" ] && python3 -m json.tool "$tc_tmp/log.json" >/dev/null 2>&1 && pass ||
    fail "cli: log -o FILE --format=json"
"$BR" verify -q -a "$tc_arc" >"$tc_tmp/out" 2>&1
[ $? -eq 0 ] && [ ! -s "$tc_tmp/out" ] && pass || fail "cli: verify -q printed something or failed"
"$BR" diff --output="$tc_tmp/diff.txt" "$tc_tmp/sq" "$tc_tmp/sq" >/dev/null 2>&1
grep -q "0 changes" "$tc_tmp/diff.txt" && pass || fail "cli: diff --output=FILE"
if [ -w /dev/full ]; then
    for tc_cmd in "log -a $tc_arc" "verify -a $tc_arc" "diff $tc_tmp/sq $tc_tmp/sq"; do
        # shellcheck disable=SC2086
        "$BR" $tc_cmd >/dev/full 2>"$tc_tmp/err"
        [ $? -eq 1 ] && grep -q "cannot write to standard output" "$tc_tmp/err" && pass ||
            fail "cli: $tc_cmd > /dev/full did not fail"
    done
fi
# An author's text never carries a control character to the terminal or
# the paper: an escape that gives one is refused where it is written (a raw
# one, by the YAML reader), so issue stops before anything is echoed.
cp -r examples/scorecard-2015-12 "$tc_tmp/esc"
sed -i 's/^  title: .*/  title: "Quarterly \\e[2J \\a Report"/' "$tc_tmp/esc/report.yaml"
"$BR" issue -a "$tc_tmp/arc3" "$tc_tmp/esc" >"$tc_tmp/out" 2>&1
tc_rc=$?
if [ $tc_rc -eq 1 ] && grep -qF "'\e' is a control character (U+001B)" "$tc_tmp/out" &&
    grep -qF "'\a' is a control character (U+0007)" "$tc_tmp/out" &&
    ! grep -q "$(printf '\033')" "$tc_tmp/out" && [ ! -e "$tc_tmp/arc3" ]; then
    pass
else
    fail "cli: a control character in the title was not refused at its escape (exit $tc_rc)"
fi
# init echoes the folder it was given escaped, on both of its outputs.
tc_odd=$(printf '%s/e\033[31mRED' "$tc_tmp")
{ "$BR" init "$tc_odd"; "$BR" init "$tc_odd"; } >"$tc_tmp/out" 2>&1
if grep -q 'x1b\[31mRED' "$tc_tmp/out" && ! grep -q "$(printf '\033')" "$tc_tmp/out"; then
    pass
else
    fail "cli: init echoed a control character in its folder's name raw"
fi
rm -rf "$tc_tmp"
