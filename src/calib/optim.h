/* optim.h - Nelder-Mead minimisation (internal to the calib module; used by
 * the baselines' maximum-likelihood fits). */
#ifndef BRINK_CALIB_OPTIM_H
#define BRINK_CALIB_OPTIM_H

#include <stddef.h>

#define NM_MAX_DIM 8

typedef double (*nm_fn)(const double *x, void *ud);

/** Minimises f from x (dim <= NM_MAX_DIM) with an initial simplex of steps
 *  step along each axis; at most maxit iterations, stopping early when the
 *  simplex's function values differ by less than tol.  Deterministic.
 *  Writes the best point into x and returns its value.  Non-finite values
 *  of f count as +infinity. */
double nm_minimise(nm_fn f, void *ud, double *x, size_t dim, double step, int maxit,
                   double tol);

#endif
