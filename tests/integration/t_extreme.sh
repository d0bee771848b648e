# Sourced by run.sh: text the font or the layout cannot set as written still
# gives a complete PDF, with a warning that names what and where.
extreme_dir=$(mktemp -d)
cat >"$extreme_dir/report.yaml" <<'YAML'
report: {title: Warnings, organisation: Test Council, period: 2019/20 Q2, date: 2019-10-17}
periods: [2019/20 Q2]
sections:
  - type: paragraphs
    text:
      - "Emoji the font lacks: 😀 and a tick ✓ in the middle of a sentence that carries on."
      - "Hebrew שלום and Arabic مرحبا are set left to right, and the reader is told so."
YAML
if "$BR" render "$extreme_dir" -o "$extreme_dir/out.pdf" >/dev/null 2>"$extreme_dir/err"; then
    pass
else
    fail "extreme: render of text with missing glyphs failed"; cat "$extreme_dir/err"
fi
for want in "report.yaml:6:9: warning: character U+1F600" "is not in font" "U+2713" \
            "report.yaml:7:9: warning: right-to-left text (U+05E9)"; do
    if grep -qF "$want" "$extreme_dir/err"; then pass; else fail "extreme: no warning '$want'"; fi
done
if pdftotext -q "$extreme_dir/out.pdf" - | grep -q "sentence that carries on"; then
    pass
else
    fail "extreme: the text around a missing glyph is not all in the PDF"
fi
rm -rf "$extreme_dir"
