#!/bin/sh
# threads_equal.sh - the store does not depend on the number of threads or
# the batch size: 1 thread, 2 threads and 2 threads with tiny batches give
# identical stores (timing columns aside).
# usage: threads_equal.sh BRINK SOURCE_DIR
BRINK=$1
SRC=$2
DUMP="sh $SRC/tests/exp/store_dump.sh"
T=$(mktemp -d /tmp/brink-threads-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
for exp in "$SRC/tests/exp/crash-sweep.yaml" "$SRC/scenarios/experiments/linear-morris.yaml"; do
    "$BRINK" sweep "$exp" --out "$T/t1" --threads 1 >/dev/null || fail "1 thread"
    "$BRINK" sweep "$exp" --out "$T/t2" --threads 2 >/dev/null || fail "2 threads"
    "$BRINK" sweep "$exp" --out "$T/t2b" --threads 2 --batch 3 >/dev/null || fail "2 threads, batch 3"
    $DUMP "$T/t1" > "$T/1.txt"
    $DUMP "$T/t2" > "$T/2.txt"
    $DUMP "$T/t2b" > "$T/2b.txt"
    cmp -s "$T/1.txt" "$T/2.txt" || fail "$exp: 1 vs 2 threads differ"
    cmp -s "$T/1.txt" "$T/2b.txt" || fail "$exp: batch size changes the store"
    echo "threads_equal: $(basename "$exp"): identical stores for 1 and 2 threads ($(wc -l < "$T/1.txt") rows)"
    rm -rf "$T/t1" "$T/t2" "$T/t2b"
done
