#!/bin/sh
# crash_resume.sh - crash safety: a sweep killed with SIGKILL at random
# moments (several times) and resumed each time must end with exactly the
# store of an uninterrupted sweep (timing columns aside), and after every
# kill the store must pass SQLite's integrity check and keep every run it
# had (runs are never lost once committed, never duplicated).
# usage: crash_resume.sh BRINK SOURCE_DIR
BRINK=$1
SRC=$2
EXP=$SRC/tests/exp/crash-sweep.yaml
DUMP="sh $SRC/tests/exp/store_dump.sh"
T=$(mktemp -d /tmp/brink-crash-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

t0=$(date +%s.%N)
"$BRINK" sweep "$EXP" --out "$T/ref" --threads 2 --batch 16 >/dev/null || fail "reference sweep"
D=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
$DUMP "$T/ref" > "$T/ref.txt" || fail "dump"

# Kill moments drawn at random in [0.05, 0.25] of the reference sweep's
# duration, so that at least three kills land before the sweep is done;
# rounds go on until 6 kills or completion.  BRINK_CRASH_FRACTIONS replays.
FRACS=${BRINK_CRASH_FRACTIONS:-$(od -An -N12 -tu2 /dev/urandom |
    awk '{ for (i = 1; i <= NF; i++) printf "%.3f ", 0.05 + ($i % 1000) / 5000 }')}
echo "crash_resume: reference sweep ${D}s; SIGKILL after these fractions of it: $FRACS"
prev=0
kills=0
for f in $FRACS; do
    t=$(awk -v f="$f" -v d="$D" 'BEGIN { printf "%.3f", f * d }')
    "$BRINK" sweep "$EXP" --out "$T/run" --threads 2 --batch 16 --resume >/dev/null 2>&1 &
    pid=$!
    sleep "$t"
    if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
    wait "$pid" 2>/dev/null
    [ -f "$T/run/results.sqlite" ] || continue
    ok=$(sqlite3 "$T/run/results.sqlite" "PRAGMA integrity_check" 2>&1)
    [ "$ok" = "ok" ] || fail "integrity check after kill at $t s: $ok"
    n=$(sqlite3 "$T/run/results.sqlite" "SELECT count(*) FROM run" 2>/dev/null || echo 0)
    [ "$n" -ge "$prev" ] || fail "runs went from $prev to $n after a kill"
    echo "  killed at $t s: $n runs committed"
    prev=$n
done
[ "$kills" -ge 3 ] || fail "only $kills of the sweeps were still running when killed"
"$BRINK" sweep "$EXP" --out "$T/run" --threads 2 --resume >/dev/null || fail "final resume"
$DUMP "$T/run" > "$T/run.txt" || fail "dump"
if ! cmp -s "$T/ref.txt" "$T/run.txt"; then
    diff "$T/ref.txt" "$T/run.txt" | head -20
    fail "the resumed store differs from the uninterrupted one"
fi
echo "crash_resume: $kills SIGKILLs, resumed store identical to the uninterrupted one ($(wc -l < "$T/ref.txt") rows compared)"
