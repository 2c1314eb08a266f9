/* constsum.c - the checks and the payoff shift that `lp` shares between the
 * strategic and the sequence form: two players, constant sum, perfect
 * recall (trees), and the smallest payoff of the game, all as Gambit defines
 * them (a tree is constant-sum when every play's total payoff, summed over
 * the outcomes along it, is the same; its smallest payoff is the smallest
 * total of any play, not of any strategy profile).  Perfect recall is
 * checked for the sequence form only: the reduced strategic form of a tree
 * without it is still a matrix game, which brink's other strategic methods
 * solve too (Gambit refuses such trees in every method). */
#include <string.h>

#include "game/game_internal.h"

/* cumulative payoffs of every node (nnodes * nplayers), preorder */
static mpq_t *tree_totals(brink_ctx_t *ctx, const brink_game_t *g)
{
    size_t np = (size_t)g->nplayers, N = g->nnodes;
    mpq_t *tot = brink_malloc(ctx, (N * np > 0 ? N * np : 1) * sizeof *tot);
    if (!tot)
        return NULL;
    for (size_t i = 0; i < N; i++) {
        const game_node_t *n = &g->nodes[i];
        for (size_t p = 0; p < np; p++) {
            mpq_t *t = &tot[i * np + p];
            mpq_init(*t);
            if (i > 0)
                mpq_set(*t, tot[n->parent * np + p]);
            if (n->outcome >= 0)
                mpq_add(*t, *t, g->outcomes[n->outcome].pay[p]);
        }
    }
    return tot;
}

static void totals_free(brink_ctx_t *ctx, const brink_game_t *g, mpq_t *tot)
{
    for (size_t k = 0; k < g->nnodes * (size_t)g->nplayers; k++)
        mpq_clear(tot[k]);
    brink_free(ctx, tot);
}

brink_status_t game_lp_prepare(brink_ctx_t *ctx, const brink_game_t *g, int recall,
                                mpq_ptr minpay_out)
{
    if (g->nplayers != 2)
        return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                               "lp needs a two-player game; this game has %d players",
                               g->nplayers);
    brink_status_t st = BRINK_OK;
    mpq_t s0, s, minpay;
    mpq_inits(s0, s, minpay, NULL);
    if (g->kind == BRINK_GAME_STRATEGIC) {
        int cs = 1;
        for (size_t c = 0; c < g->ncont; c++) {
            mpq_add(s, g->pay[2 * c], g->pay[2 * c + 1]);
            if (c == 0)
                mpq_set(s0, s);
            else if (!mpq_equal(s, s0))
                cs = 0;
            for (int p = 0; p < 2; p++)
                if ((c == 0 && p == 0) || mpq_cmp(g->pay[2 * c + (size_t)p], minpay) < 0)
                    mpq_set(minpay, g->pay[2 * c + (size_t)p]);
        }
        if (!cs)
            st = brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                 "lp needs a constant-sum game; the payoffs of this game do not "
                                 "sum to the same value in every strategy profile");
        goto done;
    }
    mpq_t *tot = tree_totals(ctx, g);
    if (!tot) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    int cs = 1, first = 1;
    size_t bad = 0;
    for (size_t i = 0; i < g->nnodes; i++) {
        if (g->nodes[i].kind != NODE_TERMINAL)
            continue;
        mpq_add(s, tot[2 * i], tot[2 * i + 1]);
        if (first)
            mpq_set(s0, s);
        else if (cs && !mpq_equal(s, s0)) {
            cs = 0;
            bad = i;
        }
        for (int p = 0; p < 2; p++)
            if ((first && p == 0) || mpq_cmp(tot[2 * i + (size_t)p], minpay) < 0)
                mpq_set(minpay, tot[2 * i + (size_t)p]);
        first = 0;
    }
    totals_free(ctx, g, tot);
    if (!cs) {
        st = brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                             "lp needs a constant-sum game; the payoffs of this game do not sum "
                             "to the same value at every terminal node (node %zu differs from "
                             "the first)",
                             bad + 1);
        goto done;
    }
    /* perfect recall: every node of an information set follows the same
     * last own move (information set and action) of its player */
    if (recall) {
        size_t N = g->nnodes;
        int *last = brink_malloc(ctx, (N ? N : 1) * 2 * sizeof *last);
        int *seen = brink_malloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1) * sizeof *seen);
        int *aoff = brink_malloc(ctx, (size_t)(g->ninfosets + 1) * sizeof *aoff);
        if (!last || !seen || !aoff) {
            brink_free(ctx, last);
            brink_free(ctx, seen);
            brink_free(ctx, aoff);
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto done;
        }
        aoff[0] = 0;
        for (int k = 0; k < g->ninfosets; k++) {
            aoff[k + 1] = aoff[k] + g->infosets[k].nactions;
            seen[k] = -2; /* not met yet; -1 = the empty sequence */
        }
        for (size_t i = 0; i < N && st == BRINK_OK; i++) {
            const game_node_t *n = &g->nodes[i];
            if (i == 0)
                last[0] = last[1] = -1;
            else {
                const game_node_t *pn = &g->nodes[n->parent];
                int pp = g->infosets[pn->infoset].player;
                last[2 * i] = last[2 * n->parent];
                last[2 * i + 1] = last[2 * n->parent + 1];
                if (pp >= 0)
                    last[2 * i + (size_t)pp] = aoff[pn->infoset] + n->parent_action;
            }
            if (n->kind != NODE_PERSONAL)
                continue;
            int gi = n->infoset, p = g->infosets[gi].player;
            if (seen[gi] == -2)
                seen[gi] = last[2 * i + (size_t)p];
            else if (seen[gi] != last[2 * i + (size_t)p])
                st = brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                     "lp needs perfect recall; information set %d of player %d "
                                     "is reached after different own moves",
                                     g->infosets[gi].number, p + 1);
        }
        brink_free(ctx, last);
        brink_free(ctx, seen);
        brink_free(ctx, aoff);
    }
done:
    if (st == BRINK_OK && minpay_out)
        mpq_set(minpay_out, minpay);
    mpq_clears(s0, s, minpay, NULL);
    return st;
}
