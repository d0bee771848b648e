# t_output_guard.sh — sourced by run.sh: the one output guard.
#
# Every command that writes (render, export, schema, init, next-quarter,
# issue -o, and the listings' -o) refuses, with exit 1 and the path named,
# a path inside the archive, inside an issued package (a folder holding
# bagit.txt), in a paper's folder of versions (where v2 will go), or inside
# a period's folder of another archive; a symbolic link, even a dangling
# one, is judged by where the write would land; an existing YAML file is
# never replaced; a binary output never goes to a terminal (exit 2).
# Nothing under the archive changes and verify still passes.
# Names start with og_ so as not to clash with the other t_*.sh.

og_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-outguard.XXXXXX")
case $BR in /*) og_br=$BR ;; *) og_br=$PWD/$BR ;; esac

# og_refused NAME CMD...: CMD exits 1 naming the archive rule, and the
# archive is unchanged.
og_refused() {
    og_name=$1
    shift
    (cd "$og_tmp" && "$og_br" "$@") > "$og_tmp/out" 2> "$og_tmp/err"
    og_rc=$?
    og_now=$(cd "$og_tmp" && find archive | sort | cksum)
    if [ "$og_rc" -eq 1 ] && grep -q "is inside the archive or an issued package" "$og_tmp/err" &&
        [ "$og_now" = "$og_tree" ] && ! grep -qaE 'AddressSanitizer|runtime error' "$og_tmp/err"; then
        pass
    else
        fail "output guard: $og_name: exit $og_rc (want 1), archive changed: $([ "$og_now" = "$og_tree" ] && echo no || echo yes)"
        head -5 "$og_tmp/err" | sed 's/^/    | /'
    fi
}

(
    cd "$og_tmp" || exit 1
    "$og_br" init q1 -q >/dev/null 2>&1
    cp -r q1 p
    sed -i 's/^  status: draft/  status: final/' p/report.yaml
    "$og_br" issue p >/dev/null 2>&1
)
og_v1=$(cd "$og_tmp" && ls -d archive/*/*/v1 2>/dev/null)
if [ -z "$og_v1" ]; then
    fail "output guard: could not issue the starter quarter"
else
    og_paper=${og_v1%/v1}
    og_period=${og_paper%/*}
    og_pdf=$(cd "$og_tmp" && ls "$og_v1"/data/*.pdf)
    chmod -R u+w "$og_tmp/archive"      # as root, the read-only folders are no guard
    og_tree=$(cd "$og_tmp" && find archive | sort | cksum)
    og_sum=$(cksum < "$og_tmp/$og_pdf")

    og_refused "schema -o over the issued PDF" schema -o "$og_pdf"
    og_refused "schema -o into a package" schema -o "$og_v1/data/x.json"
    og_refused "schema -o into the archive" schema -o archive/x.json
    og_refused "init inside a package" init "$og_v1/data/newq"
    og_refused "init inside the archive" init "$og_period/newq"
    og_refused "init on a paper's folder of versions" init "$og_paper"
    og_refused "next-quarter into a package" next-quarter q1 "$og_v1/data/nq"
    og_refused "next-quarter into the archive" next-quarter q1 archive/nq
    og_refused "render -o where v2 will go" render p -o "$og_paper/v2"
    og_refused "render -o into the archive" render q1 -o archive/x.pdf
    og_refused "render -o into a package" render q1 -o "$og_v1/data/x.pdf"
    og_refused "export -o where v2 will go" export q1 --format json -o "$og_paper/v2"
    og_refused "issue -o into a package" issue p -o "$og_v1/data/copy.pdf"
    og_refused "log -o into a package" log -o "$og_v1/log.txt"
    og_refused "verify -o into the archive" verify -o archive/verify.txt
    og_refused "diff -o into the archive" diff "$og_v1" p -o archive/diff.txt

    # Through symbolic links: a dangling one into a package, a link to a
    # folder of versions, a chain of links.
    ln -s "$og_v1/data/evil.pdf" "$og_tmp/dl.pdf"
    og_refused "render -o through a dangling link" render q1 -o dl.pdf
    og_refused "export -o through a dangling link" export q1 --format csv -o dl.pdf
    og_refused "schema -o through a dangling link" schema -o dl.pdf
    ln -s dl.pdf "$og_tmp/dl2.pdf"
    og_refused "render -o through a chain of links" render q1 -o dl2.pdf
    ln -s "$og_paper" "$og_tmp/versions"
    og_refused "render -o through a linked folder" render q1 -o versions/v2
    og_refused "init through a linked folder" init versions/v9

    # An archive this run was not told of: its period folder and its
    # paper's folders are still recognised.
    mkdir -p "$og_tmp/elsewhere"
    mv "$og_tmp/archive" "$og_tmp/elsewhere/archive"
    og_tree=$(cd "$og_tmp" && mkdir archive && find archive | sort | cksum)
    og_refused "render -o into another archive's period folder" render q1 -o "elsewhere/$og_period/x.pdf"
    og_refused "init into another archive's paper folder" init "elsewhere/$og_paper/q"
    rmdir "$og_tmp/archive"
    mv "$og_tmp/elsewhere/archive" "$og_tmp/archive"

    [ "$(cksum < "$og_tmp/$og_pdf")" = "$og_sum" ] && pass ||
        fail "output guard: the issued PDF changed"
    (cd "$og_tmp" && "$og_br" verify) > "$og_tmp/out" 2>&1 && pass ||
        { fail "output guard: verify fails after the refused writes"; sed 's/^/    | /' "$og_tmp/out"; }

    # Never over a YAML file, though schema reads none.
    cp "$og_tmp/q1/report.yaml" "$og_tmp/keep.yaml"
    (cd "$og_tmp" && "$og_br" schema -o q1/report.yaml) > "$og_tmp/out" 2> "$og_tmp/err"
    [ $? -eq 1 ] && grep -q "q1/report.yaml: error: is a YAML file" "$og_tmp/err" &&
        cmp -s "$og_tmp/q1/report.yaml" "$og_tmp/keep.yaml" && pass ||
        fail "output guard: schema -o over a report.yaml"
    (cd "$og_tmp" && "$og_br" export q1 --format json -o q1/measures.yml) > "$og_tmp/out" 2>&1
    [ $? -eq 0 ] && pass || fail "output guard: export -o a new .yml file (not an existing one) is refused"

    # Outside the archive every command still writes.
    (cd "$og_tmp" && "$og_br" render q1 -o ok.pdf && "$og_br" schema -o ok.json &&
        "$og_br" init fresh -q && "$og_br" next-quarter q1 nq) > "$og_tmp/out" 2>&1 &&
        [ -s "$og_tmp/ok.pdf" ] && [ -s "$og_tmp/ok.json" ] && [ -f "$og_tmp/nq/report.yaml" ] &&
        pass || { fail "output guard: writing outside the archive was refused"; head -5 "$og_tmp/out"; }
fi

# A binary output never goes to a terminal (script gives it one).
if command -v script > /dev/null 2>&1; then
    for og_cmd in "render $og_tmp/q1 -o -" "issue $og_tmp/p -o -" "export $og_tmp/q1 --format xlsx"; do
        script -qec "$og_br $og_cmd" /dev/null > "$og_tmp/tty" 2>&1
        og_rc=$?
        if [ "$og_rc" -eq 2 ] && grep -q "is binary and standard output is a terminal" "$og_tmp/tty" &&
            ! grep -qa "%PDF" "$og_tmp/tty"; then
            pass
        else
            fail "output guard: '$og_cmd' to a terminal: exit $og_rc (want 2)"
        fi
    done
fi
rm -rf "$og_tmp"
