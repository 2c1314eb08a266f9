/* enumpoly.c - every isolated Nash equilibrium of an N-player strategic
 * game by support enumeration (Gambit's enumpoly): for each profile of
 * supports in which no strategy is strictly dominated by another strategy
 * of the same support (against the others' supports), the indifference
 * system
 *   u_p(s, sigma_-p) = u_p(last_p, sigma_-p)   (s in S_p, s != last_p)
 * over the product of the supports' simplices is solved: with two players
 * it is linear (one Newton step), with more it is polynomial and its roots
 * are isolated by subdividing the product of simplices into boxes, dropping
 * every box on which interval bounds show that some equation cannot vanish,
 * and running Newton's method from the centre of each remaining small box.
 * A root is kept if its probabilities are nonnegative and no strategy
 * outside the support does better (regret within tolerance, nashfloat.c).
 * Each equilibrium is then turned into rationals (continued fractions) and
 * checked in exact arithmetic; the set is exact if every one passes.
 * Supports are visited by increasing total size, so pure equilibria come
 * first.  Work is bounded: ENUMPOLY_MAX_BOXES boxes and supports, and
 * ENUMPOLY_MAX_WORK terms of interval bounds; beyond either the search
 * stops with what it found and a note saying the list is incomplete. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "game/nashfloat.h"

#define ENUMPOLY_MAX_BOXES 1000000L
#define ENUMPOLY_MAX_WORK 500000000L /* terms of the interval bounds */
#define ENUMPOLY_LEAVES_LOG2 12 /* at most 2^12 leaf boxes per support, each at most 1/8 wide */

typedef struct ep {
    brink_ctx_t *ctx;
    nf_game_t *nf;
    const brink_game_t *g;
    size_t W;
    int np;
    unsigned *mask;       /* np: the support of each player (bit s) */
    int *size;            /* np: the support sizes being enumerated */
    int *last;            /* np: the last strategy of each support */
    int *var;             /* W: variable index of a strategy, -1 last or off support */
    int d;                /* number of variables */
    double leaf;          /* boxes this wide are not split further */
    double *lo, *hi;      /* d: the box */
    double *sigma, *scratch, *val;
    unsigned char *in;
    int *c;               /* np: a pure profile */
    long boxes;           /* boxes and supports visited */
    long work;            /* terms evaluated by the interval bounds */
    int incomplete;
    int inexact;
    brink_eqset_t *e;
    brink_status_t st;
    size_t max_eq;
} ep_t;

/* the interval of sigma_q(t) over the box */
static void ep_interval(const ep_t *E, int q, int t, double *a, double *b)
{
    size_t j = E->nf->off[q] + (size_t)t;
    if (E->var[j] >= 0) {
        *a = E->lo[E->var[j]];
        *b = E->hi[E->var[j]];
        return;
    }
    double sl = 0, sh = 0;
    for (size_t k = E->nf->off[q]; k < E->nf->off[q + 1]; k++)
        if (E->var[k] >= 0) {
            sl += E->lo[E->var[k]];
            sh += E->hi[E->var[k]];
        }
    *a = 1 - sh > 0 ? 1 - sh : 0;
    *b = 1 - sl;
}

/* 0 if some equation provably has no root in the box (or the box leaves
 * the simplices), 1 otherwise */
static int ep_box_may_hold_root(ep_t *E)
{
    int np = E->np;
    for (int q = 0; q < np; q++) {
        double sl = 0;
        for (size_t k = E->nf->off[q]; k < E->nf->off[q + 1]; k++)
            if (E->var[k] >= 0)
                sl += E->lo[E->var[k]];
        if (sl > 1 + 1e-12)
            return 0;
    }
    for (int p = 0; p < np; p++) {
        for (int s = 0; s < E->nf->ns[p]; s++) {
            if (!(E->mask[p] >> s & 1u) || s == E->last[p])
                continue;
            /* sum over the others' support profiles */
            double L = 0, H = 0;
            for (int q = 0; q < np; q++) {
                E->c[q] = 0;
                while (q != p && !(E->mask[q] >> E->c[q] & 1u))
                    E->c[q]++;
            }
            for (;;) {
                size_t cs = 0, cl = 0, stride = 1;
                double a = 1, b = 1;
                E->work += (long)np;
                for (int q = 0; q < np; q++) {
                    int t = q == p ? 0 : E->c[q];
                    if (q == p) {
                        cs += (size_t)s * stride;
                        cl += (size_t)E->last[p] * stride;
                    } else {
                        double x, y;
                        ep_interval(E, q, t, &x, &y);
                        a *= x;
                        b *= y;
                        cs += (size_t)t * stride;
                        cl += (size_t)t * stride;
                    }
                    stride *= (size_t)E->nf->ns[q];
                }
                double coef = E->nf->pay[cs * (size_t)np + (size_t)p] -
                              E->nf->pay[cl * (size_t)np + (size_t)p];
                if (coef > 0) {
                    L += coef * a;
                    H += coef * b;
                } else {
                    L += coef * b;
                    H += coef * a;
                }
                /* next support profile of the others */
                int q = 0;
                for (; q < np; q++) {
                    if (q == p)
                        continue;
                    do
                        E->c[q]++;
                    while (E->c[q] < E->nf->ns[q] && !(E->mask[q] >> E->c[q] & 1u));
                    if (E->c[q] < E->nf->ns[q])
                        break;
                    E->c[q] = 0;
                    while (!(E->mask[q] >> E->c[q] & 1u))
                        E->c[q]++;
                }
                if (q == np)
                    break;
            }
            E->work++;
            double eps = 1e-9 * E->nf->range;
            if (L > eps || H < -eps)
                return 0;
        }
    }
    return 1;
}

/* Newton from the centre of the box (or from the centroid with no
 * variables); a root that is an equilibrium is added */
static void ep_try(ep_t *E)
{
    size_t W = E->W;
    for (size_t j = 0; j < W; j++)
        E->sigma[j] = 0;
    for (int p = 0; p < E->np; p++) {
        double t = 0;
        for (size_t j = E->nf->off[p]; j < E->nf->off[p + 1]; j++)
            if (E->var[j] >= 0) {
                E->sigma[j] = 0.5 * (E->lo[E->var[j]] + E->hi[E->var[j]]);
                t += E->sigma[j];
            }
        E->sigma[E->nf->off[p] + (size_t)E->last[p]] = 1 - t;
    }
    /* Newton's iterations cost a Jacobian each: count about ten */
    E->work += 10L * (long)E->nf->ncont * E->np * E->np;
    if (nf_newton(E->nf, E->in, E->sigma, E->scratch) != 0)
        return;
    for (size_t j = 0; j < W; j++)
        if (E->sigma[j] < -1e-12)
            return;
    for (size_t j = 0; j < W; j++)
        if (E->sigma[j] < 0)
            E->sigma[j] = 0;
    double r = nf_regret(E->nf, E->sigma, E->val);
    if (r > E->nf->tol)
        return;
    E->st = nf_add_unique(E->ctx, E->e, E->sigma, r);
}

static void ep_subdivide(ep_t *E, int depth)
{
    if (E->st != BRINK_OK || E->incomplete)
        return;
    if (++E->boxes > ENUMPOLY_MAX_BOXES || E->work > ENUMPOLY_MAX_WORK) {
        E->incomplete = 1;
        return;
    }
    if ((E->boxes & 1023) == 0 && brink_ctx_interrupted(E->ctx)) {
        E->st = brink_ctx_error(E->ctx, BRINK_EINTERRUPT, "interrupted");
        return;
    }
    if (!ep_box_may_hold_root(E))
        return;
    int widest = -1;
    double w = 0;
    for (int k = 0; k < E->d; k++)
        if (E->hi[k] - E->lo[k] > w) {
            w = E->hi[k] - E->lo[k];
            widest = k;
        }
    if (widest < 0 || w <= E->leaf || depth > 60) {
        ep_try(E);
        return;
    }
    double a = E->lo[widest], b = E->hi[widest], m = 0.5 * (a + b);
    E->hi[widest] = m;
    ep_subdivide(E, depth + 1);
    E->hi[widest] = b;
    E->lo[widest] = m;
    ep_subdivide(E, depth + 1);
    E->lo[widest] = a;
}

/* 1 if some strategy of a support is strictly dominated by another one of
 * the same support against every profile of the others' supports */
static int ep_dominated(ep_t *E)
{
    int np = E->np;
    for (int p = 0; p < np; p++)
        for (int s = 0; s < E->nf->ns[p]; s++) {
            if (!(E->mask[p] >> s & 1u))
                continue;
            for (int t = 0; t < E->nf->ns[p]; t++) {
                if (t == s || !(E->mask[p] >> t & 1u))
                    continue;
                int dom = 1;
                for (int q = 0; q < np; q++) {
                    E->c[q] = 0;
                    while (q != p && !(E->mask[q] >> E->c[q] & 1u))
                        E->c[q]++;
                }
                for (;;) {
                    size_t cs = 0, ct = 0, stride = 1;
                    for (int q = 0; q < np; q++) {
                        size_t x = q == p ? (size_t)s : (size_t)E->c[q];
                        size_t y = q == p ? (size_t)t : (size_t)E->c[q];
                        cs += x * stride;
                        ct += y * stride;
                        stride *= (size_t)E->nf->ns[q];
                    }
                    if (E->nf->pay[ct * (size_t)np + (size_t)p] <=
                        E->nf->pay[cs * (size_t)np + (size_t)p]) {
                        dom = 0;
                        break;
                    }
                    int q = 0;
                    for (; q < np; q++) {
                        if (q == p)
                            continue;
                        do
                            E->c[q]++;
                        while (E->c[q] < E->nf->ns[q] && !(E->mask[q] >> E->c[q] & 1u));
                        if (E->c[q] < E->nf->ns[q])
                            break;
                        E->c[q] = 0;
                        while (!(E->mask[q] >> E->c[q] & 1u))
                            E->c[q]++;
                    }
                    if (q == np)
                        break;
                }
                if (dom)
                    return 1;
            }
        }
    return 0;
}

static void ep_support(ep_t *E)
{
    if (++E->boxes > ENUMPOLY_MAX_BOXES) {
        E->incomplete = 1;
        return;
    }
    if ((E->boxes & 1023) == 0 && brink_ctx_interrupted(E->ctx)) {
        E->st = brink_ctx_error(E->ctx, BRINK_EINTERRUPT, "interrupted");
        return;
    }
    if (ep_dominated(E))
        return;
    E->d = 0;
    for (int p = 0; p < E->np; p++) {
        E->last[p] = -1;
        for (int s = 0; s < E->nf->ns[p]; s++)
            if (E->mask[p] >> s & 1u)
                E->last[p] = s;
        for (int s = 0; s < E->nf->ns[p]; s++) {
            size_t j = E->nf->off[p] + (size_t)s;
            E->in[j] = (unsigned char)(E->mask[p] >> s & 1u);
            E->var[j] = E->in[j] && s != E->last[p] ? E->d++ : -1;
        }
    }
    for (int k = 0; k < E->d; k++) {
        E->lo[k] = 0;
        E->hi[k] = 1;
    }
    if (E->np <= 2 || E->d == 0) {
        /* linear (or nothing to solve): one Newton solve from the centroid */
        E->boxes++;
        for (int k = 0; k < E->d; k++)
            E->hi[k] = 0;
        for (int p = 0; p < E->np; p++) {
            int m = 0;
            for (size_t j = E->nf->off[p]; j < E->nf->off[p + 1]; j++)
                m += E->in[j];
            for (size_t j = E->nf->off[p]; j < E->nf->off[p + 1]; j++)
                if (E->var[j] >= 0)
                    E->lo[E->var[j]] = E->hi[E->var[j]] = 1.0 / m;
        }
        ep_try(E);
        return;
    }
    /* at most about ENUMPOLY_LEAVES leaves per support, no wider than 1/8 */
    int halvings = ENUMPOLY_LEAVES_LOG2 / E->d;
    if (halvings > 3)
        halvings = 3;
    E->leaf = ldexp(1.0, -halvings) + 1e-12;
    ep_subdivide(E, 0);
}

/* the subset after m with the same number of bits (Gosper's hack) */
static unsigned next_subset(unsigned m)
{
    unsigned c = m & -m, r = m + c;
    return (((r ^ m) >> 2) / c) | r;
}

/* every support profile with the sizes E->size */
static brink_status_t ep_sizes(ep_t *E)
{
    for (int p = 0; p < E->np; p++)
        E->mask[p] = (1u << E->size[p]) - 1;
    for (;;) {
        ep_support(E);
        if (E->st != BRINK_OK)
            return E->st;
        if (E->incomplete || (E->max_eq && E->e->count >= E->max_eq))
            return BRINK_OK;
        int p = 0;
        for (; p < E->np; p++) {
            unsigned nx = next_subset(E->mask[p]);
            if (nx < (1u << E->nf->ns[p])) {
                E->mask[p] = nx;
                break;
            }
            E->mask[p] = (1u << E->size[p]) - 1;
        }
        if (p == E->np)
            return BRINK_OK;
    }
}

/* the nearest fraction with a denominator up to 1e9 within 1e-11, or 0 */
static int ep_rationalize(double x, mpq_t q)
{
    double a = x;
    long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
    for (int it = 0; it < 40; it++) {
        double fl = floor(a);
        if (fabs(fl) > 1e12)
            return 0;
        long ai = (long)fl;
        long h2 = ai * h1 + h0, k2 = ai * k1 + k0;
        if (k2 > 1000000000L || k2 <= 0)
            return 0;
        h0 = h1;
        h1 = h2;
        k0 = k1;
        k1 = k2;
        if (fabs((double)h1 / (double)k1 - x) < 1e-11) {
            mpq_set_si(q, h1, (unsigned long)k1);
            mpq_canonicalize(q);
            return 1;
        }
        if (a - fl < 1e-15)
            return 0;
        a = 1 / (a - fl);
    }
    return 0;
}

/* 1 if sigma, read as rationals, is exactly an equilibrium (q filled) */
static int ep_exact(const ep_t *E, const double *sigma, mpq_t *q)
{
    const brink_game_t *g = E->g;
    int np = E->np, ok = 1;
    for (size_t j = 0; j < E->W && ok; j++)
        ok = ep_rationalize(sigma[j], q[j]);
    if (!ok)
        return 0;
    mpq_t t, w, best, *val = NULL;
    mpq_inits(t, w, best, NULL);
    val = brink_malloc(E->ctx, E->W * sizeof *val);
    if (!val) {
        ok = 0;
        goto cleanup;
    }
    for (size_t j = 0; j < E->W; j++)
        mpq_init(val[j]);
    for (int p = 0; p < np && ok; p++) {
        mpq_set_ui(t, 0, 1);
        for (size_t j = E->nf->off[p]; j < E->nf->off[p + 1]; j++)
            mpq_add(t, t, q[j]);
        ok = mpq_cmp_ui(t, 1, 1) == 0;
    }
    for (size_t c = 0; c < g->ncont && ok; c++) {
        size_t rem = c;
        int prof[64];
        for (int p = 0; p < np && p < 64; p++) {
            prof[p] = (int)(rem % (size_t)g->nstrat[p]);
            rem /= (size_t)g->nstrat[p];
        }
        for (int p = 0; p < np; p++) {
            mpq_set_ui(w, 1, 1);
            for (int r = 0; r < np && mpq_sgn(w); r++)
                if (r != p)
                    mpq_mul(w, w, q[E->nf->off[r] + (size_t)prof[r]]);
            if (!mpq_sgn(w))
                continue;
            mpq_mul(w, w, g->pay[c * (size_t)np + (size_t)p]);
            mpq_add(val[E->nf->off[p] + (size_t)prof[p]], val[E->nf->off[p] + (size_t)prof[p]], w);
        }
    }
    for (int p = 0; p < np && ok; p++) {
        mpq_set(best, val[E->nf->off[p]]);
        for (size_t j = E->nf->off[p]; j < E->nf->off[p + 1]; j++)
            if (mpq_cmp(val[j], best) > 0)
                mpq_set(best, val[j]);
        for (size_t j = E->nf->off[p]; j < E->nf->off[p + 1] && ok; j++)
            if (mpq_sgn(q[j]) && !mpq_equal(val[j], best))
                ok = 0;
    }
cleanup:
    if (val) {
        for (size_t j = 0; j < E->W; j++)
            mpq_clear(val[j]);
        brink_free(E->ctx, val);
    }
    mpq_clears(t, w, best, NULL);
    return ok;
}

brink_status_t solve_enumpoly(brink_ctx_t *ctx, const brink_game_t *g, size_t max_eq,
                              brink_eqset_t **out)
{
    nf_game_t nf;
    ep_t E;
    memset(&E, 0, sizeof E);
    brink_eqset_t *ex = NULL;
    mpq_t *q = NULL;
    brink_status_t st = nf_init(ctx, &nf, g);
    if (st != BRINK_OK)
        return st;
    for (int p = 0; p < nf.np; p++)
        if (nf.ns[p] > 30) {
            nf_free(ctx, &nf);
            return brink_ctx_error(ctx, BRINK_ELIMIT,
                                   "enumpoly: player %d has %d strategies; support enumeration "
                                   "over 2^%d subsets is beyond its limit (30 strategies)",
                                   p + 1, nf.ns[p], nf.ns[p]);
        }
    E.ctx = ctx;
    E.nf = &nf;
    E.g = g;
    E.W = nf.width;
    E.np = nf.np;
    E.max_eq = max_eq;
    E.st = BRINK_OK;
    size_t W = nf.width;
    E.mask = brink_calloc(ctx, (size_t)nf.np, sizeof *E.mask);
    E.last = brink_calloc(ctx, (size_t)nf.np, sizeof *E.last);
    E.c = brink_calloc(ctx, (size_t)nf.np, sizeof *E.c);
    E.var = brink_malloc(ctx, W * sizeof *E.var);
    E.lo = brink_malloc(ctx, W * sizeof *E.lo);
    E.hi = brink_malloc(ctx, W * sizeof *E.hi);
    E.sigma = brink_malloc(ctx, W * sizeof *E.sigma);
    E.val = brink_malloc(ctx, W * sizeof *E.val);
    E.in = brink_malloc(ctx, W);
    E.scratch = brink_malloc(ctx, nf_scratch_size(&nf) * sizeof *E.scratch);
    E.e = eqset_new(ctx, BRINK_PROFILE_MIXED, 0, W);
    if (!E.mask || !E.last || !E.c || !E.var || !E.lo || !E.hi || !E.sigma || !E.val || !E.in ||
        !E.scratch || !E.e) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* support profiles by increasing total size (pure profiles first);
     * within a size, by the vector of support sizes, then each player's
     * subsets of that size in increasing order (Gosper's next subset) */
    E.size = brink_calloc(ctx, (size_t)nf.np, sizeof *E.size);
    if (!E.size) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t total = (size_t)nf.np; total <= W; total++) {
        for (int p = 0; p < nf.np; p++)
            E.size[p] = 1;
        for (;;) {
            size_t sum = 0;
            for (int p = 0; p < nf.np; p++)
                sum += (size_t)E.size[p];
            if (sum == total && (st = ep_sizes(&E)) != BRINK_OK)
                goto cleanup;
            if (E.incomplete || (max_eq && E.e->count >= max_eq))
                goto done;
            int p = 0;
            for (; p < nf.np; p++) {
                if (++E.size[p] <= nf.ns[p])
                    break;
                E.size[p] = 1;
            }
            if (p == nf.np)
                break;
        }
    }
done:
    /* exact where every equilibrium is rational and checks exactly */
    q = brink_malloc(ctx, (W ? W : 1) * sizeof *q);
    ex = eqset_new(ctx, BRINK_PROFILE_MIXED, 1, W);
    if (!q || !ex) {
        brink_free(ctx, q);
        q = NULL;
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t j = 0; j < W; j++)
        mpq_init(q[j]);
    int all = g->ncont <= 1000000 && nf.np <= 64;
    for (size_t i = 0; i < E.e->count && all; i++) {
        all = ep_exact(&E, E.e->d + i * W, q);
        if (all && !eqset_has_q(ex, q) && eqset_add_q(ctx, ex, q) != BRINK_OK) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto cleanup;
        }
    }
    if (all) {
        brink_eqset_t *t = E.e;
        E.e = ex;
        ex = t;
    }
    if (E.incomplete)
        snprintf(E.e->note, sizeof E.e->note,
                 "enumpoly stopped at its work limit (%ld boxes or %ld interval terms): "
                 "the list is incomplete",
                 ENUMPOLY_MAX_BOXES, ENUMPOLY_MAX_WORK);
cleanup:
    if (q) {
        for (size_t j = 0; j < W; j++)
            mpq_clear(q[j]);
        brink_free(ctx, q);
    }
    brink_eqset_free(ctx, ex);
    brink_free(ctx, E.mask);
    brink_free(ctx, E.size);
    brink_free(ctx, E.last);
    brink_free(ctx, E.c);
    brink_free(ctx, E.var);
    brink_free(ctx, E.lo);
    brink_free(ctx, E.hi);
    brink_free(ctx, E.sigma);
    brink_free(ctx, E.val);
    brink_free(ctx, E.in);
    brink_free(ctx, E.scratch);
    nf_free(ctx, &nf);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, E.e);
        return st;
    }
    *out = E.e;
    return BRINK_OK;
}
