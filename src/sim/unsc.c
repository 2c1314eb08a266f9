/* unsc.c - UN Security Council rounds: after a provocation an adversary
 * with a permanent seat tables a resolution with probability equal to the
 * provocation's severity; each other permanent member vetoes with a logit
 * probability rising with great-power rivalry and its affinity to the
 * target and falling with the severity; a resolution that passes raises
 * the UN sanctions level by unsc_step of the remaining gap. */
#include <math.h>

#include "sim/sim_internal.h"

void sim_unsc_round(sim_state_t *s, int proposer, double severity)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    for (int k = 0; k < s->m->n; k++) {
        if (k == proposer || k == T || !s->a[k].veto || s->m->hostile[k])
            continue;
        double x = P->veto_base + P->veto_rivalry * s->rivalry +
                   P->veto_affinity * s->d[k][T].alliance - P->veto_severity * severity;
        double pv = 1.0 / (1.0 + exp(-x));
        if (brink_rng_bernoulli(&s->rng, pv)) {
            sim_event(s, EV_UNSC_VETO, k, proposer, 1, NULL,
                      "vetoes a UNSC resolution (p %.2f)", pv);
            return;
        }
    }
    s->unsc_level += P->unsc_step * (1.0 - s->unsc_level);
    s->resolutions++;
    int y = s->month / 12 - s->m->start / 12;
    if (y >= 0 && y < 100)
        s->counts[y][BRINK_COUNT_UNSC]++;
    sim_event(s, EV_UNSC_PASS, proposer, T, 1, NULL,
              "UNSC resolution passes (sanctions level %.2f)", s->unsc_level);
}
