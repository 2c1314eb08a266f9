/* seqlcp.c - one Nash equilibrium of a two-player extensive game with
 * perfect recall by the sequence form (Koller, Megiddo and von Stengel):
 * realization plans x (player 1) and y (player 2).  Payoffs are shifted so
 * that every play pays each player a negative total; with the costs C = -A
 * and D = -B (positive) the linear complementarity problem is
 *     x >= 0 _|_ Cy - E'u >= 0,    u >= 0 _|_ Ex - e >= 0,
 *     y >= 0 _|_ Dx - F'v >= 0,    v >= 0 _|_ Fy - f >= 0,
 * whose matrix is copositive-plus (nonnegative cost blocks plus a skew-
 * symmetric part), so Lemke's algorithm with the covering vector 1 ends at
 * a solution, never on a ray.  Pivoting is exact (integer GMP tableau) with
 * the lexicographic ratio test.  A and B are scaled to integers, each by the
 * lcm of its denominators; the covering vector is scaled with them (z0's
 * column is -lcm on the x and y rows), so that it is 1 in payoff units
 * whatever the scaling: seqlcp_sparse.c follows the same path with its own
 * row scaling.  This reaches the same equilibrium as Gambit's `lcp` on all
 * 62 shipped trees.  The solution is exact; behaviour probabilities are
 * x(h,a)/x(parent of h), the centroid where the parent sequence has
 * probability 0.  The tableau is dense: O(sequences^2) memory; the default
 * for lcp on a tree is seqlcp_sparse.c, this one is kept for cross-checks
 * (brink solve --tableau dense). */
#include <string.h>

#include "game/game_internal.h"
#include "game/tableau.h"

typedef struct sf {
    int n[2];        /* sequences per player (incl. the empty one) */
    int k[2];        /* infosets per player + 1 (rows of E and F) */
    int *seq0;       /* per global infoset: index of its first action's sequence */
    int *parent;     /* per global infoset: the player's sequence leading to it */
} sf_t;

brink_status_t solve_seqlcp(brink_ctx_t *ctx, const brink_game_t *g, brink_eqset_t **out)
{
    brink_status_t st = BRINK_OK;
    size_t N = g->nnodes;
    sf_t S;
    memset(&S, 0, sizeof S);
    int *cur = brink_malloc(ctx, N * 2 * sizeof *cur);      /* sequence of each player at a node */
    mpq_t *prob = brink_malloc(ctx, N * sizeof *prob);      /* chance probability of reaching */
    S.seq0 = brink_malloc(ctx, (size_t)(g->ninfosets + 1) * sizeof *S.seq0);
    S.parent = brink_malloc(ctx, (size_t)(g->ninfosets + 1) * sizeof *S.parent);
    mpq_t *Aq = NULL, *Bq = NULL;
    tableau_t T;
    memset(&T, 0, sizeof T);
    brink_eqset_t *e = NULL;
    mpq_t t, K;
    mpz_t a, b, tmp, lcmAB[2]; /* lcmAB: the integer scale of A and of B */
    mpq_inits(t, K, NULL);
    mpz_inits(a, b, tmp, lcmAB[0], lcmAB[1], NULL);
    size_t np_ = 0;
    if (!cur || !prob || !S.seq0 || !S.parent) {
        brink_free(ctx, prob);
        prob = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < N; i++)
        mpq_init(prob[i]);
    np_ = N;
    /* sequences: player p's infosets in order, actions in order */
    for (int p = 0; p < 2; p++) {
        int s = 1;
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
            int gi = g->player_infosets[p + 1][k];
            S.seq0[gi] = s;
            S.parent[gi] = -1;
            s += g->infosets[gi].nactions;
        }
        S.n[p] = s;
        S.k[p] = g->player_ninfosets[p + 1] + 1;
    }
    /* walk the tree in preorder: current sequences and chance probabilities */
    for (size_t i = 0; i < N; i++) {
        const game_node_t *n = &g->nodes[i];
        if (i == 0) {
            cur[0] = cur[1] = 0;
            mpq_set_ui(prob[0], 1, 1);
        } else {
            const game_node_t *pn = &g->nodes[n->parent];
            const game_infoset_t *pis = &g->infosets[pn->infoset];
            cur[2 * i] = cur[2 * n->parent];
            cur[2 * i + 1] = cur[2 * n->parent + 1];
            if (pis->player >= 0) {
                cur[2 * i + (size_t)pis->player] = S.seq0[pn->infoset] + n->parent_action;
                mpq_set(prob[i], prob[n->parent]);
            } else {
                mpq_mul(prob[i], prob[n->parent], pis->probs[n->parent_action]);
            }
        }
        if (n->kind == NODE_PERSONAL) {
            int gi = n->infoset, p = g->infosets[gi].player;
            int ps = cur[2 * i + (size_t)p];
            if (S.parent[gi] < 0)
                S.parent[gi] = ps;
            else if (S.parent[gi] != ps) {
                st = brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                     "the sequence form needs perfect recall; an information set "
                                     "of player %d is reached after different own moves",
                                     p + 1);
                goto done;
            }
        }
    }
    /* payoff matrices over sequence pairs; leaves shifted by K so that every
     * play pays each player a negative total */
    int n1 = S.n[0], n2 = S.n[1], k1 = S.k[0], k2 = S.k[1];
    {
        double rows = (double)n1 + n2 + k1 + k2;
        if (rows * (2 * rows + 2) > (double)((size_t)1 << 26) ||
            (double)n1 * (double)n2 > (double)((size_t)1 << 26)) {
            st = brink_ctx_error(ctx, BRINK_ELIMIT,
                                 "the sequence form has %d x %d sequences; its dense tableau "
                                 "would need %.3g cells (limit 2^26): use the sparse tableau "
                                 "(the default)",
                                 n1, n2, rows * (2 * rows + 2));
            goto done;
        }
    }
    Aq = brink_malloc(ctx, (size_t)n1 * (size_t)n2 * sizeof *Aq);
    Bq = brink_malloc(ctx, (size_t)n1 * (size_t)n2 * sizeof *Bq);
    if (!Aq || !Bq) {
        brink_free(ctx, Aq);
        brink_free(ctx, Bq);
        Aq = Bq = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t c = 0; c < (size_t)n1 * (size_t)n2; c++) {
        mpq_init(Aq[c]);
        mpq_init(Bq[c]);
    }
    {
        /* K = 1 + the largest total payoff of any play, for both players */
        mpq_t *tot = brink_malloc(ctx, N * 2 * sizeof *tot);
        if (!tot) {
            st = BRINK_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < 2 * N; i++)
            mpq_init(tot[i]);
        int first = 1;
        for (size_t i = 0; i < N; i++) {
            const game_node_t *n = &g->nodes[i];
            for (int p = 0; p < 2; p++) {
                if (i > 0)
                    mpq_set(tot[2 * i + (size_t)p], tot[2 * n->parent + (size_t)p]);
                if (n->outcome >= 0)
                    mpq_add(tot[2 * i + (size_t)p], tot[2 * i + (size_t)p],
                            g->outcomes[n->outcome].pay[p]);
                if (n->kind == NODE_TERMINAL && (first || mpq_cmp(tot[2 * i + (size_t)p], K) > 0)) {
                    mpq_set(K, tot[2 * i + (size_t)p]);
                    first = 0;
                }
            }
        }
        mpq_set_ui(t, 1, 1);
        mpq_add(K, K, t);
        for (size_t i = 0; i < N; i++) {
            const game_node_t *n = &g->nodes[i];
            if (n->kind != NODE_TERMINAL)
                continue;
            size_t c = (size_t)cur[2 * i] * (size_t)n2 + (size_t)cur[2 * i + 1];
            mpq_sub(t, tot[2 * i], K);
            mpq_mul(t, t, prob[i]);
            mpq_add(Aq[c], Aq[c], t);
            mpq_sub(t, tot[2 * i + 1], K);
            mpq_mul(t, t, prob[i]);
            mpq_add(Bq[c], Bq[c], t);
        }
        for (size_t i = 0; i < 2 * N; i++)
            mpq_clear(tot[i]);
        brink_free(ctx, tot);
    }
    /* integer scaling of A and B (each by the lcm of its denominators) */
    mpz_t *Az = brink_malloc(ctx, (size_t)n1 * (size_t)n2 * sizeof *Az);
    mpz_t *Bz = brink_malloc(ctx, (size_t)n1 * (size_t)n2 * sizeof *Bz);
    if (!Az || !Bz) {
        brink_free(ctx, Az);
        brink_free(ctx, Bz);
        st = BRINK_ENOMEM;
        goto done;
    }
    for (int which = 0; which < 2; which++) {
        mpq_t *Q = which ? Bq : Aq;
        mpz_t *Z = which ? Bz : Az;
        mpz_ptr lcm = lcmAB[which];
        mpz_set_ui(lcm, 1);
        for (size_t c = 0; c < (size_t)n1 * (size_t)n2; c++)
            mpz_lcm(lcm, lcm, mpq_denref(Q[c]));
        for (size_t c = 0; c < (size_t)n1 * (size_t)n2; c++) {
            mpz_init(Z[c]);
            mpz_divexact(tmp, lcm, mpq_denref(Q[c]));
            mpz_mul(Z[c], tmp, mpq_numref(Q[c]));
        }
    }
    /* the tableau: variables w (R), z (R), z0; rows R.  Row blocks:
     * x: n1, y: n2, u+: k1, u-: k1, v+: k2, v-: k2.  Row: w - M z - z0 = q. */
    int R = n1 + n2 + k1 + k2;

    int V = 2 * R + 1, Z0 = 2 * R;
    T.rows = R;
    T.vars = V;
    size_t cells = (size_t)R * (size_t)(1 + V);
    T.t = brink_malloc(ctx, cells * sizeof *T.t);
    T.basis = brink_malloc(ctx, (size_t)R * sizeof *T.basis);
    T.row_of = brink_malloc(ctx, (size_t)V * sizeof *T.row_of);
    if (!T.t || !T.basis || !T.row_of) {
        game_mpz_array_free(ctx, Az, (size_t)n1 * (size_t)n2);
        game_mpz_array_free(ctx, Bz, (size_t)n1 * (size_t)n2);
        brink_free(ctx, T.t);
        T.t = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t c = 0; c < cells; c++)
        mpz_init(T.t[c]);
    mpz_init_set_ui(T.det, 1);
    int ox = 0, oy = n1, oup = n1 + n2, ovp = oup + k1;
#define ZC(j) (1 + R + (j)) /* column of z_j */
    for (int r = 0; r < R; r++) {
        mpz_set_ui(TAB(&T, r, 1 + r), 1); /* w_r */
        /* covering vector 1 in payoff units: the scale of the x and y rows */
        if (r < n1 + n2)
            mpz_neg(TAB(&T, r, 1 + Z0), lcmAB[r < n1 ? 0 : 1]);
        else
            mpz_set_si(TAB(&T, r, 1 + Z0), -1);
        T.basis[r] = r;
    }
    for (int v = 0; v < V; v++)
        T.row_of[v] = v < R ? v : -1;
    /* x rows: w_x = -A y + E'u+ - E'u-  ->  w - (-A) y - E'u+ + E'u- */
    for (int i = 0; i < n1; i++)
        for (int j = 0; j < n2; j++)
            mpz_set(TAB(&T, ox + i, ZC(oy + j)), Az[(size_t)i * (size_t)n2 + (size_t)j]);
    for (int j = 0; j < n2; j++)
        for (int i = 0; i < n1; i++)
            mpz_set(TAB(&T, oy + j, ZC(ox + i)), Bz[(size_t)i * (size_t)n2 + (size_t)j]);
    game_mpz_array_free(ctx, Az, (size_t)n1 * (size_t)n2);
    game_mpz_array_free(ctx, Bz, (size_t)n1 * (size_t)n2);
    /* E (k1 x n1): row 0: x_0 = 1; row 1+k (infoset k of player 1):
     * -x_parent + sum_a x_(k,a) = 0; similarly F */
    for (int p = 0; p < 2; p++) {
        int ow = p == 0 ? ox : oy, op = p == 0 ? oup : ovp;
        int kk = S.k[p];
        for (int row = 0; row < kk; row++) {
            /* entries E[row][s] */
            int gi = row == 0 ? -1 : g->player_infosets[p + 1][row - 1];
            for (int s = 0; s < S.n[p]; s++) {
                int coef = 0;
                if (row == 0)
                    coef = s == 0;
                else if (s == S.parent[gi] && S.parent[gi] >= 0)
                    coef = -1;
                else if (s >= S.seq0[gi] && s < S.seq0[gi] + g->infosets[gi].nactions)
                    coef = 1;
                if (!coef)
                    continue;
                /* w_x rows: - E' u+ + E' u-  (w - M z form: M has +E' for u+) */
                mpz_set_si(TAB(&T, ow + s, ZC(op + row)), coef);
                /* w_u = E x - e: w - E x = -e */
                mpz_set_si(TAB(&T, op + row, ZC(ow + s)), -coef);
            }
            mpz_set_si(TAB(&T, op + row, 0), row == 0 ? -1 : 0);
        }
    }
    /* first step: z0 enters at the row with the most negative q (the first) */
    int r0 = -1;
    for (int r = 0; r < R; r++)
        if (mpz_sgn(TAB(&T, r, 0)) < 0 && (r0 < 0 || mpz_cmp(TAB(&T, r, 0), TAB(&T, r0, 0)) < 0))
            r0 = r;
    int leaving;
    if (r0 < 0) {
        st = brink_ctx_error(ctx, BRINK_ENUMERIC, "sequence form: trivial start");
        goto done;
    }
    for (int c = 0; c <= V; c++)
        mpz_neg(TAB(&T, r0, c), TAB(&T, r0, c));
    leaving = T.basis[r0];
    tab_pivot(&T, r0, Z0, tmp);
    for (long it = 0;; it++) {
        if ((it & 63) == 0 && brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            goto done;
        }
        if (it > 1000000) {
            st = brink_ctx_error(ctx, BRINK_ENUMERIC, "sequence form: Lemke's algorithm cycles");
            goto done;
        }
        int enter = leaving < R ? leaving + R : leaving - R; /* complement */
        /* lexicographic minimum ratio over rows with a positive entry */
        int best = -1;
        for (int r = 0; r < R; r++) {
            if (mpz_sgn(TAB(&T, r, 1 + enter)) <= 0)
                continue;
            if (best < 0) {
                best = r;
                continue;
            }
            int cmp = 0;
            for (int c = -1; c < R && cmp == 0; c++) {
                int col = c < 0 ? 0 : 1 + c;
                mpz_mul(a, TAB(&T, r, col), TAB(&T, best, 1 + enter));
                mpz_mul(b, TAB(&T, best, col), TAB(&T, r, 1 + enter));
                cmp = mpz_cmp(a, b);
            }
            if (cmp < 0)
                best = r;
        }
        if (best < 0) {
            st = brink_ctx_error(ctx, BRINK_ENUMERIC,
                                 "sequence form: Lemke's algorithm ended on a ray");
            goto done;
        }
        leaving = T.basis[best];
        tab_pivot(&T, best, enter, tmp);
        if (leaving == Z0)
            break;
    }
    /* the relaxed constraints must hold with equality: Ex = e, Fy = f */
    {
        mpz_t lhs, x0;
        mpz_inits(lhs, x0, NULL);
        int bad = 0;
        for (int p = 0; p < 2 && !bad; p++) {
            int base = p == 0 ? ox : oy;
            int r = T.row_of[R + base];
            if (r < 0 || mpz_cmp(TAB(&T, r, 0), T.det) != 0)
                bad = 1;
            for (int k = 0; k < g->player_ninfosets[p + 1] && !bad; k++) {
                int gi = g->player_infosets[p + 1][k];
                mpz_set_ui(lhs, 0);
                for (int ac = 0; ac < g->infosets[gi].nactions; ac++) {
                    int rr = T.row_of[R + base + S.seq0[gi] + ac];
                    if (rr >= 0)
                        mpz_add(lhs, lhs, TAB(&T, rr, 0));
                }
                int rp = T.row_of[R + base + S.parent[gi]];
                mpz_set_ui(x0, 0);
                if (rp >= 0)
                    mpz_set(x0, TAB(&T, rp, 0));
                if (mpz_cmp(lhs, x0) != 0)
                    bad = 1;
            }
        }
        mpz_clears(lhs, x0, NULL);
        if (bad) {
            st = brink_ctx_error(ctx, BRINK_ENUMERIC,
                                 "sequence form: the complementary solution is not a pair of "
                                 "realization plans; no equilibrium is reported");
            goto done;
        }
    }
    /* realization plans -> behaviour */
    {
        size_t width = game_behavior_width(g);
        mpq_t *vals = brink_malloc(ctx, (width ? width : 1) * sizeof *vals);
        mpq_t xp;
        if (!vals) {
            st = BRINK_ENOMEM;
            goto done;
        }
        mpq_init(xp);
        for (size_t j = 0; j < width; j++)
            mpq_init(vals[j]);
        size_t o = 0;
        for (int p = 0; p < 2; p++) {
            int base = p == 0 ? ox : oy;
            for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
                int gi = g->player_infosets[p + 1][k];
                int na = g->infosets[gi].nactions;
                int zr = T.row_of[R + base + S.parent[gi]];
                if (zr < 0 || mpz_sgn(TAB(&T, zr, 0)) == 0) {
                    for (int ac = 0; ac < na; ac++)
                        mpq_set_ui(vals[o + (size_t)ac], 1, (unsigned long)na);
                } else {
                    mpq_set_num(xp, TAB(&T, zr, 0));
                    mpq_set_den(xp, T.det);
                    mpq_canonicalize(xp);
                    for (int ac = 0; ac < na; ac++) {
                        int r = T.row_of[R + base + S.seq0[gi] + ac];
                        if (r < 0)
                            mpq_set_ui(vals[o + (size_t)ac], 0, 1);
                        else {
                            mpq_set_num(vals[o + (size_t)ac], TAB(&T, r, 0));
                            mpq_set_den(vals[o + (size_t)ac], T.det);
                            mpq_canonicalize(vals[o + (size_t)ac]);
                            mpq_div(vals[o + (size_t)ac], vals[o + (size_t)ac], xp);
                        }
                    }
                }
                o += (size_t)na;
            }
        }
        e = eqset_new(ctx, BRINK_PROFILE_BEHAVIOR, 1, width);
        if (!e)
            st = BRINK_ENOMEM;
        else
            st = eqset_add_q(ctx, e, vals);
        for (size_t j = 0; j < width; j++)
            mpq_clear(vals[j]);
        brink_free(ctx, vals);
        mpq_clear(xp);
    }
#undef ZC
done:
    if (T.t) {
        for (size_t c = 0; c < (size_t)T.rows * (size_t)(1 + T.vars); c++)
            mpz_clear(T.t[c]);
        brink_free(ctx, T.t);
        mpz_clear(T.det);
    }
    brink_free(ctx, T.basis);
    brink_free(ctx, T.row_of);
    if (Aq) {
        for (size_t c = 0; c < (size_t)S.n[0] * (size_t)S.n[1]; c++) {
            mpq_clear(Aq[c]);
            mpq_clear(Bq[c]);
        }
        brink_free(ctx, Aq);
        brink_free(ctx, Bq);
    }
    if (prob) {
        for (size_t i = 0; i < np_; i++)
            mpq_clear(prob[i]);
        brink_free(ctx, prob);
    }
    brink_free(ctx, cur);
    brink_free(ctx, S.seq0);
    brink_free(ctx, S.parent);
    mpq_clears(t, K, NULL);
    mpz_clears(a, b, tmp, lcmAB[0], lcmAB[1], NULL);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return st;
    }
    *out = e;
    return BRINK_OK;
}
