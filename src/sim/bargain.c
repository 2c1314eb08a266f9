/* bargain.c - talks and the bargaining protocol (docs/model.md, section 5):
 * Nash bargaining over a discretised package grid (denuclearization d,
 * sanctions relief r, assurances a) with the status quo as disagreement
 * point, trust-discounted phased implementation (the commitment problem of
 * Fearon 1995 and Powell 2006), belief noise about the other's reservation
 * value (private information), and the target's outside option from its
 * patrons' lax enforcement (relief is worth the sanctions bite it removes). */
#include <math.h>

#include "sim/sim_internal.h"

double sim_talks_opportunity(const sim_state_t *s, int i);

void sim_package_utility(const sc_params_t *P, const sim_bargain_in_t *in, const double pkg[3],
                         double *u_t, double *u_p)
{
    double d = pkg[0], r = pkg[1], a = pkg[2];
    /* exposure to the other's defection: in a big deal the target moves
     * first and bears the whole risk; action for action splits it into
     * phases of size 1/phases */
    double step = 1.0 / in->phases;
    double exp_t = in->sequencing + (1.0 - in->sequencing) * step;
    double exp_p = (1.0 - in->sequencing) * step;
    /* the other's steps come over the implementation (a phase every three
     * months: on average 1.5 phases months later), discounted by the
     * leader's monthly discount factor and by trust */
    double keep_t = (1.0 - exp_t * (1.0 - in->t.trust)) * in->t.delay;
    double keep_p = (1.0 - exp_p * (1.0 - in->p.trust)) * in->p.delay;
    *u_t = in->t.w_eco * P->relief_value * in->bite * r * keep_t +
           in->t.w_sec * (P->assurance_value * in->threat_t * a * keep_t -
                          P->deterrent_value * (0.5 + in->deter) * in->threat_t * d) +
           in->t.w_pres * (P->statement_prestige * in->t.engagement - P->status_value * d);
    /* the material balance of the deal for the partner; a democratic
     * partner's audience punishes a deal that gives more than it gets */
    double bal = in->p.w_sec * P->denuke_value * in->threat_p * d * keep_p -
                 in->p.w_eco * P->relief_cost * r - in->p.w_sec * P->assurance_cost * a;
    *u_p = bal - (in->democracy && bal < 0.0 ? P->audience_cost * -bal : 0.0) +
           in->p.w_pres * P->statement_prestige * in->p.engagement -
           (1.0 - in->p.engagement) * P->audience_cost * 0.5;
}

/* Coefficients of the two utilities, which are linear in (d, r, a) except
 * for the audience-cost kink: u_t = ct + rt r + at a - dt d and, with the
 * balance b = dp d - rp r - ap a, u_p = cp + b - aud max(0, -b).  Must agree with
 * sim_package_utility (test_sim_bargain checks it). */
typedef struct coef {
    double ct, rt, at, dt, cp, dp, rp, ap, aud;
} coef_t;

static void coefficients(const sc_params_t *P, const sim_bargain_in_t *in, coef_t *c)
{
    double step = 1.0 / in->phases;
    double exp_t = in->sequencing + (1.0 - in->sequencing) * step;
    double exp_p = (1.0 - in->sequencing) * step;
    double keep_t = (1.0 - exp_t * (1.0 - in->t.trust)) * in->t.delay;
    double keep_p = (1.0 - exp_p * (1.0 - in->p.trust)) * in->p.delay;
    c->ct = in->t.w_pres * P->statement_prestige * in->t.engagement;
    c->rt = in->t.w_eco * P->relief_value * in->bite * keep_t;
    c->at = in->t.w_sec * P->assurance_value * in->threat_t * keep_t;
    c->dt = in->t.w_sec * P->deterrent_value * (0.5 + in->deter) * in->threat_t +
            in->t.w_pres * P->status_value;
    c->cp = in->p.w_pres * P->statement_prestige * in->p.engagement -
            (1.0 - in->p.engagement) * P->audience_cost * 0.5;
    c->dp = in->p.w_sec * P->denuke_value * in->threat_p * keep_p;
    c->rp = in->p.w_eco * P->relief_cost;
    c->ap = in->p.w_sec * P->assurance_cost;
    c->aud = in->democracy ? P->audience_cost : 0.0;
}

void sim_bargain_solve(const sim_model_t *m, const sim_bargain_in_t *in, sim_bargain_out_t *out)
{
    coef_t c;
    coefficients(&m->P, in, &c);
    out->best = -1;
    out->acceptable = 0;
    out->nash = 0.0;
    out->u_t = out->u_p = 0.0;
    out->outcome = -1;
    const double g = 1.0 / (SIM_GRID - 1);
    int k = 0;
    for (int id = 0; id < SIM_GRID; id++) {
        double d = id * g;
        for (int ir = 0; ir < SIM_GRID; ir++) {
            double r = ir * g;
            double ut0 = c.ct + c.rt * r - c.dt * d, up0 = c.cp + c.dp * d - c.rp * r;
            for (int ia = 0; ia < SIM_GRID; ia++, k++) {
                double a = ia * g;
                double ut = ut0 + c.at * a;
                double bal = up0 - c.ap * a - c.cp;
                double up = c.cp + bal + (bal < 0.0 ? c.aud * bal : 0.0);
                if (ut > 0.0 && up > 0.0)
                    out->acceptable++;
                /* offers are made on beliefs: the proposer knows its own
                 * utility and sees the other's surplus with its belief
                 * error (noise_t: the target's error, noise_p: the partner's) */
                double bt = in->partner_proposes ? ut - in->noise_p : ut;
                double bp = in->partner_proposes ? up : up - in->noise_t;
                if (bt <= 0.0 || bp <= 0.0)
                    continue;
                double nash = bt * bp;
                if (nash > out->nash) {
                    out->nash = nash;
                    out->best = k;
                    out->u_t = ut;
                    out->u_p = up;
                }
            }
        }
    }
    if (out->best >= 0) {
        double d = m->pkg[out->best][0], r = m->pkg[out->best][1], a = m->pkg[out->best][2];
        out->outcome = d >= 0.75 ? AG_COMPREHENSIVE
                       : d >= 0.25 ? AG_FREEZE
                       : (r > 0 || a > 0) ? AG_FREEZE : AG_STATEMENT;
    }
}

void sim_bargain_input(const sim_state_t *s, int partner, sim_bargain_in_t *in)
{
    const sim_model_t *m = s->m;
    int T = m->target;
    const sim_actor_t *t = &s->a[T], *p = &s->a[partner];
    in->bite = s->bite;
    in->deter = sim_deterrent(s, T, partner);
    in->threat_t = s->d[T][partner].threat;
    in->threat_p = s->d[partner][T].threat;
    in->sequencing = m->P.sequencing;
    in->phases = m->P.phases;
    in->noise_t = in->noise_p = 0.0;
    in->partner_proposes = 0;
    in->democracy = p->democracy;
    in->t = (sim_bargain_side_t){t->L.w_sec, t->L.w_eco, t->L.w_pres, s->d[T][partner].trust,
                                 t->L.engagement, t->L.delay};
    in->p = (sim_bargain_side_t){p->L.w_sec, p->L.w_eco, p->L.w_pres, s->d[partner][T].trust,
                                 p->L.engagement, p->L.delay};
    /* a repeated statement is worth less prestige */
    double fade = s->talks.summits > 0 ? 0.5 : 1.0;
    in->t.engagement *= fade;
    in->p.engagement *= fade;
}

/* Expected values of opening talks with partner, for the target (*vt)
 * and for the partner (*vp), from the bargaining solution under zero
 * belief error, plus the target's summit prestige less the tests it
 * forgoes while talks are open. */
void sim_talks_values(const sim_state_t *s, int partner, double *vt, double *vp)
{
    sim_bargain_in_t in;
    sim_bargain_out_t out;
    sim_bargain_input(s, partner, &in);
    sim_bargain_solve(s->m, &in, &out);
    const sim_actor_t *t = &s->a[s->m->target];
    *vt = (out.best >= 0 ? out.u_t : -0.05) +
          t->L.w_pres * s->m->P.summit_prestige * t->L.engagement *
              (s->talks.summits > 0 ? 0.5 : 1.0) -
          sim_talks_opportunity(s, s->m->target);
    *vp = out.best >= 0 ? out.u_p : -0.05 - s->a[partner].L.pressure * 0.2;
}

double sim_talks_value(const sim_state_t *s, int partner, int for_target)
{
    double vt, vp;
    sim_talks_values(s, partner, &vt, &vp);
    return for_target ? vt : vp;
}

/* Talks values are anticipated from the state at the start of the month
 * (one evaluation per partner and side per month). */
double sim_talks_cached(sim_state_t *s, int partner, int for_target)
{
    if (s->tv_month != s->month) {
        for (int j = 0; j < s->m->n; j++)
            if (s->m->hostile[j]) {
                sim_talks_values(s, j, &s->tv[1][j], &s->tv[0][j]);
            }
        s->tv_month = s->month;
    }
    return s->tv[for_target ? 1 : 0][partner];
}

void sim_talks_open(sim_state_t *s, int proposer, int partner)
{
    int T = s->m->target;
    int responder = proposer == T ? partner : T;
    double v = sim_talks_value(s, partner, responder == T);
    double lam = s->a[responder].L.lambda;
    double pacc = 1.0 / (1.0 + exp(-lam * v));
    if (brink_rng_bernoulli(&s->rng, pacc)) {
        s->talks.open = 1;
        s->talks.partner = partner;
        s->talks.months = 0;
        s->talks_opened_this_month = 1;
        sim_event(s, EV_ACCEPT, responder, proposer, 1, NULL,
                  "accepts talks (value %.2f, p %.2f)", v, pacc);
    } else {
        sim_event(s, EV_REJECT, responder, proposer, 1, NULL,
                  "rejects talks (value %.2f, p %.2f)", v, pacc);
    }
}

static void end_agreement(sim_state_t *s, int who)
{
    int T = s->m->target, P = s->talks.agreement_partner;
    int other = who == T ? P : T;
    sim_event(s, EV_RENEGE, who, other, 1, NULL, "reneges on the %s",
              s->talks.agreement == AG_STATEMENT ? "declaratory statement"
              : s->talks.agreement == AG_FREEZE  ? "partial deal"
                                                 : "comprehensive deal");
    sim_trust_update(s, other, who, -s->m->P.trust_renege);
    s->talks.agreement = AG_NONE;
    s->talks.restraint = 0.0;
    s->talks.agreement_partner = -1;
}

void sim_talks_breach(sim_state_t *s);
/* The target tested while an agreement was in force. */
void sim_talks_breach(sim_state_t *s)
{
    if (s->talks.agreement != AG_NONE)
        end_agreement(s, s->m->target);
    if (s->talks.open) {
        sim_event(s, EV_TALKS_END, s->talks.partner, s->m->target, 1, NULL,
                  "talks collapse after a test");
        s->talks.open = 0;
    }
}

static void implement(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target, Pn = s->talks.agreement_partner;
    sim_talks_t *k = &s->talks;
    if (k->agreement == AG_STATEMENT) {
        k->restraint *= 1.0 - P->statement_decay;
        return;
    }
    /* each side keeps or reneges: logit of reneging's gain over keeping */
    sim_bargain_in_t in;
    sim_bargain_input(s, Pn, &in);
    double ut, up;
    sim_package_utility(P, &in, k->pkg, &ut, &up);
    double gain_t = sim_talks_opportunity(s, T) - ut;
    double gain_p = -up;
    double h_t = 0.1 / (1.0 + exp(-s->a[T].L.lambda * gain_t));
    /* once every phase is implemented the partner's steps are sunk: only
     * the target can still break the agreement (by rearming) */
    double h_p = k->phase >= (int)P->phases ? 0.0
                                            : 0.1 / (1.0 + exp(-s->a[Pn].L.lambda * gain_p));
    if (brink_rng_bernoulli(&s->rng, h_t)) {
        end_agreement(s, T);
        return;
    }
    if (brink_rng_bernoulli(&s->rng, h_p)) {
        end_agreement(s, Pn);
        return;
    }
    if ((s->month - k->deal_month) % 3 == 2 && k->phase < (int)P->phases) {
        k->phase++;
        sim_event(s, EV_KEEP, T, Pn, 1, NULL, "implements phase %d of the %s", k->phase,
                  k->agreement == AG_FREEZE ? "partial deal" : "comprehensive deal");
        sim_trust_update(s, T, Pn, P->trust_keep);
        sim_trust_update(s, Pn, T, P->trust_keep);
        double f = 1.0 / P->phases;
        s->a[T].stock *= 1.0 - k->pkg[0] * f;
        s->a[T].arsenal *= 1.0 - k->pkg[0] * f;
        s->d[Pn][T].sanctions *= 1.0 - k->pkg[1] * f;
        s->unsc_level *= 1.0 - 0.5 * k->pkg[1] * f;
        if (k->agreement == AG_COMPREHENSIVE && k->phase >= (int)P->phases) {
            s->outcome = OUT_DEAL;
            s->done = 1;
        }
    }
}

void sim_talks_step(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    sim_talks_t *k = &s->talks;
    int T = s->m->target;
    if (k->agreement != AG_NONE)
        implement(s);
    if (!k->open || s->talks_opened_this_month)
        return;
    k->months++;
    if (brink_rng_bernoulli(&s->rng, P->talks_decay)) {
        sim_event(s, EV_TALKS_END, k->partner, T, 1, NULL, "talks collapse");
        k->open = 0;
        return;
    }
    int Pn = k->partner;
    sim_bargain_in_t in;
    sim_bargain_out_t out;
    sim_bargain_input(s, Pn, &in);
    in.noise_t = P->belief_noise * brink_rng_normal(&s->rng);
    in.noise_p = P->belief_noise * brink_rng_normal(&s->rng);
    in.partner_proposes = k->months % 2 == 0; /* proposers alternate */
    sim_bargain_solve(s->m, &in, &out);
    if (out.best < 0)
        return; /* no package either side believes acceptable: talks go on */
    const double *pk = s->m->pkg[out.best];
    k->summits++;
    if (s->first_summit < 0)
        s->first_summit = s->month;
    s->counts[s->month / 12 - s->m->start / 12][BRINK_COUNT_SUMMITS]++;
    s->a[T].legitimacy = sim_clamp(s->a[T].legitimacy + P->legit_summit, 0.0, 1.0);
    sim_event(s, EV_SUMMIT, T, Pn, 1, NULL,
              "leader summit (offer d=%.2f r=%.2f a=%.2f; %d acceptable packages)", pk[0], pk[1],
              pk[2], out.acceptable);
    k->open = 0;
    if (out.u_p <= 0.0 || out.u_t <= 0.0) {
        sim_event(s, EV_NODEAL, Pn, T, 1, NULL, "summit ends with no agreement");
        sim_trust_update(s, T, Pn, -0.5 * P->trust_renege);
        return;
    }
    static const int kinds[4] = {EV_NODEAL, EV_STATEMENT, EV_FREEZE, EV_DEAL};
    sim_event(s, kinds[out.outcome], T, Pn, 1, NULL,
              "%s signed (d=%.2f r=%.2f a=%.2f)",
              out.outcome == AG_STATEMENT ? "declaratory statement"
              : out.outcome == AG_FREEZE  ? "partial deal / freeze"
                                          : "comprehensive denuclearization deal",
              pk[0], pk[1], pk[2]);
    if (s->first_agreement < 0)
        s->first_agreement = s->month;
    if (out.outcome == AG_COMPREHENSIVE && s->first_deal < 0)
        s->first_deal = s->month;
    if (out.outcome > k->agreement || k->agreement == AG_STATEMENT) {
        k->agreement = out.outcome;
        k->agreement_partner = Pn;
        k->deal_month = s->month;
        k->phase = 0;
        k->pkg[0] = pk[0];
        k->pkg[1] = pk[1];
        k->pkg[2] = pk[2];
    }
    k->restraint = 1.0;
}
