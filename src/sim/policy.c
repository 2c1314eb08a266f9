/* policy.c - continuous policies by partial adjustment towards the level
 * that maximises the leader's utility: the target's Byungjin split, third
 * parties' sanctions enforcement, defence effort; the rivalry trend. */
#include <math.h>

#include "sim/sim_internal.h"

/* The target's optimal nuclear share s* = argmax alpha ln(1 + k s) +
 * beta (1 - s), i.e. s* = alpha/beta - 1/k, with alpha the security and
 * prestige value of the programme (falling as the force nears completion)
 * and beta the value of the economy (rising with the sanctions bite). */
double sim_byungjin_optimum(const sim_state_t *s, int i)
{
    const sim_actor_t *a = &s->a[i];
    double need = 0.0;
    for (int j = 0; j < s->m->n; j++)
        if (j != i && s->d[i][j].threat > need)
            need = s->d[i][j].threat;
    double comp = sim_clamp(a->reach / 3.0, 0.0, 1.0) * (0.4 + 0.6 * a->reliability);
    double alpha = a->L.w_sec * need * (1.0 - comp) * (1.0 + 0.5 * a->L.risk) +
                   a->L.w_pres * 0.2 * (1.0 - comp);
    double beta = a->L.w_eco * (1.0 + 2.0 * s->bite) + 1e-9;
    return sim_clamp(alpha / beta - 1.0 / s->m->P.byungjin_return, 0.05, 0.95);
}

void sim_policies(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target, n = s->m->n;
    s->rivalry = sim_clamp(s->rivalry + P->rivalry_drift / 12.0, 0.0, 1.0);
    sim_actor_t *t = &s->a[T];
    t->byungjin += P->byungjin_adjust * (sim_byungjin_optimum(s, T) - t->byungjin);
    double restraint = s->talks.open ? 1.0 : s->talks.restraint;
    for (int i = 0; i < n; i++) {
        if (i == T)
            continue;
        sim_dyad_t *d = &s->d[i][T];
        if (!s->m->hostile[i] && d->trade > 0.0) {
            /* a patron enforces more as UN measures accumulate and as the
             * target's provocations threaten stability, and less as its
             * rivalry with the sanctioning powers rises or talks are on */
            double e = d->enforce0 + P->enforce_unsc * (s->unsc_level - P->unsc_level) +
                       P->enforce_provocation * s->escalation -
                       P->enforce_rivalry * (s->rivalry - P->rivalry_ref) -
                       P->enforce_talks * restraint;
            d->enforce += P->enforce_adjust * (sim_clamp(e, 0.0, 1.0) - d->enforce);
            if (d->enforce - d->enforce_logged > 0.1) {
                d->enforce_logged = d->enforce;
                sim_event(s, EV_ENFORCE_UP, i, T, 1, NULL,
                          "tightens sanctions enforcement (%.2f)", d->enforce);
            } else if (d->enforce_logged - d->enforce > 0.1) {
                d->enforce_logged = d->enforce;
                sim_event(s, EV_ENFORCE_DOWN, i, T, 1, NULL,
                          "relaxes sanctions enforcement (%.2f)", d->enforce);
            }
        }
        sim_actor_t *a = &s->a[i];
        double goal = a->defence0 * (1.0 + P->defence_threat * d->threat);
        a->defence += P->defence_adjust * (goal - a->defence);
    }
}
