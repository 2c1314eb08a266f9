/* lcp.c - Lemke-Howson from every starting label, as Gambit's `lcp` on a
 * strategic game: paths start at the artificial equilibrium (0, 0) with each
 * of the m + n labels dropped, and again from every equilibrium found, until
 * no new equilibrium appears (the equilibria reachable by Lemke-Howson paths;
 * on degenerate games this can be fewer than enummixed finds).
 *
 * Exact: integer pivoting on GMP tableaux of the polytopes P = {x >= 0 :
 * B'x <= 1} and Q = {y >= 0 : Ay <= 1}; degenerate ratio ties are resolved
 * lexicographically: smallest ratio of the right-hand side, then largest
 * ratio of each column of the initial slack basis in turn (the slacks of
 * Gambit's polyhedral formulation have the opposite sign, so this is the
 * same perturbation as Gambit's and reaches the same equilibria on
 * degenerate games; checked on every shipped game).  The path enters the
 * strategy variable with the dropped label if it is nonbasic, else its
 * slack.
 * Time: each path is a sequence of pivots of O(m n) big-integer operations;
 * paths = (m + n) x (equilibria found + 1). */
#include <string.h>

#include "game/game_internal.h"
#include "game/tableau.h"

typedef struct lhpair {
    tableau_t P, Q;
} lhpair_t;

/* lexicographic minimum ratio row for entering variable e, or -1 */
static int lexmin(tableau_t *T, int e, int slack0, mpz_t a, mpz_t b)
{
    int best = -1;
    for (int r = 0; r < T->rows; r++) {
        if (mpz_sgn(TAB(T, r, 1 + e)) <= 0)
            continue;
        if (best < 0) {
            best = r;
            continue;
        }
        int cmp = 0;
        for (int c = -1; c < T->rows && cmp == 0; c++) {
            int col = c < 0 ? 0 : 1 + slack0 + c;
            mpz_mul(a, TAB(T, r, col), TAB(T, best, 1 + e));
            mpz_mul(b, TAB(T, best, col), TAB(T, r, 1 + e));
            cmp = mpz_cmp(a, b);
            if (c >= 0)
                cmp = -cmp;
        }
        if (cmp < 0)
            best = r;
    }
    return best;
}

/* runs one Lemke-Howson path dropping label k; returns 0 or -1 if stuck */
static int lh_path(lhpair_t *s, int m, int n, int k, mpz_t a, mpz_t b, mpz_t tmp)
{
    /* enter the strategy variable with label k if it is nonbasic, else the
     * slack with label k (the rule of Lemke-Howson as Gambit runs it) */
    int side, e;
    if (k < m) {
        side = s->P.row_of[k] < 0 ? 0 : 1;
        e = side == 0 ? k : n + k;
    } else {
        side = s->Q.row_of[k - m] < 0 ? 1 : 0;
        e = side == 1 ? k - m : k;
    }
    for (long guard = 0; guard < 1000000; guard++) {
        tableau_t *T = side == 0 ? &s->P : &s->Q;
        int r = lexmin(T, e, side == 0 ? m : n, a, b);
        if (r < 0)
            return -1;
        int l = T->basis[r];
        tab_pivot(T, r, e, tmp);
        int lab = side == 0 ? l : (l < n ? m + l : l - n);
        if (lab == k)
            return 0;
        side = !side;
        e = side == 0 ? lab : (lab >= m ? lab - m : n + lab);
    }
    return -1;
}

/* the normalised profile of a pair; returns 0 for the artificial pair */
static int profile(const lhpair_t *s, int m, int n, mpq_t *vals, mpq_t sum)
{
    const tableau_t *T[2] = {&s->P, &s->Q};
    int dims[2] = {m, n};
    size_t off = 0;
    for (int side = 0; side < 2; side++) {
        mpq_set_ui(sum, 0, 1);
        for (int v = 0; v < dims[side]; v++) {
            int r = T[side]->row_of[v];
            if (r < 0)
                mpq_set_ui(vals[off + (size_t)v], 0, 1);
            else {
                mpq_set_num(vals[off + (size_t)v], TAB(T[side], r, 0));
                mpq_set_den(vals[off + (size_t)v], T[side]->det);
                mpq_canonicalize(vals[off + (size_t)v]);
            }
            mpq_add(sum, sum, vals[off + (size_t)v]);
        }
        if (mpq_sgn(sum) == 0)
            return 0;
        for (int v = 0; v < dims[side]; v++)
            mpq_div(vals[off + (size_t)v], vals[off + (size_t)v], sum);
        off += (size_t)dims[side];
    }
    return 1;
}

brink_status_t solve_lcp(brink_ctx_t *ctx, const brink_game_t *g, size_t max_eq,
                         brink_eqset_t **out)
{
    int m = g->nstrat[0], n = g->nstrat[1], L = m + n;
    mpz_t *A = NULL, *B = NULL;
    brink_status_t st = BRINK_OK;
    brink_eqset_t *e = eqset_new(ctx, BRINK_PROFILE_MIXED, 1, (size_t)L);
    lhpair_t *found = NULL; /* the pairs of found equilibria, index = eq index */
    size_t nfound = 0, capfound = 0;
    lhpair_t start, cur;
    memset(&start, 0, sizeof start);
    memset(&cur, 0, sizeof cur);
    mpq_t *vals = brink_malloc(ctx, (size_t)L * sizeof *vals);
    mpq_t sum;
    mpz_t a, b, tmp;
    mpq_init(sum);
    mpz_inits(a, b, tmp, NULL);
    if (!e || !vals) {
        brink_free(ctx, vals);
        vals = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (int i = 0; i < L; i++)
        mpq_init(vals[i]);
    if ((st = game_bimatrix_int(ctx, g, &A, &B)) != BRINK_OK)
        goto done;
    if ((st = tab_init(ctx, &start.P, n, m, B, 1)) != BRINK_OK ||
        (st = tab_init(ctx, &start.Q, m, n, A, 0)) != BRINK_OK)
        goto done;
    /* source -1 is the artificial pair; then each found equilibrium in order */
    for (long src = -1; src < (long)nfound; src++) {
        const lhpair_t *from = src < 0 ? &start : &found[src];
        for (int k = 0; k < L; k++) {
            if (brink_ctx_interrupted(ctx)) {
                st = BRINK_EINTERRUPT;
                goto done;
            }
            if ((st = tab_copy(ctx, &cur.P, &from->P)) != BRINK_OK)
                goto done;
            if ((st = tab_copy(ctx, &cur.Q, &from->Q)) != BRINK_OK) {
                tab_free(ctx, &cur.P);
                goto done;
            }
            int ok = lh_path(&cur, m, n, k, a, b, tmp) == 0 && profile(&cur, m, n, vals, sum);
            if (ok && !eqset_has_q(e, vals)) {
                if ((st = eqset_add_q(ctx, e, vals)) != BRINK_OK)
                    goto done;
                if (nfound == capfound) {
                    size_t nc = capfound ? capfound * 2 : 16;
                    lhpair_t *nf = brink_realloc(ctx, found, nc * sizeof *nf);
                    if (!nf) {
                        st = BRINK_ENOMEM;
                        goto done;
                    }
                    found = nf;
                    capfound = nc;
                    from = src < 0 ? &start : &found[src];
                }
                found[nfound++] = cur;
                memset(&cur, 0, sizeof cur);
                if (max_eq && nfound >= max_eq)
                    goto done;
            } else {
                tab_free(ctx, &cur.P);
                tab_free(ctx, &cur.Q);
            }
        }
    }
done:
    tab_free(ctx, &cur.P);
    tab_free(ctx, &cur.Q);
    tab_free(ctx, &start.P);
    tab_free(ctx, &start.Q);
    for (size_t i = 0; i < nfound; i++) {
        tab_free(ctx, &found[i].P);
        tab_free(ctx, &found[i].Q);
    }
    brink_free(ctx, found);
    if (vals) {
        for (int i = 0; i < L; i++)
            mpq_clear(vals[i]);
        brink_free(ctx, vals);
    }
    mpq_clear(sum);
    mpz_clears(a, b, tmp, NULL);
    game_mpz_array_free(ctx, A, (size_t)m * (size_t)n);
    game_mpz_array_free(ctx, B, (size_t)m * (size_t)n);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s",
                               st == BRINK_EINTERRUPT ? "interrupted" : "out of memory in lcp");
    }
    *out = e;
    return BRINK_OK;
}
