/* optim.c - Nelder-Mead minimisation (Nelder and Mead 1965, with the
 * standard coefficients 1, 2, 1/2, 1/2 of Lagarias et al. 1998). */
#include <math.h>
#include <string.h>

#include "calib/optim.h"

static double eval(nm_fn f, void *ud, const double *x)
{
    double v = f(x, ud);
    return isfinite(v) ? v : HUGE_VAL;
}

double nm_minimise(nm_fn f, void *ud, double *x, size_t dim, double step, int maxit,
                   double tol)
{
    double s[NM_MAX_DIM + 1][NM_MAX_DIM], fv[NM_MAX_DIM + 1];
    double c[NM_MAX_DIM], xr[NM_MAX_DIM], xe[NM_MAX_DIM], xc[NM_MAX_DIM];
    size_t n = dim;
    for (size_t i = 0; i <= n; i++) {
        memcpy(s[i], x, n * sizeof *x);
        if (i > 0)
            s[i][i - 1] += step;
        fv[i] = eval(f, ud, s[i]);
    }
    for (int it = 0; it < maxit; it++) {
        /* order: insertion sort by value, ties keep index order */
        for (size_t i = 1; i <= n; i++)
            for (size_t j = i; j > 0 && fv[j] < fv[j - 1]; j--) {
                double t = fv[j];
                fv[j] = fv[j - 1];
                fv[j - 1] = t;
                double tmp[NM_MAX_DIM];
                memcpy(tmp, s[j], n * sizeof *x);
                memcpy(s[j], s[j - 1], n * sizeof *x);
                memcpy(s[j - 1], tmp, n * sizeof *x);
            }
        if (fabs(fv[n] - fv[0]) < tol && isfinite(fv[n]))
            break;
        for (size_t k = 0; k < n; k++) {
            c[k] = 0;
            for (size_t i = 0; i < n; i++)
                c[k] += s[i][k];
            c[k] /= (double)n;
        }
        for (size_t k = 0; k < n; k++)
            xr[k] = c[k] + (c[k] - s[n][k]);
        double fr = eval(f, ud, xr);
        if (fr < fv[0]) {
            for (size_t k = 0; k < n; k++)
                xe[k] = c[k] + 2.0 * (c[k] - s[n][k]);
            double fe = eval(f, ud, xe);
            if (fe < fr) {
                memcpy(s[n], xe, n * sizeof *x);
                fv[n] = fe;
            } else {
                memcpy(s[n], xr, n * sizeof *x);
                fv[n] = fr;
            }
            continue;
        }
        if (fr < fv[n - 1]) {
            memcpy(s[n], xr, n * sizeof *x);
            fv[n] = fr;
            continue;
        }
        int outside = fr < fv[n];
        for (size_t k = 0; k < n; k++)
            xc[k] = outside ? c[k] + 0.5 * (xr[k] - c[k]) : c[k] + 0.5 * (s[n][k] - c[k]);
        double fc = eval(f, ud, xc);
        if (fc < (outside ? fr : fv[n])) {
            memcpy(s[n], xc, n * sizeof *x);
            fv[n] = fc;
            continue;
        }
        for (size_t i = 1; i <= n; i++) { /* shrink towards the best */
            for (size_t k = 0; k < n; k++)
                s[i][k] = s[0][k] + 0.5 * (s[i][k] - s[0][k]);
            fv[i] = eval(f, ud, s[i]);
        }
    }
    size_t best = 0;
    for (size_t i = 1; i <= n; i++)
        if (fv[i] < fv[best])
            best = i;
    memcpy(x, s[best], n * sizeof *x);
    return fv[best];
}
