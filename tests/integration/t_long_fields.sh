# t_long_fields.sh — sourced by run.sh: nothing printed outside the page.
#
# With every template, a 150-word title, a 100-word organisation and a
# 60-word classification render (layout's assertion that every item lies
# inside its page would fail the run otherwise), and each field's words are
# all in the PDF, or the warning that a running header or footer slot was
# cut short says so, naming the report's field and where the report is.  Names start with lf_.
lf_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-long.XXXXXX")
lf_words() { awk -v n="$1" -v w="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s%s%d", i ? " " : "", w, i }'; }
for lf_tpl in templates/*.yaml; do
    lf_name=$(basename "$lf_tpl" .yaml)
    lf_q=$lf_tmp/$lf_name
    mkdir "$lf_q"
    cat >"$lf_q/report.yaml" <<YAML
report:
  title: $(lf_words 150 title)
  organisation: $(lf_words 100 org)
  classification: $(lf_words 60 cls)
  period: 2019/20 Q2
  date: 2019-10-17
  template: $lf_name
periods: [2019/20 Q1, 2019/20 Q2]
measures:
  - {id: m1, title: Measure, polarity: higher, target: 5, values: {2019/20 Q1: 4, 2019/20 Q2: 6}}
sections:
  - type: front_sheet
  - {type: heading, title: Summary}
  - {type: paragraphs, text: [Some text.]}
  - {type: measure_table, ids: [m1]}
  - {type: page_break, orientation: landscape}
  - {type: measure_table, ids: [m1]}
YAML
    "$BR" render "$lf_q" -o "$lf_q.pdf" >/dev/null 2>"$lf_tmp/err"
    lf_rc=$?
    if [ $lf_rc -eq 0 ] && ! grep -qaE 'AddressSanitizer|runtime error|internal error' "$lf_tmp/err"; then
        pass
    else
        fail "long fields, $lf_name: exit $lf_rc"
        grep -v '^ ' "$lf_tmp/err" | head -5 | sed 's/^/    | /'
        continue
    fi
    pdftotext "$lf_q.pdf" - 2>/dev/null | tr -s ' \n' '\n\n' >"$lf_tmp/text"
    for lf_field in title:150:title org:100:organisation cls:60:classification; do
        lf_w=${lf_field%%:*} lf_n=${lf_field#*:} lf_key=${lf_field##*:}
        lf_n=${lf_n%%:*}
        lf_missing=0
        lf_i=0
        while [ $lf_i -lt "$lf_n" ]; do
            grep -qx "$lf_w$lf_i\(…\)\{0,1\}" "$lf_tmp/text" || lf_missing=$((lf_missing + 1))
            lf_i=$((lf_i + 1))
        done
        # A template that shows the field nowhere (scorecard: no classification) loses nothing.
        if [ $lf_missing -eq "$lf_n" ] && ! grep -q "{$lf_key}" "$lf_tpl"; then
            pass
        elif [ $lf_missing -eq 0 ] ||
             grep "^$lf_q/report.yaml:[0-9]*:[0-9]*: warning: .*slot takes more than 3 lines, so it is cut short with '…': '$lf_w" "$lf_tmp/err" |
             grep -qF "shorten the report's $lf_key (report: $lf_key:)"; then
            pass
        else
            fail "long fields, $lf_name: $lf_missing words of the $lf_n-word $lf_w field are lost without a warning"
        fi
    done
done
rm -rf "$lf_tmp"
