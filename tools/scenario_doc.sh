#!/bin/sh
# scenario_doc.sh [BRINK] - regenerates the key table of docs/scenario-format.md
# from `brink validate --reference` (everything after the "## Keys" preamble).
BRINK=${1:-build/brink}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOC="$ROOT/docs/scenario-format.md"
head=$(sed -n '1,/^`tools\/scenario_doc.sh`; a test checks that it is current)./p' "$DOC")
{ printf '%s\n\n' "$head"; "$BRINK" validate --reference; } >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
