/* sobol_indices.c - first-order and total Sobol indices from a Saltelli
 * design: the first-order estimator of Saltelli et al. (2010, Comput. Phys.
 * Commun. 181, 259-270, table 2 (b)) and the total estimator of Jansen
 * (1999, table 2 (f)), with percentile bootstrap confidence intervals over
 * the base rows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brink/rng.h"
#include "ensemble/exp_internal.h"

/* Estimates S1 and ST (k each) from the rows idx[0..n-1]. */
static int estimate(const double *y, size_t k, const uint32_t *idx, size_t n, double *s1,
                    double *st, double *var)
{
    size_t w = k + 2;
    double mean = 0, m2 = 0;
    size_t cnt = 0;
    for (size_t r = 0; r < n; r++) {
        const double *row = y + (size_t)idx[r] * w;
        for (int e = 0; e < 2; e++) {
            double v = e ? row[k + 1] : row[0];
            cnt++;
            double d = v - mean;
            mean += d / (double)cnt;
            m2 += d * (v - mean);
        }
    }
    double V = m2 / (double)cnt;
    if (var)
        *var = V;
    if (!(V > 0))
        return -1;
    for (size_t i = 0; i < k; i++) {
        double a = 0, b = 0;
        for (size_t r = 0; r < n; r++) {
            const double *row = y + (size_t)idx[r] * w;
            double fa = row[0], fab = row[1 + i], fb = row[k + 1];
            a += fb * (fab - fa);
            b += (fa - fab) * (fa - fab);
        }
        s1[i] = a / (double)n / V;
        st[i] = 0.5 * b / (double)n / V;
    }
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double quantile_sorted(const double *v, size_t n, double q)
{
    double h = q * (double)(n - 1);
    size_t lo = (size_t)floor(h);
    if (lo + 1 >= n)
        return v[n - 1];
    return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

void brink_sobol_indices_free(brink_ctx_t *ctx, brink_sobol_indices_t *r)
{
    if (!r)
        return;
    brink_free(ctx, r->s1);
    memset(r, 0, sizeof *r);
}

brink_status_t brink_sobol_analyze(brink_ctx_t *ctx, const double *y, size_t n, size_t k,
                                   uint32_t bootstrap, uint64_t seed, brink_sobol_indices_t *r)
{
    brink_status_t st = BRINK_OK;
    memset(r, 0, sizeof *r);
    if (n < 2 || k == 0)
        return brink_ctx_error(ctx, BRINK_EINVAL, "sobol analysis needs N >= 2 base rows");
    uint32_t *idx = brink_calloc(ctx, n, sizeof *idx);
    double *all = brink_calloc(ctx, 6 * k, sizeof *all);
    double *bs1 = bootstrap ? brink_calloc(ctx, (size_t)bootstrap * k, sizeof *bs1) : NULL;
    double *bst = bootstrap ? brink_calloc(ctx, (size_t)bootstrap * k, sizeof *bst) : NULL;
    double *tmp = brink_calloc(ctx, 2 * k + (size_t)bootstrap, sizeof *tmp);
    if (!idx || !all || !tmp || (bootstrap && (!bs1 || !bst))) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for the sobol analysis");
        goto cleanup;
    }
    r->k = k;
    r->s1 = all, r->s1_lo = all + k, r->s1_hi = all + 2 * k;
    r->st = all + 3 * k, r->st_lo = all + 4 * k, r->st_hi = all + 5 * k;
    for (size_t j = 0; j < n; j++)
        idx[j] = (uint32_t)j;
    if (estimate(y, k, idx, n, r->s1, r->st, &r->variance) != 0) {
        st = brink_ctx_error(ctx, BRINK_EINVAL,
                             "the output has zero (or undefined) variance: no indices");
        goto cleanup;
    }
    all = NULL; /* owned by r now */
    for (uint32_t b = 0; b < bootstrap; b++) {
        brink_rng_t rng;
        brink_rng_init(&rng, seed, b, 0, BRINK_STREAM_BOOTSTRAP);
        for (size_t j = 0; j < n; j++)
            idx[j] = brink_rng_below(&rng, (uint32_t)n);
        if (estimate(y, k, idx, n, tmp, tmp + k, NULL) != 0) {
            for (size_t i = 0; i < k; i++)
                tmp[i] = tmp[k + i] = 0; /* a degenerate resample: no variance */
        }
        for (size_t i = 0; i < k; i++) {
            bs1[i * bootstrap + b] = tmp[i];
            bst[i * bootstrap + b] = tmp[k + i];
        }
    }
    for (size_t i = 0; i < k; i++) {
        if (!bootstrap) {
            r->s1_lo[i] = r->s1_hi[i] = r->s1[i];
            r->st_lo[i] = r->st_hi[i] = r->st[i];
            continue;
        }
        double *v1 = bs1 + i * bootstrap, *vt = bst + i * bootstrap;
        qsort(v1, bootstrap, sizeof *v1, cmp_double);
        qsort(vt, bootstrap, sizeof *vt, cmp_double);
        r->s1_lo[i] = quantile_sorted(v1, bootstrap, 0.025);
        r->s1_hi[i] = quantile_sorted(v1, bootstrap, 0.975);
        r->st_lo[i] = quantile_sorted(vt, bootstrap, 0.025);
        r->st_hi[i] = quantile_sorted(vt, bootstrap, 0.975);
    }
cleanup:
    if (st != BRINK_OK)
        memset(r, 0, sizeof *r);
    brink_free(ctx, idx);
    brink_free(ctx, all);
    brink_free(ctx, bs1);
    brink_free(ctx, bst);
    brink_free(ctx, tmp);
    return st;
}
