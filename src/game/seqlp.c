/* seqlp.c - one equilibrium of a two-player constant-sum extensive game
 * with perfect recall by the sequence-form linear program (Koller, Megiddo
 * and von Stengel 1996), exact.
 *
 * Sequences are numbered per player as Gambit numbers them: the empty one
 * first, then the sequence (h, a) when the depth-first walk first takes
 * action a at information set h (so the actions of one information set need
 * not be consecutive).  With A(s, t) the expected payoff to player 1, minus
 * the game's smallest payoff, of the plays that end exactly with sequences
 * s and t (chance probabilities included), player 2's problem is
 *     minimize q_0  subject to
 *       sum_t A(s,t) y_t + sum_{h: parent(h) = s} q_h - q_{h(s)} <= 0   (every s of player 1;
 *                                                       q_{h(empty)} is q_0),
 *       y_empty = 1,  -y_parent(h) + sum_a y_(h,a) = 0  (every h of player 2),
 *       y >= 0, q >= 0.
 * Rows: player 1's sequences, then the anchor row and player 2's
 * information sets (the equalities); columns: player 2's sequences, then
 * q_0 and player 1's information sets.  It is solved by simplex.c (whose
 * pivoting rule fixes which optimal vertex comes out); y is player 2's
 * realization plan and the duals of player 1's rows are player 1's.
 * Behaviour: x(h,a) / sum_b x(h,b), the centroid where that sum is 0.  For
 * player 2 (whose plan satisfies F y = f exactly) this is Gambit's
 * x(h,a) / x(parent(h)) with the centroid at unreached information sets.
 * Player 1's plan comes from the duals and satisfies only
 * x(parent(h)) >= sum_b x(h,b) (the q_h are bounded below by 0, not free);
 * where the inequality is strict (a degenerate optimum, e.g. when player 2
 * can hold player 1 to the smallest payoff) Gambit's ratio does not sum to 1
 * and is not a strategy, while the normalised ratio is the behaviour of a
 * realization plan x' >= x, which is still optimal because every A(s,t) is
 * >= 0.  Wherever Gambit's output is a behaviour profile, the two agree.
 * Memory: dense, (sequences of 1 + infosets of 2) x (sequences of 2 +
 * infosets of 1 + sequences of 1 + infosets of 2) big integers. */
#include <string.h>

#include "game/game_internal.h"
#include "game/simplex.h"

brink_status_t solve_seqlp(brink_ctx_t *ctx, const brink_game_t *g, brink_eqset_t **out)
{
    brink_status_t st;
    mpq_t shift;
    mpq_init(shift);
    if ((st = game_lp_prepare(ctx, g, 1, shift)) != BRINK_OK) {
        mpq_clear(shift);
        return st;
    }
    const size_t N = g->nnodes;
    const int NI = g->ninfosets;
    int *aoff = brink_malloc(ctx, (size_t)(NI + 1) * sizeof *aoff);
    int *seq = NULL;     /* per action (aoff[h] + a): its sequence number */
    int *sparent = NULL; /* per global infoset: the parent sequence */
    int *cur = brink_malloc(ctx, (N ? N : 1) * 2 * sizeof *cur);
    mpq_t *prob = NULL, *tot = NULL, *A = NULL, *b = NULL, *xv = NULL, *yv = NULL,
          *plan[2] = {NULL, NULL}, *vals = NULL;
    int *c = NULL;
    size_t nprob = 0, ntot = 0, na = 0, width = 0;
    int rows = 0, cols = 0, ns[2] = {1, 1};
    brink_eqset_t *e = NULL;
    mpq_t t;
    mpq_init(t);
    if (!aoff || !cur)
        goto oom;
    aoff[0] = 0;
    for (int k = 0; k < NI; k++)
        aoff[k + 1] = aoff[k] + g->infosets[k].nactions;
    seq = brink_malloc(ctx, (size_t)(aoff[NI] ? aoff[NI] : 1) * sizeof *seq);
    sparent = brink_malloc(ctx, (size_t)(NI ? NI : 1) * sizeof *sparent);
    prob = brink_malloc(ctx, (N ? N : 1) * sizeof *prob);
    tot = brink_malloc(ctx, (N ? N : 1) * sizeof *tot);
    if (!seq || !sparent || !prob || !tot)
        goto oom;
    for (int q = 0; q < aoff[NI]; q++)
        seq[q] = -1;
    for (int k = 0; k < NI; k++)
        sparent[k] = -1;
    /* preorder walk: sequence numbers in Gambit's order, current sequences,
     * chance probabilities, player 1's total payoff */
    for (size_t i = 0; i < N; i++) {
        const game_node_t *n = &g->nodes[i];
        mpq_init(prob[i]);
        mpq_init(tot[i]);
        nprob = ntot = i + 1;
        if (i == 0) {
            cur[0] = cur[1] = 0;
            mpq_set_ui(prob[0], 1, 1);
        } else {
            const game_node_t *pn = &g->nodes[n->parent];
            const game_infoset_t *pis = &g->infosets[pn->infoset];
            cur[2 * i] = cur[2 * n->parent];
            cur[2 * i + 1] = cur[2 * n->parent + 1];
            mpq_set(tot[i], tot[n->parent]);
            if (pis->player >= 0) {
                int q = aoff[pn->infoset] + n->parent_action;
                if (seq[q] < 0)
                    seq[q] = ns[pis->player]++;
                cur[2 * i + (size_t)pis->player] = seq[q];
                mpq_set(prob[i], prob[n->parent]);
            } else {
                mpq_mul(prob[i], prob[n->parent], pis->probs[n->parent_action]);
            }
        }
        if (n->outcome >= 0)
            mpq_add(tot[i], tot[i], g->outcomes[n->outcome].pay[0]);
        if (n->kind == NODE_PERSONAL) {
            int gi = n->infoset, p = g->infosets[gi].player;
            sparent[gi] = cur[2 * i + (size_t)p]; /* the same at every member (perfect recall) */
        }
    }
    /* the linear program */
    const int n1 = ns[0], n2 = ns[1];
    const int k1 = g->player_ninfosets[1], k2 = g->player_ninfosets[2];
    rows = n1 + 1 + k2;
    cols = n2 + 1 + k1;
    if ((double)rows * (double)(1 + rows + cols) > (double)((size_t)1 << 26)) {
        st = brink_ctx_error(ctx, BRINK_ELIMIT,
                             "the sequence form has %d x %d sequences; its dense tableau would "
                             "need %.3g cells (limit 2^26): a sparse solver is not available yet",
                             n1, n2, (double)rows * (double)(1 + rows + cols));
        goto done;
    }
    na = (size_t)rows * (size_t)cols;
    A = brink_malloc(ctx, na * sizeof *A);
    b = brink_malloc(ctx, (size_t)rows * sizeof *b);
    yv = brink_malloc(ctx, (size_t)rows * sizeof *yv);
    xv = brink_malloc(ctx, (size_t)cols * sizeof *xv);
    c = brink_malloc(ctx, (size_t)cols * sizeof *c);
    if (!A || !b || !yv || !xv || !c) {
        brink_free(ctx, A);
        brink_free(ctx, b);
        brink_free(ctx, yv);
        brink_free(ctx, xv);
        A = b = yv = xv = NULL;
        goto oom;
    }
    for (size_t q = 0; q < na; q++)
        mpq_init(A[q]);
    for (int r = 0; r < rows; r++) {
        mpq_init(b[r]);
        mpq_init(yv[r]);
    }
    for (int j = 0; j < cols; j++) {
        mpq_init(xv[j]);
        c[j] = j == n2 ? -1 : 0;
    }
#define AE(r, j) A[(size_t)(r) * (size_t)cols + (size_t)(j)]
    for (size_t i = 0; i < N; i++) {
        if (g->nodes[i].kind != NODE_TERMINAL)
            continue;
        mpq_sub(t, tot[i], shift);
        mpq_mul(t, t, prob[i]);
        mpq_add(AE(cur[2 * i], cur[2 * i + 1]), AE(cur[2 * i], cur[2 * i + 1]), t);
    }
    for (int k = 0; k < k1; k++) {
        int gi = g->player_infosets[1][k];
        mpq_set_si(AE(sparent[gi], n2 + 1 + k), 1, 1);
        for (int a = 0; a < g->infosets[gi].nactions; a++)
            mpq_set_si(AE(seq[aoff[gi] + a], n2 + 1 + k), -1, 1);
    }
    for (int k = 0; k < k2; k++) {
        int gi = g->player_infosets[2][k];
        mpq_set_si(AE(n1 + 1 + k, sparent[gi]), -1, 1);
        for (int a = 0; a < g->infosets[gi].nactions; a++)
            mpq_set_si(AE(n1 + 1 + k, seq[aoff[gi] + a]), 1, 1);
    }
    mpq_set_si(AE(0, n2), -1, 1);
    mpq_set_si(AE(n1, 0), 1, 1);
#undef AE
    mpq_set_ui(b[n1], 1, 1);
    {
        lp_problem_t P = {.rows = rows, .cols = cols, .nequals = k2 + 1, .A = A, .b = b, .c = c};
        if ((st = lp_simplex(ctx, &P, xv, yv)) != BRINK_OK)
            goto done;
    }
    /* realization plans -> behaviour, in Gambit's order */
    plan[0] = yv; /* player 1: duals of its sequence rows */
    plan[1] = xv; /* player 2: its sequence columns */
    for (int p = 0; p < 2; p++)
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++)
            width += (size_t)g->infosets[g->player_infosets[p + 1][k]].nactions;
    vals = brink_malloc(ctx, (width ? width : 1) * sizeof *vals);
    if (!vals)
        goto oom;
    for (size_t q = 0; q < width; q++)
        mpq_init(vals[q]);
    /* behaviour: x(h,a) / sum_b x(h,b), uniform where that sum is 0 */
    {
        size_t o = 0;
        for (int p = 0; p < 2; p++)
            for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
                int gi = g->player_infosets[p + 1][k], nac = g->infosets[gi].nactions;
                mpq_set_ui(t, 0, 1);
                for (int a = 0; a < nac; a++)
                    mpq_add(t, t, plan[p][seq[aoff[gi] + a]]);
                for (int a = 0; a < nac; a++, o++) {
                    if (mpq_sgn(t) > 0)
                        mpq_div(vals[o], plan[p][seq[aoff[gi] + a]], t);
                    else
                        mpq_set_ui(vals[o], 1, (unsigned long)nac);
                }
            }
    }
    e = eqset_new(ctx, BRINK_PROFILE_BEHAVIOR, 1, width);
    if (!e || eqset_add_q(ctx, e, vals) != BRINK_OK)
        goto oom;
    goto done;
oom:
    st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
done:
    if (A) {
        for (size_t q = 0; q < na; q++)
            mpq_clear(A[q]);
        for (int r = 0; r < rows; r++) {
            mpq_clear(b[r]);
            mpq_clear(yv[r]);
        }
        for (int j = 0; j < cols; j++)
            mpq_clear(xv[j]);
        brink_free(ctx, A);
        brink_free(ctx, b);
        brink_free(ctx, yv);
        brink_free(ctx, xv);
    }
    if (vals) {
        for (size_t q = 0; q < width; q++)
            mpq_clear(vals[q]);
        brink_free(ctx, vals);
    }
    for (size_t i = 0; i < nprob; i++)
        mpq_clear(prob[i]);
    for (size_t i = 0; i < ntot; i++)
        mpq_clear(tot[i]);
    brink_free(ctx, prob);
    brink_free(ctx, tot);
    brink_free(ctx, c);
    brink_free(ctx, aoff);
    brink_free(ctx, seq);
    brink_free(ctx, sparent);
    brink_free(ctx, cur);
    mpq_clears(shift, t, NULL);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return st;
    }
    *out = e;
    return BRINK_OK;
}
