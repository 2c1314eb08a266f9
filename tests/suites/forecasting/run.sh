#!/bin/sh
# The forecasting modes (docs/conditioning.md): records with located errors
# (exit 2); a record the scenario cannot produce and one that gives every
# particle likelihood 0 are clear errors; a synthetic record running past
# 2019 is accepted for conditioning, rolling origins and scoring; results
# are byte-identical for 1 and 2 threads; --score against closed forms
# (CRPS of {0: 1/2, 1: 1/2} at 1 is 1/4; of {0: 1/4, 1: 1/2, 2: 1/4} at 0
# is (3/4)^2 + (1/4)^2 = 5/8).
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
D=$2
ROOT=$D/../../..
SC=$ROOT/scenarios/korea.yaml
T=${TMPDIR:-/tmp}/brink-forecasting.$$
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }
mkdir -p "$T"
expect() {
    want=$1 name=$2; shift 2
    "$BRINK" "$@" >"$T/out" 2>"$T/err"; rc=$?
    [ $rc -eq "$want" ] && ok || ko "$name: exit $rc, expected $want: $(head -c 400 "$T/err")"
}
# bad records: located errors, exit 2
expect 2 bad-record run "$SC" --condition-through 2013-12 --record "$D/bad-record.yaml"
grep -q "bad-record.yaml:8:12: error: events\[0\].date: found 2011-12, before the series' from" \
    "$T/err" && ok || ko "bad-record not located: $(cat "$T/err")"
expect 2 bad-record-backtest backtest --origins 2014-2016 --record "$D/bad-record.yaml"
grep -q "bad-record.yaml:8:12: error" "$T/err" && ok || ko "backtest: bad-record not located"
expect 2 missing-record run "$SC" --condition-through 2013-12 --record "$T/none.yaml"
# a series the model cannot produce
expect 2 unknown-actor run "$SC" --condition-through 2013-12 --runs 10 --record "$D/unknown-actor.yaml"
grep -q "unknown-actor.yaml:7:5: series\[1\]: the record observes ROK/missile, which the model cannot produce" \
    "$T/err" && ok || ko "unknown-actor message: $(cat "$T/err")"
# every particle has likelihood 0 (floor 0)
expect 2 impossible run "$SC" --condition-through 2012-12 --runs 50 --floor 0 --record "$D/impossible.yaml"
grep -q "2012-01: every particle gives the record probability 0 (DPRK/icbm_launch observed 1" \
    "$T/err" && ok || ko "impossible message: $(cat "$T/err")"
# ... and with the default floor the same record conditions
expect 0 impossible-floor run "$SC" --condition-through 2012-12 --runs 20 --years 1 --record "$D/impossible.yaml"
# usage errors
expect 2 month run "$SC" --condition-through 2013-13
expect 2 before-start run "$SC" --condition-through 2010-12
expect 2 horizon backtest --origins 2014-2016 --horizon 1-2
expect 2 origins backtest "$SC" --origins 2005-2010
expect 2 bad-forecast backtest --score "$D/bad-forecast.json"
grep -q "bad-forecast.json:0:0: error: format" "$T/err" && ok || ko "bad-forecast message"
printf '{"format": "brink-forecast",\n "format_version": 1,,}\n' > "$T/syntax.json"
expect 2 syntax-forecast backtest --score "$T/syntax.json"
grep -q "syntax.json:2:" "$T/err" && ok || ko "syntax not located: $(cat "$T/err")"
# a synthetic record past 2019: the shipped one with made-up 2020-2021 events
sed 's/^through: 2019-12/through: 2021-12/' "$ROOT/data/records/dprk.yaml" > "$T/synth.yaml"
cat >> "$T/synth.yaml" <<'SYN'
  - {date: 2020-03-02, actor: DPRK, kind: missile, count: 2, note: synthetic}
  - {date: 2020-03-21, actor: DPRK, kind: missile, count: 2, note: synthetic}
  - {date: 2021-01-15, actor: DPRK, kind: missile, count: 3, note: synthetic}
SYN
expect 0 synth-run run "$SC" --condition-through 2021-12 --runs 40 --years 1 --record "$T/synth.yaml" --out "$T/s"
grep -q '"conditioned_through": "2021-12"' "$T/s/forecast.json" && ok || ko "synth: conditioning date"
grep -q '"through": "2021-12"' "$T/s/forecast.json" && ok || ko "synth: record through"
expect 0 synth-rolling backtest --origins 2015-2020 --horizons 1-1 --bootstrap 50 --record "$T/synth.yaml" --format json
python3 - "$T/out" <<'PY' && ok || ko "synth rolling: years past 2019 not scored"
import json, sys
r = json.load(open(sys.argv[1]))
s = [x for x in r["series"] if x["kind"] == "missile"][0]
assert s["horizons"][0]["forecasters"]["poisson"]["n"] == 6  # targets 2016-2021
PY
expect 0 shipped-rolling backtest --origins 2015-2020 --horizons 1-1 --bootstrap 50 --format json
python3 - "$T/out" <<'PY' && ok || ko "shipped rolling: expected targets 2016-2019 only"
import json, sys
r = json.load(open(sys.argv[1]))
s = [x for x in r["series"] if x["kind"] == "missile"][0]
assert s["horizons"][0]["forecasters"]["poisson"]["n"] == 4
PY
# 1 and 2 threads: byte-identical
expect 0 t1 run "$SC" --condition-through 2014-12 --runs 100 --threads 1 --years 2 --out "$T/t1"
expect 0 t2 run "$SC" --condition-through 2014-12 --runs 100 --threads 2 --years 2 --out "$T/t2"
cmp -s "$T/t1/forecast.json" "$T/t2/forecast.json" && ok || ko "forecast.json differs across threads"
expect 0 r1 backtest "$SC" --origins 2013-2014 --horizons 1-2 --runs 40 --threads 1 --bootstrap 100 --out "$T/r1"
expect 0 r2 backtest "$SC" --origins 2013-2014 --horizons 1-2 --runs 40 --threads 2 --bootstrap 100 --out "$T/r2"
cmp -s "$T/r1/rolling.json" "$T/r2/rolling.json" && ok || ko "rolling.json differs across threads"
# scoring a hand-made forecast against closed forms
expect 0 score backtest --score "$D/score-forecast.json" --record "$D/score-record.yaml" --format json
python3 - "$T/out" <<'PY' && ok || ko "score: $(cat "$T/out")"
import json, sys
r = json.load(open(sys.argv[1]))
rows = r["rows"]
assert abs(rows[0]["crps"] - 0.25) < 1e-12 and rows[0]["observed"] == 1
assert abs(rows[1]["crps"] - 0.625) < 1e-12 and rows[1]["observed"] == 0
assert rows[2]["observed"] is None and r["scored"] == 2 and r["pending"] == 1
PY
# the scored forecast of a conditioned run (its own periods are pending)
expect 0 score-own backtest --score "$T/t1/forecast.json"
grep -q "DPRK/missile           2015-01..2015-12" "$T/out" && ok || ko "score-own"
# report --record: the black dots from a record file.  The synthetic record
# gives 2 + 2 missiles in 2020 and 3 in 2021 (its made-up events above);
# the shipped one 24 in 2016 (CNS; data/calib_targets_korea_2012_2017.yaml)
expect 0 report-run run "$SC" --runs 20 --seed 2 --out "$T/rr"
expect 0 report-synth report "$T/rr" --out "$T/rr.html" --data "$T/rr.json" --record "$T/synth.yaml"
python3 - "$T/rr.json" <<'PY' && ok || ko "report --record: synthetic counts"
import json, sys
d = json.load(open(sys.argv[1]))
ev = {e["name"]: dict(zip(e["years"], e["historical"])) for e in d["annual_counts"]["events"]}
m = ev["missiles"]
sys.exit(0 if (m[2020], m[2021], m[2016]) == (4, 3, 24) and d["record"]["file"].endswith("synth.yaml") else 1)
PY
grep -q "Black dots: the record .*synth.yaml" "$T/rr.html" && ok || ko "report --record: note"
# two series of one kind: which one the report's count means is unclear
expect 2 report-two-kinds report "$T/rr" --out "$T/rr2.html" --record "$D/unknown-actor.yaml"
grep -q "several series of kind missile" "$T/err" && ok || ko "report two kinds: $(cat "$T/err")"
[ ! -e "$T/rr2.html" ] && ok || ko "report two kinds: wrote a report"
expect 2 report-bad-record report "$T/rr" --out "$T/rr3.html" --record "$D/bad-record.yaml"
grep -q "bad-record.yaml:8:12: error" "$T/err" && ok || ko "report: bad-record not located"
rm -rf "$T"
echo "forecasting: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
