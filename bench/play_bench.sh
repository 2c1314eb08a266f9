#!/bin/sh
# play_bench.sh [BUILD_DIR] - the play advisor on the flagship (as the USA):
# one month's advice, 200 look-ahead runs over 12 months for every option,
# must come within 2 s on 2 cores; beside a plain ensemble of the same
# runs and months (ratio).  Exit status 1 if the worst advice is 2 s or more.
set -e
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B="$BUILD/bench/bench_play"
[ -x "$B" ] || { echo "build first: cmake --build $BUILD --target bench_play"; exit 1; }
echo "load: $(cat /proc/loadavg 2>/dev/null)"
"$B" "$ROOT/scenarios/korea.yaml" USA 200 12 2
