# t_example.sh — sourced by run.sh: the README's first command renders every
# bundled example, and the only warnings are those an example's report.yaml
# declares (`# example-warnings: N - why`), each explained in one line.
te_out=$(sh tests/integration/example.sh "$BR" 2>&1)
te_rc=$?
if [ $te_rc -eq 0 ] && ! printf '%s\n' "$te_out" | grep -q "FAILED"; then
    pass
else
    fail "example: make example failed or warned unexpectedly"
    printf '%s\n' "$te_out" | grep -v '^ ' | tail -5 | sed 's/^/    | /'
fi
for te_dir in examples/*/; do
    te_why=$(sed -n 's/^# example-warnings: [0-9]* - //p' "$te_dir/report.yaml")
    [ -n "$te_why" ] || continue
    printf '%s\n' "$te_out" | grep -qF "as expected: $te_why" && pass ||
        fail "example: $te_dir's warnings are not explained"
done
