/* regret_behavior.c - the regret of a behaviour profile of a tree.
 *
 * With perfect recall, one pass over the tree: for player i, g(s) sums
 * (probability of the play under chance and the other players) x (i's total
 * payoff) over the plays that end with i's sequence s; the best response
 * value is best(empty), where best(s) = g(s) + sum over i's information
 * sets h entered by s of max_a best(s h a), computed from the last sequence
 * to the first (a sequence is numbered after the one it extends).  Time and
 * memory O(nodes x players).  Without perfect recall: through the
 * realization-equivalent mixed profile of the reduced strategic form. */
#include <math.h>
#include <string.h>

#include "game/game_internal.h"

/* returns BRINK_OK with *handled = 0 if the tree lacks perfect recall */
static brink_status_t tree_regret(brink_ctx_t *ctx, const brink_game_t *g, const double *prof,
                                  double *regret, int *handled)
{
    const size_t N = g->nnodes, np = (size_t)g->nplayers;
    const int NI = g->ninfosets;
    brink_status_t st = BRINK_OK;
    *handled = 0;
    int *aoff = brink_malloc(ctx, (size_t)(NI + 1) * sizeof *aoff);
    int *ppos = brink_malloc(ctx, (size_t)(NI ? NI : 1) * sizeof *ppos); /* offset in prof */
    int *sparent = brink_malloc(ctx, (size_t)(NI ? NI : 1) * sizeof *sparent);
    int *ns = brink_calloc(ctx, np ? np : 1, sizeof *ns);
    int *cur = brink_malloc(ctx, (N * np > 0 ? N * np : 1) * sizeof *cur);
    double *w = brink_malloc(ctx, (N * np > 0 ? N * np : 1) * sizeof *w);   /* reach without i */
    double *tot = brink_malloc(ctx, (N * np > 0 ? N * np : 1) * sizeof *tot); /* total payoffs */
    double *reach = brink_malloc(ctx, (N ? N : 1) * sizeof *reach);
    int *seq = NULL, *first = NULL;
    double *best = NULL;
    if (!aoff || !ppos || !sparent || !ns || !cur || !w || !tot || !reach) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    aoff[0] = 0;
    for (int k = 0; k < NI; k++) {
        aoff[k + 1] = aoff[k] + g->infosets[k].nactions;
        sparent[k] = -1;
        ppos[k] = -1;
    }
    {
        int o = 0;
        for (int p = 0; p < g->nplayers; p++)
            for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
                int gi = g->player_infosets[p + 1][k];
                ppos[gi] = o;
                o += g->infosets[gi].nactions;
            }
    }
    seq = brink_malloc(ctx, (size_t)(aoff[NI] ? aoff[NI] : 1) * sizeof *seq);
    if (!seq) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    for (int q = 0; q < aoff[NI]; q++)
        seq[q] = -1;
    for (size_t p = 0; p < np; p++)
        ns[p] = 1;
    /* preorder: sequences, reach probabilities, totals; perfect recall */
    for (size_t i = 0; i < N; i++) {
        const game_node_t *n = &g->nodes[i];
        double pr = 1;
        int mover = -1;
        if (i == 0)
            reach[0] = 1;
        else {
            const game_node_t *pn = &g->nodes[n->parent];
            const game_infoset_t *pis = &g->infosets[pn->infoset];
            mover = pis->player;
            if (mover >= 0) {
                int q = aoff[pn->infoset] + n->parent_action;
                if (seq[q] < 0)
                    seq[q] = ns[mover]++;
                pr = prof[ppos[pn->infoset] + n->parent_action];
            } else
                pr = pis->dprobs[n->parent_action];
            reach[i] = reach[n->parent] * pr;
        }
        for (size_t p = 0; p < np; p++) {
            size_t k = i * np + p;
            if (i == 0) {
                cur[k] = 0;
                w[k] = 1;
                tot[k] = 0;
            } else {
                size_t kp = n->parent * np + p;
                cur[k] = (int)p == mover
                             ? seq[aoff[g->nodes[n->parent].infoset] + n->parent_action]
                             : cur[kp];
                w[k] = (int)p == mover ? w[kp] : w[kp] * pr;
                tot[k] = tot[kp];
            }
            if (n->outcome >= 0)
                tot[k] += g->outcomes[n->outcome].dpay[p];
        }
        if (n->kind == NODE_PERSONAL) {
            int gi = n->infoset, p = g->infosets[gi].player;
            int ps = cur[i * np + (size_t)p];
            if (sparent[gi] < 0)
                sparent[gi] = ps;
            else if (sparent[gi] != ps)
                goto done; /* imperfect recall: not handled here */
        }
    }
    double worst = 0;
    for (size_t p = 0; p < np; p++) {
        int n_s = ns[p];
        best = brink_calloc(ctx, (size_t)n_s, sizeof *best);
        first = brink_malloc(ctx, (size_t)n_s * sizeof *first);
        if (!best || !first) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto done;
        }
        double value = 0;
        for (size_t i = 0; i < N; i++)
            if (g->nodes[i].kind == NODE_TERMINAL) {
                best[cur[i * np + p]] += w[i * np + p] * tot[i * np + p];
                value += reach[i] * tot[i * np + p];
            }
        /* each information set of p at the number of its first action's sequence */
        for (int s = 0; s < n_s; s++)
            first[s] = -1;
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
            int gi = g->player_infosets[p + 1][k];
            first[seq[aoff[gi]]] = gi;
        }
        for (int s = n_s - 1; s > 0; s--) {
            int gi = first[s];
            if (gi < 0)
                continue;
            double m = -INFINITY;
            for (int a = 0; a < g->infosets[gi].nactions; a++)
                if (best[seq[aoff[gi] + a]] > m)
                    m = best[seq[aoff[gi] + a]];
            best[sparent[gi]] += m;
        }
        if (best[0] - value > worst)
            worst = best[0] - value;
        brink_free(ctx, best);
        brink_free(ctx, first);
        best = NULL;
        first = NULL;
    }
    *regret = worst;
    *handled = 1;
done:
    brink_free(ctx, aoff);
    brink_free(ctx, ppos);
    brink_free(ctx, sparent);
    brink_free(ctx, ns);
    brink_free(ctx, cur);
    brink_free(ctx, w);
    brink_free(ctx, tot);
    brink_free(ctx, reach);
    brink_free(ctx, seq);
    brink_free(ctx, best);
    brink_free(ctx, first);
    return st;
}

brink_status_t brink_game_regret_behavior(brink_ctx_t *ctx, brink_game_t *game,
                                          const double *prof, size_t len, double *regret)
{
    if (!ctx || !game || !prof || !regret || game->kind != BRINK_GAME_EXTENSIVE)
        return BRINK_EINVAL;
    size_t width = game_behavior_width(game);
    if (len != width)
        return brink_ctx_error(ctx, BRINK_EINVAL,
                               "behaviour profile has %zu values, the game needs %zu", len, width);
    int handled = 0;
    brink_status_t st = tree_regret(ctx, game, prof, regret, &handled);
    if (st != BRINK_OK || handled)
        return st;
    const brink_game_t *r = NULL;
    st = brink_game_reduced(ctx, game, &r);
    if (st != BRINK_OK)
        return st;
    size_t w = 0;
    for (int p = 0; p < r->nplayers; p++)
        w += (size_t)r->nstrat[p];
    double *mixed = brink_malloc(ctx, (w ? w : 1) * sizeof *mixed);
    if (!mixed)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    size_t o = 0, bo = 0;
    for (int p = 0; p < game->nplayers; p++) {
        int ninf = game->player_ninfosets[p + 1];
        for (int s = 0; s < r->nstrat[p]; s++) {
            const int *row = game->reduced_behav[p] + (size_t)s * (size_t)(ninf ? ninf : 1);
            double pr = 1;
            size_t ao = bo;
            for (int k = 0; k < ninf; k++) {
                if (row[k])
                    pr *= prof[ao + (size_t)(row[k] - 1)];
                ao += (size_t)game->infosets[game->player_infosets[p + 1][k]].nactions;
            }
            mixed[o++] = pr;
        }
        for (int k = 0; k < ninf; k++)
            bo += (size_t)game->infosets[game->player_infosets[p + 1][k]].nactions;
    }
    st = brink_game_regret(ctx, game, mixed, w, regret);
    brink_free(ctx, mixed);
    return st;
}
