#!/bin/sh
# store.sh - integrity of the result store (issue 16):
#  - --resume refuses a design file changed since the sweep started;
#  - a second writer on the same store gets "in use" at once (the first
#    writer's lock is held with flock(1), the lock brink takes);
#  - a store with damaged pages is refused by export, analyze and report
#    with "damaged", never exported with exit 0;
#  - a value changed on a page that stays well formed (SQLite's own checks
#    pass) is found by its row's checksum: refused the same way;
#  - an empty or foreign SQLite file is "not a brink result store".
# usage: store.sh BRINK SOURCE_DIR
BRINK=$1
SRC=$2
T=$(mktemp -d /tmp/brink-store-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
expect() { # status pattern command...
    want=$1; pat=$2; shift 2
    "$@" > "$T/out" 2> "$T/err"
    rc=$?
    [ "$rc" -eq "$want" ] || bad "$*: exit $rc, expected $want ($(head -c 300 "$T/err"))"
    grep -q "$pat" "$T/err" || bad "$*: no '$pat' in: $(head -c 300 "$T/err")"
}
cp "$SRC/scenarios/experiments/linear-file.yaml" "$SRC/scenarios/experiments/linear-design.csv" "$T/"
"$BRINK" sweep "$T/linear-file.yaml" --out "$T/s" > /dev/null || bad "sweep"
# the same inputs resume (nothing left to do)
"$BRINK" sweep "$T/linear-file.yaml" --out "$T/s" --resume > /dev/null || bad "plain resume"
# a changed design file
sed 's/^0.5,0.0$/0.6,0.0/' "$T/linear-design.csv" > "$T/d.csv" && mv "$T/d.csv" "$T/linear-design.csv"
expect 1 "design of the sweep in .* differs" "$BRINK" sweep "$T/linear-file.yaml" --out "$T/s" --resume
cp "$SRC/scenarios/experiments/linear-design.csv" "$T/"
# a second writer
expect 1 "is in use by another sweep" flock -x "$T/s/results.sqlite" \
    "$BRINK" sweep "$T/linear-file.yaml" --out "$T/s" --resume
# damaged pages: 20 KiB of noise from offset 8 KiB (pages 3 to 7)
mkdir -p "$T/d"
cp "$T/s/results.sqlite" "$T/d/"
awk 'BEGIN { srand(7); for (i = 0; i < 20480; i++) printf "%c", 33 + int(rand() * 90) }' > "$T/noise"
dd if="$T/noise" of="$T/d/results.sqlite" bs=1024 seek=8 conv=notrunc 2>/dev/null
expect 1 "is damaged" "$BRINK" export "$T/d" --format csv
expect 1 "is damaged" "$BRINK" export "$T/d" --format json
expect 1 "is damaged" "$BRINK" analyze "$T/d" --method sobol
"$BRINK" report "$T/d" --out "$T/r.html" > /dev/null 2> "$T/err" && bad "report of a damaged store: exit 0"
[ -e "$T/r.html" ] && bad "report of a damaged store wrote a report"
# one value changed on a page that stays well formed (SQLite's checks pass):
# the lowest bit of the stored double of scalar (point 3, rep 1, output 0)
mkdir -p "$T/v"
cp "$T/s/results.sqlite" "$T/v/"
v=$(sqlite3 "$T/v/results.sqlite" "SELECT printf('%!.17g', value) FROM scalar WHERE point = 3 AND rep = 1 AND output = 0")
python3 - "$T/v/results.sqlite" "$v" <<'PY' || bad "cannot flip the stored value $v"
import struct, sys
path, v = sys.argv[1], float(sys.argv[2])
b = bytearray(open(path, 'rb').read())
pat = struct.pack('>d', v)          # SQLite stores reals big-endian
assert b.count(pat) == 1
b[b.find(pat) + 7] ^= 1
open(path, 'wb').write(bytes(b))
PY
[ "$(sqlite3 "$T/v/results.sqlite" 'PRAGMA integrity_check')" = ok ] || bad "flipped store fails SQLite's own check (test not testing the row checksum)"
expect 1 "damaged: a row of table scalar (point 3, rep 1, output 0) differs" "$BRINK" export "$T/v" --format csv
expect 1 "damaged: a row of table scalar (point 3, rep 1, output 0) differs" "$BRINK" analyze "$T/v" --method sobol
expect 2 "damaged: a row of table scalar (point 3, rep 1, output 0) differs" "$BRINK" report "$T/v" --out "$T/r.html"
expect 1 "damaged: a row of table scalar (point 3, rep 1, output 0) differs" "$BRINK" sweep "$T/linear-file.yaml" --out "$T/v" --resume
# empty and foreign SQLite files
mkdir -p "$T/e" "$T/f"
: > "$T/e/results.sqlite"
expect 1 "not a brink result store" "$BRINK" export "$T/e" --format csv
printf 'CREATE TABLE x(a);\n' | sqlite3 "$T/f/results.sqlite"
expect 1 "not a brink result store" "$BRINK" export "$T/f" --format csv
echo "integrity.store: $fail failed"
[ "$fail" -eq 0 ]
