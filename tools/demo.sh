#!/bin/sh
# demo.sh - the flagship demo run by `make demo`: one narrated run of the
# Korean Peninsula scenario, then a 10,000-run ensemble written to out/korea
# that draws its parameters from the calibrated posterior
# (scenarios/korea.posterior/, fitted to 2012-2017 by `brink calibrate`),
# then the backtest of 2012-2019 (patterns and baselines) and a second case.
# usage: tools/demo.sh BUILD_DIR
set -e
BUILD=${1:-build}
BRINK="$BUILD/brink"
echo "== brink $("$BRINK" --version | cut -d' ' -f2): the flagship scenario"
"$BRINK" validate scenarios/korea.yaml
echo
echo "== one run (seed 7), 2012-2019"
"$BRINK" run scenarios/korea.yaml --params scenarios/korea.posterior --seed 7 --until 2019-12
echo
echo "== 10,000 runs to 2030 (seed 1) over the calibrated posterior, written to out/korea"
"$BRINK" run scenarios/korea.yaml --params scenarios/korea.posterior --runs 10000 --seed 1 --out out/korea
echo
echo "== backtest 2012-2019: the record's patterns and three baselines, written to out/korea-backtest"
"$BRINK" backtest scenarios/korea.yaml --params scenarios/korea.posterior --runs 10000 --seed 1 --out out/korea-backtest
"$BRINK" report out/korea-backtest --out out/korea-backtest/report.html >/dev/null
echo "   its report: out/korea-backtest/report.html"
echo
echo "== another case with the same parameters: Libya 2001-2006 (2,000 runs)"
"$BRINK" run scenarios/cases/libya-2001.yaml --params scenarios/korea.posterior --runs 2000 --seed 1 | sed -n '1,9p'
echo
echo "== the 2018-2019 talks: SMP forecast, written to out/korea-talks"
"$BRINK" forecast scenarios/forecast/korea-2018.csv --model smp --out out/korea-talks >/dev/null
"$BRINK" report out/korea-talks --out out/korea-talks/report.html >/dev/null
echo "   its report: out/korea-talks/report.html"
echo
echo "== the report of the 10,000-run ensemble (figures in out/korea/figures)"
"$BRINK" report out/korea --out out/korea/report.html --figures out/korea/figures
