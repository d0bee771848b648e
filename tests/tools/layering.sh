#!/bin/sh
# The pipeline has one direction: no file of a stage includes a header of a
# later stage.  Stages in order; each header in include/ belongs to the stage
# that implements it; a private header belongs to the folder it sits in.
# Prints each offending #include and fails; prints one line when clean.
cd "$(dirname "$0")/../.." || exit 2
stages="core load compute compose layout paint archive cli"
rank() { n=0; for s in $stages; do [ "$s" = "$1" ] && { echo $n; return; }; n=$((n + 1)); done; echo 99; }
# Which stage each contract header belongs to.
header_stage() {
    case "$1" in
    br_arena.h|br_data.h|br_diag.h|br_file.h|br_markup.h|br_model.h|br_vocab.h|br_vocab.def|br_section.h|br_period.h|br_format.h|br_style.h|br_template.h|br_font.h|br_unicode.h|br_md5.h) echo core ;;
    br_yaml.h|br_input.h|br_limits.h|br_report.h) echo load ;;
    br_compute.h) echo compute ;;
    br_compose.h|br_doc.h) echo compose ;;
    br_layout.h) echo layout ;;
    br_paint.h) echo paint ;;
    br_sha256.h|br_archive.h) echo archive ;;
    br_export.h) echo cli ;;
    *) echo unknown ;;
    esac
}
bad=0
check() {   # file, its stage
    for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$1"); do
        if [ -f "include/$h" ]; then hs=$(header_stage "$h")
        elif [ -f "$(dirname "$1")/$h" ]; then
            # A private header, by its own folder: src/<stage>/[...]/name.h
            hs=$(realpath -m --relative-to=src "$(dirname "$1")/$h" | cut -d/ -f1)
        else hs=$(echo "$h" | cut -d/ -f1); fi
        if [ "$hs" = unknown ]; then echo "layering: $1 includes $h, which no stage owns (add it to tests/tools/layering.sh)"; bad=1
        elif [ "$(rank "$hs")" -gt "$(rank "$2")" ]; then echo "layering: $1 ($2) includes $h of a later stage ($hs)"; bad=1; fi
    done
}
for s in $stages; do for f in src/$s/*.[ch] src/$s/*/*.[ch]; do [ -f "$f" ] && check "$f" "$s"; done; done
for h in include/*.h; do check "$h" "$(header_stage "$(basename "$h")")"; done
[ $bad = 0 ] && echo "layering: every include points to the same or an earlier stage"
exit $bad
