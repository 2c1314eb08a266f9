#!/bin/sh
# install.sh - `cmake --install` into a temporary DESTDIR installs the
# headers, libbrink.so (with its SONAME), libbrink.a and brink.pc; a C
# program outside the tree then builds with `pkg-config --cflags --libs
# brink` alone and runs against the installed library.
# usage: install.sh BUILD_DIR SOURCE_DIR
set -u
B=$1
S=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
DESTDIR="$tmp/root" cmake --install "$B" >"$tmp/install.log" 2>&1 \
    || { cat "$tmp/install.log"; fail "cmake --install"; }
prefix=$(sed -n 's/^prefix=//p' "$B/brink.pc")
root="$tmp/root$prefix"
pc=$(find "$root" -name brink.pc | head -n 1)
[ -n "$pc" ] || fail "no brink.pc installed under $root"
libdir=$(dirname "$(dirname "$pc")")
for f in include/brink/brink.h include/brink/version.h include/brink/export.h; do
    [ -f "$root/$f" ] || fail "$f not installed"
done
[ -f "$libdir/libbrink.a" ] || fail "libbrink.a not installed"
soname=$(readelf -d "$libdir/libbrink.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ -n "$soname" ] && [ -e "$libdir/$soname" ] || fail "libbrink.so has no SONAME or no $soname"
# an outside program: the example solve_game.c copied out of the tree
mkdir "$tmp/outside" && cp "$S/examples/c/solve_game.c" "$tmp/outside/main.c"
flags=$(PKG_CONFIG_PATH="$libdir/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$tmp/root" \
        pkg-config --cflags --libs brink) || fail "pkg-config --cflags --libs brink"
# shellcheck disable=SC2086
(cd "$tmp/outside" && cc -std=c17 -Wall -Wextra -Werror -o prog main.c $flags) \
    || fail "building an outside program with: $flags"
out=$(LD_LIBRARY_PATH="$libdir" "$tmp/outside/prog" | sort) || fail "the outside program failed"
expected=$(printf 'NE,0,1,0,1\nNE,1,0,1,0\nNE,2/3,1/3,1/3,2/3\n' | sort)
[ "$out" = "$expected" ] || fail "the outside program printed: $out"
# it really ran the installed library
LD_LIBRARY_PATH="$libdir" ldd "$tmp/outside/prog" | grep -q "$libdir/$soname" \
    || fail "the outside program did not load $libdir/$soname"
echo "install: headers, $soname, libbrink.a, brink.pc; outside program built with: $flags"
