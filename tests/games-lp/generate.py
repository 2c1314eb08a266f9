#!/usr/bin/env python3
"""Generates the random two-player constant-sum games of tests/games-lp/.

usage: generate.py efg SEED OUT.efg    a tree (tree<SEED>.efg)
       generate.py nfg SEED OUT.nfg    a matrix game (matrix<SEED>.nfg)

Trees: 2 to 5 stages, each a move of chance or of one player, seen by a
random subset of the other players (so information sets span the histories a
player cannot tell apart, with perfect recall: a player always sees its own
moves); plays may end early; payoffs small integers, sometimes with halves,
thirds or quarters, summing to the same constant on every play (an outcome
on an inner node is zero-sum); chance probabilities w_i / sum w.  Matrix
games: 1 to 6 strategies each, entries of player 1 in a small range (many
ties), sometimes plus 1/2 or 1/3, player 2 = constant - player 1.

The expected outputs next to the games are Gambit's (see README.md), never
brink's.
"""
import random
import sys
from fractions import Fraction as F

def fmt(q):
    q = F(q)
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"

def gen_tree(seed):
    R = random.Random(seed)
    nstages = R.randint(2, 5)
    sched = []  # (mover: 0 chance, 1, 2; visible_to set)
    for s in range(nstages):
        mover = R.choice([0, 1, 2, 1, 2])
        vis = {mover} if mover else set()
        for p in (1, 2):
            if p != mover and R.random() < 0.5:
                vis.add(p)
        sched.append((mover, frozenset(vis)))
    C = F(R.randint(-2, 3))
    frac = R.random() < 0.3
    pay_range = R.choice([1, 2, 3, 5])
    infosets = {1: {}, 2: {}}
    chance_sets = {}
    nact_of = {}
    out = []
    outcomes = []
    def payoff():
        a = F(R.randint(-pay_range, pay_range))
        if frac and R.random() < 0.3:
            a += F(R.choice([1, 1, 2]), R.choice([2, 3, 4]))
        return a
    def new_outcome(a, b):
        outcomes.append((a, b))
        return len(outcomes)
    def rec(stage, hist):
        # hist: list of (stage, action)
        endp = 0.0 if stage == 0 else (0.15 if stage < nstages else 1.0)
        if stage >= nstages or R.random() < endp:
            a = payoff()
            o = new_outcome(a, C - a)
            out.append(f't "" {o} "" {{ {fmt(a)}, {fmt(C - a)} }}')
            return
        mover, _ = sched[stage]
        # intermediate zero-sum outcome occasionally
        oc = 0
        octext = "0"
        if R.random() < 0.1:
            a = F(R.randint(-1, 1))
            oc = new_outcome(a, -a)
            octext = f'{oc} "" {{ {fmt(a)}, {fmt(-a)} }}'
        if mover == 0:
            key = (stage, tuple(hist))
            n = R.randint(2, 3)
            num = len(chance_sets) + 1
            chance_sets[key] = num
            ws = [R.randint(1, 4) for _ in range(n)]
            tot = sum(ws)
            probs = [F(w, tot) for w in ws]
            acts = " ".join(f'"c{i}" {fmt(p)}' for i, p in enumerate(probs))
            out.append(f'c "" {num} "" {{ {acts} }} {octext}')
            for i in range(n):
                rec(stage + 1, hist + [(stage, i)])
            return
        view = tuple((s, a if mover in sched[s][1] else '?') for s, a in hist)
        key = view
        d = infosets[mover]
        if key in d:
            num, n = d[key]
            out.append(f'p "" {mover} {num} {octext}')
        else:
            n = R.randint(2, 3) if R.random() < 0.9 else 1
            num = len(d) + 1
            d[key] = (num, n)
            acts = " ".join(f'"a{i}"' for i in range(n))
            out.append(f'p "" {mover} {num} "" {{ {acts} }} {octext}')
        for i in range(n):
            rec(stage + 1, hist + [(stage, i)])
    rec(0, [])
    return 'EFG 2 R "gen %d" { "P1" "P2" }\n""\n\n' % seed + "\n".join(out) + "\n"

def gen_nfg(seed):
    R = random.Random(seed)
    m, n = R.randint(1, 6), R.randint(1, 6)
    C = R.randint(-2, 2)
    rng = R.choice([1, 2, 3, 10])
    vals = []
    for j in range(n):
        for i in range(m):
            a = F(R.randint(-rng, rng))
            if R.random() < 0.15:
                a += F(1, R.choice([2, 3]))
            vals.append((a, C - a))
    body = " ".join(f"{fmt(a)} {fmt(b)}" for a, b in vals)
    return f'NFG 1 R "gen {seed}" {{ "P1" "P2" }} {{ {m} {n} }}\n\n{body}\n'

if __name__ == "__main__":
    kind, seed, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    open(path, "w").write(gen_tree(seed) if kind == "efg" else gen_nfg(seed))
