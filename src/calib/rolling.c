/* rolling.c - rolling-origin backtests of annual counts: the baselines
 * refitted at each origin, the model's forecasts through a callback, the
 * scores and the comparison statistics (brink/rolling.h). */
#include <math.h>
#include <string.h>

#include "brink/brink.h"

void brink_rolling_config_default(brink_rolling_config_t *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->first = 2005;
    cfg->last = 2018;
    cfg->hmax = 3;
    cfg->len = 256;
    cfg->bootstrap = 1000;
    cfg->alpha = 0.1;
    cfg->seed = 1;
    cfg->log_eps = 0.01;
    cfg->min_train = 3;
}

const char *brink_rolling_name(int f)
{
    return f == BRINK_ROLLING_MODEL ? "model" : brink_baseline_name((brink_baseline_t)f);
}

const brink_rolling_cell_t *brink_rolling_cell(const brink_rolling_t *r, size_t s, int h, int f)
{
    return &r->cells[(s * (size_t)r->hmax + (size_t)(h - 1)) * BRINK_ROLLING_NF + (size_t)f];
}

void brink_rolling_free(brink_ctx_t *ctx, brink_rolling_t *r)
{
    if (!r)
        return;
    brink_free(ctx, r->rows);
    brink_free(ctx, r->cells);
    brink_free(ctx, r->dm);
    brink_free(ctx, r->dm_p);
    brink_free(ctx, r);
}

typedef struct work {
    brink_ctx_t *ctx;
    const brink_rolling_config_t *cfg;
    brink_rolling_t *r;
    size_t cap;
    double *pmfs; /* [cap][NF][len], the rows' forecasts */
} work_t;

static brink_status_t add_row(work_t *w, const brink_rolling_row_t *row, double **pmf_out)
{
    brink_rolling_t *r = w->r;
    size_t len = w->cfg->len;
    if (r->nrows == w->cap) {
        size_t nc = w->cap ? w->cap * 2 : 64;
        brink_rolling_row_t *nr = brink_realloc(w->ctx, r->rows, nc * sizeof *nr);
        if (!nr)
            return BRINK_ENOMEM;
        r->rows = nr;
        double *np = brink_realloc(w->ctx, w->pmfs, nc * BRINK_ROLLING_NF * len * sizeof *np);
        if (!np)
            return BRINK_ENOMEM;
        w->pmfs = np;
        w->cap = nc;
    }
    r->rows[r->nrows] = *row;
    *pmf_out = w->pmfs + r->nrows * BRINK_ROLLING_NF * len;
    r->nrows++;
    return BRINK_OK;
}

/* the training years of series s up to origin: [*y0, origin], all observed */
static int training(const brink_record_t *rec, size_t s, int origin, int *y0)
{
    int first = brink_record_from(rec, s) / 12;
    int start = -1;
    for (int y = first; y <= origin; y++) {
        if (brink_record_year(rec, s, y) < 0)
            start = -1;
        else if (start < 0)
            start = y;
    }
    *y0 = start;
    return start < 0 ? 0 : origin - start + 1;
}

static brink_status_t score_origins(work_t *w, const brink_record_t *rec,
                                    brink_rolling_model_fn model, void *ud)
{
    const brink_rolling_config_t *cfg = w->cfg;
    brink_ctx_t *ctx = w->ctx;
    size_t ns = brink_record_nseries(rec), len = cfg->len, H = (size_t)cfg->hmax;
    brink_status_t st = BRINK_OK;
    double *mp = NULL, *bp = NULL;
    long *y = NULL;
    int nyears = cfg->last - brink_record_first(rec) / 12 + 2;
    mp = brink_calloc(ctx, ns * H * len, sizeof *mp);
    bp = brink_malloc(ctx, BRINK_BASELINE_COUNT * H * len * sizeof *bp);
    y = brink_malloc(ctx, (size_t)(nyears > 1 ? nyears : 1) * sizeof *y);
    if (!mp || !bp || !y) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    for (int o = cfg->first; o <= cfg->last; o++) {
        if (model) {
            st = model(ctx, ud, o, cfg->hmax, len, mp);
            if (st != BRINK_OK)
                goto cleanup;
        }
        for (size_t s = 0; s < ns; s++) {
            int y0;
            int n = training(rec, s, o, &y0);
            if (n < cfg->min_train)
                continue;
            for (int k = 0; k < n; k++)
                y[k] = brink_record_year(rec, s, y0 + k);
            for (int b = 0; b < BRINK_BASELINE_COUNT; b++) {
                if (b == BRINK_BASELINE_MIXTURE)
                    continue;
                st = brink_baseline_forecasts(ctx, (brink_baseline_t)b, y, (size_t)n, cfg->hmax,
                                              bp + (size_t)b * H * len, len);
                if (st != BRINK_OK)
                    goto cleanup;
            }
            /* the mixture from its parts, as brink_baseline_forecasts makes it */
            static const brink_baseline_t parts[] = {BRINK_BASELINE_POISSON, BRINK_BASELINE_NB_ML,
                                                     BRINK_BASELINE_PERSISTENCE,
                                                     BRINK_BASELINE_NBAR1, BRINK_BASELINE_MSNB};
            double *mix = bp + (size_t)BRINK_BASELINE_MIXTURE * H * len;
            memset(mix, 0, H * len * sizeof *mix);
            for (size_t i = 0; i < 5; i++)
                for (size_t k = 0; k < H * len; k++)
                    mix[k] += bp[(size_t)parts[i] * H * len + k] / 5.0;
            for (int h = 1; h <= cfg->hmax; h++) {
                long obs = brink_record_year(rec, s, o + h);
                if (obs < 0)
                    continue;
                brink_rolling_row_t row;
                memset(&row, 0, sizeof row);
                row.series = s;
                row.origin = o;
                row.h = h;
                row.year = o + h;
                row.observed = obs;
                double *store;
                st = add_row(w, &row, &store);
                if (st != BRINK_OK)
                    goto cleanup;
                brink_rolling_row_t *rr = &w->r->rows[w->r->nrows - 1];
                for (int f = 0; f < BRINK_ROLLING_NF; f++) {
                    const double *pmf;
                    if (f == BRINK_ROLLING_MODEL) {
                        if (!model) {
                            memset(store + (size_t)f * len, 0, len * sizeof *store);
                            continue;
                        }
                        pmf = mp + (s * H + (size_t)(h - 1)) * len;
                    } else {
                        pmf = bp + ((size_t)f * H + (size_t)(h - 1)) * len;
                    }
                    memcpy(store + (size_t)f * len, pmf, len * sizeof *pmf);
                    rr->crps[f] = brink_crps_pmf(pmf, len, obs);
                    rr->logs[f] = brink_logscore_pmf(pmf, len, obs, cfg->log_eps);
                    rr->mean[f] = brink_pmf_mean(pmf, len);
                    rr->q05[f] = brink_pmf_quantile(pmf, len, 0.05);
                    rr->q50[f] = brink_pmf_quantile(pmf, len, 0.5);
                    rr->q95[f] = brink_pmf_quantile(pmf, len, 0.95);
                }
            }
        }
    }
cleanup:
    brink_free(ctx, mp);
    brink_free(ctx, bp);
    brink_free(ctx, y);
    return st;
}

static brink_status_t summarise(work_t *w, size_t ns)
{
    brink_ctx_t *ctx = w->ctx;
    brink_rolling_t *r = w->r;
    const brink_rolling_config_t *cfg = w->cfg;
    size_t len = cfg->len, nr = r->nrows;
    brink_status_t st = BRINK_OK;
    size_t *idx = brink_malloc(ctx, (nr ? nr : 1) * sizeof *idx);
    double *pm = brink_malloc(ctx, (nr ? nr : 1) * len * sizeof *pm);
    double *cs = brink_malloc(ctx, (nr ? nr : 1) * sizeof *cs);
    double *cf = brink_malloc(ctx, (nr ? nr : 1) * sizeof *cf);
    long *obs = brink_malloc(ctx, (nr ? nr : 1) * sizeof *obs);
    if (!idx || !pm || !cs || !cf || !obs) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    for (size_t s = 0; s < ns; s++)
        for (int h = 1; h <= cfg->hmax; h++) {
            size_t n = 0;
            for (size_t i = 0; i < nr; i++)
                if (r->rows[i].series == s && r->rows[i].h == h)
                    idx[n++] = i;
            for (size_t i = 0; i < n; i++) {
                obs[i] = r->rows[idx[i]].observed;
                cs[i] = r->rows[idx[i]].crps[r->subject];
            }
            size_t sh = s * (size_t)cfg->hmax + (size_t)(h - 1);
            r->dm[sh] = r->dm_p[sh] = NAN;
            for (int f = 0; f < BRINK_ROLLING_NF; f++) {
                brink_rolling_cell_t *c = &r->cells[sh * BRINK_ROLLING_NF + (size_t)f];
                c->skill = c->skill_lo = c->skill_hi = c->pit_chi2 = c->pit_p = NAN;
                c->n = n;
                if (n == 0 || (f == BRINK_ROLLING_MODEL && !r->has_model)) {
                    c->n = 0;
                    continue;
                }
                for (size_t i = 0; i < n; i++) {
                    const brink_rolling_row_t *row = &r->rows[idx[i]];
                    const double *pmf = w->pmfs + (idx[i] * BRINK_ROLLING_NF + (size_t)f) * len;
                    memcpy(pm + i * len, pmf, len * sizeof *pm);
                    c->crps += row->crps[f] / (double)n;
                    c->logs += row->logs[f] / (double)n;
                    c->cover50 += brink_pmf_covers(pmf, len, row->observed, 0.5) / (double)n;
                    c->cover90 += brink_pmf_covers(pmf, len, row->observed, 0.9) / (double)n;
                    double p = 1.0 - pmf[0], o = row->observed > 0;
                    c->brier += (p - o) * (p - o) / (double)n;
                    cf[i] = row->crps[f];
                }
                st = brink_pit_histogram(ctx, pm, len, obs, n, 5, c->pit, &c->pit_chi2,
                                         &c->pit_p);
                if (st != BRINK_OK)
                    goto cleanup;
                double mf = 0;
                for (size_t i = 0; i < n; i++)
                    mf += cf[i];
                if (f != r->subject && mf > 0) {
                    size_t L = (size_t)h + 1 < n ? (size_t)h + 1 : n;
                    uint64_t seed = cfg->seed ^ ((uint64_t)(sh * BRINK_ROLLING_NF + (size_t)f) *
                                                 0x9E3779B97F4A7C15ull);
                    st = brink_skill_bootstrap(ctx, cs, cf, n, L, cfg->bootstrap, cfg->alpha, seed,
                                               &c->skill, &c->skill_lo, &c->skill_hi);
                    if (st != BRINK_OK)
                        goto cleanup;
                }
                if (f == r->dm_against && f != r->subject && n >= 2) {
                    double stat, p;
                    if (brink_dm_test(ctx, cs, cf, n, h, &stat, &p) == BRINK_OK) {
                        r->dm[sh] = stat;
                        r->dm_p[sh] = p;
                    } else {
                        brink_ctx_clear_error(ctx);
                    }
                }
            }
        }
cleanup:
    brink_free(ctx, idx);
    brink_free(ctx, pm);
    brink_free(ctx, cs);
    brink_free(ctx, cf);
    brink_free(ctx, obs);
    return st;
}

brink_status_t brink_rolling_run(brink_ctx_t *ctx, const brink_record_t *rec,
                                 const brink_rolling_config_t *cfg, brink_rolling_model_fn model,
                                 void *ud, brink_rolling_t **out)
{
    brink_status_t st = BRINK_OK;
    work_t w = {ctx, cfg, NULL, 0, NULL};
    *out = NULL;
    if (!rec || !cfg || cfg->first > cfg->last || cfg->hmax < 1 || cfg->hmax > 10 ||
        cfg->len < 2 || cfg->bootstrap < 1 || !(cfg->alpha > 0 && cfg->alpha < 1) ||
        cfg->min_train < 2 || !(cfg->log_eps >= 0 && cfg->log_eps < 1) ||
        cfg->last - cfg->first > 500) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "rolling backtest: bad configuration");
        goto cleanup;
    }
    size_t ns = brink_record_nseries(rec);
    w.r = brink_calloc(ctx, 1, sizeof *w.r);
    if (!w.r) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    brink_rolling_t *r = w.r;
    r->has_model = model != NULL;
    r->subject = model ? BRINK_ROLLING_MODEL : BRINK_BASELINE_MIXTURE;
    r->dm_against = model ? BRINK_BASELINE_MIXTURE : BRINK_BASELINE_POISSON;
    r->hmax = cfg->hmax;
    r->nseries = ns;
    r->cells = brink_calloc(ctx, ns * (size_t)cfg->hmax * BRINK_ROLLING_NF, sizeof *r->cells);
    r->dm = brink_calloc(ctx, ns * (size_t)cfg->hmax, sizeof *r->dm);
    r->dm_p = brink_calloc(ctx, ns * (size_t)cfg->hmax, sizeof *r->dm_p);
    if (!r->cells || !r->dm || !r->dm_p) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    st = score_origins(&w, rec, model, ud);
    if (st == BRINK_OK)
        st = summarise(&w, ns);
    if (st == BRINK_OK) {
        *out = w.r;
        w.r = NULL;
    }
cleanup:
    brink_free(ctx, w.pmfs);
    brink_rolling_free(ctx, w.r);
    return st;
}
