#!/bin/sh
# Every external symbol of the program starts with br_ (main aside), so a
# reader can tell a function's module from its name and the core can be
# linked beside other code (ASan's __odr_asan markers aside).  Arguments:
# the object files.
bad=$(nm -g --defined-only "$@" | awk 'NF == 3 && $3 != "main" && $3 !~ /^br_/ && $3 !~ /^__odr_asan/ {print $3}' | sort -u)
if [ -n "$bad" ]; then
    echo "names: external symbols without the br_ prefix:"; echo "$bad"; exit 1
fi
echo "names: every external symbol starts with br_ (but main)"
