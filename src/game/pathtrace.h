/* pathtrace.h - following a smooth curve H(x) = 0, H: R^(n+1) -> R^n, from
 * a point on it: the predictor-corrector scheme of Allgower and Georg
 * (Numerical Continuation Methods, 1990, sections 5.2 and 6.1).
 *
 * Each step: an Euler predictor of length h along the unit tangent; a QR
 * factorisation of the transposed Jacobian at the predicted point by Givens
 * rotations; chord (Gauss-Newton) corrector iterations with that
 * factorisation until the correction is below 1e-4.  A step is rejected
 * (and h divided by the maximum deceleration) when a correction reaches
 * 0.4, when the corrector contracts by less than 0.6 per iteration, or when
 * the tangent reverses, which marks a bifurcation: the first equation is
 * then perturbed (by 1e-7 in Gambit) for twice the step length to pass it.  After an
 * accepted step h is divided by the deceleration the corrector suggests
 * (sqrt(distance / 0.4) and sqrt(contraction / 0.6), times the maximum
 * deceleration, at most that maximum and at least its inverse).
 *
 * These are the constants of Gambit's logit tracer (first step 0.03,
 * maximum deceleration 1.1), so that an end point chosen by the same
 * stopping rule is Gambit's end point to printing precision.
 *
 * An optional criterion c(x, t) brackets a point of interest: once it
 * changes sign between two accepted points the step length follows the
 * secant rule towards its zero (used to land on a given lambda). */
#ifndef BRINK_GAME_PATHTRACE_H
#define BRINK_GAME_PATHTRACE_H

#include "brink/core.h"

typedef struct path_system {
    int n;      /* equations; points have n + 1 coordinates */
    void *data; /* passed to every callback */
    /* H(x) (n values) and, if J is not NULL, its Jacobian as n rows of n + 1 */
    void (*eval)(void *data, const double *x, double *H, double *J);
    /* nonzero: x is the end point (checked before every step) */
    int (*stop)(void *data, const double *x);
    /* each accepted point; a nonzero return aborts the trace (out of memory) */
    int (*point)(void *data, const double *x);
    /* optional criterion c(x, t), see above; NULL for none */
    double (*criterion)(void *data, const double *x, const double *t);
} path_system_t;

typedef enum {
    PATH_DONE,        /* stop() said so */
    PATH_MINSTEP,     /* the step length fell below 1e-8 */
    PATH_MAXITER,     /* the corrector did not converge in 100 iterations */
    PATH_ABORTED,     /* point() failed, or out of memory */
    PATH_INTERRUPTED  /* the context was interrupted */
} path_result_t;

/* traces from x (n + 1 values, on the curve) in the direction of the
 * tangent whose last coordinate is positive; x is left at the last accepted
 * point.  hstart: first step length; maxdecel: maximum deceleration (> 1);
 * pert: the perturbation of the first equation past a bifurcation (1e-7 in
 * Gambit). */
path_result_t path_trace(brink_ctx_t *ctx, const path_system_t *S, double *x, double hstart,
                         double maxdecel, double pert);

#endif
