/* hazard.c - the escalation index (exponentially weighted Goldstein sum of
 * hostile events between the target and its adversaries) and the monthly
 * hazards of armed clash, war and regime collapse. */
#include <math.h>

#include "sim/sim_internal.h"

void sim_hazard(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target, n = s->m->n;
    double worst = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if (i == j)
                continue;
            sim_dyad_t *d = &s->d[i][j];
            d->escal = s->m->dec_escal * d->escal + d->hostile;
        }
    for (int k = 0; k < n; k++) {
        if (!s->m->hostile[k])
            continue;
        double e = s->d[T][k].escal + s->d[k][T].escal;
        if (e > worst)
            worst = e;
    }
    s->escalation = 1.0 - exp(-worst / P->escalation_scale);
    sim_deterrence(s);
    double pwar = P->war_hazard * s->escalation * s->pfight;
    double pclash = P->clash_hazard * s->escalation * s->pchallenge;
    double u = brink_rng_uniform(&s->rng);
    if (u < pwar) {
        sim_event(s, EV_WAR, T, -1, 1, NULL, "war breaks out (hazard %.4f)", pwar);
        s->outcome = OUT_WAR;
        s->done = 1;
        return;
    }
    if (u < pwar + pclash) {
        int near = -1;
        for (int k = 0; k < n; k++)
            if (s->m->hostile[k] &&
                (near < 0 || s->m->sc->actors[k].reach_needed <
                                 s->m->sc->actors[near].reach_needed))
                near = k;
        if (near >= 0)
            sim_event(s, EV_CLASH, T, near, 1, NULL, "armed clash (hazard %.4f)", pclash);
    }
    double L = s->a[T].legitimacy;
    double pcol = P->collapse_hazard * sim_clamp((0.25 - L) / 0.25, 0.0, 1.0);
    if (pcol > 0.0 && brink_rng_bernoulli(&s->rng, pcol)) {
        sim_event(s, EV_COLLAPSE, T, -1, 1, NULL, "the regime collapses (legitimacy %.2f)",
                  L);
        s->outcome = OUT_COLLAPSE;
        s->done = 1;
    }
}
