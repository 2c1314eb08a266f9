/* stubs.c - methods that are specified in game.h but not yet implemented
 * report BRINK_EUNSUPPORTED (never a wrong answer). */
#include "game/game_internal.h"

brink_status_t solve_seqlcp(brink_ctx_t *ctx, const brink_game_t *efg, brink_eqset_t **out)
{
    (void)efg;
    (void)out;
    return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                           "the sequence-form lcp is not implemented yet; use --strategic");
}

brink_status_t brink_game_regret_behavior(brink_ctx_t *ctx, const brink_game_t *game,
                                          const double *prof, size_t len, double *regret)
{
    (void)game;
    (void)prof;
    (void)len;
    (void)regret;
    return brink_ctx_error(ctx, BRINK_EUNSUPPORTED, "behaviour regret is not implemented yet");
}
