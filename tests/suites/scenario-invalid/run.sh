#!/bin/sh
# Data-driven suite: each folder holds one bad scenario (input.yaml or
# input.json), optionally 'args' (extra arguments such as --set), and
# 'expected': the exact lines `brink validate` must print.  Every case must
# also exit with status 2.
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
    out=$(cd "$dir" && "$BRINK" validate "$input" $args 2>&1)
    rc=$?
    if [ "$rc" -ne 2 ]; then
        echo "FAIL $name: exit status $rc, expected 2"
        fail=$((fail + 1))
        continue
    fi
    if [ "$out" != "$(cat "$dir/expected")" ]; then
        echo "FAIL $name:"
        echo "  expected: $(cat "$dir/expected")"
        echo "  got:      $out"
        fail=$((fail + 1))
    fi
done
echo "scenario-invalid: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -ge 30 ]
