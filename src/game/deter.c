/* deter.c - the unilateral deterrence game the simulation solves each
 * month (Zagare and Kilgour's challenger-defender game):
 *
 *   Challenger: Status quo -> SQ | Challenge ->
 *     Defender: Concede -> CON | Deny ->
 *       Challenger: Back down -> BD | Fight -> WAR
 *
 * The tree has perfect information, so its agent logit QRE is unique and is
 * the backward pass of logit responses, and its SPE is the backward pass of
 * best responses.  Both are computed here in closed form without heap
 * allocation; brink_deter_game_build gives the same tree as a brink game so
 * that tests can check this against the general solvers. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "game/game_internal.h"

/* probability of choosing the action worth a over the one worth b */
static double logistic(double lambda, double a, double b)
{
    double z = lambda * (a - b);
    if (z >= 0) {
        double e = exp(-z);
        return 1.0 / (1.0 + e);
    }
    double e = exp(z);
    return e / (1.0 + e);
}

brink_status_t brink_deter_solve(brink_ctx_t *ctx, const brink_deter_game_t *g, double lambda,
                                 brink_deter_result_t *out)
{
    if (!g || !out)
        return ctx ? brink_ctx_error(ctx, BRINK_EINVAL, "brink_deter_solve: NULL argument")
                   : BRINK_EINVAL;
    for (int i = 0; i < 2; i++)
        if (isnan(g->status_quo[i]) || isnan(g->concede[i]) || isnan(g->back_down[i]) ||
            isnan(g->conflict[i]) || isinf(g->status_quo[i]) || isinf(g->concede[i]) ||
            isinf(g->back_down[i]) || isinf(g->conflict[i]))
            return ctx ? brink_ctx_error(ctx, BRINK_EINVAL,
                                         "brink_deter_solve: payoffs must be finite numbers")
                       : BRINK_EINVAL;
    if (isnan(lambda))
        return ctx ? brink_ctx_error(ctx, BRINK_EINVAL, "brink_deter_solve: lambda is NaN")
                   : BRINK_EINVAL;
    /* subgame-perfect pass (ties: back down, deny, status quo) */
    int fight = g->conflict[0] > g->back_down[0];
    double deny_c = fight ? g->conflict[0] : g->back_down[0];
    double deny_d = fight ? g->conflict[1] : g->back_down[1];
    int deny = deny_d >= g->concede[1];
    double chal_c = deny ? deny_c : g->concede[0];
    int challenge = chal_c > g->status_quo[0];
    out->spe_deterred = !challenge;
    if (lambda <= 0 || isinf(lambda)) {
        out->p_fight = fight;
        out->credibility = deny;
        out->p_challenge = challenge;
        return BRINK_OK;
    }
    double pf = logistic(lambda, g->conflict[0], g->back_down[0]);
    double vd_deny = pf * g->conflict[1] + (1 - pf) * g->back_down[1];
    double vc_deny = pf * g->conflict[0] + (1 - pf) * g->back_down[0];
    double cred = logistic(lambda, vd_deny, g->concede[1]);
    double vc_chal = cred * vc_deny + (1 - cred) * g->concede[0];
    out->p_fight = pf;
    out->credibility = cred;
    out->p_challenge = logistic(lambda, vc_chal, g->status_quo[0]);
    return BRINK_OK;
}

brink_status_t brink_deter_game_build(brink_ctx_t *ctx, const brink_deter_game_t *d,
                                      brink_game_t **out)
{
    if (!ctx || !d || !out)
        return BRINK_EINVAL;
    char text[2048];
    /* the tree as a Gambit file, read by the project's own reader; %.17g
     * keeps every double exactly */
    int n = snprintf(text, sizeof text,
                     "EFG 2 R \"unilateral deterrence\" { \"Challenger\" \"Defender\" }\n\"\"\n"
                     "p \"\" 1 1 \"Challenger\" { \"Status quo\" \"Challenge\" } 0\n"
                     "t \"\" 1 \"Status quo\" { %.17g %.17g }\n"
                     "p \"\" 2 1 \"Defender\" { \"Concede\" \"Deny\" } 0\n"
                     "t \"\" 2 \"Concede\" { %.17g %.17g }\n"
                     "p \"\" 1 2 \"Challenger after denial\" { \"Back down\" \"Fight\" } 0\n"
                     "t \"\" 3 \"Back down\" { %.17g %.17g }\n"
                     "t \"\" 4 \"Conflict\" { %.17g %.17g }\n",
                     d->status_quo[0], d->status_quo[1], d->concede[0], d->concede[1],
                     d->back_down[0], d->back_down[1], d->conflict[0], d->conflict[1]);
    if (n < 0 || (size_t)n >= sizeof text)
        return brink_ctx_error(ctx, BRINK_EINVAL, "brink_deter_game_build: payoffs too long");
    return brink_game_read_string(ctx, text, (size_t)n, "<deterrence game>", out, NULL);
}
