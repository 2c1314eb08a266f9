/*
 * compromise.c - the compromise model: the capability x salience weighted
 * mean of each dimension, and the weighted Nash bargaining solution over
 * KTAB's salience-weighted distance.
 */
#include <math.h>
#include <string.h>

#include "forecast/fc_internal.h"

double brink_fc_weighted_mean(const brink_fc_scenario_t *s, size_t d)
{
    double num = 0.0, den = 0.0;
    for (size_t i = 0; i < s->n; i++) {
        double w = s->cap[i] * s->sal[i * s->d + d];
        num += w * s->pos[i * s->d + d];
        den += w;
    }
    return den > 0 ? num / den : NAN;
}

/* sum_i w_i log(1 - delta_i(x)) on the unit scale, and its gradient. */
static double nash_obj(const brink_fc_scenario_t *s, const double *w, const double *x,
                       double *g)
{
    const size_t n = s->n, d = s->d;
    double f = 0.0;
    if (g)
        memset(g, 0, d * sizeof *g);
    for (size_t i = 0; i < n; i++) {
        if (!(w[i] > 0))
            continue;
        double num = 1e-14, den = 0.0;
        for (size_t k = 0; k < d; k++) {
            double sk = s->sal[i * d + k] / 100.0;
            double dk = (s->pos[i * d + k] / 100.0 - x[k]) * sk;
            num += dk * dk;
            den += sk * sk;
        }
        if (!(den > 0))
            continue;
        double delta = sqrt(num / den);
        if (delta >= 1.0)
            return -INFINITY;
        f += w[i] * log(1.0 - delta);
        if (g) {
            /* d/dx_k of -w log(1-delta) ... gradient of f */
            for (size_t k = 0; k < d; k++) {
                double sk = s->sal[i * d + k] / 100.0;
                double ddel = -(s->pos[i * d + k] / 100.0 - x[k]) * sk * sk / (den * delta);
                g[k] += -w[i] / (1.0 - delta) * ddel;
            }
        }
    }
    return f;
}

brink_status_t brink_fc_nash(brink_ctx_t *ctx, const brink_fc_scenario_t *s, double *out)
{
    if (!ctx || !s || !out)
        return BRINK_EINVAL;
    const size_t n = s->n, d = s->d;
    double *w = brink_malloc(ctx, n * sizeof *w);
    double *x = brink_malloc(ctx, 3 * d * sizeof *x);
    brink_status_t st = BRINK_OK;
    if (!w || !x) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    double *g = x + d, *y = x + 2 * d;
    for (size_t i = 0; i < n; i++) {
        double sig = 0;
        for (size_t k = 0; k < d; k++)
            sig += s->sal[i * d + k] / 100.0;
        w[i] = s->cap[i] * sig;
    }
    for (size_t k = 0; k < d; k++) {
        double m = brink_fc_weighted_mean(s, k);
        x[k] = isfinite(m) ? m / 100.0 : 0.5;
    }
    double f = nash_obj(s, w, x, g), step = 0.1;
    if (!isfinite(f)) {
        st = brink_ctx_error(ctx, BRINK_ENUMERIC,
                             "no point gives every actor positive utility; the Nash solution is undefined");
        goto done;
    }
    for (int it = 0; it < 20000 && step > 1e-13; it++) {
        double gn = 0;
        for (size_t k = 0; k < d; k++)
            gn += g[k] * g[k];
        gn = sqrt(gn);
        if (gn < 1e-15)
            break;
        for (size_t k = 0; k < d; k++) {
            y[k] = x[k] + step * g[k] / gn;
            y[k] = y[k] < 0 ? 0 : (y[k] > 1 ? 1 : y[k]);
        }
        double fy = nash_obj(s, w, y, NULL);
        if (fy > f) {
            memcpy(x, y, d * sizeof *x);
            f = nash_obj(s, w, x, g);
            step *= 1.2;
        } else {
            step *= 0.5;
        }
    }
    for (size_t k = 0; k < d; k++)
        out[k] = x[k] * 100.0;
done:
    brink_free(ctx, w);
    brink_free(ctx, x);
    return st;
}
