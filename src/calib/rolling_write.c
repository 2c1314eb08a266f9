/* rolling_write.c - the results of a rolling-origin backtest
 * (brink_rolling_write, brink/rolling.h) as JSON and as text; and the
 * model's forecaster: the particle filter conditioned on the record up to
 * each origin, then run free (brink_rolling_model_sim). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "brink/brink.h"

typedef struct model_ud {
    const brink_sim_particles_t *sp;
    const brink_record_t *rec;
    brink_smc_config_t cfg;
    int start;
    double *mp; /* [BRINK_NCOUNTS][years][len] */
} model_ud_t;

/* the model's forecasts at the end of origin: condition, then run free */
static brink_status_t model_fn(brink_ctx_t *ctx, void *ud, int origin, int years, size_t len,
                               double *pmfs)
{
    model_ud_t *u = ud;
    brink_smc_t *f = NULL;
    const brink_smc_model_t *m = brink_sim_particles_model(u->sp);
    brink_status_t st = brink_smc_new(ctx, m, &u->cfg, u->rec, u->start, &f);
    if (st == BRINK_OK)
        st = brink_smc_condition(ctx, f, origin * 12 + 11);
    if (st == BRINK_OK)
        st = brink_smc_forecast_pmfs(ctx, f, years, len, u->mp);
    if (st == BRINK_OK) {
        size_t ns = brink_record_nseries(u->rec);
        for (size_t s = 0; s < ns; s++) {
            long k = m->series_index(m->ud, brink_record_actor(u->rec, s),
                                     brink_record_kind(u->rec, s));
            memcpy(pmfs + s * (size_t)years * len, u->mp + (size_t)k * (size_t)years * len,
                   (size_t)years * len * sizeof *pmfs);
        }
    }
    brink_smc_free(f);
    return st;
}

static json_t *jnum(double v) { return isfinite(v) ? json_real(v) : json_null(); }

static void print_interval(FILE *out, double s, double lo, double hi)
{
    char a[16], b[16];
    if (lo < -9.99)
        snprintf(a, sizeof a, "<-9.99"); /* a resample whose baseline scored near 0 */
    else
        snprintf(a, sizeof a, "%+6.2f", lo);
    snprintf(b, sizeof b, "%+6.2f", hi);
    if (isfinite(s))
        fprintf(out, "  %+6.2f [%s, %s]", s, a, b);
    else
        fprintf(out, "  %24s", "(subject)");
}

/* every scored forecast of the subject: origin, horizon, year, the record
 * and the 5/50/95% quantiles (the bands of the report's chart) */
static json_t *forecasts(const brink_rolling_t *res, const brink_record_t *rec)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < res->nrows; i++) {
        const brink_rolling_row_t *r = &res->rows[i];
        int f = res->subject;
        json_array_append_new(a, json_pack("{s:s,s:s,s:i,s:i,s:i,s:I,s:o,s:I,s:I,s:I}", "actor",
                                           brink_record_actor(rec, r->series), "kind",
                                           brink_record_kind(rec, r->series), "origin",
                                           r->origin, "h", r->h, "year", r->year, "observed",
                                           (json_int_t)r->observed, "mean", jnum(r->mean[f]),
                                           "q05", (json_int_t)r->q05[f], "q50",
                                           (json_int_t)r->q50[f], "q95",
                                           (json_int_t)r->q95[f]));
    }
    return a;
}

brink_status_t brink_rolling_write(brink_ctx_t *ctx, const brink_rolling_t *res,
                                   const brink_record_t *rec, const brink_rolling_info_t *in,
                                   FILE *json, FILE *txt)
{
    if (!ctx || !res || !rec || !in || in->hmin < 1 || in->hmin > res->hmax)
        return BRINK_EINVAL;
    brink_status_t st = BRINK_ENOMEM;
    json_t *root = NULL;
    int text = txt != NULL, o1 = in->first, o2 = in->last, h1 = in->hmin, h2 = res->hmax;
    FILE *out = txt;
    const char *record = in->record_file ? in->record_file : brink_record_shipped();
    root = json_object();
    if (!root)
        goto cleanup;
    json_object_set_new(root, "record", json_pack("{s:s,s:s}", "file",
                                                  record,
                                                  "sha256", brink_record_hash(rec)));
    json_object_set_new(root, "scenario", in->scenario ? json_string(in->scenario) : json_null());
    json_object_set_new(root, "origins", json_pack("[ii]", o1, o2));
    json_object_set_new(root, "horizons", json_pack("[ii]", h1, h2));
    json_object_set_new(root, "particles", in->scenario ? json_integer((json_int_t)in->particles) : json_null());
    json_object_set_new(root, "subject", json_string(brink_rolling_name(res->subject)));
    json_object_set_new(root, "dm_against", json_string(brink_rolling_name(res->dm_against)));
    json_object_set_new(root, "bootstrap", json_integer((json_int_t)in->bootstrap));
    json_t *jser = json_array();
    json_object_set_new(root, "series", jser);
    if (text)
        fprintf(out, "Rolling-origin backtest: origins %d-%d (forecasts made at each year-end), "
                "horizons %d-%d years\nrecord %s (sha256 %.16s...)\nsubject: %s; skill = 1 - "
                "CRPS_subject / CRPS_forecaster with a 90%% moving-block bootstrap interval "
                "(%u resamples, blocks of h + 1 origins); DM: Diebold-Mariano (HLN) of the "
                "subject against %s, negative favours the subject\n",
                o1, o2, h1, h2, record, brink_record_hash(rec),
                res->has_model ? "the model (conditioned on the record up to each origin)"
                               : "the mixture of the baselines",
                (unsigned)in->bootstrap, brink_rolling_name(res->dm_against));
    for (size_t s = 0; s < res->nseries; s++) {
        json_t *js = json_object(), *jh = json_array();
        json_object_set_new(js, "actor", json_string(brink_record_actor(rec, s)));
        json_object_set_new(js, "kind", json_string(brink_record_kind(rec, s)));
        json_object_set_new(js, "horizons", jh);
        json_array_append_new(jser, js);
        if (text)
            fprintf(out, "\n%s/%s\n  h   n  forecaster     CRPS   logS  cov50 cov90  Brier  "
                    "PIT p    skill [90%% interval]\n", brink_record_actor(rec, s),
                    brink_record_kind(rec, s));
        for (int h = h1; h <= h2; h++) {
            json_t *jc = json_object();
            size_t sh = s * (size_t)res->hmax + (size_t)(h - 1);
            json_object_set_new(jc, "h", json_integer(h));
            json_object_set_new(jc, "dm", jnum(res->dm[sh]));
            json_object_set_new(jc, "dm_p", jnum(res->dm_p[sh]));
            json_t *jf = json_object();
            json_object_set_new(jc, "forecasters", jf);
            json_array_append_new(jh, jc);
            for (int f = BRINK_ROLLING_NF - 1; f >= 0; f--) {
                const brink_rolling_cell_t *c = brink_rolling_cell(res, s, h, f);
                if (c->n == 0)
                    continue;
                json_object_set_new(jf, brink_rolling_name(f),
                                    json_pack("{s:I,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
                                              "n", (json_int_t)c->n, "crps", jnum(c->crps),
                                              "log_score", jnum(c->logs), "cover50",
                                              jnum(c->cover50), "cover90", jnum(c->cover90),
                                              "brier", jnum(c->brier), "pit_p", jnum(c->pit_p),
                                              "pit", json_pack("[fffff]", c->pit[0], c->pit[1],
                                                               c->pit[2], c->pit[3], c->pit[4]),
                                              "skill", jnum(c->skill), "skill_lo",
                                              jnum(c->skill_lo), "skill_hi", jnum(c->skill_hi)));
                if (text) {
                    fprintf(out, "  %d %3zu  %-12s %6.2f %6.2f  %4.2f  %4.2f  %5.3f  %5.3f", h,
                            c->n, brink_rolling_name(f), c->crps, c->logs, c->cover50,
                            c->cover90, c->brier, c->pit_p);
                    print_interval(out, c->skill, c->skill_lo, c->skill_hi);
                    fputc('\n', out);
                }
            }
            if (text && isfinite(res->dm[sh]))
                fprintf(out, "  %d  DM %s vs %s: %+.2f (p = %.3f)\n", h,
                        brink_rolling_name(res->subject), brink_rolling_name(res->dm_against),
                        res->dm[sh], res->dm_p[sh]);
        }
    }
    json_object_set_new(root, "forecasts", forecasts(res, rec));
    st = BRINK_EIO;
    if (json && (json_dumpf(root, json, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                            JSON_REAL_PRECISION(6)) != 0 ||
                 fputc('\n', json) == EOF))
        goto cleanup;
    st = (json && ferror(json)) || (txt && ferror(txt)) ? BRINK_EIO : BRINK_OK;
cleanup:
    json_decref(root);
    return st;
}

brink_status_t brink_rolling_run_sim(brink_ctx_t *ctx, const brink_record_t *rec,
                                     const brink_rolling_config_t *cfg,
                                     const brink_sim_particles_t *sp, int start,
                                     const brink_smc_config_t *smc, brink_rolling_t **out)
{
    if (!sp)
        return brink_rolling_run(ctx, rec, cfg, NULL, NULL, out);
    if (!ctx || !cfg || !smc || cfg->hmax < 1)
        return BRINK_EINVAL;
    model_ud_t mu = {sp, rec, *smc, start, NULL};
    mu.mp = malloc((size_t)BRINK_NCOUNTS * (size_t)cfg->hmax * cfg->len * sizeof *mu.mp);
    if (!mu.mp)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    brink_status_t st = brink_rolling_run(ctx, rec, cfg, model_fn, &mu, out);
    free(mu.mp);
    return st;
}
