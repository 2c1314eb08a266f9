/* design.c - design points computed on demand from their index: grid
 * (mixed radix, last factor fastest), list and file (rows), random
 * (Philox draws keyed by the point), LHS (stratified, one point per stratum
 * of every factor), Sobol with Saltelli's A/B/AB scheme, Morris
 * trajectories.  Coordinates live in the unit cube and are mapped through
 * each factor's distribution (dist.c). */
#include <math.h>
#include <string.h>

#include "brink/rng.h"
#include "ensemble/exp_internal.h"

static uint32_t grid_size(const exp_factor_t *f, int steps)
{
    if (f->dist == DIST_LEVELS || f->dist == DIST_CATEGORICAL)
        return (uint32_t)f->nlevels;
    return (uint32_t)steps;
}

brink_status_t exp_design_prepare(brink_experiment_t *exp)
{
    const exp_design_t *d = &exp->f.design;
    size_t k = exp->f.nfactors;
    double total = 0;
    switch (d->type) {
    case DESIGN_GRID:
        total = 1;
        for (size_t i = 0; i < k; i++)
            total *= grid_size(&exp->f.factors[i], d->steps);
        break;
    case DESIGN_LIST:
        total = (double)d->npoints;
        break;
    case DESIGN_FILE:
        total = exp->npoints; /* set by the CSV reader */
        break;
    case DESIGN_RANDOM:
    case DESIGN_LHS:
        total = d->n;
        break;
    case DESIGN_SOBOL:
        total = (double)d->n * (double)(k + 2);
        break;
    case DESIGN_MORRIS:
        total = (double)d->n * (double)(k + 1);
        break;
    }
    if (total * exp->f.replications >= 4294967295.0)
        return brink_ctx_error(exp->ctx, BRINK_ELIMIT,
                               "the experiment has %.0f runs; at most 2^32-1 are supported",
                               total * exp->f.replications);
    exp->npoints = (uint32_t)total;
    if (d->type == DESIGN_LHS) {
        uint32_t n = (uint32_t)d->n;
        exp->lhs_perm = brink_calloc(exp->ctx, k * n, sizeof *exp->lhs_perm);
        if (!exp->lhs_perm)
            return brink_ctx_error(exp->ctx, BRINK_ENOMEM, "out of memory for the LHS design");
        for (size_t f = 0; f < k; f++) {
            uint32_t *p = exp->lhs_perm + f * n;
            brink_rng_t rng;
            brink_rng_init(&rng, (uint64_t)exp->f.seed, (uint32_t)f, 1, BRINK_STREAM_DESIGN);
            for (uint32_t i = 0; i < n; i++)
                p[i] = i;
            for (uint32_t i = n; i > 1; i--) { /* Fisher-Yates */
                uint32_t j = brink_rng_below(&rng, i);
                uint32_t t = p[i - 1];
                p[i - 1] = p[j];
                p[j] = t;
            }
        }
    }
    return BRINK_OK;
}

/* Morris trajectory t, step s: levels on the grid {0, .., p-1}. */
static void morris_point(const brink_experiment_t *exp, uint32_t t, uint32_t s, double *u)
{
    size_t k = exp->f.nfactors;
    int p = exp->f.design.levels, half = p / 2;
    brink_rng_t rng;
    brink_rng_init(&rng, (uint64_t)exp->f.seed, t, 2, BRINK_STREAM_DESIGN);
    /* base levels in the lower half, a random direction per factor (a
     * factor moving down starts in the upper half), a random order */
    int lev[BRINK_SOBOL_MAX_DIM];
    int dir[BRINK_SOBOL_MAX_DIM];
    size_t order[BRINK_SOBOL_MAX_DIM];
    for (size_t i = 0; i < k; i++) {
        lev[i] = (int)brink_rng_below(&rng, (uint32_t)(p - half));
        dir[i] = brink_rng_bernoulli(&rng, 0.5) ? 1 : -1;
        if (dir[i] < 0)
            lev[i] += half;
        order[i] = i;
    }
    for (size_t i = k; i > 1; i--) {
        size_t j = brink_rng_below(&rng, (uint32_t)i);
        size_t tmp = order[i - 1];
        order[i - 1] = order[j];
        order[j] = tmp;
    }
    for (uint32_t m = 0; m < s && m < k; m++)
        lev[order[m]] += dir[order[m]] * half;
    for (size_t i = 0; i < k; i++)
        u[i] = (double)lev[i] / (double)(p - 1);
}

brink_status_t brink_experiment_point(const brink_experiment_t *exp, uint32_t point, double *u,
                                      double *x)
{
    if (!exp || point >= exp->npoints)
        return BRINK_EINVAL;
    const exp_design_t *d = &exp->f.design;
    size_t k = exp->f.nfactors;
    double uu[2 * BRINK_SOBOL_MAX_DIM];
    switch (d->type) {
    case DESIGN_GRID: {
        uint32_t rest = point;
        for (size_t i = k; i-- > 0;) {
            const exp_factor_t *f = &exp->f.factors[i];
            uint32_t g = grid_size(f, d->steps), idx = rest % g;
            rest /= g;
            if (f->dist == DIST_LEVELS || f->dist == DIST_CATEGORICAL) {
                uu[i] = ((double)idx + 0.5) / (double)g;
                if (x)
                    x[i] = f->levels[idx];
            } else {
                uu[i] = (double)idx / (double)(g - 1);
                if (x)
                    x[i] = f->min + (f->max - f->min) * uu[i];
            }
        }
        if (u)
            memcpy(u, uu, k * sizeof *u);
        return BRINK_OK;
    }
    case DESIGN_LIST:
    case DESIGN_FILE:
        for (size_t i = 0; i < k; i++) {
            if (u)
                u[i] = NAN;
            if (x)
                x[i] = exp->rows[(size_t)point * k + i];
        }
        return BRINK_OK;
    case DESIGN_RANDOM: {
        brink_rng_t rng;
        brink_rng_init(&rng, (uint64_t)exp->f.seed, point, 0, BRINK_STREAM_DESIGN);
        for (size_t i = 0; i < k; i++)
            uu[i] = brink_rng_uniform(&rng);
        break;
    }
    case DESIGN_LHS: {
        brink_rng_t rng;
        brink_rng_init(&rng, (uint64_t)exp->f.seed, point, 0, BRINK_STREAM_DESIGN);
        uint32_t n = (uint32_t)d->n;
        for (size_t i = 0; i < k; i++)
            uu[i] = ((double)exp->lhs_perm[i * n + point] + brink_rng_uniform(&rng)) / (double)n;
        break;
    }
    case DESIGN_SOBOL: {
        uint32_t j = point / (uint32_t)(k + 2), m = point % (uint32_t)(k + 2);
        brink_sobol_point((uint32_t)(2 * k), j + 1, uu); /* skip the origin */
        if (m == k + 1)
            memmove(uu, uu + k, k * sizeof *uu);
        else if (m >= 1)
            uu[m - 1] = uu[k + m - 1];
        break;
    }
    case DESIGN_MORRIS:
        morris_point(exp, point / (uint32_t)(k + 1), point % (uint32_t)(k + 1), uu);
        break;
    }
    for (size_t i = 0; i < k; i++) {
        if (u)
            u[i] = uu[i];
        if (x)
            x[i] = exp_dist_value(&exp->f.factors[i], uu[i]);
    }
    return BRINK_OK;
}
