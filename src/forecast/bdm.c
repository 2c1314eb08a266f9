/*
 * bdm.c - Bueno de Mesquita's expected-utility model in the formulation of
 * Scholz, Calbert and Smith (2011), one dimension, following the equations
 * of jmckib's replication of Scholz's code (see docs/forecast.md):
 *
 *   R = x_max - x_min over the initial positions;
 *   v_k(a,b) = c_k s_k ((|x_k-x_b|/R)^r_k - (|x_k-x_a|/R)^r_k), each voter's r_k;
 *   P(i>j) = sum_k max(0, v_k(i,j)) / denominator, where the denominator is
 *            sum_k sum_a sum_b |v_k(a,b)| over all pairs (scholz_p = 1,
 *            Scholz's code) or sum_k |v_k(i,j)| (scholz_p = 0, the paper);
 *   U_s = 2 - 4(0.5 - 0.5|x_i-x_j|/R)^r, U_f = 2 - 4(0.5 + 0.5|x_i-x_j|/R)^r,
 *   U_sq = 2 - 4 (0.5)^r;
 *   EU_i(i->j) = s_j [P U_s + (1-P) U_f] + (1-s_j) U_s - Q U_sq, the U with
 *            the evaluator's r;
 *   security D_i = sum_{k != i} EU_k(k->i) with r = 1,
 *   R_i = (2 D_i - D_max - D_min)/(D_max - D_min), r_i = (1 - R_i/3)/(1 + R_i/3).
 *
 * Offers, from i's view of each j (e_ij = EU_i(i->j), e_ji = EU_i(j->i)):
 * confrontation (e_ji > e_ij > 0) moves i to x_j; compromise (e_ji > 0 > e_ij,
 * e_ji > |e_ij|) moves i by |e_ij/e_ji| of the way to x_j; capitulation
 * (e_ji > 0 > e_ij, e_ji < |e_ij|) moves i to x_j, but in Scholz's code the
 * test is e_ji < |e_ji|, never true (capitulation = 0 keeps that).  i takes
 * the confrontation with the least move, else a compromise, else the
 * capitulation with the least move.  Among compromises Scholz's code (and
 * scholz_p = 1) takes the smallest EU-weighted point (|e_ij| x_i + |e_ji|
 * x_j)/(|e_ij| + |e_ji|) rather than the least move (scholz_p = 0, the
 * paper).  All actors move at once.  With these rules the EU example
 * reproduces jmckib's ten rounds, which he reports match Scholz's code.
 */
#include <math.h>
#include <string.h>

#include "forecast/fc_internal.h"

void brink_bdm_options_default(brink_bdm_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->rounds = 10;
    o->dim = 0;
    o->scholz_p = 1;
    o->capitulation = 0;
    o->q = 1.0;
}

void brink_bdm_result_clear(brink_ctx_t *ctx, brink_bdm_result_t *r)
{
    if (!r)
        return;
    brink_free(ctx, r->pos);
    brink_free(ctx, r->mean);
    brink_free(ctx, r->median);
    brink_free(ctx, r->risk);
    memset(r, 0, sizeof *r);
}

typedef struct bdm {
    size_t n;
    const double *c, *s; /* capability, salience 0-1 */
    const double *x;     /* current positions */
    const double *r;     /* current risk exponents of the voters */
    double R;            /* range */
    const brink_bdm_options_t *o;
} bdm_t;

static double vote(const bdm_t *b, size_t k, double xa, double xb, double r)
{
    return b->c[k] * b->s[k] *
           (pow(fabs(b->x[k] - xb) / b->R, r) - pow(fabs(b->x[k] - xa) / b->R, r));
}

/* P(i beats j): each voter k uses its own exponent r_k. */
static double prob(const bdm_t *b, size_t i, size_t j)
{
    if (b->x[i] == b->x[j])
        return 0.0;
    double num = 0, den = 0;
    for (size_t k = 0; k < b->n; k++) {
        double v = vote(b, k, b->x[i], b->x[j], b->r[k]);
        if (v > 0)
            num += v;
        if (b->o->scholz_p) {
            for (size_t a = 0; a < b->n; a++)
                for (size_t c = 0; c < b->n; c++)
                    den += fabs(vote(b, k, b->x[a], b->x[c], b->r[k]));
        } else {
            den += fabs(v);
        }
    }
    return den > 0 ? num / den : 0.0;
}

/* EU of a challenge by i against j, evaluated with exponent r. */
static double eu(const bdm_t *b, size_t i, size_t j, double r)
{
    double d = fabs(b->x[i] - b->x[j]) / b->R;
    double us = 2 - 4 * pow(0.5 - 0.5 * d, r);
    double uf = 2 - 4 * pow(0.5 + 0.5 * d, r);
    double usq = 2 - 4 * pow(0.5, r);
    double p = prob(b, i, j);
    return b->s[j] * (p * us + (1 - p) * uf) + (1 - b->s[j]) * us - b->o->q * usq;
}

static double mean_of(const bdm_t *b)
{
    double num = 0, den = 0;
    for (size_t i = 0; i < b->n; i++) {
        num += b->c[i] * b->s[i] * b->x[i];
        den += b->c[i] * b->s[i];
    }
    return num / den;
}

/* sequential pairwise comparison with r = 1 (as jmckib) */
static double median_of(const bdm_t *b)
{
    double w = b->x[0];
    for (size_t a = 1; a < b->n; a++) {
        double v = 0;
        for (size_t k = 0; k < b->n; k++)
            v += b->c[k] * b->s[k] * (fabs(b->x[k] - w) - fabs(b->x[k] - b->x[a]));
        if (v > 0)
            w = b->x[a];
    }
    return w;
}

/* Are the positions of rounds a and b the same within tol? */
static int same_round(const brink_bdm_result_t *r, size_t a, size_t b, double tol)
{
    for (size_t i = 0; i < r->n; i++)
        if (fabs(r->pos[a * r->n + i] - r->pos[b * r->n + i]) > tol)
            return 0;
    return 1;
}

/* Settled, cycling or neither: see brink_bdm_result_t. */
static void classify(brink_bdm_result_t *r, double tol)
{
    const size_t T = r->rounds;
    r->period = 0;
    r->settled_round = 0;
    if (same_round(r, T, T - 1, tol)) {
        size_t k = T - 1;
        while (k > 0 && same_round(r, k, k - 1, tol))
            k--;
        r->convergence = BRINK_BDM_SETTLED;
        r->settled_round = k;
        return;
    }
    /* the shortest period p whose last 2p rounds repeat, p >= 2 */
    for (size_t p = 2; 2 * p <= T; p++) {
        int rep = 1;
        for (size_t k = 0; k < p && rep; k++)
            rep = same_round(r, T - k, T - k - p, tol);
        if (rep) {
            r->convergence = BRINK_BDM_CYCLE;
            r->period = p;
            return;
        }
    }
    r->convergence = BRINK_BDM_UNSETTLED;
}

brink_status_t brink_bdm_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                             const brink_bdm_options_t *o, brink_bdm_result_t *r)
{
    if (!ctx || !s || !o || !r)
        return BRINK_EINVAL;
    memset(r, 0, sizeof *r);
    const size_t n = s->n, T = o->rounds;
    if (o->dim >= s->d || n < 2 || T < 1)
        return brink_ctx_error(ctx, BRINK_EINVAL, "bdm: invalid dimension, actors or rounds");
    double *c = brink_malloc(ctx, n * sizeof *c), *sal = brink_malloc(ctx, n * sizeof *sal);
    double *x = brink_malloc(ctx, n * sizeof *x), *nx = brink_malloc(ctx, n * sizeof *nx);
    double *ri = brink_malloc(ctx, n * sizeof *ri), *D = brink_malloc(ctx, n * sizeof *D);
    r->pos = brink_malloc(ctx, (T + 1) * n * sizeof(double));
    r->mean = brink_malloc(ctx, (T + 1) * sizeof(double));
    r->median = brink_malloc(ctx, (T + 1) * sizeof(double));
    r->risk = brink_malloc(ctx, T * n * sizeof(double));
    brink_status_t st = BRINK_OK;
    if (!c || !sal || !x || !nx || !ri || !D || !r->pos || !r->mean || !r->median || !r->risk) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    r->n = n;
    r->rounds = T;
    double xmin = INFINITY, xmax = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        c[i] = s->cap[i];
        sal[i] = s->sal[i * s->d + o->dim] / 100.0;
        x[i] = s->pos[i * s->d + o->dim];
        xmin = x[i] < xmin ? x[i] : xmin;
        xmax = x[i] > xmax ? x[i] : xmax;
    }
    if (!(xmax > xmin)) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "bdm: every actor holds the same position");
        goto done;
    }
    bdm_t b = {n, c, sal, x, ri, xmax - xmin, o};
    memcpy(r->pos, x, n * sizeof *x);
    r->mean[0] = mean_of(&b);
    r->median[0] = median_of(&b);
    for (size_t t = 0; t < T; t++) {
        /* risk exponents from security levels, computed with every r = 1 */
        double dmin = INFINITY, dmax = -INFINITY;
        for (size_t i = 0; i < n; i++)
            ri[i] = 1.0;
        for (size_t i = 0; i < n; i++) {
            double sum = 0;
            for (size_t k = 0; k < n; k++)
                if (k != i)
                    sum += eu(&b, k, i, 1.0);
            D[i] = sum;
            dmin = D[i] < dmin ? D[i] : dmin;
            dmax = D[i] > dmax ? D[i] : dmax;
        }
        for (size_t i = 0; i < n; i++) {
            double R = dmax > dmin ? (2 * D[i] - dmax - dmin) / (dmax - dmin) : 0.0;
            r->risk[t * n + i] = (1 - R / 3) / (1 + R / 3);
        }
        memcpy(ri, r->risk + t * n, n * sizeof *ri);
        for (size_t i = 0; i < n; i++) {
            double best[3] = {INFINITY, INFINITY, INFINITY}, to[3] = {x[i], x[i], x[i]};
            double ckey = INFINITY;
            for (size_t j = 0; j < n; j++) {
                if (j == i || x[j] == x[i])
                    continue;
                double eij = eu(&b, i, j, ri[i]), eji = eu(&b, j, i, ri[i]);
                int kind = -1;
                double target = x[i];
                if (eji > eij && eij > 0) {
                    kind = 0;
                    target = x[j];
                } else if (eji > 0 && eij < 0 && eji > fabs(eij)) {
                    kind = 1;
                    target = x[i] + (x[j] - x[i]) * fabs(eij / eji);
                } else if (o->capitulation && eji > 0 && eij < 0 && eji < fabs(eij)) {
                    kind = 2;
                    target = x[j];
                }
                if (kind == 1 && o->scholz_p) {
                    /* Scholz's code ranks compromises by the EU-weighted point
                     * (|e_ij| x_i + |e_ji| x_j)/(|e_ij| + |e_ji|), smallest first */
                    double key = (fabs(eij) * x[i] + fabs(eji) * x[j]) / (fabs(eij) + fabs(eji));
                    if (key < ckey) {
                        ckey = key;
                        best[1] = 0;
                        to[1] = target;
                    }
                } else if (kind >= 0 && fabs(target - x[i]) < best[kind]) {
                    best[kind] = fabs(target - x[i]);
                    to[kind] = target;
                }
            }
            nx[i] = isfinite(best[0]) ? to[0] : isfinite(best[1]) ? to[1] : to[2];
        }
        memcpy(x, nx, n * sizeof *x);
        memcpy(r->pos + (t + 1) * n, x, n * sizeof *x);
        r->mean[t + 1] = mean_of(&b);
        r->median[t + 1] = median_of(&b);
    }
    classify(r, 1e-9 * (xmax - xmin));
done:
    brink_free(ctx, c);
    brink_free(ctx, sal);
    brink_free(ctx, x);
    brink_free(ctx, nx);
    brink_free(ctx, ri);
    brink_free(ctx, D);
    if (st != BRINK_OK)
        brink_bdm_result_clear(ctx, r);
    return st;
}
