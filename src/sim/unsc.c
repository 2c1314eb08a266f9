/* unsc.c - UN Security Council rounds (docs/model.md, M7).  After a test
 * of severity v an adversary with a permanent seat tables a draft with
 * probability v (short-range tests, v < 0.3, draw none); each other
 * permanent member vetoes with probability
 *   logistic(veto_slope (rivalry - veto_threshold) + veto_affinity *
 *            alliance - veto_severity * v)
 * a threshold in great-power rivalry (Early 2015): below it vetoes are
 * rare whatever the draft, above it they become the rule.  A resolution
 * that passes raises the UN sanctions level by unsc_step of the gap. */
#include <math.h>

#include "sim/sim_internal.h"

double sim_veto_probability(const sim_state_t *s, int k, double severity)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    double x = P->veto_slope * (s->rivalry - P->veto_threshold) +
               P->veto_affinity * s->d[k][T].alliance - P->veto_severity * severity;
    return sim_sigmoid(x);
}

void sim_unsc_round(sim_state_t *s, int proposer, double severity)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    for (int k = 0; k < s->m->n; k++) {
        if (k == proposer || k == T || !s->a[k].veto || s->m->hostile[k])
            continue;
        double pv = sim_veto_probability(s, k, severity);
        if (brink_rng_bernoulli(&s->rng, pv)) {
            int y = s->month / 12 - s->m->start / 12;
            if (y >= 0 && y < SIM_MAXYEARS)
                s->vetoes_y[y]++;
            sim_event(s, EV_UNSC_VETO, k, proposer, 1, NULL,
                      "vetoes a UNSC resolution (p %.2f)", pv);
            return;
        }
    }
    s->last_resolution = s->month;
    s->unsc_level += P->unsc_step * (1.0 - s->unsc_level);
    sim_count(s, BRINK_COUNT_UNSC, 1);
    sim_event(s, EV_UNSC_PASS, proposer, T, 1, NULL,
              "UNSC resolution passes (sanctions level %.2f)", s->unsc_level);
}
