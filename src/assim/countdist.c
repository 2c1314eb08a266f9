/* countdist.c - the Poisson and negative binomial laws of counts (brink/smc.h):
 * the observation model of the particle filter and the baselines' forecasts. */
#include <math.h>

#include "brink/smc.h"

#define R_MAX 1e8 /* NB with a larger r is Poisson */

double brink_nb_logpmf(long k, double mu, double r)
{
    if (k < 0)
        return -HUGE_VAL;
    if (mu <= 0)
        return k == 0 ? 0.0 : -HUGE_VAL;
    double kd = (double)k;
    if (!(r < R_MAX))
        return kd * log(mu) - mu - lgamma(kd + 1.0);
    return lgamma(kd + r) - lgamma(r) - lgamma(kd + 1.0) + r * log(r / (r + mu)) +
           kd * log(mu / (r + mu));
}

double brink_nb_pmf(long k, double mu, double r) { return exp(brink_nb_logpmf(k, mu, r)); }

void brink_nb_fill(double *pmf, size_t len, double mu, double r)
{
    double sum = 0;
    for (size_t k = 0; k + 1 < len; k++) {
        pmf[k] = brink_nb_pmf((long)k, mu, r);
        sum += pmf[k];
    }
    pmf[len - 1] = sum < 1.0 ? 1.0 - sum : 0.0;
}
