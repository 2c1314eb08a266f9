/* dist.c - factor distributions as inverse CDFs of a unit coordinate, so
 * that every design (grid, random, LHS, Sobol, Morris) is built in the unit
 * cube and mapped the same way. */
#include <math.h>

#include "ensemble/exp_internal.h"

/* Inverse of the standard normal CDF (Acklam's rational approximation,
 * refined by one Halley step with erfc: relative error below 1e-15). */
static double norm_inv(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                               2.445134137142996e+00, 3.754408661907416e+00};
    double q, r, x;
    if (p < 0.02425) {
        q = sqrt(-2 * log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p > 1 - 0.02425) {
        q = sqrt(-2 * log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else {
        q = p - 0.5;
        r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    double e = 0.5 * erfc(-x / sqrt(2)) - p;
    double u = e * sqrt(2 * M_PI) * exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

double exp_dist_value(const exp_factor_t *f, double u)
{
    if (u < 0)
        u = 0;
    if (u > 1)
        u = 1;
    switch (f->dist) {
    case DIST_UNIFORM:
        return f->min + u * (f->max - f->min);
    case DIST_TRIANGULAR: {
        double w = f->max - f->min, c = (f->mode - f->min) / w;
        if (u < c)
            return f->min + sqrt(u * w * (f->mode - f->min));
        return f->max - sqrt((1 - u) * w * (f->max - f->mode));
    }
    case DIST_NORMAL: {
        /* truncated to [min, max] when both are given (min < max), else
         * u is kept inside [1e-9, 1 - 1e-9] so that 0 and 1 stay finite */
        double lo = 1e-9, hi = 1 - 1e-9;
        if (f->min < f->max) {
            lo = 0.5 * erfc(-(f->min - f->mean) / f->sd / sqrt(2));
            hi = 0.5 * erfc(-(f->max - f->mean) / f->sd / sqrt(2));
            if (lo < 1e-12)
                lo = 1e-12;
            if (hi > 1 - 1e-12)
                hi = 1 - 1e-12;
        }
        double v = f->mean + f->sd * norm_inv(lo + u * (hi - lo));
        if (f->min < f->max)
            v = v < f->min ? f->min : v > f->max ? f->max : v;
        return v;
    }
    case DIST_LEVELS:
    case DIST_CATEGORICAL:
    default: {
        size_t i = (size_t)(u * (double)f->nlevels);
        if (i >= f->nlevels)
            i = f->nlevels - 1;
        return f->levels[i];
    }
    }
}
