/* game.c - brink_game_t lifetime, equality and queries. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "game/game_internal.h"

brink_game_t *game_alloc(brink_ctx_t *ctx, brink_game_kind_t kind)
{
    brink_game_t *g = brink_calloc(ctx, 1, sizeof *g);
    if (!g)
        return NULL;
    g->kind = kind;
    return g;
}

void game_outcome_clear(brink_ctx_t *ctx, game_outcome_t *o, int nplayers)
{
    brink_free(ctx, o->name);
    if (o->pay) {
        for (int p = 0; p < nplayers; p++)
            mpq_clear(o->pay[p]);
        brink_free(ctx, o->pay);
    }
    brink_free(ctx, o->dpay);
    memset(o, 0, sizeof *o);
}

brink_status_t game_alloc_table(brink_ctx_t *ctx, brink_game_t *g)
{
    size_t n = 1;
    for (int p = 0; p < g->nplayers; p++) {
        if (g->nstrat[p] <= 0)
            return BRINK_EINVAL;
        if (n > GAME_MAX_PAYOFFS / (size_t)g->nstrat[p])
            return BRINK_ELIMIT;
        n *= (size_t)g->nstrat[p];
    }
    size_t cells = n * (size_t)g->nplayers;
    if (cells > GAME_MAX_PAYOFFS)
        return BRINK_ELIMIT;
    g->pay = brink_malloc(ctx, cells * sizeof *g->pay);
    g->dpay = brink_calloc(ctx, cells, sizeof *g->dpay);
    if (!g->pay || !g->dpay) {
        brink_free(ctx, g->pay);
        brink_free(ctx, g->dpay);
        g->pay = NULL;
        g->dpay = NULL;
        return BRINK_ENOMEM;
    }
    for (size_t i = 0; i < cells; i++)
        mpq_init(g->pay[i]);
    g->ncont = n;
    return BRINK_OK;
}

void brink_game_free(brink_ctx_t *ctx, brink_game_t *g)
{
    if (!g)
        return;
    brink_free(ctx, g->title);
    brink_free(ctx, g->comment);
    if (g->players)
        for (int p = 0; p < g->nplayers; p++)
            brink_free(ctx, g->players[p]);
    brink_free(ctx, g->players);
    if (g->strat_names) {
        for (int p = 0; p < g->nplayers; p++) {
            if (!g->strat_names[p])
                continue;
            for (int s = 0; s < g->nstrat[p]; s++)
                brink_free(ctx, g->strat_names[p][s]);
            brink_free(ctx, g->strat_names[p]);
        }
        brink_free(ctx, g->strat_names);
    }
    if (g->pay) {
        size_t cells = g->ncont * (size_t)g->nplayers;
        for (size_t i = 0; i < cells; i++)
            mpq_clear(g->pay[i]);
        brink_free(ctx, g->pay);
    }
    brink_free(ctx, g->dpay);
    brink_free(ctx, g->nstrat);
    if (g->outcomes_nfg) {
        for (size_t i = 0; i < g->noutcomes_nfg; i++)
            game_outcome_clear(ctx, &g->outcomes_nfg[i], g->nplayers);
        brink_free(ctx, g->outcomes_nfg);
    }
    brink_free(ctx, g->cont_outcome);
    /* node names, information sets' names, actions and probabilities, and
     * outcomes' names and payoffs are in the arena */
    brink_free(ctx, g->nodes);
    brink_free(ctx, g->children);
    brink_free(ctx, g->infosets);
    if (g->player_infosets) {
        for (int p = 0; p <= g->nplayers; p++)
            brink_free(ctx, g->player_infosets[p]);
        brink_free(ctx, g->player_infosets);
    }
    brink_free(ctx, g->player_ninfosets);
    brink_free(ctx, g->outcomes);
    game_arena_free(ctx, g);
    if (g->reduced_behav) {
        for (int p = 0; p < g->nplayers; p++)
            brink_free(ctx, g->reduced_behav[p]);
        brink_free(ctx, g->reduced_behav);
    }
    brink_game_free(ctx, g->reduced);
    brink_free(ctx, g);
}

static int str_eq(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static int outcome_eq(const game_outcome_t *a, const game_outcome_t *b, int np)
{
    if (!str_eq(a->name, b->name))
        return 0;
    for (int p = 0; p < np; p++)
        if (!mpq_equal(a->pay[p], b->pay[p]))
            return 0;
    return 1;
}

int brink_game_equal(const brink_game_t *a, const brink_game_t *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind || a->nplayers != b->nplayers || !str_eq(a->title, b->title))
        return 0;
    for (int p = 0; p < a->nplayers; p++)
        if (!str_eq(a->players[p], b->players[p]))
            return 0;
    if (a->kind == BRINK_GAME_STRATEGIC) {
        for (int p = 0; p < a->nplayers; p++) {
            if (a->nstrat[p] != b->nstrat[p])
                return 0;
            for (int s = 0; s < a->nstrat[p]; s++)
                if (!str_eq(a->strat_names[p][s], b->strat_names[p][s]))
                    return 0;
        }
        size_t cells = a->ncont * (size_t)a->nplayers;
        for (size_t i = 0; i < cells; i++)
            if (!mpq_equal(a->pay[i], b->pay[i]))
                return 0;
        return 1;
    }
    if (a->nnodes != b->nnodes || a->ninfosets != b->ninfosets || a->noutcomes != b->noutcomes)
        return 0;
    for (int k = 0; k < a->ninfosets; k++) {
        const game_infoset_t *x = &a->infosets[k], *y = &b->infosets[k];
        if (x->player != y->player || x->number != y->number || x->nactions != y->nactions ||
            !str_eq(x->name, y->name))
            return 0;
        for (int j = 0; j < x->nactions; j++) {
            if (!str_eq(x->actions[j], y->actions[j]))
                return 0;
            if (x->probs && !mpq_equal(x->probs[j], y->probs[j]))
                return 0;
        }
    }
    for (int i = 0; i < a->noutcomes; i++)
        if (!outcome_eq(&a->outcomes[i], &b->outcomes[i], a->nplayers))
            return 0;
    for (size_t i = 0; i < a->nnodes; i++) {
        const game_node_t *x = &a->nodes[i], *y = &b->nodes[i];
        if (x->kind != y->kind || x->infoset != y->infoset || x->outcome != y->outcome ||
            x->parent != y->parent || x->nchildren != y->nchildren || !str_eq(x->name, y->name))
            return 0;
        for (int c = 0; c < x->nchildren; c++)
            if (a->children[x->child0 + (size_t)c] != b->children[y->child0 + (size_t)c])
                return 0;
    }
    return 1;
}

brink_game_kind_t brink_game_kind(const brink_game_t *g)
{
    return g->kind;
}

const char *brink_game_title(const brink_game_t *g)
{
    return g && g->title ? g->title : "";
}

int brink_game_num_players(const brink_game_t *g)
{
    return g ? g->nplayers : 0;
}

const char *brink_game_player_name(const brink_game_t *g, int p)
{
    if (!g || p < 0 || p >= g->nplayers || !g->players[p])
        return "";
    return g->players[p];
}

size_t game_behavior_width(const brink_game_t *g)
{
    size_t width = 0;
    for (int k = 0; k < g->ninfosets; k++)
        if (g->infosets[k].player >= 0)
            width += (size_t)g->infosets[k].nactions;
    return width;
}

size_t brink_game_num_nodes(const brink_game_t *g)
{
    return g && g->kind == BRINK_GAME_EXTENSIVE ? g->nnodes : 0;
}

int brink_game_num_infosets(const brink_game_t *g, int p)
{
    if (!g || g->kind != BRINK_GAME_EXTENSIVE || p < -1 || p >= g->nplayers)
        return 0;
    return g->player_ninfosets[p + 1];
}

int brink_game_num_actions(const brink_game_t *g, int p, int k)
{
    if (!g || g->kind != BRINK_GAME_EXTENSIVE || p < -1 || p >= g->nplayers || k < 0 ||
        k >= g->player_ninfosets[p + 1])
        return 0;
    return g->infosets[g->player_infosets[p + 1][k]].nactions;
}

int brink_game_is_perfect_information(const brink_game_t *g)
{
    if (!g || g->kind != BRINK_GAME_EXTENSIVE)
        return 0;
    for (int k = 0; k < g->ninfosets; k++)
        if (g->infosets[k].player >= 0 && g->infosets[k].nmembers > 1)
            return 0;
    return 1;
}

int brink_game_num_strategies(const brink_game_t *g, int p)
{
    if (!g || g->kind != BRINK_GAME_STRATEGIC || p < 0 || p >= g->nplayers)
        return 0;
    return g->nstrat[p];
}

const char *brink_game_strategy_name(const brink_game_t *g, int p, int s)
{
    if (!g || g->kind != BRINK_GAME_STRATEGIC || p < 0 || p >= g->nplayers || s < 0 ||
        s >= g->nstrat[p] || !g->strat_names[p][s])
        return "";
    return g->strat_names[p][s];
}

double brink_game_payoff(const brink_game_t *g, const int *prof, int p)
{
    if (!g || g->kind != BRINK_GAME_STRATEGIC || p < 0 || p >= g->nplayers)
        return NAN;
    size_t idx = 0, mul = 1;
    for (int i = 0; i < g->nplayers; i++) {
        idx += (size_t)prof[i] * mul;
        mul *= (size_t)g->nstrat[i];
    }
    return g->dpay[idx * (size_t)g->nplayers + (size_t)p];
}

int brink_game_is_constant_sum(brink_ctx_t *ctx, brink_game_t *game)
{
    const brink_game_t *g = NULL;
    if (!game || game->nplayers != 2 || brink_game_reduced(ctx, game, &g) != BRINK_OK)
        return 0;
    mpq_t s0, s;
    mpq_init(s0);
    mpq_init(s);
    int ok = 1;
    for (size_t c = 0; c < g->ncont && ok; c++) {
        mpq_add(s, g->pay[2 * c], g->pay[2 * c + 1]);
        if (c == 0)
            mpq_set(s0, s);
        else if (!mpq_equal(s, s0))
            ok = 0;
    }
    mpq_clear(s0);
    mpq_clear(s);
    return ok;
}

void game_mpz_array_free(brink_ctx_t *ctx, mpz_t *a, size_t n)
{
    if (!a)
        return;
    for (size_t i = 0; i < n; i++)
        mpz_clear(a[i]);
    brink_free(ctx, a);
}

brink_status_t game_bimatrix_int(brink_ctx_t *ctx, const brink_game_t *g, mpz_t **Aout,
                                 mpz_t **Bout)
{
    size_t m = (size_t)g->nstrat[0], n = (size_t)g->nstrat[1], mn = m * n;
    mpz_t *M[2] = {brink_malloc(ctx, mn * sizeof(mpz_t)), brink_malloc(ctx, mn * sizeof(mpz_t))};
    if (!M[0] || !M[1]) {
        brink_free(ctx, M[0]);
        brink_free(ctx, M[1]);
        return BRINK_ENOMEM;
    }
    mpz_t lcm, mn_, t;
    mpz_inits(lcm, mn_, t, NULL);
    for (int p = 0; p < 2; p++) {
        mpz_set_ui(lcm, 1);
        for (size_t c = 0; c < mn; c++)
            mpz_lcm(lcm, lcm, mpq_denref(g->pay[2 * c + (size_t)p]));
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++) {
                size_t c = i + j * m; /* player 1 fastest */
                mpz_t *e = &M[p][i * n + j];
                mpz_init(*e);
                mpz_divexact(t, lcm, mpq_denref(g->pay[2 * c + (size_t)p]));
                mpz_mul(*e, t, mpq_numref(g->pay[2 * c + (size_t)p]));
            }
        mpz_set(mn_, M[p][0]);
        for (size_t k = 1; k < mn; k++)
            if (mpz_cmp(M[p][k], mn_) < 0)
                mpz_set(mn_, M[p][k]);
        /* shift so that the smallest entry is 1 */
        mpz_sub_ui(mn_, mn_, 1);
        for (size_t k = 0; k < mn; k++)
            mpz_sub(M[p][k], M[p][k], mn_);
    }
    mpz_clears(lcm, mn_, t, NULL);
    *Aout = M[0];
    *Bout = M[1];
    return BRINK_OK;
}
