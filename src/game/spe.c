/* spe.c - subgame-perfect equilibrium of a perfect-information game by
 * backward induction, in one pass over the nodes in reverse preorder
 * (children always follow their parent, so no recursion).  Exact: values
 * are GMP rationals; ties go to the first action.  Chance nodes take
 * expectations.  Output: a behaviour profile (pure at every infoset).
 * O(nodes x players). */
#include <string.h>

#include "game/game_internal.h"

brink_status_t solve_spe(brink_ctx_t *ctx, const brink_game_t *g, brink_eqset_t **out)
{
    if (!brink_game_is_perfect_information(g))
        return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                               "spe is implemented for perfect-information games only; this game "
                               "has an information set with several nodes");
    int np = g->nplayers;
    size_t N = g->nnodes;
    size_t width = 0;
    for (int k = 0; k < g->ninfosets; k++)
        if (g->infosets[k].player >= 0)
            width += (size_t)g->infosets[k].nactions;
    brink_status_t st = BRINK_OK;
    mpq_t *val = brink_malloc(ctx, N * (size_t)np * sizeof *val);
    int *choice = brink_calloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1), sizeof *choice);
    size_t *off = brink_calloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1), sizeof *off);
    mpq_t *vals = brink_malloc(ctx, (width ? width : 1) * sizeof *vals);
    brink_eqset_t *e = NULL;
    mpq_t t;
    mpq_init(t);
    if (!val || !choice || !off || !vals) {
        brink_free(ctx, val);
        brink_free(ctx, vals);
        val = NULL;
        vals = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < N * (size_t)np; k++)
        mpq_init(val[k]);
    for (size_t j = 0; j < width; j++)
        mpq_init(vals[j]);
    for (size_t i = N; i-- > 0;) {
        const game_node_t *n = &g->nodes[i];
        mpq_t *v = &val[i * (size_t)np];
        if (n->kind == NODE_CHANCE) {
            const game_infoset_t *is = &g->infosets[n->infoset];
            for (int a = 0; a < n->nchildren; a++) {
                size_t c = g->children[n->child0 + (size_t)a];
                for (int p = 0; p < np; p++) {
                    mpq_mul(t, is->probs[a], val[c * (size_t)np + (size_t)p]);
                    mpq_add(v[p], v[p], t);
                }
            }
        } else if (n->kind == NODE_PERSONAL) {
            const game_infoset_t *is = &g->infosets[n->infoset];
            int best = 0;
            for (int a = 1; a < n->nchildren; a++) {
                size_t c = g->children[n->child0 + (size_t)a];
                size_t cb = g->children[n->child0 + (size_t)best];
                if (mpq_cmp(val[c * (size_t)np + (size_t)is->player],
                            val[cb * (size_t)np + (size_t)is->player]) > 0)
                    best = a;
            }
            choice[n->infoset] = best;
            size_t c = g->children[n->child0 + (size_t)best];
            for (int p = 0; p < np; p++)
                mpq_set(v[p], val[c * (size_t)np + (size_t)p]);
        }
        if (n->outcome >= 0)
            for (int p = 0; p < np; p++)
                mpq_add(v[p], v[p], g->outcomes[n->outcome].pay[p]);
        if ((i & 65535) == 0 && brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            goto done;
        }
    }
    {
        size_t o = 0;
        for (int p = 0; p < np; p++)
            for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
                int gi = g->player_infosets[p + 1][k];
                for (int a = 0; a < g->infosets[gi].nactions; a++)
                    mpq_set_ui(vals[o + (size_t)a], a == choice[gi] ? 1 : 0, 1);
                o += (size_t)g->infosets[gi].nactions;
            }
    }
    e = eqset_new(ctx, BRINK_PROFILE_BEHAVIOR, 1, width);
    if (!e) {
        st = BRINK_ENOMEM;
        goto done;
    }
    st = eqset_add_q(ctx, e, vals);
done:
    mpq_clear(t);
    if (val) {
        for (size_t k = 0; k < N * (size_t)np; k++)
            mpq_clear(val[k]);
        brink_free(ctx, val);
    }
    if (vals) {
        for (size_t j = 0; j < width; j++)
            mpq_clear(vals[j]);
        brink_free(ctx, vals);
    }
    brink_free(ctx, choice);
    brink_free(ctx, off);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s", st == BRINK_EINTERRUPT ? "interrupted" : "out of memory");
    }
    *out = e;
    return BRINK_OK;
}
