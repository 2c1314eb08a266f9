#!/bin/sh
# Bad result directories: each folder of invalid/ holds one malformed result
# file and 'expected', the exact message `brink report` must print on
# stderr.  Every case must exit with status 2 and leave no output file (nor
# a temporary one) behind.  Usage errors are checked at the end.
# usage: run_invalid.sh BRINK REPORT_TEST_DIR
BRINK=$1
cd "$2" || exit 1
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
fail=0
n=0
check() { # name expected-status command...
    name=$1 want=$2
    shift 2
    n=$((n + 1))
    "$@" >"$OUT/stdout" 2>"$OUT/stderr"
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL $name: exit status $rc, expected $want"
        fail=$((fail + 1))
        return 1
    fi
    return 0
}
for dir in invalid/*/; do
    name=$(basename "$dir")
    check "$name" 2 "$BRINK" report "invalid/$name" --out "$OUT/r.html" --figures "$OUT/fig" || continue
    if [ "$(cat "$OUT/stderr")" != "$(cat "$dir/expected")" ]; then
        echo "FAIL $name:"
        echo "  expected: $(cat "$dir/expected")"
        echo "  got:      $(cat "$OUT/stderr")"
        fail=$((fail + 1))
    fi
    if [ -n "$(ls -A "$OUT" | grep -v -e '^stdout$' -e '^stderr$')" ]; then
        echo "FAIL $name: output left behind: $(ls -A "$OUT")"
        fail=$((fail + 1))
        rm -rf "$OUT/r.html" "$OUT/fig" "$OUT"/.*.brink-tmp.*
    fi
done
# usage errors
check no-dir 2 "$BRINK" report
check missing-dir 2 "$BRINK" report "$OUT/does-not-exist"
grep -q "expected a result directory" "$OUT/stderr" || { echo "FAIL missing-dir: $(cat "$OUT/stderr")"; fail=$((fail + 1)); }
check unknown-option 2 "$BRINK" report ensemble --figure "$OUT/f"
grep -q "did you mean '--figures'" "$OUT/stderr" || { echo "FAIL unknown-option: $(cat "$OUT/stderr")"; fail=$((fail + 1)); }
check two-dirs 2 "$BRINK" report ensemble run
check empty-value 2 "$BRINK" report ensemble --out=
check no-value 2 "$BRINK" report ensemble --title
# an unwritable output is a failure (1), not an input error
check unwritable 1 "$BRINK" report ensemble --out /proc/brink-report.html
echo "report-invalid: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
