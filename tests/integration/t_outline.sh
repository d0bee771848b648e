# t_outline.sh — sourced by run.sh: the bookmarks of a rendered paper, as a
# reader's bookmark pane shows them (tests/tools/outline.py): every heading,
# caption and appendix, nested by level, at its page.

to_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-outline.XXXXXX")

# to_case REPORT EXPECTED: REPORT's PDF has exactly the EXPECTED tree.
to_case() {
    if ! "$BR" render "$1" -o "$to_tmp/out.pdf" >/dev/null 2>"$to_tmp/err"; then
        fail "outline: render $1"
        sed 's/^/    | /' "$to_tmp/err"
        return
    fi
    python3 tests/tools/outline.py "$to_tmp/out.pdf" >"$to_tmp/have" 2>&1
    printf '%s\n' "$2" >"$to_tmp/want"
    if diff -u "$to_tmp/want" "$to_tmp/have" >"$to_tmp/diff"; then
        pass
    else
        fail "outline: bookmarks of $1 (expected, then actual)"
        sed 's/^/    | /' "$to_tmp/diff"
    fi
}

to_case tests/golden/navigation "Introduction (p1)
  A table under a level 1 heading (p1)
  Detail (p1)
    A table under a level 2 heading (p1)
    Finer detail (p1)
      A chart under a level 3 heading (p1)
Appendix 1 — Contractual and Strategic KPIs (p2)
  Inside the first appendix (p2)
    Deeper inside (p2)
      A table deep in the appendix (p2)
Appendix 2 — Finance (p3)
  The finance table (p3)"

# The appendix the Cabinet paper calls "Appendix 1" is labelled so, its
# table's caption under it.
if "$BR" render examples/cabinet-2019-20-q2 -o "$to_tmp/cab.pdf" >/dev/null 2>&1 &&
   python3 tests/tools/outline.py "$to_tmp/cab.pdf" | sed 's/ (p[0-9]*)$//' |
       grep -A1 '^Appendix 1' >"$to_tmp/cab" &&
   [ "$(cat "$to_tmp/cab")" = "Appendix 1 — Summary of key performance indicators for quarter two 2019/20
  Contractual and Strategic Key Performance Indicators" ]; then
    pass
else
    fail "outline: the Cabinet example's Appendix 1 and its table are not bookmarked as expected"
    python3 tests/tools/outline.py "$to_tmp/cab.pdf" 2>&1 | sed 's/^/    | /'
fi

rm -rf "$to_tmp"
