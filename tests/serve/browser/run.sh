#!/bin/sh
# run.sh - the browser test of `brink serve`: starts the server on a free
# loopback port over the source tree, runs workbench.js in Debian's chromium
# through playwright-core (installed with npm into WORK_DIR, never
# committed), and stops the server (exit 0 expected: a clean stop).
# Screenshots go to WORK_DIR/screenshots; with BRINK_UPDATE_DOCS=1 also to
# docs/img/ (the pictures of docs/workbench.md).
# Exit 77 (ctest: skipped) when chromium or node is missing, unless
# BRINK_REQUIRE_BROWSER=1.
# usage: run.sh BRINK SOURCE_DIR WORK_DIR
BRINK=$1
SRC=$(cd "$2" && pwd)
WORK=$3
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ] || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "workbench-browser: SKIPPED: needs Debian's chromium, node and npm (tools/deps.sh installs them)"
    [ "${BRINK_REQUIRE_BROWSER:-0}" = 1 ] && exit 1
    exit 77
fi
set -e
mkdir -p "$WORK/screenshots"
WORK=$(cd "$WORK" && pwd)
if [ ! -d "$WORK/node_modules/playwright-core" ]; then
    cp "$SRC/tests/serve/browser/package.json" "$WORK/package.json"
    (cd "$WORK" && npm install --no-audit --no-fund --silent >/dev/null)
fi
cp "$SRC/tests/serve/browser/workbench.js" "$WORK/workbench.js"
"$BRINK" serve --port 0 --root "$SRC" >"$WORK/serve.out" 2>"$WORK/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
i=0
while ! grep -q 'http://' "$WORK/serve.out" 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 300 ] || ! kill -0 $PID 2>/dev/null; then
        echo "workbench-browser: FAIL: the server did not start"; cat "$WORK/serve.err"; exit 1
    fi
    sleep 0.1
done
URL=$(sed -n 's/.*\(http:[^ ]*\) .*/\1/p' "$WORK/serve.out")
set +e
(cd "$WORK" && node workbench.js "$CHROMIUM" "$URL" "$WORK/screenshots")
rc=$?
kill -TERM $PID
wait $PID
src=$?
trap - EXIT
if [ $src -ne 0 ]; then
    echo "workbench-browser: FAIL: the server exited $src"; tail -20 "$WORK/serve.err"; exit 1
fi
if [ $rc -eq 0 ] && [ "${BRINK_UPDATE_DOCS:-0}" = 1 ]; then
    mkdir -p "$SRC/docs/img"
    cp "$WORK"/screenshots/workbench-*.png "$SRC/docs/img/"
fi
exit $rc
