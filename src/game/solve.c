/* solve.c - brink_game_solve: picks the representation each method needs. */
#include <string.h>

#include "game/game_internal.h"

static const char *method_name(brink_method_t m)
{
    switch (m) {
    case BRINK_METHOD_ENUMPURE: return "enumpure";
    case BRINK_METHOD_ENUMMIXED: return "enummixed";
    case BRINK_METHOD_LCP: return "lcp";
    case BRINK_METHOD_LP: return "lp";
    case BRINK_METHOD_LOGIT: return "logit";
    case BRINK_METHOD_SPE: return "spe";
    case BRINK_METHOD_LIAP: return "liap";
    case BRINK_METHOD_GNM: return "gnm";
    case BRINK_METHOD_ENUMPOLY: return "enumpoly";
    }
    return "?";
}

/* Gambit prints a pure equilibrium of a tree as a behaviour profile: the
 * chosen action of every information set the reduced strategy decides, and
 * zeros at the information sets its own earlier moves exclude. */
static brink_status_t pure_to_behavior(brink_ctx_t *ctx, const brink_game_t *game,
                                       brink_eqset_t **io)
{
    const brink_game_t *r = game->reduced;
    brink_eqset_t *in = *io;
    size_t width = game_behavior_width(game);
    brink_eqset_t *e = eqset_new(ctx, BRINK_PROFILE_BEHAVIOR, 1, width);
    mpq_t *vals = brink_malloc(ctx, (width ? width : 1) * sizeof *vals);
    brink_status_t st = BRINK_OK;
    if (!e || !vals) {
        brink_free(ctx, vals);
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    }
    for (size_t j = 0; j < width; j++)
        mpq_init(vals[j]);
    for (size_t i = 0; i < in->count && st == BRINK_OK; i++) {
        size_t off = 0, o = 0;
        for (int p = 0; p < game->nplayers; p++) {
            int s = 0;
            for (int t = 0; t < r->nstrat[p]; t++)
                if (eqset_sgn(in, i * in->width + off + (size_t)t) > 0)
                    s = t;
            off += (size_t)r->nstrat[p];
            int ninf = game->player_ninfosets[p + 1];
            const int *row = game->reduced_behav[p] + (size_t)s * (size_t)(ninf ? ninf : 1);
            for (int k = 0; k < ninf; k++) {
                int na = game->infosets[game->player_infosets[p + 1][k]].nactions;
                for (int a = 0; a < na; a++)
                    mpq_set_ui(vals[o + (size_t)a], row[k] == a + 1 ? 1 : 0, 1);
                o += (size_t)na;
            }
        }
        st = eqset_add_q(ctx, e, vals);
    }
    for (size_t j = 0; j < width; j++)
        mpq_clear(vals[j]);
    brink_free(ctx, vals);
    brink_eqset_free(ctx, in);
    *io = NULL;
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "out of memory");
    }
    *io = e;
    return BRINK_OK;
}

brink_status_t brink_game_solve(brink_ctx_t *ctx, brink_game_t *game,
                                const brink_solve_opts_t *opts, brink_eqset_t **out)
{
    if (!ctx || !game || !opts || !out)
        return BRINK_EINVAL;
    *out = NULL;
    const brink_game_t *nfg = NULL;
    brink_status_t st;
    int tree = game->kind == BRINK_GAME_EXTENSIVE;
    switch (opts->method) {
    case BRINK_METHOD_SPE:
        if (!tree)
            return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                   "spe needs an extensive game; this game is strategic");
        return solve_spe(ctx, game, opts->subgame_method ? (int)opts->subgame_method - 1 : -1,
                         out);
    case BRINK_METHOD_LCP:
        if (tree && !opts->strategic) {
            if (game->nplayers != 2)
                return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                                       "lcp needs a two-player game; this game has %d players",
                                       game->nplayers);
            if (opts->tableau == BRINK_TABLEAU_DENSE)
                return solve_seqlcp(ctx, game, out);
            return solve_seqlcp_sparse(ctx, game, out);
        }
        break;
    case BRINK_METHOD_LOGIT:
        if (tree && !opts->strategic) {
            size_t width = game_behavior_width(game);
            if (opts->observed && opts->observed_len != width)
                return brink_ctx_error(ctx, BRINK_EINVAL,
                                       "observed frequencies: %zu values given, the game has %zu "
                                       "actions",
                                       opts->observed_len, width);
            logit_opts_t lo = {opts->lambda, opts->branch, opts->observed,
                               logit_payoff_range(ctx, game), -1};
            return solve_logit(ctx, game, &lo, out);
        }
        break;
    case BRINK_METHOD_LP:
        if (tree && !opts->strategic)
            return solve_seqlp(ctx, game, out);
        if ((st = game_lp_prepare(ctx, game, 0, NULL)) != BRINK_OK)
            return st;
        break;
    default:
        break;
    }
    if (tree && !opts->strategic &&
        (opts->method == BRINK_METHOD_LIAP || opts->method == BRINK_METHOD_GNM ||
         opts->method == BRINK_METHOD_ENUMPOLY))
        return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                               "%s on a tree solves its reduced strategic form: ask for it with "
                               "--strategic",
                               method_name(opts->method));
    if ((st = brink_game_reduced(ctx, game, &nfg)) != BRINK_OK)
        return st;
    int nplayer = opts->method == BRINK_METHOD_ENUMPURE || opts->method == BRINK_METHOD_LOGIT ||
                  opts->method == BRINK_METHOD_LIAP || opts->method == BRINK_METHOD_GNM ||
                  opts->method == BRINK_METHOD_ENUMPOLY;
    if (!nplayer && nfg->nplayers != 2)
        return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                               "%s needs a two-player game; this game has %d players",
                               method_name(opts->method), nfg->nplayers);
    switch (opts->method) {
    case BRINK_METHOD_ENUMPURE:
        if ((st = solve_enumpure(ctx, nfg, out)) != BRINK_OK || !tree || opts->strategic)
            return st;
        return pure_to_behavior(ctx, game, out);
    case BRINK_METHOD_ENUMMIXED:
        return solve_enummixed(ctx, nfg, out);
    case BRINK_METHOD_LCP:
        return solve_lcp(ctx, nfg, opts->max_eq, out);
    case BRINK_METHOD_LP:
        return solve_lp(ctx, game, nfg, out);
    case BRINK_METHOD_LOGIT:
    {
        size_t width = 0;
        for (int p = 0; p < nfg->nplayers; p++)
            width += (size_t)nfg->nstrat[p];
        if (opts->observed && opts->observed_len != width)
            return brink_ctx_error(ctx, BRINK_EINVAL,
                                   "observed frequencies: %zu values given, the game has %zu "
                                   "strategies",
                                   opts->observed_len, width);
        logit_opts_t lo = {opts->lambda, opts->branch, opts->observed, logit_payoff_range(ctx, game),
                           -1};
        if (tree && game->nodes[0].kind == NODE_PERSONAL)
            lo.root_player = game->infosets[game->nodes[0].infoset].player;
        return solve_logit(ctx, nfg, &lo, out);
    }
    case BRINK_METHOD_LIAP:
        return solve_liap(ctx, nfg, opts->starts, opts->seed, out);
    case BRINK_METHOD_GNM:
        return solve_gnm(ctx, nfg, opts->starts, opts->seed, out);
    case BRINK_METHOD_ENUMPOLY:
        return solve_enumpoly(ctx, nfg, opts->max_eq, out);
    default:
        return brink_ctx_error(ctx, BRINK_EUNSUPPORTED, "method %s is not implemented",
                               method_name(opts->method));
    }
}
