# t_doc_examples.sh — sourced by run.sh: every YAML example in
# docs/format.md is one a user can copy.  Each carries a mark saying what
# it is (a whole report, keys of the main file, sections, measures…);
# tests/tools/doc_examples.py sets it in what it lacks and runs check on
# it, and fails an example that check refuses or one with no mark.

tde_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-docex.XXXXXX")
if tde_out=$("$PYTHON" tests/tools/doc_examples.py "$BR" docs/format.md "$tde_tmp" 2>&1); then
    pass
else
    fail "doc examples: docs/format.md has examples that check refuses:"
    printf '%s\n' "$tde_out" | sed 's/^/    | /'
fi
rm -rf "$tde_tmp"
