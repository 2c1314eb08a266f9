#!/bin/sh
# brink calibrate: identical output for 1 and 2 threads; its posterior is
# accepted by `brink run --params`; bad input is a located error with exit
# status 2 and leaves no output.
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
ROOT=$2/../../..
SC=$ROOT/scenarios/korea.yaml
TG=$ROOT/data/calib_targets_korea_2012_2017.yaml
T=${TMPDIR:-/tmp}/brink-calibrate.$$
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }
mkdir -p "$T"
"$BRINK" calibrate "$SC" --targets "$TG" --budget 600 --particles 60 --threads 1 --seed 3 \
    --out "$T/a" > "$T/a.txt" || ko "calibrate a"
"$BRINK" calibrate "$SC" --targets "$TG" --budget 600 --particles 60 --threads 2 --seed 3 \
    --out "$T/b" > "$T/b.txt" || ko "calibrate b"
for f in posterior.csv history.csv distances.csv summary.json; do
    cmp -s "$T/a/$f" "$T/b/$f" && ok || ko "$f differs across threads"
done
cmp -s "$T/a.txt" "$T/b.txt" && ok || ko "stdout differs across threads"
[ "$(wc -l < "$T/a/posterior.csv")" -eq 61 ] && ok || ko "posterior.csv rows"
head -1 "$T/a/posterior.csv" | grep -q '^weight,params.missile_days,' && ok || ko "posterior header"
"$BRINK" run "$SC" --params "$T/a" --runs 50 --format json > /dev/null && ok || ko "run --params"
expect2() {
    name=$1; shift
    "$BRINK" "$@" >/dev/null 2>"$T/err"; rc=$?
    [ $rc -eq 2 ] && ok || ko "$name: exit $rc, expected 2"
    [ ! -e "$T/bad/posterior.csv" ] && ok || ko "$name: left output"
}
printf 'format: 1\nuntil: 2017-12\ncounts:\n  - {count: missles, year: 2013, observed: 6}\n' > "$T/t1.yaml"
expect2 targets-name calibrate "$SC" --targets "$T/t1.yaml" --out "$T/bad"
grep -q "t1.yaml:4:13: error: counts\[0\].count" "$T/err" && ok || ko "targets-name not located: $(cat "$T/err")"
printf 'format: 1\nuntil: 2017-12\ncounts:\n  - {count: missiles, year: 2018, observed: 0}\n' > "$T/t2.yaml"
expect2 targets-after-until calibrate "$SC" --targets "$T/t2.yaml" --out "$T/bad"
grep -q "t2.yaml:4:.*2018 is after until" "$T/err" && ok || ko "targets-after-until: $(cat "$T/err")"
expect2 no-targets calibrate "$SC" --out "$T/bad"
expect2 missing-targets calibrate "$SC" --targets "$T/none.yaml" --out "$T/bad"
expect2 budget calibrate "$SC" --targets "$TG" --out "$T/bad" --budget 10 --particles 100
expect2 option calibrate "$SC" --targets "$TG" --out "$T/bad" --budjet 10
sed '/^free:/,$d' "$SC" > "$T/nofree.yaml"
expect2 no-free calibrate "$T/nofree.yaml" --targets "$TG" --out "$T/bad"
grep -q "marks no parameter as free" "$T/err" && ok || ko "no-free message: $(cat "$T/err")"
{ cat "$SC"; printf '  - {path: name, prior: uniform, a: 0, b: 1}\n'; } > "$T/badfree.yaml"
expect2 free-not-number calibrate "$T/badfree.yaml" --targets "$TG" --out "$T/bad"
grep -q "badfree.yaml:[0-9]*:[0-9]*: error: free\[8\].path: 'name' is not a numeric key" "$T/err" && ok ||
    ko "free-not-number not located: $(cat "$T/err")"
# --record FILE: the observed values from a record.  The shipped record
# (built from data/dprk_missile_tests_1984_2019.csv and the timeline) gives
# the targets file's values (from data/annual_targets_2012_2019.csv), so
# the results are the same byte for byte.
REC=$ROOT/data/records/dprk.yaml
"$BRINK" calibrate "$SC" --targets "$TG" --budget 40 --particles 20 --threads 2 --seed 5 \
    --out "$T/r0" > /dev/null || ko "calibrate r0"
"$BRINK" calibrate "$SC" --targets "$TG" --budget 40 --particles 20 --threads 2 --seed 5 \
    --record "$REC" --out "$T/r1" > /dev/null 2>"$T/err" || ko "calibrate --record"
cmp -s "$T/r0/distances.csv" "$T/r1/distances.csv" && ok || ko "shipped record: targets differ"
grep -q "19 of 25 targets observed from" "$T/err" && ok || ko "record note: $(cat "$T/err")"
# a synthetic record: 3 more missiles in 2013-05 (6 + 3 = 9); the first
# leader summit in 2016-02 (none in the targets)
{ cat "$REC"; printf '  - {date: 2013-05-02, actor: DPRK, kind: missile, count: 3}\n'
  printf '  - {date: 2016-02-10, actor: DPRK, kind: leader_summit, count: 1}\n'; } > "$T/syn.yaml"
"$BRINK" calibrate "$SC" --targets "$TG" --budget 40 --particles 20 --threads 2 --seed 5 \
    --record "$T/syn.yaml" --out "$T/r2" > /dev/null 2>&1 || ko "calibrate synthetic record"
grep -q '^missiles_2013,9,' "$T/r2/distances.csv" && ok || ko "synthetic missiles_2013"
grep -q '^missiles_2014,19,' "$T/r2/distances.csv" && ok || ko "synthetic missiles_2014"
grep -q '^first_leader_summit,2016-02,' "$T/r2/distances.csv" && ok || ko "synthetic summit"
# a record that stops in 2017-06 does not observe 2017 whole: located at
# the missile series (line 12), exit 2, no output
sed 's/^through: 2019-12/through: 2017-06/' "$REC" | grep -v 'date: 2017-0[789]\|date: 2017-1\|date: 201[89]' > "$T/short.yaml"
expect2 record-short calibrate "$SC" --targets "$TG" --record "$T/short.yaml" --out "$T/bad"
grep -q "short.yaml:12:5: error: target missiles_2017: the record does not observe all of 2017" \
    "$T/err" && ok || ko "record-short not located: $(cat "$T/err")"
expect2 record-bad calibrate "$SC" --targets "$TG" --record "$T/none.yaml" --out "$T/bad"
rm -rf "$T"
echo "calibrate: $pass passed, $fail failed"
[ $fail -eq 0 ]
