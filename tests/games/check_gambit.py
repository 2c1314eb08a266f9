#!/usr/bin/env python3
"""Compares brink's equilibrium sets with Gambit's recorded outputs.

usage: check_gambit.py BRINK GAMES_DIR METHOD [--strategic] [--only nfg|efg]

METHOD may carry Gambit's flags as in the file names (logit_-e: brink's logit
compared with gambit-logit_-e.out).

For every folder GAMES_DIR/<name>_<nfg|efg>/ holding gambit-<METHOD>.out
(gambit-<METHOD>_-S.out with --strategic), runs `BRINK solve --method METHOD`
and checks that the two sets of NE lines are equal: exactly (as rationals)
when Gambit printed exact values, within 1e-6 otherwise.  The expected
values are Gambit's, never brink's own output.
"""
import os
import subprocess
import sys
from fractions import Fraction


def parse(lines):
    out = []
    for line in lines:
        line = line.strip()
        if not line.startswith("NE,"):
            continue
        out.append(tuple(Fraction(v) for v in line[3:].split(",")))
    return out


def exact_text(lines):
    return all("." not in l for l in lines if l.startswith("NE,"))


def dedupe(a):
    """Gambit's enummixed prints an equilibrium once per pair of unnormalised
    vertices that give it, so the same profile can repeat; sets ignore that."""
    out = []
    for x in a:
        if not any(len(x) == len(y) and all(abs(float(p - q)) <= 1e-9 for p, q in zip(x, y)) for y in out):
            out.append(x)
    return out


def same_sets(a, b, exact):
    if exact:
        return set(a) == set(b)
    a, b = dedupe(a), dedupe(b)
    if len(a) != len(b):
        return False
    used = [False] * len(b)
    for x in a:
        for j, y in enumerate(b):
            if not used[j] and len(x) == len(y) and all(abs(float(p - q)) <= 1e-6 for p, q in zip(x, y)):
                used[j] = True
                break
        else:
            return False
    return True


# largest regret of a profile brink reports (logit end points approximate
# the limit equilibrium; the trace stops at a regret of 1e-8 x payoff range)
REGRET = 1e-5


def regrets_ok(brink, path, nelines, strategic):
    """every NE line has regret at most REGRET by `brink game regret`"""
    if not nelines:
        return True
    rg = subprocess.run([brink, "game", "regret", path, "-"] + (["--strategic"] if strategic else []),
                        input="\n".join(nelines) + "\n", capture_output=True, text=True)
    vals = [float(l.split()[1]) for l in rg.stdout.split("\n") if l]
    return rg.returncode == 0 and len(vals) == len(nelines) and all(v <= REGRET for v in vals)


def solve(brink, root, d, method, strategic):
    """runs brink solve on the game of folder d: (file name, path, result)"""
    game = [f for f in os.listdir(os.path.join(root, d)) if f.endswith((".nfg", ".efg"))][0]
    path = os.path.join(root, d, game)
    args = [brink, "solve", path, "--method", method.split("_")[0]]
    if strategic:
        args.append("--strategic")
    return game, path, subprocess.run(args, capture_output=True, text=True)


def main():
    brink, root, method = sys.argv[1], sys.argv[2], sys.argv[3]
    strategic = "--strategic" in sys.argv[4:]
    outname = "gambit-%s%s.out" % (method, "_-S" if strategic else "")
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    # games where brink's trace reaches a different end point than Gambit's
    # (listed with the reason in the file, "GAME" or "GAME -S"); brink must
    # still print one profile, and it must be an equilibrium
    differs = set()
    listf = os.path.join(root, "%s-differences.txt" % method.split("_")[0])
    if os.path.isfile(listf):
        with open(listf) as f:
            differs = {" ".join(l.split()[:2]) for l in f if l.strip() and not l.startswith("#")}
    checked = failed = 0
    # Gambit outputs that are not equilibria (regret checked by `brink game
    # regret`, independent of the solvers): brink must not print them, and
    # whatever it prints must be an equilibrium
    badname = outname[:-4] + ".NOT-AN-EQUILIBRIUM"
    for d in sorted(os.listdir(root)):
        bad = os.path.join(root, d, badname)
        if not os.path.isfile(bad) or (only and not d.endswith("_" + only)):
            continue
        game, path, r = solve(brink, root, d, method, strategic)
        checked += 1
        with open(bad) as f:
            blines = f.read().splitlines()
        rg = subprocess.run([brink, "game", "regret", path, bad] + (["--strategic"] if strategic else []),
                            capture_output=True, text=True)
        if rg.returncode != 0 or not all(float(l.split()[1]) > REGRET for l in rg.stdout.split("\n") if l):
            failed += 1
            print("FAIL %s: %s is an equilibrium after all: %s" % (game, badname, rg.stdout.strip() or rg.stderr.strip()))
            continue
        got = [l for l in r.stdout.splitlines() if l.startswith("NE,")]
        if r.returncode != 0 or (got and same_sets(parse(got), parse(blines), False)):
            failed += 1
            print("FAIL %s: brink printed Gambit's non-equilibrium (exit %d)" % (game, r.returncode))
            continue
        if not regrets_ok(brink, path, got, strategic):
            failed += 1
            print("FAIL %s: brink printed a profile with regret above %g" % (game, REGRET))
    for d in sorted(os.listdir(root)):
        exp = os.path.join(root, d, outname)
        if not os.path.isfile(exp) or (only and not d.endswith("_" + only)):
            continue
        game, path, r = solve(brink, root, d, method, strategic)
        with open(exp) as f:
            elines = f.read().splitlines()
        checked += 1
        if r.returncode != 0:
            print("FAIL %s: exit %d: %s" % (game, r.returncode, r.stderr.strip()))
            failed += 1
            continue
        got, want = parse(r.stdout.splitlines()), parse(elines)
        if (game + (" -S" if strategic else "")) in differs:
            if len(got) != 1 or not regrets_ok(brink, path, [l for l in r.stdout.splitlines() if l.startswith("NE,")], strategic):
                failed += 1
                print("FAIL %s: expected one end point with regret below %g, brink printed %d" % (game, REGRET, len(got)))
            continue
        if len(set(got)) != len(got):
            failed += 1
            print("FAIL %s: brink printed an equilibrium twice" % game)
        elif not same_sets(got, want, exact_text(elines)):
            failed += 1
            print("FAIL %s: brink %d equilibria, Gambit %d" % (game, len(got), len(set(want))))
            for x in sorted(set(got) - set(want))[:5]:
                print("  only brink:  " + ",".join(str(v) for v in x))
            for x in sorted(set(want) - set(got))[:5]:
                print("  only Gambit: " + ",".join(str(v) for v in x))
    print("%s: %d games checked, %d failed" % (outname, checked, failed))
    sys.exit(1 if failed or checked == 0 else 0)


main()
