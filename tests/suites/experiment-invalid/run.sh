#!/bin/sh
# Data-driven suite: each folder holds one bad experiment file (input.yaml
# or input.json, with any files it refers to) and 'expected': the exact
# lines `brink sweep FILE --dry-run` must print on stderr.  Every case must
# exit with status 2.
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
    out=$(cd "$dir" && "$BRINK" sweep "$input" --dry-run 2>&1 >/dev/null)
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
echo "experiment-invalid: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -ge 20 ]
