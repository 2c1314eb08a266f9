#!/bin/sh
# sim_bench.sh [BUILD_DIR] - benchmark of the flagship ensemble to 2030:
# 10,000 runs on 2 threads (acceptance: under 10 s), runs/s and
# actor-months/s, and peak memory for 1,000 and 100,000 runs (must not
# grow with the run count: only summaries are kept).
set -e
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B="$BUILD/bench/bench_sim"
K="$ROOT/scenarios/korea.yaml"
[ -x "$B" ] || { echo "build first: cmake --build $BUILD --target bench_sim"; exit 1; }
echo "load: $(cat /proc/loadavg 2>/dev/null)"
"$B" "$K" 10000 2 | tee /tmp/brink_sim_bench.$$
wall=$(sed 's/.*wall \([0-9.]*\) s.*/\1/' /tmp/brink_sim_bench.$$)
rm -f /tmp/brink_sim_bench.$$
if awk "BEGIN{exit !($wall < 10)}"; then
    echo "10,000 runs to 2030 in $wall s: under 10 s (pass)"
else
    echo "10,000 runs to 2030 in $wall s: NOT under 10 s (fail)"
fi
"$B" "$K" 1000 2
"$B" "$K" 100000 2
