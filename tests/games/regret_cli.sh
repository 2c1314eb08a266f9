#!/bin/sh
# brink game regret: regrets worked out by hand, and located errors.
# usage: regret_cli.sh BRINK GAMES_DIR
B=$1; G=$2; fail=0; n=0
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
check() { # name expected-output command...
    name=$1; want=$2; shift 2; n=$((n + 1))
    got=$("$@" 2>&1); rc=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL $name: got [$got] (exit $rc), want [$want]"; fail=$((fail + 1))
    fi
}
checknum() { # name "expected values" command...: equal within 1e-12
    name=$1; want=$2; shift 2; n=$((n + 1))
    got=$("$@" 2>&1 | awk '{print $2}' | tr '\n' ' ')
    if ! echo "$got|$want" | awk -F'|' '{ng = split($1, g, " "); nw = split($2, w, " ");
            if (ng != nw) exit 1; for (i = 1; i <= ng; i++) { d = g[i] - w[i];
            if (d < -1e-12 || d > 1e-12) exit 1 } }'; then
        echo "FAIL $name: got [$got], want [$want]"; fail=$((fail + 1))
    fi
}
# prisoner's dilemma (9,9 | 10,0 | 0,10 | 1,1): both cooperate: defecting gains 1;
# both defect: 0; both mix 1/2: 5.5 - 5 = 0.5
printf 'NE,1,0,1,0\nNE,0,1,0,1\n\nNE,1/2,0.5,5e-1,1/2\n' > "$T/p"
checknum pd "1 0 0.5" "$B" game regret "$G/pd_nfg/pd.nfg" "$T/p"
# Beer-Quiche (e17) in behaviour strategies: Gambit's two pure equilibria, and
# both types eat quiche while player 2 duels after either breakfast: player 1
# gets 0.1 and could get 1 (wimp quiche, surly beer), player 2 gets 0.1 and
# could get 0.9 by not duelling after quiche: regret 0.9
{ cat "$G/e17_efg/gambit-enumpure.out"; echo 'NE,0,1,0,1,1,0,1,0'; } > "$T/bq"
checknum beer-quiche "0 0 0.9" "$B" game regret "$G/e17_efg/e17.efg" "$T/bq"
# and the reduced form: Gambit's lcp -S equilibria
checknum beer-quiche-S "0 0 0" "$B" game regret "$G/e17_efg/e17.efg" "$G/e17_efg/gambit-lcp_-S.out" --strategic
printf 'NE,1,0,2\n' > "$T/bad"
check bad-value "$T/bad:1:8: error: value 3: found '2'; expected a probability (decimal or p/q in [0, 1])" \
    "$B" game regret "$G/pd_nfg/pd.nfg" "$T/bad"
printf 'NE,1,0,1\n' > "$T/short"
check short "$T/short:1:9: error: found 3 values; expected 4 (the game's profile width)" \
    "$B" game regret "$G/pd_nfg/pd.nfg" "$T/short"
printf 'x,1\n' > "$T/noNE"
check no-NE "$T/noNE:1:1: error: found 'x,1'; expected a profile 'NE,p1,p2,...'" \
    "$B" game regret "$G/pd_nfg/pd.nfg" "$T/noNE"
"$B" game regret "$G/pd_nfg/pd.nfg" "$T/bad" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL exit status of a bad profile is not 2"; fail=$((fail + 1)); }
echo "regret-cli: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
