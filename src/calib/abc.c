/* abc.c - ABC-SMC (population Monte Carlo ABC) over a scenario's free
 * parameters (brink/calib.h). */
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "brink/brink.h"

#include "scenario/scenario_internal.h"
#include "scenario/scenario_schema.h"
#include "sim/sim_internal.h"

typedef struct prior {
    int kind;
    double a, b, lo, hi; /* parameters; support [lo, hi] */
} prior_t;

typedef struct abc {
    brink_ctx_t *ctx;
    const brink_abc_target_t *t;
    size_t nt, nf;
    const brink_abc_config_t *cfg;
    prior_t *pr;
    const sc_free_t *fr;
} abc_t;

static double prior_density(const prior_t *p, double x)
{
    if (x < p->lo || x > p->hi)
        return 0.0;
    switch (p->kind) {
    case SC_PRIOR_NORMAL: {
        double z = (x - p->a) / p->b;
        return exp(-0.5 * z * z);
    }
    case SC_PRIOR_LOG_UNIFORM:
        return 1.0 / x;
    default:
        return 1.0;
    }
}

static double prior_draw(const prior_t *p, brink_rng_t *rng)
{
    switch (p->kind) {
    case SC_PRIOR_NORMAL:
        for (int i = 0; i < 100000; i++) { /* rejection into the key's range */
            double x = p->a + p->b * brink_rng_normal(rng);
            if (x >= p->lo && x <= p->hi)
                return x;
        }
        return fmin(p->hi, fmax(p->lo, p->a));
    case SC_PRIOR_LOG_UNIFORM:
        return exp(log(p->a) + brink_rng_uniform(rng) * (log(p->b) - log(p->a)));
    default:
        return p->a + brink_rng_uniform(rng) * (p->b - p->a);
    }
}

/* one simulation: sets the free parameters on the thread's scenario copy,
 * builds the model and runs to until; fills the target summaries */
static int simulate(const abc_t *A, brink_ctx_t *tctx, brink_scenario_t *sc, const double *theta,
                    uint32_t simidx, double *summ)
{
    for (size_t j = 0; j < A->nf; j++)
        if (brink_scenario_set_number(tctx, sc, A->fr[j].path, theta[j]) != BRINK_OK)
            return -1;
    sim_model_t m;
    if (sim_model_init(&m, scenario_data(sc)) != BRINK_OK)
        return -1;
    sim_state_t s;
    sim_state_init(&s, &m, A->cfg->seed, simidx);
    s.ctx = tctx;
    sim_run(&s, A->cfg->until, NULL, NULL);
    int ms[BRINK_NMILESTONES] = {s.first_nuclear, s.first_icbm, s.first_summit,
                                 s.first_agreement, s.first_deal};
    for (size_t k = 0; k < A->nt; k++) {
        const brink_abc_target_t *t = &A->t[k];
        if (t->is_milestone) {
            int mo = ms[t->index];
            summ[k] = mo < 0 || mo > A->cfg->until ? A->cfg->until + 1 : mo;
        } else {
            int y = t->year - m.start / 12;
            summ[k] = y >= 0 && y < 100 && t->year * 12 <= s.month ? s.counts[y][t->index] : 0;
        }
    }
    return 0;
}

static double observed(const abc_t *A, size_t k)
{
    const brink_abc_target_t *t = &A->t[k];
    if (t->is_milestone && t->observed < 0)
        return A->cfg->until + 1;
    return t->observed;
}

static double distance(const abc_t *A, const double *summ, const double *scale)
{
    double d = 0.0;
    for (size_t k = 0; k < A->nt; k++) {
        double z = (summ[k] - observed(A, k)) / scale[k];
        d += z * z;
    }
    return sqrt(d / (double)A->nt);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double quantile_sorted(const double *x, size_t n, double q)
{
    if (n == 0)
        return NAN;
    double h = q * (double)(n - 1);
    size_t i = (size_t)floor(h);
    if (i + 1 >= n)
        return x[n - 1];
    return x[i] + (h - (double)i) * (x[i + 1] - x[i]);
}

/* per-thread resources */
typedef struct worker {
    brink_ctx_t *ctx;
    brink_scenario_t *sc;
} worker_t;

/* simulates candidates [0, nc) of a batch: theta [nc][nf] -> summ [nc][nt];
 * ok[c] = 1 when the simulation ran */
static int run_batch(const abc_t *A, worker_t *w, int nthreads, const double *theta,
                     uint32_t first_sim, size_t nc, double *summ, char *ok)
{
    int interrupted = 0;
#pragma omp parallel for num_threads(nthreads) schedule(dynamic, 4)
    for (int64_t c = 0; c < (int64_t)nc; c++) {
        int tid = omp_get_thread_num(), stop;
#pragma omp atomic read
        stop = interrupted;
        if (stop)
            continue;
        ok[c] = simulate(A, w[tid].ctx, w[tid].sc, theta + (size_t)c * A->nf,
                         first_sim + (uint32_t)c, summ + (size_t)c * A->nt) == 0;
        if (tid == 0 && brink_ctx_interrupted(A->ctx)) {
#pragma omp atomic write
            interrupted = 1;
        }
    }
    return interrupted ? -1 : 0;
}

void brink_abc_result_free(brink_ctx_t *ctx, brink_abc_result_t *r)
{
    if (!r)
        return;
    if (r->paths)
        for (size_t j = 0; j < r->nfree; j++)
            brink_free(ctx, r->paths[j]);
    brink_free(ctx, r->paths);
    brink_free(ctx, r->theta);
    brink_free(ctx, r->weight);
    brink_free(ctx, r->dist);
    brink_free(ctx, r->summary);
    brink_free(ctx, r->scale);
    brink_free(ctx, r->gen);
    brink_free(ctx, r);
}

double brink_abc_quantile(const brink_abc_result_t *r, size_t j, double q)
{
    /* weighted quantile: smallest value whose cumulative weight reaches q */
    size_t n = r->n;
    double best = NAN;
    double cw_best = 2.0;
    for (size_t i = 0; i < n; i++) {
        double x = r->theta[i * r->nfree + j], cw = 0.0;
        for (size_t k = 0; k < n; k++) {
            double y = r->theta[k * r->nfree + j];
            if (y < x || (y == x && k <= i))
                cw += r->weight[k];
        }
        if (cw >= q - 1e-12 && (cw < cw_best || (cw == cw_best && x < best))) {
            cw_best = cw;
            best = x;
        }
    }
    return best;
}

#define ALLOC(p, n) ((p) = brink_calloc(ctx, (size_t)(n), sizeof *(p)))

brink_status_t brink_abc_run(brink_ctx_t *ctx, const brink_scenario_t *scen,
                             const brink_abc_target_t *targets, size_t nt,
                             const brink_abc_config_t *cfg, brink_abc_result_t **out)
{
    *out = NULL;
    const sc_scenario_t *S = scenario_data(scen);
    size_t nf = S->nfree;
    uint32_t N = cfg->particles;
    if (nf == 0)
        return brink_ctx_error(ctx, BRINK_EINVAL, "the scenario marks no parameter as free "
                                                  "(add a free: list with priors)");
    if (nt == 0)
        return brink_ctx_error(ctx, BRINK_EINVAL, "no calibration targets");
    if (N < 2 || !(cfg->alpha > 0 && cfg->alpha < 1) || cfg->until < S->start ||
        cfg->until > S->end)
        return brink_ctx_error(ctx, BRINK_EINVAL, "bad ABC configuration (particles >= 2, "
                                                  "0 < alpha < 1, until within the horizon)");
    if (cfg->budget < 2ull * N)
        return brink_ctx_error(ctx, BRINK_ELIMIT, "the budget of %llu simulations does not "
                               "cover generation 0 (%u)", (unsigned long long)cfg->budget,
                               2 * N);
    abc_t A = {ctx, targets, nt, nf, cfg, NULL, S->free};
    int nthreads = cfg->threads > 0 ? cfg->threads : omp_get_max_threads();
    brink_status_t st = BRINK_ENOMEM;
    worker_t *w = NULL;
    prior_t *pr = NULL;
    double *th = NULL, *su = NULL, *cth = NULL, *csu = NULL, *cd = NULL, *tmp = NULL;
    double *nth = NULL, *nsu = NULL, *nd = NULL, *nw = NULL, *sd = NULL;
    char *cok = NULL;
    brink_abc_result_t *r = NULL;
    size_t B = 2 * (size_t)N; /* batch of proposals */
    if (!ALLOC(w, nthreads) || !ALLOC(pr, nf) || !ALLOC(cth, B * nf) || !ALLOC(csu, B * nt) ||
        !ALLOC(cd, B) || !ALLOC(cok, B) || !ALLOC(tmp, B) || !ALLOC(nth, (size_t)N * nf) ||
        !ALLOC(nsu, (size_t)N * nt) || !ALLOC(nd, N) || !ALLOC(nw, N) || !ALLOC(sd, nf) ||
        !ALLOC(r, 1))
        goto fail;
    A.pr = pr;
    for (size_t j = 0; j < nf; j++) {
        const schema_field_t *f;
        void *addr;
        char why[256];
        if (schema_lookup(&scenario_schema, (void *)(uintptr_t)S, S->free[j].path, &f, &addr,
                          why, sizeof why) != BRINK_OK) {
            st = brink_ctx_error(ctx, BRINK_EINVAL, "%s", why);
            goto fail;
        }
        pr[j].kind = S->free[j].prior;
        pr[j].a = S->free[j].a;
        pr[j].b = S->free[j].b;
        pr[j].lo = pr[j].kind == SC_PRIOR_NORMAL ? f->min : S->free[j].a;
        pr[j].hi = pr[j].kind == SC_PRIOR_NORMAL ? f->max : S->free[j].b;
    }
    for (int i = 0; i < nthreads; i++) {
        w[i].ctx = brink_ctx_new_child(ctx);
        if (!w[i].ctx || brink_scenario_clone(ctx, scen, &w[i].sc) != BRINK_OK)
            goto fail;
    }
    r->nfree = nf;
    r->ntargets = nt;
    r->n = N;
    if (!ALLOC(r->paths, nf) || !ALLOC(r->theta, (size_t)N * nf) || !ALLOC(r->weight, N) ||
        !ALLOC(r->dist, N) || !ALLOC(r->summary, (size_t)N * nt) || !ALLOC(r->scale, nt) ||
        !ALLOC(r->gen, cfg->max_generations + 1))
        goto fail;
    for (size_t j = 0; j < nf; j++) {
        size_t len = strlen(S->free[j].path) + 1;
        if (!(r->paths[j] = brink_malloc(ctx, len)))
            goto fail;
        memcpy(r->paths[j], S->free[j].path, len);
    }
    /* generation 0: 2N prior draws, keep the N closest */
    for (size_t c = 0; c < B; c++) {
        brink_rng_t rng;
        brink_rng_init(&rng, cfg->seed, 1, (uint32_t)c, BRINK_STREAM_PARAMS);
        for (size_t j = 0; j < nf; j++)
            cth[c * nf + j] = prior_draw(&pr[j], &rng);
    }
    uint64_t sims = 0;
    brink_ctx_progress(ctx, 0, cfg->budget);
    if (run_batch(&A, w, nthreads, cth, 0, B, csu, cok) != 0) {
        st = brink_ctx_error(ctx, BRINK_EINTERRUPT, "calibration interrupted");
        goto fail;
    }
    sims = B;
    brink_ctx_progress(ctx, sims, cfg->budget);
    for (size_t c = 0; c < B; c++)
        if (!cok[c]) {
            st = brink_ctx_error(ctx, BRINK_EINVAL, "a prior draw could not be simulated: %s",
                                 brink_ctx_errmsg(w[0].ctx));
            goto fail;
        }
    for (size_t k = 0; k < nt; k++) { /* scales from the prior predictive */
        for (size_t c = 0; c < B; c++)
            tmp[c] = csu[c * nt + k];
        qsort(tmp, B, sizeof *tmp, cmp_double);
        double med = quantile_sorted(tmp, B, 0.5);
        for (size_t c = 0; c < B; c++)
            tmp[c] = fabs(csu[c * nt + k] - med);
        qsort(tmp, B, sizeof *tmp, cmp_double);
        double floor_ = targets[k].is_milestone ? 3.0 : 1.0;
        r->scale[k] = fmax(1.4826 * quantile_sorted(tmp, B, 0.5), floor_);
    }
    for (size_t c = 0; c < B; c++)
        cd[c] = tmp[c] = distance(&A, csu + c * nt, r->scale);
    qsort(tmp, B, sizeof *tmp, cmp_double);
    double eps0 = tmp[N - 1];
    uint32_t kept = 0;
    for (size_t c = 0; c < B && kept < N; c++)
        if (cd[c] <= eps0) {
            memcpy(r->theta + (size_t)kept * nf, cth + c * nf, nf * sizeof *cth);
            memcpy(r->summary + (size_t)kept * nt, csu + c * nt, nt * sizeof *csu);
            r->dist[kept] = cd[c];
            r->weight[kept] = 1.0 / N;
            kept++;
        }
    r->gen[0] = (brink_abc_generation_t){eps0, B, (double)N / (double)B, (double)N};
    r->ngen = 1;
    /* generations 1, 2, ... */
    for (uint32_t g = 1; g < cfg->max_generations; g++) {
        for (uint32_t i = 0; i < N; i++)
            tmp[i] = r->dist[i];
        qsort(tmp, N, sizeof *tmp, cmp_double);
        double eps = quantile_sorted(tmp, N, cfg->alpha);
        for (size_t j = 0; j < nf; j++) { /* kernel: twice the weighted variance */
            double m = 0.0, v = 0.0;
            for (uint32_t i = 0; i < N; i++)
                m += r->weight[i] * r->theta[(size_t)i * nf + j];
            for (uint32_t i = 0; i < N; i++) {
                double d = r->theta[(size_t)i * nf + j] - m;
                v += r->weight[i] * d * d;
            }
            sd[j] = sqrt(2.0 * v);
            if (!(sd[j] > 0))
                sd[j] = 1e-9 * (pr[j].hi - pr[j].lo);
        }
        uint32_t acc = 0;
        uint64_t proposed = 0;
        int complete = 0;
        uint32_t batch = 0;
        while (sims + B <= cfg->budget) {
            for (size_t c = 0; c < B; c++) {
                brink_rng_t rng;
                brink_rng_init(&rng, cfg->seed, 1 + g, batch * (uint32_t)B + (uint32_t)c,
                               BRINK_STREAM_PARAMS);
                double *x = cth + c * nf;
                for (int tries = 0;; tries++) {
                    double u = brink_rng_uniform(&rng), cum = 0.0;
                    uint32_t pick = N - 1;
                    for (uint32_t i = 0; i < N; i++) {
                        cum += r->weight[i];
                        if (cum > u) {
                            pick = i;
                            break;
                        }
                    }
                    int inside = 1;
                    for (size_t j = 0; j < nf; j++) {
                        x[j] = r->theta[(size_t)pick * nf + j] + sd[j] * brink_rng_normal(&rng);
                        if (prior_density(&pr[j], x[j]) <= 0.0)
                            inside = 0;
                    }
                    if (inside)
                        break;
                    if (tries > 100000) { /* the kernel cannot leave the support's edge */
                        for (size_t j = 0; j < nf; j++)
                            x[j] = r->theta[(size_t)pick * nf + j];
                        break;
                    }
                }
            }
            if (run_batch(&A, w, nthreads, cth, (uint32_t)sims, B, csu, cok) != 0) {
                st = brink_ctx_error(ctx, BRINK_EINTERRUPT, "calibration interrupted");
                goto fail;
            }
            sims += B;
            brink_ctx_progress(ctx, sims, cfg->budget);
            for (size_t c = 0; c < B && acc < N; c++) {
                proposed++;
                if (!cok[c])
                    continue;
                double d = distance(&A, csu + c * nt, r->scale);
                if (d > eps)
                    continue;
                memcpy(nth + (size_t)acc * nf, cth + c * nf, nf * sizeof *cth);
                memcpy(nsu + (size_t)acc * nt, csu + c * nt, nt * sizeof *csu);
                nd[acc] = d;
                acc++;
            }
            batch++;
            if (acc == N) {
                complete = 1;
                break;
            }
            if ((double)acc / (double)proposed < cfg->min_acceptance && proposed >= 4 * B)
                break;
        }
        if (!complete)
            break; /* budget or acceptance exhausted: keep generation g-1 */
        double sw = 0.0;
        for (uint32_t i = 0; i < N; i++) {
            double num = 1.0, den = 0.0;
            for (size_t j = 0; j < nf; j++)
                num *= prior_density(&pr[j], nth[(size_t)i * nf + j]);
            for (uint32_t k = 0; k < N; k++) {
                double lk = 0.0;
                for (size_t j = 0; j < nf; j++) {
                    double z = (nth[(size_t)i * nf + j] - r->theta[(size_t)k * nf + j]) / sd[j];
                    lk += -0.5 * z * z;
                }
                den += r->weight[k] * exp(lk);
            }
            nw[i] = den > 0 ? num / den : 0.0;
            sw += nw[i];
        }
        double ess = 0.0;
        for (uint32_t i = 0; i < N; i++) {
            nw[i] /= sw;
            ess += nw[i] * nw[i];
        }
        memcpy(r->theta, nth, (size_t)N * nf * sizeof *nth);
        memcpy(r->summary, nsu, (size_t)N * nt * sizeof *nsu);
        memcpy(r->dist, nd, N * sizeof *nd);
        memcpy(r->weight, nw, N * sizeof *nw);
        r->gen[r->ngen++] = (brink_abc_generation_t){eps, proposed, (double)N / (double)proposed,
                                                     1.0 / ess};
        if ((double)N / (double)proposed < cfg->min_acceptance)
            break;
    }
    r->simulations = sims;
    *out = r;
    r = NULL;
    st = BRINK_OK;
fail:
    if (st == BRINK_ENOMEM && !*out)
        brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for the calibration");
    if (w)
        for (int i = 0; i < nthreads; i++) {
            brink_scenario_free(w[i].sc);
            brink_ctx_free(w[i].ctx);
        }
    brink_free(ctx, w);
    brink_free(ctx, pr);
    brink_free(ctx, th);
    brink_free(ctx, su);
    brink_free(ctx, cth);
    brink_free(ctx, csu);
    brink_free(ctx, cd);
    brink_free(ctx, cok);
    brink_free(ctx, tmp);
    brink_free(ctx, nth);
    brink_free(ctx, nsu);
    brink_free(ctx, nd);
    brink_free(ctx, nw);
    brink_free(ctx, sd);
    brink_abc_result_free(ctx, r);
    return st;
}
