/*
 * median.c - the median voter models on one dimension: the capability x
 * salience weighted median and the pairwise (Condorcet) winner among the
 * actors' positions.
 */
#include <math.h>

#include "forecast/fc_internal.h"

double brink_fc_weighted_median(const brink_fc_scenario_t *s, size_t d)
{
    const size_t n = s->n, D = s->d;
    double tot = 0.0;
    for (size_t i = 0; i < n; i++)
        tot += s->cap[i] * s->sal[i * D + d];
    /* smallest position whose cumulative weight reaches half (O(N^2), no allocation) */
    double best = NAN;
    for (size_t i = 0; i < n; i++) {
        double x = s->pos[i * D + d], below = 0.0;
        for (size_t j = 0; j < n; j++)
            if (s->pos[j * D + d] <= x)
                below += s->cap[j] * s->sal[j * D + d];
        if (below >= tot / 2.0 && (isnan(best) || x < best))
            best = x;
    }
    return best;
}

double brink_fc_condorcet(const brink_fc_scenario_t *s, size_t d, int *found)
{
    const size_t n = s->n, D = s->d;
    for (size_t a = 0; a < n; a++) {
        double xa = s->pos[a * D + d];
        int wins = 1;
        for (size_t b = 0; b < n && wins; b++) {
            double xb = s->pos[b * D + d];
            if (xb == xa)
                continue;
            double v = 0.0;
            for (size_t k = 0; k < n; k++) {
                double xk = s->pos[k * D + d];
                v += s->cap[k] * s->sal[k * D + d] * (fabs(xk - xb) - fabs(xk - xa));
            }
            if (!(v > 0))
                wins = 0;
        }
        if (wins) {
            if (found)
                *found = 1;
            return xa;
        }
    }
    if (found)
        *found = 0;
    return NAN;
}
