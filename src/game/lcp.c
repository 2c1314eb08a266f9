/* lcp.c - Lemke-Howson (placeholder until implemented). */
#include "game/game_internal.h"

brink_status_t solve_lcp(brink_ctx_t *ctx, const brink_game_t *nfg, size_t max_eq,
                         brink_eqset_t **out)
{
    (void)nfg;
    (void)max_eq;
    (void)out;
    return brink_ctx_error(ctx, BRINK_EUNSUPPORTED, "method lcp is not implemented yet");
}
