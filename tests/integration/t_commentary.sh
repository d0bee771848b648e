# t_commentary.sh — sourced by run.sh: a commentary entry needs only its
# text.  Without a title its heading is its objective's title (else its
# subtitle in italics; with neither, its RAG word leads its text); the
# RAG badge prints the template's word for the status, the word the
# profile's Status cell prints; diff names an untitled entry by its place.

tcm_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-commentary.XXXXXX")
cat >"$tcm_tmp/report.yaml" <<'EOF_YAML'
report: {title: Commentary, period: 2012/13 Q4}
periods: [2012/13 Q4]
objectives: [{id: A, title: Raise standards}]
commentary:
  - {objective: A, rag: amber, text: On objective A.}
  - {subtitle: New objective, text: A subtitle only.}
  - {rag: red, text: Nothing but a rag.}
sections:
  - {type: profile, columns: [title, status]}
  - {type: commentary, title: Comment}
EOF_YAML
if "$BR" render "$tcm_tmp/report.yaml" -o "$tcm_tmp/out.pdf" >/dev/null 2>"$tcm_tmp/err"; then
    tcm_text=$(pdftotext -layout "$tcm_tmp/out.pdf" - 2>/dev/null | tr -s ' ')
    tcm_bad=""
    printf '%s\n' "$tcm_text" | grep -q "^Raise standards In tolerance$" || tcm_bad="$tcm_bad heading-from-objective"
    [ "$(printf '%s\n' "$tcm_text" | grep -c "In tolerance")" -ge 2 ] || tcm_bad="$tcm_bad one-word"
    printf '%s\n' "$tcm_text" | grep -q "^New objective$" || tcm_bad="$tcm_bad subtitle-heading"
    printf '%s\n' "$tcm_text" | grep -q "^Outside tolerance: Nothing but a rag\.$" || tcm_bad="$tcm_bad rag-leads-text"
    if [ -z "$tcm_bad" ]; then pass; else fail "commentary: untitled entries:$tcm_bad"; printf '%s\n' "$tcm_text" | sed 's/^/    | /'; fi
else
    fail "commentary: an entry without a title is refused: $(cat "$tcm_tmp/err")"
fi
sed 's/Nothing but a rag/Nothing but a red rag/' "$tcm_tmp/report.yaml" >"$tcm_tmp/new.yaml"
tcm_diff=$("$BR" diff "$tcm_tmp/report.yaml" "$tcm_tmp/new.yaml" 2>&1)
case $tcm_diff in
    *"commentary: entry 3"*"Nothing but a {+red+} rag."*) pass ;;
    *) fail "commentary: diff does not name the untitled entry by its place: $tcm_diff" ;;
esac
rm -rf "$tcm_tmp"
