/* morris.c - Morris (1991) elementary effects with the mu* of Campolongo,
 * Cariboni and Saltelli (2007): per factor the mean (mu), the mean of
 * absolute values (mu*) and the standard deviation (sigma, n-1) of the
 * elementary effects dy/du, one per trajectory. */
#include <math.h>

#include "ensemble/exp_internal.h"

brink_status_t brink_morris_analyze(const double *u, const double *y, size_t r, size_t k,
                                    double *mu, double *mustar, double *sigma)
{
    if (r == 0 || k == 0)
        return BRINK_EINVAL;
    for (size_t i = 0; i < k; i++)
        mu[i] = mustar[i] = sigma[i] = 0;
    /* two passes: means, then the sum of squared deviations */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t t = 0; t < r; t++) {
            for (size_t s = 0; s < k; s++) {
                const double *u0 = u + (t * (k + 1) + s) * k, *u1 = u0 + k;
                size_t moved = k;
                for (size_t i = 0; i < k; i++)
                    if (fabs(u1[i] - u0[i]) > 1e-12) {
                        if (moved != k)
                            return BRINK_EINVAL;
                        moved = i;
                    }
                if (moved == k)
                    return BRINK_EINVAL;
                double ee = (y[t * (k + 1) + s + 1] - y[t * (k + 1) + s]) /
                            (u1[moved] - u0[moved]);
                if (pass == 0) {
                    mu[moved] += ee / (double)r;
                    mustar[moved] += fabs(ee) / (double)r;
                } else {
                    sigma[moved] += (ee - mu[moved]) * (ee - mu[moved]);
                }
            }
        }
    }
    for (size_t i = 0; i < k; i++)
        sigma[i] = r > 1 ? sqrt(sigma[i] / (double)(r - 1)) : 0;
    return BRINK_OK;
}
