/* seqform.c - the sparse sequence form of a two-player tree (seqform.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "game/seqform.h"

typedef struct leafkey {
    int s1, s2;
    size_t node;
} leafkey_t;

static int leafkey_cmp(const void *a, const void *b)
{
    const leafkey_t *x = a, *y = b;
    if (x->s1 != y->s1)
        return x->s1 < y->s1 ? -1 : 1;
    if (x->s2 != y->s2)
        return x->s2 < y->s2 ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

void seqform_free(brink_ctx_t *ctx, seqform_t *sf)
{
    if (!sf)
        return;
    brink_free(ctx, sf->seq0);
    brink_free(ctx, sf->parent);
    for (int p = 0; p < 2; p++) {
        brink_free(ctx, sf->seq_iset[p]);
        brink_free(ctx, sf->kid0[p]);
        brink_free(ctx, sf->kids[p]);
        brink_free(ctx, sf->ps[p]);
    }
    brink_free(ctx, sf->pleaf0);
    brink_free(ctx, sf->leaf);
    brink_free(ctx, sf->row1);
    brink_free(ctx, sf->row2);
    brink_free(ctx, sf->by2);
    if (sf->pay) {
        for (size_t p = 0; sf->have && p < sf->npairs; p++)
            if (sf->have[p]) {
                mpq_clear(sf->pay[2 * p]);
                mpq_clear(sf->pay[2 * p + 1]);
            }
        brink_free(ctx, sf->pay);
    }
    brink_free(ctx, sf->have);
    if (sf->tot) {
        for (size_t i = 0; i < 2 * sf->g->nnodes; i++)
            mpq_clear(sf->tot[i]);
        brink_free(ctx, sf->tot);
    }
    mpq_clear(sf->K);
    memset(sf, 0, sizeof *sf);
}

/* the total payoff of player p at leaf i */
static mpq_srcptr leaf_total(const seqform_t *sf, size_t i, int p, mpq_srcptr zero)
{
    const brink_game_t *g = sf->g;
    if (sf->tot)
        return sf->tot[2 * i + (size_t)p];
    int o = g->nodes[i].outcome;
    return o >= 0 ? g->outcomes[o].pay[p] : zero;
}

brink_status_t seqform_build(brink_ctx_t *ctx, const brink_game_t *g, seqform_t *sf)
{
    memset(sf, 0, sizeof *sf);
    mpq_init(sf->K);
    sf->g = g;
    if (g->nplayers != 2)
        return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                               "the sequence form needs two players; this game has %d",
                               g->nplayers);
    brink_status_t st = BRINK_OK;
    size_t N = g->nnodes;
    int ni = g->ninfosets + 1;
    int *cur = brink_malloc(ctx, 2 * N * sizeof *cur);
    leafkey_t *lk = NULL;
    size_t nleaves = 0;
    sf->seq0 = brink_malloc(ctx, (size_t)ni * sizeof *sf->seq0);
    sf->parent = brink_malloc(ctx, (size_t)ni * sizeof *sf->parent);
    if (!cur || !sf->seq0 || !sf->parent) {
        st = BRINK_ENOMEM;
        goto done;
    }
    for (int p = 0; p < 2; p++) {
        int s = 1;
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
            int gi = g->player_infosets[p + 1][k];
            sf->seq0[gi] = s;
            sf->parent[gi] = -1;
            s += g->infosets[gi].nactions;
        }
        sf->n[p] = s;
        sf->k[p] = g->player_ninfosets[p + 1] + 1;
        sf->seq_iset[p] = brink_malloc(ctx, (size_t)s * sizeof(int));
        sf->kid0[p] = brink_calloc(ctx, (size_t)s + 1, sizeof(int));
        sf->kids[p] = brink_malloc(ctx, (size_t)sf->k[p] * sizeof(int));
        if (!sf->seq_iset[p] || !sf->kid0[p] || !sf->kids[p]) {
            st = BRINK_ENOMEM;
            goto done;
        }
        sf->seq_iset[p][0] = -1;
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
            int gi = g->player_infosets[p + 1][k];
            for (int a = 0; a < g->infosets[gi].nactions; a++)
                sf->seq_iset[p][sf->seq0[gi] + a] = gi;
        }
    }
    /* preorder: each node's current sequences; parent sequences of infosets */
    for (size_t i = 0; i < N; i++) {
        const game_node_t *n = &g->nodes[i];
        if (i == 0) {
            cur[0] = cur[1] = 0;
        } else {
            const game_node_t *pn = &g->nodes[n->parent];
            int pp = g->infosets[pn->infoset].player;
            cur[2 * i] = cur[2 * n->parent];
            cur[2 * i + 1] = cur[2 * n->parent + 1];
            if (pp >= 0)
                cur[2 * i + (size_t)pp] = sf->seq0[pn->infoset] + n->parent_action;
        }
        if (n->kind == NODE_PERSONAL) {
            int gi = n->infoset, p = g->infosets[gi].player;
            int ps = cur[2 * i + (size_t)p];
            if (sf->parent[gi] < 0)
                sf->parent[gi] = ps;
            else if (sf->parent[gi] != ps) {
                st = brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                     "the sequence form needs perfect recall; an information set "
                                     "of player %d is reached after different own moves",
                                     p + 1);
                goto done;
            }
        } else if (n->kind == NODE_TERMINAL) {
            nleaves++;
        }
    }
    /* information sets by parent sequence (CSR) */
    for (int p = 0; p < 2; p++) {
        int *c0 = sf->kid0[p];
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++)
            c0[sf->parent[g->player_infosets[p + 1][k]] + 1]++;
        for (int s = 0; s < sf->n[p]; s++)
            c0[s + 1] += c0[s];
        int *fill = brink_malloc(ctx, (size_t)sf->n[p] * sizeof *fill);
        if (!fill) {
            st = BRINK_ENOMEM;
            goto done;
        }
        memcpy(fill, c0, (size_t)sf->n[p] * sizeof *fill);
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
            int gi = g->player_infosets[p + 1][k];
            sf->kids[p][fill[sf->parent[gi]]++] = gi;
        }
        brink_free(ctx, fill);
    }
    /* leaves grouped by sequence pair */
    lk = brink_malloc(ctx, (nleaves ? nleaves : 1) * sizeof *lk);
    sf->leaf = brink_malloc(ctx, (nleaves ? nleaves : 1) * sizeof *sf->leaf);
    if (!lk || !sf->leaf) {
        st = BRINK_ENOMEM;
        goto done;
    }
    {
        size_t c = 0;
        for (size_t i = 0; i < N; i++)
            if (g->nodes[i].kind == NODE_TERMINAL) {
                lk[c].s1 = cur[2 * i];
                lk[c].s2 = cur[2 * i + 1];
                lk[c].node = i;
                c++;
            }
    }
    qsort(lk, nleaves, sizeof *lk, leafkey_cmp);
    size_t np = 0;
    for (size_t c = 0; c < nleaves; c++)
        if (c == 0 || lk[c].s1 != lk[c - 1].s1 || lk[c].s2 != lk[c - 1].s2)
            np++;
    sf->npairs = np;
    sf->ps[0] = brink_malloc(ctx, (np ? np : 1) * sizeof(int));
    sf->ps[1] = brink_malloc(ctx, (np ? np : 1) * sizeof(int));
    sf->pleaf0 = brink_malloc(ctx, (np + 1) * sizeof *sf->pleaf0);
    sf->row1 = brink_calloc(ctx, (size_t)sf->n[0] + 1, sizeof *sf->row1);
    sf->row2 = brink_calloc(ctx, (size_t)sf->n[1] + 1, sizeof *sf->row2);
    sf->by2 = brink_malloc(ctx, (np ? np : 1) * sizeof *sf->by2);
    sf->pay = brink_malloc(ctx, (np ? 2 * np : 1) * sizeof *sf->pay);
    sf->have = brink_calloc(ctx, np ? np : 1, 1);
    if (!sf->ps[0] || !sf->ps[1] || !sf->pleaf0 || !sf->row1 || !sf->row2 || !sf->by2 ||
        !sf->pay || !sf->have) {
        st = BRINK_ENOMEM;
        goto done;
    }
    {
        size_t p = 0;
        for (size_t c = 0; c < nleaves; c++) {
            if (c == 0 || lk[c].s1 != lk[c - 1].s1 || lk[c].s2 != lk[c - 1].s2) {
                sf->ps[0][p] = lk[c].s1;
                sf->ps[1][p] = lk[c].s2;
                sf->pleaf0[p] = c;
                p++;
            }
            sf->leaf[c] = lk[c].node;
        }
        sf->pleaf0[np] = nleaves;
    }
    for (size_t p = 0; p < np; p++) {
        sf->row1[sf->ps[0][p] + 1]++;
        sf->row2[sf->ps[1][p] + 1]++;
    }
    for (int s = 0; s < sf->n[0]; s++)
        sf->row1[s + 1] += sf->row1[s];
    for (int s = 0; s < sf->n[1]; s++)
        sf->row2[s + 1] += sf->row2[s];
    {
        size_t *fill = brink_malloc(ctx, ((size_t)sf->n[1] + 1) * sizeof *fill);
        if (!fill) {
            st = BRINK_ENOMEM;
            goto done;
        }
        memcpy(fill, sf->row2, ((size_t)sf->n[1] + 1) * sizeof *fill);
        for (size_t p = 0; p < np; p++) /* stable: (s2, s1) order */
            sf->by2[fill[sf->ps[1][p]]++] = p;
        brink_free(ctx, fill);
    }
    /* totals along the path, when outcomes sit inside the tree */
    {
        int inner = 0;
        for (size_t i = 0; i < N && !inner; i++)
            inner = g->nodes[i].kind != NODE_TERMINAL && g->nodes[i].outcome >= 0;
        if (inner) {
            sf->tot = brink_malloc(ctx, 2 * N * sizeof *sf->tot);
            if (!sf->tot) {
                st = BRINK_ENOMEM;
                goto done;
            }
            for (size_t i = 0; i < 2 * N; i++)
                mpq_init(sf->tot[i]);
            for (size_t i = 0; i < N; i++) {
                const game_node_t *n = &g->nodes[i];
                for (int p = 0; p < 2; p++) {
                    mpq_ptr t = sf->tot[2 * i + (size_t)p];
                    if (i > 0)
                        mpq_set(t, sf->tot[2 * n->parent + (size_t)p]);
                    if (n->outcome >= 0)
                        mpq_add(t, t, g->outcomes[n->outcome].pay[p]);
                }
            }
        }
    }
    /* K = 1 + the largest total of any leaf to either player */
    {
        mpq_t zero;
        mpq_init(zero);
        int first = 1;
        for (size_t c = 0; c < nleaves; c++)
            for (int p = 0; p < 2; p++) {
                mpq_srcptr t = leaf_total(sf, sf->leaf[c], p, zero);
                if (first || mpq_cmp(t, sf->K) > 0) {
                    mpq_set(sf->K, t);
                    first = 0;
                }
            }
        mpq_set_ui(zero, 1, 1);
        mpq_add(sf->K, sf->K, zero);
        mpq_clear(zero);
    }
done:
    brink_free(ctx, cur);
    brink_free(ctx, lk);
    if (st == BRINK_ENOMEM)
        brink_ctx_error(ctx, st, "out of memory");
    return st; /* on failure too, the caller frees sf with seqform_free */
}

void seqform_pair(seqform_t *sf, size_t p)
{
    if (sf->have[p])
        return;
    const brink_game_t *g = sf->g;
    mpq_ptr A = sf->pay[2 * p], B = sf->pay[2 * p + 1];
    mpq_init(A);
    mpq_init(B);
    mpq_t beta, t, zero;
    mpq_inits(beta, t, zero, NULL);
    for (size_t c = sf->pleaf0[p]; c < sf->pleaf0[p + 1]; c++) {
        size_t z = sf->leaf[c];
        mpq_set_ui(beta, 1, 1);
        for (size_t i = z; g->nodes[i].parent != SIZE_MAX; i = g->nodes[i].parent) {
            const game_node_t *pn = &g->nodes[g->nodes[i].parent];
            const game_infoset_t *is = &g->infosets[pn->infoset];
            if (is->player < 0)
                mpq_mul(beta, beta, is->probs[g->nodes[i].parent_action]);
        }
        for (int q = 0; q < 2; q++) {
            mpq_sub(t, leaf_total(sf, z, q, zero), sf->K);
            mpq_mul(t, t, beta);
            mpq_add(q ? B : A, q ? B : A, t);
        }
    }
    mpq_clears(beta, t, zero, NULL);
    sf->have[p] = 1;
}
