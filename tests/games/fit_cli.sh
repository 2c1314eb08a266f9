#!/bin/sh
# brink solve --method logit --fit: the analytic maximum-likelihood lambda on a
# two-stage tree, and bad count files as located errors with exit status 2.
# usage: fit_cli.sh BRINK
B=$1; fail=0; n=0
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
# player 1's L beats R by 1 whatever player 2 does, player 2's a beats b by 1:
# both play the better action with probability 1 / (1 + exp(-lambda)), so
# frequencies 8:2 at both information sets are fitted at lambda = log 4
printf 'EFG 2 R "ml" { "P1" "P2" }\n""\np "" 1 1 "" { "L" "R" } 0\np "" 2 1 "" { "a" "b" } 0\nt "" 1 "" { 1, 1 }\nt "" 2 "" { 1, 0 }\nt "" 3 "" { 0, 0 }\n' > "$T/ml.efg"
echo "8 2 8 2" > "$T/counts"
n=$((n + 1))
lam=$("$B" solve "$T/ml.efg" --method logit --fit "$T/counts" 2>/dev/null | cut -d, -f1)
if ! awk -v l="$lam" 'BEGIN { d = l - log(4); exit !(d < 1e-5 && d > -1e-5) }'; then
    echo "FAIL fit: lambda [$lam], want log 4"; fail=$((fail + 1))
fi
check() { # name expected-stderr counts-content
    n=$((n + 1)); printf '%s\n' "$3" > "$T/c"
    got=$("$B" solve "$T/ml.efg" --method logit --fit "$T/c" 2>&1 >/dev/null); rc=$?
    if [ "$got" != "$2" ] || [ $rc -ne 2 ]; then
        echo "FAIL $1: got [$got] exit $rc, want [$2] exit 2"; fail=$((fail + 1))
    fi
}
check too-few "brink: solve: $T/c: observed frequencies: 3 values given, the game has 4 actions" "8 2 8"
check negative "brink: solve: $T/c: value 2 is not a non-negative number" "8 -2 8 2"
echo "fit-cli: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
