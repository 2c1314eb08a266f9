/* lp.c - one equilibrium of a two-player constant-sum strategic game (or
 * the reduced strategic form of a tree) by linear programming, exact.
 *
 * Player 1's maximin problem, written as Gambit writes it so that the same
 * optimal vertex comes out when the optimal set is larger than a point:
 * with m strategies for player 1, k for player 2 and L = (the smallest
 * payoff of the game; of a tree, the smallest total of any play, not of any
 * strategy profile, as Gambit takes it) - 1,
 *     maximize v  subject to  sum_j (L - u1(j, i)) x_j + v <= 0  (i = 1..k),
 *                             sum_j x_j = 1,   x >= 0, v >= 0.
 * Every u1 - L is at least 1, so v > 0 at the optimum.  x is player 1's
 * strategy; player 2's is the dual of the k inequality rows.  The simplex
 * method and its pivoting rule are in simplex.c.  Time: O(pivots x k x
 * (m + k)) big-integer operations. */
#include <string.h>

#include "game/game_internal.h"
#include "game/simplex.h"

brink_status_t solve_lp(brink_ctx_t *ctx, const brink_game_t *game, const brink_game_t *g,
                        brink_eqset_t **out)
{
    brink_status_t st;
    mpq_t L;
    mpq_init(L);
    if ((st = game_lp_prepare(ctx, game, 0, L)) != BRINK_OK) {
        mpq_clear(L);
        return st;
    }
    mpq_t one;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    mpq_sub(L, L, one);
    const int m = g->nstrat[0], k = g->nstrat[1];
    const int rows = k + 1, cols = m + 1;
    size_t na = (size_t)rows * (size_t)cols;
    mpq_t *A = brink_malloc(ctx, na * sizeof *A);
    mpq_t *b = brink_malloc(ctx, (size_t)rows * sizeof *b);
    mpq_t *x = brink_malloc(ctx, (size_t)cols * sizeof *x);
    mpq_t *y = brink_malloc(ctx, (size_t)rows * sizeof *y);
    mpq_t *vals = brink_malloc(ctx, (size_t)(m + k) * sizeof *vals);
    int *c = brink_malloc(ctx, (size_t)cols * sizeof *c);
    brink_eqset_t *e = NULL;
    if (!A || !b || !x || !y || !vals || !c) {
        brink_free(ctx, A);
        brink_free(ctx, b);
        brink_free(ctx, x);
        brink_free(ctx, y);
        brink_free(ctx, vals);
        brink_free(ctx, c);
        mpq_clears(L, one, NULL);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    }
    for (size_t t = 0; t < na; t++)
        mpq_init(A[t]);
    for (int i = 0; i < rows; i++) {
        mpq_init(b[i]);
        mpq_init(y[i]);
    }
    for (int j = 0; j < cols; j++) {
        mpq_init(x[j]);
        c[j] = j == m;
    }
    for (int t = 0; t < m + k; t++)
        mpq_init(vals[t]);
    for (int i = 0; i < k; i++) {
        for (int j = 0; j < m; j++) {
            size_t cont = (size_t)j + (size_t)i * (size_t)m; /* player 1 fastest */
            mpq_sub(A[(size_t)i * (size_t)cols + (size_t)j], L, g->pay[2 * cont]);
        }
        mpq_set_ui(A[(size_t)i * (size_t)cols + (size_t)m], 1, 1);
    }
    for (int j = 0; j < m; j++)
        mpq_set_ui(A[(size_t)k * (size_t)cols + (size_t)j], 1, 1);
    mpq_set_ui(b[k], 1, 1);
    lp_problem_t P = {.rows = rows, .cols = cols, .nequals = 1, .A = A, .b = b, .c = c};
    st = lp_simplex(ctx, &P, x, y);
    if (st == BRINK_OK) {
        for (int j = 0; j < m; j++)
            mpq_set(vals[j], x[j]);
        for (int i = 0; i < k; i++)
            mpq_set(vals[m + i], y[i]);
        e = eqset_new(ctx, BRINK_PROFILE_MIXED, 1, (size_t)(m + k));
        if (!e || eqset_add_q(ctx, e, vals) != BRINK_OK)
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    }
    for (size_t t = 0; t < na; t++)
        mpq_clear(A[t]);
    for (int i = 0; i < rows; i++) {
        mpq_clear(b[i]);
        mpq_clear(y[i]);
    }
    for (int j = 0; j < cols; j++)
        mpq_clear(x[j]);
    for (int t = 0; t < m + k; t++)
        mpq_clear(vals[t]);
    brink_free(ctx, A);
    brink_free(ctx, b);
    brink_free(ctx, x);
    brink_free(ctx, y);
    brink_free(ctx, vals);
    brink_free(ctx, c);
    mpq_clears(L, one, NULL);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return st;
    }
    *out = e;
    return BRINK_OK;
}
