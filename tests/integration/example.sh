#!/bin/sh
# Renders every bundled example to build/examples/<name>.pdf (the README's
# first command runs this through `make example`).
set -eu
BR=${1:-build/boardreport}
mkdir -p build/examples
status=0
for dir in examples/*/; do
    [ -f "$dir/report.yaml" ] || continue
    name=$(basename "$dir")
    # An example that warns on purpose says so in its report.yaml:
    #   # example-warnings: N - why
    # and the run says why after the warnings; any other count is a failure.
    why=$(sed -n 's/^# example-warnings: //p' "$dir/report.yaml")
    want=${why%% *}
    if "$BR" render "$dir" -o "build/examples/$name.pdf" >/dev/null 2>build/examples/$name.err; then
        cat "build/examples/$name.err" >&2
        got=$(sed -n 's/^\([0-9]*\) warnings\{0,1\} generated\.$/\1/p' "build/examples/$name.err")
        if [ "${got:-0}" != "${want:-0}" ]; then
            echo "FAILED: $dir gave ${got:-0} warnings, its report.yaml expects ${want:-0}" >&2
            status=1
        elif [ -n "$why" ]; then
            echo "($name: ${got} warnings, as expected: ${why#* - })" >&2
        fi
        pages=$(pdfinfo "build/examples/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
        [ "$pages" = 1 ] && noun=page || noun=pages
        echo "build/examples/$name.pdf: ${pages:-?} $noun"
    else
        echo "FAILED: $dir" >&2
        status=1
    fi
done
exit $status
