#!/bin/sh
# Integration tests: run the binary ($BR) on the files under tests/ and examples/.
set -u
BR=${BR:-build/boardreport}
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
for t in tests/integration/t_*.sh; do
    [ -e "$t" ] || continue
    . "$t"
done
echo "integration: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
