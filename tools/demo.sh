#!/bin/sh
# demo.sh - the flagship demo run by `make demo`.
# usage: tools/demo.sh BUILD_DIR
set -e
BUILD=${1:-build}
BRINK="$BUILD/brink"
echo "== brink $("$BRINK" --version | cut -d' ' -f2): validating the shipped scenarios"
"$BRINK" validate scenarios/*.yaml
# The 2018 talks forecast and its report (once `brink forecast` exists).
if "$BRINK" help forecast >/dev/null 2>&1 && [ -f scenarios/forecast/korea-2018.csv ]; then
    FOUT=${BRINK_DEMO_OUT:-out/demo}-forecast
    mkdir -p "$FOUT"
    echo "== the 2018-2019 talks: SMP forecast into $FOUT"
    "$BRINK" forecast scenarios/forecast/korea-2018.csv --model smp --out "$FOUT" >/dev/null
    "$BRINK" report "$FOUT" --out "$FOUT/report.html" >/dev/null
    echo "   its report: $FOUT/report.html"
fi
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
