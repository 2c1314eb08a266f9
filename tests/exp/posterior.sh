#!/bin/sh
# posterior.sh - sweeps that draw each run's parameters from a calibration
# posterior (experiment key `params`, flag --params; docs/experiments.md).
# The expected values come from hand arguments, from sha256sum and from
# `brink run --params`, never from an earlier sweep of the same posterior:
#   - nuclear_rate = 0 makes a nuclear test impossible (docs/model.md 4.1:
#     a test happens with probability nuclear_rate * p_nuclear), and
#     nuclear_rate = 1 (6.7 times the default 0.15) makes tests more common;
#   - weights (1, 0) draw the first set for every run, (0, 1) the second;
#   - a factor naming a posterior path wins over the posterior;
#   - the store is the same for 1 and 2 threads and after a resume, and a
#     resume with another posterior (or none) is refused;
#   - a one-point sweep at the scenario's own factor value reproduces the
#     counts of `brink run --params` with the same seed (one rule for both);
#   - bad posteriors are located errors with exit status 2.
# usage: posterior.sh BRINK SOURCE_DIR
BRINK=$1
SRC=$2
EXP=$SRC/tests/exp/posterior-sweep.yaml
SC=$SRC/scenarios/korea.yaml
SHIPPED=$SRC/scenarios/korea.posterior
DUMP="sh $SRC/tests/exp/store_dump.sh"
T=$(mktemp -d /tmp/brink-posterior-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect_status() { # expected-status command...
    want=$1; shift
    "$@" >"$T/out" 2>"$T/err"; got=$?
    [ "$got" -eq "$want" ] || { cat "$T/err"; fail "'$*' exited $got, expected $want"; }
}
post() { # DIR CSV-TEXT: writes T/DIR/posterior.csv
    mkdir -p "$T/$1"
    printf "$2" > "$T/$1/posterior.csv"
}
sweep() { # OUT [ARGS...]: sweeps EXP into T/OUT
    out=$1; shift
    "$BRINK" sweep "$EXP" --out "$T/$out" --threads 2 "$@" >/dev/null || fail "sweep $out $*"
}
q() { sqlite3 -readonly "$T/$1/results.sqlite" "$2"; }
total() { # STORE OUTPUT: the output's sum over the runs, as an integer
    q "$1" "SELECT CAST(coalesce(sum(s.value), 0) AS INTEGER) FROM scalar s
            JOIN output o ON o.idx = s.output WHERE o.name = '$2'"
}
# a store's dump without the two manifest rows naming the posterior
body() { $DUMP "$T/$1" | grep -v '^manifest|posterior'; }
# ... and without those naming the experiment file and the scenario path
runs() { body "$1" | grep -v -e '^manifest|experiment_sha256|' -e '^manifest|scenario|'; }

post zero 'weight,params.nuclear_rate\n1,0\n'
post high 'weight,params.nuclear_rate\n1,1\n'
post first 'weight,params.nuclear_rate\n1,0\n0,1\n'
post second 'weight,params.nuclear_rate\n0,0\n1,1\n'
post mix 'weight,params.nuclear_rate\n1,0\n1,1\n'

# 1. the direction a hand argument predicts
sweep base
sweep zero --params "$T/zero"
sweep high --params "$T/high"
[ "$(q zero "SELECT count(*) FROM run WHERE status = 'ok'")" = 60 ] || fail "zero: not 60 ok runs"
nb=$(total base nuclear_tests_total)
nz=$(total zero nuclear_tests_total)
nh=$(total high nuclear_tests_total)
[ "$nb" -gt 0 ] || fail "no nuclear test without a posterior ($nb)"
[ "$nz" -eq 0 ] || fail "nuclear_rate = 0 still gave $nz nuclear tests"
[ "$nh" -gt "$nb" ] || fail "nuclear_rate = 1 gave $nh nuclear tests, not more than $nb"
echo "posterior: nuclear tests in 60 runs: no posterior $nb, nuclear_rate=0 $nz, nuclear_rate=1 $nh"

# 2. weights (1, 0) and (0, 1) give the store of the set alone; (1, 1) mixes
sweep first --params "$T/first"
sweep second --params "$T/second"
sweep mix --params "$T/mix"
body zero > "$T/zero.txt"; body first > "$T/first.txt"
body high > "$T/high.txt"; body second > "$T/second.txt"; body mix > "$T/mix.txt"
cmp -s "$T/zero.txt" "$T/first.txt" || fail "weights (1, 0): not the store of the first set alone"
cmp -s "$T/high.txt" "$T/second.txt" || fail "weights (0, 1): not the store of the second set alone"
cmp -s "$T/mix.txt" "$T/zero.txt" && fail "weights (1, 1): the store of the first set alone"
cmp -s "$T/mix.txt" "$T/high.txt" && fail "weights (1, 1): the store of the second set alone"
none=$(q mix "SELECT count(*) FROM scalar s JOIN output o ON o.idx = s.output
              WHERE o.name = 'nuclear_tests_total' AND s.value = 0")
[ "$none" -ge 10 ] && [ "$none" -le 50 ] || fail "weights (1, 1): $none of 60 runs without a test"
echo "posterior: weights (1,0) and (0,1) give the one-set stores ($(wc -l < "$T/zero.txt") rows); (1,1): $none of 60 runs without a nuclear test"

# 3. provenance: the manifest names the posterior and its SHA-256
[ "$(q mix "SELECT value FROM manifest WHERE key = 'posterior'")" = "$T/mix" ] || fail "manifest posterior"
[ "$(q mix "SELECT value FROM manifest WHERE key = 'posterior_sha256'")" = \
  "$(sha256sum "$T/mix/posterior.csv" | cut -c1-64)" ] || fail "manifest posterior_sha256"
[ "$(q base "SELECT value FROM manifest WHERE key = 'posterior_sha256'")" = "" ] ||
    fail "manifest posterior_sha256 without a posterior"

# 4. the shipped posterior (500 sets, 9 paths): 1 thread, 2 threads and
# 2 threads in batches of 3 give one store
"$BRINK" sweep "$EXP" --out "$T/t1" --threads 1 --params "$SHIPPED" >/dev/null || fail "1 thread"
"$BRINK" sweep "$EXP" --out "$T/t2" --threads 2 --params "$SHIPPED" >/dev/null || fail "2 threads"
"$BRINK" sweep "$EXP" --out "$T/t2b" --threads 2 --batch 3 --params "$SHIPPED" >/dev/null ||
    fail "2 threads, batch 3"
$DUMP "$T/t1" > "$T/t1.txt"; $DUMP "$T/t2" > "$T/t2.txt"; $DUMP "$T/t2b" > "$T/t2b.txt"
cmp -s "$T/t1.txt" "$T/t2.txt" || fail "1 and 2 threads differ with a posterior"
cmp -s "$T/t1.txt" "$T/t2b.txt" || fail "the batch size changes the store with a posterior"
body t1 > "$T/t1b.txt"; body base > "$T/base.txt"
cmp -s "$T/t1b.txt" "$T/base.txt" && fail "the shipped posterior changes nothing"
echo "posterior: shipped posterior, identical stores for 1 and 2 threads ($(wc -l < "$T/t1.txt") rows)"

# 5. resume: a store missing half its runs is finished with the same
# draws; another posterior, or none, is refused
cp -r "$T/t1" "$T/part"
sqlite3 "$T/part/results.sqlite" "DELETE FROM run WHERE point >= 3; DELETE FROM scalar WHERE
    point >= 3; DELETE FROM point_summary; UPDATE manifest SET value = 'running' WHERE key = 'status'"
[ "$(q part "SELECT count(*) FROM run")" = 30 ] || fail "partial store"
expect_status 1 "$BRINK" sweep "$EXP" --out "$T/part" --resume --params "$T/mix"
grep -q "was started with another posterior" "$T/err" || fail "other posterior: $(cat "$T/err")"
expect_status 1 "$BRINK" sweep "$EXP" --out "$T/part" --resume
grep -q "cannot resume it without one" "$T/err" || fail "no posterior: $(cat "$T/err")"
expect_status 1 "$BRINK" sweep "$EXP" --out "$T/base" --resume --params "$T/mix"
grep -q "was started without a posterior" "$T/err" || fail "posterior on a plain store: $(cat "$T/err")"
[ "$(q part "SELECT count(*) FROM run")" = 30 ] || fail "a refused resume wrote runs"
expect_status 0 "$BRINK" sweep "$EXP" --out "$T/part" --resume --threads 2 --params "$SHIPPED"
grep -q "30 runs done (30 already in the store" "$T/out" || fail "resume: $(cat "$T/out")"
$DUMP "$T/part" > "$T/part.txt"
cmp -s "$T/t1.txt" "$T/part.txt" || fail "the resumed store differs from the uninterrupted one"
echo "posterior: resume refused with another posterior or none; resumed store identical"

# 6. the key, relative to the experiment file; the flag overrides it (the
# key is then not read)
mkdir -p "$T/sub"
key_exp() { # FILE PARAMS-VALUE
    sed "s#^scenario: .*#scenario: $SC\nparams: $2#" "$EXP" > "$1"
}
key_exp "$T/sub/key.yaml" ../high
key_exp "$T/sub/gone.yaml" ../nowhere
(cd / && "$BRINK" sweep "$T/sub/key.yaml" --out "$T/key" --threads 2 >/dev/null) || fail "key"
[ "$(q key "SELECT value FROM manifest WHERE key = 'posterior'")" = "../high" ] || fail "key: manifest"
runs key > "$T/key.txt"
runs high | cmp -s - "$T/key.txt" ||
    fail "the key gives another store than --params"
(cd "$T" && "$BRINK" sweep sub/key.yaml --params zero --out "$T/kf" --threads 2 >/dev/null) ||
    fail "key and flag"
runs kf > "$T/kf.txt"
runs zero | cmp -s - "$T/kf.txt" ||
    fail "--params does not override the key"
(cd "$T" && "$BRINK" sweep sub/gone.yaml --params zero --out "$T/kg" >/dev/null) ||
    fail "--params did not replace a key naming a missing directory"
expect_status 2 "$BRINK" sweep "$T/sub/gone.yaml" --dry-run
grep -q "gone.yaml:[0-9]*:[0-9]*: error: params: cannot open $T/sub/../nowhere/posterior.csv" "$T/err" ||
    fail "missing key directory: $(cat "$T/err")"
echo "posterior: key relative to the experiment file; --params overrides it"

# 7. a factor naming a posterior path (in any spelling) wins
sed "s#- {name: rivalry.*#- {name: nuclear, path: params.nuclear_rate, dist: levels, levels: [0]}\n  - {name: risk, path: 'actors[DPRK].leaders[1].risk', dist: levels, levels: [0.3]}#" \
    "$EXP" > "$T/sub/fw.yaml"
sed -i "s#^scenario: .*#scenario: $SC#" "$T/sub/fw.yaml"
post fwp 'weight,params.nuclear_rate,actors[0].leaders[1].risk,params.rivalry\n1,1,0.9,0.5\n'
expect_status 0 "$BRINK" sweep "$T/sub/fw.yaml" --dry-run --params "$T/fwp"
grep -q "params.nuclear_rate is set by factor nuclear, not by the posterior" "$T/out" &&
grep -q "actors\[0\].leaders\[1\].risk is set by factor risk, not by the posterior" "$T/out" &&
! grep -q "params.rivalry is set by" "$T/out" || fail "dry run: $(cat "$T/out")"
"$BRINK" sweep "$T/sub/fw.yaml" --out "$T/fw" --threads 2 --params "$T/fwp" >/dev/null || fail "factor wins"
[ "$(total fw nuclear_tests_total)" -eq 0 ] || fail "the posterior's nuclear_rate won over the factor"
echo "posterior: a factor wins over the posterior (aliased paths too)"

# 8. one rule with brink run: a one-point sweep at the scenario's own
# rivalry (0.3) counts what `brink run --params` counts, run for run
sed -e "s#^scenario: .*#scenario: $SC#" -e 's/^replications: .*/replications: 200/' \
    -e 's/^design: .*/design: {type: list, points: [{values: [0.3]}]}/' \
    -e 's/dist: uniform, min: 0.1, max: 0.8/dist: levels, levels: [0.3]/' "$EXP" > "$T/one.yaml"
grep -q "^  rivalry: 0.3$" "$SC" || fail "the scenario's rivalry is no longer 0.3"
"$BRINK" sweep "$T/one.yaml" --out "$T/one" --params "$SHIPPED" >/dev/null || fail "one-point sweep"
"$BRINK" run "$SC" --seed 7 --runs 200 --until 2016-12 --params "$SHIPPED" --format json \
    > "$T/run.json" || fail "brink run"
for c in nuclear_tests missiles launch_days; do
    want=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); \
print(round(200 * sum(v['mean'] for v in d['annual_counts'][sys.argv[2]].values())))" "$T/run.json" $c)
    got=$(total one ${c}_total)
    [ "$got" = "$want" ] || fail "$c: the sweep counts $got, brink run $want"
done
echo "posterior: one-point sweep = brink run --params ($(total one missiles_total) missiles in 200 runs)"

# 9. bad posteriors given to --params: located errors, exit 2, nothing written
post bad 'weight,params.nuclear_rate,params.no_such_key\n1,0.1,2\n'
post badw 'weight,params.nuclear_rate\nheavy,0.1\n'
post badc 'weight,params.nuclear_rate\n1,0.1,3\n'
expect_status 2 "$BRINK" sweep "$EXP" --out "$T/x" --params "$T/bad"
grep -q "^$T/bad/posterior.csv:1:28: error: params.no_such_key: found a column the scenario does not have" "$T/err" ||
    fail "unknown path: $(cat "$T/err")"
expect_status 2 "$BRINK" sweep "$EXP" --out "$T/x" --params "$T/badw"
grep -q "^$T/badw/posterior.csv:2:1: error: weight: found 'heavy'; expected a finite number" "$T/err" ||
    fail "weight: $(cat "$T/err")"
expect_status 2 "$BRINK" sweep "$EXP" --out "$T/x" --params "$T/badc"
grep -q "^$T/badc/posterior.csv:2:1: error: 3 fields; expected 2" "$T/err" || fail "columns: $(cat "$T/err")"
expect_status 2 "$BRINK" sweep "$EXP" --out "$T/x" --params "$T/none"
grep -q "^$T/none/posterior.csv:0:0: error: --params: cannot open" "$T/err" || fail "missing: $(cat "$T/err")"
expect_status 2 "$BRINK" sweep "$SRC/scenarios/experiments/linear-morris.yaml" --out "$T/x" --params "$T/zero"
grep -q "error: params: --params $T/zero: the experiment has no scenario" "$T/err" ||
    fail "no scenario: $(cat "$T/err")"
expect_status 2 "$BRINK" sweep "$EXP" --out "$T/x" --params
[ ! -e "$T/x" ] || fail "a bad posterior left an output directory"
echo "posterior: bad posteriors are located errors (exit 2), nothing written"
