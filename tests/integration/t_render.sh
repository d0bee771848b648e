# t_render.sh — render every example and good test report; sourced by run.sh
# (uses $BR, pass and fail; names here start with tr_ so as not to clash).
#
# For each of examples/*/ and tests/good/*/: render exits 0; nothing of the
# report is lost (nothing_lost.sh); every font is embedded; a second render
# gives the same bytes; the PDF has pages and its Title is the report's.
# Then: a failed render never replaces a good PDF, and the usage exits.
# A folder without report.yaml (an example not written yet) is skipped.

tr_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-render.XXXXXX")
tr_words=${WORDS:-build/test/words}

# Runs the rest of the checks on a rendered PDF.
tr_check_pdf() {
    tr_dir=$1
    tr_pdf=$2
    if tr_out=$(WORDS=$tr_words sh tests/integration/nothing_lost.sh "$tr_pdf" "$tr_dir" 2>&1); then
        pass
    else
        fail "render $tr_dir: words lost"
        printf '%s\n' "$tr_out" | sed 's/^/    | /'
    fi
    # pdffonts: name type… encoding emb sub uni object-id generation
    if pdffonts "$tr_pdf" 2>/dev/null |
        awk 'NR > 2 { n++; if ($(NF - 4) != "yes") bad++ } END { exit !(n > 0 && bad == 0) }'; then
        pass
    else
        fail "render $tr_dir: a font is not embedded"
        pdffonts "$tr_pdf" 2>/dev/null | sed 's/^/    | /'
    fi
    tr_pages=$(pdfinfo "$tr_pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    if [ "${tr_pages:-0}" -gt 0 ]; then pass; else fail "render $tr_dir: no pages"; fi
    tr_title=$(pdfinfo "$tr_pdf" 2>/dev/null | sed -n 's/^Title: *//p')
    if "$tr_words" --title "$tr_dir" | grep -qxF -- "$tr_title"; then
        pass
    else
        fail "render $tr_dir: PDF Title is '$tr_title', not the report's title"
    fi
}

for tr_dir in examples/*/ tests/good/*/; do
    [ -f "$tr_dir/report.yaml" ] || continue
    tr_dir=${tr_dir%/}
    tr_name=$(echo "$tr_dir" | tr '/' '_')
    tr_pdf=$tr_tmp/$tr_name.pdf
    "$BR" render "$tr_dir" -o "$tr_pdf" >"$tr_tmp/log" 2>&1
    tr_rc=$?
    if [ "$tr_rc" -eq 0 ] && [ -s "$tr_pdf" ] &&
        ! grep -qaE 'AddressSanitizer|LeakSanitizer|runtime error' "$tr_tmp/log"; then
        pass
    else
        fail "render $tr_dir: exit $tr_rc, or no PDF, or a sanitizer report"
        head -40 "$tr_tmp/log" | sed 's/^/    | /'
        continue
    fi
    tr_check_pdf "$tr_dir" "$tr_pdf"
    if "$BR" render "$tr_dir" -o "$tr_pdf.again" >/dev/null 2>&1 && cmp -s "$tr_pdf" "$tr_pdf.again"; then
        pass
    else
        fail "render $tr_dir: a second render gives different bytes"
    fi
done

# A render that fails (every bad file) exits 1, leaves the good PDF it was
# to replace byte for byte, and leaves no temporary file beside it.
tr_good=$(ls "$tr_tmp"/*.pdf 2>/dev/null | head -1)
if [ -n "$tr_good" ]; then
    mkdir "$tr_tmp/keep"
    for tr_bad in tests/bad/*.yaml; do
        [ -e "$tr_bad" ] || continue
        cp "$tr_good" "$tr_tmp/keep/paper.pdf"
        "$BR" render "$tr_bad" -o "$tr_tmp/keep/paper.pdf" >/dev/null 2>"$tr_tmp/log"
        tr_rc=$?
        if [ "$tr_rc" -eq 1 ] && cmp -s "$tr_good" "$tr_tmp/keep/paper.pdf" &&
            [ "$(ls -A "$tr_tmp/keep")" = paper.pdf ] &&
            ! grep -qaE 'AddressSanitizer|LeakSanitizer|runtime error' "$tr_tmp/log"; then
            pass
        else
            fail "render $tr_bad -o a good PDF: exit $tr_rc (want 1); the good PDF must stay" \
                 "byte for byte with nothing beside it: $(ls -A "$tr_tmp/keep" | tr '\n' ' ')"
            head -20 "$tr_tmp/log" | sed 's/^/    | /'
        fi
    done
else
    fail "render: no PDF rendered, so the failed-render test could not run"
fi

if "$BR" render --help >"$tr_tmp/help" 2>&1 && [ -s "$tr_tmp/help" ]; then
    pass
else
    fail "render --help: exit not 0 or no text"
fi
"$BR" render >/dev/null 2>&1
tr_rc=$?
if [ "$tr_rc" -eq 2 ]; then pass; else fail "render without a path: exit $tr_rc, want 2"; fi
"$BR" >/dev/null 2>&1
tr_rc=$?
if [ "$tr_rc" -eq 2 ]; then pass; else fail "boardreport without arguments: exit $tr_rc, want 2"; fi

rm -rf "$tr_tmp"
