/* spe.c - subgame-perfect equilibria.  Games with imperfect information
 * are cut into subgames (a node roots a subgame when every information set
 * met below it lies wholly below it; found in linear time from preorder
 * spans); subgames are solved from the bottom up, each with the inner
 * subgames replaced by their values, by the chosen method on its reduced
 * strategic form (default: Lemke-Howson for two players, exact; enumpure
 * for more, the first pure equilibrium; also enummixed, lp, logit), and the equilibrium is turned into behaviour
 * (centroid at information sets the equilibrium never reaches).
 *
 * Perfect-information games: backward induction, in one pass over the nodes in reverse preorder
 * (children always follow their parent, so no recursion).  Exact: values
 * are GMP rationals; ties go to the first action.  Chance nodes take
 * expectations.  Output: a behaviour profile (pure at every infoset).
 * A move passes its chosen child's value on by reference, so only chance
 * nodes and moves carrying an outcome hold values of their own.
 * O(nodes x players). */
#include <stdlib.h>
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

static brink_status_t spe_perfect_info(brink_ctx_t *ctx, const brink_game_t *g,
                                       brink_eqset_t **out)
{
    int np = g->nplayers;
    size_t N = g->nnodes;
    size_t width = game_behavior_width(g);
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
    long *vals = brink_malloc(ctx, (width ? width : 1) * sizeof *vals);
    brink_eqset_t *e = NULL;
    mpq_t t;
    mpq_init(t);
    if (!ref || !slots || !zero || !choice || !vals) {
        brink_free(ctx, slots);
        brink_free(ctx, zero);
        slots = zero = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < nslots * (size_t)np; k++)
        mpq_init(slots[k]);
    for (int p = 0; p < np; p++)
        mpq_init(zero[p]);
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
                    vals[o + (size_t)a] = a == choice[gi];
                o += (size_t)g->infosets[gi].nactions;
            }
    }
    e = eqset_new(ctx, BRINK_PROFILE_BEHAVIOR, 1, width);
    if (!e) {
        st = BRINK_ENOMEM;
        goto done;
    }
    st = eqset_add_ints(ctx, e, vals);
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
    brink_free(ctx, vals);
    brink_free(ctx, ref);
    brink_free(ctx, choice);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s", st == BRINK_EINTERRUPT ? "interrupted" : "out of memory");
    }
    *out = e;
    return BRINK_OK;
}

/* ---- games with imperfect information: over subgames -------------------- */

/* writes the part of the tree owned by subgame root r as a Gambit file: the
 * inner subgame roots become terminal nodes carrying their values */
static void subgame_text(gbuf_t *b, const brink_game_t *g, size_t r, const size_t *size,
                         const char *is_root, mpq_t *val)
{
    int np = g->nplayers;
    gbuf_puts(b, "EFG 2 R \"subgame\" {");
    for (int p = 0; p < np; p++)
        gbuf_puts(b, " \"\"");
    gbuf_puts(b, " }\n\"\"\n");
    int oc = 0;
    for (size_t i = r; i < r + size[r];) {
        const game_node_t *n = &g->nodes[i];
        if (i != r && is_root[i]) {
            gbuf_printf(b, "t \"\" %d \"\" {", ++oc);
            for (int p = 0; p < np; p++) {
                gbuf_putc(b, ' ');
                gbuf_put_q(b, val[i * (size_t)np + (size_t)p]);
            }
            gbuf_puts(b, " }\n");
            i += size[i];
            continue;
        }
        if (n->kind == NODE_TERMINAL) {
            gbuf_puts(b, "t \"\"");
        } else {
            const game_infoset_t *is = &g->infosets[n->infoset];
            if (n->kind == NODE_CHANCE)
                gbuf_printf(b, "c \"\" %d \"\" {", is->number);
            else
                gbuf_printf(b, "p \"\" %d %d \"\" {", is->player + 1, is->number);
            for (int a = 0; a < is->nactions; a++) {
                gbuf_puts(b, " \"\"");
                if (is->probs) {
                    gbuf_putc(b, ' ');
                    gbuf_put_q(b, is->probs[a]);
                }
            }
            gbuf_puts(b, " }");
        }
        if (n->outcome >= 0) {
            gbuf_printf(b, " %d \"\" {", ++oc);
            for (int p = 0; p < np; p++) {
                gbuf_putc(b, ' ');
                gbuf_put_q(b, g->outcomes[n->outcome].pay[p]);
            }
            gbuf_puts(b, " }\n");
        } else {
            gbuf_puts(b, " 0\n");
        }
        i++;
    }
}

/* the number of reduced strategies of player p as a double (possibly huge
 * or infinite), in one pass down the tree and one over p's information
 * sets: a sequence's count is the product, over the information sets that
 * follow it, of the sum of their actions' counts.  -1 without perfect
 * recall, -2 when out of memory. */
static double reduced_count(brink_ctx_t *ctx, const brink_game_t *g, int p)
{
    size_t N = g->nnodes;
    int ni = g->ninfosets;
    size_t *off = brink_malloc(ctx, (size_t)(ni ? ni : 1) * sizeof *off);
    size_t *cur = brink_malloc(ctx, (N ? N : 1) * sizeof *cur);
    size_t *par = brink_malloc(ctx, (size_t)(ni ? ni : 1) * sizeof *par);
    size_t *first = brink_malloc(ctx, (size_t)(ni ? ni : 1) * sizeof *first);
    size_t nseq = 1;
    double *cnt = NULL, res = -2;
    if (!off || !cur || !par || !first)
        goto done;
    for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
        int gi = g->player_infosets[p + 1][k];
        off[gi] = nseq;
        nseq += (size_t)g->infosets[gi].nactions;
    }
    if (!(cnt = brink_malloc(ctx, nseq * sizeof *cnt)))
        goto done;
    for (size_t q = 0; q < nseq; q++)
        cnt[q] = 1;
    for (int k = 0; k < ni; k++)
        first[k] = SIZE_MAX;
    res = -1;
    for (size_t i = 0; i < N; i++) {
        const game_node_t *n = &g->nodes[i];
        cur[i] = 0;
        if (i > 0) {
            const game_node_t *pn = &g->nodes[n->parent];
            cur[i] = g->infosets[pn->infoset].player == p
                         ? off[pn->infoset] + (size_t)n->parent_action
                         : cur[n->parent];
        }
        if (n->kind == NODE_PERSONAL && g->infosets[n->infoset].player == p) {
            if (first[n->infoset] == SIZE_MAX) {
                first[n->infoset] = i;
                par[n->infoset] = cur[i];
            } else if (par[n->infoset] != cur[i]) {
                goto done;
            }
        }
    }
    /* an information set's first member lies below a member of the one its
     * parent sequence leaves: later first members first */
    for (size_t i = N; i-- > 0;) {
        const game_node_t *n = &g->nodes[i];
        if (n->kind != NODE_PERSONAL || first[n->infoset] != i ||
            g->infosets[n->infoset].player != p)
            continue;
        double sum = 0;
        for (int a = 0; a < n->nchildren; a++)
            sum += cnt[off[n->infoset] + (size_t)a];
        cnt[par[n->infoset]] *= sum;
    }
    res = cnt[0];
done:
    brink_free(ctx, off);
    brink_free(ctx, cur);
    brink_free(ctx, par);
    brink_free(ctx, first);
    brink_free(ctx, cnt);
    return res;
}

/* global information set of player p with the given number (sorted index) */
typedef struct isnum {
    int player, number, gi;
} isnum_t;

static int isnum_cmp(const void *a, const void *b)
{
    const isnum_t *x = a, *y = b;
    if (x->player != y->player)
        return x->player < y->player ? -1 : 1;
    return x->number < y->number ? -1 : x->number > y->number;
}

static int isnum_find(const isnum_t *t, int n, int player, int number)
{
    isnum_t key = {player, number, 0};
    const isnum_t *f = bsearch(&key, t, (size_t)n, sizeof *t, isnum_cmp);
    return f ? f->gi : -1;
}

/* index of the first action of each infoset in the behaviour profile */
static size_t *action_offsets(brink_ctx_t *ctx, const brink_game_t *g, size_t *width)
{
    size_t *off = brink_calloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1), sizeof *off);
    if (!off)
        return NULL;
    size_t o = 0;
    for (int p = 0; p < g->nplayers; p++)
        for (int k = 0; k < g->player_ninfosets[p + 1]; k++) {
            int gi = g->player_infosets[p + 1][k];
            off[gi] = o;
            o += (size_t)g->infosets[gi].nactions;
        }
    *width = o;
    return off;
}

brink_status_t solve_spe(brink_ctx_t *ctx, const brink_game_t *g, int sub_method,
                         brink_eqset_t **out)
{
    if (brink_game_is_perfect_information(g) && sub_method < 0)
        return spe_perfect_info(ctx, g, out);
    int np = g->nplayers;
    size_t N = g->nnodes, width = 0;
    brink_status_t st = BRINK_OK;
    int inexact = 0; /* a subgame was solved in floating point (logit) */
    size_t *size = brink_malloc(ctx, N * sizeof *size);
    size_t *lo = brink_malloc(ctx, N * sizeof *lo);
    size_t *hi = brink_malloc(ctx, N * sizeof *hi);
    size_t *mn = brink_malloc(ctx, (size_t)(g->ninfosets + 1) * sizeof *mn);
    size_t *mx = brink_malloc(ctx, (size_t)(g->ninfosets + 1) * sizeof *mx);
    char *is_root = brink_calloc(ctx, N, 1);
    size_t *owner = brink_malloc(ctx, N * sizeof *owner);
    size_t *off = action_offsets(ctx, g, &width);
    mpq_t *val = brink_malloc(ctx, N * (size_t)np * sizeof *val);
    mpq_t *beh = brink_malloc(ctx, (width ? width : 1) * sizeof *beh);
    isnum_t *isn = brink_malloc(ctx, (size_t)(g->ninfosets ? g->ninfosets : 1) * sizeof *isn);
    int nisn = 0;
    mpq_t t, w;
    mpq_inits(t, w, NULL);
    brink_eqset_t *e = NULL;
    if (!size || !lo || !hi || !mn || !mx || !is_root || !owner || !off || !val || !beh || !isn) {
        brink_free(ctx, val);
        brink_free(ctx, beh);
        val = beh = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < N * (size_t)np; k++)
        mpq_init(val[k]);
    for (size_t k = 0; k < width; k++)
        mpq_init(beh[k]);
    for (int k = 0; k < g->ninfosets; k++) {
        mn[k] = SIZE_MAX;
        mx[k] = 0;
        if (g->infosets[k].player >= 0) {
            isn[nisn].player = g->infosets[k].player;
            isn[nisn].number = g->infosets[k].number;
            isn[nisn].gi = k;
            nisn++;
        }
    }
    qsort(isn, (size_t)nisn, sizeof *isn, isnum_cmp);
    for (size_t i = 0; i < N; i++) {
        int k = g->nodes[i].infoset;
        if (k >= 0 && g->infosets[k].player >= 0) {
            mn[k] = i < mn[k] ? i : mn[k];
            mx[k] = i > mx[k] ? i : mx[k];
        }
    }
    /* subtree sizes and the span of the information sets met in each subtree */
    for (size_t i = N; i-- > 0;) {
        const game_node_t *n = &g->nodes[i];
        size[i] = 1;
        lo[i] = i;
        hi[i] = i;
        if (n->infoset >= 0 && g->infosets[n->infoset].player >= 0) {
            lo[i] = mn[n->infoset];
            hi[i] = mx[n->infoset];
        }
        for (int a = 0; a < n->nchildren; a++) {
            size_t c = g->children[n->child0 + (size_t)a];
            size[i] += size[c];
            lo[i] = lo[c] < lo[i] ? lo[c] : lo[i];
            hi[i] = hi[c] > hi[i] ? hi[c] : hi[i];
        }
        is_root[i] = lo[i] >= i && hi[i] < i + size[i];
    }
    for (size_t i = 0; i < N; i++)
        owner[i] = is_root[i] ? i : owner[g->nodes[i].parent];
    for (size_t r = N; r-- > 0;) {
        if (!is_root[r] || g->nodes[r].kind == NODE_TERMINAL) {
            if (g->nodes[r].kind == NODE_TERMINAL && g->nodes[r].outcome >= 0)
                for (int p = 0; p < np; p++)
                    mpq_set(val[r * (size_t)np + (size_t)p], g->outcomes[g->nodes[r].outcome].pay[p]);
            continue;
        }
        if ((r & 1023) == 0 && brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            goto done;
        }
        /* does r own personal nodes other than a single move over solved children? */
        int personal = 0;
        for (size_t i = r; i < r + size[r]; i++)
            if (owner[i] == r && g->nodes[i].kind == NODE_PERSONAL)
                personal++;
        if (personal > 1 || (personal == 1 && g->nodes[r].kind != NODE_PERSONAL)) {
            gbuf_t b;
            gbuf_init(&b, ctx);
            subgame_text(&b, g, r, size, is_root, val);
            brink_game_t *sub = NULL;
            brink_eqset_t *eq = NULL;
            if (b.failed) {
                brink_free(ctx, b.data);
                st = BRINK_ENOMEM;
                goto done;
            }
            st = brink_game_read_string(ctx, b.data, b.len, "subgame", &sub, NULL);
            brink_free(ctx, b.data);
            if (st != BRINK_OK)
                goto done;
            brink_solve_opts_t o;
            memset(&o, 0, sizeof o);
            o.strategic = 1;
            o.max_eq = 1;
            o.method = sub_method >= 0 ? (brink_method_t)sub_method
                       : np == 2      ? BRINK_METHOD_LCP
                                      : BRINK_METHOD_ENUMPURE;
            if (o.method == BRINK_METHOD_SPE)
                o.method = np == 2 ? BRINK_METHOD_LCP : BRINK_METHOD_ENUMPURE;
            /* two players and the default method: a subgame whose reduced
             * form would be too large gets the sequence form */
            int seqform = 0, recall = 0;
            if (sub_method < 0 && np == 2) {
                double c1 = reduced_count(ctx, sub, 0), c2 = reduced_count(ctx, sub, 1);
                if (c1 == -2 || c2 == -2) {
                    brink_game_free(ctx, sub);
                    st = BRINK_ENOMEM;
                    goto done;
                }
                recall = c1 >= 0 && c2 >= 0; /* perfect recall */
                seqform = recall && (c1 > 1048576.0 || c2 > 1048576.0 || c1 * c2 > 67108864.0);
            }
            if (seqform)
                o.strategic = 0;
            st = brink_game_solve(ctx, sub, &o, &eq);
            if (st == BRINK_ELIMIT && !seqform && recall) {
                /* the reduced form hit another of its limits (node visits) */
                seqform = 1;
                o.strategic = 0;
                st = brink_game_solve(ctx, sub, &o, &eq);
            }
            if (st == BRINK_OK && brink_eqset_count(eq) == 0)
                st = brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                     "the solver found no equilibrium of a subgame (node %zu)%s",
                                     r + 1,
                                     np > 2 ? "; mixed equilibria of games with more than two "
                                              "players are only available from logit"
                                            : "");
            if (st == BRINK_OK && !eq->exact) {
                inexact = 1;
                /* logit: exact rationals from the doubles */
                st = eqset_exact_from_d(ctx, eq);
            }
            if (st != BRINK_OK) {
                brink_eqset_free(ctx, eq);
                brink_game_free(ctx, sub);
                goto done;
            }
            if (seqform) {
                /* a behaviour profile of the subgame already */
                size_t so = 0;
                for (int p = 0; p < np; p++)
                    for (int k = 0; k < sub->player_ninfosets[p + 1]; k++) {
                        const game_infoset_t *sis =
                            &sub->infosets[sub->player_infosets[p + 1][k]];
                        int gi = isnum_find(isn, nisn, p, sis->number);
                        for (int a = 0; a < sis->nactions; a++)
                            eqset_get_q(eq, so + (size_t)a, beh[off[gi] + (size_t)a]);
                        so += (size_t)sis->nactions;
                    }
            }
            /* behaviour from the mixed equilibrium over the subgame's reduced strategies */
            const brink_game_t *rf = sub->reduced;
            size_t so = 0;
            for (int p = 0; p < np && !seqform; p++) {
                int ninf = sub->player_ninfosets[p + 1];
                for (int k = 0; k < ninf; k++) {
                    const game_infoset_t *sis = &sub->infosets[sub->player_infosets[p + 1][k]];
                    int gi = isnum_find(isn, nisn, p, sis->number);
                    mpq_set_ui(w, 0, 1);
                    for (int a = 0; a < sis->nactions; a++)
                        mpq_set_ui(beh[off[gi] + (size_t)a], 0, 1);
                    for (int s2 = 0; s2 < rf->nstrat[p]; s2++) {
                        int act = sub->reduced_behav[p][(size_t)s2 * (size_t)(ninf ? ninf : 1) +
                                                         (size_t)k];
                        if (!act)
                            continue;
                        eqset_get_q(eq, so + (size_t)s2, t);
                        mpq_add(w, w, t);
                        mpq_add(beh[off[gi] + (size_t)(act - 1)], beh[off[gi] + (size_t)(act - 1)],
                                t);
                    }
                    for (int a = 0; a < sis->nactions; a++) {
                        if (mpq_sgn(w) == 0)
                            mpq_set_ui(beh[off[gi] + (size_t)a], 1, (unsigned long)sis->nactions);
                        else
                            mpq_div(beh[off[gi] + (size_t)a], beh[off[gi] + (size_t)a], w);
                    }
                }
                so += (size_t)rf->nstrat[p];
            }
            brink_eqset_free(ctx, eq);
            brink_game_free(ctx, sub);
        }
        /* values of the nodes r owns, from the leaves up */
        for (size_t i = r + size[r]; i-- > r;) {
            if (owner[i] != r || g->nodes[i].kind == NODE_TERMINAL)
                continue;
            const game_node_t *n = &g->nodes[i];
            const game_infoset_t *is = &g->infosets[n->infoset];
            mpq_t *v = &val[i * (size_t)np];
            if (n->kind == NODE_PERSONAL && personal == 1 && i == r) {
                /* a single move over solved children: best reply, first on ties */
                int best = 0;
                for (int a = 1; a < n->nchildren; a++)
                    if (mpq_cmp(val[g->children[n->child0 + (size_t)a] * (size_t)np + (size_t)is->player],
                                val[g->children[n->child0 + (size_t)best] * (size_t)np +
                                    (size_t)is->player]) > 0)
                        best = a;
                for (int a = 0; a < n->nchildren; a++)
                    mpq_set_ui(beh[off[n->infoset] + (size_t)a], a == best ? 1 : 0, 1);
            }
            if (r == 0)
                continue; /* nothing above the root needs its values */
            for (int p = 0; p < np; p++)
                mpq_set_ui(v[p], 0, 1);
            for (int a = 0; a < n->nchildren; a++) {
                size_t c = g->children[n->child0 + (size_t)a];
                mpq_srcptr pr = n->kind == NODE_CHANCE ? is->probs[a] : beh[off[n->infoset] + (size_t)a];
                if (mpq_sgn(pr) == 0)
                    continue;
                for (int p = 0; p < np; p++) {
                    mpq_mul(t, pr, val[c * (size_t)np + (size_t)p]);
                    mpq_add(v[p], v[p], t);
                }
            }
            if (n->outcome >= 0)
                for (int p = 0; p < np; p++)
                    mpq_add(v[p], v[p], g->outcomes[n->outcome].pay[p]);
        }
    }
    e = eqset_new(ctx, BRINK_PROFILE_BEHAVIOR, 1, width);
    if (!e) {
        st = BRINK_ENOMEM;
        goto done;
    }
    st = eqset_add_q(ctx, e, beh);
    if (inexact)
        e->exact = 0; /* print the doubles */
done:
    mpq_clears(t, w, NULL);
    if (val) {
        for (size_t k = 0; k < N * (size_t)np; k++)
            mpq_clear(val[k]);
        brink_free(ctx, val);
    }
    if (beh) {
        for (size_t k = 0; k < width; k++)
            mpq_clear(beh[k]);
        brink_free(ctx, beh);
    }
    brink_free(ctx, size);
    brink_free(ctx, lo);
    brink_free(ctx, hi);
    brink_free(ctx, mn);
    brink_free(ctx, mx);
    brink_free(ctx, is_root);
    brink_free(ctx, owner);
    brink_free(ctx, off);
    brink_free(ctx, isn);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        if (!brink_ctx_errmsg(ctx)[0])
            brink_ctx_error(ctx, st, "spe failed");
        return st;
    }
    *out = e;
    return BRINK_OK;
}
