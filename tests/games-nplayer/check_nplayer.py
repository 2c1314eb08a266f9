#!/usr/bin/env python3
"""Checks brink's N-player methods (enumpoly, gnm, liap) on the shipped
N-player games against Gambit's enumpoly and against the regret.

usage: check_nplayer.py BRINK TESTS_DIR METHOD [GAME ...]

For every game (default: the strategic games of tests/games/ with three or
more players and the random games of tests/games-bench/):
- every profile brink prints has regret (`brink game regret`) at most
  1e-9 x max(1, payoff range); the range is read from the game itself;
- where Gambit's enumpoly output exists (gambit-enumpoly/<name>.out):
  enumpoly: every profile of Gambit's is among brink's (within 1e-6) and
  every profile brink adds is listed in differences.txt;
  gnm, liap: every profile is in Gambit's set or listed in differences.txt;
- gnm finds at least one equilibrium on every game.
The expected sets are Gambit's, never brink's own output.
"""
import json
import os
import subprocess
import sys
from fractions import Fraction

SHIPPED = ["2x2x2", "2x2x2x2", "2x2x2x2x2", "3x3x3", "5x4x3", "8x2x2", "coord333",
           "g1", "g2", "g3", "perfect3"]
RANDOM = ["random_3p_10s_s12345", "random_4p_6s_s12345", "random_5p_4s_s12345",
          "random_6p_7s_s12345"]


def game_path(tests, name):
    if name.startswith("random_"):
        return os.path.join(tests, "games-bench", name + ".nfg")
    return os.path.join(tests, "games", name + "_nfg", name + ".nfg")


def load_game(brink, path):
    """(strategy counts, exact payoff rows, player 1's strategy fastest)"""
    out = subprocess.run([brink, "convert", path, "-", "--to", "json"], capture_output=True,
                         text=True, check=True).stdout
    g = json.loads(out)
    return [len(s) for s in g["strategies"]], [[Fraction(v) for v in row] for row in g["payoffs"]]


def payoff_range(game):
    vals = [v for row in game[1] for v in row]
    return float(max(vals) - min(vals)) if vals else 0.0


def regret_exact(game, prof):
    """the regret of prof (decimal strings read exactly), computed here in
    rational arithmetic, independently of brink's own regret"""
    ns, pay = game
    n = len(ns)
    x = [Fraction(v) for v in prof]
    off = [sum(ns[:p]) for p in range(n)]
    val = [Fraction(0)] * sum(ns)
    s = [0] * n
    for row in pay:
        for p in range(n):
            w = Fraction(1)
            for q in range(n):
                if q != p:
                    w *= x[off[q] + s[q]]
                    if not w:
                        break
            if w:
                val[off[p] + s[p]] += w * row[p]
        for p in range(n):
            s[p] += 1
            if s[p] < ns[p]:
                break
            s[p] = 0
    worst = Fraction(0)
    for p in range(n):
        cur = sum(x[off[p] + k] * val[off[p] + k] for k in range(ns[p]))
        worst = max(worst, max(val[off[p]:off[p] + ns[p]]) - cur)
    return float(worst)


def parse(lines):
    return [tuple(float(Fraction(v)) for v in l.strip()[3:].split(","))
            for l in lines if l.startswith("NE,")]


def member(x, pool, tol=1e-6):
    return any(len(x) == len(y) and all(abs(a - b) <= tol for a, b in zip(x, y)) for y in pool)


def load_differences(tests):
    """lines 'game method p1,p2,...' (decimals): profiles brink finds that
    Gambit's enumpoly does not print"""
    diffs = {}
    path = os.path.join(tests, "games-nplayer", "differences.txt")
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        game, prof = line.split()[0], line.split()[1]
        diffs.setdefault(game, []).append(tuple(float(v) for v in prof.split(",")))
    return diffs


def main():
    brink, tests, method = sys.argv[1], sys.argv[2], sys.argv[3]
    games = sys.argv[4:] or SHIPPED
    diffs = load_differences(tests)
    failures = 0
    for name in games:
        path = game_path(tests, name)
        cmd = [brink, "solve", path, "--method", method, "--decimals", "17"]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            print(f"FAIL {name}: {' '.join(cmd)} exited {res.returncode}: {res.stderr.strip()}")
            failures += 1
            continue
        lines = [l for l in res.stdout.split("\n") if l.startswith("NE,")]
        ours = parse(lines)
        game = load_game(brink, path)
        tol = 1e-9 * max(1.0, payoff_range(game))
        if lines:
            rg = subprocess.run([brink, "game", "regret", path, "-"], input="\n".join(lines) + "\n",
                                capture_output=True, text=True)
            regs = [float(l.split()[1]) for l in rg.stdout.split("\n") if l]
            if rg.returncode != 0 or len(regs) != len(lines) or max(regs) > tol:
                print(f"FAIL {name} {method}: regrets {regs} above {tol:g}")
                failures += 1
                continue
        else:
            regs = []
        if method == "gnm" and not ours:
            print(f"FAIL {name} gnm: no equilibrium")
            failures += 1
            continue
        gpath = os.path.join(tests, "games-nplayer", "gambit-enumpoly", name + ".out")
        note = ""
        if os.path.exists(gpath):
            theirs = parse(open(gpath).read().split("\n"))
            extra_ok = diffs.get(name, [])
            if method == "enumpoly":
                missing = [x for x in theirs if not member(x, ours)]
                if missing:
                    print(f"FAIL {name} enumpoly: Gambit's {missing} not found")
                    failures += 1
                    continue
            extra = [x for x in ours if not member(x, theirs)]
            unlisted = [x for x in extra if not member(x, extra_ok, 1e-5)]
            if unlisted:
                print(f"FAIL {name} {method}: not in Gambit's enumpoly set nor in differences.txt:")
                for x in unlisted:
                    print(f"  {name} " + ",".join(f"{v:.6f}" for v in x))
                failures += 1
                continue
            # the profiles Gambit does not print: their regret once more, exactly
            for x, line in zip(ours, lines):
                if not member(x, theirs):
                    r = regret_exact(game, line[3:].split(","))
                    if r > tol:
                        print(f"FAIL {name} {method}: extra profile with exact regret {r:g}")
                        failures += 1
            note = f", Gambit's enumpoly {len(theirs)}, listed extra {len(extra)}"
        print(f"ok {name} {method}: {len(ours)} equilibria, max regret "
              f"{max(regs) if regs else 0:.2g} (tolerance {tol:.2g}){note}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
