#!/bin/sh
# check_exports.sh - libbrink.so exports only brink_* functions, and every
# function declared BRINK_API in include/brink/ (the public API) is exported.
# usage: check_exports.sh LIBBRINK.so SOURCE_DIR
set -u
LIB=$1
SRC=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$LIB" | awk '{print $NF}' | sed 's/@.*//' | sort -u >"$tmp/exported" || exit 1
fail=0
if grep -v '^brink_' "$tmp/exported" >"$tmp/bad"; then
    echo "FAIL: libbrink.so exports symbols without the brink_ prefix:"
    sed 's/^/  /' "$tmp/bad"
    fail=1
fi
# the declared API: every BRINK_API declaration's function name
sed -n 's/^BRINK_API[^(]*[ *]\(brink_[a-z0-9_]*\)(.*/\1/p' "$SRC"/include/brink/*.h \
    "$SRC"/include/brink/version.h.in | sort -u >"$tmp/declared"
if [ ! -s "$tmp/declared" ]; then
    echo "FAIL: found no BRINK_API declarations in $SRC/include/brink"
    exit 1
fi
comm -23 "$tmp/declared" "$tmp/exported" >"$tmp/missing"
if [ -s "$tmp/missing" ]; then
    echo "FAIL: declared BRINK_API but not exported (not defined in the library?):"
    sed 's/^/  /' "$tmp/missing"
    fail=1
fi
comm -13 "$tmp/declared" "$tmp/exported" >"$tmp/extra"
if [ -s "$tmp/extra" ]; then
    echo "FAIL: exported but not declared in include/brink/:"
    sed 's/^/  /' "$tmp/extra"
    fail=1
fi
echo "check-exports: $(wc -l <"$tmp/exported") symbols exported, $(wc -l <"$tmp/declared") declared"
exit $fail
