# t_output_safety.sh — sourced by run.sh: where output may and may not go.
#
# Nothing a run reads is ever replaced by its output (compared by device and
# inode, so a hard link or a "./" spelling is caught too); an existing
# target that is not a regular file is refused; a symbolic link is followed
# and the file it points to replaced; "-o -" writes to standard output; a
# temporary file never outlives the run (signals, a file-size limit, a name
# at NAME_MAX); every command exits 1 when standard output cannot be written.
# Names start with os_ so as not to clash with the other t_*.sh.

os_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-outsafe.XXXXXX")
os_q=$os_tmp/q
case $BR in /*) os_br=$BR ;; *) os_br=$PWD/$BR ;; esac
cp -r tests/good/minimal "$os_q"

# os_expect NAME RC WANT...: judges the last run ($os_rc, $os_tmp/err).
os_expect() {
    os_name=$1 os_want_rc=$2
    shift 2
    os_bad=""
    [ "$os_rc" -eq "$os_want_rc" ] || os_bad="exit $os_rc, want $os_want_rc"
    if grep -qaE 'AddressSanitizer|LeakSanitizer|runtime error' "$os_tmp/err"; then
        os_bad="${os_bad:+$os_bad; }sanitizer report"
    fi
    for os_w in "$@"; do
        grep -qaF -- "$os_w" "$os_tmp/err" || os_bad="${os_bad:+$os_bad; }no '$os_w'"
    done
    if [ -z "$os_bad" ]; then
        pass
    else
        fail "output safety: $os_name: $os_bad"
        head -12 "$os_tmp/err" | sed 's/^/    | /'
    fi
}

# os_same NAME FILE COPY: FILE is still byte for byte COPY.
os_same() {
    if cmp -s "$2" "$3"; then pass; else fail "output safety: $1: $2 was changed"; fi
}

# No temporary file is left in folder $2.
os_no_tmp() {
    os_left=$(ls -A "$2" | grep -E '\.tmp|^\.br-' || true)
    if [ -z "$os_left" ]; then pass; else fail "output safety: $1: left behind: $os_left"; fi
}

cp -r "$os_q" "$os_tmp/orig"

# -- the run's own inputs are never the output --
for os_in in report.yaml measures.yaml finance.yaml; do
    "$BR" render "$os_q" -o "$os_q/$os_in" >/dev/null 2>"$os_tmp/err"
    os_rc=$?
    os_expect "render -o $os_in" 1 "is one of the files this run reads"
    os_same "render -o $os_in" "$os_q/$os_in" "$os_tmp/orig/$os_in"
done
(cd "$os_q" && "$os_br" export . --format json -o ./report.yaml) >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "export -o ./report.yaml" 1 "is one of the files this run reads"
os_same "export -o ./report.yaml" "$os_q/report.yaml" "$os_tmp/orig/report.yaml"
ln "$os_q/measures.yaml" "$os_tmp/hardlink.yaml"
"$BR" export "$os_q" --format csv -o "$os_tmp/hardlink.yaml" >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "export -o a hard link to an input" 1 "is one of the files this run reads"
os_same "export -o a hard link to an input" "$os_q/measures.yaml" "$os_tmp/orig/measures.yaml"
rm -f "$os_tmp/hardlink.yaml"
rm -rf "$os_q"
cp -r "$os_tmp/orig" "$os_q"   # a failure above must not spoil the cases below

# The template and its fonts are read too.
os_t=$os_tmp/t
mkdir -p "$os_t/fonts"
cp -r tests/good/minimal/. "$os_t/"
cp fonts/*.ttf "$os_t/fonts/"
sed 's/^  template: cabinet/  template: house.yaml/' tests/good/minimal/report.yaml >"$os_t/report.yaml"
printf 'name: house\nfonts: {dir: fonts}\n' >"$os_t/house.yaml"
cp -r "$os_t" "$os_tmp/t-orig"
for os_in in house.yaml fonts/LiberationSans-Regular.ttf; do
    "$BR" render "$os_t" -o "$os_t/$os_in" >/dev/null 2>"$os_tmp/err"
    os_rc=$?
    os_expect "render -o $os_in (template, font)" 1 "is one of the files this run reads"
    os_same "render -o $os_in" "$os_t/$os_in" "$os_tmp/t-orig/$os_in"
done

# -- targets that are not regular files --
"$BR" render "$os_q" -o /dev/null >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o /dev/null" 1 "is not a regular file"
if [ -c /dev/null ]; then pass; else fail "output safety: /dev/null is no longer a device"; fi
if [ "$(id -u)" = 0 ] && mknod "$os_tmp/node" c 1 3 2>/dev/null; then
    "$BR" export "$os_q" --format json -o "$os_tmp/node" >/dev/null 2>"$os_tmp/err"
    os_rc=$?
    os_expect "export -o a device node" 1 "is not a regular file"
    if [ -c "$os_tmp/node" ]; then pass; else fail "output safety: the device node was replaced"; fi
fi
mkfifo "$os_tmp/fifo"
"$BR" render "$os_q" -o "$os_tmp/fifo" >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o a FIFO" 1 "is not a regular file"
# /dev/stdout is standard output, as "-" is: onto a pipe, and onto a file
# the shell opened (the file is written, not replaced by a new one).
{ "$BR" render "$os_q" -o /dev/stdout 2>"$os_tmp/err"; echo $? >"$os_tmp/rc"; } | cat >"$os_tmp/piped.pdf"
os_rc=$(cat "$os_tmp/rc")
os_expect "render -o /dev/stdout onto a pipe" 0
if head -c 5 "$os_tmp/piped.pdf" | grep -q '%PDF-'; then pass; else fail "output safety: -o /dev/stdout wrote no PDF to the pipe"; fi
echo old >"$os_tmp/redirected.pdf"
os_inode=$(ls -i "$os_tmp/redirected.pdf" | cut -d' ' -f1)
"$BR" render "$os_q" -o /dev/stdout >>"$os_tmp/redirected.pdf" 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o /dev/stdout onto a file" 0
if [ "$(ls -i "$os_tmp/redirected.pdf" | cut -d' ' -f1)" = "$os_inode" ] &&
   head -c 4 "$os_tmp/redirected.pdf" | grep -q old && grep -qa '%PDF-' "$os_tmp/redirected.pdf"; then
    pass
else
    fail "output safety: -o /dev/stdout onto a file replaced the file instead of writing to it"
fi

# -- a symbolic link is followed; the link stays --
"$BR" render "$os_q" -o "$os_tmp/real.pdf" >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o real.pdf" 0
ln -s real.pdf "$os_tmp/link.pdf"
echo old >"$os_tmp/real.pdf"
"$BR" render "$os_q" -o "$os_tmp/link.pdf" >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o a symbolic link" 0
if [ -L "$os_tmp/link.pdf" ] && head -c 5 "$os_tmp/real.pdf" | grep -q '%PDF-'; then
    pass
else
    fail "output safety: render -o a symbolic link: the link was replaced, or its file was not"
fi
os_no_tmp "render -o a symbolic link" "$os_tmp"
# A link to a file not there yet: the file is made where it points, as the
# shell's '>' does; a loop of links is an error.
ln -s new.pdf "$os_tmp/dangling.pdf"
"$BR" render "$os_q" -o "$os_tmp/dangling.pdf" >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o a dangling symbolic link" 0
if [ -L "$os_tmp/dangling.pdf" ] && head -c 5 "$os_tmp/new.pdf" | grep -q '%PDF-'; then
    pass
else
    fail "output safety: render -o a dangling link did not create the file it points to"
fi
ln -s loop-b "$os_tmp/loop-a"
ln -s loop-a "$os_tmp/loop-b"
"$BR" render "$os_q" -o "$os_tmp/loop-a" >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o a loop of links" 1 "cannot be followed"

# -- "-o -" is standard output --
"$BR" render "$os_q" -o - >"$os_tmp/stdout.pdf" 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o -" 0
if cmp -s "$os_tmp/stdout.pdf" "$os_tmp/real.pdf"; then
    pass
else
    fail "output safety: render -o - did not write the same PDF to standard output"
fi
if [ ! -e ./- ] && [ ! -e "$os_q/-" ]; then pass; else fail "output safety: -o - made a file named '-'"; fi

# -- a long name: the temporary name stays within NAME_MAX --
os_long=$(printf '%0243d' 0 | tr 0 a).pdf
"$BR" render "$os_q" -o "$os_tmp/$os_long" >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "render -o a 247-character name" 0
if [ -s "$os_tmp/$os_long" ]; then pass; else fail "output safety: no 247-character PDF"; fi
os_no_tmp "render -o a 247-character name" "$os_tmp"
rm -f "$os_tmp/$os_long"

# -- a folder that cannot take the temporary file is named --
"$BR" export "$os_q" --format json -o "$os_tmp/no-such-folder/out.json" >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "export -o into a missing folder" 1 "$os_tmp/no-such-folder"

# -- a file-size limit: "file too large", no temporary file, the old file kept --
mkdir "$os_tmp/fsz"
echo keep >"$os_tmp/fsz/out.pdf"
(ulimit -f 8; exec "$BR" render "$os_q" -o "$os_tmp/fsz/out.pdf") >/dev/null 2>"$os_tmp/err"
os_rc=$?
os_expect "render under ulimit -f 8" 1 "file too large"
os_no_tmp "render under ulimit -f 8" "$os_tmp/fsz"
if [ "$(cat "$os_tmp/fsz/out.pdf")" = keep ]; then pass; else fail "output safety: ulimit -f: old file replaced"; fi

# -- a signal during the write removes the temporary file --
# A report big enough that composing and painting take a while: the
# temporary file exists from before composing until the rename.
if [ -x build/bench/gen ]; then
    build/bench/gen --measures 3000 --seed 1 "$os_tmp/big" >/dev/null 2>&1
fi
if [ -f "$os_tmp/big/report.yaml" ]; then
    for os_sig in TERM INT HUP; do
        mkdir -p "$os_tmp/sig-$os_sig"
        "$BR" render "$os_tmp/big" -o "$os_tmp/sig-$os_sig/out.pdf" >/dev/null 2>&1 &
        os_pid=$!
        os_i=0
        while [ $os_i -lt 600 ] && [ -z "$(ls -A "$os_tmp/sig-$os_sig")" ]; do
            sleep 0.05
            os_i=$((os_i + 1))
        done
        kill -s $os_sig $os_pid 2>/dev/null
        wait $os_pid
        os_rc=$?
        if [ -z "$(ls -A "$os_tmp/sig-$os_sig")" ] && [ $os_rc -ne 0 ]; then
            pass
        else
            fail "output safety: SIG$os_sig during render (exit $os_rc) left: $(ls -A "$os_tmp/sig-$os_sig")"
        fi
    done
else
    fail "output safety: build/bench/gen made no report for the signal test"
fi

# -- out of memory: exit 1 with a message, never abort (134), nothing left --
# Address space limits do not work under AddressSanitizer, so this uses the
# plain build ($BR_PLAIN); memory runs out at a different stage for each limit.
os_plain=${BR_PLAIN:-build/boardreport}
if [ -x "$os_plain" ] && [ -f "$os_tmp/big/report.yaml" ]; then
    os_oom=0
    for os_kb in 30000 35000 40000 45000 50000 55000 60000; do
        mkdir -p "$os_tmp/oom"
        (ulimit -v $os_kb; exec "$os_plain" render "$os_tmp/big" -o "$os_tmp/oom/out.pdf") \
            >/dev/null 2>"$os_tmp/err"
        os_rc=$?
        grep -q "out of memory" "$os_tmp/err" && os_oom=$((os_oom + 1))
        if { [ $os_rc -eq 0 ] && [ -s "$os_tmp/oom/out.pdf" ]; } ||
            { [ $os_rc -eq 1 ] && [ -z "$(ls -A "$os_tmp/oom")" ]; }; then
            pass
        else
            fail "output safety: render under ulimit -v $os_kb: exit $os_rc, left: $(ls -A "$os_tmp/oom")"
            grep -v warning "$os_tmp/err" | head -5 | sed 's/^/    | /'
        fi
        rm -rf "$os_tmp/oom"
    done
    if [ $os_oom -gt 0 ]; then pass; else fail "output safety: no limit ran out of memory"; fi
else
    fail "output safety: no $os_plain or no big report for the out-of-memory test"
fi

# -- standard output that cannot be written --
if [ -w /dev/full ]; then
    "$BR" export "$os_q" --format json >/dev/full 2>"$os_tmp/err"
    os_rc=$?
    os_expect "export > /dev/full" 1 "cannot write to standard output"
    "$BR" export "$os_q" --format csv >/dev/full 2>"$os_tmp/err"
    os_rc=$?
    os_expect "export csv > /dev/full" 1 "cannot write to standard output"
    "$BR" check "$os_q" >/dev/full 2>"$os_tmp/err"
    os_rc=$?
    os_expect "check > /dev/full" 1 "cannot write to standard output"
    "$BR" render "$os_q" -o - >/dev/full 2>"$os_tmp/err"
    os_rc=$?
    os_expect "render -o - > /dev/full" 1 "cannot write to standard output"
    "$BR" render --help >/dev/full 2>"$os_tmp/err"
    os_rc=$?
    os_expect "render --help > /dev/full" 1 "cannot write to standard output"
    "$BR" schema >/dev/full 2>"$os_tmp/err"
    os_rc=$?
    os_expect "schema > /dev/full" 1 "cannot write to standard output"
    if grep -q "cannot read" "$os_tmp/err"; then fail "output safety: schema > /dev/full blames reading"; else pass; fi
fi

# -Werror: a warning fails the run, and a failed run writes nothing — the
# last good file stays, and no paper is issued.
os_w=$os_tmp/warned
cp -r tests/good/minimal "$os_w"
printf 'finance:\n  - {id: f, title: F, rows: [{label: A, budget: 100, forecast: 90, variance: 999}]}\n' \
    >"$os_w/more.yaml"
sed -i 's/^include: \[\(.*\)\]/include: [\1, more.yaml]/' "$os_w/report.yaml"
for os_cmd in render export; do
    echo "last good" >"$os_tmp/good.out"
    if [ $os_cmd = export ]; then os_fmt="--format json"; else os_fmt=""; fi
    "$BR" $os_cmd -Werror "$os_w" -o "$os_tmp/good.out" $os_fmt >/dev/null 2>"$os_tmp/err"
    os_rc=$?
    if [ $os_rc -eq 1 ] && grep -q "\[-Werror\]" "$os_tmp/err" && [ "$(cat "$os_tmp/good.out")" = "last good" ]; then pass
    else fail "output safety: $os_cmd -Werror with a warning replaced the file (exit $os_rc)"; fi
done
"$BR" issue -Werror "$os_w" --archive "$os_tmp/arch" >/dev/null 2>&1
os_rc=$?
if [ $os_rc -eq 1 ] && [ -z "$(find "$os_tmp/arch" -name '*.pdf' 2>/dev/null)" ]; then pass
else fail "output safety: issue -Werror with a warning issued the paper (exit $os_rc)"; fi

rm -rf "$os_tmp"
