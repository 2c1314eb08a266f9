#!/bin/sh
# The JSON of every model (and of the Monte Carlo) is written by Jansson: a
# dimension name with a quote, a backslash and a tab comes back intact
# through a JSON parser.
# usage: json_escapes.sh BRINK DATA_DIR
BRINK=$1
IN=$2/escape-names.yaml
check() {
    python3 -c '
import json, sys
want = "De\"nuclear\\ization\tstep"
def walk(v):
    if isinstance(v, str):
        return v == want
    if isinstance(v, dict):
        return any(walk(x) for x in v.values())
    if isinstance(v, list):
        return any(walk(x) for x in v)
    return False
sys.exit(0 if walk(json.load(sys.stdin)) else 1)'
}
for m in smp bdm compromise median; do
    "$BRINK" forecast "$IN" --model $m --format json | check || { echo "FAIL: $m"; exit 1; }
done
"$BRINK" forecast "$IN" --runs 4 --pos-sd 1 --format json | check || { echo "FAIL: mc"; exit 1; }
echo "json_escapes: 5 passed"
