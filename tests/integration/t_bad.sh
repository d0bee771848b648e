# t_bad.sh — sourced by run.sh: `check` on every case under tests/bad/.
#
# Each case must exit 1 within 2 seconds, with no sanitizer report, and
# stderr must contain every "# expect: " text of the case after the case's
# own path prefix is removed (tests/bad/README.md has the conventions).

tb_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-bad.XXXXXX")

# The leading "# expect: " lines of a file, one text per line.
tb_expects() {
    sed -n '/^# expect: /!q; s/^# expect: //p' "$1"
}

# tb_run NAME PATH PREFIX MAINFILE: runs check on PATH and judges it by the
# expectations in MAINFILE; PREFIX is removed from stderr before matching.
tb_run() {
    tb_name=$1 tb_path=$2 tb_prefix=$3 tb_exp=$4
    if command -v timeout >/dev/null 2>&1; then
        timeout 2 "$BR" check "$tb_path" >"$tb_tmp/out" 2>"$tb_tmp/raw"
    else
        "$BR" check "$tb_path" >"$tb_tmp/out" 2>"$tb_tmp/raw"
    fi
    tb_rc=$?
    sed "s|$tb_prefix||g" "$tb_tmp/raw" >"$tb_tmp/err"
    tb_bad=""
    if [ "$tb_rc" -eq 124 ]; then
        tb_bad="took more than 2 seconds"
    elif [ "$tb_rc" -ge 128 ]; then
        tb_bad="killed by signal $((tb_rc - 128))"
    elif [ "$tb_rc" -ne 1 ]; then
        tb_bad="exit status $tb_rc, expected 1"
    fi
    if grep -qaE 'AddressSanitizer|LeakSanitizer|runtime error' "$tb_tmp/raw"; then
        tb_bad="${tb_bad:+$tb_bad; }sanitizer report"
    fi
    tb_expects "$tb_exp" >"$tb_tmp/expects"
    if [ ! -s "$tb_tmp/expects" ]; then
        tb_bad="${tb_bad:+$tb_bad; }no '# expect:' line in $tb_exp"
    fi
    while IFS= read -r tb_line; do
        if ! grep -qaF -- "$tb_line" "$tb_tmp/err"; then
            tb_bad="${tb_bad:+$tb_bad; }missing: $tb_line"
        fi
    done <"$tb_tmp/expects"
    if [ -z "$tb_bad" ]; then
        pass
    else
        fail "bad/$tb_name: $tb_bad"
        sed 's/^/    | /' "$tb_tmp/err"
    fi
}

for tb_case in tests/bad/*.yaml; do
    [ -e "$tb_case" ] || continue
    tb_run "${tb_case#tests/bad/}" "$tb_case" "tests/bad/" "$tb_case"
done
for tb_case in tests/bad/*/; do
    [ -e "$tb_case" ] || continue
    tb_case=${tb_case%/}
    if [ ! -f "$tb_case/report.yaml" ]; then
        fail "bad/${tb_case#tests/bad/}: no report.yaml"
        continue
    fi
    tb_run "${tb_case#tests/bad/}" "$tb_case" "$tb_case/" "$tb_case/report.yaml"
done

# Limits whose files are too big to commit: written here, judged the same way.
tb_head='report:
  title: Quarterly performance report
  organisation: Doncaster Council
  period: 2019/20 Q2
  date: 2019-10-17
periods: [2019/20 Q1, 2019/20 Q2]
sections:
  - type: paragraphs'

mkdir "$tb_tmp/huge-file"
{
    echo "# expect: report.yaml: error: file is larger than the limit of 8388608 bytes (8 MiB)"
    echo "$tb_head"
    yes '# the same commentary pasted in again and again, far beyond any real report' |
        head -c 8400000
} >"$tb_tmp/huge-file/report.yaml"
tb_run huge-file "$tb_tmp/huge-file" "$tb_tmp/huge-file/" "$tb_tmp/huge-file/report.yaml"

mkdir "$tb_tmp/huge-scalar"
{
    echo "# expect: report.yaml:10:11: error: text of 300000 bytes is longer than the limit of 262144 bytes"
    echo "$tb_head"
    printf '    text: '   # line 10, column 11
    head -c 300000 /dev/zero | tr '\0' 'x'
    echo
} >"$tb_tmp/huge-scalar/report.yaml"
tb_run huge-scalar "$tb_tmp/huge-scalar" "$tb_tmp/huge-scalar/" "$tb_tmp/huge-scalar/report.yaml"

rm -rf "$tb_tmp"
