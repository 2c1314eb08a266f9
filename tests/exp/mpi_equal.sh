#!/bin/sh
# mpi_equal.sh - the MPI task farm gives the store of the threaded sweep:
# 1 rank, 2 ranks and 2 threads agree (timing columns aside), with a
# calibration posterior too; a failing run is recorded the same way.  Runs
# as root too (--allow-run-as-root).
# usage: mpi_equal.sh BRINK SOURCE_DIR
BRINK=$1
SRC=$2
DUMP="sh $SRC/tests/exp/store_dump.sh"
T=$(mktemp -d /tmp/brink-mpi-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
MPIRUN="mpirun --allow-run-as-root --oversubscribe"
export OMPI_MCA_btl_vader_single_copy_mechanism=none # no CMA inside containers
for exp in "$SRC/tests/exp/crash-sweep.yaml" "$SRC/scenarios/experiments/linear-morris.yaml"; do
    "$BRINK" sweep "$exp" --out "$T/t2" --threads 2 >/dev/null || fail "threads"
    $MPIRUN -n 1 "$BRINK" sweep "$exp" --out "$T/m1" --mpi >/dev/null || fail "1 rank"
    $MPIRUN -n 2 "$BRINK" sweep "$exp" --out "$T/m2" --mpi --batch 50 >/dev/null || fail "2 ranks"
    $DUMP "$T/t2" > "$T/t2.txt"
    $DUMP "$T/m1" > "$T/m1.txt"
    $DUMP "$T/m2" > "$T/m2.txt"
    cmp -s "$T/t2.txt" "$T/m1.txt" || fail "$exp: 1 rank differs from the threaded sweep"
    cmp -s "$T/t2.txt" "$T/m2.txt" || fail "$exp: 2 ranks differ from the threaded sweep"
    [ "$(sqlite3 "$T/m2/results.sqlite" "SELECT value FROM manifest WHERE key = 'ranks'")" = 2 ] ||
        fail "manifest ranks"
    echo "mpi_equal: $(basename "$exp"): 1 rank, 2 ranks and 2 threads give identical stores ($(wc -l < "$T/t2.txt") rows)"
    rm -rf "$T/t2" "$T/m1" "$T/m2"
done
# with a calibration posterior: every rank draws the same set for a run
P="--params $SRC/scenarios/korea.posterior"
exp=$SRC/tests/exp/posterior-sweep.yaml
"$BRINK" sweep "$exp" --out "$T/t2" --threads 2 $P >/dev/null || fail "posterior: threads"
$MPIRUN -n 2 "$BRINK" sweep "$exp" --out "$T/m2" --mpi --batch 7 $P >/dev/null || fail "posterior: 2 ranks"
$DUMP "$T/t2" > "$T/t2.txt"
$DUMP "$T/m2" > "$T/m2.txt"
cmp -s "$T/t2.txt" "$T/m2.txt" || fail "posterior: 2 ranks differ from the threaded sweep"
echo "mpi_equal: posterior-sweep.yaml --params: 2 ranks and 2 threads give identical stores ($(wc -l < "$T/t2.txt") rows)"
