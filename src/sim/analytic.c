/* analytic.c - closed forms of the literature results the model builds on
 * (literature.md; docs/model.md, section 10).  They are the oracles the
 * mechanisms are tested against and the reference for their parameters. */
#include <math.h>

#include "sim/sim_analytic.h"

int sim_richardson_equilibrium(double a, double b, double m, double n, double g, double h,
                               double *x, double *y)
{
    double det = m * n - a * b;
    if (det == 0.0)
        return -1;
    *x = (a * h + n * g) / det;
    *y = (b * g + m * h) / det;
    return 0;
}

void sim_richardson_eigen(double a, double b, double m, double n, double *l1, double *l2)
{
    /* J = [[-m, a], [b, -n]]: real eigenvalues since (m-n)^2 + 4ab > 0 */
    double tr = -(m + n), det = m * n - a * b;
    double disc = sqrt(tr * tr - 4.0 * det);
    *l1 = 0.5 * (tr + disc);
    *l2 = 0.5 * (tr - disc);
}

double sim_richardson_discrete_radius(double d1, double d2, double a1, double a2)
{
    /* M = [[1-a1, d1], [d2, 1-a2]] */
    double tr = (1 - a1) + (1 - a2), det = (1 - a1) * (1 - a2) - d1 * d2;
    double disc = tr * tr - 4.0 * det;
    if (disc >= 0.0) {
        double r1 = fabs(0.5 * (tr + sqrt(disc))), r2 = fabs(0.5 * (tr - sqrt(disc)));
        return r1 > r2 ? r1 : r2;
    }
    return sqrt(det);
}

void sim_fearon_range(double p, double ca, double cb, double *lo, double *hi)
{
    *lo = p - ca;
    *hi = p + cb;
}

double sim_nash_1d(double (*ua)(double, const void *), double (*ub)(double, const void *),
                   const void *ud, double da, double db, int n)
{
    double best = -1.0, arg = NAN;
    for (int k = 0; k <= n; k++) {
        double x = (double)k / n, sa = ua(x, ud) - da, sb = ub(x, ud) - db;
        if (sa <= 0.0 || sb <= 0.0)
            continue;
        if (sa * sb > best) {
            best = sa * sb;
            arg = x;
        }
    }
    return arg;
}

void sim_fearon_screening(double p, double ca, double cbar, double *x, double *pwar,
                          double *eu)
{
    if (cbar > ca) {
        *x = p + (cbar - ca) / 2.0;
        *pwar = (cbar - ca) / (2.0 * cbar);
    } else {
        *x = p;
        *pwar = 0.0;
    }
    *eu = (1.0 - *pwar) * *x + *pwar * (p - ca);
}

int sim_preventive_war(double p, double p2, double delta, double ca)
{
    return delta * (p - p2) > (1.0 - delta) * (1.0 - p + ca);
}

double sim_logit2(double delta_u, double lambda)
{
    return 1.0 / (1.0 + exp(-lambda * delta_u));
}

double sim_brinkmanship_resolve(double w, double s, double d)
{
    return (w - s) / (w - d);
}
