/* enumpure.c - every pure-strategy Nash equilibrium of an N-player
 * strategic game, by checking each profile against every unilateral
 * deviation in exact arithmetic.  O(contingencies x sum of strategies). */
#include <string.h>

#include "game/game_internal.h"

brink_status_t solve_enumpure(brink_ctx_t *ctx, const brink_game_t *g, brink_eqset_t **out)
{
    int np = g->nplayers;
    size_t width = 0;
    for (int p = 0; p < np; p++)
        width += (size_t)g->nstrat[p];
    brink_eqset_t *e = eqset_new(ctx, BRINK_PROFILE_MIXED, 1, width);
    int *prof = brink_calloc(ctx, (size_t)np, sizeof *prof);
    size_t *stride = brink_malloc(ctx, (size_t)np * sizeof *stride);
    mpq_t *vals = brink_malloc(ctx, (width ? width : 1) * sizeof *vals);
    brink_status_t st = BRINK_OK;
    if (!e || !prof || !stride || !vals) {
        brink_free(ctx, vals);
        vals = NULL;
        st = BRINK_ENOMEM;
        goto done;
    }
    for (size_t j = 0; j < width; j++)
        mpq_init(vals[j]);
    size_t s = 1;
    for (int p = 0; p < np; p++) {
        stride[p] = s;
        s *= (size_t)g->nstrat[p];
    }
    for (size_t c = 0; c < g->ncont; c++) {
        if ((c & 65535) == 0 && c && brink_ctx_interrupted(ctx)) {
            st = BRINK_EINTERRUPT;
            goto done;
        }
        int ok = 1;
        for (int p = 0; p < np && ok; p++) {
            /* cheap screen in doubles, exact check on candidates */
            double mine = g->dpay[c * (size_t)np + (size_t)p];
            size_t base = c - (size_t)prof[p] * stride[p];
            for (int t = 0; t < g->nstrat[p]; t++) {
                size_t d = base + (size_t)t * stride[p];
                double v = g->dpay[d * (size_t)np + (size_t)p];
                if (v > mine + 1e-9 * (1 + (mine < 0 ? -mine : mine))) {
                    ok = 0;
                    break;
                }
                if (v >= mine - 1e-9 * (1 + (mine < 0 ? -mine : mine)) &&
                    mpq_cmp(g->pay[d * (size_t)np + (size_t)p], g->pay[c * (size_t)np + (size_t)p]) > 0) {
                    ok = 0;
                    break;
                }
            }
        }
        if (ok) {
            size_t off = 0;
            for (int p = 0; p < np; p++) {
                for (int t = 0; t < g->nstrat[p]; t++)
                    mpq_set_ui(vals[off + (size_t)t], t == prof[p] ? 1 : 0, 1);
                off += (size_t)g->nstrat[p];
            }
            if ((st = eqset_add_q(ctx, e, vals)) != BRINK_OK)
                goto done;
        }
        for (int p = 0; p < np; p++) {
            if (++prof[p] < g->nstrat[p])
                break;
            prof[p] = 0;
        }
    }
done:
    if (vals) {
        for (size_t j = 0; j < width; j++)
            mpq_clear(vals[j]);
        brink_free(ctx, vals);
    }
    brink_free(ctx, prof);
    brink_free(ctx, stride);
    if (st != BRINK_OK) {
        brink_eqset_free(ctx, e);
        return brink_ctx_error(ctx, st, "%s", st == BRINK_EINTERRUPT ? "interrupted" : "out of memory");
    }
    *out = e;
    return BRINK_OK;
}
