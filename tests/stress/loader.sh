#!/bin/sh
# Robustness of the loader on hostile inputs: binary noise, empty, every
# truncation of a real scenario, deep nesting, a 67 MB valid file and a
# 100 MB file.  Each must end with exit status 0 or 2 (never a crash or a
# signal) and within max(20, 2 per MB) seconds of CPU time (ulimit -t: a
# hang detector bounded by work, so a loaded machine does not fail it).
# usage: loader.sh BRINK SCENARIO
BRINK=$1
SCENARIO=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
check() { # file expected-status
    n=$((n + 1))
    size=$(wc -c < "$1")
    limit=$(( 2 * size / 1000000 ))
    [ "$limit" -lt 20 ] && limit=20
    (ulimit -t "$limit"; exec "$BRINK" validate "$1") > "$tmp/out" 2>&1
    rc=$?
    if [ "$rc" -ne "$2" ]; then
        echo "FAIL $(basename "$1") ($size bytes): status $rc, expected $2 within ${limit} CPU s"
        head -3 "$tmp/out"
        fail=$((fail + 1))
    fi
}
: > "$tmp/empty.yaml"
check "$tmp/empty.yaml" 2
head -c 1048576 /dev/urandom > "$tmp/noise.yaml"
check "$tmp/noise.yaml" 2
printf '\357\273\277' > "$tmp/bom.yaml"; cat "$SCENARIO" >> "$tmp/bom.yaml"
check "$tmp/bom.yaml" 0
size=$(wc -c < "$SCENARIO")
i=1
while [ "$i" -lt "$size" ]; do
    head -c "$i" "$SCENARIO" > "$tmp/cut.yaml"
    n=$((n + 1))
    (ulimit -t 20; exec "$BRINK" validate "$tmp/cut.yaml") > /dev/null 2>&1
    rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
        echo "FAIL truncated at $i bytes: status $rc"
        fail=$((fail + 1))
    fi
    i=$((i + 37))
done
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "["; print "" }' > "$tmp/deep.yaml"
check "$tmp/deep.yaml" 2
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "{a: "; print "" }' > "$tmp/deepmap.yaml"
check "$tmp/deepmap.yaml" 2
{ awk '/^events:/ { skip = 1; next } skip && /^[^ #]/ { skip = 0 } !skip' "$SCENARIO"; echo "events:"
  awk 'BEGIN { for (i = 0; i < 600000; i++)
      printf "  - {date: 2015-0%d, kind: rivalry_shock, value: 0.%d, note: \"generated event %d for the stress test\"}\n", 1 + i % 9, i % 10, i }'
} > "$tmp/big.yaml"
check "$tmp/big.yaml" 0
head -c 100000000 /dev/zero | tr '\0' 'a' > "$tmp/huge.yaml"
check "$tmp/huge.yaml" 2
echo "stress.loader: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
