#!/bin/sh
# r_check.sh - the R package r/: installs libbrink into a temporary DESTDIR
# (found through pkg-config, as a user's installed copy would be), builds
# the package and runs `R CMD check` (its tests solve a game and run the
# flagship ensemble against the brink command).  Fails on any ERROR or
# WARNING.
# usage: r_check.sh BUILD_DIR SOURCE_DIR BRINK
set -u
B=$1
S=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v R >/dev/null 2>&1 || fail "R is not installed (tools/deps.sh installs r-base-dev)"
DESTDIR="$tmp/root" cmake --install "$B" >"$tmp/install.log" 2>&1 \
    || { cat "$tmp/install.log"; fail "cmake --install"; }
pc=$(find "$tmp/root" -name brink.pc | head -n 1)
[ -n "$pc" ] || fail "no brink.pc installed"
export PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_SYSROOT_DIR="$tmp/root"
export BRINK_SOURCE_DIR="$S" BRINK_CLI="$3" _R_CHECK_FORCE_SUGGESTS_=false
cp -r "$S/r" "$tmp/brink" || fail "copy"
# offline: R CMD check looks packages up in a repository; give it an empty local one
mkdir -p "$tmp/repo/src/contrib" && : >"$tmp/repo/src/contrib/PACKAGES"
echo "options(repos = c(CRAN = 'file://$tmp/repo'))" >"$tmp/Rprofile"
export R_PROFILE_USER="$tmp/Rprofile"
cd "$tmp" || exit 1
R CMD build --no-build-vignettes brink >build.log 2>&1 || { cat build.log; fail "R CMD build"; }
R CMD check --no-manual -o "$tmp" brink_*.tar.gz >check.log 2>&1
rc=$?
cat check.log
[ $rc -eq 0 ] || { cat brink.Rcheck/00install.out 2>/dev/null; fail "R CMD check exited $rc"; }
if grep -q "^\* .*\(WARNING\|ERROR\)$" check.log || grep -q "^Status:.*\(WARNING\|ERROR\)" check.log; then
    fail "R CMD check reported warnings or errors"
fi
echo "R CMD check: $(grep '^Status:' check.log)"
