# t_footnote_refs.sh — sourced by run.sh: text that looks like a footnote
# reference but is not one prints as written, with a warning that says why
# ('[^]', an unclosed '[^key', a name with a space); '\[^' is text on purpose.
fr_dir=$(mktemp -d "${TMPDIR:-/tmp}/br-fnrefs.XXXXXX")
cat >"$fr_dir/report.yaml" <<'YAML'
report: {title: T, organisation: O, period: 2019/20 Q2, date: 2019-10-17}
periods: [2019/20 Q2]
footnotes: {provisional: Provisional figures.}
sections:
  - type: paragraphs
    text:
      - "Referenced [^provisional] once."
      - "Unclosed [^provisional here."
      - "Spaced [^draft note] here."
      - "Nameless [^] here."
      - "Written out on purpose: \\[^provisional."
YAML
"$BR" check "$fr_dir" >/dev/null 2>"$fr_dir/err"
fr_rc=$?
fr_n=$(grep -c "warning:" "$fr_dir/err")
if [ $fr_rc -eq 0 ] && [ "$fr_n" -eq 3 ] &&
   grep -qF "report.yaml:8:9: warning: footnote reference '[^provisional' is not closed" "$fr_dir/err" &&
   grep -qF "'[^draft note]' is not a footnote reference, since a footnote's name has no spaces" "$fr_dir/err" &&
   grep -qF "report.yaml:10:9: warning: '[^]' is a footnote reference with no name" "$fr_dir/err"; then
    pass
else
    fail "footnote refs: want exactly the three warnings (exit $fr_rc, $fr_n warnings)"
    sed 's/^/    | /' "$fr_dir/err" | head -12
fi
rm -rf "$fr_dir"

# check composes the paper when a measure has per-value notes, so a note on
# a value nothing prints is named by check, as by render.
"$BR" check tests/golden/value-notes >/dev/null 2>"${TMPDIR:-/tmp}/br-vn.err"
if grep -q "has a note on its" "${TMPDIR:-/tmp}/br-vn.err"; then pass; else fail "footnote refs: check does not name a note on a value nothing prints"; fi
rm -f "${TMPDIR:-/tmp}/br-vn.err"
