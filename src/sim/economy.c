/* economy.c - the target's economy under sanctions and its ruling
 * coalition (docs/model.md, M8; Bueno de Mesquita et al. 2003).  Growth is
 * baseline growth less the sanctions bite and the nuclear share, plus aid.
 * Coalition loyalty K adjusts towards the rents the leader can hand out,
 *   K* = K0 * (rents / rents0) + loyalty_prestige * adequacy
 *        - consolidation * exp(-months in office / 24)
 * with rents = (1 - bite / 2) * sqrt(GDP / GDP0) + aid (half the rents come
 * from sectors sanctions reach): sanctions hurt the
 * leader through rents, a new leader starts below full loyalty, and
 * collapse needs rents far below their start (hazard.c). */
#include <math.h>

#include "sim/sim_internal.h"

void sim_economy(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    sim_actor_t *a = &s->a[T];
    s->bite = sim_bite(s, T);
    /* patron aid grows with rivalry and alliance (black knights, M7) */
    double aid = s->aid;
    for (int k = 0; k < s->m->n; k++)
        if (s->m->patron[k])
            aid += P->patron_aid * s->rivalry * s->d[k][T].alliance;
    double g = a->growth0 - P->bite_cost * s->bite - P->nuclear_cost * a->byungjin + aid -
               (s->border_closed ? 0.05 : 0.0) + P->growth_noise * brink_rng_normal(&s->rng);
    s->growth_c = g;
    a->gdp *= 1.0 + g / 12.0;
    s->rents = (1.0 - 0.5 * s->bite) * sqrt(a->gdp / a->gdp0) + 3.0 * aid;
    double months = s->month - a->L.since;
    double target = s->m->sc->actors[T].legitimacy * s->rents / a->rents0 +
                    P->loyalty_prestige * sim_adequacy_all(s, T, a->sys) -
                    P->consolidation * exp(-months / 24.0);
    a->loyalty = sim_clamp(a->loyalty + P->loyalty_adjust * (target - a->loyalty), 0.0, 1.0);
    for (int i = 0; i < s->m->n; i++)
        if (i != T)
            s->a[i].gdp *= 1.0 + s->a[i].growth0 / 12.0;
}
