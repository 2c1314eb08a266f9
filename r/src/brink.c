/*
 * brink.c - the R interface to libbrink (.Call entry points).
 *
 * Every entry point frees what it allocated before signalling an R error
 * (Rf_error does not return), so the library's objects never leak through
 * R's longjmp.  Scenarios are external pointers whose finalizer frees the
 * scenario and then its context.  Only the public API of libbrink
 * (<brink/brink.h>) is used.
 */
#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <brink/brink.h>

typedef struct holder {
    brink_ctx_t *ctx;
    brink_scenario_t *sc;
} holder_t;

static void holder_finalize(SEXP ptr)
{
    holder_t *h = R_ExternalPtrAddr(ptr);
    if (!h)
        return;
    brink_scenario_free(h->sc);
    brink_ctx_free(h->ctx);
    free(h);
    R_ClearExternalPtr(ptr);
}

static holder_t *get_holder(SEXP ptr)
{
    holder_t *h = TYPEOF(ptr) == EXTPTRSXP ? R_ExternalPtrAddr(ptr) : NULL;
    if (!h)
        Rf_error("brink: not a loaded scenario (or one already freed)");
    return h;
}

/* The diagnostics as a list of vectors file, line, column, path, message, text. */
static SEXP diags_list(const brink_diags_t *d)
{
    const char *names[] = {"file", "line", "column", "path", "message", "text", ""};
    SEXP out = PROTECT(Rf_mkNamed(VECSXP, names));
    SEXP file = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)d->count));
    SEXP line = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)d->count));
    SEXP col = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)d->count));
    SEXP path = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)d->count));
    SEXP msg = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)d->count));
    SEXP text = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)d->count));
    for (size_t i = 0; i < d->count; i++) {
        const brink_diag_t *g = &d->items[i];
        char buf[4096];
        brink_diag_format(g, buf, sizeof buf);
        SET_STRING_ELT(file, (R_xlen_t)i, Rf_mkChar(g->file ? g->file : ""));
        INTEGER(line)[i] = g->line;
        INTEGER(col)[i] = g->column;
        SET_STRING_ELT(path, (R_xlen_t)i, Rf_mkChar(g->path ? g->path : ""));
        SET_STRING_ELT(msg, (R_xlen_t)i, Rf_mkChar(g->message ? g->message : ""));
        SET_STRING_ELT(text, (R_xlen_t)i, Rf_mkChar(buf));
    }
    SET_VECTOR_ELT(out, 0, file);
    SET_VECTOR_ELT(out, 1, line);
    SET_VECTOR_ELT(out, 2, col);
    SET_VECTOR_ELT(out, 3, path);
    SET_VECTOR_ELT(out, 4, msg);
    SET_VECTOR_ELT(out, 5, text);
    UNPROTECT(7);
    return out;
}

SEXP rbrink_version(void);
SEXP rbrink_version(void)
{
    return Rf_mkString(brink_version());
}

/* A scenario (external pointer) or, on bad input, the list of diagnostics. */
SEXP rbrink_load(SEXP path, SEXP sets);
SEXP rbrink_load(SEXP path, SEXP sets)
{
    size_t n = (size_t)XLENGTH(sets);
    const char **s = calloc(n ? n : 1, sizeof *s);
    holder_t *h = calloc(1, sizeof *h);
    brink_diags_t d;
    brink_diags_init(&d);
    if (!s || !h || !(h->ctx = brink_ctx_new(NULL))) {
        free(s);
        free(h);
        Rf_error("brink: out of memory");
    }
    for (size_t i = 0; i < n; i++)
        s[i] = CHAR(STRING_ELT(sets, (R_xlen_t)i));
    brink_status_t st = brink_scenario_load(h->ctx, CHAR(STRING_ELT(path, 0)), s, n, &h->sc, &d);
    free(s);
    if (st != BRINK_OK) {
        SEXP out = PROTECT(diags_list(&d));
        if (d.count == 0) {
            SEXP msg = PROTECT(Rf_mkString(brink_ctx_errmsg(h->ctx)[0] ? brink_ctx_errmsg(h->ctx)
                                                                         : brink_strerror(st)));
            SET_VECTOR_ELT(out, 5, msg);
            UNPROTECT(1);
        }
        brink_diags_clear(h->ctx, &d);
        brink_ctx_free(h->ctx);
        free(h);
        UNPROTECT(1);
        return out;
    }
    brink_diags_clear(h->ctx, &d);
    SEXP ptr = PROTECT(R_MakeExternalPtr(h, R_NilValue, R_NilValue));
    R_RegisterCFinalizerEx(ptr, holder_finalize, TRUE);
    UNPROTECT(1);
    return ptr;
}

SEXP rbrink_get(SEXP ptr, SEXP path);
SEXP rbrink_get(SEXP ptr, SEXP path)
{
    holder_t *h = get_holder(ptr);
    double v;
    if (brink_scenario_get_number(h->ctx, h->sc, CHAR(STRING_ELT(path, 0)), &v) != BRINK_OK)
        Rf_error("brink: %s", brink_ctx_errmsg(h->ctx));
    return Rf_ScalarReal(v);
}

/* Text written by a writer into memory. */
typedef struct memout {
    char *buf;
    size_t len;
    FILE *fp;
} memout_t;

static int mem_open(memout_t *m)
{
    m->buf = NULL;
    m->len = 0;
    m->fp = open_memstream(&m->buf, &m->len);
    return m->fp ? 0 : -1;
}

static SEXP mem_close(memout_t *m)
{
    fclose(m->fp);
    SEXP s = PROTECT(Rf_mkString(m->buf ? m->buf : ""));
    free(m->buf);
    UNPROTECT(1);
    return s;
}

/* One replication: list(events = CSV text, series = CSV text, narrative = text). */
SEXP rbrink_run(SEXP ptr, SEXP seed, SEXP run, SEXP until);
SEXP rbrink_run(SEXP ptr, SEXP seed, SEXP run, SEXP until)
{
    holder_t *h = get_holder(ptr);
    brink_sim_t *sim = NULL;
    brink_sim_trace_t *tr = NULL;
    char err[1024] = "";
    memout_t ev, se, na;
    if (brink_sim_new(h->ctx, h->sc, &sim) != BRINK_OK ||
        brink_sim_trace_new(h->ctx, sim, 8192, &tr) != BRINK_OK ||
        brink_sim_run(h->ctx, sim, (uint64_t)Rf_asReal(seed), (uint32_t)Rf_asInteger(run),
                      Rf_asInteger(until), tr) != BRINK_OK) {
        snprintf(err, sizeof err, "%s", brink_ctx_errmsg(h->ctx));
        brink_sim_trace_free(h->ctx, tr);
        brink_sim_free(sim);
        Rf_error("brink: %s", err);
    }
    if (mem_open(&ev) || mem_open(&se) || mem_open(&na)) {
        brink_sim_trace_free(h->ctx, tr);
        brink_sim_free(sim);
        Rf_error("brink: out of memory");
    }
    brink_sim_write_events_csv(sim, tr, (uint32_t)Rf_asInteger(run), 1, ev.fp);
    brink_sim_write_series_csv(sim, tr, se.fp);
    brink_sim_write_narrative(sim, tr, na.fp);
    brink_sim_trace_free(h->ctx, tr);
    brink_sim_free(sim);
    const char *names[] = {"events", "series", "narrative", ""};
    SEXP out = PROTECT(Rf_mkNamed(VECSXP, names));
    SET_VECTOR_ELT(out, 0, mem_close(&ev));
    SET_VECTOR_ELT(out, 1, mem_close(&se));
    SET_VECTOR_ELT(out, 2, mem_close(&na));
    UNPROTECT(1);
    return out;
}

static SEXP month_str(int m)
{
    if (m < 0)
        return NA_STRING;
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", m / 12, m % 12 + 1);
    return Rf_mkChar(buf);
}

static int count_names(const char *(*fn)(int))
{
    int n = 0;
    while (fn(n)[0])
        n++;
    return n;
}

/* An ensemble, reduced: list(outcomes, milestones, counts) of column lists. */
SEXP rbrink_ensemble(SEXP ptr, SEXP runs, SEXP seed, SEXP threads, SEXP until);
SEXP rbrink_ensemble(SEXP ptr, SEXP runs, SEXP seed, SEXP threads, SEXP until)
{
    holder_t *h = get_holder(ptr);
    brink_sim_t *sim = NULL;
    brink_ensemble_t *e = NULL;
    char err[1024] = "";
    int u = Rf_asInteger(until);
    if (brink_sim_new(h->ctx, h->sc, &sim) != BRINK_OK ||
        brink_sim_ensemble(h->ctx, sim, (uint64_t)Rf_asReal(seed), (uint32_t)Rf_asInteger(runs),
                           Rf_asInteger(threads), u, &e) != BRINK_OK) {
        snprintf(err, sizeof err, "%s", brink_ctx_errmsg(h->ctx));
        brink_sim_free(sim);
        Rf_error("brink: %s", err);
    }
    int start = brink_sim_start(sim), end = u >= 0 ? u : brink_sim_end(sim);
    brink_sim_free(sim);
    int no = count_names(brink_sim_outcome_name), nm = count_names(brink_sim_milestone_name);
    int nc = count_names(brink_sim_count_name), ny = end / 12 - start / 12 + 1;
    const char *onames[] = {"outcome", "p", "lo", "hi", ""};
    SEXP oc = PROTECT(Rf_mkNamed(VECSXP, onames));
    SEXP on = PROTECT(Rf_allocVector(STRSXP, no)), op = PROTECT(Rf_allocVector(REALSXP, no));
    SEXP olo = PROTECT(Rf_allocVector(REALSXP, no)), ohi = PROTECT(Rf_allocVector(REALSXP, no));
    for (int k = 0; k < no; k++) {
        SET_STRING_ELT(on, k, Rf_mkChar(brink_sim_outcome_name(k)));
        brink_ensemble_outcome(e, k, &REAL(op)[k], &REAL(olo)[k], &REAL(ohi)[k]);
    }
    SET_VECTOR_ELT(oc, 0, on);
    SET_VECTOR_ELT(oc, 1, op);
    SET_VECTOR_ELT(oc, 2, olo);
    SET_VECTOR_ELT(oc, 3, ohi);
    const char *mnames[] = {"milestone", "p_by_horizon", "median", "q05", "q95", ""};
    SEXP ms = PROTECT(Rf_mkNamed(VECSXP, mnames));
    SEXP mn = PROTECT(Rf_allocVector(STRSXP, nm)), mp = PROTECT(Rf_allocVector(REALSXP, nm));
    SEXP mmed = PROTECT(Rf_allocVector(STRSXP, nm)), m05 = PROTECT(Rf_allocVector(STRSXP, nm));
    SEXP m95 = PROTECT(Rf_allocVector(STRSXP, nm));
    for (int k = 0; k < nm; k++) {
        int a, b, c;
        brink_ensemble_milestone(e, k, &REAL(mp)[k], &a, &b, &c);
        SET_STRING_ELT(mn, k, Rf_mkChar(brink_sim_milestone_name(k)));
        SET_STRING_ELT(mmed, k, month_str(a));
        SET_STRING_ELT(m05, k, month_str(b));
        SET_STRING_ELT(m95, k, month_str(c));
    }
    SET_VECTOR_ELT(ms, 0, mn);
    SET_VECTOR_ELT(ms, 1, mp);
    SET_VECTOR_ELT(ms, 2, mmed);
    SET_VECTOR_ELT(ms, 3, m05);
    SET_VECTOR_ELT(ms, 4, m95);
    const char *cnames[] = {"count", "year", "mean", "q05", "q25", "q50", "q75", "q95",
                            "historical", ""};
    R_xlen_t rows = (R_xlen_t)nc * ny;
    SEXP cc = PROTECT(Rf_mkNamed(VECSXP, cnames));
    SET_VECTOR_ELT(cc, 0, Rf_allocVector(STRSXP, rows));
    SET_VECTOR_ELT(cc, 1, Rf_allocVector(INTSXP, rows));
    SET_VECTOR_ELT(cc, 2, Rf_allocVector(REALSXP, rows));
    for (int j = 3; j < 9; j++)
        SET_VECTOR_ELT(cc, j, Rf_allocVector(INTSXP, rows));
    R_xlen_t r = 0;
    for (int k = 0; k < nc; k++)
        for (int y = start / 12; y <= end / 12; y++, r++) {
            int q[5];
            brink_ensemble_annual(e, k, y, &REAL(VECTOR_ELT(cc, 2))[r], q);
            SET_STRING_ELT(VECTOR_ELT(cc, 0), r, Rf_mkChar(brink_sim_count_name(k)));
            INTEGER(VECTOR_ELT(cc, 1))[r] = y;
            for (int j = 0; j < 5; j++)
                INTEGER(VECTOR_ELT(cc, 3 + j))[r] = q[j];
            int hist = brink_ensemble_record(e, k, y);
            INTEGER(VECTOR_ELT(cc, 8))[r] = hist >= 0 ? hist : NA_INTEGER;
        }
    brink_ensemble_free(e);
    const char *names[] = {"outcomes", "milestones", "annual_counts", ""};
    SEXP out = PROTECT(Rf_mkNamed(VECSXP, names));
    SET_VECTOR_ELT(out, 0, oc);
    SET_VECTOR_ELT(out, 1, ms);
    SET_VECTOR_ELT(out, 2, cc);
    UNPROTECT(13);
    return out;
}

/* Equilibria: list(values = character (exact p/q or %.17g), width, players = the
 * number of values of each player, exact, lambda), or the diagnostics. */
SEXP rbrink_solve(SEXP text, SEXP name, SEXP method, SEXP strategic);
SEXP rbrink_solve(SEXP text, SEXP name, SEXP method, SEXP strategic)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_game_t *g = NULL;
    brink_eqset_t *eq = NULL;
    brink_diags_t d;
    char err[1024] = "";
    brink_diags_init(&d);
    if (!ctx)
        Rf_error("brink: out of memory");
    const char *t = CHAR(STRING_ELT(text, 0));
    if (brink_game_read_string(ctx, t, strlen(t), CHAR(STRING_ELT(name, 0)), &g, &d) != BRINK_OK) {
        SEXP out = PROTECT(diags_list(&d));
        brink_diags_clear(ctx, &d);
        brink_ctx_free(ctx);
        UNPROTECT(1);
        return out;
    }
    brink_solve_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.method = (brink_method_t)Rf_asInteger(method);
    opts.strategic = Rf_asInteger(strategic);
    if (brink_game_solve(ctx, g, &opts, &eq) != BRINK_OK) {
        snprintf(err, sizeof err, "%s", brink_ctx_errmsg(ctx));
        brink_game_free(ctx, g);
        brink_ctx_free(ctx);
        Rf_error("brink: %s", err);
    }
    int np = brink_game_num_players(g);
    SEXP players = PROTECT(Rf_allocVector(INTSXP, np));
    const brink_game_t *red = g;
    int behavior = brink_eqset_kind(eq) == BRINK_PROFILE_BEHAVIOR;
    if (!behavior && brink_game_kind(g) == BRINK_GAME_EXTENSIVE)
        brink_game_reduced(ctx, g, &red);
    for (int p = 0; p < np; p++) {
        int n = 0;
        if (behavior)
            for (int k = 0; k < brink_game_num_infosets(g, p); k++)
                n += brink_game_num_actions(g, p, k);
        else
            n = brink_game_num_strategies(red, p);
        INTEGER(players)[p] = n;
    }
    size_t cnt = brink_eqset_count(eq), w = brink_eqset_width(eq);
    SEXP vals = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)(cnt * w)));
    char buf[4096];
    for (size_t i = 0; i < cnt; i++)
        for (size_t j = 0; j < w; j++) {
            if (brink_eqset_exact(eq))
                brink_eqset_format(eq, i, j, -1, buf, sizeof buf);
            else
                snprintf(buf, sizeof buf, "%.17g", brink_eqset_value(eq, i, j));
            SET_STRING_ELT(vals, (R_xlen_t)(i * w + j), Rf_mkChar(buf));
        }
    const char *names[] = {"values", "width", "players", "exact", "lambda", ""};
    SEXP out = PROTECT(Rf_mkNamed(VECSXP, names));
    SET_VECTOR_ELT(out, 0, vals);
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger((int)w));
    SET_VECTOR_ELT(out, 2, players);
    SET_VECTOR_ELT(out, 3, Rf_ScalarLogical(brink_eqset_exact(eq)));
    SET_VECTOR_ELT(out, 4, Rf_ScalarLogical(brink_eqset_has_lambda(eq)));
    brink_eqset_free(ctx, eq);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
    UNPROTECT(3);
    return out;
}

/* KTAB's SMP: list(actors, dimensions, turn, actor, dimension, position, prob)
 * (1-based actor and dimension indexes), or the diagnostics. */
SEXP rbrink_forecast(SEXP path, SEXP names, SEXP values);
SEXP rbrink_forecast(SEXP path, SEXP names, SEXP values)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_fc_scenario_t *s = NULL;
    brink_fc_history_t *h = NULL;
    brink_diags_t d;
    char err[1024] = "";
    brink_diags_init(&d);
    if (!ctx)
        Rf_error("brink: out of memory");
    if (brink_fc_read(ctx, CHAR(STRING_ELT(path, 0)), &s, &d) != BRINK_OK) {
        SEXP out = PROTECT(diags_list(&d));
        if (d.count == 0)
            SET_VECTOR_ELT(out, 5, Rf_mkString(brink_ctx_errmsg(ctx)));
        brink_diags_clear(ctx, &d);
        brink_ctx_free(ctx);
        UNPROTECT(1);
        return out;
    }
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    brink_fc_scenario_apply_options(s, &o);
    for (R_xlen_t k = 0; k < XLENGTH(names); k++)
        if (brink_smp_option_set(ctx, &o, CHAR(STRING_ELT(names, k)),
                                 CHAR(STRING_ELT(values, k))) != BRINK_OK)
            goto fail;
    if (brink_smp_run(ctx, s, &o, &h) != BRINK_OK)
        goto fail;
    size_t T = brink_fc_history_states(h), N = brink_fc_scenario_actors(s);
    size_t D = brink_fc_scenario_dims(s);
    R_xlen_t rows = (R_xlen_t)(T * N * D);
    const char *cn[] = {"actors", "dimensions", "turn", "actor", "dimension", "position", "prob",
                        ""};
    SEXP out = PROTECT(Rf_mkNamed(VECSXP, cn));
    SEXP an = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)N));
    SEXP dn = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)D));
    for (size_t i = 0; i < N; i++)
        SET_STRING_ELT(an, (R_xlen_t)i, Rf_mkChar(brink_fc_actor_name(s, i)));
    for (size_t j = 0; j < D; j++)
        SET_STRING_ELT(dn, (R_xlen_t)j, Rf_mkChar(brink_fc_dim_name(s, j)));
    SET_VECTOR_ELT(out, 0, an);
    SET_VECTOR_ELT(out, 1, dn);
    SET_VECTOR_ELT(out, 2, Rf_allocVector(INTSXP, rows));
    SET_VECTOR_ELT(out, 3, Rf_allocVector(INTSXP, rows));
    SET_VECTOR_ELT(out, 4, Rf_allocVector(INTSXP, rows));
    SET_VECTOR_ELT(out, 5, Rf_allocVector(REALSXP, rows));
    SET_VECTOR_ELT(out, 6, Rf_allocVector(REALSXP, rows));
    R_xlen_t r = 0;
    for (size_t t = 0; t < T; t++)
        for (size_t i = 0; i < N; i++)
            for (size_t j = 0; j < D; j++, r++) {
                INTEGER(VECTOR_ELT(out, 2))[r] = (int)t;
                INTEGER(VECTOR_ELT(out, 3))[r] = (int)i + 1;
                INTEGER(VECTOR_ELT(out, 4))[r] = (int)j + 1;
                REAL(VECTOR_ELT(out, 5))[r] = brink_fc_history_pos(h, t, i, j);
                REAL(VECTOR_ELT(out, 6))[r] = brink_fc_history_prob(h, t, i);
            }
    brink_fc_history_free(h);
    brink_fc_scenario_free(s);
    brink_ctx_free(ctx);
    UNPROTECT(3);
    return out;
fail:
    snprintf(err, sizeof err, "%s", brink_ctx_errmsg(ctx));
    brink_fc_history_free(h);
    brink_fc_scenario_free(s);
    brink_ctx_free(ctx);
    Rf_error("brink: %s", err);
    return R_NilValue; /* not reached */
}

/* A sweep: c(total, skipped, done, failed), or the diagnostics. */
SEXP rbrink_sweep(SEXP path, SEXP out, SEXP threads, SEXP resume);
SEXP rbrink_sweep(SEXP path, SEXP out, SEXP threads, SEXP resume)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *exp = NULL;
    brink_diags_t d;
    char err[1024] = "";
    brink_diags_init(&d);
    if (!ctx)
        Rf_error("brink: out of memory");
    if (brink_experiment_load_params(ctx, CHAR(STRING_ELT(path, 0)), NULL, &exp, &d) != BRINK_OK) {
        SEXP res = PROTECT(diags_list(&d));
        brink_diags_clear(ctx, &d);
        brink_ctx_free(ctx);
        UNPROTECT(1);
        return res;
    }
    brink_sweep_opts_t o = {CHAR(STRING_ELT(out, 0)), Rf_asInteger(threads), Rf_asLogical(resume),
                            0};
    brink_sweep_stats_t st;
    if (brink_sweep_run(ctx, exp, NULL, &o, &st) != BRINK_OK) {
        snprintf(err, sizeof err, "%s", brink_ctx_errmsg(ctx));
        brink_experiment_free(exp);
        brink_ctx_free(ctx);
        Rf_error("brink: %s", err);
    }
    brink_experiment_free(exp);
    brink_ctx_free(ctx);
    SEXP res = PROTECT(Rf_allocVector(REALSXP, 4));
    REAL(res)[0] = (double)st.total;
    REAL(res)[1] = (double)st.skipped;
    REAL(res)[2] = (double)st.done;
    REAL(res)[3] = (double)st.failed;
    UNPROTECT(1);
    return res;
}

/* A table of a sweep's store as CSV text. */
SEXP rbrink_export(SEXP dir, SEXP table);
SEXP rbrink_export(SEXP dir, SEXP table)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    memout_t m;
    char err[1024] = "";
    if (!ctx || mem_open(&m) != 0) {
        brink_ctx_free(ctx);
        Rf_error("brink: out of memory");
    }
    brink_status_t st = brink_export(ctx, CHAR(STRING_ELT(dir, 0)), "csv",
                                     CHAR(STRING_ELT(table, 0)), m.fp);
    snprintf(err, sizeof err, "%s", brink_ctx_errmsg(ctx));
    brink_ctx_free(ctx);
    SEXP s = PROTECT(mem_close(&m));
    if (st != BRINK_OK)
        Rf_error("brink: %s", err);
    UNPROTECT(1);
    return s;
}

static const R_CallMethodDef calls[] = {
    {"rbrink_version", (DL_FUNC)&rbrink_version, 0},
    {"rbrink_load", (DL_FUNC)&rbrink_load, 2},
    {"rbrink_get", (DL_FUNC)&rbrink_get, 2},
    {"rbrink_run", (DL_FUNC)&rbrink_run, 4},
    {"rbrink_ensemble", (DL_FUNC)&rbrink_ensemble, 5},
    {"rbrink_solve", (DL_FUNC)&rbrink_solve, 4},
    {"rbrink_forecast", (DL_FUNC)&rbrink_forecast, 3},
    {"rbrink_sweep", (DL_FUNC)&rbrink_sweep, 4},
    {"rbrink_export", (DL_FUNC)&rbrink_export, 2},
    {NULL, NULL, 0}};

void R_init_brink(DllInfo *dll);
void R_init_brink(DllInfo *dll)
{
    R_registerRoutines(dll, NULL, calls, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
}
