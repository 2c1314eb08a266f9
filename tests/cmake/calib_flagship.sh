#!/bin/sh
# usage: calib_flagship.sh BRINK ROOT
# 1. `brink calibrate` with the default budget and seed reproduces the shipped
#    posterior byte for byte, in under 15 minutes.
# 2. The backtest of the calibrated flagship beats both naive baselines on the
#    mean CRPS of annual missile launches 2012-2019 and its 90% intervals
#    cover at least 6 of the 8 observed annual counts.
BRINK=$1
ROOT=$2
T=${TMPDIR:-/tmp}/brink-calib.$$
fail=0
mkdir -p "$T"
t0=$(date +%s)
"$BRINK" calibrate "$ROOT/scenarios/korea.yaml" --targets "$ROOT/data/calib_targets_korea_2012_2017.yaml" \
    --out "$T/post" >/dev/null || { echo "FAIL: calibrate"; fail=1; }
t1=$(date +%s)
echo "calibration: $((t1 - t0)) s"
[ $((t1 - t0)) -lt 900 ] || { echo "FAIL: calibration took $((t1 - t0)) s"; fail=1; }
for f in posterior.csv history.csv distances.csv summary.json; do
    cmp -s "$T/post/$f" "$ROOT/scenarios/korea.posterior/$f" ||
        { echo "FAIL: $f differs from scenarios/korea.posterior/$f"; fail=1; }
done
"$BRINK" backtest "$ROOT/scenarios/korea.yaml" --params "$ROOT/scenarios/korea.posterior" \
    --runs 10000 --seed 1 --out "$T/bt" >/dev/null || { echo "FAIL: backtest"; fail=1; }
python3 - "$T/bt/backtest.json" <<'PY' || fail=1
import json, sys
s = json.load(open(sys.argv[1]))["summary"]["missiles"]
print("missiles: mean CRPS %.3f, Poisson %.3f, persistence %.3f, 90%% covers %d/8"
      % (s["mean_crps"], s["mean_crps_poisson"], s["mean_crps_persistence"], s["covered_90"]))
ok = s["mean_crps"] < s["mean_crps_poisson"] and s["mean_crps"] < s["mean_crps_persistence"] \
     and s["covered_90"] >= 6 and s["years"] == 8
sys.exit(0 if ok else 1)
PY
rm -rf "$T"
[ $fail -eq 0 ] && echo "calib.flagship_posterior: passed"
exit $fail
