/* smc.c - the particle filter of brink/smc.h: month-by-month weighting of
 * particles by the record, systematic resampling at an ESS threshold,
 * Liu-West parameter rejuvenation, the log marginal likelihood, and free
 * forecasts. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <omp.h>

#include "brink/smc.h"

#define MAX_PARAMS 64

struct brink_smc {
    brink_ctx_t *ctx;
    brink_smc_model_t m;
    brink_smc_config_t cfg;
    const brink_record_t *rec;
    uint32_t n;
    size_t np, ns, nrec;
    void **part;
    double *theta;  /* [n][np] */
    double *w;      /* [n] normalised */
    double *cnt;    /* [n][ns] this month's counts */
    double *acc;    /* [n][ns] this year's counts so far */
    double *ll;     /* [n] this month's log-likelihood */
    brink_status_t *st; /* [n] */
    long *map;      /* [nrec] model series of record series */
    int month;
    uint32_t step;
    double logz;
    double *ess;
    size_t ness, cap_ess;
    uint32_t resamples, collapses;
    int threads;
};

void brink_smc_config_default(brink_smc_config_t *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->particles = 1000;
    cfg->seed = 1;
    cfg->ess_threshold = 0.5;
    cfg->ess_warn = 0.01;
    cfg->rejuvenate = BRINK_SMC_REJUV_LIU_WEST;
    cfg->delta = 0.98;
    cfg->obs = BRINK_SMC_OBS_POISSON;
    cfg->floor = 0.05;
    cfg->dispersion = 5.0;
}

int brink_smc_month(const brink_smc_t *f) { return f->month; }
uint32_t brink_smc_nparticles(const brink_smc_t *f) { return f->n; }
size_t brink_smc_nseries(const brink_smc_t *f) { return f->ns; }
const double *brink_smc_weights(const brink_smc_t *f) { return f->w; }
const double *brink_smc_theta(const brink_smc_t *f, uint32_t i) { return f->theta + (size_t)i * f->np; }
double brink_smc_log_evidence(const brink_smc_t *f) { return f->logz; }
const void *brink_smc_particle(const brink_smc_t *f, uint32_t i) { return f->part[i]; }
uint32_t brink_smc_resamplings(const brink_smc_t *f) { return f->resamples; }
uint32_t brink_smc_collapses(const brink_smc_t *f) { return f->collapses; }

const double *brink_smc_ess(const brink_smc_t *f, size_t *n)
{
    *n = f->ness;
    return f->ess;
}

double brink_smc_param_mean(const brink_smc_t *f, size_t j)
{
    double s = 0;
    for (uint32_t i = 0; i < f->n; i++)
        s += f->w[i] * f->theta[(size_t)i * f->np + j];
    return s;
}

void brink_smc_free(brink_smc_t *f)
{
    if (!f)
        return;
    brink_ctx_t *ctx = f->ctx;
    for (uint32_t i = 0; f->part && i < f->n; i++)
        if (f->part[i])
            f->m.free_particle(f->m.ud, f->part[i]);
    brink_free(ctx, f->part);
    brink_free(ctx, f->theta);
    brink_free(ctx, f->w);
    brink_free(ctx, f->cnt);
    brink_free(ctx, f->acc);
    brink_free(ctx, f->ll);
    brink_free(ctx, f->st);
    brink_free(ctx, f->map);
    brink_free(ctx, f->ess);
    brink_free(ctx, f);
}

static void fmt_month(int m, char buf[8])
{
    snprintf(buf, 8, "%04d-%02d", (m / 12) % 10000, m % 12 + 1);
}

/* the first failing status in particle order, or BRINK_OK */
static brink_status_t first_error(const brink_smc_t *f)
{
    for (uint32_t i = 0; i < f->n; i++)
        if (f->st[i] != BRINK_OK)
            return f->st[i];
    return BRINK_OK;
}

brink_status_t brink_smc_new(brink_ctx_t *ctx, const brink_smc_model_t *m,
                             const brink_smc_config_t *cfg, const brink_record_t *rec,
                             int start, brink_smc_t **out)
{
    brink_status_t st = BRINK_OK;
    brink_smc_t *f = NULL;
    *out = NULL;
    if (!m || !cfg || !m->draw_params || !m->init || !m->advance || !m->counts || !m->copy ||
        !m->free_particle || !m->series_index || m->nseries < 1 || m->nparams > MAX_PARAMS) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "particle filter: incomplete model");
        goto cleanup;
    }
    if (cfg->particles < 1 || !(cfg->ess_threshold > 0 && cfg->ess_threshold <= 1) ||
        !(cfg->ess_warn >= 0 && cfg->ess_warn <= 1) || !(cfg->delta > 0 && cfg->delta <= 1) ||
        !(cfg->floor >= 0 && isfinite(cfg->floor)) ||
        (cfg->obs == BRINK_SMC_OBS_NEGBIN && !(cfg->dispersion > 0)) ||
        (cfg->obs != BRINK_SMC_OBS_POISSON && cfg->obs != BRINK_SMC_OBS_NEGBIN) ||
        (cfg->rejuvenate != BRINK_SMC_REJUV_NONE && cfg->rejuvenate != BRINK_SMC_REJUV_LIU_WEST)) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "particle filter: bad configuration (particles "
                             ">= 1, 0 < ess_threshold <= 1, 0 < delta <= 1, floor >= 0, "
                             "dispersion > 0)");
        goto cleanup;
    }
    f = brink_calloc(ctx, 1, sizeof *f);
    if (!f) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    f->ctx = ctx;
    f->m = *m;
    f->cfg = *cfg;
    f->rec = rec;
    f->n = cfg->particles;
    f->np = m->nparams;
    f->ns = m->nseries;
    f->month = start - 1;
    f->threads = cfg->threads > 0 ? cfg->threads : omp_get_max_threads();
    size_t n = f->n;
    f->part = brink_calloc(ctx, n, sizeof *f->part);
    f->theta = brink_calloc(ctx, n * (f->np ? f->np : 1), sizeof *f->theta);
    f->w = brink_malloc(ctx, n * sizeof *f->w);
    f->cnt = brink_calloc(ctx, n * f->ns, sizeof *f->cnt);
    f->acc = brink_calloc(ctx, n * f->ns, sizeof *f->acc);
    f->ll = brink_calloc(ctx, n, sizeof *f->ll);
    f->st = brink_calloc(ctx, n, sizeof *f->st);
    if (!f->part || !f->theta || !f->w || !f->cnt || !f->acc || !f->ll || !f->st) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    if (rec) {
        f->nrec = brink_record_nseries(rec);
        f->map = brink_malloc(ctx, f->nrec * sizeof *f->map);
        if (!f->map) {
            st = BRINK_ENOMEM;
            goto cleanup;
        }
        for (size_t s = 0; s < f->nrec; s++) {
            const char *a = brink_record_actor(rec, s), *k = brink_record_kind(rec, s);
            long j = m->series_index(m->ud, a, k);
            if (j < 0 || (size_t)j >= f->ns) {
                int line, col;
                brink_record_locate(rec, s, &line, &col);
                st = brink_ctx_error(ctx, BRINK_EVALIDATE, "%s:%d:%d: series[%zu]: the record "
                                     "observes %s/%s, which the model cannot produce (no such "
                                     "actor or kind of event in the scenario); remove the "
                                     "series or use a scenario that has it",
                                     brink_record_file(rec), line, col, s, a, k);
                goto cleanup;
            }
            f->map[s] = j;
        }
    }
    for (uint32_t i = 0; i < f->n; i++)
        f->w[i] = 1.0 / (double)f->n;
    int64_t nn = (int64_t)n;
#pragma omp parallel for num_threads(f->threads) schedule(static)
    for (int64_t i = 0; i < nn; i++) {
        brink_rng_t rng;
        double *th = f->theta + (size_t)i * f->np;
        brink_rng_init(&rng, cfg->seed, 0, (uint32_t)i, BRINK_STREAM_PARAMS);
        brink_status_t s = f->m.draw_params(f->m.ud, &rng, th);
        if (s == BRINK_OK) {
            brink_rng_init(&rng, cfg->seed, 0, (uint32_t)i, BRINK_STREAM_SMC);
            s = f->m.init(f->m.ud, th, start, &rng, &f->part[i]);
        }
        f->st[i] = s;
    }
    st = first_error(f);
    if (st != BRINK_OK) {
        st = brink_ctx_error(ctx, st, "particle filter: the model could not create a particle "
                             "(%s)", brink_strerror(st));
        goto cleanup;
    }
    *out = f;
    f = NULL;
cleanup:
    brink_smc_free(f);
    return st;
}

/* the message of a failed advance or copy */
static brink_status_t model_error(brink_smc_t *f, brink_status_t st, int m)
{
    char mm[8];
    fmt_month(m, mm);
    if (st == BRINK_ENOMEM)
        return brink_ctx_error(f->ctx, st, "particle filter: %s: out of memory", mm);
    return brink_ctx_error(f->ctx, st, "particle filter: %s: the model could not advance a "
                           "particle (%s)", mm, brink_strerror(st));
}

/* advances every particle one month; counts into cnt, the year's into acc */
static brink_status_t advance_all(brink_smc_t *f, int m)
{
    f->step++;
    int64_t nn = (int64_t)f->n;
    size_t ns = f->ns;
#pragma omp parallel for num_threads(f->threads) schedule(static)
    for (int64_t i = 0; i < nn; i++) {
        brink_rng_t rng;
        brink_rng_init(&rng, f->cfg.seed, f->step, (uint32_t)i, BRINK_STREAM_SMC);
        brink_status_t s = f->m.advance(f->m.ud, f->part[i], f->theta + (size_t)i * f->np, m,
                                        &rng);
        if (s == BRINK_OK) {
            double *c = f->cnt + (size_t)i * ns, *a = f->acc + (size_t)i * ns;
            f->m.counts(f->m.ud, f->part[i], c);
            for (size_t k = 0; k < ns; k++) {
                if (!(c[k] >= 0) || !isfinite(c[k]))
                    c[k] = 0;
                a[k] = (m % 12 == 0 ? 0 : a[k]) + c[k];
            }
        }
        f->st[i] = s;
    }
    f->month = m;
    return first_error(f);
}

static double obs_loglik(const brink_smc_t *f, long y, double c)
{
    double mu = c + f->cfg.floor;
    return f->cfg.obs == BRINK_SMC_OBS_NEGBIN ? brink_nb_logpmf(y, mu, f->cfg.dispersion)
                                               : brink_nb_logpmf(y, mu, INFINITY);
}

/* the month's log-likelihood of particle i; *any = whether m has data */
static double particle_ll(const brink_smc_t *f, uint32_t i, int m, int *any)
{
    double ll = 0;
    for (size_t s = 0; s < f->nrec; s++) {
        long y;
        const double *c;
        if (brink_record_annual(f->rec, s)) {
            if (m % 12 != 11)
                continue;
            y = brink_record_year(f->rec, s, m / 12);
            c = f->acc;
        } else {
            y = brink_record_month(f->rec, s, m);
            c = f->cnt;
        }
        if (y < 0)
            continue;
        *any = 1;
        ll += obs_loglik(f, y, c[(size_t)i * f->ns + (size_t)f->map[s]]);
    }
    return ll;
}

/* the error when every particle has likelihood 0 in month m */
static brink_status_t zero_error(brink_smc_t *f, int m)
{
    char mm[8];
    fmt_month(m, mm);
    for (size_t s = 0; s < f->nrec; s++) {
        int annual = brink_record_annual(f->rec, s);
        long y = annual ? (m % 12 == 11 ? brink_record_year(f->rec, s, m / 12) : -1)
                        : brink_record_month(f->rec, s, m);
        if (y < 0)
            continue;
        const double *c = annual ? f->acc : f->cnt;
        double c0 = c[(size_t)f->map[s]];
        if (isinf(obs_loglik(f, y, c0)))
            return brink_ctx_error(f->ctx, BRINK_ENUMERIC, "particle filter: %s: every particle "
                                   "gives the record probability 0 (%s/%s observed %ld%s; "
                                   "particle 0 produced %g); the observation floor is %g: "
                                   "give a floor above 0 so that every count is possible, or "
                                   "check that the scenario can produce this series", mm,
                                   brink_record_actor(f->rec, s), brink_record_kind(f->rec, s),
                                   y, annual ? " in the year" : "", c0, f->cfg.floor);
    }
    return brink_ctx_error(f->ctx, BRINK_ENUMERIC, "particle filter: %s: every particle gives "
                           "the record probability 0 (the observation floor is %g)", mm,
                           f->cfg.floor);
}

/* Cholesky factor of the covariance of the (equally weighted) thetas */
static void liu_west(brink_smc_t *f)
{
    size_t np = f->np, n = f->n;
    if (np == 0)
        return;
    double mean[MAX_PARAMS], cov[MAX_PARAMS * MAX_PARAMS], L[MAX_PARAMS * MAX_PARAMS];
    memset(mean, 0, sizeof mean);
    memset(cov, 0, sizeof cov);
    memset(L, 0, sizeof L);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < np; j++)
            mean[j] += f->theta[i * np + j] / (double)n;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < np; j++)
            for (size_t k = 0; k <= j; k++)
                cov[j * np + k] += (f->theta[i * np + j] - mean[j]) *
                                   (f->theta[i * np + k] - mean[k]) / (double)n;
    double tr = 0;
    for (size_t j = 0; j < np; j++)
        tr += cov[j * np + j];
    for (size_t j = 0; j < np; j++) {
        for (size_t k = 0; k <= j; k++) {
            double s = cov[j * np + k];
            for (size_t q = 0; q < k; q++)
                s -= L[j * np + q] * L[k * np + q];
            if (j == k)
                L[j * np + j] = s > 1e-12 * (tr > 0 ? tr : 1) ? sqrt(s) : 0.0;
            else
                L[j * np + k] = L[k * np + k] > 0 ? s / L[k * np + k] : 0.0;
        }
    }
    double d = f->cfg.delta, a = (3.0 * d - 1.0) / (2.0 * d), h = sqrt(fmax(0.0, 1.0 - a * a));
    for (size_t i = 0; i < n; i++) {
        brink_rng_t rng;
        brink_rng_init(&rng, f->cfg.seed, f->step, (uint32_t)i, BRINK_STREAM_SMC_MOVE);
        double z[MAX_PARAMS];
        for (size_t j = 0; j < np; j++)
            z[j] = brink_rng_normal(&rng);
        double *th = f->theta + i * np;
        for (size_t j = 0; j < np; j++) {
            double e = 0;
            for (size_t k = 0; k <= j; k++)
                e += L[j * np + k] * z[k];
            th[j] = a * th[j] + (1.0 - a) * mean[j] + h * e;
        }
    }
}

/* systematic resampling: particles, thetas and year sums */
static brink_status_t resample(brink_smc_t *f)
{
    brink_ctx_t *ctx = f->ctx;
    size_t n = f->n, np = f->np, ns = f->ns;
    brink_status_t st = BRINK_OK;
    uint32_t *a = brink_malloc(ctx, n * sizeof *a);
    int64_t *owner = brink_malloc(ctx, n * sizeof *owner);
    void **np_ = brink_calloc(ctx, n, sizeof *np_);
    double *th = brink_malloc(ctx, n * (np ? np : 1) * sizeof *th);
    double *acc = brink_malloc(ctx, n * ns * sizeof *acc);
    if (!a || !owner || !np_ || !th || !acc) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    brink_rng_t rng;
    brink_rng_init(&rng, f->cfg.seed, f->step, 0, BRINK_STREAM_SMC_RESAMPLE);
    double u = brink_rng_uniform(&rng) / (double)n, cum = f->w[0];
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        double target = u + (double)i / (double)n;
        while (target > cum && j + 1 < n)
            cum += f->w[++j];
        a[i] = (uint32_t)j;
    }
    for (size_t k = 0; k < n; k++)
        owner[k] = -1;
    for (size_t i = 0; i < n; i++)
        if (owner[a[i]] < 0)
            owner[a[i]] = (int64_t)i;
    int64_t nn = (int64_t)n;
#pragma omp parallel for num_threads(f->threads) schedule(static)
    for (int64_t i = 0; i < nn; i++) {
        f->st[i] = BRINK_OK;
        if (owner[a[i]] != i)
            f->st[i] = f->m.copy(f->m.ud, f->part[a[i]], &np_[i]);
    }
    st = first_error(f);
    for (size_t i = 0; i < n; i++) {
        if (owner[a[i]] == (int64_t)i)
            np_[i] = f->part[a[i]];
        memcpy(th + i * np, f->theta + (size_t)a[i] * np, np * sizeof *th);
        memcpy(acc + i * ns, f->acc + (size_t)a[i] * ns, ns * sizeof *acc);
    }
    for (size_t k = 0; k < n; k++)
        if (owner[k] < 0)
            f->m.free_particle(f->m.ud, f->part[k]);
    brink_free(ctx, f->part);
    f->part = np_;
    np_ = NULL;
    brink_free(ctx, f->theta);
    f->theta = th;
    th = NULL;
    brink_free(ctx, f->acc);
    f->acc = acc;
    acc = NULL;
    for (size_t i = 0; i < n; i++)
        f->w[i] = 1.0 / (double)n;
    f->resamples++;
    if (st == BRINK_OK && f->cfg.rejuvenate == BRINK_SMC_REJUV_LIU_WEST)
        liu_west(f);
cleanup:
    if (np_) /* only on allocation failure before the copies */
        brink_free(ctx, np_);
    brink_free(ctx, a);
    brink_free(ctx, owner);
    brink_free(ctx, th);
    brink_free(ctx, acc);
    return st;
}

static brink_status_t push_ess(brink_smc_t *f, double ess)
{
    if (f->ness == f->cap_ess) {
        size_t nc = f->cap_ess ? f->cap_ess * 2 : 128;
        double *e = brink_realloc(f->ctx, f->ess, nc * sizeof *e);
        if (!e)
            return BRINK_ENOMEM;
        f->ess = e;
        f->cap_ess = nc;
    }
    f->ess[f->ness++] = ess;
    return BRINK_OK;
}

brink_status_t brink_smc_condition(brink_ctx_t *ctx, brink_smc_t *f, int through)
{
    brink_status_t st = BRINK_OK;
    int warned = 0;
    if (through < f->month)
        return brink_ctx_error(ctx, BRINK_EINVAL, "particle filter: conditioning month before "
                               "the current one");
    f->ctx = ctx;
    for (int m = f->month + 1; m <= through; m++) {
        if (brink_ctx_interrupted(ctx))
            return brink_ctx_error(ctx, BRINK_EINTERRUPT, "particle filter: interrupted");
        st = advance_all(f, m);
        if (st != BRINK_OK)
            return model_error(f, st, m);
        if (!f->rec)
            continue;
        int any = 0;
        int64_t nn = (int64_t)f->n;
#pragma omp parallel for num_threads(f->threads) schedule(static)
        for (int64_t i = 0; i < nn; i++) {
            int a = 0;
            f->ll[i] = particle_ll(f, (uint32_t)i, m, &a);
        }
        (void)particle_ll(f, 0, m, &any);
        if (!any)
            continue;
        double mx = -HUGE_VAL;
        for (uint32_t i = 0; i < f->n; i++) {
            double v = f->w[i] > 0 ? log(f->w[i]) + f->ll[i] : -HUGE_VAL;
            f->ll[i] = v;
            if (v > mx)
                mx = v;
        }
        if (!isfinite(mx))
            return zero_error(f, m);
        double sum = 0;
        for (uint32_t i = 0; i < f->n; i++) {
            f->w[i] = exp(f->ll[i] - mx);
            sum += f->w[i];
        }
        f->logz += mx + log(sum);
        double s2 = 0;
        for (uint32_t i = 0; i < f->n; i++) {
            f->w[i] /= sum;
            s2 += f->w[i] * f->w[i];
        }
        double ess = 1.0 / s2;
        st = push_ess(f, ess);
        if (st != BRINK_OK)
            return st;
        if (ess < f->cfg.ess_warn * (double)f->n) {
            f->collapses++;
            if (!warned) {
                char mm[8];
                fmt_month(m, mm);
                brink_ctx_log(ctx, BRINK_LOG_WARN, "particle filter: %s: the effective sample "
                              "size collapsed to %.1f of %u particles: the record is far from "
                              "what the model produces; the conditioned ensemble rests on few "
                              "particles (use more particles or a larger observation floor)",
                              mm, ess, f->n);
                warned = 1;
            }
        }
        if (ess < f->cfg.ess_threshold * (double)f->n) {
            st = resample(f);
            if (st != BRINK_OK)
                return model_error(f, st, m);
        }
    }
    return BRINK_OK;
}

brink_status_t brink_smc_forecast(brink_ctx_t *ctx, brink_smc_t *f, int months, double *totals)
{
    if (months < 0 || !totals)
        return brink_ctx_error(ctx, BRINK_EINVAL, "particle filter: bad forecast arguments");
    f->ctx = ctx;
    size_t ns = f->ns;
    memset(totals, 0, (size_t)f->n * ns * sizeof *totals);
    for (int k = 0; k < months; k++) {
        if (brink_ctx_interrupted(ctx))
            return brink_ctx_error(ctx, BRINK_EINTERRUPT, "particle filter: interrupted");
        brink_status_t st = advance_all(f, f->month + 1);
        if (st != BRINK_OK)
            return model_error(f, st, f->month);
        int64_t nn = (int64_t)f->n;
#pragma omp parallel for num_threads(f->threads) schedule(static)
        for (int64_t i = 0; i < nn; i++) {
            brink_rng_t rng;
            brink_rng_init(&rng, f->cfg.seed, f->step, (uint32_t)i, BRINK_STREAM_SMC_OBS);
            for (size_t s = 0; s < ns; s++) {
                double c = f->cnt[(size_t)i * ns + s], mu = c + f->cfg.floor;
                double y = !f->cfg.forecast_obs ? c
                           : f->cfg.obs == BRINK_SMC_OBS_NEGBIN
                               ? brink_rng_negbin(&rng, mu, f->cfg.dispersion)
                               : brink_rng_poisson(&rng, mu);
                totals[(size_t)i * ns + s] += y;
            }
        }
    }
    return BRINK_OK;
}
