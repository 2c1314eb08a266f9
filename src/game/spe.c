/* spe.c - subgame-perfect equilibrium of a perfect-information game by
 * backward induction, in one pass over the nodes in reverse preorder
 * (children always follow their parent, so no recursion).  Exact: values
 * are GMP rationals; ties go to the first action.  Chance nodes take
 * expectations.  Output: a behaviour profile (pure at every infoset).
 * A move passes its chosen child's value on by reference, so only chance
 * nodes and moves carrying an outcome hold values of their own.
 * O(nodes x players). */
#include <string.h>

#include "game/game_internal.h"

/* where the value of a node lives: its outcome's payoffs (a leaf), another
 * node's value (a move passes on its chosen child's value without copying),
 * or an own slot (chance nodes and moves that carry an outcome) */
enum { REF_ZERO = 0, REF_OUTCOME, REF_SLOT };

typedef struct vref {
    int kind;
    size_t index;
} vref_t;

static const mpq_t *value_of(const brink_game_t *g, const vref_t *ref, mpq_t *slots,
                             const mpq_t *zero, size_t i)
{
    const vref_t *r = &ref[i];
    if (r->kind == REF_OUTCOME)
        return (const mpq_t *)g->outcomes[r->index].pay;
    if (r->kind == REF_SLOT)
        return (const mpq_t *)&slots[r->index * (size_t)g->nplayers];
    return zero;
}

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
    size_t nslots = 0;
    for (size_t i = 0; i < N; i++)
        if (g->nodes[i].kind == NODE_CHANCE ||
            (g->nodes[i].kind == NODE_PERSONAL && g->nodes[i].outcome >= 0))
            nslots++;
    vref_t *ref = brink_malloc(ctx, (N ? N : 1) * sizeof *ref);
    mpq_t *slots = brink_malloc(ctx, (nslots ? nslots : 1) * (size_t)np * sizeof *slots);
    mpq_t *zero = brink_malloc(ctx, (size_t)np * sizeof *zero);
    int *choice = brink_calloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1), sizeof *choice);
    mpq_t *vals = brink_malloc(ctx, (width ? width : 1) * sizeof *vals);
    brink_eqset_t *e = NULL;
    mpq_t t;
    mpq_init(t);
    if (!ref || !slots || !zero || !choice || !vals) {
        brink_free(ctx, slots);
        brink_free(ctx, zero);
        brink_free(ctx, vals);
        slots = zero = vals = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < nslots * (size_t)np; k++)
        mpq_init(slots[k]);
    for (int p = 0; p < np; p++)
        mpq_init(zero[p]);
    for (size_t j = 0; j < width; j++)
        mpq_init(vals[j]);
    size_t next_slot = 0;
    for (size_t i = N; i-- > 0;) {
        const game_node_t *n = &g->nodes[i];
        if (n->kind == NODE_TERMINAL) {
            ref[i].kind = n->outcome >= 0 ? REF_OUTCOME : REF_ZERO;
            ref[i].index = n->outcome >= 0 ? (size_t)n->outcome : 0;
            continue;
        }
        const game_infoset_t *is = &g->infosets[n->infoset];
        if (n->kind == NODE_CHANCE) {
            size_t sl = next_slot++;
            mpq_t *v = &slots[sl * (size_t)np];
            for (int a = 0; a < n->nchildren; a++) {
                const mpq_t *cv =
                    value_of(g, ref, slots, (const mpq_t *)zero, g->children[n->child0 + (size_t)a]);
                for (int p = 0; p < np; p++) {
                    mpq_mul(t, is->probs[a], cv[p]);
                    mpq_add(v[p], v[p], t);
                }
            }
            if (n->outcome >= 0)
                for (int p = 0; p < np; p++)
                    mpq_add(v[p], v[p], g->outcomes[n->outcome].pay[p]);
            ref[i].kind = REF_SLOT;
            ref[i].index = sl;
        } else {
            int best = 0;
            const mpq_t *bv =
                value_of(g, ref, slots, (const mpq_t *)zero, g->children[n->child0]);
            for (int a = 1; a < n->nchildren; a++) {
                const mpq_t *cv = value_of(g, ref, slots, (const mpq_t *)zero,
                                           g->children[n->child0 + (size_t)a]);
                if (mpq_cmp(cv[is->player], bv[is->player]) > 0) {
                    best = a;
                    bv = cv;
                }
            }
            choice[n->infoset] = best;
            if (n->outcome >= 0) {
                size_t sl = next_slot++;
                mpq_t *v = &slots[sl * (size_t)np];
                for (int p = 0; p < np; p++)
                    mpq_add(v[p], bv[p], g->outcomes[n->outcome].pay[p]);
                ref[i].kind = REF_SLOT;
                ref[i].index = sl;
            } else {
                ref[i] = ref[g->children[n->child0 + (size_t)best]];
            }
        }
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
    if (slots) {
        for (size_t k = 0; k < nslots * (size_t)np; k++)
            mpq_clear(slots[k]);
        brink_free(ctx, slots);
    }
    if (zero) {
        for (int p = 0; p < np; p++)
            mpq_clear(zero[p]);
        brink_free(ctx, zero);
    }
    if (vals) {
        for (size_t j = 0; j < width; j++)
            mpq_clear(vals[j]);
        brink_free(ctx, vals);
    }
    brink_free(ctx, ref);
    brink_free(ctx, choice);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s", st == BRINK_EINTERRUPT ? "interrupted" : "out of memory");
    }
    *out = e;
    return BRINK_OK;
}
