# t_no_date.sh — sourced by run.sh: a paper that prints no date (the
# 2012/13 profile and plan print none) leaves report: date: out, and every
# command works without the author inventing one: the footer drops {date}
# with its joining comma, the PDF has no creation date, export writes null,
# issue stores the paper and verify rebuilds it.

tnd_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-nodate.XXXXXX")
cp -r tests/good/minimal "$tnd_tmp/q"
sed -i '/^  date:/d; s/^  template: .*/  template: improvement-plan/' "$tnd_tmp/q/report.yaml"
if grep -q '^  date:' "$tnd_tmp/q/report.yaml"; then
    fail "no date: the test report still has a date"
elif ! "$BR" check "$tnd_tmp/q" >/dev/null 2>"$tnd_tmp/err" || grep -q "error" "$tnd_tmp/err"; then
    fail "no date: check refuses a report without a date"
    sed 's/^/    | /' "$tnd_tmp/err"
elif ! "$BR" render "$tnd_tmp/q" -o "$tnd_tmp/out.pdf" >/dev/null 2>&1; then
    fail "no date: render failed"
else
    pass
    # "Version {version}, {date}": the comma goes with the date
    if pdftotext "$tnd_tmp/out.pdf" - | grep -qx "Version 1"; then pass
    else fail "no date: the footer does not print 'Version 1' alone"; fi
    if pdftotext "$tnd_tmp/out.pdf" - | grep -q "Version 1,"; then
        fail "no date: the footer keeps the comma before the missing date"; else pass; fi
    if pdfinfo "$tnd_tmp/out.pdf" | grep -q "CreationDate"; then
        fail "no date: the PDF claims a creation date the paper does not have"; else pass; fi
    if "$BR" export --format json "$tnd_tmp/q" 2>/dev/null | grep -q '"date":null'; then pass
    else fail "no date: export does not write \"date\":null"; fi
    if "$BR" issue "$tnd_tmp/q" --archive "$tnd_tmp/arch" >/dev/null 2>&1 &&
       "$BR" verify --archive "$tnd_tmp/arch" >/dev/null 2>&1 &&
       ! grep -rq "Report-Date" "$tnd_tmp/arch"; then pass
    else fail "no date: issue or verify failed, or the package names a report date"; fi
    # a date added in a later version is a change diff reports
    sed -i 's/^  period: \(.*\)/  period: \1\n  date: 2019-10-17/' "$tnd_tmp/q/report.yaml"
    # (diff takes the package: '--archive' is not one of its options, and
    # this test once passed on the usage error's text.)
    if "$BR" diff "$tnd_tmp"/arch/*/*/v1 "$tnd_tmp/q" 2>&1 | grep -q "date: (none) -> 2019-10-17"; then pass
    else fail "no date: diff does not report a date added"; fi
fi
rm -rf "$tnd_tmp"
