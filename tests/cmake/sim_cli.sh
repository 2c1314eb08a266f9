#!/bin/sh
# sim_cli.sh BRINK KOREA - `brink run`: bad flags exit 2 with one line,
# --threads 1 and 2 give byte-identical files, --out writes every file.
BRINK=$1
KOREA=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

expect2() {
    "$BRINK" run "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ $rc -eq 2 ] || fail "brink run $* exited $rc, expected 2"
    [ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "brink run $*: expected one error line, got: $(cat "$TMP/err")"
    grep -q "^brink: \|error:" "$TMP/err" || fail "brink run $*: unexpected message $(cat "$TMP/err")"
}
expect2 "$KOREA" --runz 10
grep -q "did you mean '--runs'" "$TMP/err" || fail "no suggestion for --runz"
expect2 "$KOREA" --runs 0
expect2 "$KOREA" --runs abc
expect2 "$KOREA" --threads 0
expect2 "$KOREA" --seed -1
expect2 "$KOREA" --until 2031-01
expect2 "$KOREA" --until 2019-13
expect2 "$KOREA" --format xml
expect2 "$KOREA" --format jsn
grep -q "did you mean 'json'" "$TMP/err" || fail "no suggestion for jsn"
expect2 "$KOREA" --set params.rivalry=2
expect2 "$KOREA" --set params.rivlary=0.5
expect2 "$KOREA" --set params.phases=2.5
expect2 "$KOREA" --runs
expect2
expect2 "$TMP/missing.yaml"

# threads 1 and 2: byte-identical outputs
"$BRINK" run "$KOREA" --runs 300 --threads 1 --out "$TMP/t1" >"$TMP/t1.txt" || fail "threads 1"
"$BRINK" run "$KOREA" --runs 300 --threads 2 --out "$TMP/t2" >"$TMP/t2.txt" || fail "threads 2"
for f in events.csv series.csv summary.json; do
    [ -s "$TMP/t1/$f" ] || fail "missing $f"
    cmp -s "$TMP/t1/$f" "$TMP/t2/$f" || fail "$f differs between 1 and 2 threads"
done
cmp -s "$TMP/t1.txt" "$TMP/t2.txt" || fail "report differs between 1 and 2 threads"
for k in outcomes milestones annual_counts seed runs version; do
    grep -q "\"$k\"" "$TMP/t1/summary.json" || fail "summary.json lacks $k"
done
ls "$TMP/t1" | grep -q tmp && fail "temporary file left behind"

# one run: narrative, end state, outcome; same seed, same narrative
"$BRINK" run "$KOREA" --seed 7 --until 2019-12 >"$TMP/a.txt" || fail "single run"
"$BRINK" run "$KOREA" --seed 7 --until 2019-12 >"$TMP/b.txt" || fail "single run"
cmp -s "$TMP/a.txt" "$TMP/b.txt" || fail "same seed, different narrative"
grep -q "^Outcome: " "$TMP/a.txt" || fail "no outcome line"
grep -q "CAMEO 150, -7.2" "$TMP/a.txt" || fail "no test event in the narrative"
"$BRINK" run "$KOREA" --seed 7 --until 2013-12 --out "$TMP/one" >/dev/null || fail "single run --out"
head -1 "$TMP/one/events.csv" | grep -q "^run,date,actor,target,action,cameo,goldstein" || fail "events.csv header"
head -1 "$TMP/one/series.csv" | grep -q "threat_DPRK_USA" || fail "series.csv lacks the threat matrix"
[ "$(wc -l <"$TMP/one/series.csv")" -eq 25 ] || fail "series.csv: expected 24 months"

# an unwritable --out leaves no partial files and fails with 1
mkdir -p "$TMP/ro" && chmod 500 "$TMP/ro"
if [ "$(id -u)" != 0 ]; then
    "$BRINK" run "$KOREA" --out "$TMP/ro/x" >/dev/null 2>&1 && fail "unwritable --out succeeded"
fi
echo ok
