"""Tests of the brink Python package against the brink command line.

The model is being rewritten, so no test asserts a model outcome value:
each compares the package's results with what `brink` prints for the same
inputs and seed (two interfaces of one library), or with analytic results
(game equilibria, the elementary effects of a linear model).

Environment: BRINK_LIBRARY (libbrink.so), BRINK_CLI (the brink command),
BRINK_SOURCE_DIR (the source tree, for scenarios and games).
"""
import io
import json
import os
import subprocess
from fractions import Fraction

import pandas as pd
import pytest

import brink

SRC = os.environ.get("BRINK_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("BRINK_CLI", os.path.join(SRC, "build", "brink"))
KOREA = os.path.join(SRC, "scenarios", "korea.yaml")


def cli(*args, check=True):
    p = subprocess.run([CLI, *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"brink {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p


def g6(x):
    """x as summary.json prints it (6 significant digits)."""
    return float(f"{x:.6g}")


def assert_ensemble_equals_json(e, doc):
    assert doc["runs"] == e.runs and doc["seed"] == e.seed
    outs = e.outcomes
    assert list(outs.outcome) == list(doc["outcomes"])
    for row in outs.itertuples():
        want = doc["outcomes"][row.outcome]
        assert (g6(row.p), g6(row.lo), g6(row.hi)) == (want["p"], want["lo"], want["hi"])
    ms = e.milestones
    assert list(ms.milestone) == list(doc["milestones"])
    for row in ms.itertuples():
        want = doc["milestones"][row.milestone]
        assert g6(row.p_by_horizon) == want["p_by_horizon"]
        assert (row.median, row.q05, row.q95) == (want["median"], want["q05"], want["q95"])
    ac = e.annual_counts
    n = 0
    for row in ac.itertuples():
        want = doc["annual_counts"][row.count][str(row.year)]
        assert g6(row.mean) == want["mean"]
        assert [row.q05, row.q25, row.q50, row.q75, row.q95] == \
            [want[k] for k in ("q05", "q25", "q50", "q75", "q95")]
        if pd.isna(row.historical):
            assert "historical" not in want
        else:
            assert row.historical == want["historical"]
        n += 1
    assert n == sum(len(v) for v in doc["annual_counts"].values())


def test_version_matches_cli():
    assert cli("--version").stdout.strip() == f"brink {brink.version()}"


def test_ensemble_equals_cli_json(tmp_path):
    doc = json.loads(cli("run", KOREA, "--runs", "60", "--seed", "5", "--threads", "2",
                         "--format", "json", "--out", str(tmp_path)).stdout)
    calls = []
    e = brink.ensemble(KOREA, runs=60, seed=5, threads=1,
                       progress=lambda done, total: calls.append((done, total)))
    assert_ensemble_equals_json(e, doc)
    assert calls and calls[-1] == (60, 60)
    # the series bands equal series.csv at its printed precision (%.5g)
    bands = e.series_bands
    csv = pd.read_csv(tmp_path / "series.csv", dtype={"date": str})
    assert len(csv) * len(brink.SERIES) == len(bands)
    wide = bands.pivot(index="date", columns="series")
    for s in brink.SERIES:
        for q in ("q05", "q25", "q50", "q75", "q95"):
            mine = [float(f"{v:.5g}") for v in wide[(q, s)]]
            assert mine == list(csv[f"{s}_{q}"].astype(float)), (s, q)
    # and the summary document equals the command's, apart from provenance
    for d in (doc,):
        d.pop("scenario_hash"), d.pop("command")
    assert e.summary() == doc


def test_overrides_equal_cli_set():
    sets = {"params.rivalry": 0.6, "actors[DPRK].leaders[1].risk": 0.5}
    doc = json.loads(cli("run", KOREA, "--runs", "30", "--seed", "2", "--format", "json",
                         *sum((["--set", f"{k}={v}"] for k, v in sets.items()), [])).stdout)
    e = brink.ensemble(KOREA, runs=30, seed=2, set=sets)
    assert_ensemble_equals_json(e, doc)
    sc = brink.load(KOREA, set=sets)
    assert sc.get("params.rivalry") == 0.6


def test_run_equals_cli_files(tmp_path):
    cli("run", KOREA, "--seed", "3", "--until", "2015-06", "--out", str(tmp_path))
    r = brink.run(KOREA, seed=3, until="2015-06")
    ev = pd.read_csv(tmp_path / "events.csv", keep_default_na=False,
                     dtype={"cameo": str, "target": str})
    pd.testing.assert_frame_equal(r.events, ev)
    pd.testing.assert_frame_equal(r.series, pd.read_csv(tmp_path / "series.csv"))
    assert r.narrative == cli("run", KOREA, "--seed", "3", "--until", "2015-06").stdout


def test_threads_do_not_change_results():
    a = brink.ensemble(KOREA, runs=24, seed=9, threads=1)
    b = brink.ensemble(KOREA, runs=24, seed=9, threads=2)
    assert a.summary() == b.summary()
    pd.testing.assert_frame_equal(a.series_bands, b.series_bands)


def test_input_errors_are_located(tmp_path):
    bad = tmp_path / "bad.yaml"
    text = open(KOREA).read().replace("rivalry: ", "rivalry: 7 #", 1)
    assert text != open(KOREA).read()
    bad.write_text(text)
    with pytest.raises(brink.InputError) as info:
        brink.load(str(bad))
    err = info.value
    expected = cli("validate", str(bad), check=False)
    assert expected.returncode == 2
    assert str(err) == expected.stdout.strip()
    first = expected.stdout.split(":")
    assert (err.file, err.line, err.column) == (first[0], int(first[1]), int(first[2]))
    assert err.line > 0 and err.column > 0 and err.path
    with pytest.raises(brink.InputError) as info:
        brink.load(KOREA, set=["params.rivalry=7"])
    assert info.value.file == "--set"
    assert brink.validate(KOREA) == []
    with pytest.raises(ValueError):
        brink.ensemble(KOREA, runs=2, until="1999-01")


def test_solve_exact_fractions():
    # Battle of the Sexes: two pure equilibria and the mixed one (2/3, 1/3)
    bos = 'NFG 1 R "BoS" { "Row" "Column" } { 2 2 } 2 1 0 0 0 0 1 2'
    eqs = brink.solve(bos, method="enummixed")
    F = Fraction
    assert sorted(eqs) == sorted([[[F(1), F(0)], [F(1), F(0)]],
                                  [[F(0), F(1)], [F(0), F(1)]],
                                  [[F(2, 3), F(1, 3)], [F(1, 3), F(2, 3)]]])
    assert all(isinstance(v, Fraction) for eq in eqs for p in eq for v in p)


@pytest.mark.parametrize("game,method", [("2x2_nfg/2x2.nfg", "enummixed"),
                                         ("2x2_nfg/2x2.nfg", "lcp")])
def test_solve_equals_gambit_output(game, method):
    path = os.path.join(SRC, "tests", "games", game)
    eqs = brink.solve(path, method=method)
    # Gambit's own output for the game (tests/games/*/gambit-METHOD.out)
    want = open(os.path.join(os.path.dirname(path), f"gambit-{method}.out")).read().split()
    got = ["NE," + ",".join(str(v) for player in eq for v in player) for eq in eqs]
    assert got == want


def test_solve_tree_equals_cli():
    path = os.path.join(SRC, "examples", "games", "brinkmanship.efg")
    eqs = brink.solve(path, method="lcp")
    out = cli("solve", path, "--method", "lcp").stdout.split()
    got = ["NE," + ",".join(str(v) for player in eq for v in player) for eq in eqs]
    assert got == [l for l in out if l.startswith("NE,")]


def test_forecast_equals_cli():
    path = os.path.join(SRC, "scenarios", "forecast", "korea-2018.csv")
    fc = brink.forecast(path, VotingRule="PropCbc")
    doc = json.loads(cli("forecast", path, "--VotingRule", "PropCbc", "--format", "json").stdout)
    assert fc["doc"] == doc
    last = fc["positions"][fc["positions"].turn == fc["positions"].turn.max()]
    assert len(last) == len(doc["actors"]) * len(doc["dimensions"])
    assert list(fc["forecast"].position) == doc["forecast"]["position"]
    with pytest.raises(brink.Error):
        brink.forecast(path, VotingRule="NoSuchRule")


def test_sweep_analyze_export(tmp_path):
    exp = os.path.join(SRC, "scenarios", "experiments", "linear-morris.yaml")
    stats = brink.sweep(exp, tmp_path / "py", threads=2)
    assert stats["done"] == stats["total"] > 0 and stats["failed"] == 0
    cli("sweep", exp, "--out", str(tmp_path / "cli"), "--threads", "1")
    # the two stores hold the same runs
    a = brink.export(tmp_path / "py", "runs")
    b = pd.read_csv(io.StringIO(cli("export", str(tmp_path / "cli"), "--table", "runs",
                                    "--format", "csv").stdout))
    pd.testing.assert_frame_equal(a, b)
    # a linear model y = 10 x1 + 5 x2 + x3 on [0,1]^5: every elementary
    # effect of factor i is its coefficient, so mu* = (10, 5, 1, 0, 0)
    df = brink.analyze(tmp_path / "py", method="morris")
    assert list(df.factor) == ["x1", "x2", "x3", "x4", "x5"]
    assert [round(v, 9) for v in df.mu_star] == [10, 5, 1, 0, 0]
    assert df.attrs["doc"]["method"] == "morris"
    summ = brink.analyze(tmp_path / "cli", method="summary")
    assert len(summ) == df.attrs["doc"]["points"]


def test_ema_model_callable():
    model = brink.Model(KOREA, levers={"rivalry": "params.rivalry",
                                       "dprk_risk": "actors[DPRK].leaders[1].risk"},
                        runs=20, seed=4)
    res = model({"rivalry": 0.6}, dprk_risk=0.5)
    assert set(res) == set(model.outcomes)
    e = brink.ensemble(KOREA, runs=20, seed=4, set={"params.rivalry": 0.6,
                                                   "actors[DPRK].leaders[1].risk": 0.5})
    assert [res[o] for o in brink.OUTCOMES] == list(e.outcomes.p)
    assert abs(sum(res[o] for o in brink.OUTCOMES) - 1.0) < 1e-12
    with pytest.raises(KeyError):
        model(no_such_lever=1)
