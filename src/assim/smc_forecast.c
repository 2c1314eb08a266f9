/* smc_forecast.c - predictive pmfs of 12-month totals from a conditioned
 * particle filter (brink_smc_forecast_pmfs, brink/smc.h). */
#include <stdlib.h>
#include <string.h>

#include "brink/smc.h"

brink_status_t brink_smc_forecast_pmfs(brink_ctx_t *ctx, brink_smc_t *f, int years, size_t len,
                                       double *pmfs)
{
    uint32_t n = brink_smc_nparticles(f);
    size_t ns = 0;
    brink_status_t st = BRINK_OK;
    if (years < 1 || len < 2 || !pmfs)
        return brink_ctx_error(ctx, BRINK_EINVAL, "particle filter: bad forecast arguments");
    /* the number of series: the model's, through a forecast of 0 months */
    ns = brink_smc_nseries(f);
    double *tot = brink_malloc(ctx, (size_t)n * ns * sizeof *tot);
    if (!tot)
        return BRINK_ENOMEM;
    memset(pmfs, 0, ns * (size_t)years * len * sizeof *pmfs);
    const double *w = brink_smc_weights(f);
    for (int h = 0; h < years && st == BRINK_OK; h++) {
        st = brink_smc_forecast(ctx, f, 12, tot);
        for (uint32_t i = 0; st == BRINK_OK && i < n; i++)
            for (size_t s = 0; s < ns; s++) {
                double v = tot[(size_t)i * ns + s];
                size_t k = v >= (double)(len - 1) ? len - 1 : (size_t)v;
                pmfs[(s * (size_t)years + (size_t)h) * len + k] += w[i];
            }
    }
    brink_free(ctx, tot);
    return st;
}

typedef struct pair {
    double x, w;
} pair_t;

static int cmp_pair(const void *a, const void *b)
{
    double x = ((const pair_t *)a)->x, y = ((const pair_t *)b)->x;
    return (x > y) - (x < y);
}

brink_status_t brink_weighted_quantile(brink_ctx_t *ctx, const double *x, const double *w,
                                       size_t n, double q, double *out)
{
    if (!x || !w || n < 1 || !(q >= 0 && q <= 1))
        return brink_ctx_error(ctx, BRINK_EINVAL, "weighted quantile: bad arguments");
    pair_t *p = brink_malloc(ctx, n * sizeof *p);
    if (!p)
        return BRINK_ENOMEM;
    double tot = 0;
    for (size_t i = 0; i < n; i++) {
        p[i].x = x[i];
        p[i].w = w[i] > 0 ? w[i] : 0;
        tot += p[i].w;
    }
    brink_status_t st = BRINK_OK;
    if (!(tot > 0)) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "weighted quantile: every weight is 0");
    } else {
        qsort(p, n, sizeof *p, cmp_pair); /* ties: equal x, so the order does not matter */
        double c = 0;
        size_t i = 0;
        for (; i + 1 < n; i++) {
            c += p[i].w;
            if (c >= q * tot)
                break;
        }
        *out = p[i].x;
    }
    brink_free(ctx, p);
    return st;
}
