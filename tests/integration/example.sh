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
    if "$BR" render "$dir" -o "build/examples/$name.pdf" >/dev/null; then
        pages=$(pdfinfo "build/examples/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
        echo "build/examples/$name.pdf: ${pages:-?} pages"
    else
        echo "FAILED: $dir" >&2
        status=1
    fi
done
exit $status
