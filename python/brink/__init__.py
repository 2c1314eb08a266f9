"""brink: simulate and forecast nuclear crisis bargaining, and solve games.

A Python binding of libbrink (the C library of the `brink` command) through
cffi.  The functions return pandas DataFrames and the numbers the command
line prints for the same inputs and seed::

    import brink
    sc = brink.load("scenarios/korea.yaml", set={"params.rivalry": 0.6})
    ens = brink.ensemble(sc, runs=1000, seed=1, threads=2)
    ens.outcomes          # outcome, p, lo, hi
    ens.annual_counts     # count, year, mean, q05..q95, historical
    brink.solve("game.nfg", method="enummixed")   # exact fractions

Errors are raised as brink.Error (brink.InputError for bad input, which
carries the file, line, column and field path of each problem).
"""
import io
import json
import os
from fractions import Fraction

import pandas as pd

from ._ffi import ffi, lib, libc

__all__ = ["Error", "InputError", "Diagnostic", "Scenario", "Ensemble", "Model", "version",
           "load", "validate", "run", "ensemble", "sweep", "analyze", "export", "solve",
           "forecast", "OUTCOMES", "MILESTONES", "COUNTS", "SERIES"]


def version():
    """The version of the loaded libbrink, e.g. "0.1.0"."""
    return ffi.string(lib.brink_version()).decode()


def _names(fn):
    out, k = [], 0
    while True:
        s = ffi.string(fn(k)).decode()
        if not s:
            return tuple(out)
        out.append(s)
        k += 1


OUTCOMES = _names(lib.brink_sim_outcome_name)
MILESTONES = _names(lib.brink_sim_milestone_name)
COUNTS = _names(lib.brink_sim_count_name)
SERIES = _names(lib.brink_sim_series_name)


class Diagnostic:
    """One located problem in an input file (line and column 1-based, 0 if unknown)."""

    def __init__(self, file, line, column, path, message, text):
        self.file, self.line, self.column = file, line, column
        self.path, self.message, self.text = path, message, text

    def __repr__(self):
        return f"Diagnostic({self.text!r})"

    def __str__(self):
        return self.text


class Error(Exception):
    """A libbrink call failed: status is the C status name (e.g. "BRINK_EIO")."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


class InputError(Error, ValueError):
    """Bad input (a scenario, game, experiment or forecast file, or an
    override): diagnostics lists every problem found; file, line, column
    and path are those of the first."""

    def __init__(self, diagnostics, message, status=None):
        super().__init__(message, status)
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else None
        self.file = first.file if first else None
        self.line = first.line if first else 0
        self.column = first.column if first else 0
        self.path = first.path if first else None


_STATUS = {getattr(lib, n): n for n in dir(lib) if n.startswith("BRINK_E") or n == "BRINK_OK"}


class _Ctx:
    """A brink_ctx_t with an optional progress callback, used as a `with`
    block that frees it at the end.  Objects libbrink creates on a context
    keep using it (its allocator), so a long-lived object takes the context
    with give(): one finalizer then frees the object and then the context,
    an order that does not depend on Python's garbage collector."""

    def __init__(self, progress=None):
        self.ptr = lib.brink_ctx_new(ffi.NULL)
        if self.ptr == ffi.NULL:
            raise MemoryError("libbrink: cannot create a context")
        self._cb = None
        self._given = False
        if progress is not None:
            @ffi.callback("void(uint64_t, uint64_t, void *)")
            def cb(done, total, ud):
                try:
                    progress(int(done), int(total))
                except Exception:  # a callback must not unwind through C
                    pass
            self._cb = cb
            lib.brink_ctx_set_progress(self.ptr, cb, ffi.NULL)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if not self._given:
            lib.brink_ctx_free(self.ptr)
        self.ptr = ffi.NULL
        return False

    def give(self, ptr, free):
        """ptr, whose finalizer calls free(ptr) and then frees this context."""
        self._given = True
        raw, ctx_free = self.ptr, lib.brink_ctx_free

        def fin(p):
            free(p)
            ctx_free(raw)
        fin.progress_callback = self._cb  # alive as long as the context
        return ffi.gc(ptr, fin)

    def check(self, st, what):
        if st != lib.BRINK_OK:
            msg = ffi.string(lib.brink_ctx_errmsg(self.ptr)).decode(errors="replace")
            if not msg:
                msg = ffi.string(lib.brink_strerror(st)).decode()
            if st == lib.BRINK_ENOMEM:
                raise MemoryError(f"{what}: {msg}")
            raise Error(f"{what}: {msg}", _STATUS.get(st))


def _diags_error(ctx, diags, st, what):
    items = []
    for i in range(diags.count):
        d = diags.items[i]
        buf = ffi.new("char[]", 4096)
        lib.brink_diag_format(ffi.addressof(diags.items[i]), buf, 4096)
        s = lambda p: ffi.string(p).decode(errors="replace") if p != ffi.NULL else ""
        items.append(Diagnostic(s(d.file), d.line, d.column, s(d.path), s(d.message),
                                ffi.string(buf).decode(errors="replace")))
    lib.brink_diags_clear(ctx.ptr, diags)
    if st == lib.BRINK_ENOMEM:
        raise MemoryError(what)
    if not items:
        msg = ffi.string(lib.brink_ctx_errmsg(ctx.ptr)).decode(errors="replace") or \
            ffi.string(lib.brink_strerror(st)).decode()
        raise InputError([], f"{what}: {msg}", _STATUS.get(st))
    raise InputError(items, "\n".join(d.text for d in items), _STATUS.get(st))


def _capture(write):
    """Calls write(FILE *) on an in-memory stream and returns the text."""
    ptr = ffi.new("char **")
    size = ffi.new("size_t *")
    fp = libc.open_memstream(ptr, size)
    if fp == ffi.NULL:
        raise MemoryError("open_memstream")
    try:
        res = write(fp)
    finally:
        libc.fclose(fp)
        text = ffi.string(ptr[0], size[0]).decode() if ptr[0] != ffi.NULL else ""
        libc.free(ptr[0])
    return res, text


def _month(m):
    return None if m < 0 else f"{m // 12:04d}-{m % 12 + 1:02d}"


def _parse_month(s):
    y, m = s.split("-")
    if len(y) != 4 or len(m) != 2 or not (1 <= int(m) <= 12):
        raise ValueError(f"{s!r} is not a month YYYY-MM")
    return int(y) * 12 + int(m) - 1


def _sets(set):
    """Overrides as "path=value" strings from a dict or a list of strings."""
    if set is None:
        return []
    if isinstance(set, dict):
        out = []
        for k, v in set.items():
            if isinstance(v, bool):
                v = "true" if v else "false"
            out.append(f"{k}={v}")
        return out
    return [str(s) for s in set]


# ---- scenarios ------------------------------------------------------------

class Scenario:
    """A loaded and validated scenario (brink_scenario_t)."""

    def __init__(self, path, set=None):
        self.path = os.fspath(path)
        self.sets = _sets(set)
        keep = [ffi.new("char[]", s.encode()) for s in self.sets]
        arr = ffi.new("const char *[]", keep) if keep else ffi.NULL
        out = ffi.new("brink_scenario_t **")
        diags = ffi.new("brink_diags_t *")
        lib.brink_diags_init(diags)
        with _Ctx() as ctx:
            st = lib.brink_scenario_load(ctx.ptr, self.path.encode(), arr, len(keep), out, diags)
            if st != lib.BRINK_OK:
                _diags_error(ctx, diags, st, f"loading {self.path}")
            lib.brink_diags_clear(ctx.ptr, diags)
            self._ptr = ctx.give(out[0], lib.brink_scenario_free)

    @property
    def name(self):
        return ffi.string(lib.brink_scenario_name(self._ptr)).decode()

    def get(self, path):
        """The number at a field path, e.g. "actors[DPRK].leaders[1].risk"."""
        v = ffi.new("double *")
        with _Ctx() as ctx:
            ctx.check(lib.brink_scenario_get_number(ctx.ptr, self._ptr, path.encode(), v), path)
        return v[0]

    def set(self, path, value):
        """Sets the number at a field path (range-checked as the file is)."""
        with _Ctx() as ctx:
            ctx.check(lib.brink_scenario_set_number(ctx.ptr, self._ptr, path.encode(),
                                                    float(value)), path)

    def copy(self):
        out = ffi.new("brink_scenario_t **")
        c = Scenario.__new__(Scenario)
        c.path, c.sets = self.path, list(self.sets)
        with _Ctx() as ctx:
            ctx.check(lib.brink_scenario_clone(ctx.ptr, self._ptr, out), "copy")
            c._ptr = ctx.give(out[0], lib.brink_scenario_free)
        return c

    def _sim(self, ctx):
        """A new brink_sim_t on ctx; the caller frees it (it borrows self)."""
        out = ffi.new("brink_sim_t **")
        ctx.check(lib.brink_sim_new(ctx.ptr, self._ptr, out), "building the model")
        return out[0]


def load(path, set=None):
    """Loads and validates a scenario; set: overrides as {path: value} or
    ["path=value", ...], as `brink run --set`.  Raises InputError with
    the located problems."""
    return Scenario(path, set)


def validate(path, set=None):
    """The problems of a scenario file as a list of Diagnostic (empty if valid)."""
    try:
        Scenario(path, set)
    except InputError as e:
        return e.diagnostics
    return []


def _scenario(s, set=None):
    if isinstance(s, Scenario):
        if set:
            raise TypeError("set= applies to a scenario path, not a loaded Scenario")
        return s
    return Scenario(s, set)


def _until(sim, until):
    if until is None:
        return -1
    m = _parse_month(until) if isinstance(until, str) else int(until)
    if m < lib.brink_sim_start(sim) or m > lib.brink_sim_end(sim):
        raise ValueError(f"until {until} is outside the scenario horizon "
                         f"{_month(lib.brink_sim_start(sim))} to {_month(lib.brink_sim_end(sim))}")
    return m


# ---- runs and ensembles -----------------------------------------------------

class Run:
    """One traced run: events (DataFrame, the rows of events.csv), series
    (DataFrame, the rows of series.csv) and the narrative text."""

    def __init__(self, events, series, narrative):
        self.events, self.series, self.narrative = events, series, narrative


def run(scenario, seed=1, run=0, until=None, set=None):
    """One replication (index run) of the simulation: `brink run SCENARIO
    --seed SEED --out DIR` writes the same events.csv and series.csv."""
    sc = _scenario(scenario, set)
    with _Ctx() as ctx:
        sim = sc._sim(ctx)
        trace = ffi.NULL
        try:
            m = _until(sim, until)
            tr = ffi.new("brink_sim_trace_t **")
            ctx.check(lib.brink_sim_trace_new(ctx.ptr, sim, 8192, tr), "run")
            trace = tr[0]
            ctx.check(lib.brink_sim_run(ctx.ptr, sim, seed, run, m, trace), "run")
            texts = []
            for write in (lambda fp: lib.brink_sim_write_events_csv(sim, trace, run, 1, fp),
                          lambda fp: lib.brink_sim_write_series_csv(sim, trace, fp),
                          lambda fp: lib.brink_sim_write_narrative(sim, trace, fp)):
                st, text = _capture(write)
                ctx.check(st, "writing the run")
                texts.append(text)
            ev, se, nar = texts
        finally:
            lib.brink_sim_trace_free(ctx.ptr, trace)
            lib.brink_sim_free(sim)
    return Run(pd.read_csv(io.StringIO(ev), keep_default_na=False,
                           dtype={"cameo": str, "target": str}),
               pd.read_csv(io.StringIO(se)), nar)


class Ensemble:
    """The reduced results of an ensemble (brink_ensemble_t): DataFrames
    outcomes, milestones, annual_counts, series_bands, and summary(), the
    document `brink run --format json` prints."""

    def __init__(self, ptr, start, end, runs, seed):
        self._ptr = ptr
        self.start, self.end, self.runs, self.seed = start, end, runs, seed

    @property
    def outcomes(self):
        p, lo, hi = (ffi.new("double *") for _ in range(3))
        rows = []
        for k, name in enumerate(OUTCOMES):
            lib.brink_ensemble_outcome(self._ptr, k, p, lo, hi)
            rows.append((name, p[0], lo[0], hi[0]))
        return pd.DataFrame(rows, columns=["outcome", "p", "lo", "hi"])

    @property
    def milestones(self):
        p = ffi.new("double *")
        a, b, c = (ffi.new("int *") for _ in range(3))
        rows = []
        for k, name in enumerate(MILESTONES):
            lib.brink_ensemble_milestone(self._ptr, k, p, a, b, c)
            rows.append((name, p[0], _month(a[0]), _month(b[0]), _month(c[0])))
        return pd.DataFrame(rows, columns=["milestone", "p_by_horizon", "median", "q05", "q95"])

    @property
    def annual_counts(self):
        mean = ffi.new("double *")
        q = ffi.new("int[5]")
        rows = []
        for k, name in enumerate(COUNTS):
            for year in range(self.start // 12, self.end // 12 + 1):
                lib.brink_ensemble_annual(self._ptr, k, year, mean, q)
                h = lib.brink_ensemble_record(self._ptr, k, year)
                rows.append((name, year, mean[0], q[0], q[1], q[2], q[3], q[4],
                             h if h >= 0 else pd.NA))
        df = pd.DataFrame(rows, columns=["count", "year", "mean", "q05", "q25", "q50", "q75",
                                         "q95", "historical"])
        df["historical"] = df["historical"].astype("Int64")
        return df

    @property
    def series_bands(self):
        """Monthly quantile bands of every series (long format: date,
        series, q05, q25, q50, q75, q95)."""
        qs = (0.05, 0.25, 0.5, 0.75, 0.95)
        rows = []
        for mi in range(self.end - self.start + 1):
            for k, name in enumerate(SERIES):
                rows.append((_month(self.start + mi), name) + tuple(
                    lib.brink_ensemble_series_quantile(self._ptr, k, mi, q) for q in qs))
        return pd.DataFrame(rows, columns=["date", "series", "q05", "q25", "q50", "q75", "q95"])

    def summary(self):
        """summary.json as a dict (without the command's provenance keys)."""
        st, text = _capture(lambda fp: lib.brink_ensemble_write_json(self._ptr, fp))
        if st != lib.BRINK_OK:
            raise Error("writing the summary", _STATUS.get(st))
        return json.loads(text)


def ensemble(scenario, runs=1000, seed=1, threads=0, until=None, set=None, progress=None):
    """Runs replications 0..runs-1 on threads threads (0: all cores) and
    reduces them; progress(done, total) is called from the calling thread.
    The result does not depend on threads."""
    if runs < 1:
        raise ValueError("runs must be at least 1")
    if threads < 0 or threads > 1024:
        raise ValueError("threads must be in [0, 1024] (0: all cores)")
    sc = _scenario(scenario, set)
    out = ffi.new("brink_ensemble_t **")
    with _Ctx(progress) as ctx:
        sim = sc._sim(ctx)
        try:
            m = _until(sim, until)
            ctx.check(lib.brink_sim_ensemble(ctx.ptr, sim, seed, runs, threads, m, out),
                      "ensemble")
            start = lib.brink_sim_start(sim)
            end = m if m >= 0 else lib.brink_sim_end(sim)
        finally:
            lib.brink_sim_free(sim)
        return Ensemble(ctx.give(out[0], lib.brink_ensemble_free), start, end, runs, seed)


class Model:
    """An EMA Workbench-style model: Model(scenario, levers={name: field
    path}, runs=..., seed=...) is a callable over a dict of lever values
    (model(**levers) or model(dict)) returning a dict of outcomes: the
    probability of each outcome and milestone, and the mean annual count of
    each count over the horizon ("<count>_per_year").  Every call uses the
    same seed (common random numbers across lever settings)."""

    def __init__(self, scenario, levers, runs=200, seed=1, threads=0, until=None):
        self.scenario = _scenario(scenario)
        self.levers = dict(levers)
        self.runs, self.seed, self.threads, self.until = runs, seed, threads, until
        self.outcomes = list(OUTCOMES) + [f"{m}_reached" for m in MILESTONES] + \
            [f"{c}_per_year" for c in COUNTS]

    def __call__(self, values=None, **kw):
        values = dict(values or {}, **kw)
        unknown = set(values) - set(self.levers)
        if unknown:
            raise KeyError(f"unknown levers {sorted(unknown)}; expected {sorted(self.levers)}")
        sc = self.scenario.copy()
        for name, v in values.items():
            sc.set(self.levers[name], v)
        e = ensemble(sc, self.runs, self.seed, self.threads, self.until)
        res = dict(zip(e.outcomes.outcome, e.outcomes.p))
        res.update({f"{m}_reached": p for m, p in zip(e.milestones.milestone,
                                                      e.milestones.p_by_horizon)})
        ac = e.annual_counts
        for c in COUNTS:
            res[f"{c}_per_year"] = float(ac[ac["count"] == c]["mean"].mean())
        return res


# ---- experiments ------------------------------------------------------------

def sweep(experiment, out, threads=0, resume=False, params=None, progress=None):
    """Runs an experiment file into out/results.sqlite (as `brink sweep`);
    returns the counts {total, skipped, done, failed}."""
    if threads < 0 or threads > 1024:
        raise ValueError("threads must be in [0, 1024] (0: all cores)")
    path = os.fspath(experiment)
    exp = ffi.new("brink_experiment_t **")
    diags = ffi.new("brink_diags_t *")
    lib.brink_diags_init(diags)
    with _Ctx(progress) as ctx:
        st = lib.brink_experiment_load_params(ctx.ptr, path.encode(),
                                              params.encode() if params else ffi.NULL, exp, diags)
        if st != lib.BRINK_OK:
            _diags_error(ctx, diags, st, f"loading {path}")
        lib.brink_diags_clear(ctx.ptr, diags)
        e = exp[0]
        try:
            keep = ffi.new("char[]", os.fspath(out).encode())
            opts = ffi.new("brink_sweep_opts_t *", {"dir": keep, "threads": threads,
                                                     "resume": int(resume), "batch": 0})
            stats = ffi.new("brink_sweep_stats_t *")
            ctx.check(lib.brink_sweep_run(ctx.ptr, e, ffi.NULL, opts, stats), "sweep")
        finally:
            lib.brink_experiment_free(e)
    return {"total": stats.total, "skipped": stats.skipped, "done": stats.done,
            "failed": stats.failed}


def analyze(out, method="summary", output=None, bootstrap=1000):
    """Sensitivity analysis of a sweep, as `brink analyze DIR --method
    METHOD`: "summary" (a row per design point), "sobol" or "morris" (a
    row per factor).  Returns a DataFrame of the analysis' rows; the whole
    JSON document the command writes is in its attrs["doc"]."""
    with _Ctx() as ctx:
        st, text = _capture(lambda fp: lib.brink_analyze(
            ctx.ptr, os.fspath(out).encode(), method.encode(),
            output.encode() if output else ffi.NULL, bootstrap, ffi.NULL, fp))
        ctx.check(st, "analyze")
    doc = json.loads(text)
    rows = next((v for v in doc.values()
                 if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)), [])
    df = pd.DataFrame(rows)
    df.attrs["doc"] = doc
    return df


def export(out, table="runs"):
    """A table of a sweep's store as a DataFrame (`brink export --format
    csv`): "runs", "points", "design", "bands" or "series"."""
    with _Ctx() as ctx:
        st, text = _capture(lambda fp: lib.brink_export(
            ctx.ptr, os.fspath(out).encode(), b"csv", table.encode(), fp))
        ctx.check(st, "export")
    return pd.read_csv(io.StringIO(text))


# ---- games ------------------------------------------------------------------

_METHODS = {"enumpure": 0, "enummixed": 1, "lcp": 2, "lp": 3, "logit": 4, "spe": 5}


def solve(game, method="lcp", strategic=False):
    """Nash equilibria of a Gambit .nfg/.efg game (a path, or the text of
    the game).  Returns a list of equilibria, each a list (one per player)
    of lists of probabilities: of strategies (mixed) or of actions,
    information set by information set (behaviour).  Exact methods give
    fractions.Fraction values; logit gives floats."""
    if method not in _METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {sorted(_METHODS)}")
    if isinstance(game, (bytes, str)) and not os.path.exists(game) and \
            game.lstrip()[:3] in ("NFG", "EFG", b"NFG", b"EFG"):
        text, name = (game.encode() if isinstance(game, str) else game), "<string>"
    else:
        name = os.fspath(game)
        with open(name, "rb") as f:
            text = f.read()
    out = ffi.new("brink_game_t **")
    diags = ffi.new("brink_diags_t *")
    lib.brink_diags_init(diags)
    with _Ctx() as ctx:
        st = lib.brink_game_read_string(ctx.ptr, text, len(text), name.encode(), out, diags)
        if st != lib.BRINK_OK:
            _diags_error(ctx, diags, st, f"reading {name}")
        lib.brink_diags_clear(ctx.ptr, diags)
        g = out[0]
        eq = ffi.new("brink_eqset_t **")
        try:
            opts = ffi.new("brink_solve_opts_t *", {"method": _METHODS[method],
                                                     "strategic": int(strategic)})
            ctx.check(lib.brink_game_solve(ctx.ptr, g, opts, eq), f"solve {method}")
            try:
                return _profiles(ctx, g, eq[0])
            finally:
                lib.brink_eqset_free(ctx.ptr, eq[0])
        finally:
            lib.brink_game_free(ctx.ptr, g)


def _profiles(ctx, g, eq):
    n = lib.brink_game_num_players(g)
    behavior = lib.brink_eqset_kind(eq) == 1
    exact = lib.brink_eqset_exact(eq)
    lam = lib.brink_eqset_has_lambda(eq)
    if not behavior and lib.brink_game_kind(g) == 1:
        red = ffi.new("const brink_game_t **")
        ctx.check(lib.brink_game_reduced(ctx.ptr, g, red), "reduced form")
        sizes = [lib.brink_game_num_strategies(red[0], p) for p in range(n)]
    elif behavior:
        sizes = [sum(lib.brink_game_num_actions(g, p, k)
                     for k in range(lib.brink_game_num_infosets(g, p))) for p in range(n)]
    else:
        sizes = [lib.brink_game_num_strategies(g, p) for p in range(n)]
    buf = ffi.new("char[]", 4096)
    res = []
    for i in range(lib.brink_eqset_count(eq)):
        vals = []
        for j in range(lib.brink_eqset_width(eq)):
            if exact:
                lib.brink_eqset_format(eq, i, j, -1, buf, 4096)
                vals.append(Fraction(ffi.string(buf).decode()))
            else:
                vals.append(lib.brink_eqset_value(eq, i, j))
        if lam:
            vals = vals[1:]
        prof, at = [], 0
        for s in sizes:
            prof.append(vals[at:at + s])
            at += s
        res.append(prof)
    return res


# ---- bargaining forecasts ---------------------------------------------------

def forecast(path, seed=None, **options):
    """KTAB's Spatial Model of Politics on a forecast input (KTAB CSV or
    XML, or brink's YAML form), as `brink forecast PATH --format json`;
    options under KTAB's names (VotingRule="PropCbc", ...).  Returns a dict:
    "doc", the JSON document the command prints; "positions", a DataFrame
    (turn, actor, dimension, position, prob: the actor's probability of
    being the winner in that state); "forecast" (dimension, position, and
    the actor and probability of the most probable final position)."""
    path = os.fspath(path)
    sc = ffi.new("brink_fc_scenario_t **")
    diags = ffi.new("brink_diags_t *")
    lib.brink_diags_init(diags)
    with _Ctx() as ctx:
        st = lib.brink_fc_read(ctx.ptr, path.encode(), sc, diags)
        if st != lib.BRINK_OK:
            _diags_error(ctx, diags, st, f"reading {path}")
        lib.brink_diags_clear(ctx.ptr, diags)
        s, hist = sc[0], ffi.NULL
        try:
            o = ffi.new("brink_smp_options_t *")
            lib.brink_smp_options_default(o)
            lib.brink_fc_scenario_apply_options(s, o)
            for name, value in options.items():
                ctx.check(lib.brink_smp_option_set(ctx.ptr, o, name.encode(),
                                                   str(value).encode()), f"option {name}")
            if seed is not None:
                o.seed = seed
            h = ffi.new("brink_fc_history_t **")
            ctx.check(lib.brink_smp_run(ctx.ptr, s, o, h), "forecast")
            hist = h[0]
            js = lib.brink_smp_to_json(ctx.ptr, s, o, hist)
            if js == ffi.NULL:
                ctx.check(lib.BRINK_ENOMEM, "forecast")
            try:
                doc = json.loads(ffi.string(js).decode())
            finally:
                lib.brink_free(ctx.ptr, js)
        finally:
            if hist != ffi.NULL:
                lib.brink_fc_history_free(hist)
            lib.brink_fc_scenario_free(s)
    actors, dims = doc["actors"], doc["dimensions"]
    rows = []
    for t, state in enumerate(doc["states"]):
        for i, a in enumerate(actors):
            for d, dim in enumerate(dims):
                rows.append((t, a, dim, state["positions"][i][d], state["prob"][i]))
    positions = pd.DataFrame(rows, columns=["turn", "actor", "dimension", "position", "prob"])
    fc = pd.DataFrame({"dimension": dims, "position": doc["forecast"]["position"],
                       "actor": doc["forecast"]["actor"], "prob": doc["forecast"]["prob"]})
    return {"doc": doc, "positions": positions, "forecast": fc}
