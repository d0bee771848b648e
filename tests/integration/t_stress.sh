# Sourced by run.sh: no loss under stress.  A generated 2,000-measure report
# (about 340 landscape pages: titles, six quarters of values, comments of
# 30-120 words, milestones, finance) renders, and every measure title, value
# and comment word is in the PDF.
stress_dir=$(mktemp -d)
if build/bench/gen --measures 2000 --seed 7 "$stress_dir/report" >/dev/null &&
   "$BR" render "$stress_dir/report" -o "$stress_dir/out.pdf" >/dev/null 2>"$stress_dir/err"; then
    pass
else
    fail "stress: the 2,000-measure report did not render"; head -20 "$stress_dir/err"
fi
if [ -f "$stress_dir/out.pdf" ] && sh tests/integration/nothing_lost.sh "$stress_dir/out.pdf" "$stress_dir/report" >"$stress_dir/lost"; then
    pass
else
    fail "stress: words lost from the 2,000-measure report"; head -20 "$stress_dir/lost"
fi
rm -rf "$stress_dir"
