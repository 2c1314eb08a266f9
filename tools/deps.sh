#!/bin/sh
# deps.sh - install the Debian packages brink needs, if any are missing.
# Usage: [BRINK_MPI=1] tools/deps.sh [--test] [extra-package...]
#   without --test: what building and running brink needs (`make demo`),
#   libmicrohttpd and libjs-d3 for the workbench (`brink serve`) included;
#   with --test: also the test tools (`make test`): cmocka, clang and
#   libFuzzer, lrslib (an oracle), valgrind, sqlite3, chromium and node,
#   Python's cffi, numpy, pandas and pytest, and R (the bindings' tests).
# Says what it installs; uses sudo when not root.
set -e
TEST=0
if [ "${1:-}" = "--test" ]; then
    TEST=1
    shift
fi
PKGS="build-essential cmake pkg-config libfyaml-dev libjansson-dev libsqlite3-dev
librandom123-dev libgmp-dev libplplot-dev libmicrohttpd-dev libjs-d3 $*"
if [ "$TEST" = 1 ]; then
    PKGS="$PKGS python3 sqlite3 libcmocka-dev clang libclang-rt-14-dev lrslib valgrind chromium"
    # the Python package python/ and its tests; the R package r/
    PKGS="$PKGS python3-cffi python3-numpy python3-pandas python3-pytest python3-setuptools python3-venv python3-pip r-base-dev"
    # node and npm (the report's browser test installs playwright-core with
    # npm): from Debian unless a node with npm is already installed
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
fi
# optional feature: MPI sweeps (cmake -DBRINK_MPI=ON); BRINK_MPI=1 tools/deps.sh
[ "${BRINK_MPI:-0}" = 1 ] && PKGS="$PKGS libopenmpi-dev openmpi-bin"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
        || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "brink: installing Debian packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
