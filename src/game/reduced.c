/* reduced.c - the reduced strategic form of an extensive game, built once
 * and cached in the game.  Strategies are enumerated as Gambit does: walk
 * the tree in preorder (every branch of chance and of other players, only
 * the chosen branch of the player's own moves) and decide each information
 * set the first time the walk meets it; the first decision varies slowest.
 * Both walks use explicit stacks, so deep trees do not recurse. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "game/game_internal.h"

#define MAX_CONT ((size_t)1 << 26)
#define MAX_STRAT ((size_t)1 << 20)
/* the enumeration walks the tree once per strategy: stop early when that
 * work would exceed 2^29 node visits (a few seconds) */
#define MAX_WORK ((size_t)1 << 29)

/* enumerates the reduced strategies of player p; *behav gets nstrat rows of
 * ninf ints (0 unassigned, else 1-based action) */
static brink_status_t player_strategies(brink_ctx_t *ctx, const brink_game_t *g, int p,
                                        int **behav, int *nstrat)
{
    int ninf = g->player_ninfosets[p + 1];
    size_t rowlen = (size_t)(ninf ? ninf : 1);
    int *assign = brink_calloc(ctx, rowlen, sizeof *assign);
    int *dec = brink_malloc(ctx, rowlen * sizeof *dec);
    size_t *stack = brink_malloc(ctx, (g->nnodes + 1) * sizeof *stack);
    int *rows = NULL;
    size_t nrows = 0, cap = 0;
    brink_status_t st = BRINK_OK;
    if (!assign || !dec || !stack) {
        st = BRINK_ENOMEM;
        goto done;
    }
    int nd = 0;
    for (;;) {
        size_t sp = 0;
        stack[sp++] = 0;
        while (sp) {
            size_t id = stack[--sp];
            const game_node_t *n = &g->nodes[id];
            if (n->kind == NODE_TERMINAL)
                continue;
            const game_infoset_t *is = &g->infosets[n->infoset];
            if (is->player == p) {
                int k = is->index;
                if (assign[k] == 0) {
                    assign[k] = 1;
                    dec[nd++] = k;
                }
                stack[sp++] = g->children[n->child0 + (size_t)(assign[k] - 1)];
            } else {
                for (int c = n->nchildren - 1; c >= 0; c--)
                    stack[sp++] = g->children[n->child0 + (size_t)c];
            }
        }
        if (nrows == cap) {
            size_t nc = cap ? cap * 2 : 16;
            int *nr = brink_realloc(ctx, rows, nc * rowlen * sizeof *nr);
            if (!nr) {
                st = BRINK_ENOMEM;
                goto done;
            }
            rows = nr;
            cap = nc;
        }
        memcpy(rows + nrows * rowlen, assign, rowlen * sizeof *assign);
        nrows++;
        if (nrows > MAX_STRAT || nrows * g->nnodes > MAX_WORK) {
            st = BRINK_ELIMIT;
            goto done;
        }
        while (nd > 0) {
            int k = dec[nd - 1];
            if (assign[k] < g->infosets[g->player_infosets[p + 1][k]].nactions) {
                assign[k]++;
                break;
            }
            assign[k] = 0;
            nd--;
        }
        if (nd == 0)
            break;
    }
done:
    brink_free(ctx, assign);
    brink_free(ctx, dec);
    brink_free(ctx, stack);
    if (st != BRINK_OK) {
        brink_free(ctx, rows);
        return st;
    }
    *behav = rows;
    *nstrat = (int)nrows;
    return BRINK_OK;
}

static char *strategy_label(brink_ctx_t *ctx, const int *row, int ninf)
{
    gbuf_t b;
    gbuf_init(&b, ctx);
    for (int k = 0; k < ninf; k++) {
        if (row[k])
            gbuf_printf(&b, "%d", row[k]);
        else
            gbuf_putc(&b, '*');
    }
    if (ninf == 0)
        gbuf_putc(&b, '*');
    if (b.failed) {
        brink_free(ctx, b.data);
        return NULL;
    }
    return b.data;
}

typedef struct walk {
    size_t node;
    mpq_t prob;
} walk_t;

brink_status_t brink_game_reduced(brink_ctx_t *ctx, brink_game_t *game, const brink_game_t **out)
{
    if (!ctx || !game || !out)
        return BRINK_EINVAL;
    if (game->kind == BRINK_GAME_STRATEGIC) {
        *out = game;
        return BRINK_OK;
    }
    if (game->reduced) {
        *out = game->reduced;
        return BRINK_OK;
    }
    brink_status_t st = BRINK_OK;
    int np = game->nplayers;
    brink_game_t *r = game_alloc(ctx, BRINK_GAME_STRATEGIC);
    int **behav = brink_calloc(ctx, (size_t)np, sizeof *behav);
    walk_t *stack = NULL;
    int *prof = NULL;
    mpq_t t;
    mpq_init(t);
    if (!r || !behav) {
        st = BRINK_ENOMEM;
        goto done;
    }
    r->reduced_from_tree = 1;
    r->nplayers = np;
    r->title = brink_strdup(ctx, game->title ? game->title : "");
    r->comment = brink_strdup(ctx, game->comment ? game->comment : "");
    r->players = brink_calloc(ctx, (size_t)np, sizeof *r->players);
    r->nstrat = brink_calloc(ctx, (size_t)np, sizeof *r->nstrat);
    r->strat_names = brink_calloc(ctx, (size_t)np, sizeof *r->strat_names);
    if (!r->title || !r->comment || !r->players || !r->nstrat || !r->strat_names) {
        st = BRINK_ENOMEM;
        goto done;
    }
    size_t ncont = 1;
    for (int p = 0; p < np; p++) {
        if (!(r->players[p] = brink_strdup(ctx, game->players[p]))) {
            st = BRINK_ENOMEM;
            goto done;
        }
        if ((st = player_strategies(ctx, game, p, &behav[p], &r->nstrat[p])) != BRINK_OK)
            goto done;
        if (ncont > MAX_CONT / (size_t)r->nstrat[p]) {
            st = BRINK_ELIMIT;
            goto done;
        }
        ncont *= (size_t)r->nstrat[p];
        int ninf = game->player_ninfosets[p + 1];
        r->strat_names[p] = brink_calloc(ctx, (size_t)r->nstrat[p], sizeof(char *));
        if (!r->strat_names[p]) {
            st = BRINK_ENOMEM;
            goto done;
        }
        for (int s = 0; s < r->nstrat[p]; s++)
            if (!(r->strat_names[p][s] =
                      strategy_label(ctx, behav[p] + (size_t)s * (size_t)(ninf ? ninf : 1), ninf))) {
                st = BRINK_ENOMEM;
                goto done;
            }
    }
    if ((st = game_alloc_table(ctx, r)) != BRINK_OK) {
        if (st == BRINK_ELIMIT) {
            double nprof = 1;
            for (int p = 0; p < np; p++)
                nprof *= r->nstrat[p];
            brink_ctx_error(ctx, st,
                            "the reduced strategic form has %.4g strategy profiles (%.4g "
                            "payoffs); the limit is %zu payoffs",
                            nprof, nprof * np, GAME_MAX_PAYOFFS);
        }
        goto done;
    }
    stack = brink_malloc(ctx, (game->nnodes + 1) * sizeof *stack);
    prof = brink_calloc(ctx, (size_t)np, sizeof *prof);
    if (!stack || !prof) {
        brink_free(ctx, stack);
        stack = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i <= game->nnodes; i++)
        mpq_init(stack[i].prob);
    for (size_t c = 0; c < ncont; c++) {
        if ((c & 1023) == 0 && brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            break;
        }
        mpq_t *pay = &r->pay[c * (size_t)np];
        size_t sp = 0;
        stack[sp].node = 0;
        mpq_set_ui(stack[sp].prob, 1, 1);
        sp++;
        while (sp) {
            sp--;
            size_t id = stack[sp].node;
            const game_node_t *n = &game->nodes[id];
            if (n->outcome >= 0)
                for (int p = 0; p < np; p++) {
                    mpq_mul(t, stack[sp].prob, game->outcomes[n->outcome].pay[p]);
                    mpq_add(pay[p], pay[p], t);
                }
            if (n->kind == NODE_TERMINAL)
                continue;
            const game_infoset_t *is = &game->infosets[n->infoset];
            if (is->player < 0) {
                mpq_set(t, stack[sp].prob);
                for (int a = n->nchildren - 1; a >= 0; a--) {
                    if (mpq_sgn(is->probs[a]) == 0)
                        continue;
                    stack[sp].node = game->children[n->child0 + (size_t)a];
                    mpq_mul(stack[sp].prob, t, is->probs[a]);
                    sp++;
                }
            } else {
                int ninf = game->player_ninfosets[is->player + 1];
                int a = behav[is->player][(size_t)prof[is->player] * (size_t)ninf + (size_t)is->index];
                stack[sp].node = game->children[n->child0 + (size_t)(a - 1)];
                sp++; /* prob unchanged */
            }
        }
        for (int p = 0; p < np; p++)
            r->dpay[c * (size_t)np + (size_t)p] = mpq_get_d(pay[p]);
        for (int p = 0; p < np; p++) {
            if (++prof[p] < r->nstrat[p])
                break;
            prof[p] = 0;
        }
    }
done:
    mpq_clear(t);
    if (stack) {
        for (size_t i = 0; i <= game->nnodes; i++)
            mpq_clear(stack[i].prob);
        brink_free(ctx, stack);
    }
    brink_free(ctx, prof);
    if (st != BRINK_OK) {
        if (behav)
            for (int p = 0; p < np; p++)
                brink_free(ctx, behav[p]);
        brink_free(ctx, behav);
        brink_game_free(ctx, r);
        return brink_ctx_error(ctx, st, "%s",
                               st == BRINK_ELIMIT
                                   ? "the reduced strategic form is too large (more than 2^26 "
                                     "strategy profiles, 2^20 strategies for one player, or "
                                     "2^29 node visits to enumerate them)"
                               : st == BRINK_EINTERRUPT ? "interrupted"
                                                        : "out of memory building the reduced "
                                                          "strategic form");
    }
    game->reduced = r;
    game->reduced_behav = behav;
    *out = r;
    return BRINK_OK;
}
