/* pathtrace.c - predictor-corrector curve following (see pathtrace.h).
 *
 * Storage: b is the transposed Jacobian, (n + 1) rows by n columns, which
 * the Givens rotations reduce to R (upper triangular in its first n rows);
 * q, (n + 1) x (n + 1), accumulates the rotations, so q b_original = R and
 * the last row of q spans the kernel of the Jacobian: the tangent.  A
 * corrector step solves R' y = H by forward substitution and moves by
 * -q' y, the minimum-norm solution of J dx = -H. */
#include <math.h>
#include <string.h>

#include "game/pathtrace.h"

#define B(i, j) b[(size_t)(i) * (size_t)n + (size_t)(j)]
#define Q(i, j) q[(size_t)(i) * (size_t)m + (size_t)(j)]

static const double c_tol = 1.0e-4;   /* corrector convergence */
static const double c_maxdist = 0.4;  /* largest corrector step */
static const double c_maxcontr = 0.6; /* slowest corrector contraction */
static const double c_eta = 0.1;      /* guards the contraction ratio */
static const double c_hmin = 1.0e-8;  /* smallest step length */
static const int c_maxiter = 100;     /* corrector iterations */

/* rotates rows l1 and l2 of q (all columns) and of b (columns from l3) so
 * that b(l2, l1) becomes 0 */
static void givens(double *b, double *q, int n, int m, int l1, int l2, int l3)
{
    double c1 = B(l1, l1), c2 = B(l2, l1);
    if (fabs(c1) + fabs(c2) == 0.0)
        return;
    double sn = fabs(c2) >= fabs(c1) ? sqrt(1.0 + (c1 / c2) * (c1 / c2)) * fabs(c2)
                                     : sqrt(1.0 + (c2 / c1) * (c2 / c1)) * fabs(c1);
    double s1 = c1 / sn, s2 = c2 / sn;
    for (int k = 0; k < m; k++) {
        double v1 = Q(l1, k), v2 = Q(l2, k);
        Q(l1, k) = s1 * v1 + s2 * v2;
        Q(l2, k) = -s2 * v1 + s1 * v2;
    }
    for (int k = l3; k < n; k++) {
        double v1 = B(l1, k), v2 = B(l2, k);
        B(l1, k) = s1 * v1 + s2 * v2;
        B(l2, k) = -s2 * v1 + s1 * v2;
    }
    B(l1, l1) = sn;
    B(l2, l1) = 0.0;
}

/* b := transpose of J (n x (n+1)); QR by Givens; q the rotations */
static void qr(const double *J, double *b, double *q, int n)
{
    int m = n + 1;
    for (int r = 0; r < n; r++)
        for (int k = 0; k < m; k++)
            B(k, r) = J[(size_t)r * (size_t)m + (size_t)k];
    memset(q, 0, (size_t)m * (size_t)m * sizeof *q);
    for (int i = 0; i < m; i++)
        Q(i, i) = 1.0;
    for (int c = 0; c < n; c++)
        for (int k = c + 1; k < m; k++)
            givens(b, q, n, m, c, k, c + 1);
}

/* one chord step: u -= q' (R'^-1 y); returns the step's norm */
static double newton_step(const double *q, const double *b, int n, double *u, double *y)
{
    int m = n + 1;
    for (int k = 0; k < n; k++) {
        for (int l = 0; l < k; l++)
            y[k] -= B(l, k) * y[l];
        y[k] /= B(k, k);
    }
    double d = 0.0;
    for (int k = 0; k < m; k++) {
        double s = 0.0;
        for (int l = 0; l < n; l++)
            s += Q(l, k) * y[l];
        u[k] -= s;
        d += s * s;
    }
    return sqrt(d);
}

path_result_t path_trace(brink_ctx_t *ctx, const path_system_t *S, double *x, double hstart,
                         double maxdecel, double c_pert)
{
    int n = S->n, m = n + 1;
    size_t mm = (size_t)m * (size_t)m;
    double *buf = brink_malloc(ctx, (mm + 2 * (size_t)n * (size_t)m + 4 * (size_t)m) * sizeof *buf);
    if (!buf)
        return PATH_ABORTED;
    double *q = buf, *b = q + mm, *J = b + (size_t)n * (size_t)m;
    double *u = J + (size_t)n * (size_t)m, *t = u + m, *nt = t + m, *y = nt + m;
    path_result_t res = PATH_DONE;
    double h = hstart, pert = 0.0, countdown = 0.0, omega = 1.0;
    int newton = 0;
    long steps = 0;

    S->eval(S->data, x, y, J);
    qr(J, b, q, n);
    for (int k = 0; k < m; k++)
        t[k] = Q(n, k);
    if (t[n] < 0)
        omega = -1.0; /* start towards increasing last coordinate */
    if (S->point && S->point(S->data, x)) {
        res = PATH_ABORTED;
        goto done;
    }
    while (!S->stop(S->data, x)) {
        if ((++steps & 63) == 0 && brink_ctx_interrupted(ctx)) {
            res = PATH_INTERRUPTED;
            goto done;
        }
        if (fabs(h) <= c_hmin) {
            res = PATH_MINSTEP;
            goto done;
        }
        int accept = 1;
        for (int k = 0; k < m; k++)
            u[k] = x[k] + h * omega * t[k];
        double decel = 1.0 / maxdecel;
        S->eval(S->data, u, y, J);
        qr(J, b, q, n);
        double disto = 0.0;
        for (int iter = 1;; iter++) {
            if (iter > 1)
                S->eval(S->data, u, y, NULL);
            y[0] += pert;
            double dist = newton_step(q, b, n, u, y);
            if (!(dist < c_maxdist)) { /* also rejects NaN */
                accept = 0;
                break;
            }
            decel = fmax(decel, sqrt(dist / c_maxdist) * maxdecel);
            if (iter >= 2) {
                double contr = dist / (disto + c_tol * c_eta);
                if (contr > c_maxcontr) {
                    accept = 0;
                    break;
                }
                decel = fmax(decel, sqrt(contr / c_maxcontr) * maxdecel);
            }
            if (dist <= c_tol)
                break;
            disto = dist;
            if (iter + 1 > c_maxiter) {
                res = PATH_MAXITER;
                goto done;
            }
        }
        for (int k = 0; k < m; k++)
            nt[k] = Q(n, k);
        double dot = 0.0;
        for (int k = 0; k < m; k++)
            dot += t[k] * nt[k];
        double flip = dot < 0.0 ? -1.0 : 1.0;
        if (flip < 0) {
            /* the orientation reversed: a bifurcation; perturb to pass it */
            if (countdown == 0.0) {
                pert = c_pert;
                countdown = fabs(2 * h);
            }
            accept = 0;
        }
        if (!accept) {
            h /= maxdecel;
            if (fabs(h) <= c_hmin) {
                res = PATH_MINSTEP;
                goto done;
            }
            continue;
        }
        decel = fmin(decel, maxdecel);
        if (S->criterion && !newton) {
            double c0 = S->criterion(S->data, x, t), c1 = S->criterion(S->data, u, nt);
            if (c0 * c1 < 0.0)
                newton = 1;
        }
        if (newton) {
            double c1 = S->criterion(S->data, u, nt), c0 = S->criterion(S->data, x, t);
            h *= -c1 / (c1 - c0);
        } else {
            h = fabs(h / decel);
        }
        memcpy(x, u, (size_t)m * sizeof *x);
        memcpy(t, nt, (size_t)m * sizeof *t);
        if (S->point && S->point(S->data, x)) {
            res = PATH_ABORTED;
            goto done;
        }
        if (countdown > 0.0) {
            countdown -= fabs(h);
            if (countdown < 0.0) {
                pert = 0.0;
                countdown = 0.0;
            }
        }
    }
done:
    brink_free(ctx, buf);
    return res;
}
