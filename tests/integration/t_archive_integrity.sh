# t_archive_integrity.sh — sourced by run.sh: the archive's versions are a
# true record.
#
# A re-issue follows the latest version issued (no gap, nothing before a
# later one); each changed figure needs a correction line naming the item
# and what changed (or both values), and issue refuses one that misses a
# change unless --force; a package whose source changed since issue is
# never compared or diffed as if it were the issued paper.
# Names start with ai_ so as not to clash with the other t_*.sh.

ai_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-integrity.XXXXXX")
case $BR in /*) ai_br=$BR ;; *) ai_br=$PWD/$BR ;; esac

# ai_run CMD...: runs boardreport in ai_tmp; $ai_rc, ai_tmp/err.
ai_run() {
    (cd "$ai_tmp" && "$ai_br" "$@") > "$ai_tmp/out" 2> "$ai_tmp/err"
    ai_rc=$?
}

# ai_expect NAME RC WANT...: the last run exited RC, its messages hold each WANT.
ai_expect() {
    ai_name=$1 ai_want=$2
    shift 2
    ai_bad=""
    [ "$ai_rc" -eq "$ai_want" ] || ai_bad="exit $ai_rc, want $ai_want"
    grep -qaE 'AddressSanitizer|runtime error' "$ai_tmp/err" && ai_bad="$ai_bad; sanitizer report"
    for ai_w in "$@"; do
        grep -qaF -- "$ai_w" "$ai_tmp/err" "$ai_tmp/out" || ai_bad="${ai_bad:+$ai_bad; }no '$ai_w'"
    done
    if [ -z "$ai_bad" ]; then pass; else
        fail "archive integrity: $ai_name: $ai_bad"
        head -8 "$ai_tmp/err" | sed 's/^/    | /'
    fi
}

# ai_version DIR N CORRECTION: a copy of the issued quarter p as version N.
ai_version() {
    rm -rf "$ai_tmp/$1"
    cp -r "$ai_tmp/p" "$ai_tmp/$1"
    sed -i "s/^  version: 1 .*/  version: $2\n  corrections: [\"$3\"]/" "$ai_tmp/$1/report.yaml"
}

ai_run init q -q
cp -r "$ai_tmp/q" "$ai_tmp/p"
sed -i 's/^  status: draft/  status: final/' "$ai_tmp/p/report.yaml"
ai_run issue p
ai_expect "issue version 1" 0 "version 1"
ai_pkg=$(cd "$ai_tmp" && ls -d archive/*/*/v1)

# A gap: v3 straight after v1.
ai_version v3 3 "nothing"
ai_run check v3
ai_expect "check of a version gap" 0 "warning: version 3 would leave a gap: the latest in the archive is version 1" "the next is version 2"
ai_run issue v3
ai_expect "issue of a version gap" 1 "error: version 3 would leave a gap" "--force"
[ ! -e "$ai_tmp/${ai_pkg%/v1}/v3" ] && pass || fail "archive integrity: v3 issued over a gap"

# A figure changed under a correction about something else.
ai_version p2 2 "Contacts received: comment reworded."
sed -i 's/2026\/27 Q2: 5750}/2026\/27 Q2: 9999}/' "$ai_tmp/p2/measures.yaml"
ai_run check p2
ai_expect "check: a correction naming the measure for something else" 0 \
    "warning: measure 'Contacts received': 2026/27 Q2 value changed since" "5750 -> 9999"
ai_run issue p2
ai_expect "issue: an unmentioned change is refused" 1 "error: a figure changed since" "--force"
[ ! -e "$ai_tmp/${ai_pkg%/v1}/v2" ] && pass || fail "archive integrity: v2 issued with an unmentioned change"

# A line naming the item and what changed covers it.
ai_version p2 2 "Contacts received: Q2 figure corrected."
sed -i 's/2026\/27 Q2: 5750}/2026\/27 Q2: 9999}/' "$ai_tmp/p2/measures.yaml"
ai_run issue p2
ai_expect "issue: a covering correction" 0 "version 2"

# A version below the latest: v2 again under another folder name is refused.
ai_version v2b 2 "Contacts received: Q2 figure corrected."
sed -i 's/2026\/27 Q2: 5750}/2026\/27 Q2: 1234}/' "$ai_tmp/v2b/measures.yaml"
ai_run issue v2b
ai_expect "issue: version 2 again from other source" 1 "version 2 of this paper was issued"

# --force issues a gap, with the findings as warnings.
ai_version v5 5 "Contacts received: Q2 figure corrected."
sed -i 's/2026\/27 Q2: 5750}/2026\/27 Q2: 9999}/' "$ai_tmp/v5/measures.yaml"
ai_run issue --force v5
ai_expect "issue --force of a gap" 0 "warning: version 5 would leave a gap" "version 5"

# A tampered package is not compared, nor diffed.
chmod -R u+w "$ai_tmp/archive"
sed -i 's/2026\/27 Q2: 92}/2026\/27 Q2: 50}/' "$ai_tmp/$ai_pkg/data/source/report/measures.yaml"
ai_run diff "$ai_pkg" p2
ai_expect "diff against a tampered package" 1 "measures.yaml: error: changed since it was issued" "has changed since it was issued"
grep -q "corrected from 50" "$ai_tmp/out" && fail "archive integrity: diff suggested a correction from tampered source" || pass
ai_v5=${ai_pkg%/v1}/v5
sed -i 's/2026\/27 Q2: 92}/2026\/27 Q2: 50}/' "$ai_tmp/$ai_v5/data/source/report/measures.yaml"
ai_version p6 6 "Contacts received: Q2 figure corrected."
sed -i 's/2026\/27 Q2: 5750}/2026\/27 Q2: 9999}/' "$ai_tmp/p6/measures.yaml"
ai_run check p6
ai_expect "check: the previous version changed" 0 "warning: cannot compare with the previous version"
ai_run issue p6
ai_expect "issue: the previous version changed" 1 "error: cannot compare with the previous version" "has changed since it was issued"
rm -rf "$ai_tmp"

# verify: a package's bag-info.txt, folder and source agree.
ai_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-integrity.XXXXXX")
ai_run init q -q
cp -r "$ai_tmp/q" "$ai_tmp/p"
sed -i 's/^  status: draft/  status: final/' "$ai_tmp/p/report.yaml"
ai_run issue p
ai_pkg=$(cd "$ai_tmp" && ls -d archive/*/*/v1)
ai_paper=${ai_pkg%/v1}
chmod -R u+w "$ai_tmp/archive"
cp -a "$ai_tmp/$ai_pkg" "$ai_tmp/$ai_paper/v5"
ln -s v1 "$ai_tmp/$ai_paper/v2"
ai_run verify
ai_expect "verify: a copied and a linked package" 1 "v5: error: is named 'v5' but its bag-info.txt says version 1" \
    "v2: error: is a symbolic link to another package" "3 packages in archive: 1 verified, 2 failed"
rm -rf "$ai_tmp/$ai_paper/v5" "$ai_tmp/$ai_paper/v2"
# bag-info.txt edited and its tag-manifest line recomputed: the checksums hold.
ai_bag=$ai_tmp/$ai_pkg/bag-info.txt
sed -i 's/^Report-Title: .*/Report-Title: Totally Different/' "$ai_bag"
printf 'Correction: invented\n' >> "$ai_bag"
ai_sum=$(sha256sum "$ai_bag" | cut -d' ' -f1)
sed -i "s/^[0-9a-f]*  bag-info.txt/$ai_sum  bag-info.txt/" "$ai_tmp/$ai_pkg/tagmanifest-sha256.txt"
ai_run verify
ai_expect "verify: an edited bag-info.txt" 1 "error: Report-Title is 'Totally Different', but the paper's source says 'Quarterly Performance Report'" \
    "error: Correction 1 is 'invented'"
rm -rf "$ai_tmp"
