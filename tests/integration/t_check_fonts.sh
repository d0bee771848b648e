# t_check_fonts.sh — sourced by run.sh: `check` finds what `render` would.
#
# check loads the template's fonts (a missing one is an error: see
# tests/bad/template-font-missing) and names every character of the
# author's text that the fonts lack, with its place, as render's layout
# does; the text itself is not laid out.  Names start with cf_.

cf_dir=$(mktemp -d "${TMPDIR:-/tmp}/br-checkfonts.XXXXXX")
cat >"$cf_dir/report.yaml" <<'YAML'
report: {title: Ticks ✓ in the title, organisation: Test Council, period: 2019/20 Q2, date: 2019-10-17}
periods: [2019/20 Q2]
measures:
  - {id: m1, title: Measure, polarity: none, values: {2019/20 Q2: "★ TBD"}}
sections:
  - type: paragraphs
    text:
      - "Emoji the font lacks: 😀 in the middle of a sentence."
      - "Hebrew שלום is set left to right."
  - {type: measure_table, ids: [m1]}
YAML
"$BR" check "$cf_dir" >/dev/null 2>"$cf_dir/err"
cf_rc=$?
if [ $cf_rc -eq 0 ]; then pass; else fail "check fonts: exit $cf_rc, want 0 (warnings only)"; fi
for cf_want in "report.yaml:1:17: warning: character U+2713 '✓' is not in font" \
               "report.yaml:4:67: warning: character U+2605 '★' is not in font" \
               "report.yaml:8:9: warning: character U+1F600 '😀' is not in font" \
               "report.yaml:9:9: warning: right-to-left text (U+05E9)"; do
    if grep -qF "$cf_want" "$cf_dir/err"; then
        pass
    else
        fail "check fonts: no '$cf_want'"
        sed 's/^/    | /' "$cf_dir/err" | head -20
    fi
done

# render names them as check does, at their place, and once: layout's own
# unplaced warnings about the same characters fold into these.
"$BR" render "$cf_dir" -o "$cf_dir/r.pdf" >/dev/null 2>"$cf_dir/err"
if grep -qF "report.yaml:1:17: warning: character U+2713 '✓' is not in font" "$cf_dir/err" &&
    ! grep -q "^boardreport: warning: character" "$cf_dir/err" &&
    [ "$(grep -c "U+2713" "$cf_dir/err")" -eq 1 ]; then
    pass
else
    fail "check fonts: render's font warnings are not placed, or repeat"
    sed 's/^/    | /' "$cf_dir/err" | head -20
fi

# A character the regular face has but the bold face lacks: headings, table
# headers and **bold** text print it in bold, so check names the bold font.
# (Needs DejaVu Sans, which has the tick that Liberation Sans lacks.)
cf_dejavu=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
if [ -f "$cf_dejavu" ]; then
    mkdir -p "$cf_dir/bold"
    cp "$cf_dejavu" fonts/LiberationSans-Bold.ttf fonts/LiberationSans-Italic.ttf \
       fonts/LiberationSans-BoldItalic.ttf "$cf_dir/bold/"
    cat >"$cf_dir/bold/mixed.yaml" <<'YAML'
name: mixed
fonts: {dir: ., regular: DejaVuSans.ttf, bold: LiberationSans-Bold.ttf, italic: LiberationSans-Italic.ttf, bold_italic: LiberationSans-BoldItalic.ttf}
YAML
    cat >"$cf_dir/bold/report.yaml" <<'YAML'
report: {title: Bold, organisation: Test Council, period: 2019/20 Q2, date: 2019-10-17, template: mixed.yaml}
periods: [2019/20 Q2]
sections:
  - type: paragraphs
    text: ["Done **✓** in bold."]
YAML
    "$BR" check "$cf_dir/bold" >/dev/null 2>"$cf_dir/err"
    if grep -qF "report.yaml:5:12: warning: character U+2713 '✓' is not in font" "$cf_dir/err" &&
       grep -qF "LiberationSans-Bold.ttf" "$cf_dir/err"; then
        pass
    else
        fail "check fonts: a character only the bold face lacks is not named"
        sed 's/^/    | /' "$cf_dir/err" | head -20
    fi
fi
# A generic table's plain cells are looked up too.
mkdir -p "$cf_dir/cell"
printf 'report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17, template: cabinet}\nperiods: [2019/20 Q2]\nsections:\n  - {type: table, header: [[Team, Contacts]], rows: [[North \342\230\203, 5687]]}\n' >"$cf_dir/cell/report.yaml"
"$BR" check "$cf_dir/cell" >/dev/null 2>"$cf_dir/err"
if grep -qF "warning: character U+2603" "$cf_dir/err"; then pass
else fail "check fonts: a character in a table cell the fonts lack is not named"; fi
rm -rf "$cf_dir"
