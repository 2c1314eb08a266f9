/* policy.c - continuous policies by partial adjustment towards the level
 * that maximises the leader's utility: the target's Byungjin split, the
 * patrons' enforcement and sanctions busting (M7), defence effort,
 * adversaries' exercises and their suspension (M6); the rivalry trend. */
#include <math.h>

#include "sim/sim_internal.h"

/* Share of the bite the patrons offset by sanctions busting: grows with
 * rivalry and the patron's alliance with the target (Early 2015). */
double sim_leakage(const sim_state_t *s)
{
    int T = s->m->target;
    double l = 0.0;
    for (int k = 0; k < s->m->n; k++)
        if (s->m->patron[k])
            l += s->m->P.leakage_max * s->rivalry * s->d[k][T].alliance * s->d[k][T].trade;
    return sim_clamp(l, 0.0, 0.9);
}

/* The target's optimal nuclear share s* = argmax alpha ln(1 + k s) +
 * beta (1 - s), i.e. s* = alpha/beta - 1/k, with alpha the security value
 * of the programme (the adequacy gap against countermeasures, M2) and
 * beta the value of the economy (rising with the sanctions bite). */
double sim_byungjin_optimum(const sim_state_t *s, int i)
{
    const sim_actor_t *a = &s->a[i];
    double need = sim_security_need(s, i);
    double gap = 1.0 - sim_adequacy_all(s, i, a->sys);
    double alpha = s->m->P.byungjin_weight *
                   (a->L.w_sec * need * (0.3 + gap) * (1.0 + 0.5 * a->L.risk) +
                    a->L.w_pres * 0.2 * gap);
    double beta = a->L.w_eco * (1.0 + 2.0 * s->bite) + 1e-9;
    return sim_clamp(alpha / beta - 1.0 / s->m->P.byungjin_return, 0.05, 0.95);
}

void sim_policies(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target, n = s->m->n;
    s->rivalry = sim_clamp(s->rivalry + P->rivalry_drift / 12.0, 0.0, 1.0);
    sim_actor_t *t = &s->a[T];
    if (t->programme && !t->disarmed)
        t->byungjin += P->byungjin_adjust * (sim_byungjin_optimum(s, T) - t->byungjin);
    int talks = sim_talks_open_any(s) || s->ag.kind >= AG_STATEMENT;
    s->exercise = 0.0;
    double susp = s->ag.kind >= AG_FREEZE ? s->ag.pkg[2] : 0.0;
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
                       P->enforce_talks * talks;
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
        if (!s->m->hostile[i])
            continue;
        /* exercises: suspended by an engaged leader while talks are open
         * (a costly signal, Kydd 2005) or under assurances in force */
        double s_i = s->tr[i].open && a->L.engagement > a->L.pressure ? 1.0 : susp;
        if (s_i > susp)
            susp = s_i;
        double p = P->exercise_rate * a->L.pressure * (1.0 - s_i);
        if (brink_rng_bernoulli(&s->rng, sim_clamp(p, 0.0, 1.0))) {
            double size = P->exercise_scale;
            s->d[i][T].hostile += 7.2 * 2.0 * size;
            s->exercise += size;
            sim_event(s, EV_EXERCISE, i, T, 1, NULL, "holds a large military exercise (size %.1f)",
                      size);
        }
    }
    if (susp > 0.0 && s->suspended <= 0.0)
        sim_event(s, EV_SUSPEND, -1, T, 1, NULL, "allied exercises suspended (%.2f)", susp);
    s->suspended = susp;
}
