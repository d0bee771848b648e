# t_docs.sh — sourced by run.sh: the repository stands alone.  A user's
# clone has none of the folder of working notes that sits beside the
# repository here (spec, reference papers, style), so nothing the user reads
# points there; the README links the quick start before anything else;
# every command the quick start runs exists.

td_hits=$(grep -rnE '(\.\./)?shared/(spec|reference|style|notes)' README.md docs examples starter man 2>/dev/null)
if [ -z "$td_hits" ]; then pass; else fail "docs: these point at shared/, which a clone lacks:"; printf '%s\n' "$td_hits" | sed 's/^/    | /'; fi

td_first=$(grep -o '([a-z/]*\.md)' README.md | head -1)
[ "$td_first" = "(docs/quickstart.md)" ] && pass || fail "docs: the README's first link is $td_first, not docs/quickstart.md"

# Every 'boardreport WORD' in the quick start and the man page is a command.
td_cmds=$("$BR" help --commands)
for td_word in $(grep -ohE '(^ *|`)boardreport [a-z][a-z-]+' docs/quickstart.md README.md | sed 's/.*boardreport //' | sort -u); do
    printf '%s\n' "$td_cmds" | grep -qx "$td_word" || fail "docs: 'boardreport $td_word' is no command"
done
pass
