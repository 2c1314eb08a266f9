#!/bin/sh
# forecast_bench.sh BRINK DATA_DIR [OUT_DIR] - SMP runtime on KTAB's
# dummyData-a040/a080/a160 and on generated one-dimensional inputs of 40 to
# 500 actors; prints wall time, states, time per turn and the exponent of the
# growth of the per-turn cost with N (least-squares slope of log t/turn
# against log N over the generated inputs).
#
# KTAB's own figures on this 2-core machine (reference notes, --logmin, -O2):
# a040 16.7 s (21 states).
set -eu
BRINK=${1:?usage: forecast_bench.sh BRINK DATA_DIR [OUT_DIR]}
DATA=${2:?usage: forecast_bench.sh BRINK DATA_DIR [OUT_DIR]}
OUT=${3:-$(mktemp -d)}
mkdir -p "$OUT"

now() { date +%s.%N; }

gen() { # gen N SEED FILE: KTAB-style random actors (cap U[10,200], pos U[0,100], sal U[40,99])
    awk -v n="$1" -v seed="$2" 'BEGIN {
        srand(seed);
        printf "Gen-%d,generated benchmark input,%d,1,\nActor,Description,Power,XYZ,Sal,\n", n, n;
        for (i = 0; i < n; i++)
            printf "G%04d,generated,%.3f,%.2f,%.2f,\n", i, 10 + 190 * rand(), 100 * rand(), 40 + 59 * rand();
    }' > "$3"
}

run() { # run LABEL FILE [ARGS...]
    label=$1; file=$2; shift 2
    t0=$(now)
    "$BRINK" forecast "$file" "$@" > "$OUT/$label.txt"
    t1=$(now)
    states=$(sed -n 's/^There were \([0-9]*\) states.*/\1/p' "$OUT/$label.txt")
    awk -v l="$label" -v a="$t0" -v b="$t1" -v s="$states" -v n="$N" 'BEGIN {
        w = b - a; printf "%-12s N=%4d states=%3d wall=%8.3f s  per turn=%9.5f s\n", l, n, s, w, w / (s - 1) }'
    echo "$N $t0 $t1 $states" >> "$OUT/times.$KIND"
}

echo "brink forecast --model smp (KTAB defaults), $(nproc) cores"
: > "$OUT/times.ktab"; : > "$OUT/times.gen"
KIND=ktab
for a in 040 080 160; do
    N=$(echo "$a" | sed "s/^0*//"); run "a$a" "$DATA/ktab_dummyData-a$a.csv"
done
KIND=gen
for N in 40 80 160 250 500; do
    gen "$N" 7 "$OUT/gen$N.csv"
    # a fixed number of turns so that per-turn cost is comparable
    run "gen$N" "$OUT/gen$N.csv" --MaxIter 10 --MinIter 10
done
awk '{ t = ($3 - $2) / ($4 - 1); x = log($1); y = log(t); sx += x; sy += y; sxx += x * x; sxy += x * y; k++ }
     END { b = (k * sxy - sx * sy) / (k * sxx - sx * sx);
           printf "per-turn cost grows as N^%.2f over N = 40..500 (generated inputs)\n", b }' "$OUT/times.gen"
