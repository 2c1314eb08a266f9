#!/bin/sh
# faults.sh - fault handling (issue 16):
#  1. write failures injected with an LD_PRELOAD shim (a full disk at each
#     fsync, a failed rename, a file that cannot be created): the command
#     fails with status 1 and the result directory keeps its old result,
#     with nothing left beside it;
#  2. output paths that are not regular files (a named pipe, '-') are
#     written in place, never replaced;
#  3. SIGPIPE (analyze piped into head) leaves no temporary file;
#  4. endless and oversized inputs (/dev/zero, a file beyond
#     BRINK_MAX_INPUT_MB) stop at the input limit with status 2;
#  5. under `ulimit -v` (30 and 60 MB) no command aborts or crashes: it
#     succeeds or exits 1.
# usage: faults.sh BRINK SOURCE_DIR SHIM
BRINK=$1
SRC=$2
SHIM=$3
T=$(mktemp -d /tmp/brink-faults-XXXXXX)
trap 'rm -rf "$T"' EXIT
S=$SRC/scenarios/korea.yaml
FC=$SRC/scenarios/forecast/korea-2018.csv
fail=0
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
sums() { (cd "$1" && find . -mindepth 1 | LC_ALL=C sort | while read -r f; do
    if [ -f "$f" ]; then echo "$f $(cksum < "$f")"; else echo "$f dir"; fi; done); }
args_for() {
    case $1 in
    run) echo "run $S --runs 5 --seed $2 --out $3" ;;
    backtest) echo "backtest $S --runs 5 --seed $2 --out $3" ;;
    calibrate) echo "calibrate $S --targets $SRC/data/calib_targets_korea_2012_2017.yaml --budget 300 --particles 20 --seed $2 --out $3" ;;
    forecast) m=bdm; [ "$2" = 2 ] && m=smp; echo "forecast $FC --model $m --out $3" ;;
    esac
}
file_of() {
    case $1 in run) echo summary.json ;; backtest) echo backtest.txt ;;
    calibrate) echo history.csv ;; forecast) echo forecast.json ;; esac
}

# 1. write failures
n1=0
for c in run backtest calibrate forecast; do
    # shellcheck disable=SC2046
    "$BRINK" $(args_for "$c" 1 "$T/old") > /dev/null 2>&1 || { bad "$c: old result"; continue; }
    echo notes > "$T/old/notes.txt"
    sums "$T/old" > "$T/old.sums"
    for inj in BRINK_FAIL_FSYNC=1 BRINK_FAIL_FSYNC=2 BRINK_FAIL_FSYNC=3 BRINK_FAIL_FSYNC=4 \
               BRINK_FAIL_RENAME=1 BRINK_FAIL_RENAME=2 BRINK_FAIL_RENAME=3 \
               "BRINK_FAIL_OPEN=$(file_of "$c")"; do
        n1=$((n1 + 1))
        rm -rf "$T/d"
        cp -a "$T/old" "$T/d"
        # shellcheck disable=SC2046
        env "$inj" LD_PRELOAD="$SHIM" "$BRINK" $(args_for "$c" 2 "$T/d") > /dev/null 2> "$T/err"
        rc=$?
        if [ "$rc" -eq 0 ]; then
            # the failure hit nothing that matters (fewer calls than N)
            [ -f "$T/d/$(file_of "$c")" ] || bad "$c with $inj: exit 0 without $(file_of "$c")"
        elif [ "$rc" -eq 1 ]; then
            sums "$T/d" > "$T/d.sums"
            cmp -s "$T/d.sums" "$T/old.sums" ||
                bad "$c with $inj: exit 1 but the old result was changed: $(diff "$T/old.sums" "$T/d.sums" | head -3)"
            grep -q "brink" "$T/err" || bad "$c with $inj: exit 1 without a message"
        else
            bad "$c with $inj: exit $rc ($(head -c 200 "$T/err"))"
        fi
        left=$(ls -a "$T" | grep -c '^\.d\.brink-')
        [ "$left" -eq 0 ] || bad "$c with $inj: left $(ls -a "$T" | grep '^\.d\.brink-')"
        ls -a "$T/d" | grep -q 'tmp' && bad "$c with $inj: a temporary file in the result"
    done
    rm -rf "$T/old" "$T/d"
done
# a result file name taken by a directory: the new result replaces it whole
mkdir -p "$T/r/summary.json/x"
"$BRINK" run "$S" --runs 3 --out "$T/r" > /dev/null 2>&1 || bad "run over a directory named summary.json"
[ -f "$T/r/summary.json" ] && [ -f "$T/r/events.csv" ] || bad "run over summary.json/x: incomplete result"
echo "faults: write failures: $n1 cases"

# 2. non-regular output paths
G=$SRC/tests/games/2smp_efg/2smp.efg
# after a writer to the FIFO: the reader ends (if nothing was written, or the
# FIFO was replaced, it is released or stopped instead of waiting for ever)
end_reader() {
    if kill -0 "$1" 2>/dev/null; then
        if [ -p "$T/fifo" ]; then timeout 10 sh -c ': > "$0"' "$T/fifo"; else kill "$1" 2>/dev/null; fi
    fi
    wait "$1" 2>/dev/null
}
mkfifo "$T/fifo"
cat "$T/fifo" > "$T/fifo.out" &
cpid=$!
"$BRINK" convert "$G" "$T/fifo" --to efg > /dev/null 2> "$T/err" || bad "convert to a FIFO: $(cat "$T/err")"
end_reader "$cpid"
[ -p "$T/fifo" ] || bad "convert replaced the FIFO"
grep -q '^EFG' "$T/fifo.out" || bad "convert wrote nothing into the FIFO"
"$BRINK" convert "$G" - --to efg > "$T/stdout.efg" 2> "$T/err" || bad "convert to '-': $(cat "$T/err")"
grep -q '^EFG' "$T/stdout.efg" || bad "convert '-' wrote nothing to standard output"
[ -e ./- ] && bad "convert created a file named '-'"
"$BRINK" sweep "$SRC/scenarios/experiments/linear-file.yaml" --out "$T/sw" > /dev/null 2>&1 || bad "sweep"
cat "$T/fifo" > "$T/fifo.out" &
cpid=$!
"$BRINK" export "$T/sw" --format csv -o "$T/fifo" 2> "$T/err" || bad "export to a FIFO: $(cat "$T/err")"
end_reader "$cpid"
[ -p "$T/fifo" ] || bad "export replaced the FIFO"
[ -s "$T/fifo.out" ] || bad "export wrote nothing into the FIFO"
echo "faults: non-regular outputs checked"

# 3. SIGPIPE: analyze into head, with a table long enough to fill the pipe
"$BRINK" analyze "$T/sw" --method summary 2>/dev/null | head -c 1 > /dev/null
"$BRINK" analyze "$T/sw" --method summary --json - 2>/dev/null | head -c 1 > /dev/null
left=$(find "$T/sw" -name '*tmp*' | wc -l)
[ "$left" -eq 0 ] || bad "analyze | head left $(find "$T/sw" -name '*tmp*')"

# 4. endless and oversized inputs
head -c 2100000 /dev/zero | tr '\0' ' ' > "$T/big.txt"
for cmdl in "solve /dev/zero" "game info /dev/zero" "convert /dev/zero $T/x.efg" \
            "validate /dev/zero" "forecast /dev/zero" "sweep /dev/zero --out $T/z" \
            "game regret $G /dev/zero" "solve $T/big.txt" "validate $T/big.txt"; do
    # shellcheck disable=SC2086
    BRINK_MAX_INPUT_MB=2 "$BRINK" $cmdl > "$T/err" 2>&1
    rc=$?
    [ "$rc" -eq 2 ] || bad "$cmdl: exit $rc, expected 2 ($(head -c 200 "$T/err"))"
    grep -q "larger than the limit of 2 MiB" "$T/err" || bad "$cmdl: $(head -c 200 "$T/err")"
done
# the default limit (64 MiB) also stops /dev/zero
"$BRINK" solve /dev/zero > /dev/null 2> "$T/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q "larger than the limit of 64 MiB" "$T/err" || bad "solve /dev/zero: exit $rc: $(head -c 200 "$T/err")"
# a game too large for memory is refused before allocation
printf 'NFG 1 R "x" { "a" "b" } { 100000 100000 }\n' > "$T/huge.nfg"
"$BRINK" game info "$T/huge.nfg" > /dev/null 2> "$T/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q "1e+10 strategy profiles" "$T/err" || bad "huge.nfg: exit $rc: $(cat "$T/err")"

# 5. memory limits
B=$SRC/tests/games-bench
for mb in 30 60; do
    for cmdl in "solve $B/bimatrix_300x300_s12345.nfg --method lcp" \
                "solve $B/bimatrix_100x100_s12345.nfg --method enummixed" \
                "convert $B/brinkmanship_8000.efg $T/b.json" \
                "solve $B/random_6p_7s_s12345.nfg --method enumpure" \
                "run $S --runs 50 --out $T/m" "validate $S" "forecast $FC --runs 20"; do
        # shellcheck disable=SC2086
        (ulimit -v $((mb * 1024)); exec "$BRINK" $cmdl) > /dev/null 2> "$T/err"
        rc=$?
        [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || bad "ulimit -v ${mb} MB: $cmdl: exit $rc ($(head -c 200 "$T/err"))"
        grep -qi "abort\|GNU MP" "$T/err" && bad "ulimit -v ${mb} MB: $cmdl: $(head -c 200 "$T/err")"
    done
done
echo "integrity.faults: $fail failed"
[ "$fail" -eq 0 ]
