"""The flagship scenario from Python: an ensemble, a what-if, a game.

    BRINK_LIBRARY=build/libbrink.so PYTHONPATH=python python3 examples/python/flagship.py [SRC] [RUNS]

(after `pip install ./python` and `make install`, neither variable is needed).
Written as notebook cells: each block can be pasted into Jupyter.
"""
import os
import sys

import brink

src = sys.argv[1] if len(sys.argv) > 1 else "."
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
korea = os.path.join(src, "scenarios", "korea.yaml")

# %% An ensemble of the Korean Peninsula scenario, with a progress callback
ens = brink.ensemble(korea, runs=runs, seed=1, threads=2,
                     progress=lambda done, total: None)
print(f"brink {brink.version()}: {runs} runs of {brink.load(korea).name}")
print(ens.outcomes.to_string(index=False))

# %% Annual nuclear tests against the record
ac = ens.annual_counts
print(ac[(ac["count"] == "nuclear_tests") & (ac.year <= 2019)]
      [["year", "mean", "q05", "q95", "historical"]].to_string(index=False))

# %% What if China enforced sanctions harder?  An EMA Workbench-style model
model = brink.Model(korea, levers={"china_enforcement": "dyads[6].enforcement",
                                   "rivalry": "params.rivalry"}, runs=runs // 4, seed=1)
for enforcement in (0.3, 0.8):
    out = model(china_enforcement=enforcement)
    print(f"China enforcement {enforcement}: deal or freeze "
          f"{out['comprehensive_deal'] + out['partial_deal_or_freeze']:.3f}, "
          f"nuclear tests per year {out['nuclear_tests_per_year']:.2f}")

# %% A game solved exactly
eqs = brink.solve(os.path.join(src, "examples", "games", "brinkmanship.efg"), method="lcp")
print("brinkmanship equilibrium (behaviour, exact):", eqs[0])
