#!/bin/sh
# deps.sh - install the Debian packages brink needs, if any are missing.
# Usage: [BRINK_MPI=1] tools/deps.sh [extra-package...]
# Says what it installs; uses sudo when not root.
set -e
PKGS="build-essential cmake pkg-config python3 libfyaml-dev libjansson-dev libsqlite3-dev sqlite3
librandom123-dev libcmocka-dev libgmp-dev clang libclang-rt-14-dev lrslib valgrind
libplplot-dev chromium
python3-cffi python3-numpy python3-pandas python3-pytest python3-setuptools python3-venv python3-pip
r-base-dev $*"
# python3-*: the Python package python/ and its tests; r-base-dev: the R package r/
# node and npm (the report's browser test installs playwright-core with npm):
# from Debian unless a node with npm is already installed
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
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
