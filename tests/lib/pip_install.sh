#!/bin/sh
# pip_install.sh - `pip install ./python` works offline (Debian's cffi,
# numpy and pandas; a venv with --system-site-packages), and the installed
# package runs the flagship ensemble with DataFrames equal to `brink run
# --format json` for the same seed (the pytest case, run against the
# installed copy rather than the source tree).
# usage: pip_install.sh PYTHON SOURCE_DIR LIBBRINK BRINK
set -u
PY=$1
S=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$S/python" "$tmp/src" || fail "copy"
"$PY" -m venv --system-site-packages "$tmp/venv" || fail "python3 -m venv"
"$tmp/venv/bin/pip" install --no-index --no-build-isolation -q "$tmp/src" >"$tmp/pip.log" 2>&1 \
    || { cat "$tmp/pip.log"; fail "pip install ./python"; }
cd "$tmp" || exit 1
where=$(BRINK_LIBRARY=$3 "$tmp/venv/bin/python" -c 'import brink; print(brink.__file__)') \
    || fail "import brink"
case "$where" in
    "$tmp/venv/"*) ;;
    *) fail "imported brink from $where, not the venv" ;;
esac
BRINK_LIBRARY=$3 BRINK_CLI=$4 BRINK_SOURCE_DIR=$S PYTHONDONTWRITEBYTECODE=1 \
    "$tmp/venv/bin/python" -m pytest -q -p no:cacheprovider "$tmp/src/tests" \
    -k "ensemble_equals_cli or solve_exact" || fail "the installed package's tests"
echo "pip install ./python: installed in a venv, flagship ensemble equals brink run --format json"
