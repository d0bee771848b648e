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

# PDF/A-3 associated files, read back by qpdf: the cabinet example carries
# each YAML file it was made from (its folder's and the template) as
# /Source and its export JSON as /Data, byte for byte; a second render
# gives the same bytes (the files' dates are the paper's, not the clock's).
tt_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-attached.XXXXXX")
tt_ex=examples/cabinet-2019-20-q2
"$BR" render "$tt_ex" -o "$tt_tmp/a.pdf" >/dev/null 2>&1
"$BR" render "$tt_ex" -o "$tt_tmp/b.pdf" >/dev/null 2>&1
"$BR" export --format json "$tt_ex" >"$tt_tmp/export.json" 2>/dev/null
tt_want="export.json"
for tt_f in "$tt_ex"/*.yaml; do tt_want="$tt_want report/$(basename "$tt_f")"; done
tt_want="$(echo "$tt_want template/cabinet.yaml" | tr ' ' '\n' | sort | tr '\n' ' ')"
tt_got=$(qpdf --list-attachments "$tt_tmp/a.pdf" 2>&1 | sed 's/ -> .*//' | sort | tr '\n' ' ')
if [ "$tt_got" = "$tt_want" ]; then pass; else fail "attached: files are '$tt_got', want '$tt_want'"; fi
tt_bad=""
for tt_name in $tt_want; do
    case $tt_name in
    export.json) tt_src=$tt_tmp/export.json ;;
    template/*) tt_src=templates/${tt_name#template/} ;;
    *) tt_src=$tt_ex/${tt_name#report/} ;;
    esac
    qpdf --show-attachment="$tt_name" "$tt_tmp/a.pdf" >"$tt_tmp/got" 2>&1
    cmp -s "$tt_tmp/got" "$tt_src" || tt_bad="$tt_bad $tt_name"
done
if [ -z "$tt_bad" ]; then pass; else fail "attached: not the same bytes as the file:$tt_bad"; fi
if cmp -s "$tt_tmp/a.pdf" "$tt_tmp/b.pdf"; then pass; else fail "attached: two renders differ"; fi
tt_meta=$(qpdf --list-attachments --verbose "$tt_tmp/a.pdf" 2>&1)
if printf '%s\n' "$tt_meta" | grep -q 'mime type: application/yaml' &&
   printf '%s\n' "$tt_meta" | grep -q 'mime type: application/json' &&
   printf '%s\n' "$tt_meta" | grep -q 'modification date: D:2019'; then pass
else fail "attached: MIME types or dates missing"; printf '%s\n' "$tt_meta" | sed 's/^/    | /'; fi
rm -rf "$tt_tmp"

# The paper's language from the report (over the template's): the catalog's
# /Lang and the XMP's dc:language; a value that is not a BCP 47 tag is an
# error at its line.
tt_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-lang.XXXXXX")
cp -r examples/cabinet-2019-20-q2 "$tt_tmp/q"
sed -i 's/^report:$/report:\n  language: cy/' "$tt_tmp/q/report.yaml"
if "$BR" render "$tt_tmp/q" -o "$tt_tmp/cy.pdf" >/dev/null 2>&1 &&
   qpdf --object-streams=disable "$tt_tmp/cy.pdf" "$tt_tmp/plain.pdf" >/dev/null 2>&1 &&
   grep -aq '/Lang (cy)' "$tt_tmp/plain.pdf" &&
   pdfinfo -meta "$tt_tmp/cy.pdf" 2>/dev/null | grep -q '<dc:language><rdf:Bag><rdf:li>cy</rdf:li>'; then pass
else fail "language: report.language cy is not the PDF's /Lang and dc:language"; fi
"$BR" render examples/cabinet-2019-20-q2 -o "$tt_tmp/en.pdf" >/dev/null 2>&1
qpdf --object-streams=disable "$tt_tmp/en.pdf" "$tt_tmp/plain.pdf" >/dev/null 2>&1
if grep -aq '/Lang (en-GB)' "$tt_tmp/plain.pdf"; then pass; else fail "language: en-GB is not the default /Lang"; fi
sed -i 's/^  language: cy$/  language: Welsh language/' "$tt_tmp/q/report.yaml"
tt_line=$(grep -n '^  language: Welsh language$' "$tt_tmp/q/report.yaml" | cut -d: -f1)
"$BR" check "$tt_tmp/q" >/dev/null 2>"$tt_tmp/err"
if [ $? -eq 1 ] && grep -q "report.yaml:$tt_line:13: error: 'Welsh language' is not a language tag" "$tt_tmp/err"; then pass
else fail "language: a report language that is not a tag"; sed 's/^/    | /' "$tt_tmp/err"; fi
rm -rf "$tt_tmp"

# An untagged paper (render --no-tags, or a template's 'tagged: false'):
# no structure tree, marked content or PDF/UA claim (check_tags.py
# --untagged), but the same pages and words as the tagged one, its files
# still attached, smaller, the same bytes each time; the default stays
# tagged, and only render takes the option.
tt_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-untagged.XXXXXX")
tt_ex=examples/cabinet-2019-20-q2
"$BR" render "$tt_ex" -o "$tt_tmp/tagged.pdf" >/dev/null 2>&1
if "$BR" render --no-tags "$tt_ex" -o "$tt_tmp/a.pdf" >/dev/null 2>&1 &&
   "$BR" render "$tt_ex" --no-tags -o "$tt_tmp/b.pdf" >/dev/null 2>&1 &&
   tt_out=$(python3 tests/tools/check_tags.py --untagged "$tt_tmp/a.pdf" 2>&1); then pass
else fail "untagged: render --no-tags"; printf '%s\n' "${tt_out:-}" | sed 's/^/    | /'; fi
if cmp -s "$tt_tmp/a.pdf" "$tt_tmp/b.pdf"; then pass; else fail "untagged: two renders differ"; fi
tt_words() { pdftotext "$1" - 2>/dev/null | tr -s ' \n' '\n\n' | sort; }
if [ "$(tt_words "$tt_tmp/a.pdf")" = "$(tt_words "$tt_tmp/tagged.pdf")" ] &&
   [ "$(pdfinfo "$tt_tmp/a.pdf" | grep '^Pages:')" = "$(pdfinfo "$tt_tmp/tagged.pdf" | grep '^Pages:')" ] &&
   [ "$(qpdf --list-attachments "$tt_tmp/a.pdf" | wc -l)" -eq "$(qpdf --list-attachments "$tt_tmp/tagged.pdf" | wc -l)" ] &&
   [ "$(wc -c <"$tt_tmp/a.pdf")" -lt "$(wc -c <"$tt_tmp/tagged.pdf")" ]; then pass
else fail "untagged: not the tagged paper's pages, words and files in fewer bytes"; fi
if python3 tests/tools/check_tags.py "$tt_tmp/tagged.pdf" >/dev/null 2>&1; then pass
else fail "untagged: the default render is not tagged"; fi
mkdir -p "$tt_tmp/q"
cp "$tt_ex"/*.yaml "$tt_tmp/q/"
sed 's/^  template: .*/  template: house.yaml/' "$tt_ex/report.yaml" >"$tt_tmp/q/report.yaml"
{ cat templates/cabinet.yaml; printf 'tagged: false\n'; } >"$tt_tmp/q/house.yaml"
if "$BR" render "$tt_tmp/q" -o "$tt_tmp/t.pdf" >/dev/null 2>&1 &&
   python3 tests/tools/check_tags.py --untagged "$tt_tmp/t.pdf" >/dev/null 2>&1; then pass
else fail "untagged: a template's 'tagged: false'"; fi
{ cat templates/cabinet.yaml; printf 'tagged: true\n'; } >"$tt_tmp/q/house.yaml"
if "$BR" render "$tt_tmp/q" -o "$tt_tmp/t.pdf" >/dev/null 2>&1 &&
   python3 tests/tools/check_tags.py "$tt_tmp/t.pdf" >/dev/null 2>&1; then pass
else fail "untagged: a template's 'tagged: true'"; fi
{ cat templates/cabinet.yaml; printf 'tagged: sometimes\n'; } >"$tt_tmp/q/house.yaml"
tt_line=$(grep -n '^tagged: sometimes$' "$tt_tmp/q/house.yaml" | cut -d: -f1)
"$BR" check "$tt_tmp/q" >/dev/null 2>"$tt_tmp/err"
if [ $? -eq 1 ] && grep -q "house.yaml:$tt_line:9: error: 'tagged' must be true or false" "$tt_tmp/err"; then pass
else fail "untagged: 'tagged: sometimes' is not an error at its line"; sed 's/^/    | /' "$tt_tmp/err"; fi
"$BR" check --no-tags "$tt_ex" >/dev/null 2>"$tt_tmp/err"
if [ $? -eq 2 ] && grep -q "does not apply" "$tt_tmp/err"; then pass
else fail "untagged: check --no-tags is not a usage error"; fi
if "$BR" render --help | grep -q -- '--no-tags' && "$BR" render --help | grep -q 'not accessible'; then pass
else fail "untagged: render --help does not explain --no-tags"; fi
rm -rf "$tt_tmp"
