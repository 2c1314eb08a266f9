#!/bin/sh
# report of a rolling-origin backtest: one chart per record series and
# horizon (the shipped record has 5 series; horizons 1-2: 10 charts), the
# section present; a malformed rolling.json is a located error (exit 2).
# usage: rolling.sh BRINK
BRINK=$1
T=${TMPDIR:-/tmp}/brink-report-rolling.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
fail=0
"$BRINK" backtest --origins 2008-2017 --horizons 1-2 --bootstrap 20 --out "$T/o" > /dev/null || { echo "FAIL: backtest"; exit 1; }
"$BRINK" report "$T/o" --out "$T/r.html" --figures "$T/fig" --data "$T/d.json" > /dev/null || { echo "FAIL: report"; exit 1; }
[ "$(ls "$T/fig" | grep -c '^rolling-.*-h[12]\.svg$')" -eq 10 ] || { echo "FAIL: charts: $(ls "$T/fig")"; fail=1; }
grep -q '<section id="rolling"><h2>Rolling-origin backtest</h2>' "$T/r.html" || { echo "FAIL: section"; fail=1; }
# every forecast of rolling.json reaches the report's data, unchanged
python3 - "$T/o/rolling.json" "$T/d.json" <<'PY' || { echo "FAIL: payload"; fail=1; }
import json, sys
a = json.load(open(sys.argv[1]))["forecasts"]
b = json.load(open(sys.argv[2]))["rolling"]["forecasts"]
sys.exit(0 if a == b and len(a) > 0 else 1)
PY
python3 - "$T/o/rolling.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["forecasts"][3]["q05"] = d["forecasts"][3]["q95"] + 1
json.dump(d, open(sys.argv[1], "w"))
PY
"$BRINK" report "$T/o" --out "$T/bad.html" 2> "$T/err"; rc=$?
[ $rc -eq 2 ] || { echo "FAIL: bad rolling.json: exit $rc"; fail=1; }
grep -q "rolling.json: forecasts\[3\]: expected 0 <= q05 <= q50 <= q95" "$T/err" || { echo "FAIL: message: $(cat "$T/err")"; fail=1; }
[ ! -e "$T/bad.html" ] || { echo "FAIL: wrote a report"; fail=1; }
[ $fail -eq 0 ] && echo "report rolling: passed"
exit $fail
