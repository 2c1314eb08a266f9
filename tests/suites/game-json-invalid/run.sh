#!/bin/sh
# Data-driven suite: each folder holds one bad JSON game (input.json, made
# from Gambit's 2smp.efg example by `brink convert` and one edit) and
# 'expected': the exact lines `brink game info` must print.  Every case must
# exit with status 2.
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
SUITE=$2
fail=0
n=0
for dir in "$SUITE"/*/; do
    [ -f "$dir/input.json" ] || continue
    name=$(basename "$dir")
    n=$((n + 1))
    out=$(cd "$dir" && "$BRINK" game info input.json 2>&1)
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
echo "game-json-invalid: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -ge 10 ]
