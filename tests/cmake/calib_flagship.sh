#!/bin/sh
# usage: calib_flagship.sh BRINK ROOT
# 1. `brink calibrate` with the default budget and seed reproduces the shipped
#    posterior byte for byte (the time is printed, not judged: tests are
#    bounded by work; the ctest TIMEOUT only guards against a hang).
# 2. The backtest of the calibrated flagship beats the Poisson, negative
#    binomial and persistence baselines on the mean CRPS of annual missile
#    launches, over 2012-2019 and over 2018-2019 alone, and its 90%
#    intervals cover at least 7 of the 8 observed annual counts.
# 3. The patterns of the record (docs/validation.md): every statistic of
#    the record inside the model's central 90% interval; the launch rate in
#    talks or deal months at most a quarter of the rate outside; summits
#    cluster; no nuclear test in 2018-2019 with probability at least 0.5;
#    P(any veto 2012-2019) below 0.3; no comprehensive deal by 2019; the
#    median first ICBM-class launch in 2016-2019.
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
for f in posterior.csv history.csv distances.csv summary.json; do
    cmp -s "$T/post/$f" "$ROOT/scenarios/korea.posterior/$f" ||
        { echo "FAIL: $f differs from scenarios/korea.posterior/$f"; fail=1; }
done
"$BRINK" backtest "$ROOT/scenarios/korea.yaml" --params "$ROOT/scenarios/korea.posterior" \
    --runs 10000 --seed 1 --out "$T/bt" >/dev/null || { echo "FAIL: backtest"; fail=1; }
"$BRINK" backtest "$ROOT/scenarios/korea.yaml" --params "$ROOT/scenarios/korea.posterior" \
    --runs 10000 --seed 1 --window 2018-2019 --out "$T/bt2" >/dev/null || { echo "FAIL: backtest 2018-2019"; fail=1; }
python3 - "$T/bt/backtest.json" "$T/bt2/backtest.json" <<'PY' || fail=1
import json, sys
b = json.load(open(sys.argv[1]))
ok = True
def check(name, cond):
    global ok
    print(("ok   " if cond else "FAIL ") + name)
    ok = ok and cond
for path, years in ((sys.argv[1], 8), (sys.argv[2], 2)):
    s = json.load(open(path))["summary"]["missiles"]
    print("missiles %d years: mean CRPS %.3f, Poisson %.3f, NegBin %.3f, persistence %.3f, 90%% covers %d"
          % (years, s["mean_crps"], s["mean_crps_poisson"], s["mean_crps_negative_binomial"],
             s["mean_crps_persistence"], s["covered_90"]))
    check("beats the baselines over %d years" % years,
          s["years"] == years and s["mean_crps"] < min(s["mean_crps_poisson"],
          s["mean_crps_negative_binomial"], s["mean_crps_persistence"]))
s = b["summary"]["missiles"]
check("90% intervals cover at least 7 of 8 years", s["covered_90"] >= 7)
c = b["checks"]
check("every pattern of the record inside the central 90%% interval (%d of %d)"
      % (c["patterns_inside_90"], c["patterns_judged"]),
      c["patterns_judged"] == 9 and c["patterns_inside_90"] == 9)
check("launch rate in talks at most a quarter of the rate outside (%.3f / %.3f)"
      % (c["pooled_rate_in_talks"], c["pooled_rate_outside"]),
      c["pooled_rate_in_talks"] <= 0.25 * c["pooled_rate_outside"])
check("summits cluster: P(3 in 12 months) %.3f" % c["p_3_summits_in_12_months"],
      c["p_3_summits_in_12_months"] > 0.1)
check("P(no nuclear test 2018-2019) %.3f" % c["p_no_nuclear_test_last2"],
      c["p_no_nuclear_test_last2"] >= 0.5)
check("P(any veto) %.3f" % c["any_veto"]["mean"], c["any_veto"]["mean"] < 0.3)
check("P(no comprehensive deal by 2019) %.3f" % c["p_no_comprehensive_deal"],
      c["p_no_comprehensive_deal"] > 0.95)
m = b["targets"]["first_icbm_test"]["predicted"]["q50"]
check("median first ICBM-class launch %s in 2016-2019" % m, "2016" <= m <= "2019-12")
sys.exit(0 if ok else 1)
PY
rm -rf "$T"
[ $fail -eq 0 ] && echo "calib.flagship_posterior: passed"
exit $fail
