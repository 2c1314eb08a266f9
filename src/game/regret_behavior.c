/* regret_behavior.c - the regret of a behaviour profile of a tree.
 *
 * With perfect recall (every information set of a player is reached after
 * the same own sequence of moves), directly on the tree: for each player p,
 * one pass down the tree gives every node's probability under the others'
 * moves and chance (rho) and p's last own sequence; each payoff then adds
 * rho x payoff to that sequence, and a pass over p's information sets from
 * the deepest up takes at each the best action's value and adds it to the
 * parent sequence, so the empty sequence ends with the value of p's best
 * reply.  Regret = max over players of (best reply value - value of the
 * profile).  O(nodes x players) time and memory, doubles.  (A node whose
 * probability underflows to 0 contributes nothing; such a node's weight is
 * below 1e-308 of the payoffs, far under any tolerance.)
 *
 * Without perfect recall, through the realization-equivalent mixed profile
 * of the reduced strategic form, as before (exponential in the tree). */
#include <math.h>
#include <stdint.h>

#include "game/game_internal.h"

/* regret of player p's best reply in a perfect-recall tree; returns 0 and
 * sets *ok = 0 if p's information sets are not reached after one sequence */
static brink_status_t tree_regret_player(brink_ctx_t *ctx, const brink_game_t *g,
                                         const double *prof, const size_t *off, int p,
                                         double *rho, double *rall, size_t *seq, double *val,
                                         size_t *first, size_t *par, int *order, int *ok,
                                         double *regret)
{
    size_t N = g->nnodes;
    size_t nseq = 1;
    for (int k = 0; k < g->player_ninfosets[p + 1]; k++)
        nseq += (size_t)g->infosets[g->player_infosets[p + 1][k]].nactions;
    /* own sequences: 0 = empty, 1 + (offset of the action within p's actions) */
    size_t pbase = off[g->player_infosets[p + 1][0]];
    for (size_t s = 0; s < nseq; s++)
        val[s] = 0;
    for (int k = 0; k < g->ninfosets; k++) {
        first[k] = SIZE_MAX;
        par[k] = SIZE_MAX;
    }
    double cur = 0;
    *ok = 1;
    for (size_t i = 0; i < N; i++) {
        const game_node_t *n = &g->nodes[i];
        if (i == 0) {
            rho[0] = 1;
            rall[0] = 1;
            seq[0] = 0;
        } else {
            const game_node_t *pn = &g->nodes[n->parent];
            const game_infoset_t *is = &g->infosets[pn->infoset];
            double pr = is->player < 0 ? is->dprobs[n->parent_action]
                                       : prof[off[pn->infoset] + (size_t)n->parent_action];
            rall[i] = rall[n->parent] * pr;
            if (is->player == p) {
                rho[i] = rho[n->parent];
                seq[i] = 1 + off[pn->infoset] - pbase + (size_t)n->parent_action;
            } else {
                rho[i] = rho[n->parent] * pr;
                seq[i] = seq[n->parent];
            }
        }
        if (n->kind == NODE_PERSONAL && g->infosets[n->infoset].player == p) {
            int k = n->infoset;
            if (first[k] == SIZE_MAX) {
                first[k] = i;
                par[k] = seq[i];
            } else if (par[k] != seq[i]) {
                *ok = 0;
                return BRINK_OK;
            }
        }
        if (n->outcome >= 0) {
            double u = g->outcomes[n->outcome].dpay[p];
            val[seq[i]] += rho[i] * u;
            cur += rall[i] * u;
        }
    }
    (void)ctx;
    /* p's information sets from the deepest first appearance up: a later
     * information set of p lies below a node of an earlier one */
    int nk = 0;
    for (size_t i = N; i-- > 0;) {
        const game_node_t *n = &g->nodes[i];
        if (n->kind == NODE_PERSONAL && g->infosets[n->infoset].player == p &&
            first[n->infoset] == i)
            order[nk++] = n->infoset;
    }
    for (int c = 0; c < nk; c++) {
        int k = order[c];
        const game_infoset_t *is = &g->infosets[k];
        size_t s0 = 1 + off[k] - pbase;
        double best = val[s0];
        for (int a = 1; a < is->nactions; a++)
            if (val[s0 + (size_t)a] > best)
                best = val[s0 + (size_t)a];
        val[par[k]] += best;
    }
    *regret = val[0] - cur;
    return BRINK_OK;
}

/* the regret through the reduced strategic form (any recall) */
static brink_status_t reduced_regret(brink_ctx_t *ctx, brink_game_t *game, const double *prof,
                                     double *regret)
{
    const brink_game_t *r = NULL;
    brink_status_t st = brink_game_reduced(ctx, game, &r);
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

brink_status_t brink_game_regret_behavior(brink_ctx_t *ctx, brink_game_t *game,
                                          const double *prof, size_t len, double *regret)
{
    if (!ctx || !game || !prof || !regret || game->kind != BRINK_GAME_EXTENSIVE)
        return BRINK_EINVAL;
    size_t width = 0;
    for (int k = 0; k < game->ninfosets; k++)
        if (game->infosets[k].player >= 0)
            width += (size_t)game->infosets[k].nactions;
    if (len != width)
        return brink_ctx_error(ctx, BRINK_EINVAL,
                               "behaviour profile has %zu values, the game needs %zu", len, width);
    const brink_game_t *g = game;
    size_t N = g->nnodes;
    size_t *off = brink_calloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1), sizeof *off);
    double *rho = brink_malloc(ctx, N * sizeof *rho);
    double *rall = brink_malloc(ctx, N * sizeof *rall);
    size_t *seq = brink_malloc(ctx, N * sizeof *seq);
    double *val = brink_malloc(ctx, (width + 1) * sizeof *val);
    size_t *first = brink_malloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1) * sizeof *first);
    size_t *par = brink_malloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1) * sizeof *par);
    int *order = brink_malloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1) * sizeof *order);
    brink_status_t st = BRINK_OK;
    int ok = 1;
    double worst = 0;
    if (!off || !rho || !rall || !seq || !val || !first || !par || !order) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    {
        size_t o = 0;
        for (int p = 0; p < g->nplayers; p++)
            for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
                int gi = g->player_infosets[p + 1][k];
                off[gi] = o;
                o += (size_t)g->infosets[gi].nactions;
            }
    }
    for (int p = 0; p < g->nplayers && ok; p++) {
        if (g->player_ninfosets[p + 1] == 0)
            continue; /* a player without moves has no regret */
        double r = 0;
        st = tree_regret_player(ctx, g, prof, off, p, rho, rall, seq, val, first, par, order, &ok,
                                &r);
        if (st != BRINK_OK)
            goto done;
        if (ok && r > worst)
            worst = r;
    }
done:
    brink_free(ctx, off);
    brink_free(ctx, rho);
    brink_free(ctx, rall);
    brink_free(ctx, seq);
    brink_free(ctx, val);
    brink_free(ctx, first);
    brink_free(ctx, par);
    brink_free(ctx, order);
    if (st != BRINK_OK)
        return st;
    if (!ok)
        return reduced_regret(ctx, game, prof, regret);
    *regret = worst;
    return BRINK_OK;
}
