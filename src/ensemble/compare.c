/* compare.c - a baseline against a what-if with common random numbers
 * (brink_sim_compare): run r of both models draws from the same stream, so
 * the difference of every scalar output is estimated from paired runs.
 * Runs are made in blocks on OpenMP threads and reduced in run order, so
 * the result is identical for every thread count. */
#include <math.h>
#include <omp.h>
#include <string.h>

#include "brink/brink.h"

#define BLOCK 512

struct brink_compare {
    uint32_t runs;
    size_t n;
    double *sa, *sb, *sd, *sdd; /* sums: a, b, d = b - a, d^2 */
};

void brink_compare_free(brink_ctx_t *ctx, brink_compare_t *c)
{
    if (!c)
        return;
    brink_free(ctx, c->sa);
    brink_free(ctx, c->sb);
    brink_free(ctx, c->sd);
    brink_free(ctx, c->sdd);
    brink_free(ctx, c);
}

uint32_t brink_compare_runs(const brink_compare_t *c)
{
    return c->runs;
}

void brink_compare_output(const brink_compare_t *c, size_t k, double *a, double *b, double *diff,
                          double *lo, double *hi)
{
    double n = (double)c->runs, md = c->sd[k] / n;
    double var = c->runs > 1 ? (c->sdd[k] - n * md * md) / (n - 1.0) : 0.0;
    double h = 1.959963984540054 * sqrt(fmax(var, 0.0) / n);
    *a = c->sa[k] / n;
    *b = c->sb[k] / n;
    *diff = md;
    *lo = md - h;
    *hi = md + h;
}

brink_status_t brink_sim_compare(brink_ctx_t *ctx, const brink_sim_t *base, const brink_sim_t *what_if,
                                 uint64_t seed, uint32_t runs, int threads, int until,
                                 brink_compare_t **out)
{
    brink_status_t st = BRINK_OK;
    size_t n;
    brink_sim_output_names(&n);
    brink_compare_t *c = NULL;
    double *va = NULL, *vb = NULL;
    *out = NULL;
    if (runs < 1 || brink_sim_start(base) != brink_sim_start(what_if) ||
        brink_sim_end(base) != brink_sim_end(what_if)) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "compare: expected at least one run of two "
                             "models with the same horizon");
        goto cleanup;
    }
    c = brink_calloc(ctx, 1, sizeof *c);
    if (!c || !(c->sa = brink_calloc(ctx, n, sizeof(double))) ||
        !(c->sb = brink_calloc(ctx, n, sizeof(double))) ||
        !(c->sd = brink_calloc(ctx, n, sizeof(double))) ||
        !(c->sdd = brink_calloc(ctx, n, sizeof(double))) ||
        !(va = brink_malloc(ctx, BLOCK * n * sizeof(double))) ||
        !(vb = brink_malloc(ctx, BLOCK * n * sizeof(double)))) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for a comparison");
        goto cleanup;
    }
    c->runs = runs;
    c->n = n;
    if (threads <= 0)
        threads = omp_get_max_threads();
    for (uint32_t r0 = 0; r0 < runs; r0 += BLOCK) {
        uint32_t m = runs - r0 < BLOCK ? runs - r0 : BLOCK;
        int failed = 0;
#pragma omp parallel num_threads(threads)
        {
            brink_ctx_t *tctx;
#pragma omp critical(brink_cmp_alloc)
            tctx = brink_ctx_new_child(ctx);
            if (!tctx) {
#pragma omp atomic write
                failed = 1;
            }
#pragma omp for schedule(dynamic, 16)
            for (uint32_t i = 0; i < m; i++) {
                brink_sim_summary_t s;
                if (!tctx)
                    continue;
                brink_sim_run_summary(tctx, base, seed, 0, r0 + i, until, &s, NULL, 0);
                brink_sim_summary_values(&s, va + (size_t)i * n);
                brink_sim_run_summary(tctx, what_if, seed, 0, r0 + i, until, &s, NULL, 0);
                brink_sim_summary_values(&s, vb + (size_t)i * n);
            }
#pragma omp critical(brink_cmp_alloc)
            brink_ctx_free(tctx);
        }
        if (failed) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for a comparison");
            goto cleanup;
        }
        for (uint32_t i = 0; i < m; i++)
            for (size_t k = 0; k < n; k++) {
                double a = va[(size_t)i * n + k], b = vb[(size_t)i * n + k];
                c->sa[k] += a;
                c->sb[k] += b;
                c->sd[k] += b - a;
                c->sdd[k] += (b - a) * (b - a);
            }
        brink_ctx_progress(ctx, r0 + m, runs);
        if (r0 + m < runs && brink_ctx_interrupted(ctx)) {
            st = brink_ctx_error(ctx, BRINK_EINTERRUPT, "the comparison was interrupted");
            goto cleanup;
        }
    }
    *out = c;
    c = NULL;
cleanup:
    brink_free(ctx, va);
    brink_free(ctx, vb);
    brink_compare_free(ctx, c);
    return st;
}
