/* talks.c - talks as a process (docs/model.md, M4; Putnam 1988; Kydd
 * 2005; Fearon 1995).  The target keeps one track with every counterpart:
 * its adversaries (substantive talks) and its patrons (reassurance).  A
 * closed track opens with monthly probability
 *   talks_open_rate * w_T * w_j,   w = 2 logistic(lam V) - 1 for V > 0, else 0
 * from both sides' values of talking.  An open track persists through
 * summits; summits arrive at rate summit_rate + momentum, where every
 * summit adds momentum_gain to a shared momentum that decays (a Hawkes
 * process).  At an adversary summit the proposer offers the package with
 * the highest Nash product as it believes the other's values: a package
 * the other truly refuses ends the talks with a surprise that feeds the
 * leverage motive (M1); no package believed acceptable yields a
 * declaratory statement; an accepted package is signed (bargain.c).  A
 * test during talks ends them (testing.c weighs that cost). */
#include <math.h>

#include "sim/sim_internal.h"

int sim_talks_open_any(const sim_state_t *s)
{
    for (int j = 0; j < s->m->n; j++)
        if (s->tr[j].open && s->m->hostile[j])
            return 1;
    return 0;
}

/* Value of talking with j, to the target (for_target) or to j; deal_t and
 * deal_p are the values of the best package (adversaries only). */
static double open_value(const sim_state_t *s, int j, int for_target, double deal_t,
                         double deal_p)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    const sim_actor_t *t = &s->a[T], *p = &s->a[j];
    if (!s->m->hostile[j]) {
        /* a patron: reassurance and aid for the target; for the patron,
         * not to be sidelined while the target talks with its rivals */
        if (for_target)
            return t->L.w_sec * sim_security_need(s, T) * 0.5 +
                   t->L.w_pres * P->summit_prestige * 0.3 - 0.1;
        return P->patron_interest * (sim_talks_open_any(s) ? 1.0 : 0.1) +
               p->L.engagement * 0.1 - 0.15;
    }
    double A = s->attention, eng = p->L.engagement;
    if (for_target) {
        /* the target: the deal it can get, the prestige of meeting an
         * engaged leader and the relief its leverage (attention) can buy,
         * less the leverage it could still build first (Bas and Coe 2018) */
        return deal_t + t->L.w_pres * P->summit_prestige * eng +
               t->L.w_eco * P->relief_value * (s->bite + P->aid_value) * eng * A -
               0.5 * P->leverage_value * sim_nuclear_potential(t) * eng * (1.0 - A) *
                   (1.0 + s->surprise) -
               P->talks_cost;
    }
    /* the partner: an engaged leader values meeting and the threat
     * reduction talks promise at the crisis' salience; a hawk sees a
     * reward for provocation when attention is low (Putnam 1988: the
     * audience of a democracy punishes a disengaged leader's summit) */
    double hawk = (1.0 - eng) * p->L.pressure * p->L.w_sec * (1.0 - A);
    double aud = p->democracy ? P->audience_cost * 0.3 * (1.0 - eng) : 0.0;
    return deal_p +
           eng * (p->L.w_pres * P->summit_prestige +
                  p->L.w_sec * P->denuke_value * s->d[j][T].threat * A) -
           hawk - aud - P->talks_cost;
}

/* Talks values are anticipated from the state at the start of the month:
 * one evaluation per counterpart and side per month. */
double sim_talks_open_value(const sim_state_t *cs, int j, int for_target)
{
    sim_state_t *s = (sim_state_t *)cs; /* the cache only */
    if (s->tv_month != s->month) {
        for (int k = 0; k < s->m->n; k++)
            if (k != s->m->target && (s->m->hostile[k] || s->m->patron[k])) {
                double ut = 0.0, up = 0.0;
                if (s->m->hostile[k] && sim_bargain_best(s, k, 0.0, 0.0, &ut, &up) < 0)
                    ut = up = 0.0;
                s->tv[1][k] = open_value(s, k, 1, ut, up);
                s->tv[0][k] = open_value(s, k, 0, ut, up);
            }
        s->tv_month = s->month;
    }
    return s->tv[for_target ? 1 : 0][j];
}

static void close_track(sim_state_t *s, int j, const char *why, int breach)
{
    int T = s->m->target;
    s->tr[j].open = 0;
    sim_event(s, EV_TALKS_END, j, T, 1, NULL, "talks end (%s)", why);
    if (breach)
        sim_trust_update(s, j, T, -0.5 * s->m->P.trust_renege);
}

void sim_talks_breach(sim_state_t *s)
{
    for (int j = 0; j < s->m->n; j++)
        if (s->tr[j].open && s->m->hostile[j])
            close_track(s, j, "a test during talks", 1);
    if (s->ag.kind == AG_STATEMENT)
        sim_agreement_breach(s, s->m->target, "a test");
    else if (s->ag.kind >= AG_FREEZE)
        sim_agreement_breach(s, s->m->target, "a test breaks the freeze");
}

static void summit(sim_state_t *s, int j)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    sim_track_t *k = &s->tr[j];
    sim_actor_t *t = &s->a[T];
    k->summits++;
    k->last_summit = s->month;
    s->momentum += P->momentum_gain;
    int ym = s->month - s->m->start;
    if (ym >= 0 && ym < SIM_MAXMONTHS && s->mrec[ym].summits < 255)
        s->mrec[ym].summits++;
    if (!s->m->hostile[j]) {
        sim_event(s, EV_SUMMIT, T, j, 1, NULL, "leader summit with a patron");
        s->d[j][T].alliance = fmin(1.0, s->d[j][T].alliance + 0.05);
        s->d[T][j].coop += 1.0;
        s->d[j][T].coop += 1.0;
        return;
    }
    sim_count(s, BRINK_COUNT_SUMMITS, 1);
    if (s->first_summit < 0)
        s->first_summit = s->month;
    s->d[T][j].coop += 2.0;
    s->d[j][T].coop += 2.0;
    t->loyalty = sim_clamp(t->loyalty + 0.3 * P->loyalty_prestige, 0.0, 1.0);
    if (s->ag.kind >= AG_FREEZE) {
        /* a deal in force: the summit reviews its implementation */
        sim_event(s, EV_SUMMIT, T, j, 1, NULL, "leader summit on the agreement in force");
        return;
    }
    /* the proposer alternates; each side's error about the other's value
     * is drawn per summit (private information) */
    int partner_proposes = k->summits % 2 == 0;
    double et = P->belief_noise * brink_rng_normal(&s->rng);
    double ep = P->belief_noise * brink_rng_normal(&s->rng);
    double ut, up;
    int pk = sim_bargain_best(s, j, partner_proposes ? et : 0.0, partner_proposes ? 0.0 : ep,
                              &ut, &up);
    if (pk < 0) {
        sim_event(s, EV_SUMMIT, T, j, 1, NULL, "leader summit: no package both sides accept");
        /* a declaratory statement when both leaders value its prestige */
        if (t->L.engagement + s->a[j].L.engagement > 0.8)
            sim_agreement_sign(s, j, 0);
        return;
    }
    const double *x = s->m->pkg[pk];
    sim_event(s, EV_SUMMIT, T, j, 1, NULL, "leader summit: offer d=%.2f r=%.2f a=%.2f", x[0],
              x[1], x[2]);
    if (ut > 0.0 && up > 0.0) {
        sim_agreement_sign(s, j, pk);
        return;
    }
    /* the offer rested on a wrong belief: the summit fails */
    sim_event(s, EV_NODEAL, j, T, 1, NULL, "summit fails: the offer was worth %.2f to the %s",
              ut <= 0.0 ? ut : up, ut <= 0.0 ? "target" : "partner");
    s->surprise += P->surprise_gain;
    sim_trust_update(s, T, j, -0.5 * P->trust_renege);
    close_track(s, j, "a failed summit", 0);
}

/* A working-level round (most nonproliferation deals were negotiated
 * below the leaders: the Agreed Framework, the Leap Day deal, the JCPOA,
 * Libya's 2003 talks): the same bargaining, signed when both sides accept
 * the package; a round that finds nothing goes on without collapse. */
static void round_(sim_state_t *s, int j)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    if (s->ag.kind >= AG_FREEZE)
        return;
    double et = P->belief_noise * brink_rng_normal(&s->rng);
    double ep = P->belief_noise * brink_rng_normal(&s->rng);
    double ut, up;
    int pk = sim_bargain_best(s, j, et, ep, &ut, &up);
    if (pk < 0 || !(ut > 0.0 && up > 0.0))
        return;
    const double *x = s->m->pkg[pk];
    if (x[0] <= 0.0 && x[1] <= 0.0)
        return; /* statements are for leaders */
    sim_event(s, EV_ACCEPT, T, j, 1, NULL, "negotiators agree on d=%.2f r=%.2f a=%.2f", x[0],
              x[1], x[2]);
    sim_agreement_sign(s, j, pk);
}

void sim_talks_step(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target, n = s->m->n;
    const sim_actor_t *t = &s->a[T];
    s->momentum *= s->m->dec_momentum;
    s->surprise *= pow(0.5, 1.0 / P->surprise_halflife);
    if (!t->programme && !s->tr[T].open && t->disarmed)
        return;
    for (int j = 0; j < n && !s->done; j++) {
        if (j == T || (s->a[j].L.engagement <= 0.0 && s->m->hostile[j]))
            continue;
        if (!s->m->hostile[j] && !s->m->patron[j])
            continue;
        sim_track_t *k = &s->tr[j];
        double vt = sim_talks_open_value(s, j, 1), vj = sim_talks_open_value(s, j, 0);
        double lt = t->L.lambda, lj = s->a[j].L.lambda;
        /* willingness: 0 when a side does not value talks, rising to 1
         * (2 logistic(lam v) - 1 for v > 0) */
        double wt = vt > 0.0 ? 2.0 * sim_sigmoid(lt * vt) - 1.0 : 0.0;
        double wj = vj > 0.0 ? 2.0 * sim_sigmoid(lj * vj) - 1.0 : 0.0;
        if (s->play)
            wj = sim_play_willing(s, j, wj);
        if (!k->open) {
            double p = P->talks_open_rate * wt * wj;
            if (brink_rng_bernoulli(&s->rng, p)) {
                int prop = vt > vj ? T : j;
                sim_event(s, EV_PROPOSE, prop, prop == T ? j : T, 1, NULL,
                          "proposes talks (values %.2f / %.2f)", vt, vj);
                sim_event(s, EV_ACCEPT, prop == T ? j : T, prop, 1, NULL, "accepts talks");
                *k = (sim_track_t){1, 0, 0, -1, 0.0};
                s->d[T][j].coop += 1.0;
                s->d[j][T].coop += 1.0;
            }
            continue;
        }
        k->months++;
        /* talks lapse at talks_decay a month, and a side that no longer
         * values them walks out: half the time in each month it does not */
        double walk = (vt < 0.0 ? 0.5 : 0.0) + (vj < 0.0 ? 0.5 : 0.0);
        if (brink_rng_bernoulli(&s->rng, P->talks_decay) ||
            brink_rng_bernoulli(&s->rng, sim_clamp(walk, 0.0, 1.0))) {
            close_track(s, j, "no progress", 0);
            continue;
        }
        double rate = (P->summit_rate + s->momentum) * wt * wj;
        if (s->m->hostile[j] && brink_rng_bernoulli(&s->rng, P->round_rate))
            round_(s, j);
        if (!s->done && brink_rng_bernoulli(&s->rng, sim_clamp(rate, 0.0, 0.9)))
            summit(s, j);
    }
    int ym = s->month - s->m->start;
    if (ym >= 0 && ym < SIM_MAXMONTHS)
        s->mrec[ym].talks = (uint8_t)(sim_talks_open_any(s) || s->ag.kind >= AG_FREEZE);
}
