#!/bin/sh
# scenario_doc.sh [BRINK] - regenerates the key table of docs/scenario-format.md
# (everything from the "| key | value |" header on) from
# `brink validate --reference`; the suite tests/suites/docs-reference checks it.
BRINK=${1:-build/brink}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOC="$ROOT/docs/scenario-format.md"
{ sed '/^| key | value |/,$d' "$DOC"; "$BRINK" validate --reference; } >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
