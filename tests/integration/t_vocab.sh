# t_vocab.sh — sourced by run.sh: the docs name the vocabulary
# (include/br_vocab.def) as it is: every column heading a template can set,
# with its default, in docs/templates.md; every section type and measure
# and milestone column in docs/format.md.

tv_def=include/br_vocab.def
# MACRO(ID, "yaml", "export", "heading", "key") -> yaml<TAB>heading<TAB>key
tv_words() {
    sed -n "s/^$1(\([A-Z_]*\), *\"\([^\"]*\)\", *\"\([^\"]*\)\", *\"\([^\"]*\)\", *\"\([^\"]*\)\")$/\2	\4	\5/p" "$tv_def"
}
tv_bad=0
for tv_macro in BR_MEASURE_COLUMN BR_MILESTONE_COLUMN BR_FINANCE_COLUMN BR_FINANCE_SPLIT \
                BR_PROFILE_COLUMN BR_SUMMARY_COLUMN; do
    tv_n=0
    while IFS='	' read -r tv_yaml tv_heading tv_key; do
        tv_n=$((tv_n + 1))
        [ -n "$tv_key" ] || continue
        if ! grep -qF "| \`$tv_key\` | $tv_heading |" docs/templates.md; then
            echo "    docs/templates.md lacks the row | \`$tv_key\` | $tv_heading | ($tv_macro)"
            tv_bad=1
        fi
    done <<EOF_WORDS
$(tv_words "$tv_macro")
EOF_WORDS
    [ "$tv_n" -gt 0 ] || { echo "    no $tv_macro line read from $tv_def"; tv_bad=1; }
done
for tv_macro in BR_MEASURE_COLUMN BR_MILESTONE_COLUMN; do
    for tv_yaml in $(tv_words "$tv_macro" | cut -f1); do
        grep -qF "\`$tv_yaml\`" docs/format.md ||
            { echo "    docs/format.md does not name the column \`$tv_yaml\`"; tv_bad=1; }
    done
done
for tv_type in $(sed -n 's/^BR_SECTION([A-Z_]*, *"\([a-z_]*\)".*/\1/p' "$tv_def"); do
    grep -qF "\`$tv_type\`" docs/format.md ||
        { echo "    docs/format.md does not name the section type \`$tv_type\`"; tv_bad=1; }
done
if [ $tv_bad = 0 ]; then pass; else fail "vocab: the docs and include/br_vocab.def disagree"; fi

# The export names the vocabulary gives measure and milestone columns are
# the keys of the export JSON (a column the paper can print, export carries).
tv_json=$(mktemp "${TMPDIR:-/tmp}/br-vocab.XXXXXX")
"$BR" export --format json tests/good/every-key >"$tv_json" 2>/dev/null
tv_bad=0
for tv_macro in BR_MEASURE_COLUMN BR_MILESTONE_COLUMN; do
    for tv_export in $(sed -n "s/^$tv_macro([A-Z_]*, *\"[^\"]*\", *\"\([^\"]*\)\".*/\1/p" "$tv_def"); do
        grep -qF "\"$tv_export\":" "$tv_json" ||
            { echo "    export JSON has no key \"$tv_export\" ($tv_macro)"; tv_bad=1; }
    done
done
rm -f "$tv_json"
if [ $tv_bad = 0 ]; then pass; else fail "vocab: export JSON lacks a column's export name"; fi
