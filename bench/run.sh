#!/bin/sh
# run.sh - runs every benchmark script bench/*_bench.sh with the build dir,
# each of which prints brink's figures beside its peer's and their ratios.
# usage: bench/run.sh [BUILD_DIR]
BUILD=${1:-build}
status=0
for b in "$(dirname "$0")"/*_bench.sh; do
    [ -f "$b" ] || continue
    echo "== $(basename "$b")"
    sh "$b" "$BUILD" || status=1
done
exit $status
