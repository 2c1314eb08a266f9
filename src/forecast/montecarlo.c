/*
 * montecarlo.c - Monte Carlo over input uncertainty.  Replication r draws
 * its perturbations from the stream (seed, 0, r, BRINK_STREAM_FORECAST):
 * per actor, in actor order, a drop-out draw, position noise per dimension
 * (normal, sd on the 0-100 scale, clipped to [0,100]), salience noise
 * (normal, clipped to [0.01,100] and rescaled to sum <= 100) and a
 * log-normal capability factor with the given coefficient of variation.
 * Replications run in parallel; each writes only its own row, and the
 * summary is computed afterwards in replication order, so results never
 * depend on the thread count.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "brink/rng.h"
#include "forecast/fc_internal.h"

void brink_mc_options_default(brink_mc_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->runs = 100;
    o->seed = 15455440707583219804ULL;
    brink_smp_options_default(&o->smp);
    brink_bdm_options_default(&o->bdm);
}

void brink_mc_result_clear(brink_ctx_t *ctx, brink_mc_result_t *r)
{
    if (!r)
        return;
    brink_free(ctx, r->outcome);
    brink_free(ctx, r->mean);
    memset(r, 0, sizeof *r);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double quantile(const double *sorted, size_t n, double q)
{
    if (n == 0)
        return NAN;
    double h = (double)(n - 1) * q;
    size_t lo = (size_t)floor(h);
    size_t hi = lo + 1 < n ? lo + 1 : lo;
    return sorted[lo] + (h - (double)lo) * (sorted[hi] - sorted[lo]);
}

static brink_status_t one_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                              const brink_mc_options_t *o, uint32_t rep, double *out)
{
    const size_t n = s->n, d = s->d;
    brink_rng_t rng;
    brink_rng_init(&rng, o->seed, 0, rep, BRINK_STREAM_FORECAST);
    brink_fc_scenario_t *c = brink_fc_scenario_copy(s);
    int *keep = malloc(n * sizeof *keep);
    double *pos = malloc(d * sizeof *pos), *sal = malloc(d * sizeof *sal);
    brink_fc_scenario_t *sub = NULL;
    brink_status_t st = BRINK_OK;
    if (!c || !keep || !pos || !sal) {
        st = BRINK_ENOMEM;
        goto done;
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        keep[i] = !(brink_rng_uniform(&rng) < o->dropout);
        double psd = o->actor_pos_sd ? o->actor_pos_sd[i] : o->pos_sd;
        double ssd = o->actor_sal_sd ? o->actor_sal_sd[i] : o->sal_sd;
        double cv = o->actor_cap_cv ? o->actor_cap_cv[i] : o->cap_cv;
        if (s->unc) { /* the input's own per-actor levels */
            psd = s->unc[3 * i] >= 0 ? s->unc[3 * i] : psd;
            ssd = s->unc[3 * i + 1] >= 0 ? s->unc[3 * i + 1] : ssd;
            cv = s->unc[3 * i + 2] >= 0 ? s->unc[3 * i + 2] : cv;
        }
        double tot = 0;
        for (size_t k = 0; k < d; k++) {
            double z1 = brink_rng_normal(&rng), z2 = brink_rng_normal(&rng);
            double p = s->pos[i * d + k] + psd * z1;
            pos[k] = p < 0 ? 0 : (p > 100 ? 100 : p);
            double q = s->sal[i * d + k] + ssd * z2;
            sal[k] = q < 0.01 ? 0.01 : (q > 100 ? 100 : q);
            tot += sal[k];
        }
        if (tot > 100)
            for (size_t k = 0; k < d; k++)
                sal[k] = sal[k] * 100.0 / tot;
        double z3 = brink_rng_normal(&rng);
        double sg = sqrt(log(1 + cv * cv));
        double cap = s->cap[i] * exp(sg * z3 - 0.5 * sg * sg);
        brink_fc_actor_set(c, i, cap, pos, sal);
        kept += (size_t)keep[i];
    }
    if (kept < 3) /* keep everyone rather than run a degenerate forecast */
        for (size_t i = 0; i < n; i++)
            keep[i] = 1;
    sub = brink_fc_scenario_subset(c, keep);
    if (!sub) {
        st = BRINK_ENOMEM;
        goto done;
    }
    if (o->model == 0) {
        brink_smp_options_t so = o->smp;
        so.run = rep;
        so.seed = o->seed;
        so.threads = 1;
        brink_fc_history_t *h = NULL;
        st = brink_smp_run(ctx, sub, &so, &h);
        if (st == BRINK_OK) {
            size_t b = brink_fc_history_best_actor(h), T = brink_fc_history_states(h);
            for (size_t k = 0; k < d; k++)
                out[k] = brink_fc_history_pos(h, T - 1, b, k);
        }
        brink_fc_history_free(h);
    } else if (o->model == 1) {
        brink_bdm_result_t r;
        st = brink_bdm_run(ctx, sub, &o->bdm, &r);
        if (st == BRINK_OK)
            out[0] = r.median[r.rounds];
        brink_bdm_result_clear(ctx, &r);
    } else {
        for (size_t k = 0; k < d; k++)
            out[k] = o->model == 2 ? brink_fc_weighted_mean(sub, k)
                                   : brink_fc_weighted_median(sub, k);
    }
done:
    brink_fc_scenario_free(c);
    brink_fc_scenario_free(sub);
    free(keep);
    free(pos);
    free(sal);
    return st;
}

brink_status_t brink_mc_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                            const brink_mc_options_t *o, brink_mc_result_t *r)
{
    if (!ctx || !s || !o || !r || o->runs < 1)
        return BRINK_EINVAL;
    memset(r, 0, sizeof *r);
    const size_t dims = o->model == 1 ? 1 : s->d;
    const uint32_t R = o->runs;
    r->outcome = brink_malloc(ctx, (size_t)R * dims * sizeof(double));
    r->mean = brink_malloc(ctx, 7 * dims * sizeof(double));
    brink_status_t *rs = brink_malloc(ctx, (size_t)R * sizeof *rs);
    double *col = brink_malloc(ctx, (size_t)R * sizeof *col);
    brink_ctx_t **kids = NULL;
    int nt = o->threads;
#ifdef _OPENMP
    if (nt <= 0)
        nt = omp_get_max_threads();
#else
    nt = 1;
#endif
    kids = brink_calloc(ctx, (size_t)nt, sizeof *kids);
    brink_status_t st = BRINK_OK;
    if (!r->outcome || !r->mean || !rs || !col || !kids) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    for (int t = 0; t < nt; t++) {
        kids[t] = brink_ctx_new_child(ctx);
        if (!kids[t]) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto done;
        }
    }
    r->runs = R;
    r->dims = dims;
    r->sd = r->mean + dims;
    r->q05 = r->mean + 2 * dims;
    r->q25 = r->mean + 3 * dims;
    r->q50 = r->mean + 4 * dims;
    r->q75 = r->mean + 5 * dims;
    r->q95 = r->mean + 6 * dims;
#pragma omp parallel for num_threads(nt) schedule(dynamic, 1)
    for (uint32_t k = 0; k < R; k++) {
#ifdef _OPENMP
        int tid = omp_get_thread_num();
#else
        int tid = 0;
#endif
        rs[k] = one_run(kids[tid], s, o, k, r->outcome + (size_t)k * dims);
    }
    for (uint32_t k = 0; k < R; k++)
        if (rs[k] != BRINK_OK) {
            /* replay it on ctx (deterministic) to recover the model's message */
            char msg[600];
            one_run(ctx, s, o, k, r->mean); /* scratch of dims values */
            snprintf(msg, sizeof msg, "%s", brink_ctx_errmsg(ctx));
            st = brink_ctx_error(ctx, rs[k], "Monte Carlo replication %u failed: %s", k,
                                 msg[0] ? msg : brink_strerror(rs[k]));
            goto done;
        }
    for (size_t d = 0; d < dims; d++) {
        double m = 0;
        for (uint32_t k = 0; k < R; k++) {
            col[k] = r->outcome[(size_t)k * dims + d];
            m += col[k];
        }
        m /= R;
        double v = 0;
        for (uint32_t k = 0; k < R; k++)
            v += (col[k] - m) * (col[k] - m);
        qsort(col, R, sizeof *col, cmp_double);
        r->mean[d] = m;
        r->sd[d] = R > 1 ? sqrt(v / (R - 1)) : 0.0;
        r->q05[d] = quantile(col, R, 0.05);
        r->q25[d] = quantile(col, R, 0.25);
        r->q50[d] = quantile(col, R, 0.50);
        r->q75[d] = quantile(col, R, 0.75);
        r->q95[d] = quantile(col, R, 0.95);
    }
done:
    for (int t = 0; kids && t < nt; t++)
        brink_ctx_free(kids[t]);
    brink_free(ctx, kids);
    brink_free(ctx, rs);
    brink_free(ctx, col);
    if (st != BRINK_OK)
        brink_mc_result_clear(ctx, r);
    return st;
}
