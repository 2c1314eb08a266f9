#!/bin/sh
# Data-driven suite: each folder holds one bad calibration targets file
# (input.yaml) and 'expected': the exact lines `brink calibrate SCENARIO
# --targets input.yaml --out DIR` must print on stderr, SCENARIO being the
# minimal valid scenario (2012-01 to 2012-12).  Every case must exit with
# status 2 and leave no result directory.
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
SUITE=$2
SC=$(cd "$SUITE/../scenario-valid/minimal" && pwd)/input.yaml
T=${TMPDIR:-/tmp}/brink-targets-invalid.$$
fail=0
n=0
for dir in "$SUITE"/*/; do
    name=$(basename "$dir")
    [ -f "$dir/input.yaml" ] || continue
    n=$((n + 1))
    err=$(cd "$dir" && "$BRINK" calibrate "$SC" --targets input.yaml --out "$T" 2>&1 >/dev/null)
    rc=$?
    if [ "$rc" -ne 2 ] || [ -e "$T" ]; then
        echo "FAIL $name: exit status $rc, expected 2 (or a result directory left)"
        rm -rf "$T"
        fail=$((fail + 1))
        continue
    fi
    if [ "$err" != "$(cat "$dir/expected")" ]; then
        echo "FAIL $name:"
        echo "  expected: $(cat "$dir/expected")"
        echo "  got:      $err"
        fail=$((fail + 1))
    fi
done
echo "targets-invalid: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -ge 5 ]
