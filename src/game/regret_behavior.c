/* regret_behavior.c - the regret of a behaviour profile of a tree, through
 * the realization-equivalent mixed profile of the reduced strategic form. */
#include "game/game_internal.h"

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
