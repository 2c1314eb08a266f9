/* choice.c - logit quantal response (McKelvey and Palfrey 1995) over the
 * discrete menus of the actors other than the target: threats and
 * sanctions by its adversaries, aid by its patrons and engaged leaders.
 * The choice probability of an action is read as an intensity: the action
 * happens with probability act_rate * p in the month.  (The target's tests
 * are intensities of their own, testing.c; exercises are policy.c.) */
#include <math.h>

#include "sim/sim_internal.h"

double sim_logit(const double *u, int n, double lambda, double *p)
{
    double mx = -INFINITY;
    for (int k = 0; k < n; k++)
        if (u[k] > mx)
            mx = u[k];
    double z = 0.0;
    for (int k = 0; k < n; k++) {
        p[k] = isfinite(u[k]) ? exp(lambda * (u[k] - mx)) : 0.0;
        z += p[k];
    }
    for (int k = 0; k < n; k++)
        p[k] /= z;
    return z;
}

static void fill_why(sim_why_t *w, const double *u, const double *p, const int *acts, int n,
                     int k)
{
    w->p = p[k];
    w->runner_up = -1;
    w->runner_total = -INFINITY;
    for (int b = 0; b < n; b++)
        if (b != k && u[b] > w->runner_total) {
            w->runner_total = u[b];
            w->runner_up = acts[b];
        }
}

void sim_choices(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int n = s->m->n, T = s->m->target;
    double restraint = sim_talks_open_any(s) || s->ag.kind != AG_NONE ? 1.0 : 0.0;
    for (int i = 0; i < n && !s->done; i++) {
        if (i == T)
            continue;
        const sim_actor_t *a = &s->a[i];
        int acts[4], na = 0;
        double u[4], p[4];
        sim_why_t why[4] = {{0}};
        acts[na] = A_WAIT;
        u[na++] = 0.0;
        double h = sim_clamp(s->d[T][i].escal / P->escalation_scale, 0.0, 1.0);
        if (s->m->hostile[i]) {
            double room = 1.0 - s->d[i][T].sanctions;
            why[na].security = a->L.w_sec * a->L.pressure * (0.9 * h - 0.25) * room;
            why[na].economy = -a->L.w_eco * s->d[i][T].trade;
            why[na].reaction = -restraint * a->L.engagement;
            acts[na] = A_SANCTION;
            u[na] = why[na].security + why[na].economy + why[na].reaction;
            na++;
            why[na].prestige = a->L.w_pres * a->L.pressure * (0.9 * h - 0.15);
            why[na].reaction = -0.3 * restraint * a->L.engagement;
            acts[na] = A_THREAT;
            u[na] = why[na].prestige + why[na].reaction;
            na++;
        }
        if (s->m->patron[i] || (s->m->hostile[i] && a->L.engagement > 0.6 && restraint > 0.0)) {
            double al = s->d[i][T].alliance;
            why[na].security = a->L.w_sec * (al * 0.5 * s->bite + 0.2 * restraint * a->L.engagement);
            why[na].reaction = -0.15 - a->L.w_pres * 0.3 * s->escalation;
            acts[na] = A_AID;
            u[na] = why[na].security + why[na].reaction;
            na++;
        }
        for (int k = 0; k < na; k++)
            why[k].total = u[k];
        sim_logit(u, na, a->L.lambda, p);
        int played = s->play ? sim_play_choice(s, i, acts, u, p, na) : -1;
        for (int k = 1; k < na; k++) {
            if (played >= 0 ? k != played
                            : !brink_rng_bernoulli(&s->rng, sim_clamp(P->act_rate * p[k], 0.0, 1.0)))
                continue;
            sim_why_t *w = &why[k];
            fill_why(w, u, p, acts, na, k);
            if (acts[k] == A_SANCTION) {
                sim_dyad_t *d = &s->d[i][T];
                d->sanctions += 0.15 * (1.0 - d->sanctions);
                sim_event(s, EV_SANCTION, i, T, 1, w,
                          "tightens unilateral sanctions (level %.2f)", d->sanctions);
            } else if (acts[k] == A_THREAT) {
                sim_event(s, EV_THREAT, i, T, 1, w, "threatens military force");
            } else {
                sim_event(s, EV_AID, i, T, 1, w, "provides aid / eases sanctions");
                s->aid += 0.003;
            }
        }
    }
}
