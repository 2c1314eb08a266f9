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
rm -rf "$T"
echo "calibrate: $pass passed, $fail failed"
[ $fail -eq 0 ]
