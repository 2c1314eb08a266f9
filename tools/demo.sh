#!/bin/sh
# demo.sh - the flagship demo run by `make demo`.
# usage: tools/demo.sh BUILD_DIR
set -e
BUILD=${1:-build}
BRINK="$BUILD/brink"
echo "== brink $("$BRINK" --version | cut -d' ' -f2): validating the shipped scenarios"
"$BRINK" validate scenarios/*.yaml
