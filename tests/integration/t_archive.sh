# t_archive.sh — issue, re-issue, verify, diff and log on a copy of the
# cabinet example; sourced by run.sh (uses $BR, pass and fail; names here
# start with ta_).  Packages are judged by tests/tools/bagit_validate.py, an
# independent BagIt 1.0 check (RFC 8493 §2.1.3 and §3) sharing no code with
# boardreport.

ta_tmp=$(mktemp -d "${TMPDIR:-/tmp}/br-archive.XXXXXX")
ta_arc=$ta_tmp/archive
ta_q=$ta_tmp/q2
cp -r examples/cabinet-2019-20-q2 "$ta_q"
ta_v1=$ta_arc/2019-20-Q2/performance-challenge-of-doncaster-children-s-services-trust/v1
ta_v2=${ta_v1%/v1}/v2

ta_expect() {   # what, expected status, actual status
    if [ "$2" = "$3" ]; then pass; else fail "archive: $1: exit $3, expected $2"; fi
}
ta_has() {      # what, file, fixed text
    if grep -qF -- "$3" "$2"; then pass; else fail "archive: $1: no '$3' in:"; sed 's/^/    | /' "$2"; fi
}
ta_state() {    # every file of the archive with its digest and mode
    (cd "$ta_arc" 2>/dev/null && find . -type f | LC_ALL=C sort | while read -r f; do
        printf '%s %s\n' "$(stat -c %a "$f")" "$(sha256sum < "$f")"; done)
}
ta_valid() {    # what, package
    if python3 tests/tools/bagit_validate.py "$2" > "$ta_tmp/bag.out" 2>&1; then pass
    else fail "archive: $1: not a valid bag"; sed 's/^/    | /' "$ta_tmp/bag.out"; fi
}

# v1 is issued as a valid, read-only BagIt package holding its sources.
$BR issue "$ta_q" --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "issue v1" 0 $?
ta_valid "v1" "$ta_v1"
for ta_f in bag-info.txt data/source/report/report.yaml data/source/report/measures.yaml \
            data/source/report/finance.yaml data/source/template/cabinet.yaml \
            data/source/fonts/LiberationSans-Regular.ttf \
            data/performance-challenge-of-doncaster-children-s-services-trust-2019-20-q2.pdf; do
    if [ -f "$ta_v1/$ta_f" ] && [ "$(stat -c %a "$ta_v1/$ta_f")" = 444 ]; then pass
    else fail "archive: v1 lacks $ta_f, or it is not read-only"; fi
done
for ta_l in "Report-Title: Performance Challenge of Doncaster Children's Services Trust" \
            "Source-Organization: Doncaster Council" "Report-Period: 2019/20 Q2" \
            "Report-Version: 1" "Bag-Software-Agent: boardreport" "Issue-Date: " \
            "PDF-SHA256: $(cat "$ta_v1"/data/*.pdf | sha256sum | cut -c1-64)" "Source-SHA256: "; do
    ta_has "bag-info.txt" "$ta_v1/bag-info.txt" "$ta_l"
done

# The same source again: nothing changes, exit 0.  BOARDREPORT_ARCHIVE names the archive.
ta_before=$(ta_state)
BOARDREPORT_ARCHIVE=$ta_arc $BR issue "$ta_q" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "issue v1 again" 0 $?
ta_has "issue v1 again" "$ta_tmp/out" "already issued"
[ "$(ta_state)" = "$ta_before" ] && pass || fail "archive: issuing v1 again changed the archive"

# A tidy of the YAML after issue (a comment, a key moved) that prints the
# same paper is no new version: exit 0, archive unchanged, the issued
# source kept (verify still rebuilds the issued PDF from it).
cp "$ta_q/report.yaml" "$ta_tmp/report.yaml.issued"
sed -i '1i # tidied after issue: comments only' "$ta_q/report.yaml"
$BR issue "$ta_q" --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "issue v1 after a YAML-only tidy" 0 $?
ta_has "issue v1 after a YAML-only tidy" "$ta_tmp/out" "prints it word for word"
[ "$(ta_state)" = "$ta_before" ] && pass || fail "archive: a YAML-only tidy changed the archive"
$BR verify --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify after a YAML-only tidy" 0 $?
cp "$ta_tmp/report.yaml.issued" "$ta_q/report.yaml"

# A changed figure issued as v1 again: refused, archive unchanged.
sed -i '/id: assess-45-days/,/comment:/ s|2019/20 Q2: 91|2019/20 Q2: 93|' "$ta_q/measures.yaml"
$BR issue "$ta_q" --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "changed v1" 1 $?
ta_has "changed v1" "$ta_tmp/err" "raise 'version:' to 2 and add 'corrections:'"
[ "$(ta_state)" = "$ta_before" ] && pass || fail "archive: a refused issue changed the archive"

# v2 with corrections is issued beside v1.
sed -i 's/^  version: 1$/  version: 2\n  corrections:\n    - "Assessments completed within 45 days: Q2 was 91, corrected to 93."/' "$ta_q/report.yaml"
$BR issue "$ta_q" --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "issue v2" 0 $?
ta_valid "v2" "$ta_v2"
ta_has "v2 bag-info" "$ta_v2/bag-info.txt" "Correction: Assessments completed within 45 days: Q2 was 91"

# diff of the two packages names the measure and both values, and suggests a correction.
$BR diff "$ta_v1" "$ta_v2" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "diff v1 v2" 0 $?
ta_has "diff v1 v2" "$ta_tmp/out" "measure assess-45-days: Assessments completed within <45 days"
ta_has "diff v1 v2" "$ta_tmp/out" "2019/20 Q2 value: 91 -> 93"
ta_has "diff v1 v2" "$ta_tmp/out" '- "Assessments completed within <45 days: 2019/20 Q2 value corrected from 91 to 93."'
$BR diff "$ta_v1" "$ta_q" --format json > "$ta_tmp/diff.json" 2> "$ta_tmp/err" &&
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=[x for x in d["changes"] if x["id"] == "assess-45-days" and x["field"] == "2019/20 Q2 value"]; sys.exit(not (len(c) == 1 and c[0]["old"] == "91" and c[0]["new"] == "93" and d["suggested_corrections"]))' "$ta_tmp/diff.json" &&
    pass || fail "archive: diff --format json"

# A changed figure under version 1 after v2 is out: the next version is 3
# (after the latest issued), and diff is pointed at v2.
cp -r "$ta_q" "$ta_tmp/q2back"
sed -i '/^  version: 2$/,/Q2 was 91/ d' "$ta_tmp/q2back/report.yaml"
sed -i 's/^\(  period: .*\)$/\1\n  version: 1/' "$ta_tmp/q2back/report.yaml"
$BR issue "$ta_tmp/q2back" --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "changed v1 after v2" 1 $?
ta_has "changed v1 after v2" "$ta_tmp/err" "raise 'version:' to 3 and add 'corrections:'"
ta_has "changed v1 after v2" "$ta_tmp/err" "boardreport diff $ta_v2 "

# A re-issue warns about a changed figure no correction mentions.
cp -r "$ta_q" "$ta_tmp/q2v3"
sed -i 's/^  version: 2$/  version: 3/' "$ta_tmp/q2v3/report.yaml"
sed -i '/id: cin-plan/,/^  - id:/ s|^\(      2019/20 Q2: \)\(.*\)$|\1 12.5|' "$ta_tmp/q2v3/measures.yaml"
BOARDREPORT_ARCHIVE=$ta_arc $BR check "$ta_tmp/q2v3" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "check v3" 0 $?
ta_has "check v3" "$ta_tmp/err" "warning: measure 'Children in need with an appropriate and current plan in place': 2019/20 Q2 value changed since"
grep -q "warning: measure 'Assessments completed" "$ta_tmp/err" && fail "archive: a mentioned change was warned about" || pass

# verify: both packages, and the issued PDF found anywhere.
$BR verify --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify all" 0 $?
ta_has "verify all" "$ta_tmp/out" "2 packages in $ta_arc: 2 verified, 0 failed"
cp "$ta_v2"/data/*.pdf "$ta_tmp/downloaded.pdf"
$BR verify --archive "$ta_arc" "$ta_tmp/downloaded.pdf" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify a copy" 0 $?
ta_has "verify a copy" "$ta_tmp/out" "was issued as $ta_v2"

# The sources a paper carries, read back by verify (its own PDF reader):
# a package's PDF carries its four YAML files, equal to data/source/; a
# copy re-saved by another tool (qpdf: classic cross-reference, then object
# and cross-reference streams with PNG predictors) is not the issued bytes,
# but verify can still read what it carries and says the sources are the
# issued ones; a PDF never issued names the files it carries.
$BR verify --archive "$ta_arc" "$ta_v1" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify reads the carried sources" 0 $?
ta_has "verify reads the carried sources" "$ta_tmp/out" "its PDF carries its 4 source files, checked"
for ta_mode in "--object-streams=disable" "--object-streams=generate --compress-streams=y"; do
    # shellcheck disable=SC2086
    qpdf $ta_mode "$ta_tmp/downloaded.pdf" "$ta_tmp/resaved.pdf" 2>/dev/null
    $BR verify --archive "$ta_arc" "$ta_tmp/resaved.pdf" > "$ta_tmp/out" 2> "$ta_tmp/err"
    ta_expect "verify a re-saved copy ($ta_mode)" 1 $?
    ta_has "verify a re-saved copy ($ta_mode)" "$ta_tmp/err" "the source files it carries are still those issued"
done
# A copy whose carried measures.yaml was swapped: named as differing.
sed 's|2019/20 Q2: 93|2019/20 Q2: 99|' "$ta_q/measures.yaml" > "$ta_tmp/measures.yaml"
qpdf "$ta_tmp/downloaded.pdf" --add-attachment "$ta_tmp/measures.yaml" --key=report/measures.yaml --filename=report/measures.yaml \
     --replace -- "$ta_tmp/swapped.pdf" 2>/dev/null
$BR verify --archive "$ta_arc" "$ta_tmp/swapped.pdf" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify a copy carrying another source" 1 $?
ta_has "verify a copy carrying another source" "$ta_tmp/err" "carries a report/measures.yaml that differs from the one its package keeps"

# log lists both versions with the correction.
$BR log --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "log" 0 $?
ta_has "log" "$ta_tmp/out" "correction: Assessments completed within 45 days"
$BR log --archive "$ta_arc" --format json > "$ta_tmp/log.json" 2> "$ta_tmp/err" &&
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=d["periods"][0]["papers"][0]["versions"]; sys.exit(not ([x["version"] for x in v] == [1, 2] and len(v[1]["corrections"]) == 1))' "$ta_tmp/log.json" &&
    pass || fail "archive: log --format json"

# A PDF never issued is reported as such.
sed -i 's|2019/20 Q2: 93|2019/20 Q2: 94|' "$ta_q/measures.yaml"
$BR render "$ta_q" -o "$ta_tmp/never.pdf" > /dev/null 2>&1
$BR verify --archive "$ta_arc" "$ta_tmp/never.pdf" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify a PDF never issued" 1 $?
ta_has "verify a PDF never issued" "$ta_tmp/err" "no package in the archive"
ta_has "verify a PDF never issued" "$ta_tmp/err" "it carries its source and data files: export.json, report/finance.yaml"

# render never writes into the archive.
$BR render "$ta_v1/data/source/report" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "render inside a package" 1 $?
ls "$ta_v1"/data/source/report/*.pdf > /dev/null 2>&1 && fail "archive: render wrote into a package" || pass
$BR render "$ta_q" -o "$ta_v1/data/x.pdf" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "render -o into a package" 1 $?
# Nor does export, even over the issued PDF itself (it carries JSON).
ta_sum=$(cksum < "$(ls "$ta_v1"/data/*.pdf)")
$BR export "$ta_q" --format json -o "$(ls "$ta_v1"/data/*.pdf)" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "export -o over an issued PDF" 1 $?
ta_has "export -o over an issued PDF" "$ta_tmp/err" "is inside"
[ "$(cksum < "$(ls "$ta_v1"/data/*.pdf)")" = "$ta_sum" ] && pass || fail "archive: export replaced an issued PDF"
$BR export "$ta_q" --format csv -o "$ta_v1/bag-info.txt" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "export -o over bag-info.txt" 1 $?

# One flipped byte of v1's PDF, then a manifest line deleted: verify fails naming the file.
ta_pdf=$(ls "$ta_v1"/data/*.pdf)
chmod u+w "$ta_pdf"
printf 'X' | dd of="$ta_pdf" bs=1 seek=2000 conv=notrunc 2> /dev/null
$BR verify --archive "$ta_arc" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify a flipped byte" 1 $?
ta_has "verify a flipped byte" "$ta_tmp/err" "$ta_pdf: error: changed since it was issued"
chmod u+w "$ta_v2/manifest-sha256.txt" "$ta_v2"
sed -i '/fonts\/LiberationSans-Bold.ttf/d' "$ta_v2/manifest-sha256.txt"
$BR verify --archive "$ta_arc" "$ta_v2" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify a deleted manifest line" 1 $?
ta_has "verify a deleted manifest line" "$ta_tmp/err" "LiberationSans-Bold.ttf: error: not listed in manifest-sha256.txt"
python3 tests/tools/bagit_validate.py "$ta_v2" > /dev/null 2>&1 && fail "archive: the validator took a bag with a line missing" || pass

# Two issue runs at once: exactly one issues, the other says so; one valid package.
# (ta_q is version 2 by now and archive2 holds no version 1: --force.)
ta_arc2=$ta_tmp/archive2
$BR issue --force "$ta_q" --archive "$ta_arc2" > "$ta_tmp/r1" 2>&1 & ta_p1=$!
$BR issue --force "$ta_q" --archive "$ta_arc2" > "$ta_tmp/r2" 2>&1 & ta_p2=$!
wait $ta_p1; ta_s1=$?
wait $ta_p2; ta_s2=$?
# (The loser normally finds the folder taken when it renames its own into
# place, exit 1; on a busy machine it may instead find the package there
# before it starts, which is the exit-0 "already issued" of a re-run.)
ta_won=$(cat "$ta_tmp/r1" "$ta_tmp/r2" | grep -c '^issued ')
ta_lost=$(cat "$ta_tmp/r1" "$ta_tmp/r2" | grep -c 'issued by another run at the same time\|^already issued')
if [ "$ta_won" = 1 ] && [ "$ta_lost" = 1 ] && [ $((ta_s1 * ta_s2)) = 0 ]; then pass
else fail "archive: two issues at once exited $ta_s1 and $ta_s2"; sed 's/^/    | /' "$ta_tmp/r1" "$ta_tmp/r2"; fi
ta_n=$(find "$ta_arc2" -name bagit.txt | wc -l)
[ "$ta_n" = 1 ] && pass || fail "archive: two issues at once left $ta_n packages"
ta_valid "the package of two runs at once" "$(dirname "$(find "$ta_arc2" -name bagit.txt)")"
find "$ta_arc2" -name '.v*' | grep -q . && fail "archive: a staging folder was left behind" || pass

# An archive that does not exist: log lists nothing (exit 0), verify says so (exit 1).
$BR log --archive "$ta_tmp/none" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "log of a missing archive" 0 $?
ta_has "log of a missing archive" "$ta_tmp/out" "0 issued packages"
$BR verify --archive "$ta_tmp/none" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "verify of a missing archive" 1 $?
ta_has "verify of a missing archive" "$ta_tmp/err" "no such archive folder"

# A draft is refused.
sed -i 's/^  status: final$/  status: draft/' "$ta_q/report.yaml"
$BR issue "$ta_q" --archive "$ta_tmp/archive3" > "$ta_tmp/out" 2> "$ta_tmp/err"
ta_expect "issue a draft" 1 $?
ta_has "issue a draft" "$ta_tmp/err" "a draft cannot be issued"
# ...at its status: line, the key to change (not the report block).
ta_status_line=$(grep -n '^  status: draft$' "$ta_q/report.yaml" | cut -d: -f1)
ta_has "issue a draft: at status:" "$ta_tmp/err" "report.yaml:$ta_status_line:11: error: a draft cannot be issued"
[ -e "$ta_tmp/archive3" ] && fail "archive: a refused draft created the archive" || pass

chmod -R u+w "$ta_tmp"
rm -rf "$ta_tmp"
