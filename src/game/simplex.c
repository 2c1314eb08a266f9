/* simplex.c - the exact two-phase simplex method of `lp` (see simplex.h).
 *
 * The tableau is the integer system D A x + s' = D b (s' = D s), held
 * fraction-free: row r reads sum_v T[r][1+v] var_v = T[r][0] over the common
 * denominator det, so the basic variable of row r has value T[r][0] / det.
 * Reduced costs are computed afresh at every pivot from the objective
 * coefficients of the basic variables (only a few are nonzero in both
 * phases), so no objective row is carried. */
#include <string.h>

#include "game/game_internal.h"
#include "game/simplex.h"
#include "game/tableau.h"

#define LP_MAX_PIVOTS 1000000L

/* sign of T0_r / a_r compared with T0_b / a_b (both ratios >= 0) */
static int ratio_cmp(mpz_t t0r, mpz_t ar, mpz_t t0b, mpz_t ab, mpz_t u,
                     mpz_t v)
{
    mpz_mul(u, t0r, ab);
    mpz_mul(v, t0b, ar);
    int c = mpz_cmp(u, v);
    return mpz_sgn(ar) * mpz_sgn(ab) > 0 ? c : -c;
}

brink_status_t lp_simplex(brink_ctx_t *ctx, const lp_problem_t *P, mpq_t *x, mpq_t *y)
{
    const int m = P->rows, n = P->cols, V = n + m;
    const int firsteq = m - P->nequals; /* rows firsteq.. are equalities */
    brink_status_t st = BRINK_OK;
    tableau_t T;
    memset(&T, 0, sizeof T);
    mpz_t *cost = NULL;
    int *cbrows = NULL; /* rows whose basic variable has a nonzero cost */
    mpz_t D, tmp, acc, best, u, w;
    mpz_inits(D, tmp, acc, best, u, w, NULL);

    if ((double)m * (double)(1 + V) > (double)((size_t)1 << 26)) {
        st = brink_ctx_error(ctx, BRINK_ELIMIT,
                             "the linear program has %d rows and %d columns; its dense tableau "
                             "would need %.3g cells (limit 2^26)",
                             m, n, (double)m * (double)(1 + V));
        goto done;
    }
    /* D: the least common denominator of A and b */
    mpz_set_ui(D, 1);
    for (size_t k = 0; k < (size_t)m * (size_t)n; k++)
        mpz_lcm(D, D, mpq_denref(P->A[k]));
    for (int i = 0; i < m; i++) {
        if (mpq_sgn(P->b[i]) < 0) {
            st = brink_ctx_error(ctx, BRINK_EINVAL, "lp_simplex: negative right-hand side");
            goto done;
        }
        mpz_lcm(D, D, mpq_denref(P->b[i]));
    }
    T.rows = m;
    T.vars = V;
    size_t cells = (size_t)m * (size_t)(1 + V);
    T.t = brink_malloc(ctx, cells * sizeof *T.t);
    T.basis = brink_malloc(ctx, (size_t)m * sizeof *T.basis);
    T.row_of = brink_malloc(ctx, (size_t)V * sizeof *T.row_of);
    cost = brink_malloc(ctx, (size_t)V * sizeof *cost);
    cbrows = brink_malloc(ctx, (size_t)m * sizeof *cbrows);
    if (!T.t || !T.basis || !T.row_of || !cost || !cbrows) {
        brink_free(ctx, T.t);
        brink_free(ctx, cost);
        T.t = NULL;
        cost = NULL;
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < cells; k++)
        mpz_init(T.t[k]);
    for (int v = 0; v < V; v++)
        mpz_init(cost[v]);
    mpz_init_set_ui(T.det, 1);
    for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
            mpq_t *a = &P->A[(size_t)i * (size_t)n + (size_t)j];
            mpz_divexact(tmp, D, mpq_denref(*a));
            mpz_mul(TAB(&T, i, 1 + j), tmp, mpq_numref(*a));
        }
        mpz_divexact(tmp, D, mpq_denref(P->b[i]));
        mpz_mul(TAB(&T, i, 0), tmp, mpq_numref(P->b[i]));
        mpz_set_ui(TAB(&T, i, 1 + n + i), 1);
        T.basis[i] = n + i;
    }
    for (int v = 0; v < V; v++)
        T.row_of[v] = v < n ? -1 : v - n;

    long pivots = 0;
    for (int phase = 1; phase <= 2; phase++) {
        for (int v = 0; v < V; v++) {
            if (phase == 1)
                mpz_set_si(cost[v], v >= n + firsteq ? -1 : 0);
            else if (v < n)
                mpz_mul_si(cost[v], D, P->c[v]);
            else
                mpz_set_ui(cost[v], 0);
        }
        /* phase 1 runs even from a feasible start and stops after the first
         * pivot that leaves every equality slack at 0 */
        for (;;) {
            if ((pivots & 63) == 0 && brink_ctx_interrupted(ctx)) {
                st = brink_ctx_error(ctx, BRINK_EINTERRUPT, "interrupted");
                goto done;
            }
            if (pivots >= LP_MAX_PIVOTS) {
                st = brink_ctx_error(ctx, BRINK_ENUMERIC,
                                     "the simplex method made %ld pivots without reaching an "
                                     "optimum (cycling)",
                                     pivots);
                goto done;
            }
            /* entering: the largest reduced cost det*c_v - sum_r c_B(r) T[r][v],
             * read with the sign of det; the first on ties */
            int in = -1;
            int sdet = mpz_sgn(T.det);
            int ncb = 0;
            for (int r = 0; r < m; r++)
                if (mpz_sgn(cost[T.basis[r]]) != 0)
                    cbrows[ncb++] = r;
            mpz_set_ui(best, 0);
            for (int v = 0; v < V; v++) {
                if (T.row_of[v] >= 0)
                    continue;
                if (phase == 2 && v >= n + firsteq)
                    continue; /* a fixed slack cannot move */
                mpz_mul(acc, T.det, cost[v]);
                for (int q = 0; q < ncb; q++)
                    mpz_submul(acc, cost[T.basis[cbrows[q]]], TAB(&T, cbrows[q], 1 + v));
                if (sdet < 0)
                    mpz_neg(acc, acc);
                if (mpz_cmp(acc, best) > 0) {
                    mpz_set(best, acc);
                    in = v;
                }
            }
            if (in < 0)
                break;
            /* leaving: the smallest ratio, the first row on ties */
            int out = -1;
            for (int r = 0; r < m; r++) {
                mpz_t *a = &TAB(&T, r, 1 + in);
                int sd = mpz_sgn(*a) * sdet; /* sign of the column entry */
                if (sd == 0)
                    continue;
                int fixed = phase == 2 && T.basis[r] >= n + firsteq;
                if (sd < 0 && !fixed)
                    continue;
                /* the ratio T[r][0] / a must be >= 0 */
                if (mpz_sgn(TAB(&T, r, 0)) * mpz_sgn(*a) < 0)
                    continue;
                if (out < 0 ||
                    ratio_cmp(TAB(&T, r, 0), *a, TAB(&T, out, 0), TAB(&T, out, 1 + in), u, w) < 0)
                    out = r;
            }
            if (out < 0) {
                st = brink_ctx_error(ctx, BRINK_ENUMERIC,
                                     "the linear program is unbounded (phase %d)", phase);
                goto done;
            }
            tab_pivot(&T, out, in, tmp);
            pivots++;
            if (phase == 1) {
                int done1 = 1;
                for (int i = firsteq; i < m && done1; i++)
                    if (T.row_of[n + i] >= 0 && mpz_sgn(TAB(&T, T.row_of[n + i], 0)) != 0)
                        done1 = 0;
                if (done1)
                    break;
            }
        }
        if (phase == 1) {
            for (int i = firsteq; i < m; i++)
                if (T.row_of[n + i] >= 0 && mpz_sgn(TAB(&T, T.row_of[n + i], 0)) != 0) {
                    st = brink_ctx_error(ctx, BRINK_ENUMERIC,
                                         "the linear program has no feasible point");
                    goto done;
                }
        }
    }
    /* primal: basic x_j = T[r][0] / det; dual of row i (slack nonbasic):
     * y_i = sum_r c_B(r) T[r][slack i] / det (the phase-2 costs are D c for
     * x and 0 for slacks, and y of the scaled system is y of the original) */
    for (int j = 0; j < n; j++) {
        int r = T.row_of[j];
        if (r < 0) {
            mpq_set_ui(x[j], 0, 1);
            continue;
        }
        mpz_set(mpq_numref(x[j]), TAB(&T, r, 0));
        mpz_set(mpq_denref(x[j]), T.det);
        mpq_canonicalize(x[j]);
    }
    for (int i = 0; i < m; i++) {
        if (T.row_of[n + i] >= 0) {
            mpq_set_ui(y[i], 0, 1);
            continue;
        }
        mpz_set_ui(acc, 0);
        for (int r = 0; r < m; r++)
            if (mpz_sgn(cost[T.basis[r]]) != 0)
                mpz_addmul(acc, cost[T.basis[r]], TAB(&T, r, 1 + n + i));
        mpz_set(mpq_numref(y[i]), acc);
        mpz_set(mpq_denref(y[i]), T.det);
        mpq_canonicalize(y[i]);
    }
done:
    if (T.t) {
        for (size_t k = 0; k < (size_t)T.rows * (size_t)(1 + T.vars); k++)
            mpz_clear(T.t[k]);
        brink_free(ctx, T.t);
        mpz_clear(T.det);
    }
    brink_free(ctx, T.basis);
    brink_free(ctx, T.row_of);
    if (cost) {
        for (int v = 0; v < V; v++)
            mpz_clear(cost[v]);
        brink_free(ctx, cost);
    }
    brink_free(ctx, cbrows);
    mpz_clears(D, tmp, acc, best, u, w, NULL);
    return st;
}
