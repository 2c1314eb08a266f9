#!/bin/sh
# examples.sh - runs the compiled examples of examples/c/ (linked against
# libbrink.so) and checks what they print:
#   solve_game         the three equilibria of the Battle of the Sexes, known
#                      in closed form (pure (1,0;1,0), (0,1;0,1), and each
#                      player's favourite with probability 2/3);
#   validate_scenario  the located errors the scenario-invalid suite expects
#                      from `brink validate` for the same files (both
#                      interfaces must agree), and "ok" on the flagship;
#   run_ensemble       the same summary.json as `brink run --format json`
#                      for the same scenario, runs and seed, on 1 and 2
#                      threads, apart from the provenance the command adds.
# usage: examples.sh BUILD_DIR SOURCE_DIR
set -u
B=$1
S=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

"$B/example_solve_game" | sort >"$tmp/ne" || { echo "FAIL: solve_game exited $?"; fail=1; }
sort >"$tmp/ne.expected" <<'OUT'
NE,1,0,1,0
NE,0,1,0,1
NE,2/3,1/3,1/3,2/3
OUT
if ! cmp -s "$tmp/ne" "$tmp/ne.expected"; then
    echo "FAIL: solve_game printed:"; cat "$tmp/ne"; fail=1
fi

n=0
for dir in "$S"/tests/suites/scenario-invalid/*/; do
    [ -f "$dir/input.yaml" ] || continue
    sets=""
    if [ -f "$dir/args" ]; then
        # only cases whose arguments are --set overrides
        sets=$(sed -n 's/^--set \(.*\)$/\1/p' "$dir/args")
        [ -n "$sets" ] || continue
    fi
    # shellcheck disable=SC2086
    out=$(cd "$dir" && "$B/example_validate_scenario" input.yaml $sets)
    rc=$?
    n=$((n + 1))
    if [ "$rc" -ne 2 ] || [ "$out" != "$(cat "$dir/expected")" ]; then
        echo "FAIL: validate_scenario $(basename "$dir") (exit $rc):"
        echo "  expected: $(cat "$dir/expected")"
        echo "  got:      $out"
        fail=1
    fi
done
[ "$n" -ge 20 ] || { echo "FAIL: only $n scenario-invalid cases checked"; fail=1; }
out=$("$B/example_validate_scenario" "$S/scenarios/korea.yaml") || { echo "FAIL: flagship: $out"; fail=1; }

# the two JSON documents without the provenance keys the command adds
same_json() {
    python3 -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for d in (a, b):
    d.pop("scenario_hash", None); d.pop("command", None)
sys.exit(0 if a == b else 1)' "$1" "$2"
}
"$B/brink" run "$S/scenarios/korea.yaml" --runs 40 --seed 11 --format json >"$tmp/cli.json" \
    || { echo "FAIL: brink run"; fail=1; }
for threads in 1 2; do
    "$B/example_run_ensemble" "$S/scenarios/korea.yaml" 40 11 "$threads" >"$tmp/ex.json" 2>"$tmp/ex.txt" \
        || { echo "FAIL: run_ensemble exited $?"; cat "$tmp/ex.txt"; fail=1; }
    if ! same_json "$tmp/ex.json" "$tmp/cli.json"; then
        echo "FAIL: run_ensemble ($threads threads) differs from brink run --format json:"
        diff "$tmp/ex.json" "$tmp/cli.json" | head -20
        fail=1
    fi
done
[ $fail -eq 0 ] && echo "examples: solve_game, validate_scenario ($n cases), run_ensemble agree"
exit $fail
