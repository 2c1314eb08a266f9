/* stubs.c - methods that are specified in game.h but not yet implemented
 * report BRINK_EUNSUPPORTED (never a wrong answer). */
#include "game/game_internal.h"

brink_status_t brink_game_regret_behavior(brink_ctx_t *ctx, const brink_game_t *game,
                                          const double *prof, size_t len, double *regret)
{
    (void)game;
    (void)prof;
    (void)len;
    (void)regret;
    return brink_ctx_error(ctx, BRINK_EUNSUPPORTED, "behaviour regret is not implemented yet");
}
