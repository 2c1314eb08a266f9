#!/bin/sh
# game_bench.sh BRINK [GAMES_DIR] - brink's game solvers beside lrsnash (lrslib,
# run as an external program) on random bimatrix games 5x5..20x20 and
# coordination games 6x6..12x12 (all extreme equilibria), and brink's pure
# equilibria of random N-player games.  Prints wall seconds, the number of
# equilibria each program reports, and the ratio lrsnash / brink (> 1: brink
# is faster).  GAMES_DIR defaults to ../shared/games-bench beside the source.
set -eu
BRINK=${1:?usage: game_bench.sh BRINK [GAMES_DIR]}
HERE=$(cd "$(dirname "$0")" && pwd)
GAMES=${2:-$HERE/../../shared/games-bench}
TIMEOUT=${BENCH_TIMEOUT:-300}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

now() { date +%s.%N; }

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

printf '%-28s %-10s %10s %6s %10s %6s %8s\n' game method brink_s eq lrsnash_s eq ratio
for g in bimatrix_5x5_s12345 bimatrix_8x8_s12345 bimatrix_10x10_s12345 bimatrix_12x12_s12345 \
         bimatrix_15x15_s12345 bimatrix_20x20_s12345 coord_6x6 coord_8x8 coord_10x10 coord_12x12; do
    f=$GAMES/$g.nfg
    [ -f "$f" ] || { echo "$g: missing"; continue; }
    t0=$(now)
    ne=$(timeout "$TIMEOUT" "$BRINK" solve "$f" --method enummixed | grep -c '^NE' || true)
    t1=$(now)
    tolrs "$f" > "$TMP/g.lrs"
    t2=$(now)
    le=$(timeout "$TIMEOUT" lrsnash "$TMP/g.lrs" 2>/dev/null | sed -n 's/^\*Number of equilibria found: //p' || true)
    t3=$(now)
    awk -v g="$g" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v ne="$ne" -v le="${le:-timeout}" 'BEGIN {
        bs = b - a; ls = d - c;
        printf "%-28s %-10s %10.3f %6s %10.3f %6s %8.1f\n", g, "enummixed", bs, ne, ls, le, ls / (bs > 0.0005 ? bs : 0.0005) }'
done
for g in random_3p_10s_s12345 random_4p_6s_s12345 random_5p_4s_s12345 random_6p_7s_s12345; do
    f=$GAMES/$g.nfg
    [ -f "$f" ] || { echo "$g: missing"; continue; }
    t0=$(now)
    ne=$(timeout "$TIMEOUT" "$BRINK" solve "$f" --method enumpure | grep -c '^NE' || true)
    t1=$(now)
    awk -v g="$g" -v a="$t0" -v b="$t1" -v ne="$ne" 'BEGIN {
        printf "%-28s %-10s %10.3f %6s %10s %6s %8s\n", g, "enumpure", b - a, ne, "-", "-", "-" }'
done
