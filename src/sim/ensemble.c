/* ensemble.c - replications in parallel (OpenMP) reduced into integer
 * histograms: outcome counts, milestone months, annual event counts and
 * binned monthly series.  Integer sums do not depend on the order of the
 * reduction, so results are identical for every thread count; memory does
 * not grow with the number of runs. */
#include <math.h>
#include <omp.h>
#include <string.h>

#include <jansson.h>

#include "brink/brink.h"

#include "scenario/schema.h"
#include "sim/sim_internal.h"

#define NBINS 512
#define NCBINS 256
#define PBINS 1000

/* pattern histograms: lower end and bin width; integer patterns have
 * width 1 (docs/validation.md) */
static const double pat_lo[BRINK_NPATTERNS] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
static const double pat_w[BRINK_NPATTERNS] = {0.05, 0.005, 0.02, 1, 1, 1, 0.001001, 1, 1};
static const int pat_int[BRINK_NPATTERNS] = {0, 0, 0, 1, 1, 1, 0, 1, 1};


typedef struct acc {
    uint64_t outcomes[BRINK_NOUTCOMES];
    uint64_t nuclear_window; /* runs with a nuclear test in 2013-2017 */
    uint32_t *milestones;  /* [NMILESTONES][nmonths + 1], last = never */
    uint32_t *counts;      /* [NCOUNTS][nyears][NCBINS] */
    uint64_t *sums;        /* [NCOUNTS][nyears] */
    uint64_t *zerowin;     /* [NCOUNTS][nyears][nyears]: runs with count 0 in years i..j */
    uint32_t *series;      /* [NSERIES][nmonths][NBINS] */
    uint32_t pat[BRINK_NPATTERNS][PBINS];
    uint64_t pat_n[BRINK_NPATTERNS];
    uint64_t pooled[4];    /* talks months, talks missiles, other months, other missiles */
} acc_t;

struct brink_ensemble {
    brink_ctx_t *ctx;
    const sim_model_t *m;  /* points at model (the ensemble outlives the sim) */
    sim_model_t model;
    char name[128];
    uint64_t seed;
    uint32_t runs;
    uint32_t nmodels;      /* parameter sets the runs drew from (1: the scenario's) */
    int until, nmonths, nyears;
    acc_t a;
    int rec[SIM_MAXYEARS][BRINK_NCOUNTS + 1]; /* the scenario's record */
    int rec_y0, rec_y1, has_record;
    double observed[3];
    json_t *provenance;    /* scenario_hash and command, or NULL */
};

static const double series_max[BRINK_NSERIES] = {200, 3, 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1};

static void acc_free(brink_ctx_t *ctx, acc_t *a)
{
    brink_free(ctx, a->milestones);
    brink_free(ctx, a->counts);
    brink_free(ctx, a->sums);
    brink_free(ctx, a->zerowin);
    brink_free(ctx, a->series);
    memset(a, 0, sizeof *a);
}

static int acc_init(brink_ctx_t *ctx, acc_t *a, int nmonths, int nyears)
{
    memset(a, 0, sizeof *a);
    a->milestones = brink_calloc(ctx, (size_t)BRINK_NMILESTONES * (size_t)(nmonths + 1),
                                 sizeof *a->milestones);
    a->counts = brink_calloc(ctx, (size_t)BRINK_NCOUNTS * (size_t)nyears * NCBINS,
                             sizeof *a->counts);
    a->sums = brink_calloc(ctx, (size_t)BRINK_NCOUNTS * (size_t)nyears, sizeof *a->sums);
    a->series = brink_calloc(ctx, (size_t)BRINK_NSERIES * (size_t)nmonths * NBINS,
                             sizeof *a->series);
    a->zerowin = brink_calloc(ctx, (size_t)BRINK_NCOUNTS * (size_t)nyears * (size_t)nyears,
                              sizeof *a->zerowin);
    if (!a->milestones || !a->counts || !a->sums || !a->series || !a->zerowin) {
        acc_free(ctx, a);
        return -1;
    }
    return 0;
}

typedef struct rec {
    acc_t *a;
    int nmonths, start;
    double last[BRINK_NSERIES];
} rec_t;

static void bin_series(acc_t *a, int nmonths, int mi, const double *v)
{
    for (int k = 0; k < BRINK_NSERIES; k++) {
        int b = (int)(v[k] / series_max[k] * NBINS);
        b = b < 0 ? 0 : b >= NBINS ? NBINS - 1 : b;
        a->series[((size_t)k * (size_t)nmonths + (size_t)mi) * NBINS + (size_t)b]++;
    }
}

static void on_month(sim_state_t *s, void *ud)
{
    rec_t *r = ud;
    int mi = s->month - r->start;
    if (mi < 0 || mi >= r->nmonths)
        return;
    sim_series(s, r->last);
    bin_series(r->a, r->nmonths, mi, r->last);
}

static void one_run(brink_ctx_t *ctx, const sim_model_t *m, uint64_t seed, uint32_t run, int until,
                    int nmonths, int nyears, acc_t *a)
{
    sim_state_t s;
    rec_t r = {a, nmonths, m->start, {0}};
    sim_state_init(&s, m, seed, run);
    s.ctx = ctx;
    sim_run(&s, until, on_month, &r);
    /* a run that ended early keeps its final state for the bands */
    for (int mi = s.month - m->start + 1; mi < nmonths; mi++)
        bin_series(a, nmonths, mi, r.last);
    a->outcomes[s.outcome]++;
    int any = 0;
    for (int yi = 0; yi < nyears; yi++)
        if (s.counts[yi][BRINK_COUNT_NUCLEAR] > 0)
            any = 1;
    a->nuclear_window += (uint64_t)any;
    brink_sim_patterns_t pt;
    sim_patterns(&s, until, &pt);
    for (int k = 0; k < BRINK_NPATTERNS; k++) {
        double v = pt.v[k];
        if (isnan(v))
            continue;
        long b = lround(floor((v - pat_lo[k]) / pat_w[k] + (pat_int[k] ? 0.5 : 0.0)));
        b = b < 0 ? 0 : b >= PBINS ? PBINS - 1 : b;
        a->pat[k][b]++;
        a->pat_n[k]++;
    }
    a->pooled[0] += pt.talks_months;
    a->pooled[1] += pt.talks_missiles;
    a->pooled[2] += pt.out_months;
    a->pooled[3] += pt.out_missiles;
    int ms[BRINK_NMILESTONES] = {s.first_nuclear, s.first_icbm, s.first_summit,
                                 s.first_agreement, s.first_deal};
    for (int k = 0; k < BRINK_NMILESTONES; k++) {
        int idx = ms[k] < 0 ? nmonths : ms[k] - m->start;
        a->milestones[(size_t)k * (size_t)(nmonths + 1) + (size_t)idx]++;
    }
    for (int k = 0; k < BRINK_NCOUNTS; k++)
        for (int y = 0; y < nyears; y++) {
            unsigned c = s.counts[y][k];
            a->sums[(size_t)k * (size_t)nyears + (size_t)y] += c;
            a->counts[((size_t)k * (size_t)nyears + (size_t)y) * NCBINS +
                      (c >= NCBINS ? NCBINS - 1 : c)]++;
        }
    for (int k = 0; k < BRINK_NCOUNTS; k++)
        for (int i = 0; i < nyears; i++)
            for (int j = i; j < nyears && s.counts[j][k] == 0; j++)
                a->zerowin[((size_t)k * (size_t)nyears + (size_t)i) * (size_t)nyears +
                           (size_t)j]++;
}

static void acc_add(acc_t *dst, const acc_t *src, int nmonths, int nyears)
{
    for (int k = 0; k < BRINK_NOUTCOMES; k++)
        dst->outcomes[k] += src->outcomes[k];
    dst->nuclear_window += src->nuclear_window;
    for (int k = 0; k < BRINK_NPATTERNS; k++) {
        for (int b = 0; b < PBINS; b++)
            dst->pat[k][b] += src->pat[k][b];
        dst->pat_n[k] += src->pat_n[k];
    }
    for (int k = 0; k < 4; k++)
        dst->pooled[k] += src->pooled[k];
    size_t nm = (size_t)BRINK_NMILESTONES * (size_t)(nmonths + 1);
    for (size_t i = 0; i < nm; i++)
        dst->milestones[i] += src->milestones[i];
    size_t nc = (size_t)BRINK_NCOUNTS * (size_t)nyears;
    for (size_t i = 0; i < nc * NCBINS; i++)
        dst->counts[i] += src->counts[i];
    for (size_t i = 0; i < nc; i++)
        dst->sums[i] += src->sums[i];
    for (size_t i = 0; i < nc * (size_t)nyears; i++)
        dst->zerowin[i] += src->zerowin[i];
    size_t ns = (size_t)BRINK_NSERIES * (size_t)nmonths * NBINS;
    for (size_t i = 0; i < ns; i++)
        dst->series[i] += src->series[i];
}

brink_status_t brink_sim_ensemble(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed,
                                  uint32_t runs, int threads, int until, brink_ensemble_t **out)
{
    return brink_sim_ensemble_mixed(ctx, &sim, NULL, 1, seed, runs, threads, until, out);
}

/* the model of run r: a draw from the weights keyed by (seed, 0, r, PARAMS) */
static uint32_t pick_model(const double *cum, uint32_t nsims, uint64_t seed, uint32_t r)
{
    if (nsims <= 1)
        return 0;
    brink_rng_t rng;
    brink_rng_init(&rng, seed, 0, r, BRINK_STREAM_PARAMS);
    double u = brink_rng_uniform(&rng) * cum[nsims - 1];
    uint32_t lo = 0, hi = nsims - 1;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cum[mid] > u)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

uint32_t brink_sim_pick_model(const double *weights, uint32_t nsims, uint64_t seed, uint32_t run)
{
    return brink_sim_pick_model_at(weights, nsims, seed, 0, run);
}

uint32_t brink_sim_pick_model_at(const double *weights, uint32_t nsims, uint64_t seed,
                                 uint32_t point, uint32_t rep)
{
    if (nsims <= 1)
        return 0;
    double c = 0.0;
    for (uint32_t i = 0; i < nsims; i++)
        c += weights ? weights[i] : 1.0;
    brink_rng_t rng;
    brink_rng_init(&rng, seed, point, rep, BRINK_STREAM_PARAMS);
    double u = brink_rng_uniform(&rng) * c, cum = 0.0;
    for (uint32_t i = 0; i < nsims; i++) {
        cum += weights ? weights[i] : 1.0;
        if (cum > u)
            return i;
    }
    return nsims - 1;
}

brink_status_t brink_sim_ensemble_mixed(brink_ctx_t *ctx, const brink_sim_t *const *sims,
                                        const double *weights, uint32_t nsims, uint64_t seed,
                                        uint32_t runs, int threads, int until,
                                        brink_ensemble_t **out)
{
    *out = NULL;
    if (nsims == 0)
        return brink_ctx_error(ctx, BRINK_EINVAL, "an ensemble needs at least one model");
    const sim_model_t *m = sim_model_of(sims[0]);
    for (uint32_t i = 1; i < nsims; i++)
        if (sim_model_of(sims[i])->start != m->start || sim_model_of(sims[i])->end != m->end)
            return brink_ctx_error(ctx, BRINK_EINVAL,
                                   "the models of a mixed ensemble differ in their horizon");
    double *cum = NULL;
    if (nsims > 1) {
        cum = brink_calloc(ctx, nsims, sizeof *cum);
        if (!cum)
            return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for the ensemble");
        double c = 0.0;
        for (uint32_t i = 0; i < nsims; i++) {
            double w = weights ? weights[i] : 1.0;
            if (!(w >= 0.0) || !isfinite(w)) {
                brink_free(ctx, cum);
                return brink_ctx_error(ctx, BRINK_EINVAL, "weight %u is not a finite number >= 0",
                                       (unsigned)i);
            }
            c += w;
            cum[i] = c;
        }
        if (!(c > 0.0)) {
            brink_free(ctx, cum);
            return brink_ctx_error(ctx, BRINK_EINVAL, "the weights of the models sum to 0");
        }
    }
    *out = NULL;
    if (until < 0 || until > m->end)
        until = m->end;
    brink_ensemble_t *e = brink_calloc(ctx, 1, sizeof *e);
    if (!e) {
        brink_free(ctx, cum);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for the ensemble");
    }
    e->ctx = ctx;
    e->model = *m;
    e->model.sc = NULL;
    e->m = &e->model;
    snprintf(e->name, sizeof e->name, "%s", m->sc->name);
    e->has_record = sim_record_table(m->sc, e->rec, &e->rec_y0, &e->rec_y1, e->observed);
    e->seed = seed;
    e->runs = runs;
    e->nmodels = nsims;
    e->until = until;
    e->nmonths = until - m->start + 1;
    e->nyears = until / 12 - m->start / 12 + 1;
    if (acc_init(ctx, &e->a, e->nmonths, e->nyears) != 0) {
        brink_free(ctx, cum);
        brink_ensemble_free(e);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for the ensemble");
    }
    if (threads <= 0)
        threads = omp_get_max_threads();
    int failed = 0, interrupted = 0;
    uint64_t done = 0;
#pragma omp parallel num_threads(threads) shared(failed, interrupted, done)
    {
        acc_t local;
        int ok;
        brink_ctx_t *tctx = NULL; /* this thread's context */
#pragma omp critical(brink_ens_alloc)
        {
            ok = acc_init(ctx, &local, e->nmonths, e->nyears) == 0;
            tctx = brink_ctx_new_child(ctx);
            if (!tctx && ok) {
                acc_free(ctx, &local);
                ok = 0;
            }
        }
        if (!ok) {
#pragma omp atomic write
            failed = 1;
        }
#pragma omp for schedule(dynamic, 64)
        for (int64_t r = 0; r < (int64_t)runs; r++) {
            int stop;
#pragma omp atomic read
            stop = interrupted;
            if (!ok || stop)
                continue;
            const sim_model_t *mr = sim_model_of(sims[pick_model(cum, nsims, seed, (uint32_t)r)]);
            one_run(tctx, mr, seed, (uint32_t)r, until, e->nmonths, e->nyears, &local);
            uint64_t d;
#pragma omp atomic capture
            d = ++done;
            if (omp_get_thread_num() == 0 && (d & 63) == 0) {
                brink_ctx_progress(ctx, d, runs);
                if (brink_ctx_interrupted(ctx)) {
#pragma omp atomic write
                    interrupted = 1;
                }
            }
        }
        if (ok) {
#pragma omp critical(brink_ens_merge)
            acc_add(&e->a, &local, e->nmonths, e->nyears);
#pragma omp critical(brink_ens_alloc)
            acc_free(ctx, &local);
        }
#pragma omp critical(brink_ens_alloc)
        brink_ctx_free(tctx);
    }
    brink_free(ctx, cum);
    if (failed) {
        brink_ensemble_free(e);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for a worker thread");
    }
    if (interrupted) {
        brink_ensemble_free(e);
        return brink_ctx_error(ctx, BRINK_EINTERRUPT, "the ensemble was interrupted");
    }
    brink_ctx_progress(ctx, runs, runs);
    *out = e;
    return BRINK_OK;
}

void brink_ensemble_free(brink_ensemble_t *e)
{
    if (!e)
        return;
    acc_free(e->ctx, &e->a);
    json_decref(e->provenance);
    brink_free(e->ctx, e);
}

brink_status_t brink_ensemble_set_provenance(brink_ensemble_t *e, const char *scenario_hash,
                                             int argc, char *const *argv)
{
    json_t *p = json_object(), *cmd = json_array();
    if (!p || !cmd)
        goto nomem;
    for (int i = 0; i < argc; i++)
        if (json_array_append_new(cmd, json_string(argv[i])) != 0)
            goto nomem;
    if (json_object_set_new(p, "scenario_hash", json_string(scenario_hash)) != 0 ||
        json_object_set_new(p, "command", cmd) != 0) {
        cmd = NULL;
        goto nomem;
    }
    json_decref(e->provenance);
    e->provenance = p;
    return BRINK_OK;
nomem:
    json_decref(p);
    json_decref(cmd);
    return brink_ctx_error(e->ctx, BRINK_ENOMEM, "out of memory for the provenance");
}

void brink_ensemble_outcome(const brink_ensemble_t *e, int k, double *p, double *lo, double *hi)
{
    double n = e->runs, x = (double)e->a.outcomes[k];
    double ph = n > 0 ? x / n : 0.0, z = 1.959963984540054;
    *p = ph;
    if (n <= 0) {
        *lo = 0.0;
        *hi = 1.0;
        return;
    }
    double den = 1.0 + z * z / n, c = (ph + z * z / (2 * n)) / den;
    double w = z * sqrt(ph * (1 - ph) / n + z * z / (4 * n * n)) / den;
    *lo = fmin(ph, fmax(0.0, c - w));
    *hi = fmax(ph, fmin(1.0, c + w));
}

double brink_ensemble_nuclear_window(const brink_ensemble_t *e)
{
    return e->runs ? (double)e->a.nuclear_window / e->runs : 0.0;
}

static int hist_quantile(const uint32_t *h, int nb, uint64_t total, double q)
{
    if (total == 0)
        return -1;
    double target = q * (double)total;
    uint64_t cum = 0;
    for (int b = 0; b < nb; b++) {
        cum += h[b];
        if ((double)cum >= target && cum > 0)
            return b;
    }
    return nb - 1;
}

void brink_ensemble_milestone(const brink_ensemble_t *e, int k, double *p, int *median, int *q05,
                              int *q95)
{
    const uint32_t *h = e->a.milestones + (size_t)k * (size_t)(e->nmonths + 1);
    uint64_t reached = 0;
    for (int i = 0; i < e->nmonths; i++)
        reached += h[i];
    *p = e->runs ? (double)reached / e->runs : 0.0;
    int a = hist_quantile(h, e->nmonths, reached, 0.5);
    int b = hist_quantile(h, e->nmonths, reached, 0.05);
    int c = hist_quantile(h, e->nmonths, reached, 0.95);
    *median = a < 0 ? -1 : e->m->start + a;
    *q05 = b < 0 ? -1 : e->m->start + b;
    *q95 = c < 0 ? -1 : e->m->start + c;
}

double brink_ensemble_milestone_between(const brink_ensemble_t *e, int k, int from, int to)
{
    const uint32_t *h = e->a.milestones + (size_t)k * (size_t)(e->nmonths + 1);
    uint64_t x = 0;
    for (int mo = from; mo <= to; mo++) {
        int i = mo - e->m->start;
        if (i >= 0 && i < e->nmonths)
            x += h[i];
    }
    return e->runs ? (double)x / e->runs : 0.0;
}

uint32_t brink_ensemble_runs(const brink_ensemble_t *e)
{
    return e->runs;
}

int brink_ensemble_annual_pmf(const brink_ensemble_t *e, int k, int year, double *pmf, size_t n)
{
    int y = year - e->m->start / 12;
    if (k < 0 || k >= BRINK_NCOUNTS || y < 0 || y >= e->nyears || n < NCBINS || e->runs == 0)
        return -1;
    const uint32_t *h = e->a.counts + ((size_t)k * (size_t)e->nyears + (size_t)y) * NCBINS;
    for (size_t i = 0; i < NCBINS; i++)
        pmf[i] = (double)h[i] / (double)e->runs;
    return NCBINS;
}

double brink_ensemble_none_between(const brink_ensemble_t *e, int k, int year0, int year1)
{
    int i = year0 - e->m->start / 12, j = year1 - e->m->start / 12;
    if (k < 0 || k >= BRINK_NCOUNTS || i < 0 || j < i || j >= e->nyears || e->runs == 0)
        return NAN;
    return (double)e->a.zerowin[((size_t)k * (size_t)e->nyears + (size_t)i) * (size_t)e->nyears +
                                (size_t)j] /
           (double)e->runs;
}

void brink_ensemble_annual(const brink_ensemble_t *e, int k, int year, double *mean, int q[5])
{
    static const double qs[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
    int y = year - e->m->start / 12;
    if (y < 0 || y >= e->nyears) {
        *mean = 0;
        for (int i = 0; i < 5; i++)
            q[i] = -1;
        return;
    }
    size_t idx = (size_t)k * (size_t)e->nyears + (size_t)y;
    *mean = e->runs ? (double)e->a.sums[idx] / e->runs : 0.0;
    for (int i = 0; i < 5; i++)
        q[i] = hist_quantile(e->a.counts + idx * NCBINS, NCBINS, e->runs, qs[i]);
}

double brink_ensemble_series_quantile(const brink_ensemble_t *e, int k, int month, double q)
{
    if (month < 0 || month >= e->nmonths)
        return NAN;
    const uint32_t *h = e->a.series + ((size_t)k * (size_t)e->nmonths + (size_t)month) * NBINS;
    int b = hist_quantile(h, NBINS, e->runs, q);
    return (b + 0.5) * series_max[k] / NBINS;
}

int brink_ensemble_record(const brink_ensemble_t *e, int k, int year)
{
    if (!e->has_record || k < 0 || k >= BRINK_NCOUNTS || year < e->rec_y0 || year > e->rec_y1)
        return -1;
    return e->rec[year - e->rec_y0][k];
}

int brink_ensemble_record_years(const brink_ensemble_t *e, int *y0, int *y1)
{
    *y0 = e->rec_y0;
    *y1 = e->rec_y1;
    return e->has_record;
}

double brink_ensemble_record_pattern(const brink_ensemble_t *e, int k)
{
    if (!e->has_record)
        return NAN;
    return sim_record_pattern((const int (*)[BRINK_NCOUNTS + 1])e->rec, e->rec_y0, e->rec_y1,
                              e->observed, k);
}

static double pat_value(int k, int b)
{
    return pat_lo[k] + (b + (pat_int[k] ? 0.0 : 0.5)) * pat_w[k];
}

void brink_ensemble_pattern(const brink_ensemble_t *e, int k, double *defined, double *mean,
                            double *q05, double *q50, double *q95)
{
    uint64_t n = e->a.pat_n[k];
    *defined = e->runs ? (double)n / e->runs : 0.0;
    if (n == 0) {
        *mean = *q05 = *q50 = *q95 = NAN;
        return;
    }
    double sum = 0.0;
    for (int b = 0; b < PBINS; b++)
        sum += e->a.pat[k][b] * pat_value(k, b);
    *mean = sum / (double)n;
    *q05 = pat_value(k, hist_quantile(e->a.pat[k], PBINS, n, 0.05));
    *q50 = pat_value(k, hist_quantile(e->a.pat[k], PBINS, n, 0.5));
    *q95 = pat_value(k, hist_quantile(e->a.pat[k], PBINS, n, 0.95));
}

double brink_ensemble_pattern_at_least(const brink_ensemble_t *e, int k, double x)
{
    uint64_t n = e->a.pat_n[k], c = 0;
    if (n == 0)
        return NAN;
    for (int b = 0; b < PBINS; b++)
        if (pat_value(k, b) >= x - 1e-9)
            c += e->a.pat[k][b];
    return (double)c / (double)n;
}

void brink_ensemble_pooled_rates(const brink_ensemble_t *e, double *in_talks, double *outside)
{
    const uint64_t *p = e->a.pooled;
    *in_talks = p[0] ? (double)p[1] / (double)p[0] : NAN;
    *outside = p[2] ? (double)p[3] / (double)p[2] : NAN;
}

static json_t *month_json(int m)
{
    char buf[8];
    if (m < 0)
        return json_null();
    schema_format_month(m, buf);
    return json_string(buf);
}

brink_status_t brink_ensemble_write_json(const brink_ensemble_t *e, FILE *fp)
{
    json_t *root = json_object(), *o = json_object(), *ms = json_object(), *ac = json_object();
    json_t *chk = json_object();
    if (!root || !o || !ms || !ac || !chk)
        goto nomem;
    json_object_set_new(root, "version", json_string(brink_version()));
    json_object_set_new(root, "scenario", json_string(e->name));
    json_object_set_new(root, "seed", json_integer((json_int_t)e->seed));
    if (e->provenance)
        json_object_update(root, e->provenance);
    json_object_set_new(root, "runs", json_integer(e->runs));
    if (e->nmodels > 1) /* an ensemble over a posterior (brink run --params) */
        json_object_set_new(root, "parameter_sets", json_integer(e->nmodels));
    json_object_set_new(root, "start", month_json(e->m->start));
    json_object_set_new(root, "until", month_json(e->until));
    for (int k = 0; k < BRINK_NOUTCOMES; k++) {
        double p, lo, hi;
        brink_ensemble_outcome(e, k, &p, &lo, &hi);
        json_object_set_new(o, brink_sim_outcome_name(k),
                            json_pack("{s:f,s:f,s:f}", "p", p, "lo", lo, "hi", hi));
    }
    json_object_set_new(root, "outcomes", o);
    for (int k = 0; k < BRINK_NMILESTONES; k++) {
        double p;
        int a, b, c;
        brink_ensemble_milestone(e, k, &p, &a, &b, &c);
        json_object_set_new(ms, brink_sim_milestone_name(k),
                            json_pack("{s:f,s:o,s:o,s:o}", "p_by_horizon", p, "median",
                                      month_json(a), "q05", month_json(b), "q95", month_json(c)));
    }
    json_object_set_new(root, "milestones", ms);
    int y0 = e->m->start / 12;
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        json_t *byyear = json_object();
        for (int y = 0; y < e->nyears; y++) {
            double mean;
            int q[5];
            char key[8];
            brink_ensemble_annual(e, k, y0 + y, &mean, q);
            snprintf(key, sizeof key, "%d", y0 + y);
            json_t *cell = json_pack("{s:f,s:i,s:i,s:i,s:i,s:i}", "mean", mean, "q05", q[0],
                                     "q25", q[1], "q50", q[2], "q75", q[3], "q95", q[4]);
            int h = brink_ensemble_record(e, k, y0 + y);
            if (h >= 0)
                json_object_set_new(cell, "historical", json_integer(h));
            json_object_set_new(byyear, key, cell);
        }
        json_object_set_new(ac, brink_sim_count_name(k), byyear);
    }
    json_object_set_new(root, "annual_counts", ac);
    /* the pattern statistics over the record's years (docs/validation.md) */
    for (int k = 0; k < BRINK_NPATTERNS; k++) {
        double def, mean, q05, q50, q95, rec = brink_ensemble_record_pattern(e, k);
        brink_ensemble_pattern(e, k, &def, &mean, &q05, &q50, &q95);
        json_t *cell = json_pack("{s:f}", "defined", def);
        if (!isnan(mean)) {
            json_object_set_new(cell, "mean", json_real(mean));
            json_object_set_new(cell, "q05", json_real(q05));
            json_object_set_new(cell, "q50", json_real(q50));
            json_object_set_new(cell, "q95", json_real(q95));
        }
        if (!isnan(rec))
            json_object_set_new(cell, "record", json_real(rec));
        json_object_set_new(chk, brink_sim_pattern_name(k), cell);
    }
    json_object_set_new(root, "patterns", chk);
    int rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    fputc('\n', fp);
    json_decref(root);
    return rc == 0 ? BRINK_OK : BRINK_EIO;
nomem:
    json_decref(root);
    json_decref(o);
    json_decref(ms);
    json_decref(ac);
    json_decref(chk);
    return BRINK_ENOMEM;
}

brink_status_t brink_ensemble_write_series_csv(const brink_ensemble_t *e, FILE *fp)
{
    static const double qs[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
    static const char *const qn[5] = {"q05", "q25", "q50", "q75", "q95"};
    char mon[8];
    fputs("date", fp);
    for (int k = 0; k < BRINK_NSERIES; k++)
        for (int i = 0; i < 5; i++)
            fprintf(fp, ",%s_%s", brink_sim_series_name(k), qn[i]);
    fputc('\n', fp);
    for (int mi = 0; mi < e->nmonths; mi++) {
        schema_format_month(e->m->start + mi, mon);
        fputs(mon, fp);
        for (int k = 0; k < BRINK_NSERIES; k++)
            for (int i = 0; i < 5; i++)
                fprintf(fp, ",%.5g", brink_ensemble_series_quantile(e, k, mi, qs[i]));
        fputc('\n', fp);
    }
    return (fflush(fp) != 0 || ferror(fp)) ? BRINK_EIO : BRINK_OK;
}

static void fmt_month(int m, char *buf)
{
    if (m < 0)
        snprintf(buf, 8, "   -   ");
    else
        schema_format_month(m, buf);
}

brink_status_t brink_ensemble_write_text(const brink_ensemble_t *e, FILE *fp)
{
    char a[8], b[8], c[8];
    fprintf(fp, "%s: %u runs, seed %llu, %d months\n\n", e->name, e->runs,
            (unsigned long long)e->seed, e->nmonths);
    fprintf(fp, "Outcomes at the horizon (95%% Wilson intervals)\n");
    for (int k = 0; k < BRINK_NOUTCOMES; k++) {
        double p, lo, hi;
        brink_ensemble_outcome(e, k, &p, &lo, &hi);
        fprintf(fp, "  %-24s %6.3f  [%.3f, %.3f]\n", brink_sim_outcome_name(k), p, lo, hi);
    }
    fprintf(fp, "\nMilestones               reached  median    q05      q95\n");
    for (int k = 0; k < BRINK_NMILESTONES; k++) {
        double p;
        int md, q05, q95;
        brink_ensemble_milestone(e, k, &p, &md, &q05, &q95);
        fmt_month(md, a);
        fmt_month(q05, b);
        fmt_month(q95, c);
        fprintf(fp, "  %-24s %6.3f  %s  %s  %s\n", brink_sim_milestone_name(k), p, a, b, c);
    }
    int ry0, ry1;
    if (!brink_ensemble_record_years(e, &ry0, &ry1)) {
        ry0 = e->m->start / 12;
        ry1 = ry0 + 7;
    }
    if (ry1 > e->until / 12)
        ry1 = e->until / 12;
    if (ry1 - ry0 > 11)
        ry0 = ry1 - 11;
    fprintf(fp, "\nPatterns over %d-%d: record | model mean, median [q05, q95] (share of runs defining it)\n",
            ry0, ry1);
    for (int k = 0; k < BRINK_NPATTERNS; k++) {
        double def, mean, q05, q50, q95, rec = brink_ensemble_record_pattern(e, k);
        brink_ensemble_pattern(e, k, &def, &mean, &q05, &q50, &q95);
        char r[16];
        if (isnan(rec))
            snprintf(r, sizeof r, "-");
        else
            snprintf(r, sizeof r, "%.3g", rec);
        if (isnan(mean))
            fprintf(fp, "  %-26s %8s | -\n", brink_sim_pattern_name(k), r);
        else
            fprintf(fp, "  %-26s %8s | %.3g, %.3g [%.3g, %.3g] (%.2f)\n",
                    brink_sim_pattern_name(k), r, mean, q50, q05, q95, def);
    }
    fprintf(fp, "\nAnnual counts %d-%d: mean, median [q05, q95] | historical\n", ry0, ry1);
    fprintf(fp, "  %-17s", "year");
    for (int y = ry0; y <= ry1; y++)
        fprintf(fp, " %15d", y);
    fputc('\n', fp);
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        fprintf(fp, "  %-17s", brink_sim_count_name(k));
        for (int y = ry0; y <= ry1; y++) {
            double mean;
            int q[5];
            brink_ensemble_annual(e, k, y, &mean, q);
            if (q[2] < 0)
                fprintf(fp, " %15s", "-");
            else {
                char cell[32];
                snprintf(cell, sizeof cell, "%.1f %d[%d,%d]", mean, q[2], q[0], q[4]);
                fprintf(fp, " %15s", cell);
            }
        }
        fprintf(fp, "\n  %-17s", "  historical");
        for (int y = ry0; y <= ry1; y++) {
            int h = brink_ensemble_record(e, k, y);
            if (h < 0)
                fprintf(fp, " %15s", "-");
            else
                fprintf(fp, " %15d", h);
        }
        fputc('\n', fp);
    }
    return (fflush(fp) != 0 || ferror(fp)) ? BRINK_EIO : BRINK_OK;
}
