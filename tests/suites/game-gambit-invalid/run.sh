#!/bin/sh
# Data-driven suite: each folder holds one bad Gambit game (input.nfg or
# input.efg, written by hand) and 'expected': the exact lines `brink game
# info` must print.  Every case must exit with status 2.
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
SUITE=$2
fail=0
n=0
for dir in "$SUITE"/*/; do
    input=$(cd "$dir" && ls input.* 2>/dev/null | head -n 1)
    [ -n "$input" ] || continue
    name=$(basename "$dir")
    n=$((n + 1))
    out=$(cd "$dir" && "$BRINK" game info "$input" 2>&1)
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
echo "game-gambit-invalid: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -ge 5 ]
