# t_tagged.sh — every example and good test report is a tagged PDF that
# readers not ours accept; sourced by run.sh (names start with tt_).
#
# tests/tools/check_tags.py reads each PDF with poppler (pdfinfo
# -struct-text, pdftotext, pdffonts) and qpdf: Tagged: yes, the structure
# tree's text is the pages' text once in reading order, no poppler
# warning, each face listed once, qpdf --check clean.

tt_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-tagged.XXXXXX")
tt_pdfs=""
for tt_dir in examples/*/ tests/good/*/; do
    [ -f "$tt_dir/report.yaml" ] || continue
    tt_dir=${tt_dir%/}
    tt_pdf=$tt_tmp/$(echo "$tt_dir" | tr '/' '_').pdf
    if "$BR" render "$tt_dir" -o "$tt_pdf" >/dev/null 2>&1; then
        tt_pdfs="$tt_pdfs $tt_pdf"
    else
        fail "tagged: render $tt_dir failed"
    fi
done
for tt_pdf in $tt_pdfs; do
    if tt_out=$(python3 tests/tools/check_tags.py "$tt_pdf" 2>&1); then
        pass
    else
        fail "tagged: $(basename "$tt_pdf")"
        printf '%s\n' "$tt_out" | sed 's/^/    | /'
    fi
done

# pdf.js (Mozilla's reader) walks the same PDFs' structure trees: tables
# have header rows of TH cells, figures have alternative text.  Skipped
# where node (or the pdfjs-dist that make deps installs with npm) is not.
tt_pdfjs=${PDFJS:-build/npm/node_modules/pdfjs-dist/legacy/build/pdf.mjs}
if command -v node >/dev/null 2>&1 && [ -f "$tt_pdfjs" ] && [ -n "$tt_pdfs" ]; then
    tt_args=""
    for tt_pdf in $tt_pdfs; do
        case $tt_pdf in *charts*) tt_args="$tt_args --figures $tt_pdf" ;; *) tt_args="$tt_args $tt_pdf" ;; esac
    done
    # shellcheck disable=SC2086
    if tt_out=$(PDFJS=$tt_pdfjs node tests/tools/pdfjs_check.mjs $tt_args 2>&1); then
        pass
    else
        fail "tagged: pdf.js"
        printf '%s\n' "$tt_out" | sed 's/^/    | /'
    fi
else
    echo "tagged: pdf.js check skipped (no node, or no pdfjs-dist in build/npm)"
fi
rm -rf "$tt_tmp"
