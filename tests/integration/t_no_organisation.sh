# t_no_organisation.sh — sourced by run.sh: a paper that never names its
# council (the 2012/13 profile and plan do not) leaves report:
# organisation: out, and every command works without the author inventing
# one: the title block starts at the addressee, the running head drops
# {organisation} with its joining punctuation, the PDF has no author,
# export and log write null, issue, verify and next-quarter work, and diff
# reports an organisation added later.

tno_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-noorg.XXXXXX")
cp -r tests/good/minimal "$tno_tmp/q"
sed -i '/^  organisation:/d' "$tno_tmp/q/report.yaml"
if grep -q '^  organisation:' "$tno_tmp/q/report.yaml"; then
    fail "no organisation: the test report still has one"
elif ! "$BR" check "$tno_tmp/q" >/dev/null 2>"$tno_tmp/err" || grep -q "error" "$tno_tmp/err"; then
    fail "no organisation: check refuses a report without an organisation"
    sed 's/^/    | /' "$tno_tmp/err"
elif ! "$BR" render "$tno_tmp/q" -o "$tno_tmp/out.pdf" >/dev/null 2>&1; then
    fail "no organisation: render failed"
else
    pass
    # the cabinet header's left slot is "{organisation}": nothing is printed
    # there, and the front sheet's first line is the addressee
    pdftotext -l 1 "$tno_tmp/out.pdf" "$tno_tmp/p1.txt"
    if grep -q "Doncaster Council" "$tno_tmp/p1.txt"; then
        fail "no organisation: page 1 still names the organisation"; else pass; fi
    if [ "$(grep -v '^OFFICIAL$' "$tno_tmp/p1.txt" | grep -m1 .)" = "To the Mayor and Members of the Cabinet" ]; then pass
    else fail "no organisation: the title block does not start at the addressee"; fi
    if pdfinfo "$tno_tmp/out.pdf" | grep -q "^Author:"; then
        fail "no organisation: the PDF names an author"; else pass; fi
    # a slot that joins it to other text loses the joining punctuation
    sed -i 's/^  period: \(.*\)/  period: \1\n  header: {left: "{organisation} · {title}", right: "[{organisation}] {period}"}/' \
        "$tno_tmp/q/report.yaml"
    if "$BR" render "$tno_tmp/q" -o "$tno_tmp/hdr.pdf" >/dev/null 2>&1 &&
       pdftotext -l 1 -layout "$tno_tmp/hdr.pdf" - | head -3 | grep -q "^ *Performance Challenge of Doncaster Children's Services Trust  .* 2019/20 Q2 *$" &&
       ! pdftotext -l 1 "$tno_tmp/hdr.pdf" - | grep -q "^·\|\[\]\|^ *\[ *2019/20"; then pass
    else fail "no organisation: a header slot keeps the punctuation of the missing organisation"
        pdftotext -l 1 -layout "$tno_tmp/hdr.pdf" - | head -3 | sed 's/^/    | /'; fi
    sed -i '/^  header:/d' "$tno_tmp/q/report.yaml"
    if "$BR" export --format json "$tno_tmp/q" 2>/dev/null | grep -q '"organisation":null'; then pass
    else fail "no organisation: export does not write \"organisation\":null"; fi
    if "$BR" issue "$tno_tmp/q" --archive "$tno_tmp/arch" >/dev/null 2>&1 &&
       "$BR" verify --archive "$tno_tmp/arch" >/dev/null 2>&1 &&
       ! grep -rq "Source-Organization" "$tno_tmp/arch"/*/*/v1/bag-info.txt &&
       "$BR" log --archive "$tno_tmp/arch" --format json 2>/dev/null | grep -q '"organisation": null'; then pass
    else fail "no organisation: issue, verify or log failed, or the package names an organisation"; fi
    if "$BR" next-quarter "$tno_tmp/q" "$tno_tmp/next" >/dev/null 2>&1 &&
       "$BR" check "$tno_tmp/next" >/dev/null 2>&1 &&
       ! grep -q '^  organisation:' "$tno_tmp/next/report.yaml"; then pass
    else fail "no organisation: next-quarter failed or invented an organisation"; fi
    # an organisation added in a later version is a change diff reports
    sed -i 's/^  period: \(.*\)/  period: \1\n  organisation: Doncaster Council/' "$tno_tmp/q/report.yaml"
    if "$BR" diff "$tno_tmp"/arch/*/*/v1 "$tno_tmp/q" 2>&1 | grep -q "organisation: {+Doncaster Council+}"; then pass
    else fail "no organisation: diff does not report an organisation added"; fi
fi
rm -rf "$tno_tmp"
