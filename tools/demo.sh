#!/bin/sh
# demo.sh - the flagship demo run by `make demo`.
# usage: tools/demo.sh BUILD_DIR
set -e
BUILD=${1:-build}
BRINK="$BUILD/brink"
echo "== brink $("$BRINK" --version | cut -d' ' -f2): validating the shipped scenarios"
"$BRINK" validate scenarios/*.yaml
# The flagship ensemble and its report (once `brink run` exists): the last
# line printed is the path of the self-contained HTML report.
if "$BRINK" help run >/dev/null 2>&1; then
    OUT=${BRINK_DEMO_OUT:-out/demo}
    mkdir -p "$OUT"
    echo "== the flagship ensemble: 10000 runs of scenarios/korea.yaml into $OUT"
    "$BRINK" run scenarios/korea.yaml --runs 10000 --seed 1 --out "$OUT"
    echo "== its report (figures in $OUT/figures)"
    "$BRINK" report "$OUT" --out "$OUT/report.html" --figures "$OUT/figures" >/dev/null
    echo "$OUT/report.html"
fi
