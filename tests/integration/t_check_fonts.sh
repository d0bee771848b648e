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
rm -rf "$cf_dir"
