/* logit.c - the principal branch of the logit quantal response equilibrium
 * correspondence of an N-player strategic game, by predictor-corrector path
 * following from lambda = 0 (the centroid).
 *
 * Unknowns: the log-probabilities v[p][s] of every strategy and lambda.
 * Equations: for each player sum_s exp(v[p][s]) = 1, and for s >= 1
 * v[p][s] - v[p][0] = lambda (u[p][s] - u[p][0]), u the expected payoff of
 * the pure strategy against the others' mixture.  The branch is followed by
 * arclength: Euler predictor along the unit tangent (the null vector of the
 * Jacobian, oriented like the previous one, so turning points are passed),
 * Newton corrector on the augmented system, step doubling and halving.
 * The end point is the first point of the trace whose regret is at most
 * 1e-8 x (largest - smallest payoff) (the criterion of Gambit's `logit -e`),
 * or the point at lambda = 1e6, or at opts->lambda when that is given.  The end point is checked: if its regret is not small
 * the trace reports that it stopped, with the lambda and the regret, and
 * prints nothing rather than a non-equilibrium.
 * Cost per step: O(contingencies x players^2) for payoffs and derivatives
 * plus O(n^3) for the linear algebra, n the total number of strategies. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "game/game_internal.h"

typedef struct qre {
    const brink_game_t *g;
    int np, n;
    int *off;       /* first index of each player's strategies */
    double *sigma;  /* n */
    double *u;      /* n: payoff of each pure strategy */
    double *D;      /* n x n: d u[p][s] / d sigma[q][t] (q != p) */
    double *w;      /* scratch per contingency */
} qre_t;

static void payoffs(qre_t *Q, int with_derivs)
{
    const brink_game_t *g = Q->g;
    int np = Q->np, n = Q->n;
    memset(Q->u, 0, (size_t)n * sizeof *Q->u);
    if (with_derivs)
        memset(Q->D, 0, (size_t)n * (size_t)n * sizeof *Q->D);
    int s[64];
    memset(s, 0, sizeof s);
    for (size_t c = 0; c < g->ncont; c++) {
        const double *pay = &g->dpay[c * (size_t)np];
        for (int p = 0; p < np; p++) {
            double w = 1;
            for (int r = 0; r < np && w != 0; r++)
                if (r != p)
                    w *= Q->sigma[Q->off[r] + s[r]];
            Q->u[Q->off[p] + s[p]] += w * pay[p];
            if (!with_derivs)
                continue;
            for (int q = 0; q < np; q++) {
                if (q == p)
                    continue;
                double w2 = 1;
                for (int r = 0; r < np && w2 != 0; r++)
                    if (r != p && r != q)
                        w2 *= Q->sigma[Q->off[r] + s[r]];
                Q->D[(size_t)(Q->off[p] + s[p]) * (size_t)n + (size_t)(Q->off[q] + s[q])] +=
                    w2 * pay[p];
            }
        }
        for (int p = 0; p < np; p++) {
            if (++s[p] < g->nstrat[p])
                break;
            s[p] = 0;
        }
    }
}

/* H(z) and its Jacobian J (n x (n+1)) at z = (v, lambda) */
static void system(qre_t *Q, const double *z, double *H, double *J)
{
    int n = Q->n, np = Q->np;
    double lam = z[n];
    for (int k = 0; k < n; k++)
        Q->sigma[k] = exp(z[k]);
    payoffs(Q, J != NULL);
    if (J)
        memset(J, 0, (size_t)n * (size_t)(n + 1) * sizeof *J);
    for (int p = 0; p < np; p++) {
        int o = Q->off[p], ns = Q->g->nstrat[p];
        /* row o: sum of probabilities */
        double sum = 0;
        for (int s = 0; s < ns; s++)
            sum += Q->sigma[o + s];
        H[o] = sum - 1;
        if (J)
            for (int s = 0; s < ns; s++)
                J[(size_t)o * (size_t)(n + 1) + (size_t)(o + s)] = Q->sigma[o + s];
        for (int s = 1; s < ns; s++) {
            int row = o + s;
            double du = Q->u[o + s] - Q->u[o];
            H[row] = z[o + s] - z[o] - lam * du;
            if (!J)
                continue;
            double *Jr = &J[(size_t)row * (size_t)(n + 1)];
            Jr[o + s] += 1;
            Jr[o] -= 1;
            for (int k = 0; k < n; k++) {
                if (k >= o && k < o + ns)
                    continue;
                double d = Q->D[(size_t)(o + s) * (size_t)n + (size_t)k] -
                           Q->D[(size_t)o * (size_t)n + (size_t)k];
                Jr[k] -= lam * d * Q->sigma[k];
            }
            Jr[n] = -du;
        }
    }
}

/* solves the (n+1) x (n+1) system M x = b in place (partial pivoting);
 * returns -1 if singular */
static int lsolve(double *M, double *b, int m)
{
    for (int c = 0; c < m; c++) {
        int p = c;
        for (int i = c + 1; i < m; i++)
            if (fabs(M[(size_t)i * (size_t)m + (size_t)c]) > fabs(M[(size_t)p * (size_t)m + (size_t)c]))
                p = i;
        if (fabs(M[(size_t)p * (size_t)m + (size_t)c]) < 1e-300)
            return -1;
        if (p != c) {
            for (int j = 0; j < m; j++) {
                double t = M[(size_t)c * (size_t)m + (size_t)j];
                M[(size_t)c * (size_t)m + (size_t)j] = M[(size_t)p * (size_t)m + (size_t)j];
                M[(size_t)p * (size_t)m + (size_t)j] = t;
            }
            double t = b[c];
            b[c] = b[p];
            b[p] = t;
        }
        for (int i = c + 1; i < m; i++) {
            double f = M[(size_t)i * (size_t)m + (size_t)c] / M[(size_t)c * (size_t)m + (size_t)c];
            if (f == 0)
                continue;
            for (int j = c; j < m; j++)
                M[(size_t)i * (size_t)m + (size_t)j] -= f * M[(size_t)c * (size_t)m + (size_t)j];
            b[i] -= f * b[c];
        }
    }
    for (int i = m - 1; i >= 0; i--) {
        double s = b[i];
        for (int j = i + 1; j < m; j++)
            s -= M[(size_t)i * (size_t)m + (size_t)j] * b[j];
        b[i] = s / M[(size_t)i * (size_t)m + (size_t)i];
    }
    return 0;
}

/* augmented matrix [J; t'] */
static void augment(const double *J, const double *t, int n, double *M)
{
    memcpy(M, J, (size_t)n * (size_t)(n + 1) * sizeof *M);
    memcpy(M + (size_t)n * (size_t)(n + 1), t, (size_t)(n + 1) * sizeof *t);
}

static double regret_of(qre_t *Q)
{
    payoffs(Q, 0);
    double worst = 0;
    for (int p = 0; p < Q->np; p++) {
        int o = Q->off[p];
        double best = -INFINITY, cur = 0;
        for (int s = 0; s < Q->g->nstrat[p]; s++) {
            if (Q->u[o + s] > best)
                best = Q->u[o + s];
            cur += Q->sigma[o + s] * Q->u[o + s];
        }
        if (best - cur > worst)
            worst = best - cur;
    }
    return worst;
}

brink_status_t solve_logit(brink_ctx_t *ctx, const brink_game_t *g, double lambda_end,
                           brink_eqset_t **out)
{
    qre_t Q;
    memset(&Q, 0, sizeof Q);
    Q.g = g;
    Q.np = g->nplayers;
    if (Q.np > 64)
        return brink_ctx_error(ctx, BRINK_EUNSUPPORTED, "logit supports at most 64 players");
    int n = 0;
    for (int p = 0; p < Q.np; p++)
        n += g->nstrat[p];
    Q.n = n;
    int m = n + 1;
    double lmax = lambda_end > 0 ? lambda_end : 1e6;
    brink_status_t st = BRINK_OK;
    brink_eqset_t *e = NULL;
    Q.off = brink_malloc(ctx, (size_t)Q.np * sizeof *Q.off);
    Q.sigma = brink_malloc(ctx, (size_t)n * sizeof *Q.sigma);
    Q.u = brink_malloc(ctx, (size_t)n * sizeof *Q.u);
    Q.D = brink_malloc(ctx, (size_t)n * (size_t)n * sizeof *Q.D);
    double *z = brink_malloc(ctx, (size_t)m * sizeof *z);
    double *zn = brink_malloc(ctx, (size_t)m * sizeof *zn);
    double *t = brink_malloc(ctx, (size_t)m * sizeof *t);
    double *tn = brink_malloc(ctx, (size_t)m * sizeof *tn);
    double *H = brink_malloc(ctx, (size_t)m * sizeof *H);
    double *J = brink_malloc(ctx, (size_t)n * (size_t)m * sizeof *J);
    double *M = brink_malloc(ctx, (size_t)m * (size_t)m * sizeof *M);
    if (!Q.off || !Q.sigma || !Q.u || !Q.D || !z || !zn || !t || !tn || !H || !J || !M) {
        st = BRINK_ENOMEM;
        goto done;
    }
    for (int p = 0, o = 0; p < Q.np; p++) {
        Q.off[p] = o;
        for (int s = 0; s < g->nstrat[p]; s++)
            z[o + s] = -log((double)g->nstrat[p]);
        o += g->nstrat[p];
    }
    z[n] = 0;
    /* initial tangent: lambda increasing */
    memset(t, 0, (size_t)m * sizeof *t);
    t[n] = 1;
    double scale = 0;
    {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t k = 0; k < g->ncont * (size_t)Q.np; k++) {
            lo = fmin(lo, g->dpay[k]);
            hi = fmax(hi, g->dpay[k]);
        }
        scale = hi > lo ? hi - lo : 1;
    }
    double h = 0.03;
    int stopped = 0;
    long steps = 0;
    while (z[n] < lmax) {
        if ((++steps & 63) == 0 && brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            goto done;
        }
        if (steps > 200000 || h < 1e-12) {
            stopped = 1;
            break;
        }
        /* tangent at z: [J; t_prev'] tn = e_{n} */
        system(&Q, z, H, J);
        augment(J, t, n, M);
        memset(tn, 0, (size_t)m * sizeof *tn);
        tn[n] = 1;
        if (lsolve(M, tn, m) != 0) {
            stopped = 1;
            break;
        }
        double norm = 0;
        for (int k = 0; k < m; k++)
            norm += tn[k] * tn[k];
        norm = sqrt(norm);
        for (int k = 0; k < m; k++)
            tn[k] /= norm;
        /* predictor, then corrector */
        double step = h;
        if (z[n] + step * tn[n] > lmax && tn[n] > 0)
            step = (lmax - z[n]) / tn[n];
        for (int k = 0; k < m; k++)
            zn[k] = z[k] + step * tn[k];
        int ok = 0;
        double prev = INFINITY;
        for (int it = 0; it < 8; it++) {
            system(&Q, zn, H, J);
            double r = 0;
            for (int k = 0; k < n; k++)
                r = fmax(r, fabs(H[k]));
            if (r < 1e-11 * (1 + fabs(zn[n]) * scale)) {
                ok = 1;
                break;
            }
            if (r > prev * 0.9 && it > 1)
                break;
            prev = r;
            augment(J, tn, n, M);
            for (int k = 0; k < n; k++)
                H[k] = -H[k];
            H[n] = 0;
            if (lsolve(M, H, m) != 0)
                break;
            for (int k = 0; k < m; k++)
                zn[k] += H[k];
        }
        if (!ok) {
            h /= 2;
            continue;
        }
        memcpy(z, zn, (size_t)m * sizeof *z);
        memcpy(t, tn, (size_t)m * sizeof *t);
        h = fmin(h * 1.5, 1e5);
        if (lambda_end > 0 && fabs(z[n] - lmax) < 1e-9 * (1 + lmax))
            break;
        if (lambda_end <= 0) {
            for (int k = 0; k < n; k++)
                Q.sigma[k] = exp(z[k]);
            if (regret_of(&Q) <= 1e-8 * scale)
                break;
        }
    }
    for (int k = 0; k < n; k++)
        Q.sigma[k] = exp(z[k]);
    double reg = regret_of(&Q);
    e = eqset_new(ctx, BRINK_PROFILE_MIXED, 0, (size_t)n);
    if (!e) {
        st = BRINK_ENOMEM;
        goto done;
    }
    if (lambda_end <= 0 && (stopped || reg > 1e-4 * scale)) {
        snprintf(e->note, sizeof e->note,
                 "the logit trace stopped at lambda = %g with regret %g (not an equilibrium); "
                 "no end point is reported",
                 z[n], reg);
    } else {
        st = eqset_add_d(ctx, e, Q.sigma);
    }
done:
    brink_free(ctx, Q.off);
    brink_free(ctx, Q.sigma);
    brink_free(ctx, Q.u);
    brink_free(ctx, Q.D);
    brink_free(ctx, z);
    brink_free(ctx, zn);
    brink_free(ctx, t);
    brink_free(ctx, tn);
    brink_free(ctx, H);
    brink_free(ctx, J);
    brink_free(ctx, M);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s", st == BRINK_EINTERRUPT ? "interrupted" : "out of memory");
    }
    *out = e;
    return BRINK_OK;
}
