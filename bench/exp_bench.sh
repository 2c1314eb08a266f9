#!/bin/sh
# exp_bench.sh - experiment engine benchmarks:
#   1. sweep throughput (runs/s) with 1 and 2 threads and 2 MPI ranks, on a
#      model whose runs cost about as much as a short simulation (synthetic
#      work: Philox draws), beside the machine's own parallel capacity (two
#      copies of a 1-thread sweep at once against one alone), because the
#      cores may be shared with other work;
#   2. peak memory (max RSS) of a sweep against the number of runs: it must
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
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  (cores: $(nproc))"
r1=$("$BRINK" sweep "$T/tp.yaml" --out "$T/t1" --threads 1 | rate)
r2=$("$BRINK" sweep "$T/tp.yaml" --out "$T/t2" --threads 2 | rate)
# capacity: two independent 1-thread sweeps at once
"$BRINK" sweep "$T/tp.yaml" --out "$T/c1" --threads 1 > "$T/c1.out" &
"$BRINK" sweep "$T/tp.yaml" --out "$T/c2" --threads 1 > "$T/c2.out"
wait
c=$(( $(rate < "$T/c1.out") + $(rate < "$T/c2.out") ))
echo "throughput (2000 runs, ~1 ms of work each):"
echo "  1 thread          $r1 runs/s"
echo "  2 threads         $r2 runs/s   speedup $(awk -v a="$r2" -v b="$r1" 'BEGIN { printf "%.2f", a / b }')x"
echo "  machine capacity  $c runs/s   (two 1-thread sweeps at once: $(awk -v a="$c" -v b="$r1" 'BEGIN { printf "%.2f", a / b }')x; the ceiling for any parallel speedup here)"
if [ -x "$MPIBUILD/brink" ] && command -v mpirun >/dev/null 2>&1; then
    m2=$(OMPI_MCA_btl_vader_single_copy_mechanism=none mpirun --allow-run-as-root --oversubscribe -n 2 \
        "$MPIBUILD/brink" sweep "$T/tp.yaml" --out "$T/m2" --mpi | rate)
    echo "  2 MPI ranks       $m2 runs/s   speedup $(awk -v a="$m2" -v b="$r1" 'BEGIN { printf "%.2f", a / b }')x"
else
    echo "  2 MPI ranks       (no MPI build in $MPIBUILD: cmake -B $MPIBUILD -DBRINK_MPI=ON)"
fi

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
