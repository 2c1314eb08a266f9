/* lp.c - one equilibrium of a two-player constant-sum strategic game by
 * linear programming, exact.
 *
 * With player 1's payoffs scaled to positive integers A, player 2's problem
 * max 1'w s.t. A w <= 1, w >= 0 is solved by the simplex method on an
 * integer (fraction-free, GMP) tableau with Bland's rule (no cycling); y =
 * w / 1'w is a minimax strategy of player 2, and the optimal dual u (the
 * objective row under the slack columns) gives player 1's maximin strategy
 * x = u / 1'u.  Time: O(pivots x m x (m + n)) big-integer operations; the
 * number of pivots is small in practice (exponential in the worst case). */
#include <string.h>

#include "game/game_internal.h"
#include "game/tableau.h"

brink_status_t solve_lp(brink_ctx_t *ctx, const brink_game_t *g, brink_eqset_t **out)
{
    int m = g->nstrat[0], n = g->nstrat[1];
    {
        mpq_t s0, s;
        mpq_inits(s0, s, NULL);
        int cs = 1;
        for (size_t c = 0; c < g->ncont && cs; c++) {
            mpq_add(s, g->pay[2 * c], g->pay[2 * c + 1]);
            if (c == 0)
                mpq_set(s0, s);
            else
                cs = mpq_equal(s, s0);
        }
        mpq_clears(s0, s, NULL);
        if (!cs)
            return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                   "lp needs a constant-sum game; the payoffs of this game do "
                                   "not sum to the same value in every strategy profile");
    }
    mpz_t *A = NULL, *B = NULL;
    brink_status_t st = game_bimatrix_int(ctx, g, &A, &B);
    if (st != BRINK_OK)
        return brink_ctx_error(ctx, st, "out of memory");
    /* rows 0..m-1: A w + s = 1; row m: z - 1'w = 0 (z is variable n + m) */
    tableau_t T;
    memset(&T, 0, sizeof T);
    T.rows = m + 1;
    T.vars = n + m + 1;
    size_t cells = (size_t)T.rows * (size_t)(1 + T.vars);
    brink_eqset_t *e = NULL;
    mpq_t *vals = NULL;
    mpq_t sum;
    mpz_t tmp, a, b;
    mpq_init(sum);
    mpz_inits(tmp, a, b, NULL);
    T.t = brink_malloc(ctx, cells * sizeof *T.t);
    T.basis = brink_malloc(ctx, (size_t)T.rows * sizeof *T.basis);
    T.row_of = brink_malloc(ctx, (size_t)T.vars * sizeof *T.row_of);
    vals = brink_malloc(ctx, (size_t)(m + n) * sizeof *vals);
    if (!T.t || !T.basis || !T.row_of || !vals) {
        brink_free(ctx, T.t);
        brink_free(ctx, vals);
        T.t = NULL;
        vals = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < cells; k++)
        mpz_init(T.t[k]);
    for (int i = 0; i < m + n; i++)
        mpq_init(vals[i]);
    mpz_init_set_ui(T.det, 1);
    for (int i = 0; i < m; i++) {
        mpz_set_ui(TAB(&T, i, 0), 1);
        for (int j = 0; j < n; j++)
            mpz_set(TAB(&T, i, 1 + j), A[(size_t)i * (size_t)n + (size_t)j]);
        mpz_set_ui(TAB(&T, i, 1 + n + i), 1);
        T.basis[i] = n + i;
    }
    for (int j = 0; j < n; j++)
        mpz_set_si(TAB(&T, m, 1 + j), -1);
    mpz_set_ui(TAB(&T, m, 1 + n + m), 1);
    T.basis[m] = n + m;
    for (int v = 0; v < T.vars; v++)
        T.row_of[v] = v < n ? -1 : v - n;
    for (long it = 0;; it++) {
        if ((it & 255) == 0 && brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            goto done;
        }
        /* Bland: the lowest-index variable with a negative reduced cost enters */
        int c = -1;
        for (int v = 0; v < n + m && c < 0; v++)
            if (T.row_of[v] < 0 && mpz_sgn(TAB(&T, m, 1 + v)) < 0)
                c = v;
        if (c < 0)
            break;
        int r = -1;
        for (int i = 0; i < m; i++) {
            if (mpz_sgn(TAB(&T, i, 1 + c)) <= 0)
                continue;
            if (r < 0) {
                r = i;
                continue;
            }
            mpz_mul(a, TAB(&T, i, 0), TAB(&T, r, 1 + c));
            mpz_mul(b, TAB(&T, r, 0), TAB(&T, i, 1 + c));
            int cmp = mpz_cmp(a, b);
            if (cmp < 0 || (cmp == 0 && T.basis[i] < T.basis[r]))
                r = i;
        }
        if (r < 0) {
            st = BRINK_ENUMERIC; /* cannot happen: A > 0 bounds the problem */
            goto done;
        }
        tab_pivot(&T, r, c, tmp);
    }
    /* x from the duals (objective row under the slacks), y from w */
    mpq_set_ui(sum, 0, 1);
    for (int i = 0; i < m; i++) {
        mpq_set_num(vals[i], TAB(&T, m, 1 + n + i));
        mpq_set_den(vals[i], T.det);
        mpq_canonicalize(vals[i]);
        mpq_add(sum, sum, vals[i]);
    }
    for (int i = 0; i < m; i++)
        mpq_div(vals[i], vals[i], sum);
    mpq_set_ui(sum, 0, 1);
    for (int j = 0; j < n; j++) {
        int r = T.row_of[j];
        if (r < 0)
            mpq_set_ui(vals[m + j], 0, 1);
        else {
            mpq_set_num(vals[m + j], TAB(&T, r, 0));
            mpq_set_den(vals[m + j], T.det);
            mpq_canonicalize(vals[m + j]);
        }
        mpq_add(sum, sum, vals[m + j]);
    }
    for (int j = 0; j < n; j++)
        mpq_div(vals[m + j], vals[m + j], sum);
    e = eqset_new(ctx, BRINK_PROFILE_MIXED, 1, (size_t)(m + n));
    if (!e) {
        st = BRINK_ENOMEM;
        goto done;
    }
    st = eqset_add_q(ctx, e, vals);
done:
    if (T.t) {
        for (size_t k = 0; k < cells; k++)
            mpz_clear(T.t[k]);
        brink_free(ctx, T.t);
        mpz_clear(T.det);
    }
    brink_free(ctx, T.basis);
    brink_free(ctx, T.row_of);
    if (vals) {
        for (int i = 0; i < m + n; i++)
            mpq_clear(vals[i]);
        brink_free(ctx, vals);
    }
    mpq_clear(sum);
    mpz_clears(tmp, a, b, NULL);
    game_mpz_array_free(ctx, A, (size_t)m * (size_t)n);
    game_mpz_array_free(ctx, B, (size_t)m * (size_t)n);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s", st == BRINK_EINTERRUPT ? "interrupted" : "lp failed");
    }
    *out = e;
    return BRINK_OK;
}
