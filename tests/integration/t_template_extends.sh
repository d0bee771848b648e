# t_template_extends.sh — sourced by run.sh: a paper's running heads set
# from report.yaml, and a council's template as the few keys it changes
# over a shipped one (extends:), through render, issue, verify and a
# re-issue, which read the base the package keeps.

tte_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-extends.XXXXXX")
tte_q="$tte_tmp/q2"
mkdir -p "$tte_q"
cp examples/cabinet-2019-20-q2/*.yaml "$tte_q/"
tte_fail() { fail "$1"; sed 's/^/    | /' "$tte_tmp/err"; }

# report: header: false and footer: over the cabinet template's.
sed 's/^  template: cabinet$/  template: cabinet\n  header: false\n  footer: {left: "Issued by {organisation}", right: "Sheet {page}"}/' \
    examples/cabinet-2019-20-q2/report.yaml >"$tte_q/report.yaml"
if grep -q 'header: false' "$tte_q/report.yaml" &&
   "$BR" render "$tte_q" -o "$tte_tmp/a.pdf" >/dev/null 2>"$tte_tmp/err"; then
    pdftotext -f 2 -l 2 "$tte_tmp/a.pdf" "$tte_tmp/a.txt"
    # The cabinet header's left slot prints the organisation alone on its
    # line; its footer "{title}: {period}" and "Page 2 of 14".
    if grep -qx "Issued by Doncaster Council" "$tte_tmp/a.txt" && grep -qx "Sheet 2" "$tte_tmp/a.txt" &&
       ! grep -qx "Doncaster Council" "$tte_tmp/a.txt" && ! grep -q "Page 2 of" "$tte_tmp/a.txt"; then
        pass
    else
        fail "report header: false / footer: the running heads are not the report's"
    fi
else
    tte_fail "report header: false: render failed"
fi

# header: true, a misspelt slot and a capitalised placeholder: each an
# error at its line and column.
sed 's/^  template: cabinet$/  template: cabinet\n  header: true\n  footer: {lefft: x, right: "{Page}"}/' \
    examples/cabinet-2019-20-q2/report.yaml >"$tte_q/report.yaml"
"$BR" check "$tte_q" >/dev/null 2>"$tte_tmp/err"
tte_rc=$?
if [ $tte_rc -eq 1 ] && grep -q "report.yaml:25:11: error: 'header' of report must be false" "$tte_tmp/err" &&
   grep -q "report.yaml:26:12: error: unknown key 'lefft' in 'footer' of report; did you mean 'left'?" "$tte_tmp/err" &&
   grep -q "report.yaml:26:29: error: {Page} in a running header or footer is no placeholder: placeholders are written in lower case, {page}" "$tte_tmp/err"; then
    pass
else
    tte_fail "report header: true / misspelt slot / {Page}: not three errors at their places (exit $tte_rc)"
fi

# A house style of three keys over the shipped cabinet template.
cp examples/cabinet-2019-20-q2/report.yaml "$tte_tmp/report.orig"
sed 's/^  template: cabinet$/  template: house.yaml/' "$tte_tmp/report.orig" >"$tte_q/report.yaml"
printf '# The council'"'"'s house style: the cabinet template with its own footer.\nextends: cabinet\nheader: false\nfooter: {center: "House footer {page}"}\nstatus: {green: {label: On or above target}}\n' \
    >"$tte_q/house.yaml"
if "$BR" render "$tte_q" -o "$tte_tmp/b.pdf" >/dev/null 2>"$tte_tmp/err"; then
    pdftotext "$tte_tmp/b.pdf" "$tte_tmp/b.txt"
    if grep -q "House footer 2" "$tte_tmp/b.txt" && grep -q "On or above" "$tte_tmp/b.txt" &&
       ! grep -q "Page 2 of" "$tte_tmp/b.txt"; then
        pass
    else
        fail "extends: cabinet: the house keys do not reach the paper"
    fi
else
    tte_fail "extends: cabinet: render failed"
fi

# Issued, the package keeps the base beside the template; verify rebuilds
# it byte for byte, and a re-issue reads the base from the package.
"$BR" issue "$tte_q" --archive "$tte_tmp/arc" >/dev/null 2>"$tte_tmp/err"
tte_rc=$?
tte_pkg=$(ls -d "$tte_tmp"/arc/*/*/v1 2>/dev/null | head -1)
if [ $tte_rc -eq 0 ] && [ -f "$tte_pkg/data/source/template/house.yaml" ] &&
   cmp -s templates/cabinet.yaml "$tte_pkg/data/source/template/base/cabinet.yaml" &&
   "$BR" verify --archive "$tte_tmp/arc" >/dev/null 2>>"$tte_tmp/err"; then
    pass
else
    tte_fail "extends: issue/verify does not keep and rebuild the base (exit $tte_rc)"
fi
sed -e 's/^  template: cabinet$/  template: house.yaml/' -e 's/^  version: 1$/  version: 2\n  corrections: ["Paragraph 1 reworded"]/' \
    "$tte_tmp/report.orig" >"$tte_q/report.yaml"
if "$BR" issue "$tte_q" --archive "$tte_tmp/arc" >/dev/null 2>"$tte_tmp/err" &&
   "$BR" verify --archive "$tte_tmp/arc" >"$tte_tmp/out" 2>>"$tte_tmp/err" &&
   grep -q "2 verified, 0 failed" "$tte_tmp/out"; then
    pass
else
    tte_fail "extends: re-issue against a package with a base failed"
fi

# An unknown base and a circle: errors at the extends: key.
printf 'extends: cabnet\n' >"$tte_q/house.yaml"
"$BR" check "$tte_q" >/dev/null 2>"$tte_tmp/err"
tte_rc=$?
printf 'extends: other.yaml\n' >"$tte_q/house.yaml"
printf '# other\nextends: house.yaml\n' >"$tte_q/other.yaml"
"$BR" check "$tte_q" >/dev/null 2>>"$tte_tmp/err"
tte_rc2=$?
if [ $tte_rc -eq 1 ] && [ $tte_rc2 -eq 1 ] &&
   grep -q "house.yaml:1:10: error: template 'cabnet' not found; did you mean 'cabinet'?" "$tte_tmp/err" &&
   grep -q "other.yaml:2:10: error: templates extend one another in a circle (house.yaml → other.yaml → house.yaml)" "$tte_tmp/err"; then
    pass
else
    tte_fail "extends: an unknown base or a circle is not an error at the key"
fi
rm -rf "$tte_tmp"
