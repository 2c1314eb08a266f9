/* regret.c - the regret of a mixed profile of a strategic game: for each
 * player the best pure payoff against the others' mixture minus the
 * profile's payoff.  O(contingencies x players). */
#include <math.h>
#include <string.h>

#include "game/game_internal.h"

brink_status_t brink_game_regret(brink_ctx_t *ctx, brink_game_t *game, const double *prof,
                                 size_t len, double *regret)
{
    if (!ctx || !game || !prof || !regret)
        return BRINK_EINVAL;
    const brink_game_t *g = NULL;
    brink_status_t st = brink_game_reduced(ctx, game, &g);
    if (st != BRINK_OK)
        return st;
    int np = g->nplayers;
    size_t width = 0;
    for (int p = 0; p < np; p++)
        width += (size_t)g->nstrat[p];
    if (len != width)
        return brink_ctx_error(ctx, BRINK_EINVAL, "profile has %zu values, the game needs %zu",
                               len, width);
    double *val = brink_calloc(ctx, width, sizeof *val); /* payoff of each pure strategy */
    size_t *off = brink_malloc(ctx, (size_t)np * sizeof *off);
    int *s = brink_calloc(ctx, (size_t)np, sizeof *s);
    if (!val || !off || !s) {
        brink_free(ctx, val);
        brink_free(ctx, off);
        brink_free(ctx, s);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    }
    size_t o = 0;
    for (int p = 0; p < np; p++) {
        off[p] = o;
        o += (size_t)g->nstrat[p];
    }
    for (size_t c = 0; c < g->ncont; c++) {
        for (int p = 0; p < np; p++) {
            double w = 1;
            for (int q = 0; q < np && w != 0; q++)
                if (q != p)
                    w *= prof[off[q] + (size_t)s[q]];
            if (w != 0)
                val[off[p] + (size_t)s[p]] += w * g->dpay[c * (size_t)np + (size_t)p];
        }
        for (int p = 0; p < np; p++) {
            if (++s[p] < g->nstrat[p])
                break;
            s[p] = 0;
        }
    }
    double worst = 0;
    for (int p = 0; p < np; p++) {
        double best = -INFINITY, cur = 0;
        for (int t = 0; t < g->nstrat[p]; t++) {
            double v = val[off[p] + (size_t)t];
            if (v > best)
                best = v;
            cur += prof[off[p] + (size_t)t] * v;
        }
        if (best - cur > worst)
            worst = best - cur;
    }
    *regret = worst;
    brink_free(ctx, val);
    brink_free(ctx, off);
    brink_free(ctx, s);
    return BRINK_OK;
}
