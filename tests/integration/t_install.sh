# t_install.sh — sourced by run.sh: `make install` with PREFIX, and with
# DESTDIR, gives a binary that finds its templates, fonts, schema and
# starter quarter when run from another folder, a man page that `man`
# reads, and bash completion; the compiled-in folder follows PREFIX.

ti_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-install.XXXXXX")
ti_top=$(pwd)

# ti_works PREFIX_ON_DISK: the installed binary renders an example from
# another folder, and its data is where the man page says.
ti_works() {
    ti_bin=$1/bin/boardreport
    if ! (cd "$ti_tmp" && env -u BOARDREPORT_TEMPLATES "$ti_bin" render \
            "$ti_top/examples/scorecard-2015-12" -o "$ti_tmp/out.pdf" >/dev/null 2>"$ti_tmp/err"); then
        fail "install: $ti_bin cannot render from another folder"
        sed 's/^/    | /' "$ti_tmp/err"
        return
    fi
    pass
    for f in share/boardreport/templates/cabinet.yaml share/boardreport/fonts/LiberationSans-Regular.ttf \
             share/boardreport/schema/boardreport.schema.json share/boardreport/starter/report.yaml \
             share/boardreport/doc/quickstart.md share/bash-completion/completions/boardreport; do
        [ -f "$1/$f" ] || { fail "install: $1/$f missing"; return; }
    done
    pass
    if ! MANPATH="$1/share/man" man -P cat boardreport 2>/dev/null | grep -q "BOARDREPORT_TEMPLATES"; then
        fail "install: man boardreport (MANPATH=$1/share/man) does not show the page"
        return
    fi
    if grep -q '@DATADIR@\|@VERSION@' "$1/share/man/man1/boardreport.1"; then
        fail "install: the man page kept a placeholder"
        return
    fi
    pass
    (cd "$ti_tmp" && "$ti_bin" init "$ti_tmp/q" >/dev/null 2>"$ti_tmp/err" &&
        "$ti_bin" check "$ti_tmp/q" >/dev/null 2>>"$ti_tmp/err") \
        && pass || { fail "install: init then check with $ti_bin"; sed 's/^/    | /' "$ti_tmp/err"; }
    rm -rf "$ti_tmp/q"
}

if ${MAKE:-make} --no-print-directory -s install PREFIX="$ti_tmp/prefix" >"$ti_tmp/log" 2>&1; then
    ti_works "$ti_tmp/prefix"
    # The compiled-in folder is the PREFIX's: found even when the binary is copied away.
    cp "$ti_tmp/prefix/bin/boardreport" "$ti_tmp/copied"
    (cd "$ti_tmp" && ./copied check "$ti_top/examples/scorecard-2015-12" >/dev/null 2>&1) \
        && pass || fail "install: a copied binary does not find the compiled-in $ti_tmp/prefix data"
else
    fail "install: make install PREFIX=$ti_tmp/prefix"
    sed 's/^/    | /' "$ti_tmp/log"
fi

if ${MAKE:-make} --no-print-directory -s install PREFIX=/opt/boardreport DESTDIR="$ti_tmp/dest" \
        >"$ti_tmp/log" 2>&1; then
    ti_works "$ti_tmp/dest/opt/boardreport"
else
    fail "install: make install DESTDIR=$ti_tmp/dest"
    sed 's/^/    | /' "$ti_tmp/log"
fi
# Leave the build tree's binary compiled for the default PREFIX again.
${MAKE:-make} --no-print-directory -s all >/dev/null 2>&1

# A packager's CPPFLAGS and LDFLAGS reach every compile and the link.
ti_cmds=$(${MAKE:-make} --no-print-directory -n -B NO_DEPS=1 CPPFLAGS=-DBR_PACKAGER_TEST \
          LDFLAGS=-Wl,--as-needed build/boardreport 2>/dev/null)
ti_cc=$(printf '%s\n' "$ti_cmds" | grep -c ' -c ')
ti_cpp=$(printf '%s\n' "$ti_cmds" | grep ' -c ' | grep -c 'BR_PACKAGER_TEST')
if [ "$ti_cc" -gt 0 ] && [ "$ti_cc" -eq "$ti_cpp" ] &&
   printf '%s\n' "$ti_cmds" | grep ' -o build/boardreport ' | grep -q -- '-Wl,--as-needed'; then
    pass
else
    fail "install: CPPFLAGS ($ti_cpp of $ti_cc compiles) or LDFLAGS (the link) not honoured"
fi

rm -rf "$ti_tmp"
