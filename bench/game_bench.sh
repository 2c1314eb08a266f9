#!/bin/sh
# game_bench.sh [BRINK | BUILD_DIR] [GAMES_DIR] - brink's game solvers beside lrsnash (lrslib,
# run as an external program) on random bimatrix games 5x5..20x20 and
# coordination games 6x6..12x12 (all extreme equilibria), and brink's pure
# equilibria of random N-player games.  Prints wall seconds, the number of
# equilibria each program reports, and the ratio lrsnash / brink (> 1: brink
# is faster; "-" when both take under 0.01 s, the resolution of
# /usr/bin/time).  Times are CPU seconds (user + system, from /usr/bin/time), so
# that other jobs on the machine do not distort the ratios.  GAMES_DIR
# defaults to tests/games-bench.
set -eu
BRINK=${1:?usage: game_bench.sh BRINK|BUILD_DIR [GAMES_DIR]}
[ -d "$BRINK" ] && BRINK=$BRINK/brink
HERE=$(cd "$(dirname "$0")" && pwd)
GAMES=${2:-$HERE/../tests/games-bench}
TIMEOUT=${BENCH_TIMEOUT:-300}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

# cpu OUTFILE CMD...: runs CMD with stdout to OUTFILE, prints its CPU seconds
cpu() {
    out=$1
    shift
    /usr/bin/time -f '%U %S' -o "$TMP/time" timeout "$TIMEOUT" "$@" > "$out" 2>/dev/null || true
    tail -n 1 "$TMP/time" | awk '{ printf "%.2f", $1 + $2 }'
}

tolrs() { # game.nfg -> lrsnash input (exact rationals from brink's JSON)
    "$BRINK" convert "$1" - --to json | python3 -c '
import json, sys
g = json.load(sys.stdin)
m, n = len(g["strategies"][0]), len(g["strategies"][1])
pay = g["payoffs"]
print(m, n)
for p in (0, 1):
    print()
    for i in range(m):
        print(" ".join(pay[i + j * m][p] for j in range(n)))
'
}

printf '%-28s %-10s %10s %7s %10s %7s %8s\n' game method brink_s eq lrsnash_s eq ratio
for g in bimatrix_5x5_s12345 bimatrix_8x8_s12345 bimatrix_10x10_s12345 bimatrix_12x12_s12345 \
         bimatrix_15x15_s12345 bimatrix_20x20_s12345 coord_6x6 coord_8x8 coord_10x10 coord_12x12; do
    f=$GAMES/$g.nfg
    [ -f "$f" ] || { echo "$g: missing"; continue; }
    bs=$(cpu "$TMP/b.out" "$BRINK" solve "$f" --method enummixed)
    ne=$(grep -c '^NE' "$TMP/b.out" || true)
    if grep -q 'status 124' "$TMP/time"; then ne=timeout; fi
    tolrs "$f" > "$TMP/g.lrs"
    ls=$(cpu "$TMP/l.out" lrsnash "$TMP/g.lrs")
    le=$(sed -n 's/^\*Number of equilibria found: //p' "$TMP/l.out")
    awk -v g="$g" -v bs="$bs" -v ls="$ls" -v ne="$ne" -v le="${le:-timeout}" 'BEGIN {
        r = (ne == "timeout" || le == "timeout") ? "-" : (bs >= 0.01 || ls >= 0.01) ? sprintf("%.1f", ls / (bs > 0.01 ? bs : 0.01)) : "-";
        printf "%-28s %-10s %10.2f %7s %10.2f %7s %8s\n", g, "enummixed", bs, ne, ls, le, r }'
done
for g in random_3p_10s_s12345 random_4p_6s_s12345 random_5p_4s_s12345 random_6p_7s_s12345; do
    f=$GAMES/$g.nfg
    [ -f "$f" ] || { echo "$g: missing"; continue; }
    bs=$(cpu "$TMP/b.out" "$BRINK" solve "$f" --method enumpure)
    ne=$(grep -c '^NE' "$TMP/b.out" || true)
    if grep -q 'status 124' "$TMP/time"; then ne=timeout; fi
    awk -v g="$g" -v bs="$bs" -v ne="$ne" 'BEGIN {
        printf "%-28s %-10s %10.2f %7s %10s %7s %8s\n", g, "enumpure", bs, ne, "-", "-", "-" }'
done
