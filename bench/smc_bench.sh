#!/bin/sh
# smc_bench.sh [BUILD_DIR] - conditioning the flagship on the shipped record
# by the particle filter: 10,000 particles through 8 years of monthly data
# (2012-01 to 2019-12) on 2 threads (acceptance: under 10 s), then 1,000
# particles for scale.  The CPU time is printed too: on a shared machine the
# wall time can exceed CPU / threads by far.
set -e
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B="$BUILD/bench/bench_smc"
K="$ROOT/scenarios/korea.yaml"
R="$ROOT/data/records/dprk.yaml"
[ -x "$B" ] || { echo "build first: cmake --build $BUILD --target bench_smc"; exit 1; }
echo "load: $(cat /proc/loadavg 2>/dev/null)"
"$B" "$K" "$R" 10000 2 2019-12 | tee /tmp/brink_smc_bench.$$
wall=$(sed 's/.*wall \([0-9.]*\) s.*/\1/' /tmp/brink_smc_bench.$$)
rm -f /tmp/brink_smc_bench.$$
if awk "BEGIN{exit !($wall < 10)}"; then
    echo "10,000 particles through 96 months in $wall s: under 10 s (pass)"
else
    echo "10,000 particles through 96 months in $wall s: NOT under 10 s (fail)"
fi
"$B" "$K" "$R" 1000 2 2019-12
