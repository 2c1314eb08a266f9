/* bargain.c - agreements as self-enforcing bargains (docs/model.md, M5).
 * One set of monthly-flow continuation values drives proposing, accepting,
 * keeping and reneging (Fearon 1995, 1998; Powell 2006):
 *   target:  relief_value * (bite0 + aid_value) * r  (relief of the bite at
 *            signing, which snap-back restores, and economic inducements) + assurances - deterrent given up - status
 *            - verification's security cost (Coe and Vaynman 2020) - the
 *            capability growth a freeze forgoes + prestige
 *   partner: denuclearization (threat and nonproliferation in itself) and
 *            the end of testing - relief and assurance costs - a democratic
 *            audience cost + prestige
 *            - the hardliners' cost of rolling back, concession_cost (1 -
 *            engagement) d (a two-level game on the target's side too)
 *   both:    the shadow of war (Fearon 1995; Schelling 1966): a freeze
 *            closes the preventive window and denuclearization removes the
 *            deterrence game's risk of a fight; each side gains the war
 *            hazard removed times what a war would cost it, its leader's
 *            continuation value horizon = 1 / (1 - discount) months of flow
 *            (all of it for the target's regime, war_stakes of it for a
 *            counterpart)
 * each discounted by trust in the other's remaining steps (verification
 * raises the effective trust of the partner).  The disagreement point is
 * the status quo (value 0), so a package is signed only when both values
 * are positive, and kept while each value stays above minus the
 * reputation cost of reneging: reneging is a comparison, with a small base
 * hazard for shocks the model does not hold, not a monthly coin. */
#include <math.h>

#include "sim/sim_internal.h"

/* The sequencing of a deal with j: its leader's declared doctrine, or the
 * scenario's lever. */
static double sequencing_of(const sim_state_t *s, int j)
{
    double q = s->a[j].L.sequencing;
    return q >= 0.0 ? q : s->m->P.sequencing;
}

static int phases_of(const sim_state_t *s, int j)
{
    const sc_params_t *P = &s->m->P;
    double q = sequencing_of(s, j);
    double ph = P->phases * (1.0 - q) + q;
    int n = (int)lround(ph);
    return n < 1 ? 1 : n;
}

static inline double dmax(double a, double b)
{
    return a > b ? a : b;
}

static inline double dmin(double a, double b)
{
    return a < b ? a : b;
}

/* Monthly value of the capability growth a freeze forbids: the best launch
 * day's capability term at the expected launch rate. */
static double forgone_capability_now(const sim_state_t *s)
{
    int T = s->m->target;
    const sim_actor_t *a = &s->a[T];
    const sc_params_t *P = &s->m->P;
    double need = sim_security_need(s, T);
    double c0 = sim_adequacy_all(s, T, a->sys), best = 0.0;
    for (int k = 0; k < SYS_COUNT; k++) {
        if (!sim_system_testable(a, k))
            continue;
        double sys[SYS_COUNT];
        for (int c = 0; c < SYS_COUNT; c++)
            sys[c] = a->sys[c];
        sys[k] += P->learn_success * (1.0 - sys[k]);
        double g = sim_adequacy_all(s, T, sys) - c0;
        if (g > best)
            best = g;
    }
    return a->L.w_sec * P->test_security * need * best * 0.5;
}

/* The values that packages depend on but that are costly to compute, read
 * once a month from the state at the month's start: the forgone
 * capability, and per partner the adequacy and the latent adequacy. */
static const sim_month_cache_t *month_cache(const sim_state_t *cs)
{
    sim_state_t *s = (sim_state_t *)cs; /* the cache only */
    sim_month_cache_t *c = &s->mc;
    if (c->month != s->month) {
        int T = s->m->target;
        c->month = s->month;
        c->forgone = forgone_capability_now(s);
        for (int j = 0; j < s->m->n; j++)
            if (s->m->hostile[j])
                c->lat[j] = dmax(sim_adequacy(s, T, j, s->a[T].sys),
                                 sim_potential_adequacy(s, T, j));
    }
    return c;
}

static double forgone_capability(const sim_state_t *s)
{
    return month_cache(s)->forgone;
}

/* The two values are linear in (d, r, a) but for the partner's audience
 * kink: t = ct + tr r + ta a - td d - (d or r > 0) tf, and with the balance
 * b = pd d + pf (d or r > 0) - pr r - pa a, p = cp + b - aud max(0, -b). */
typedef struct coef {
    double ct, tr, ta, td, tf, cp, pd, pf, pr, pa, aud, sd_weapons;
    double tw, tf_war, pw, pf_war; /* the shadow of war: per unit of d, and of a freeze */
    double th;                     /* the target's hardliners, per unit of d */
} coef_t;

void sim_basis_now(const sim_state_t *s, sim_basis_t *b)
{
    b->bite = s->bite;
    b->win = s->war_win;
    b->fight = s->war_fight;
}

static void coefficients(const sim_state_t *s, int j, const sim_basis_t *b, int remaining,
                         coef_t *c)
{
    double bite0 = b->bite;
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    const sim_actor_t *t = &s->a[T], *p = &s->a[j];
    /* a deal in force keeps the phases it was signed with */
    int n = remaining >= 0 && s->ag.phases > 0 ? s->ag.phases : phases_of(s, j);
    double seq = sequencing_of(s, j);
    double left = remaining < 0 ? 1.0 : (double)remaining / n;
    /* exposure to the other's defection on the steps still to come: in a
     * big deal the target moves first and bears the whole risk */
    double step = 1.0 / n;
    double exp_t = left * (seq + (1.0 - seq) * step);
    double exp_p = left * (1.0 - seq) * step;
    double trust_t = s->d[T][j].trust;
    double trust_p = s->d[j][T].trust;
    trust_p += P->verification * (1.0 - trust_p) * 0.5;
    double keep_t = 1.0 - exp_t * (1.0 - trust_t);
    double keep_p = 1.0 - exp_p * (1.0 - trust_p);
    double th_t = s->d[T][j].threat, th_p = s->d[j][T].threat;
    /* the deterrent a rollback gives up: today's adequacy, or the latent
     * one the programme could deliver, whichever is higher */
    double adeq = month_cache(s)->lat[j];
    int weapons = t->design > 0 || t->arsenal >= 1.0;
    c->ct = t->L.w_pres * P->statement_prestige * t->L.engagement * 0.2;
    c->tr = keep_t * t->L.w_eco * P->relief_value * (bite0 + P->aid_value);
    c->ta = keep_t * t->L.w_sec * P->assurance_value * th_t;
    c->td = t->L.w_sec * P->deterrent_value * th_t * (0.2 + adeq) +
            t->L.w_pres * P->status_value * (weapons ? 1.0 : 0.3);
    c->th = (1.0 - t->L.engagement) * P->concession_cost;
    c->tf = t->L.w_sec * P->verification_cost * P->verification + forgone_capability(s);
    c->cp = p->L.w_pres * P->statement_prestige * p->L.engagement * 0.2;
    c->pd = keep_p * p->L.w_sec * (P->denuke_value * th_p + P->nonproliferation_value);
    c->pf = 0.0; /* the partner values a freeze through its d only */
    c->pr = p->L.w_eco * P->relief_cost;
    c->pa = p->L.w_sec * P->assurance_cost;
    c->aud = p->democracy ? P->audience_cost : 0.0;
    c->sd_weapons = weapons;
    double stakes = s->m->P.war_stakes;
    c->tf_war = t->L.horizon * b->win;
    c->tw = t->L.horizon * b->fight;
    c->pf_war = p->L.horizon * stakes * b->win;
    c->pw = p->L.horizon * stakes * b->fight;
}

static void evaluate(const coef_t *c, const double pkg[3], sim_values_t *v)
{
    double d = pkg[0], r = pkg[1], a = pkg[2];
    int freezes = d > 0.0 || r > 0.0;
    /* a freeze (d up to 0.5) can be undone in months: a third of the loss
     * of dismantling (d above 0.5), which cannot (M5, irreversibility) */
    double dl = 0.3 * dmin(d, 0.5) + dmax(0.0, d - 0.5);
    v->t_deal = c->ct + c->tr * r + c->ta * a - c->td * 2.0 * dl - (freezes ? c->tf : 0.0) +
                c->tw * d + (freezes ? c->tf_war : 0.0) - c->th * d;
    double bal = c->pd * d + (freezes ? c->pf : 0.0) - c->pr * r - c->pa * a + c->pw * d +
                 (freezes ? c->pf_war : 0.0);
    /* a democracy's audience punishes relief and assurances beyond what
     * the target gives up ("a bad deal"), and a losing balance */
    v->p_deal = c->cp + bal - c->aud * (dmax(0.0, r + a - 2.0 * d) + dmax(0.0, -bal));
    v->t_out = v->p_out = 0.0;
}

void sim_package_values(const sim_state_t *s, int j, const double pkg[3], const sim_basis_t *b,
                        int remaining, sim_values_t *v)
{
    coef_t c;
    coefficients(s, j, b, remaining, &c);
    evaluate(&c, pkg, v);
}

/* The Nash product of the two sides' values over the package grid, as the
 * proposer believes them (each side sees the other's value with its belief
 * error): returns the package index or -1, and the true values. */
int sim_bargain_best(const sim_state_t *s, int j, double noise_t, double noise_p, double *ut,
                     double *up)
{
    const sim_model_t *m = s->m;
    int best = -1;
    double nash = 0.0;
    coef_t c;
    sim_basis_t b;
    sim_basis_now(s, &b);
    coefficients(s, j, &b, -1, &c);
    *ut = *up = 0.0;
    for (int k = 1; k < SIM_NPKG; k++) {
        sim_values_t v;
        evaluate(&c, m->pkg[k], &v);
        double bt = v.t_deal - v.t_out + noise_t, bp = v.p_deal - v.p_out + noise_p;
        if (bt <= 0.0 || bp <= 0.0)
            continue;
        if (bt * bp > nash) {
            nash = bt * bp;
            best = k;
            *ut = v.t_deal - v.t_out;
            *up = v.p_deal - v.p_out;
        }
    }
    return best;
}

void sim_agreement_sign(sim_state_t *s, int j, int k)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    const double *pk = s->m->pkg[k];
    int kind = pk[0] >= 0.75 ? AG_COMPREHENSIVE : (pk[0] > 0.0 || pk[1] > 0.0) ? AG_FREEZE
                                                                                : AG_STATEMENT;
    static const int kinds[4] = {EV_NODEAL, EV_STATEMENT, EV_FREEZE, EV_DEAL};
    sim_event(s, kinds[kind], T, j, 1, NULL, "%s signed (d=%.2f r=%.2f a=%.2f)",
              kind == AG_STATEMENT ? "declaratory statement"
              : kind == AG_FREEZE  ? "partial deal / freeze"
                                   : "comprehensive denuclearization deal",
              pk[0], pk[1], pk[2]);
    if (s->first_agreement < 0)
        s->first_agreement = s->month;
    if (kind == AG_COMPREHENSIVE && s->first_deal < 0)
        s->first_deal = s->month;
    if (kind < s->ag.kind)
        return; /* a statement does not replace a deal in force */
    s->ag = (sim_agreement_t){kind, j, s->month, 0, phases_of(s, j), {pk[0], pk[1], pk[2]},
                              {s->bite, s->war_win, s->war_fight}, P->verification, 0};
}

/* Margin of keeping over reneging for one side (positive: keeps). */
double sim_agreement_keep_margin(const sim_state_t *s, int for_target)
{
    const sim_agreement_t *g = &s->ag;
    if (g->kind < AG_FREEZE)
        return 0.0;
    sim_values_t v;
    sim_package_values(s, g->partner, g->pkg, &g->basis, g->phases - g->phase, &v);
    double rep = s->m->P.reputation_cost;
    return for_target ? v.t_deal - v.t_out + rep : v.p_deal - v.p_out + rep;
}

void sim_agreement_breach(sim_state_t *s, int who, const char *why)
{
    sim_agreement_t *g = &s->ag;
    int T = s->m->target;
    if (g->kind == AG_NONE)
        return;
    int other = who == T ? g->partner : T;
    sim_event(s, EV_RENEGE, who, other, 1, NULL, "ends the %s (%s)",
              g->kind == AG_STATEMENT ? "declaratory statement"
              : g->kind == AG_FREEZE  ? "partial deal"
                                      : "comprehensive deal",
              why);
    if (g->kind >= AG_FREEZE) {
        sim_trust_update(s, other, who, -s->m->P.trust_renege);
        /* snap-back: the sanctions bite returns towards its level at signing */
        s->unsc_level = fmax(s->unsc_level, s->m->P.unsc_level);
    }
    s->suspended = 0.0;
    *g = (sim_agreement_t){0};
    g->partner = -1;
}

static void implement_phase(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    sim_agreement_t *g = &s->ag;
    int T = s->m->target, j = g->partner;
    g->phase++;
    double f = 1.0 / g->phases;
    sim_event(s, EV_KEEP, T, j, 1, NULL, "implements phase %d of %d of the %s", g->phase,
              g->phases, g->kind == AG_FREEZE ? "partial deal" : "comprehensive deal");
    sim_trust_update(s, T, j, P->trust_keep);
    sim_trust_update(s, j, T, P->trust_keep);
    sim_actor_t *a = &s->a[T];
    a->stock *= 1.0 - g->pkg[0] * f;
    a->arsenal *= 1.0 - g->pkg[0] * f;
    for (int k = 0; k < SYS_COUNT; k++)
        a->sys[k] *= 1.0 - 0.5 * g->pkg[0] * f;
    for (int k = 0; k < s->m->n; k++)
        if (s->m->hostile[k])
            s->d[k][T].sanctions *= 1.0 - g->pkg[1] * f;
    s->unsc_level *= 1.0 - 0.5 * g->pkg[1] * f;
    s->aid += 0.01 * g->pkg[1];
    if (g->kind == AG_COMPREHENSIVE && g->phase >= g->phases) {
        /* irreversible: the programme is dismantled under verification */
        a->disarmed = 1;
        a->programme = 0;
        sim_event(s, EV_DISARM, T, j, 1, NULL, "completes verified denuclearization");
        s->outcome = OUT_DEAL;
        s->done = 1;
    }
}

/* Unilateral rollback (South Africa 1989-91): the programme is worth less
 * than the relief and standing it costs once the threat has gone. */
static void unilateral(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    sim_actor_t *a = &s->a[T];
    if (!a->programme || a->disarmed)
        return;
    double need = sim_security_need(s, T);
    /* the deterrent given up, measured as in a package (coefficients):
     * the tested one or the latent one, whichever is higher */
    const sim_month_cache_t *mc = month_cache(s);
    double adeq = sim_adequacy_all(s, T, a->sys);
    for (int j = 0; j < s->m->n; j++)
        if (s->m->hostile[j] && mc->lat[j] > adeq)
            adeq = mc->lat[j];
    double keep = a->L.w_sec * P->deterrent_value * need * (0.2 + adeq) +
                  a->L.w_pres * P->status_value * (a->design > 0 ? 1.0 : 0.3);
    double give = a->L.w_eco * P->relief_value * s->bite + a->L.w_pres * P->statement_prestige;
    double h = P->renege_base * sim_sigmoid(P->renege_precision * (give - keep));
    if (brink_rng_bernoulli(&s->rng, h)) {
        a->disarmed = 1;
        a->programme = 0;
        sim_event(s, EV_DISARM, T, -1, 1, NULL,
                  "dismantles its nuclear programme unilaterally (threat %.2f)", need);
        s->outcome = OUT_DEAL;
        s->done = 1;
    }
}

void sim_agreement_step(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    sim_agreement_t *g = &s->ag;
    int T = s->m->target;
    unilateral(s);
    if (s->done || g->kind == AG_NONE)
        return;
    if (g->kind == AG_STATEMENT) {
        /* a statement binds as long as talks go on or it is young */
        if (!sim_talks_open_any(s) && s->month - g->month > 12)
            *g = (sim_agreement_t){0};
        return;
    }
    double mt = sim_agreement_keep_margin(s, 1), mp = sim_agreement_keep_margin(s, 0);
    double ht = P->renege_base + (1.0 - P->renege_base) * sim_sigmoid(-P->renege_precision * mt);
    double hp = g->phase >= g->phases
                    ? 0.0
                    : P->renege_base + (1.0 - P->renege_base) *
                                           sim_sigmoid(-P->renege_precision * mp);
    /* covert production under the deal (M5): the capability the freeze
     * forgoes against the chance of detection times what detection costs
     * (the deal and reputation); verification raises that chance */
    sim_actor_t *a = &s->a[T];
    double pdet = P->detection_rate * (0.2 + g->verify);
    double gain = forgone_capability(s);
    double loss = pdet * (fmax(mt, 0.0) + P->reputation_cost) * 12.0;
    if (!g->covert && brink_rng_bernoulli(&s->rng, 0.05 * sim_sigmoid(P->cheat_precision * (gain - loss)))) {
        g->covert = 1;
        sim_event(s, EV_COVERT, T, -1, 0, NULL,
                  "starts a covert programme under the agreement (not observed)");
    }
    if (g->covert) {
        a->stock += a->fissile_rate * 0.3 * a->byungjin / 12.0;
        if (brink_rng_bernoulli(&s->rng, pdet)) {
            sim_agreement_breach(s, g->partner, "covert production detected");
            return;
        }
    }
    /* reneging is decided when a phase falls due */
    int every = (int)P->phase_months;
    if ((s->month - g->month) % every != every - 1)
        return;
    if (brink_rng_bernoulli(&s->rng, 1.0 - pow(1.0 - ht, every))) {
        sim_agreement_breach(s, T, "keeping is worth less than reneging");
        return;
    }
    if (brink_rng_bernoulli(&s->rng, 1.0 - pow(1.0 - hp, every))) {
        sim_agreement_breach(s, g->partner, "keeping is worth less than reneging");
        return;
    }
    if (g->phase < g->phases)
        implement_phase(s);
    s->suspended = g->pkg[2];
}
