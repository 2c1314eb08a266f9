/* hazard.c - the escalation index and the monthly hazards of armed clash
 * and war (docs/model.md, M9) and of regime collapse (M8).
 *   war:      war_hazard * escalation * (p_fight + window_weight * W)
 *             with p_fight from the derived deterrence game and W the
 *             preventive window: the strongest adversary's threat times the
 *             shift of the target's adequacy C against it over about a year
 *             while C is still short of 1, 10 (C - C_1y) (1 - C) (Powell
 *             2006; Debs and Monteiro 2014), times its leader's pressure and
 *             risk; C is the tested adequacy or latent_weight times the
 *             latent one, whichever is higher (a programme short of a
 *             tested weapon invites prevention too: Osirak 1981, Yongbyon
 *             1994, al-Kibar 2007);
 *   collapse: collapse_hazard * logistic((collapse_threshold - K) / 0.05)
 *             with K the ruling coalition's loyalty (economy.c). */
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
    int great = -1;
    for (int k = 0; k < n; k++) {
        if (!s->m->hostile[k])
            continue;
        double e = s->d[T][k].escal + s->d[k][T].escal;
        if (e > worst)
            worst = e;
        if (great < 0 || s->a[k].power > s->a[great].power)
            great = k;
    }
    s->escalation = 1.0 - exp(-worst / P->escalation_scale);
    sim_deterrence(s);
    double window = 0.0;
    if (great >= 0 && s->a[T].programme) {
        /* the shift in power: adequacy now against its level a year ago
         * (an exponential average), while it is still incomplete */
        double c = fmax(sim_adequacy(s, T, great, s->a[T].sys),
                        P->latent_weight * sim_potential_adequacy(s, T, great));
        if (s->month == s->m->start)
            s->adeq_slow = c; /* no shift before the start */
        double shift = c - s->adeq_slow;
        s->adeq_slow += (c - s->adeq_slow) / 12.0;
        if (shift > 0.0)
            window = 10.0 * shift * (1.0 - c) * s->d[great][T].threat * s->a[great].L.pressure *
                     (1.0 + s->a[great].L.risk);
    }
    s->war_win = P->war_hazard * s->escalation * P->window_weight * window;
    s->war_fight = P->war_hazard * s->escalation * s->pfight;
    double pwar = s->war_win + s->war_fight;
    double pclash = P->clash_hazard * s->escalation * s->pchallenge;
    double u = brink_rng_uniform(&s->rng);
    if (u < pwar) {
        sim_event(s, EV_WAR, T, great, 1, NULL, "war breaks out (hazard %.4f)", pwar);
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
        if (near >= 0) {
            sim_event(s, EV_CLASH, T, near, 1, NULL, "armed clash (hazard %.4f)", pclash);
            s->d[T][near].hostile += 10.0;
            s->d[near][T].hostile += 10.0;
        }
    }
    double K = s->a[T].loyalty;
    double pcol = P->collapse_hazard * sim_sigmoid((P->collapse_threshold - K) / 0.05);
    if (pcol > 1e-12 && brink_rng_bernoulli(&s->rng, pcol)) {
        sim_event(s, EV_COLLAPSE, T, -1, 1, NULL, "the regime collapses (coalition loyalty %.2f)",
                  K);
        s->outcome = OUT_COLLAPSE;
        s->done = 1;
    }
}
