#!/bin/sh
# Data-driven suite: each folder holds one valid scenario.  Each must print
# 'FILE: ok' and exit 0; its normalised JSON must validate too and normalise
# to the same bytes (the round trip).
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
SUITE=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
for dir in "$SUITE"/*/; do
    name=$(basename "$dir")
    input=$(cd "$dir" && ls input.* 2>/dev/null | head -n 1)
    [ -n "$input" ] || continue
    n=$((n + 1))
    out=$(cd "$dir" && "$BRINK" validate "$input" 2>&1)
    if [ $? -ne 0 ] || [ "$out" != "$input: ok" ]; then
        echo "FAIL $name: $out"
        fail=$((fail + 1))
        continue
    fi
    "$BRINK" validate --normalize "$dir/$input" > "$tmp/$name.json" &&
        "$BRINK" validate --normalize "$tmp/$name.json" > "$tmp/$name.2.json"
    if [ $? -ne 0 ] || ! cmp -s "$tmp/$name.json" "$tmp/$name.2.json"; then
        echo "FAIL $name: the normalised JSON does not round-trip"
        fail=$((fail + 1))
    fi
done
echo "scenario-valid: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -ge 1 ]
