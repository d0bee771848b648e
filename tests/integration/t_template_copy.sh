# t_template_copy.sh — sourced by run.sh: docs/templates.md says to copy a
# template into the report's folder and name it; the copy's `fonts.dir:
# ../fonts` then leads nowhere, and the installed fonts must be used, at
# check and at render alike.

ttc_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-tcopy.XXXXXX")
mkdir -p "$ttc_tmp/q2"
cp examples/scorecard-2015-12/*.yaml "$ttc_tmp/q2/"
cp templates/scorecard.yaml "$ttc_tmp/q2/house-style.yaml"
sed 's/^  template: .*/  template: house-style.yaml/' examples/scorecard-2015-12/report.yaml \
    >"$ttc_tmp/q2/report.yaml"
if "$BR" check "$ttc_tmp/q2" >"$ttc_tmp/out" 2>"$ttc_tmp/err" &&
   "$BR" render "$ttc_tmp/q2" -o "$ttc_tmp/out.pdf" >"$ttc_tmp/out" 2>>"$ttc_tmp/err" &&
   [ -s "$ttc_tmp/out.pdf" ]; then
    pass
else
    fail "template copied into the report's folder: check or render failed"
    sed 's/^/    | /' "$ttc_tmp/err"
fi

# A font the copy names that exists nowhere is an error that check reports
# (the copy's own folder stays, so the message names a file it lacks).
sed 's/LiberationSans-Bold.ttf/HouseSans-Bold.ttf/' templates/scorecard.yaml \
    >"$ttc_tmp/q2/house-style.yaml"
if "$BR" check "$ttc_tmp/q2" >"$ttc_tmp/out" 2>"$ttc_tmp/err"; then
    fail "template copy naming a missing font: check passed"
elif grep -qF "cannot open" "$ttc_tmp/err"; then
    pass
else
    fail "template copy naming a missing font: check does not name it"
    sed 's/^/    | /' "$ttc_tmp/err"
fi
# An empty template (or one of comments only) takes every default: a warning
# says so, in case it is not the file meant.
mkdir -p "$ttc_tmp/empty"
printf '# nothing yet\n' >"$ttc_tmp/empty/house.yaml"
printf 'report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17, template: house.yaml}\nperiods: [2019/20 Q2]\nsections:\n  - {type: paragraphs, text: [x]}\n' >"$ttc_tmp/empty/report.yaml"
"$BR" check "$ttc_tmp/empty" >/dev/null 2>"$ttc_tmp/err"
if [ $? -eq 0 ] && grep -q "template 'house.yaml' is empty" "$ttc_tmp/err"; then
    pass
else
    fail "template copy: an empty template is accepted without a word"
fi
# A copy with no top margin, and an appendix whose title wraps in the
# running head: what check passes renders (it was an internal error: the
# band was sized without the appendix and set above the paper's edge).
mkdir -p "$ttc_tmp/cab"
cp examples/cabinet-2019-20-q2/*.yaml "$ttc_tmp/cab/"
sed 's/margins: {top: [0-9]*,/margins: {top: 0,/' templates/cabinet.yaml >"$ttc_tmp/cab/top0.yaml"
sed -e 's/^  template: .*/  template: top0.yaml/' \
    -e 's|^    appendix: .*|    appendix: Summary of key performance indicators for quarter two 2019/20, contractual and strategic, with their tolerances, benchmarks and trends over six quarters|' \
    examples/cabinet-2019-20-q2/report.yaml >"$ttc_tmp/cab/report.yaml"
if grep -q 'top: 0,' "$ttc_tmp/cab/top0.yaml" && grep -q 'six quarters' "$ttc_tmp/cab/report.yaml" &&
   "$BR" check "$ttc_tmp/cab" >"$ttc_tmp/out" 2>"$ttc_tmp/err" &&
   "$BR" render "$ttc_tmp/cab" -o "$ttc_tmp/cab.pdf" >"$ttc_tmp/out" 2>>"$ttc_tmp/err" &&
   [ -s "$ttc_tmp/cab.pdf" ]; then
    pass
else
    fail "template copy with margins: {top: 0} and a long appendix title: check or render failed"
    sed 's/^/    | /' "$ttc_tmp/err"
fi
rm -rf "$ttc_tmp"
