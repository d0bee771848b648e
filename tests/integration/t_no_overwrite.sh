# t_no_overwrite.sh — sourced by run.sh: the commands that create a quarter
# (init, next-quarter) write only new files, never over a file or through
# a symbolic link, and never touch last quarter; the archive commands
# (log, verify) refuse a FIFO at once instead of blocking forever; issue
# leaves no staging folder behind when killed or over a file-size limit.

tno=$(mktemp -d "${TMPDIR:-/tmp}/br-noover.XXXXXX")
# A command that must finish: a hang is a failure, not a stuck test run.
tno_run() { timeout 20 "$@"; }

# ---- init ----
mkdir -p "$tno/i1" "$tno/other"
echo "my measures" >"$tno/i1/measures.yaml"
"$BR" init "$tno/i1" >/dev/null 2>"$tno/err"
[ $? -eq 1 ] && [ "$(cat "$tno/i1/measures.yaml")" = "my measures" ] && [ ! -e "$tno/i1/report.yaml" ] &&
    grep -q "i1/measures.yaml: error: already exists" "$tno/err" && pass ||
    fail "init: an existing measures.yaml was overwritten, or init wrote something, or did not name it"
mkdir -p "$tno/i2"
echo "last quarter" >"$tno/other/measures.yaml"
ln -s "$tno/other/measures.yaml" "$tno/i2/measures.yaml"
"$BR" init "$tno/i2" >/dev/null 2>"$tno/err"
[ $? -eq 1 ] && [ "$(cat "$tno/other/measures.yaml")" = "last quarter" ] && [ ! -e "$tno/i2/report.yaml" ] && pass ||
    fail "init: wrote through a symbolic link into another quarter"
mkdir -p "$tno/i3"
ln -s "$tno/outside.yaml" "$tno/i3/report.yaml"
"$BR" init "$tno/i3" >/dev/null 2>"$tno/err"
[ $? -eq 1 ] && [ ! -e "$tno/outside.yaml" ] && [ ! -e "$tno/i3/measures.yaml" ] && pass ||
    fail "init: followed a dangling symbolic link and created a file outside DIR"
"$BR" init "$tno/i4" >/dev/null 2>"$tno/err" && [ -f "$tno/i4/report.yaml" ] && [ -f "$tno/i4/measures.yaml" ] &&
    "$BR" check "$tno/i4" >/dev/null 2>&1 && pass || fail "init: a new folder was not created"

# ---- next-quarter ----
tno_from=$tno/from
cp -r tests/good/minimal "$tno_from"
tno_sum() { (cd "$tno_from" && find . -type f | sort | xargs cat | cksum; find . | sort | cksum); }
tno_before=$(tno_sum)
tno_same() { [ "$(tno_sum)" = "$tno_before" ]; }
mkdir "$tno/to1"
echo "keep me" >"$tno/to1/notes.txt"
"$BR" next-quarter "$tno_from" "$tno/to1" >/dev/null 2>"$tno/err"
[ $? -eq 1 ] && [ "$(cat "$tno/to1/notes.txt")" = "keep me" ] && [ ! -e "$tno/to1/report.yaml" ] &&
    grep -q "to1: error: is not empty" "$tno/err" && tno_same && pass ||
    fail "next-quarter: a TO holding files was written into"
mkdir "$tno/to2"
ln -s "$tno_from/measures.yaml" "$tno/to2/measures.yaml"
"$BR" next-quarter "$tno_from" "$tno/to2" >/dev/null 2>&1
[ $? -eq 1 ] && tno_same && pass || fail "next-quarter: wrote through TO/measures.yaml -> FROM/measures.yaml"
mkdir "$tno/to3"
ln -s "$tno_from" "$tno/to3/data"
ln -s "$tno_from/report.yaml" "$tno/to3/report.yaml"
"$BR" next-quarter "$tno_from" "$tno/to3" >/dev/null 2>&1
[ $? -eq 1 ] && tno_same && pass || fail "next-quarter: wrote through a folder link into FROM"
ln -s "$tno_from" "$tno/to4"
"$BR" next-quarter "$tno_from" "$tno/to4" >/dev/null 2>&1
[ $? -eq 1 ] && tno_same && pass || fail "next-quarter: TO, a link to FROM, was written into"
"$BR" next-quarter "$tno_from" "$tno_from" >/dev/null 2>&1
[ $? -eq 1 ] && tno_same && pass || fail "next-quarter: TO = FROM was written into"
mkdir "$tno/to5"
"$BR" next-quarter "$tno_from" "$tno/to5" >/dev/null 2>"$tno/err" && [ -f "$tno/to5/report.yaml" ] && tno_same &&
    pass || { fail "next-quarter: an empty TO folder was refused, or FROM changed"; sed 's/^/    | /' "$tno/err"; }
"$BR" next-quarter "$tno_from" "$tno/to6/deeper" >/dev/null 2>&1 && [ -f "$tno/to6/deeper/report.yaml" ] && tno_same &&
    pass || fail "next-quarter: a new TO was not created"

# ---- archive: a FIFO anywhere is an error at once ----
if command -v mkfifo >/dev/null 2>&1; then
    tno_arc=$tno/arc
    cp -r examples/scorecard-2015-12 "$tno/sq"
    "$BR" issue -q -a "$tno_arc" "$tno/sq" >/dev/null 2>&1
    tno_pkg=$(ls -d "$tno_arc"/*/*/v1 2>/dev/null | head -1)
    if [ -n "$tno_pkg" ]; then
        chmod -R u+w "$tno_pkg"
        cp -rp "$tno_pkg" "$tno/pkg.bak"
        # bag-info.txt a FIFO: log and verify
        rm "$tno_pkg/bag-info.txt" && mkfifo "$tno_pkg/bag-info.txt"
        tno_run "$BR" log -a "$tno_arc" >/dev/null 2>"$tno/err"; tno_rc=$?
        [ $tno_rc -ne 124 ] && pass || fail "log: hangs on a FIFO bag-info.txt"
        tno_run "$BR" verify -a "$tno_arc" >/dev/null 2>"$tno/err"; tno_rc=$?
        [ $tno_rc -eq 1 ] && grep -q "bag-info.txt.*not a regular file" "$tno/err" && pass ||
            fail "verify: a FIFO bag-info.txt (exit $tno_rc) not reported as not a regular file"
        rm "$tno_pkg/bag-info.txt" && cp "$tno/pkg.bak/bag-info.txt" "$tno_pkg/bag-info.txt"
        # a payload file a FIFO
        tno_src=$(find "$tno_pkg/data/source" -name measures.yaml | head -1)
        rm "$tno_src" && mkfifo "$tno_src"
        tno_run "$BR" verify -a "$tno_arc" >/dev/null 2>"$tno/err"; tno_rc=$?
        [ $tno_rc -eq 1 ] && grep -q "$(basename "$tno_src").*not a regular file" "$tno/err" && pass ||
            fail "verify: a FIFO payload file (exit $tno_rc) not reported at once"
        tno_run "$BR" log -a "$tno_arc" >/dev/null 2>&1
        [ $? -ne 124 ] && pass || fail "log: hangs on a FIFO payload file"
        # verify ARCH FIFO
        mkfifo "$tno/paper.pdf"
        tno_run "$BR" verify -a "$tno_arc" "$tno/paper.pdf" >/dev/null 2>"$tno/err"; tno_rc=$?
        [ $tno_rc -eq 1 ] && grep -q "paper.pdf: error: .*not a regular file" "$tno/err" && pass ||
            fail "verify ARCH FIFO: exit $tno_rc, not reported at once"
    else
        fail "no-overwrite: issue made no package to test with"
    fi
fi
# ---- issue: its staging folder never outlives it ----
# A file-size limit: "file too large", exit 1, no staging folder left.
cp -r examples/scorecard-2015-12 "$tno/fsz"
(ulimit -f 200; "$BR" issue -a "$tno/arc-fsz" "$tno/fsz" >/dev/null 2>"$tno/err"); tno_rc=$?
[ $tno_rc -eq 1 ] && grep -qi "file too large" "$tno/err" && [ ! -d "$tno/arc-fsz/2015-12" -o -z "$(find "$tno/arc-fsz" -name '.v*')" ] &&
    pass || fail "issue under ulimit -f: exit $tno_rc (want 1, 'file too large'), or a staging folder left"
# SIGTERM and SIGINT while the package is being staged remove it.
if [ -x build/bench/gen ]; then
    build/bench/gen --measures 3000 --seed 1 "$tno/big" >/dev/null 2>&1
fi
if [ -f "$tno/big/report.yaml" ]; then
    for tno_sig in TERM INT; do
        tno_a=$tno/arc-$tno_sig
        "$BR" issue -a "$tno_a" "$tno/big" >/dev/null 2>&1 &
        tno_pid=$!
        tno_i=0
        while [ $tno_i -lt 1200 ] && [ -z "$(find "$tno_a" -name '.v1.tmp-*' 2>/dev/null)" ]; do
            sleep 0.05
            tno_i=$((tno_i + 1))
        done
        kill -s $tno_sig $tno_pid 2>/dev/null
        wait $tno_pid
        tno_rc=$?
        [ $tno_rc -gt 128 ] && [ -z "$(find "$tno_a" -name '.v*' 2>/dev/null)" ] && [ ! -e "$tno_a"/*/*/v1 ] && pass ||
            fail "issue killed by SIG$tno_sig (exit $tno_rc) left its staging folder: $(find "$tno_a" -name '.v*')"
    done
fi
# A folder a killed run (SIGKILL) left: removed by the next issue when its
# process is gone, never counted by verify.
tno_dead=999999
while kill -0 $tno_dead 2>/dev/null; do tno_dead=$((tno_dead + 1)); done
cp -r examples/scorecard-2015-12 "$tno/st"
tno_a=$tno/arc-stale
tno_rd=$tno_a/2015-12/corporate-scorecard-for-month-dec-15
mkdir -p "$tno_rd/.v1.tmp-$tno_dead-abcdef/data" "$tno_rd/.v1.tmp-oldform"
echo half >"$tno_rd/.v1.tmp-$tno_dead-abcdef/data/x.pdf"
"$BR" issue -q -a "$tno_a" "$tno/st" >/dev/null 2>&1 && [ ! -e "$tno_rd/.v1.tmp-$tno_dead-abcdef" ] &&
    [ -d "$tno_rd/v1" ] && pass || fail "issue: a stale staging folder of a dead run was not removed"
"$BR" verify -a "$tno_a" >"$tno/out" 2>&1
[ $? -eq 0 ] && grep -q "^1 package in" "$tno/out" && pass ||
    { fail "verify: counted a staging folder as a package"; sed 's/^/    | /' "$tno/out"; }

chmod -R u+w "$tno" 2>/dev/null
rm -rf "$tno"
