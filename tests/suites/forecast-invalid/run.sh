#!/bin/sh
# Data-driven suite: each folder holds one bad forecast input (input.csv,
# input.xml or input.yaml), optionally 'args' (more options, one line), and
# 'expected': the exact lines `brink forecast INPUT ARGS` must print on
# stderr.  Every case must exit with status 2 and print nothing on stdout.
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
SUITE=$2
fail=0
n=0
for dir in "$SUITE"/*/; do
    name=$(basename "$dir")
    input=$(cd "$dir" && ls input.* 2>/dev/null | head -n 1)
    [ -n "$input" ] || continue
    n=$((n + 1))
    args=""
    [ -f "$dir/args" ] && args=$(cat "$dir/args")
    # shellcheck disable=SC2086
    err=$(cd "$dir" && "$BRINK" forecast "$input" $args 2>&1 >/dev/null)
    rc=$?
    # shellcheck disable=SC2086
    out=$(cd "$dir" && "$BRINK" forecast "$input" $args 2>/dev/null)
    if [ "$rc" -ne 2 ]; then
        echo "FAIL $name: exit status $rc, expected 2"
        fail=$((fail + 1))
        continue
    fi
    if [ "$err" != "$(cat "$dir/expected")" ] || [ -n "$out" ]; then
        echo "FAIL $name:"
        echo "  expected: $(cat "$dir/expected")"
        echo "  got:      $err"
        [ -n "$out" ] && echo "  and on stdout: $out"
        fail=$((fail + 1))
    fi
done
echo "forecast-invalid: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -ge 5 ]
