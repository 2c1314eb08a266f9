/* score.c - proper scoring rules for predictive distributions of counts and
 * the naive baselines' scores (brink/calib.h). */
#include <math.h>

#include "brink/calib.h"

double brink_crps_pmf(const double *pmf, size_t n, long y)
{
    double s = 0.0, F = 0.0;
    long last = (long)n - 1 > y ? (long)n - 1 : y;
    for (long k = 0; k <= last; k++) {
        if (k < (long)n)
            F += pmf[k];
        double d = F - (k >= y ? 1.0 : 0.0);
        s += d * d;
    }
    return s; /* beyond max(n-1, y) both terms are 1 */
}

double brink_crps_sorted_sample(const double *x, size_t n, double y)
{
    if (n == 0)
        return NAN;
    /* E|X-y| and E|X-X'| = (2/n^2) sum_i (2i - n + 1) x_(i), i = 0..n-1 */
    double a = 0.0, b = 0.0, dn = (double)n;
    for (size_t i = 0; i < n; i++) {
        a += fabs(x[i] - y);
        b += (2.0 * (double)i - dn + 1.0) * x[i];
    }
    return a / dn - b / (dn * dn);
}

double brink_crps_point(double x, double y)
{
    return fabs(x - y);
}

double brink_crps_poisson(double lambda, long y)
{
    if (lambda <= 0.0)
        return (double)y;
    double p = exp(-lambda), F = 0.0, s = 0.0;
    for (long k = 0;; k++) {
        if (k > 0)
            p *= lambda / (double)k;
        F += p;
        double d = F - (k >= y ? 1.0 : 0.0);
        s += d * d;
        if (k >= y && k > lambda && (1.0 - F) * (1.0 - F) * (double)(k + 1) < 1e-15)
            break;
        if (k > 100000)
            break;
    }
    return s;
}

/* geometric distribution on 0, 1, ... with mean m: P(k) = (1/(1+m)) (m/(1+m))^k */
static double geom_pmf(double m, long y)
{
    double r = m / (1.0 + m);
    return exp((double)y * log(r)) / (1.0 + m);
}

static double smoothed_log(double p, double mean, long y, double eps)
{
    double m = mean > 1.0 ? mean : 1.0;
    return -log((1.0 - eps) * p + eps * geom_pmf(m, y));
}

double brink_pmf_mean(const double *pmf, size_t n)
{
    double s = 0.0;
    for (size_t k = 0; k < n; k++)
        s += (double)k * pmf[k];
    return s;
}

double brink_logscore_pmf(const double *pmf, size_t n, long y, double eps)
{
    double p = y >= 0 && y < (long)n ? pmf[y] : 0.0;
    return smoothed_log(p, brink_pmf_mean(pmf, n), y, eps);
}

double brink_logscore_poisson(double lambda, long y, double eps)
{
    double p = lambda > 0.0 ? exp((double)y * log(lambda) - lambda - lgamma((double)y + 1.0))
                            : (y == 0 ? 1.0 : 0.0);
    return smoothed_log(p, lambda, y, eps);
}

double brink_logscore_point(long x, long y, double eps)
{
    return smoothed_log(x == y ? 1.0 : 0.0, (double)x, y, eps);
}

double brink_pit_pmf(const double *pmf, size_t n, long y, double v)
{
    double below = 0.0;
    for (long k = 0; k < y && k < (long)n; k++)
        below += pmf[k];
    double at = y >= 0 && y < (long)n ? pmf[y] : 0.0;
    double u = below + v * at;
    return u > 1.0 ? 1.0 : u;
}

long brink_pmf_quantile(const double *pmf, size_t n, double q)
{
    double F = 0.0;
    for (size_t k = 0; k < n; k++) {
        F += pmf[k];
        if (F >= q - 1e-12)
            return (long)k;
    }
    return (long)n - 1;
}

int brink_pmf_covers(const double *pmf, size_t n, long y, double level)
{
    long lo = brink_pmf_quantile(pmf, n, (1.0 - level) / 2.0);
    long hi = brink_pmf_quantile(pmf, n, (1.0 + level) / 2.0);
    return y >= lo && y <= hi;
}
