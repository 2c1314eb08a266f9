#!/bin/sh
# run.sh - the headless-browser test of brink's reports.  Writes the report of
# every example directory in tests/report/ (and of a generated 100,000-run
# ensemble when given), loads each in Debian's chromium through
# playwright-core, and fails on console errors, network requests, blank
# screenshots, or a load slower than BRINK_MAX_LOAD_MS (default 2000 ms; a
# slow load is retried twice and the fastest counts, so a busy machine does
# not fail it).
# Exit 77 (ctest: skipped) when chromium or node is missing, unless
# BRINK_REQUIRE_BROWSER=1 (make test sets it after tools/deps.sh installed them).
# When SCENARIO is given (and `brink run` exists), also the flagship
# ensemble of BRINK_REPORT_RUNS runs (default 100000): its report must stay
# under 5 MB and render in under BRINK_MAX_LOAD_MS.
# usage: run.sh BRINK TESTS_REPORT_DIR WORK_DIR [SCENARIO]
BRINK=$1
SRC=$2
WORK=$3
SCENARIO=${4:-}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ] || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "report-browser: SKIPPED: needs Debian's chromium, node and npm (tools/deps.sh installs them)"
    [ "${BRINK_REQUIRE_BROWSER:-0}" = 1 ] && exit 1
    exit 77
fi
set -e
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
SRC=$(cd "$SRC" && pwd)
case $BRINK in /*) ;; */*) BRINK=$(pwd)/$BRINK ;; esac
case $SCENARIO in /* | "") ;; *) SCENARIO=$(pwd)/$SCENARIO ;; esac
if [ ! -d "$WORK/node_modules/playwright-core" ]; then
    cp "$SRC/browser/package.json" "$WORK/package.json"
    (cd "$WORK" && npm install --no-audit --no-fund --silent >/dev/null)
fi
cp "$SRC/browser/check.js" "$WORK/check.js"
reports=""
for d in ensemble run backtest forecast forecast-bdm sweep sweep-wide; do
    "$BRINK" report "$SRC/$d" --out "$WORK/$d.html" --figures "$WORK/fig-$d" >/dev/null
    reports="$reports $WORK/$d.html"
done
# the flagship ensemble, once `brink run` exists
if [ -n "$SCENARIO" ] && [ -f "$SCENARIO" ] && "$BRINK" help run >/dev/null 2>&1; then
    RUNS=${BRINK_REPORT_RUNS:-100000}
    if [ ! -f "$WORK/flagship-$RUNS/summary.json" ]; then
        BRINK_NO_PROGRESS=1 "$BRINK" run "$SCENARIO" --runs "$RUNS" --seed 1 \
            --out "$WORK/flagship-$RUNS" >/dev/null
    fi
    "$BRINK" report "$WORK/flagship-$RUNS" --out "$WORK/flagship-$RUNS.html" >/dev/null
    size=$(wc -c <"$WORK/flagship-$RUNS.html")
    echo "report-browser: flagship ensemble of $RUNS runs: report of $size bytes"
    if [ "$size" -ge 5242880 ]; then
        echo "report-browser: FAIL: the report is not under 5 MB"
        exit 1
    fi
    reports="$reports $WORK/flagship-$RUNS.html"
elif [ -d "$WORK/ensemble-100k" ]; then
    "$BRINK" report "$WORK/ensemble-100k" --out "$WORK/ensemble-100k.html" >/dev/null
    reports="$reports $WORK/ensemble-100k.html"
fi
export BRINK_MAX_LOAD_MS=${BRINK_MAX_LOAD_MS:-2000}
# the checker must catch what it is there to catch: a blank page, a network
# request and a console error each fail it
cd "$WORK"
printf '<!DOCTYPE html><html><body></body></html>\n' > bad-blank.html
printf '<!DOCTYPE html><html><body><svg width="300" height="300"><rect width="300" height="300" fill="red"/></svg><img src="http://192.0.2.1/x.png"></body></html>\n' > bad-request.html
printf '<!DOCTYPE html><html><body><svg width="300" height="300"><rect width="300" height="300" fill="red"/></svg><script>console.error("boom")</script></body></html>\n' > bad-console.html
for bad in bad-blank bad-request bad-console; do
    if node check.js "$CHROMIUM" "$WORK/screenshots-bad" "$bad.html" >"$bad.log" 2>&1; then
        echo "report-browser: FAIL: the checker passed $bad.html, which it must reject"
        exit 1
    fi
done
echo "report-browser: the checker rejects a blank page, a network request and a console error"
# shellcheck disable=SC2086
node check.js "$CHROMIUM" "$WORK/screenshots" $reports
