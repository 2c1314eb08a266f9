/* utility.c - the expected change in a leader's utility from each action
 * of its menu, split into security, economy, prestige and the anticipated
 * reactions of the others (one step of look-ahead through their current
 * policies).  docs/model.md, section 3.3, states every term. */
#include <math.h>

#include "sim/sim_internal.h"

/* How complete the target's deterrent is: reach towards intercontinental
 * times reliability (0 none .. 1 a proven intercontinental force). */
static double completeness(const sim_actor_t *a)
{
    return sim_clamp(a->reach / 3.0, 0.0, 1.0) * (0.4 + 0.6 * a->reliability);
}

/* The target's highest threat perception towards an adversary. */
static double security_need(const sim_state_t *s, int i)
{
    double t = 0.0;
    for (int j = 0; j < s->m->n; j++)
        if (j != i && s->d[i][j].threat > t)
            t = s->d[i][j].threat;
    return t;
}

/* Effectiveness of the target's trade partners' enforcement: how much of
 * any new UN measure would actually bite. */
static double enforcement_reach(const sim_state_t *s, int t)
{
    double e = 0.0;
    for (int k = 0; k < s->m->n; k++)
        e += s->d[k][t].trade * s->d[k][t].enforce;
    return e;
}

/* Anticipated pressure from the adversaries (their leaders' pressure
 * weights): the expected exercises and threats a provocation invites. */
static double adversary_pressure(const sim_state_t *s)
{
    double p = 0.0;
    for (int k = 0; k < s->m->n; k++)
        if (s->m->hostile[k])
            p += s->a[k].L.pressure * s->a[k].power / 0.15;
    return sim_clamp(p, 0.0, 2.0);
}

int sim_action_allowed(const sim_state_t *s, int i, int action)
{
    const sim_model_t *m = s->m;
    int T = m->target;
    switch (action) {
    case A_WAIT:
        return 1;
    case A_MISSILE:
        return i == T && s->a[i].reach > 0.0;
    case A_NUCLEAR:
        return i == T && s->a[i].programme && s->a[i].stock >= 1.0 &&
               s->month - s->last_nuclear >= 4 && s->a[i].maturity < 0.999;
    case A_EXERCISE:
    case A_SANCTION:
        return m->hostile[i];
    case A_THREAT:
        return i == T || m->hostile[i];
    case A_AID:
        return i != T && !m->hostile[i] ? s->d[i][T].alliance > 0.0 : (i != T && s->a[i].L.engagement > 0.5);
    case A_PROPOSE:
        return !s->talks.open && (i == T || (m->hostile[i] && s->a[i].L.engagement > 0.0));
    default:
        return 0;
    }
}

/* Utility of the target's tests before any restraint from talks: used for
 * the opportunity cost of talks and for reneging. */
static void test_terms(const sim_state_t *s, int i, int nuclear, sim_why_t *w)
{
    const sc_params_t *P = &s->m->P;
    const sim_actor_t *a = &s->a[i];
    double need = security_need(s, i);
    double inc = nuclear ? 1.0 - a->maturity : 1.0 - completeness(a);
    double scale = nuclear ? 1.5 : 1.0;
    /* a risk-acceptant leader values a gamble that raises the risk of war
     * (brinkmanship) more: the same factor as in the Byungjin optimum */
    w->security = a->L.w_sec * P->test_security * scale * need * inc * (1.0 + 0.5 * a->L.risk);
    w->prestige = a->L.w_pres * P->test_prestige * scale * (1.2 - a->legitimacy);
    /* anticipated reactions: a UN round and tighter sanctions (weighted by
     * how well the partners enforce), exercises and threats */
    double sev = nuclear ? 1.0 : P->frontier_share * (a->reach >= P->icbm_reach ? 0.8 : 0.4);
    double fear = 1.0 - sim_clamp(a->L.risk, -1.0, 1.0);
    w->economy = -fear * a->L.w_eco * P->provocation_cost * sev * (0.2 + enforcement_reach(s, i));
    w->reaction = -fear * a->L.w_sec * 0.1 * adversary_pressure(s) * (nuclear ? 1.0 : 0.3);
}

double sim_talks_opportunity(const sim_state_t *s, int i);
double sim_talks_opportunity(const sim_state_t *s, int i)
{
    sim_why_t w;
    test_terms(s, i, 0, &w);
    double um = w.security + w.prestige + w.economy + w.reaction;
    test_terms(s, i, 1, &w);
    double un = w.security + w.prestige + w.economy + w.reaction;
    return fmax(0.0, um) + 0.5 * fmax(0.0, un);
}

void sim_action_utility(sim_state_t *s, int i, int action, sim_why_t *w)
{
    const sc_params_t *P = &s->m->P;
    const sim_actor_t *a = &s->a[i];
    int T = s->m->target;
    w->security = w->economy = w->prestige = w->reaction = 0.0;
    double restraint = s->talks.open ? 1.0 : s->talks.restraint;
    double fear = 1.0 - sim_clamp(a->L.risk, -1.0, 1.0);
    switch (action) {
    case A_WAIT:
        break;
    case A_MISSILE:
    case A_NUCLEAR:
        test_terms(s, i, action == A_NUCLEAR, w);
        /* talks make tests costly: lost relief and summit prestige */
        w->reaction -= (a->L.w_eco + a->L.w_pres) * P->talks_test_cost * restraint *
                       (action == A_NUCLEAR ? 1.5 : 1.0);
        break;
    case A_THREAT:
        if (i == T) {
            w->prestige = a->L.w_pres * 0.3 * P->test_prestige * (1.2 - a->legitimacy);
            w->security = a->L.w_sec * 0.1 * security_need(s, i) * (1.0 + 0.5 * a->L.risk);
            w->reaction = -0.3 * (a->L.w_eco + a->L.w_pres) * P->talks_test_cost * restraint -
                          fear * 0.05;
        } else {
            double h = sim_clamp(s->d[T][i].escal / P->escalation_scale, 0.0, 1.0);
            w->prestige = a->L.w_pres * a->L.pressure * (0.9 * h - 0.15);
            w->reaction = -0.3 * restraint * a->L.engagement;
        }
        break;
    case A_EXERCISE: {
        double thr = s->d[i][T].threat;
        w->security = a->L.w_sec * a->L.pressure * 0.5 * thr;
        w->reaction = -a->L.w_sec * 0.2 * fear * s->escalation -
                      restraint * (0.5 + a->L.engagement);
        break;
    }
    case A_SANCTION: {
        double h = sim_clamp(s->d[T][i].escal / P->escalation_scale, 0.0, 1.0);
        double room = 1.0 - s->d[i][T].sanctions;
        w->security = a->L.w_sec * a->L.pressure * (0.9 * h - 0.25) * room;
        w->economy = -a->L.w_eco * s->d[i][T].trade;
        w->reaction = -restraint * a->L.engagement;
        break;
    }
    case A_AID:
        if (s->m->hostile[i]) {
            w->prestige = a->L.w_pres * (a->L.engagement - 0.5) * 0.6 * (0.5 + restraint);
            w->security = -a->L.w_sec * a->L.pressure * 0.3 * s->escalation;
        } else {
            w->security = a->L.w_sec * s->d[i][T].alliance * 0.5 * sim_bite(s, T);
            w->reaction = -0.15 - a->L.w_pres * 0.3 * s->escalation;
        }
        break;
    case A_PROPOSE: {
        /* the value of talks with the best partner, times the anticipated
         * acceptance (the partner's logit response to its own value) */
        int partner = -1;
        double best = -1e9;
        if (i == T) {
            for (int j = 0; j < s->m->n; j++) {
                if (!s->m->hostile[j])
                    continue;
                double v = sim_talks_cached(s, j, 1);
                if (v > best) {
                    best = v;
                    partner = j;
                }
            }
        } else {
            partner = i;
            best = sim_talks_cached(s, i, 0);
        }
        if (partner < 0)
            break;
        double v_other = sim_talks_cached(s, partner, i != T);
        double lam = i == T ? s->a[partner].L.lambda : s->a[T].L.lambda;
        double pacc = 1.0 / (1.0 + exp(-lam * v_other));
        w->economy = pacc * best;
        w->reaction = -(1.0 - pacc) * 0.1;
        break;
    }
    default:
        break;
    }
    w->total = w->security + w->economy + w->prestige + w->reaction;
}
