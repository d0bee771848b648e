#!/bin/sh
# Integration tests: run the binary ($BR) on the files under tests/ and examples/.
set -u
BR=${BR:-build/boardreport}
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# T=t_cli limits the run to some scripts (make integration T="t_cli t_bad").
scripts=tests/integration/t_*.sh
[ -n "${T:-}" ] && scripts=$(for n in $T; do echo "tests/integration/${n%.sh}.sh"; done)
for t in $scripts; do
    [ -e "$t" ] || continue
    . "$t"
done
echo "integration: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
