/* gnm.c - Nash equilibria of an N-player strategic game by the global
 * Newton method of Govindan and Wilson (2003): the game G is perturbed by
 * a bonus lambda x b, where b rewards one pure strategy of each player;
 * for large lambda the rewarded pure profile is the unique equilibrium, and
 * the path of equilibria of G + lambda b is followed as lambda falls (it may
 * turn back) by predictor-corrector steps on the support equations
 *   u_p(s, sigma_-p) + lambda b_ps = v_p  (s in the support of p),
 *   sum of sigma_p = 1,
 * changing the support where a probability reaches 0 (the strategy leaves)
 * or an unused strategy becomes a best response (it enters).  Every point
 * where lambda crosses 0 is an equilibrium of G; the path is followed on to
 * negative lambda, where it can cross 0 again (more equilibria).  Each end
 * is refined by Newton's method and kept only if its regret is within
 * tolerance (nashfloat.c).  Payoffs are scaled to a range of 1 inside.
 * The walk is bounded by GNM_MAX_STEPS steps per perturbation. */
#include <math.h>
#include <string.h>

#include "brink/rng.h"
#include "game/nashfloat.h"

#define GNM_MAX_STEPS 4000
#define GNM_LAMBDA0 3.0

typedef struct gnm {
    nf_game_t *nf;       /* scaled payoffs */
    size_t W;
    int np;
    unsigned char *in;   /* support */
    int *idx;            /* strategy -> variable, -1 off the support */
    int k;               /* support size */
    const double *b;     /* bonus, W */
    double *val, *J;     /* W, W*W */
    double *A, *rhs;     /* (n+1)^2, n+1 scratch */
} gnm_t;

static void gnm_index(gnm_t *G)
{
    G->k = 0;
    for (size_t j = 0; j < G->W; j++)
        G->idx[j] = G->in[j] ? G->k++ : -1;
}

/* x = (sigma on the support, v_0..v_np-1, lambda) <-> the full sigma */
static void gnm_sigma(const gnm_t *G, const double *x, double *sigma)
{
    for (size_t j = 0; j < G->W; j++)
        sigma[j] = G->in[j] ? x[G->idx[j]] : 0;
}

/* H(x) (n values) into rhs and DH (n x (n+1), row stride n+1) into A */
static double gnm_eval(gnm_t *G, const double *x, double *sigma, double *H, double *D)
{
    int n = G->k + G->np, n1 = n + 1;
    double lam = x[n];
    gnm_sigma(G, x, sigma);
    nf_jacobian(G->nf, sigma, G->val, G->J);
    if (D)
        memset(D, 0, (size_t)n * (size_t)n1 * sizeof *D);
    double res = 0;
    int r = 0;
    for (int p = 0; p < G->np; p++)
        for (size_t j = G->nf->off[p]; j < G->nf->off[p + 1]; j++) {
            if (!G->in[j])
                continue;
            H[r] = G->val[j] + lam * G->b[j] - x[G->k + p];
            if (D) {
                for (size_t t = 0; t < G->W; t++)
                    if (G->in[t])
                        D[r * n1 + G->idx[t]] = G->J[j * G->W + t];
                D[r * n1 + G->k + p] = -1;
                D[r * n1 + n] = G->b[j];
            }
            if (fabs(H[r]) > res)
                res = fabs(H[r]);
            r++;
        }
    for (int p = 0; p < G->np; p++) {
        double t = -1;
        for (size_t j = G->nf->off[p]; j < G->nf->off[p + 1]; j++)
            if (G->in[j]) {
                t += x[G->idx[j]];
                if (D)
                    D[r * n1 + G->idx[j]] = 1;
            }
        H[r] = t;
        if (fabs(t) > res)
            res = fabs(t);
        r++;
    }
    return res;
}

/* the unit tangent t of the path at x with r . t > 0; 0 or -1 */
static int gnm_tangent(gnm_t *G, const double *x, const double *r, double *sigma, double *t)
{
    int n = G->k + G->np, n1 = n + 1;
    gnm_eval(G, x, sigma, G->rhs, G->A);
    for (int c = 0; c < n1; c++)
        G->A[n * n1 + c] = r[c];
    memset(t, 0, (size_t)n1 * sizeof *t);
    t[n] = 1;
    if (nf_linsolve(n1, G->A, t) != 0)
        return -1;
    double s = 0;
    for (int c = 0; c < n1; c++)
        s += t[c] * t[c];
    s = sqrt(s);
    if (!(s > 0) || !isfinite(s))
        return -1;
    for (int c = 0; c < n1; c++)
        t[c] /= s;
    return 0;
}

/* from x along t by h, then Newton back onto the path in the hyperplane
 * orthogonal to t; y = the new point.  0 or -1 (no convergence) */
static int gnm_step(gnm_t *G, const double *x, const double *t, double h, double *sigma,
                    double *y)
{
    int n = G->k + G->np, n1 = n + 1;
    for (int c = 0; c < n1; c++)
        y[c] = x[c] + h * t[c];
    for (int it = 0; it < 8; it++) {
        double res = gnm_eval(G, y, sigma, G->rhs, G->A);
        double dot = 0;
        for (int c = 0; c < n1; c++) {
            G->A[n * n1 + c] = t[c];
            dot += t[c] * (y[c] - x[c] - h * t[c]);
        }
        if (res < 1e-13 && fabs(dot) < 1e-13)
            return 0;
        for (int c = 0; c < n; c++)
            G->rhs[c] = -G->rhs[c];
        G->rhs[n] = -dot;
        if (nf_linsolve(n1, G->A, G->rhs) != 0)
            return -1;
        double dx = 0;
        for (int c = 0; c < n1; c++) {
            y[c] += G->rhs[c];
            if (fabs(G->rhs[c]) > dx)
                dx = fabs(G->rhs[c]);
        }
        if (!isfinite(dx) || dx > 0.5)
            return -1;
        if (dx < 1e-14)
            return 0;
    }
    return gnm_eval(G, y, sigma, G->rhs, NULL) < 1e-10 ? 0 : -1;
}

/* event functions at y (sigma and G->val filled by the last gnm_eval):
 * entry j < W: sigma_j if in the support, else v_p - (u_j + lambda b_j)
 * (both >= 0 on a valid path); entry W: lambda (crossing 0 = an equilibrium) */
static void gnm_events(const gnm_t *G, const double *y, double *f)
{
    int n = G->k + G->np;
    for (int p = 0; p < G->np; p++)
        for (size_t j = G->nf->off[p]; j < G->nf->off[p + 1]; j++)
            f[j] = G->in[j] ? y[G->idx[j]] : y[G->k + p] - (G->val[j] + y[n] * G->b[j]);
    f[G->W] = y[n];
}

typedef struct gnm_buf {
    double *x, *y, *t, *tn, *r, *sigma, *f0, *f1, *xs;
} gnm_buf_t;

/* follows one path; every equilibrium met is refined on nf (unscaled) and
 * added to e.  BRINK_OK (also when the path ends without one) or an error */
static brink_status_t gnm_path(brink_ctx_t *ctx, gnm_t *G, nf_game_t *nf, gnm_buf_t *B,
                               brink_eqset_t *e)
{
    size_t W = G->W;
    int np = G->np;
    /* the start: the rewarded pure profile at lambda0 */
    for (size_t j = 0; j < W; j++)
        G->in[j] = G->b[j] >= 1;
    gnm_index(G);
    int n = G->k + np;
    double *x = B->x, *y = B->y, *t = B->t, *r = B->r;
    for (int c = 0; c < G->k; c++)
        x[c] = 1;
    x[n] = GNM_LAMBDA0;
    gnm_sigma(G, x, B->sigma);
    nf_values(G->nf, B->sigma, G->val);
    for (int p = 0; p < np; p++)
        for (size_t j = G->nf->off[p]; j < G->nf->off[p + 1]; j++)
            if (G->in[j])
                x[G->k + p] = G->val[j] + GNM_LAMBDA0;
    memset(r, 0, (size_t)(n + 1) * sizeof *r);
    r[n] = -1; /* lambda falls first */
    double h = 0.05;
    long skip = -1; /* the event just handled */
    for (long step = 0; step < GNM_MAX_STEPS; step++) {
        if ((step & 63) == 0 && brink_ctx_interrupted(ctx))
            return brink_ctx_error(ctx, BRINK_EINTERRUPT, "interrupted");
        n = G->k + np;
        if (gnm_tangent(G, x, r, B->sigma, t) != 0) {
            return BRINK_OK; /* a singular point: the path cannot be followed */
        }
        gnm_eval(G, x, B->sigma, G->rhs, NULL);
        gnm_events(G, x, B->f0);
        int ok = 0;
        for (int tries = 0; tries < 30 && !ok; tries++) {
            if (gnm_step(G, x, t, h, B->sigma, y) == 0)
                ok = 1;
            else
                h *= 0.5;
        }
        if (!ok) {
            return BRINK_OK;
        }
        gnm_events(G, y, B->f1);
        /* the first event along the step */
        long ev = -1;
        double theta = 2;
        for (size_t j = 0; j <= W; j++) {
            if ((long)j == skip)
                continue;
            int crossed = j == W ? (B->f0[j] > 0) != (B->f1[j] > 0) && B->f0[j] != 0
                                 : B->f1[j] < 0 && B->f0[j] >= 0;
            if (!crossed)
                continue;
            double th = B->f0[j] / (B->f0[j] - B->f1[j]);
            if (th < theta) {
                theta = th;
                ev = (long)j;
            }
        }
        if (ev >= 0) {
            /* land on the event: secant steps on the step length */
            double lo = 0, hi = h, flo = B->f0[ev], fhi = B->f1[ev];
            for (int it = 0; it < 40; it++) {
                double hh = lo + (hi - lo) * flo / (flo - fhi);
                if (!(hh > lo && hh < hi))
                    hh = 0.5 * (lo + hi);
                if (gnm_step(G, x, t, hh, B->sigma, y) != 0)
                    return BRINK_OK;
                gnm_events(G, y, B->f1);
                double fv = B->f1[ev];
                if (fabs(fv) < 1e-12)
                    break;
                if ((fv > 0) == (flo > 0)) {
                    lo = hh;
                    flo = fv;
                } else {
                    hi = hh;
                    fhi = fv;
                }
            }
        }
        memcpy(r, t, (size_t)(n + 1) * sizeof *r);
        memcpy(x, y, (size_t)(n + 1) * sizeof *x);
        skip = -1;
        if (ev < 0) {
            h = h * 1.5 < 0.05 ? h * 1.5 : 0.05;
        } else if (ev == (long)W) {
            /* lambda = 0: an equilibrium of the game */
            double reg;
            gnm_sigma(G, x, B->sigma);
            int kept = nf_refine(ctx, nf, B->sigma, &reg);
            if (kept < 0)
                return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            if (kept) {
                brink_status_t st = nf_add_unique(ctx, e, B->sigma, reg);
                if (st != BRINK_OK)
                    return st;
            }
            skip = ev;
        } else {
            /* a support change at strategy ev */
            size_t j = (size_t)ev;
            int p = 0;
            while (j >= G->nf->off[p + 1])
                p++;
            gnm_sigma(G, x, B->sigma);
            double lam = x[n];
            memcpy(B->xs, x + G->k, (size_t)np * sizeof *B->xs);
            double rl = r[n];
            double *rv = B->tn;
            memcpy(rv, r + G->k, (size_t)np * sizeof *rv);
            /* old tangent over strategies */
            double *tf = B->f0;
            for (size_t q = 0; q < W; q++)
                tf[q] = G->in[q] ? r[G->idx[q]] : 0;
            int entering = !G->in[j];
            G->in[j] = (unsigned char)entering;
            if (entering)
                B->sigma[j] = 0;
            gnm_index(G);
            n = G->k + np;
            for (size_t q = 0; q < W; q++)
                if (G->in[q]) {
                    x[G->idx[q]] = B->sigma[q];
                    r[G->idx[q]] = tf[q];
                }
            memcpy(x + G->k, B->xs, (size_t)np * sizeof *x);
            memcpy(r + G->k, rv, (size_t)np * sizeof *r);
            x[n] = lam;
            r[n] = rl;
            if (gnm_tangent(G, x, r, B->sigma, t) != 0)
                return BRINK_OK;
            /* orientation: an entering strategy's probability grows, a
             * leaving strategy's payoff falls below the best */
            double d;
            if (entering)
                d = t[G->idx[j]];
            else {
                d = G->b[j] * t[n] - t[G->k + p];
                for (size_t q = 0; q < W; q++)
                    if (G->in[q])
                        d += G->J[j * W + q] * t[G->idx[q]];
                d = -d;
            }
            for (int c = 0; c <= n; c++)
                r[c] = d >= 0 ? t[c] : -t[c];
            skip = ev;
        }
        if (x[n] < -GNM_LAMBDA0 || x[n] > 2 * GNM_LAMBDA0)
            return BRINK_OK;
    }
    return BRINK_OK;
}

brink_status_t solve_gnm(brink_ctx_t *ctx, const brink_game_t *g, size_t starts, uint64_t seed,
                         brink_eqset_t **out)
{
    nf_game_t nf, nfs;
    memset(&nfs, 0, sizeof nfs);
    gnm_t G;
    memset(&G, 0, sizeof G);
    gnm_buf_t B;
    memset(&B, 0, sizeof B);
    double *spay = NULL, *b = NULL;
    brink_eqset_t *e = NULL;
    double **bufs[] = {&B.x, &B.y, &B.t, &B.tn, &B.r, &B.sigma, &B.f0, &B.f1, &B.xs};
    brink_status_t st = nf_init(ctx, &nf, g);
    if (st != BRINK_OK)
        return st;
    if ((st = nf_init(ctx, &nfs, g)) != BRINK_OK)
        goto cleanup;
    size_t W = nf.width, n1 = W + (size_t)nf.np + 1;
    spay = brink_malloc(ctx, nf.ncont * (size_t)nf.np * sizeof *spay);
    b = brink_malloc(ctx, W * sizeof *b);
    e = eqset_new(ctx, BRINK_PROFILE_MIXED, 0, W);
    G.in = brink_malloc(ctx, W);
    G.idx = brink_malloc(ctx, W * sizeof *G.idx);
    G.val = brink_malloc(ctx, W * sizeof *G.val);
    G.J = brink_malloc(ctx, W * W * sizeof *G.J);
    G.A = brink_malloc(ctx, n1 * n1 * sizeof *G.A);
    G.rhs = brink_malloc(ctx, n1 * sizeof *G.rhs);
    int fail = !spay || !b || !e || !G.in || !G.idx || !G.val || !G.J || !G.A || !G.rhs;
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0] && !fail; i++)
        fail = !(*bufs[i] = brink_malloc(ctx, (n1 + W + 1) * sizeof(double)));
    if (fail) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t c = 0; c < nf.ncont * (size_t)nf.np; c++)
        spay[c] = nf.pay[c] / nf.range;
    nfs.pay = spay;
    nfs.range = 1;
    nfs.tol = 1e-9;
    G.nf = &nfs;
    G.W = W;
    G.np = nf.np;
    G.b = b;
    for (size_t run = 0; run <= starts; run++) {
        brink_rng_t rng;
        brink_rng_init(&rng, seed, 1, (uint32_t)run, BRINK_STREAM_USER + 17);
        /* 1 on one strategy of each player (the first in the first run),
         * plus a small random bonus on every strategy so that the perturbed
         * games along the path are generic */
        for (size_t j = 0; j < W; j++)
            b[j] = 0.1 * brink_rng_uniform(&rng);
        for (int p = 0; p < nf.np; p++)
            b[nf.off[p] + (run == 0 ? 0 : brink_rng_below(&rng, (uint32_t)nf.ns[p]))] = 1;
        if ((st = gnm_path(ctx, &G, &nf, &B, e)) != BRINK_OK)
            goto cleanup;
    }
cleanup:
    brink_free(ctx, spay);
    brink_free(ctx, b);
    brink_free(ctx, G.in);
    brink_free(ctx, G.idx);
    brink_free(ctx, G.val);
    brink_free(ctx, G.J);
    brink_free(ctx, G.A);
    brink_free(ctx, G.rhs);
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        brink_free(ctx, *bufs[i]);
    nf_free(ctx, &nfs);
    nf_free(ctx, &nf);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return st;
    }
    *out = e;
    return BRINK_OK;
}
