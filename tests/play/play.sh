#!/bin/sh
# play.sh BRINK SCENARIO - `brink play` (docs/play.md): a scripted game of
# 12 months as the USA replays byte for byte; the played actor's events are
# exactly its decisions; the menu's odds follow from the logit probabilities
# and act_rate (0.25 a month, the scenario's default); bad input is a
# located error with exit status 2.
set -u
B=$1
K=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 12 months as the USA, decisions of every kind and stance
cat >"$T/moves" <<'M'
wait
impose_sanctions seek
threaten_force
wait refuse
impose_sanctions
2 model
threaten_force seek
wait
wait seek
impose_sanctions refuse
threaten_force
wait
M
"$B" play "$K" --as USA --seed 5 --advisor-runs 20 --advisor-months 6 --out "$T/a" <"$T/moves" >"$T/a.txt" ||
    fail "play exited $?"
[ "$(grep -c '^20[0-9][0-9]-[0-9][0-9] ' "$T/a/play.log")" = 12 ] || fail "play.log lacks 12 decisions"
grep -q '^decisions: 12;' "$T/a.txt" || fail "no score line for 12 decisions"

# the replay makes the same events, series and log, byte for byte
"$B" play "$K" --replay "$T/a/play.log" --out "$T/b" >/dev/null || fail "replay exited $?"
for f in events.csv series.csv play.log; do
    cmp -s "$T/a/$f" "$T/b/$f" || fail "replay: $f differs"
done

# the USA's choice events are its decisions, month by month: one
# impose_sanctions or threaten_force row in a month it chose one, none in
# a month it waited
tail -n +6 "$T/a/play.log" | while read -r mon act talks; do
    got=$(awk -F, -v m="$mon" '$2 == m && $3 == "USA" && ($5 == "impose_sanctions" || $5 == "threaten_force" || $5 == "provide_aid") {print $5}' "$T/a/events.csv")
    if [ "$act" = wait ]; then
        [ -z "$got" ] || { echo "FAIL: $mon: waited but the log has $got"; exit 1; }
    else
        [ "$got" = "$act" ] || { echo "FAIL: $mon: chose $act, the log has '$got'"; exit 1; }
    fi
done || exit 1

# the menu's chances: q(wait) = prod (1 - 0.25 p_k), q(k) = 0.25 p_k prod_{j != k} (1 - 0.25 p_j)
awk '/^== /{inm=1; n=0; next}
     inm && /^ *[0-9]+ [a-z_]+ /{n++; p[n]=$3; q[n]=$4; next}
     inm && /two or more/{
        none = 1; for (k = 2; k <= n; k++) none *= 1 - 0.25 * p[k]
        if ((none - q[1])^2 > 1e-6) { print "FAIL: q(wait) " q[1] " expected " none; bad = 1 }
        s = 0; for (k = 1; k <= n; k++) s += p[k]
        if ((s - 1)^2 > 1e-5) { print "FAIL: p sums to " s; bad = 1 }
        for (k = 2; k <= n; k++) { x = 0.25 * p[k]; for (j = 2; j <= n; j++) if (j != k) x *= 1 - 0.25 * p[j]
            if ((x - q[k])^2 > 1e-6) { print "FAIL: q(" k ") " q[k] " expected " x; bad = 1 } }
        checked++; inm = 0 }
     END { if (checked < 12) { print "FAIL: " checked " menus checked"; bad = 1 }; exit bad }' "$T/a.txt" ||
    exit 1

# a different seed or decision gives a different game (the log matters)
sed 's/^2012-02 impose_sanctions seek/2012-02 wait seek/' "$T/a/play.log" >"$T/c.log"
"$B" play "$K" --replay "$T/c.log" --out "$T/c" >/dev/null || fail "replay of the edited log exited $?"
cmp -s "$T/a/events.csv" "$T/c/events.csv" && fail "an edited decision left events.csv unchanged"

# bad input: located errors, exit status 2
bad() { # expected-message-fragment, then the command
    want=$1
    shift
    "$@" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    [ $rc = 2 ] || fail "'$*' exited $rc, expected 2"
    grep -q -- "$want" "$T/err" || { cat "$T/err"; fail "'$*': no '$want' in the message"; }
}
bad "DPRK is the scenario's target" "$B" play "$K" --as DPRK
bad "'XYZ' is not an actor" "$B" play "$K" --as XYZ
bad "either --as ACTOR or --replay LOG" "$B" play "$K"
bad "advisor-runs" "$B" play "$K" --as USA --advisor-runs 1000000
head -5 "$T/a/play.log" >"$T/h.log"
printf '2012-01 launch_missiles model\n' >>"$T/h.log"
bad "h.log:6:9: action 'launch_missiles'" "$B" play "$K" --replay "$T/h.log"
head -5 "$T/a/play.log" >"$T/g.log"
printf '2012-01 wait model\n2012-03 wait model\n' >>"$T/g.log"
bad "g.log:7:1: month '2012-03' does not follow" "$B" play "$K" --replay "$T/g.log"
head -5 "$T/a/play.log" >"$T/s.log"
printf '2012-01 wait maybe\n' >>"$T/s.log"
bad "s.log:6:14: talks 'maybe'" "$B" play "$K" --replay "$T/s.log"
sed 's/^seed 5/seed 0x5/' "$T/a/play.log" >"$T/x.log"
bad "x.log:4:6: seed '0x5' is not a whole decimal number" "$B" play "$K" --replay "$T/x.log"
sed 's/^actor USA/actor FRA/' "$T/a/play.log" >"$T/f.log"
bad "actor 'FRA' is not an actor" "$B" play "$K" --replay "$T/f.log"
sed 's/^scenario sha256:./scenario sha256:x/' "$T/a/play.log" >"$T/k.log"
bad "the log was made with scenario" "$B" play "$K" --replay "$T/k.log"
printf 'brink-play 1\nscenario -\nactor USA\nseed 1\nrun 0\n2012-01 wa\000it model\n' >"$T/n.log"
bad "n.log:6:11: a NUL byte" "$B" play "$K" --replay "$T/n.log"
printf 'brink-play 1\nactor USA\n' >"$T/o.log"
bad "o.log:2:1: 'actor': expected the line 'scenario VALUE'" "$B" play "$K" --replay "$T/o.log"
head -5 "$T/a/play.log" >"$T/m.log"
printf '2012-01 provide_aid model\n' >>"$T/m.log"
bad "m.log:6:9: play: 'provide_aid' is not on USA's menu" "$B" play "$K" --replay "$T/m.log"
printf 'provide_aid\n' >"$T/in"
"$B" play "$K" --as USA --advisor-runs 0 <"$T/in" >/dev/null 2>"$T/err"
[ $? = 2 ] && grep -q "standard input, line 1" "$T/err" || fail "a decision off the menu on stdin"
echo "play: all checks passed"
