#!/bin/sh
# cli.sh - brink sweep / analyze / export end to end: outputs, files, exit
# statuses.  usage: cli.sh BRINK SOURCE_DIR
BRINK=$1
SRC=$2
T=$(mktemp -d /tmp/brink-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect_status() { # expected-status command...
    want=$1; shift
    "$@" >"$T/out" 2>"$T/err"; got=$?
    [ "$got" -eq "$want" ] || { cat "$T/err"; fail "'$*' exited $got, expected $want"; }
}
EX=$SRC/scenarios/experiments

expect_status 0 "$BRINK" sweep "$EX/ishigami-sobol.yaml" --dry-run
grep -q "design sobol, 20480 points x 1 replications = 20480 runs" "$T/out" || fail "dry run: $(cat "$T/out")"
[ ! -e "$T/none" ] || fail "dry run wrote something"

# a small Ishigami sweep, analysed
sed 's/n: 4096/n: 512/' "$EX/ishigami-sobol.yaml" > "$T/ish.yaml"
expect_status 0 "$BRINK" sweep "$T/ish.yaml" --out "$T/ish" --threads 2
grep -q "2560 runs done (0 already in the store, 0 failed)" "$T/out" || fail "sweep: $(cat "$T/out")"
expect_status 1 "$BRINK" sweep "$T/ish.yaml" --out "$T/ish"
grep -q "already holds a sweep; use --resume" "$T/err" || fail "no-resume message: $(cat "$T/err")"
expect_status 0 "$BRINK" sweep "$T/ish.yaml" --out "$T/ish" --resume
grep -q "0 runs done (2560 already in the store" "$T/out" || fail "resume: $(cat "$T/out")"
expect_status 0 "$BRINK" analyze "$T/ish" --method sobol --bootstrap 200
grep -q "^x2 " "$T/out" || fail "sobol table: $(cat "$T/out")"
[ -s "$T/ish/analysis/sobol-default.json" ] || fail "sobol JSON not written"
python3 - "$T/ish/analysis/sobol-default.json" <<'PY' || fail "sobol JSON content"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["method"] == "sobol" and d["output"] == "y" and d["bootstrap"] == 200
ix = {r["factor"]: r for r in d["indices"]}
assert abs(ix["x2"]["S1"] - 0.4424) < 0.05 and abs(ix["x3"]["ST"] - 0.2437) < 0.05
PY
expect_status 0 "$BRINK" analyze "$T/ish" --method summary --json -
python3 -c "import json,sys; d=json.load(sys.stdin); assert len(d['points']) == 2560" < "$T/out" || fail "summary JSON"
expect_status 1 "$BRINK" analyze "$T/ish" --method morris
grep -q "morris analysis needs a morris design" "$T/err" || fail "morris on sobol: $(cat "$T/err")"
expect_status 1 "$BRINK" analyze "$T/ish" --method sobol --output z
expect_status 2 "$BRINK" analyze "$T/ish" --method prim
expect_status 2 "$BRINK" analyze "$T/ish" --metod sobol
grep -q "did you mean '--method'" "$T/err" || fail "suggestion: $(cat "$T/err")"

# export
expect_status 0 "$BRINK" export "$T/ish" --format csv
[ "$(head -n 1 "$T/out")" = "point,rep,status,error,x1,x2,x3,y" ] || fail "csv header: $(head -n 1 "$T/out")"
[ "$(wc -l < "$T/out")" -eq 2561 ] || fail "csv rows"
expect_status 0 "$BRINK" export "$T/ish" --format csv --table points -o "$T/points.csv"
[ "$(head -n 1 "$T/points.csv")" = "point,x1,x2,x3,y_n,y_failed,y_mean,y_sd,y_min,y_max" ] || fail "points header"
expect_status 0 "$BRINK" export "$T/ish" --format json --table runs
python3 -c "import json,sys; d=json.load(sys.stdin); assert len(d['rows']) == 2560 and d['rows'][0]['status'] == 'ok'" < "$T/out" || fail "json export"
expect_status 2 "$BRINK" export "$T/ish" --format xml
expect_status 1 "$BRINK" export "$T/nothing" --format csv

# usage errors and MPI without MPI
expect_status 2 "$BRINK" sweep
expect_status 2 "$BRINK" sweep "$T/ish.yaml"
expect_status 2 "$BRINK" sweep "$T/ish.yaml" --out "$T/x" --threads 0
expect_status 2 "$BRINK" sweep "$T/missing.yaml" --out "$T/x"
if ! "$BRINK" sweep "$T/ish.yaml" --out "$T/mpi" --mpi --help >/dev/null 2>&1; then fail "help"; fi

# the key table of docs/experiments.md is the output of --reference
"$BRINK" sweep --reference > "$T/ref.md" || fail "--reference"
tail -n "$(wc -l < "$T/ref.md")" "$SRC/docs/experiments.md" | cmp -s - "$T/ref.md" ||
    fail "docs/experiments.md is out of date: regenerate its key table with 'brink sweep --reference'"
echo "exp.cli: reference table up to date"
