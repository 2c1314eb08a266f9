#!/bin/sh
# kill.sh - fault test of result directories (issue 16): each command that
# writes a result directory (run, backtest, calibrate, forecast, report) is
# killed at MOMENTS random moments (default 50) while it replaces an old
# result with a new one, with SIGKILL, SIGTERM or SIGINT.  After every kill
# the directory must hold exactly the old result or exactly the new one
# (same names, same bytes, plus the user's file that is not brink's), never
# a mix, a partial file or a temporary file (SIGKILL inside the commit may
# leave the user's file in the old directory beside it for the next command
# to bring back: checked); after SIGTERM/SIGINT the
# command leaves no staging of its own beside it either; the next command
# cleans what SIGKILL left.
# sweep is killed MOMENTS times too, resuming each time: the store must
# pass SQLite's integrity check after every kill and end identical to an
# uninterrupted sweep.  The moments are random, the checks are not: the
# test is bounded by its number of runs, never by a time limit.
# usage: kill.sh BRINK SOURCE_DIR [COMMAND...]
BRINK=$1
SRC=$2
shift 2
CMDS=${*:-run backtest calibrate forecast report sweep}
MOMENTS=${BRINK_KILL_MOMENTS:-50}
T=$(mktemp -d /tmp/brink-kill-XXXXXX)
trap 'rm -rf "$T"' EXIT
S=$SRC/scenarios/korea.yaml
fail=0
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
now() { date +%s.%N; }
# a random number in [0, 1): 4 bytes of /dev/urandom
rnd() { od -An -N4 -tu4 /dev/urandom | awk '{ printf "%.4f", $1 / 4294967296 }'; }
# the listing of a directory: every entry (hidden too) with the sum of its bytes
sums() { (cd "$1" && find . -mindepth 1 | LC_ALL=C sort | while read -r f; do
    if [ -f "$f" ]; then echo "$f $(cksum < "$f")"; else echo "$f dir"; fi; done); }

# args_for COMMAND old|new DIR: the command line writing DIR
args_for() {
    case $1 in
    run) seed=1; [ "$2" = new ] && seed=2
        echo "run $S --runs 30 --seed $seed --out $3" ;;
    backtest) seed=1; [ "$2" = new ] && seed=2
        echo "backtest $S --runs 20 --seed $seed --out $3" ;;
    calibrate) seed=1; [ "$2" = new ] && seed=2
        echo "calibrate $S --targets $SRC/data/calib_targets_korea_2012_2017.yaml --budget 1000 --particles 50 --seed $seed --out $3" ;;
    forecast) model=bdm; [ "$2" = new ] && model=smp
        echo "forecast $SRC/scenarios/forecast/korea-2018.csv --model $model --out $3" ;;
    report) src=$T/run-a; [ "$2" = new ] && src=$T/run-b
        echo "report $src --out $T/report.html --figures $3" ;;
    esac
}

"$BRINK" run "$S" --runs 20 --seed 3 --out "$T/run-a" > /dev/null || bad "run-a"
"$BRINK" run "$S" --runs 25 --seed 4 --out "$T/run-b" > /dev/null || bad "run-b"

for c in $CMDS; do
    [ "$c" = sweep ] && continue
    # the old result (with a file of the user's), the new one, their listings
    # shellcheck disable=SC2046
    "$BRINK" $(args_for "$c" old "$T/old") > /dev/null 2>&1 || { bad "$c: old result"; continue; }
    echo "notes" > "$T/old/notes.txt"
    t0=$(now)
    # shellcheck disable=SC2046
    "$BRINK" $(args_for "$c" new "$T/new") > /dev/null 2>&1 || { bad "$c: new result"; continue; }
    dur=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }')
    echo "notes" > "$T/new/notes.txt"
    sums "$T/old" > "$T/old.sums"
    sums "$T/new" > "$T/new.sums"
    nold=0; nnew=0; k=0
    while [ "$k" -lt "$MOMENTS" ]; do
        k=$((k + 1))
        rm -rf "$T/d"
        cp -a "$T/old" "$T/d"
        r=$(rnd)
        delay=$(awk -v r="$r" -v d="$dur" 'BEGIN { printf "%.3f", r * d * 1.2 }')
        sig=KILL
        case $((k % 5)) in 1) sig=TERM ;; 3) sig=INT ;; esac
        # shellcheck disable=SC2046
        "$BRINK" $(args_for "$c" new "$T/d") > /dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        kill -s "$sig" "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        sums "$T/d" > "$T/d.sums"
        if [ "$sig" = KILL ] && [ ! -e "$T/d/notes.txt" ] &&
            [ "$(ls -a "$T" | grep -c "^\.d\.brink-old\.$pid\$")" -eq 1 ]; then
            # killed in the commit after the new result went in and before
            # the user's file came over from the old directory beside it:
            # the result is the new one; the next command brings notes.txt
            grep -v '^\./notes\.txt ' "$T/d.sums" > "$T/d.sums2"
            grep -v '^\./notes\.txt ' "$T/new.sums" > "$T/new.sums2"
            cmp -s "$T/d.sums2" "$T/new.sums2" && cp "$T/new.sums" "$T/d.sums"
        fi
        if cmp -s "$T/d.sums" "$T/old.sums"; then
            nold=$((nold + 1))
        elif cmp -s "$T/d.sums" "$T/new.sums"; then
            nnew=$((nnew + 1))
        else
            bad "$c: SIG$sig after ${delay}s left neither the old nor the new result:"
            diff "$T/old.sums" "$T/d.sums" | head -5
        fi
        if [ "$sig" != KILL ]; then
            # its own staging (one of an earlier SIGKILL may wait for the
            # next command that gets as far as writing)
            left=$(ls -a "$T" | grep -c "^\.d\.brink-.*\.$pid\$")
            [ "$left" -eq 0 ] || bad "$c: SIG$sig left its staging beside the directory: $(ls -a "$T" | grep '^\.d\.')"
        fi
    done
    # the next command cleans what killed ones left, and commits
    # shellcheck disable=SC2046
    "$BRINK" $(args_for "$c" new "$T/d") > /dev/null 2>&1 || bad "$c: the run after the kills"
    left=$(ls -a "$T" | grep -c '^\.d\.brink-')
    [ "$left" -eq 0 ] || bad "$c: stale staging not cleaned: $(ls -a "$T" | grep '^\.d\.')"
    sums "$T/d" > "$T/d.sums"
    cmp -s "$T/d.sums" "$T/new.sums" ||
        bad "$c: the run after the kills did not leave the new result (and the user's file)"
    echo "kill.$c: $MOMENTS kills: $nold left the old result, $nnew the new one"
    rm -rf "$T/old" "$T/new" "$T/d"
done

case " $CMDS " in *" sweep "*)
    EXP=$SRC/tests/exp/crash-sweep.yaml
    DUMP="sh $SRC/tests/exp/store_dump.sh"
    t0=$(now)
    "$BRINK" sweep "$EXP" --out "$T/ref" --threads 2 --batch 16 > /dev/null || bad "sweep: reference"
    dur=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }')
    $DUMP "$T/ref" > "$T/ref.txt"
    prev=0; k=0; kills=0
    while [ "$k" -lt "$MOMENTS" ]; do
        k=$((k + 1))
        r=$(rnd)
        # short rounds (up to 3% of the sweep each), so most kills land mid-sweep
        delay=$(awk -v r="$r" -v d="$dur" 'BEGIN { printf "%.3f", r * d * 0.03 }')
        sig=KILL
        case $((k % 5)) in 1) sig=TERM ;; 3) sig=INT ;; esac
        "$BRINK" sweep "$EXP" --out "$T/run" --threads 2 --batch 16 --resume > /dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        kill -s "$sig" "$pid" 2>/dev/null && kills=$((kills + 1))
        wait "$pid" 2>/dev/null
        [ -f "$T/run/results.sqlite" ] || continue
        ok=$(sqlite3 "$T/run/results.sqlite" "PRAGMA integrity_check" 2>&1)
        [ "$ok" = "ok" ] || bad "sweep: integrity check after SIG$sig at ${delay}s: $ok"
        n=$(sqlite3 "$T/run/results.sqlite" "SELECT count(*) FROM run" 2>/dev/null || echo 0)
        [ "$n" -ge "$prev" ] || bad "sweep: runs went from $prev to $n after a kill"
        prev=$n
    done
    "$BRINK" sweep "$EXP" --out "$T/run" --threads 2 --batch 16 --resume > /dev/null || bad "sweep: final resume"
    $DUMP "$T/run" > "$T/run.txt"
    cmp -s "$T/ref.txt" "$T/run.txt" || bad "sweep: the resumed store differs from the uninterrupted one"
    echo "kill.sweep: $kills kills; $prev runs stored before the final resume"
    ;;
esac
echo "integrity.kill: $fail failed"
[ "$fail" -eq 0 ]
