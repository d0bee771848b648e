# t_input_safety.sh — sourced by run.sh: what a run may read.
#
# A template comes only from the report's folder and below, the folders of
# $BOARDREPORT_TEMPLATES and the installed templates; fonts only from the
# template's folder and below and the installed fonts.  A file that is not a
# template is one error that quotes none of it.  (tests/bad/template-* hold
# the messages; here: that nothing of the foreign file reaches the
# terminal.)  A FIFO named as an include, a template or a font is an error
# at once, never a read that waits for ever.  Names start with is_.

is_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-insafe.XXXXXX")

# is_run NAME CMD...: runs CMD with a 5-second limit; sets $is_rc, $is_tmp/err.
is_run() {
    is_name=$1
    shift
    if command -v timeout >/dev/null 2>&1; then
        timeout 5 "$@" >/dev/null 2>"$is_tmp/err" </dev/null
    else
        "$@" >/dev/null 2>"$is_tmp/err" </dev/null
    fi
    is_rc=$?
}

# is_judge WANT_TEXT FORBIDDEN_TEXT: exit 1, WANT in stderr, FORBIDDEN not.
is_judge() {
    is_bad=""
    [ "$is_rc" -eq 124 ] && is_bad="still running after 5 seconds"
    [ "$is_rc" -ne 124 ] && [ "$is_rc" -ne 1 ] && is_bad="exit $is_rc, want 1"
    grep -qaF -- "$1" "$is_tmp/err" || is_bad="${is_bad:+$is_bad; }no '$1'"
    if [ -n "$2" ] && grep -qaF -- "$2" "$is_tmp/err"; then
        is_bad="${is_bad:+$is_bad; }the foreign file's '$2' was printed"
    fi
    if [ -z "$is_bad" ]; then
        pass
    else
        fail "input safety: $is_name: $is_bad"
        head -8 "$is_tmp/err" | sed 's/^/    | /'
    fi
}

# -- nothing of a file outside the allowed folders is quoted --
for is_case in template-etc-passwd.yaml template-absolute-etc-shadow.yaml; do
    for is_cmd in check render; do
        is_run "$is_cmd $is_case" "$BR" "$is_cmd" "tests/bad/$is_case"
        is_judge "is outside the folders templates may come from" "root:"
    done
done
is_run "check template-not-a-template" "$BR" check tests/bad/template-not-a-template
is_judge "is not a template" "Secret figure"
is_run "check template-font-outside" "$BR" check tests/bad/template-font-outside
is_judge "is outside the folders fonts may come from" "root:"

# -- a FIFO is not read --
is_q=$is_tmp/q
cp -r tests/good/minimal "$is_q"
mv "$is_q/finance.yaml" "$is_tmp/finance.yaml"
mkfifo "$is_q/finance.yaml"
is_run "check with a FIFO as an included file" "$BR" check "$is_q"
is_judge "report.yaml:13:26: error: include 'finance.yaml' is a FIFO, not a regular file" ""
rm -f "$is_q/finance.yaml"
mv "$is_tmp/finance.yaml" "$is_q/finance.yaml"

sed 's/^  template: cabinet/  template: house.yaml/' tests/good/minimal/report.yaml >"$is_q/report.yaml"
mkfifo "$is_q/house.yaml"
is_run "check with a FIFO as the template" "$BR" check "$is_q"
is_judge "house.yaml: error: cannot read: it is a FIFO, not a regular file" ""
rm -f "$is_q/house.yaml"

mkdir "$is_q/fonts"
cp fonts/*.ttf "$is_q/fonts/"
rm "$is_q/fonts/LiberationSans-Bold.ttf"
mkfifo "$is_q/fonts/LiberationSans-Bold.ttf"
printf 'name: house\nfonts: {dir: fonts}\n' >"$is_q/house.yaml"
for is_cmd in check render; do
    is_run "$is_cmd with a FIFO as a font" "$BR" "$is_cmd" "$is_q"
    is_judge "LiberationSans-Bold.ttf: cannot read: it is a FIFO, not a regular file" ""
done

# A UTF-8 byte-order mark (Windows editors write one) is not text: the
# report checks, and its first line's columns count from after it.
is_bom=$is_tmp/bom
cp -r tests/good/minimal "$is_bom"
printf '\357\273\277' | cat - tests/good/minimal/report.yaml >"$is_bom/report.yaml"
if "$BR" check -q "$is_bom" && "$BR" render -q "$is_bom" -o "$is_tmp/bom.pdf"; then pass
else fail "input safety: a report.yaml starting with a byte-order mark"; fi
printf '\357\273\277report: {title: [}\n' >"$is_bom/report.yaml"
"$BR" check "$is_bom" 2>"$is_tmp/err"
grep -q "report.yaml:1:" "$is_tmp/err" && pass || fail "input safety: a byte-order mark moved an error off line 1"

rm -rf "$is_tmp"
