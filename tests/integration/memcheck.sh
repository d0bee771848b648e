#!/bin/sh
# `make memcheck`: every example and good test report checked, exported
# (JSON, xlsx, the values CSV) and rendered under
# valgrind; any error or leak fails.
set -u
BR=${1:-build/boardreport}
command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed (apt-get install valgrind)"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for dir in examples/*/ tests/good/*/; do
    [ -f "$dir/report.yaml" ] || continue
    for cmd in "check" "export --format json" "export -o $out/x.xlsx" "export --format csv --table values" \
               "render -o $out/x.pdf"; do
        # shellcheck disable=SC2086
        if valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all \
             --errors-for-leak-kinds=all "$BR" $cmd "$dir" >/dev/null 2>"$out/log"; then
            :
        elif [ $? -eq 99 ] || grep -q "==[0-9]*==" "$out/log"; then
            echo "memcheck: FAIL: $cmd $dir"; cat "$out/log"; status=1
        fi
    done
    echo "memcheck: ok: $dir"
done
# The archive's commands on one example: issue (render, copy, rebuild),
# verify (manifests and rebuild), log, and diff of a package and a folder.
vg() {
    # shellcheck disable=SC2086
    if ! valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all \
         --errors-for-leak-kinds=all "$BR" "$@" >/dev/null 2>"$out/log" &&
         grep -q "==[0-9]*==" "$out/log"; then
        echo "memcheck: FAIL: $*"; cat "$out/log"; status=1
    fi
}
cp -r examples/cabinet-2019-20-q2 "$out/q2"
vg issue "$out/q2" --archive "$out/archive"
pkg=$(dirname "$(find "$out/archive" -name bagit.txt)")
vg verify --archive "$out/archive"
vg verify --archive "$out/archive" "$pkg"/data/*.pdf
vg log --archive "$out/archive" --format json
vg diff "$pkg" "$out/q2"
chmod -R u+w "$out/archive"
echo "memcheck: ok: issue, verify, log, diff"
exit $status
