#!/bin/sh
# exp_bench.sh - experiment engine benchmarks:
#   1. sweep throughput (runs/s) with 1 and 2 threads and 2 MPI ranks, on a
#      model whose runs cost about as much as a short simulation (synthetic
#      work: Philox draws), beside the machine's own parallel capacity (two
#      copies of a 1-thread sweep at once against one alone), because the
#      cores may be shared with other work;
#   2. the same on the flagship: the lever experiment (crisis model), 1 and 2
#      threads;
#   3. peak memory (max RSS) of a sweep against the number of runs: it must
#      stay flat, since results stream to the store.
# usage: bench/exp_bench.sh [BUILD_DIR] [MPI_BUILD_DIR]
BUILD=${1:-build}
MPIBUILD=${2:-build-mpi}
BRINK=$BUILD/brink
T=$(mktemp -d /tmp/brink-bench-XXXXXX)
trap 'rm -rf "$T"' EXIT
[ -x "$BRINK" ] || { echo "exp_bench: no $BRINK (build first)"; exit 1; }

cat > "$T/tp.yaml" <<'YAML'
format: 1
name: bench-throughput
model: linear
model_params: [1, 2, 3, 4]
noise: 1
work: 300000
seed: 1
replications: 4
design: {type: lhs, n: 500}
factors:
  - {name: a, dist: uniform, min: 0, max: 1}
  - {name: b, dist: normal, mean: 0, sd: 1}
  - {name: c, dist: triangular, min: 0, mode: 0.3, max: 1}
  - {name: d, dist: levels, levels: [1, 2, 3]}
YAML
rate() { sed -n 's/.* \([0-9][0-9]*\) runs\/s.*/\1/p'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
one() { rm -rf "$T/o"; "$@" --out "$T/o" | rate; }
HAVE_MPI=0
if [ -x "$MPIBUILD/brink" ] && command -v mpirun >/dev/null 2>&1; then
    HAVE_MPI=1
    export OMPI_MCA_btl_vader_single_copy_mechanism=none
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  (cores: $(nproc))"
echo "throughput (2000 runs, ~1 ms of work each); 3 rounds, each running every"
echo "configuration back to back, so that a round's ratios share the machine's state:"
s2=""; sc=""; sm=""
for round in 1 2 3; do
    r1=$(one "$BRINK" sweep "$T/tp.yaml" --threads 1)
    r2=$(one "$BRINK" sweep "$T/tp.yaml" --threads 2)
    # capacity: two independent 1-thread sweeps at once
    rm -rf "$T/c1" "$T/c2"
    "$BRINK" sweep "$T/tp.yaml" --out "$T/c1" --threads 1 > "$T/c1.out" &
    "$BRINK" sweep "$T/tp.yaml" --out "$T/c2" --threads 1 > "$T/c2.out"
    wait
    c=$(( $(rate < "$T/c1.out") + $(rate < "$T/c2.out") ))
    line="  round $round: 1 thread $r1 runs/s; 2 threads $r2 runs/s ($(ratio "$r2" "$r1")x); capacity $c runs/s ($(ratio "$c" "$r1")x)"
    s2="$s2 $(ratio "$r2" "$r1")"; sc="$sc $(ratio "$c" "$r1")"
    if [ "$HAVE_MPI" = 1 ]; then
        m2=$(one mpirun --allow-run-as-root --oversubscribe -n 2 "$MPIBUILD/brink" sweep "$T/tp.yaml" --mpi)
        line="$line; 2 MPI ranks $m2 runs/s ($(ratio "$m2" "$r1")x)"
        sm="$sm $(ratio "$m2" "$r1")"
    fi
    echo "$line"
done
# shellcheck disable=SC2086
echo "  median speedup: 2 threads $(median3 $s2)x, machine capacity (two 1-thread sweeps at once) $(median3 $sc)x$([ "$HAVE_MPI" = 1 ] && echo ", 2 MPI ranks $(median3 $sm)x")"
[ "$HAVE_MPI" = 1 ] || echo "  (no MPI build in $MPIBUILD: cmake -B $MPIBUILD -DBRINK_MPI=ON)"

echo "flagship sweep (the lever experiment at Sobol N = 64, 20 replications: 14,080 crisis runs):"
SRC=$(cd "$(dirname "$0")/.." && pwd)
sed -e "s|design: {type: sobol, n: 512}|design: {type: sobol, n: 64}|" \
    -e "s|scenario: ../korea.yaml|scenario: $SRC/scenarios/korea.yaml|" \
    "$SRC/scenarios/experiments/korea-levers.yaml" > "$T/flag.yaml"
f2=""
for round in 1 2 3; do
    r1=$(one "$BRINK" sweep "$T/flag.yaml" --threads 1)
    r2=$(one "$BRINK" sweep "$T/flag.yaml" --threads 2)
    echo "  round $round: 1 thread $r1 runs/s; 2 threads $r2 runs/s ($(ratio "$r2" "$r1")x)"
    f2="$f2 $(ratio "$r2" "$r1")"
done
# shellcheck disable=SC2086
echo "  median speedup on the flagship: 2 threads $(median3 $f2)x"

echo "peak memory against the number of runs (random design, 4 factors, 1 thread, no synthetic work):"
for n in 10000 100000 1000000; do
    sed -e "s/n: 500/n: $n/" -e "s/lhs/random/" -e "s/work: 300000/work: 0/" \
        -e "s/replications: 4/replications: 1/" "$T/tp.yaml" > "$T/mem.yaml"
    rm -rf "$T/mem"
    kb=$( { /usr/bin/time -f "%M" "$BRINK" sweep "$T/mem.yaml" --out "$T/mem" --threads 1 >/dev/null; } 2>&1 | tail -n 1)
    size=$(du -k "$T/mem/results.sqlite" | cut -f1)
    printf "  %8d runs   max RSS %6d KiB   store %7d KiB\n" "$n" "$kb" "$size"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
