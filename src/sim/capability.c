/* capability.c - the target's programme (fissile stock, reach, reliability,
 * design maturity) learned from investment and tests, missile launch days
 * with salvos and failures, nuclear tests; the economy under sanctions
 * bite; legitimacy from growth and demonstrated strength. */
#include <math.h>

#include "sim/sim_internal.h"

void sim_talks_breach(sim_state_t *s);

static const char *const class_names[4] = {"short-range", "intermediate-range",
                                           "ICBM-class", "space launch"};

/* Share of i that j's nuclear forces can strike: coverage of the reach i
 * requires, times reliability, times a saturating arsenal term. */
double sim_deterrent(const sim_state_t *s, int j, int i)
{
    const sim_actor_t *b = &s->a[j];
    if (!b->programme)
        return 0.0;
    double need = s->m->sc->actors[i].reach_needed;
    double cover = sim_clamp(b->reach - need + 1.0, 0.0, 1.0);
    return cover * b->reliability * sim_clamp(b->arsenal / 20.0, 0.0, 1.0);
}

/* Sanctions bite on the target: the sanctions level applying to each
 * partner (the UN level or its own, whichever is higher) times its
 * enforcement, weighted by its share of the target's trade (literature 6.2). */
double sim_bite(const sim_state_t *s, int t)
{
    double b = 0.0;
    for (int k = 0; k < s->m->n; k++) {
        const sim_dyad_t *d = &s->d[k][t];
        if (k == t)
            continue;
        double level = d->sanctions > s->unsc_level ? d->sanctions : s->unsc_level;
        b += d->trade * d->enforce * level;
    }
    return sim_clamp(b, 0.0, 1.0);
}

static void count(sim_state_t *s, int k, int n)
{
    int y = s->month / 12 - s->m->start / 12;
    if (y >= 0 && y < 100) {
        unsigned v = s->counts[y][k] + (unsigned)n;
        s->counts[y][k] = (uint16_t)(v > 65535u ? 65535u : v);
    }
}

/* Every adversary registers the hostility of a test. */
static void broadcast(sim_state_t *s, int i, int tgt, double mass)
{
    for (int k = 0; k < s->m->n; k++)
        if (k != i && k != tgt && s->m->hostile[k])
            s->d[i][k].hostile += mass;
}

void sim_missile_day(sim_state_t *s, int i, int tgt, const sim_why_t *why)
{
    const sc_params_t *P = &s->m->P;
    sim_actor_t *a = &s->a[i];
    int salvo = 1 + (int)brink_rng_poisson(&s->rng, P->salvo_extra);
    int cls = MC_SRBM;
    if (brink_rng_uniform(&s->rng) < P->frontier_share) {
        if (a->reach >= P->icbm_reach)
            cls = brink_rng_uniform(&s->rng) < 0.25 ? MC_SLV : MC_ICBM;
        else if (a->reach >= 1.5)
            cls = MC_IRBM;
        else
            cls = brink_rng_uniform(&s->rng) < 0.5 ? MC_SLV : MC_IRBM;
        salvo = 1;
    }
    int frontier = cls != MC_SRBM;
    a->articles = fmax(0.0, a->articles - 1.0);
    double psucc = frontier ? 0.25 + 0.7 * a->reliability : 0.9;
    int ok = brink_rng_bernoulli(&s->rng, psucc);
    if (frontier) {
        a->reliability += (ok ? P->learn_success : P->learn_failure) * (1.0 - a->reliability);
        a->reach = fmin(3.0, a->reach + (ok ? 1.0 : 0.5) * P->rd_test);
    }
    static const double sev[4] = {0.0, 0.15, 0.85, 0.6};
    if (sev[cls] > s->severity)
        s->severity = sev[cls];
    count(s, BRINK_COUNT_MISSILES, salvo);
    count(s, BRINK_COUNT_LAUNCH_DAYS, 1);
    if (cls == MC_ICBM) {
        count(s, BRINK_COUNT_ICBM, salvo);
        if (s->first_icbm < 0)
            s->first_icbm = s->month;
    }
    s->tested_this_month = 1;
    broadcast(s, i, tgt, 7.2 * salvo);
    sim_event(s, EV_MISSILE, i, tgt, salvo, why, "launches %d %s missile%s (%s)", salvo,
              class_names[cls], salvo > 1 ? "s" : "", ok ? "success" : "failure");
    if (s->talks.open || s->talks.agreement != AG_NONE)
        sim_talks_breach(s);
}

void sim_nuclear_test(sim_state_t *s, int i, int tgt, const sim_why_t *why)
{
    const sc_params_t *P = &s->m->P;
    sim_actor_t *a = &s->a[i];
    a->maturity += P->maturity_gain * (1.0 - a->maturity);
    a->stock = fmax(0.0, a->stock - 1.0);
    s->last_nuclear = s->month;
    s->severity = 1.0;
    s->tested_this_month = 1;
    if (s->first_nuclear < 0)
        s->first_nuclear = s->month;
    count(s, BRINK_COUNT_NUCLEAR, 1);
    broadcast(s, i, tgt, 7.2 * 3);
    sim_event(s, EV_NUCLEAR, i, tgt, 3, why, "conducts a nuclear test (design maturity %.2f)",
              a->maturity);
    if (s->talks.open || s->talks.agreement != AG_NONE)
        sim_talks_breach(s);
}

void sim_capability(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    sim_actor_t *a = &s->a[T];
    double sh = a->byungjin;
    /* programme: fissile production and R&D from the nuclear share */
    a->stock += P->fissile_rate * sh / 12.0;
    a->articles += P->article_rate * sh / 12.0;
    a->arsenal = a->stock * (0.5 + 0.5 * a->maturity);
    a->reach = fmin(3.0, a->reach + P->rd_rate * sh / 12.0);
    /* economy: baseline growth less sanctions bite and the nuclear share */
    s->bite = sim_bite(s, T);
    double g = a->growth0 - P->bite_cost * s->bite - P->nuclear_cost * sh + 0.01 * s->aid -
               (s->border_closed ? 0.05 : 0.0) + P->growth_noise * brink_rng_normal(&s->rng);
    s->growth_c = g;
    a->gdp *= 1.0 + g / 12.0;
    /* legitimacy: growth and demonstrated strength */
    double strength = sim_clamp(a->reach / 3.0, 0.0, 1.0) * a->reliability;
    double target = a->legit0 + P->legit_growth * (g - a->growth0) + P->legit_strength * strength;
    a->legitimacy = sim_clamp(a->legitimacy + P->legit_adjust * (target - a->legitimacy), 0, 1);
    for (int i = 0; i < s->m->n; i++)
        if (i != T)
            s->a[i].gdp *= 1.0 + s->a[i].growth0 / 12.0;
}
