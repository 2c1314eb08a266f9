#!/bin/sh
# brink backtest: the same seed gives byte-identical backtest.json and
# backtest.txt for 1 and 2 threads; a different seed gives other draws;
# bad input is a located error with exit status 2 and leaves no output.
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
ROOT=$2/../../..
SC=$ROOT/scenarios/korea.yaml
T=${TMPDIR:-/tmp}/brink-backtest.$$
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }
mkdir -p "$T"
"$BRINK" backtest "$SC" --runs 300 --seed 7 --threads 1 --out "$T/a" >/dev/null || ko "run a"
"$BRINK" backtest "$SC" --runs 300 --seed 7 --threads 2 --out "$T/b" >/dev/null || ko "run b"
"$BRINK" backtest "$SC" --runs 300 --seed 8 --threads 2 --out "$T/c" >/dev/null || ko "run c"
cmp -s "$T/a/backtest.json" "$T/b/backtest.json" && ok || ko "json differs across threads"
cmp -s "$T/a/backtest.txt" "$T/b/backtest.txt" && ok || ko "txt differs across threads"
cmp -s "$T/a/backtest.json" "$T/c/backtest.json" && ko "seed ignored" || ok
for key in '"observed"' '"predicted"' '"crps"' '"baseline_crps"' '"poisson"' '"persistence"' \
           '"pit"' '"p_summit_last2"' '"p_no_nuclear_test_last2"' '"negative_binomial"' '"inside_90"' \
           '"p_no_comprehensive_deal"' '"patterns_inside_90"'; do
    grep -q "$key" "$T/a/backtest.json" && ok || ko "backtest.json lacks $key"
done
# bad input: exit 2, a located message, no output directory content
expect2() {
    name=$1; shift
    "$BRINK" "$@" >/dev/null 2>"$T/err"; rc=$?
    if [ $rc -eq 2 ]; then ok; else ko "$name: exit $rc, expected 2"; fi
    [ ! -e "$T/bad/backtest.json" ] && ok || ko "$name: left output"
}
expect2 window backtest "$SC" --window 2012-2020 --out "$T/bad"
expect2 window-record backtest "$SC" --window 2005-2012 --out "$T/bad"
expect2 noout backtest "$SC"
expect2 option backtest "$SC" --out "$T/bad" --rnus 3
mkdir -p "$T/p1" "$T/p2" "$T/p3"
printf 'weight,params.nuclear_rate\n1,0.1\n1,abc\n' > "$T/p1/posterior.csv"
expect2 params-number backtest "$SC" --out "$T/bad" --params "$T/p1"
grep -q "posterior.csv:3:3: error" "$T/err" && ok || ko "params-number not located: $(cat "$T/err")"
printf 'weight,params.no_such_key\n1,0.1\n' > "$T/p2/posterior.csv"
expect2 params-path backtest "$SC" --out "$T/bad" --params "$T/p2"
grep -q "posterior.csv:2:3: error" "$T/err" && ok || ko "params-path not located: $(cat "$T/err")"
printf 'weight,params.nuclear_rate\n1,7\n' > "$T/p3/posterior.csv"
expect2 params-range backtest "$SC" --out "$T/bad" --params "$T/p3"
printf 'weight,params.nuclear_rate\n1,0.1,5\n' > "$T/p3/posterior.csv"
expect2 params-fields backtest "$SC" --out "$T/bad" --params "$T/p3"
grep -q "posterior.csv:2:1: error: 3 fields" "$T/err" && ok || ko "params-fields not located: $(cat "$T/err")"
expect2 params-missing backtest "$SC" --out "$T/bad" --params "$T/none"
# a posterior of two parameter sets: reproducible across threads
printf 'weight,params.nuclear_rate,params.missile_days\n1,0.1,2\n3,0.2,3\n' > "$T/p1/posterior.csv"
"$BRINK" backtest "$SC" --runs 200 --threads 1 --params "$T/p1" --out "$T/d" >/dev/null || ko "posterior d"
"$BRINK" backtest "$SC" --runs 200 --threads 2 --params "$T/p1" --out "$T/e" >/dev/null || ko "posterior e"
cmp -s "$T/d/backtest.json" "$T/e/backtest.json" && ok || ko "posterior json differs across threads"
grep -q '"parameter_sets": 2' "$T/d/backtest.json" && ok || ko "parameter_sets"
# brink run --params: the ensemble is identical for 1 and 2 threads, and a
# posterior with a nuclear rate of 0 gives no nuclear test in any run
"$BRINK" run "$SC" --runs 200 --threads 1 --params "$T/p1" --format json > "$T/r1" || ko "run params 1"
"$BRINK" run "$SC" --runs 200 --threads 2 --params "$T/p1" --format json > "$T/r2" || ko "run params 2"
cmp -s "$T/r1" "$T/r2" && ok || ko "run --params differs across threads"
printf 'weight,params.nuclear_rate\n1,0\n2,0\n' > "$T/p2/posterior.csv"
"$BRINK" run "$SC" --runs 100 --params "$T/p2" --format json > "$T/r3" || ko "run params 3"
grep -A1 '"first_nuclear_test"' "$T/r3" | grep -q '"p_by_horizon": 0.0,' && ok || ko "nuclear_rate 0 from the posterior not applied"
rm -rf "$T"
echo "backtest: $pass passed, $fail failed"
[ $fail -eq 0 ]
