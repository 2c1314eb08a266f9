/* testing.c - the target's tests as coercive bargaining and capability
 * building (docs/model.md, M1-M3).  Each month the target values a launch
 * day of every testable delivery system and a nuclear test:
 *   capability  w_sec * test_security * need * (gain in adequacy C)
 *   leverage    leverage_value * prospect * (1 - attention) * severity
 *               * (1 + surprise)                  (Schelling 1966; Spaniel 2019)
 *   prestige    w_pres * test_prestige * (1.2 - loyalty) * severity
 *   cost        anticipated sanctions and reactions, the talks or agreement
 *               the test would wreck, a declared moratorium's audience cost
 * The propensity is the logistic of the best value at the leader's
 * precision; launch days are negative binomial with mean missile_days *
 * propensity (saturating in test articles), the system of each day a
 * logit draw among the systems, nuclear tests Bernoulli(nuclear_rate *
 * propensity) once a device is prepared. */
#include <math.h>

#include "sim/sim_internal.h"

static const char *const sys_names[SYS_COUNT] = {"short-range", "intermediate-range",
                                                 "ICBM-class", "submarine-launched",
                                                 "new manoeuvring short-range"};
/* severity of a test of each class, and of a nuclear test (1): how much
 * attention and UN action it draws */
static const double sys_sev[SYS_COUNT] = {0.05, 0.4, 0.9, 0.45, 0.1};
/* how much a flight test teaches, by class: intercontinental and
 * sea-launched systems need many more tests and years of ground work
 * (China's DF-5: first flight 1971, in service 1981; SLBMs a decade) */
static const double sys_learn[SYS_COUNT] = {1.0, 0.7, 0.35, 0.5, 0.8};
/* long-range classes that a declared moratorium covers */
static const int sys_long[SYS_COUNT] = {0, 1, 1, 1, 0};

/* The maturities expected after one flight test of class k: success with
 * probability 0.3 + 0.65 m_k, each outcome closing its share of the gap. */
static void expected_after(const sc_params_t *P, const sim_actor_t *a, int k,
                           double sys[SYS_COUNT])
{
    for (int c = 0; c < SYS_COUNT; c++)
        sys[c] = a->sys[c];
    double psucc = 0.3 + 0.65 * a->sys[k];
    sys[k] += sys_learn[k] * (psucc * P->learn_success + (1.0 - psucc) * P->learn_failure) *
              (1.0 - sys[k]);
}

/* The anticipated chance that talks open within a year: a logistic in the
 * most engaged adversary leader's engagement (even odds at 0.5: a leader
 * who declares readiness to meet), nil while talks are already open. */
double sim_talks_prospect(const sim_state_t *s)
{
    double p = 0.0;
    for (int j = 0; j < s->m->n; j++)
        if (s->m->hostile[j] && s->a[j].L.engagement > p)
            p = s->a[j].L.engagement;
    return sim_talks_open_any(s) ? 0.0 : sim_sigmoid((p - 0.5) * 10.0);
}

/* Effectiveness of the target's trade partners' enforcement: how much of
 * any new UN measure would actually bite. */
static double enforcement_reach(const sim_state_t *s, int t)
{
    double e = 0.0;
    for (int k = 0; k < s->m->n; k++)
        e += s->d[k][t].trade * s->d[k][t].enforce;
    return e * (1.0 - sim_leakage(s));
}

/* What a test would wreck: open talks (their monthly value to the target
 * over their expected life, 1 / talks_decay months, at most a year) or a
 * statement in force (its prestige); a freeze is broken only through the
 * keep-or-renege comparison (bargain.c). */
double sim_restraint_cost(const sim_state_t *s, int nuclear)
{
    int T = s->m->target;
    const sim_actor_t *a = &s->a[T];
    double c = 0.0;
    for (int j = 0; j < s->m->n; j++)
        if (s->tr[j].open && s->m->hostile[j]) {
            double v = sim_talks_open_value(s, j, 1);
            if (v > c)
                c = v;
        }
    double life = s->m->P.talks_decay > 1.0 / 12.0 ? 1.0 / s->m->P.talks_decay : 12.0;
    c *= life;
    if (s->ag.kind == AG_STATEMENT)
        c += a->L.w_pres * s->m->P.statement_prestige * a->L.engagement * 2.0;
    return c * (nuclear ? 1.5 : 1.0);
}

static double common_terms(const sim_state_t *s, double sev, double *lev, double *pres,
                           double *cost)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    const sim_actor_t *a = &s->a[T];
    double fear = 1.0 - sim_clamp(a->L.risk, -1.0, 1.0);
    *lev = P->leverage_value * sim_nuclear_potential(a) * sim_talks_prospect(s) *
           (1.0 - s->attention) * sev * (1.0 + s->surprise);
    /* prestige, and resolve shown in answer to this month's exercises
     * (reciprocity; Bernhardt and Sukin 2021 scale the answer by the
     * exercise's size) */
    *pres = a->L.w_pres * P->test_prestige * (1.2 - a->loyalty) * (0.3 + sev) +
            a->L.w_sec * P->exercise_response * s->exercise;
    double punish = sev >= 0.5 ? sev : 0.0; /* only severe tests draw UN action */
    /* a new leader consolidating power puts internal security first and
     * avoids external risk (Yoo and Kim 2017) */
    double deficit = P->consolidation * exp(-(s->month - a->L.since) / 24.0);
    *cost = fear * a->L.w_eco * P->provocation_cost * punish * (0.2 + enforcement_reach(s, T)) +
            fear * a->L.w_sec * 0.1 * sev + a->L.w_sec * P->consolidation_cost * deficit;
    return *lev + *pres - *cost;
}

/* The value of a launch day of every testable class (us[q] for class
 * idx[q], q < *n) and the terms of the best one; returns the best value
 * (-INFINITY when no class is testable). */
static double missile_values(sim_state_t *s, double *us, int *idx, int *n, double *capability,
                             double *leverage, double *prestige, double *cost)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    const sim_actor_t *a = &s->a[T];
    double need = sim_security_need(s, T);
    double c0 = sim_adequacy_all(s, T, a->sys);
    double best = -INFINITY;
    *capability = *leverage = *prestige = *cost = 0.0;
    *n = 0;
    for (int k = 0; k < SYS_COUNT; k++) {
        if (!sim_system_testable(a, k))
            continue;
        double sys[SYS_COUNT];
        expected_after(P, a, k, sys);
        double cap = a->L.w_sec * P->test_security * need * (sim_adequacy_all(s, T, sys) - c0);
        double lev, pres, cst;
        double v = cap + common_terms(s, sys_sev[k], &lev, &pres, &cst);
        if (s->lr_moratorium && sys_long[k]) {
            double mc = P->moratorium_cost * (a->L.w_pres + a->L.w_eco);
            cst += mc;
            v -= mc;
        }
        us[*n] = v;
        idx[(*n)++] = k;
        if (v > best) {
            best = v;
            *capability = cap;
            *leverage = lev;
            *prestige = pres;
            *cost = cst;
        }
    }
    return best;
}

/* Value of the best launch day (nuclear = 0) or of a nuclear test, split
 * into its terms; returns the total before restraint. */
double sim_test_value(sim_state_t *s, int nuclear, double *capability, double *leverage,
                      double *prestige, double *cost)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    const sim_actor_t *a = &s->a[T];
    if (!nuclear) {
        double us[SYS_COUNT];
        int idx[SYS_COUNT], n;
        return missile_values(s, us, idx, &n, capability, leverage, prestige, cost);
    }
    double need = sim_security_need(s, T);
    double c0 = sim_adequacy_all(s, T, a->sys);
    *capability = *leverage = *prestige = *cost = 0.0;
    double gain = 0.0;
    if (a->design < SIM_DESIGN_GOALS) {
        /* the next design goal, a share 1/design_tests per test */
        int d0 = s->a[T].design;
        s->a[T].design = d0 + 1;
        double c1 = sim_adequacy_all(s, T, a->sys);
        s->a[T].design = d0;
        gain = (c1 - c0) / P->design_tests;
    }
    *capability = a->L.w_sec * P->test_security * need * gain;
    double t = common_terms(s, 1.0, leverage, prestige, cost);
    if (s->moratorium) {
        double mc = P->moratorium_cost * (a->L.w_pres + a->L.w_eco);
        *cost += mc;
        t -= mc;
    }
    if (a->design == 0) {
        /* crossing from a threshold programme to a declared weapons
         * state: isolation and standing */
        double tc = P->threshold_cost * (a->L.w_eco + a->L.w_pres);
        *cost += tc;
        t -= tc;
    }
    return *capability + t;
}

void sim_missile_day(sim_state_t *s, int T, int k, int tgt, const sim_why_t *why)
{
    const sc_params_t *P = &s->m->P;
    sim_actor_t *a = &s->a[T];
    int salvo = k == SYS_SRBM || k == SYS_MSRBM
                    ? 1 + (int)brink_rng_poisson(&s->rng, P->salvo_extra)
                    : 1;
    if (s->lr_moratorium && sys_long[k]) {
        sim_event(s, EV_RESUME, T, tgt, 1, NULL,
                  "breaks its declared moratorium on long-range missile tests");
        s->lr_moratorium = 0;
    }
    a->articles = fmax(0.0, a->articles - 1.0);
    double psucc = 0.3 + 0.65 * a->sys[k];
    int ok = brink_rng_bernoulli(&s->rng, psucc);
    /* long-range rockets are flown as space launches until the system is
     * half mature (1998-2016 DPRK, Iran's Safir and Simorgh): a launch of
     * lower severity that does not count as an ICBM-class test */
    int slv = k == SYS_ICBM && a->sys[k] < 0.5;
    double sev = slv ? 0.5 : sys_sev[k];
    if (sev > s->severity)
        s->severity = sev;
    s->attention += P->attention_gain * sev * (1.0 - s->attention);
    a->sys[k] += sys_learn[k] * (ok ? P->learn_success : P->learn_failure) * (1.0 - a->sys[k]);
    if (a->sys[k] > 1.0)
        a->sys[k] = 1.0;
    sim_count(s, BRINK_COUNT_MISSILES, salvo);
    sim_count(s, BRINK_COUNT_LAUNCH_DAYS, 1);
    if (k == SYS_ICBM && !slv) {
        sim_count(s, BRINK_COUNT_ICBM, salvo);
        if (s->first_icbm < 0)
            s->first_icbm = s->month;
    }
    s->tested_this_month = 1;
    for (int j = 0; j < s->m->n; j++)
        if (j != T && s->m->hostile[j])
            s->d[T][j].hostile += 7.2 * salvo * (0.3 + sys_sev[k]);
    sim_event(s, EV_MISSILE, T, tgt, salvo, why, "launches %d %s%s (%s)", salvo,
              slv ? "space launcher" : sys_names[k], slv || salvo == 1 ? "" : " missiles",
              ok ? "success" : "failure");
}

void sim_nuclear_test(sim_state_t *s, int T, int tgt, const sim_why_t *why)
{
    const sc_params_t *P = &s->m->P;
    sim_actor_t *a = &s->a[T];
    a->stock = fmax(0.0, a->stock - 1.0);
    if (a->design < SIM_DESIGN_GOALS && ++a->design_tests >= (int)P->design_tests) {
        a->design++;
        a->design_tests = 0;
    }
    if (s->moratorium) {
        sim_event(s, EV_RESUME, T, tgt, 1, NULL, "breaks its declared test moratorium");
        s->moratorium = 0;
    }
    s->last_nuclear = s->month;
    s->severity = 1.0;
    s->attention += P->attention_gain * (1.0 - s->attention);
    s->tested_this_month = 1;
    if (s->first_nuclear < 0)
        s->first_nuclear = s->month;
    sim_count(s, BRINK_COUNT_NUCLEAR, 1);
    for (int j = 0; j < s->m->n; j++)
        if (j != T && s->m->hostile[j])
            s->d[T][j].hostile += 7.2 * 3;
    sim_event(s, EV_NUCLEAR, T, tgt, 1, why, "conducts a nuclear test (design goals %d of %d)",
              a->design, SIM_DESIGN_GOALS);
}

static int main_adversary(const sim_state_t *s, int i)
{
    int best = -1;
    double t = -1.0;
    for (int j = 0; j < s->m->n; j++)
        if (j != i && s->m->hostile[j] && s->d[i][j].threat > t) {
            t = s->d[i][j].threat;
            best = j;
        }
    return best;
}

void sim_testing(sim_state_t *s)
{
    const sc_params_t *P = &s->m->P;
    int T = s->m->target;
    sim_actor_t *a = &s->a[T];
    if (!a->programme || a->disarmed)
        return;
    int frozen = s->ag.kind >= AG_FREEZE;
    double lam = a->L.lambda;
    int tgt = main_adversary(s, T);
    /* declared completion: every design goal met (M3) */
    if (a->design >= SIM_DESIGN_GOALS && !s->moratorium && s->last_nuclear >= 0) {
        s->moratorium = 1;
        sim_event(s, EV_MORATORIUM, T, tgt, 1, NULL,
                  "declares its nuclear force complete and a nuclear test moratorium");
    }
    /* talks with an adversary: a declared moratorium on nuclear and
     * long-range tests, a costly signal that makes resuming an audience
     * cost (Kydd 2005; Weeks 2008) */
    if (sim_talks_open_any(s) && (!s->moratorium || !s->lr_moratorium)) {
        s->moratorium = s->lr_moratorium = 1;
        sim_event(s, EV_MORATORIUM, T, tgt, 1, NULL,
                  "declares a moratorium on nuclear and long-range missile tests");
    }
    /* missiles */
    sim_why_t w = {0};
    double cap, lev, pres, cost;
    double us[SYS_COUNT], ps[SYS_COUNT];
    int n, idx[SYS_COUNT];
    double u = missile_values(s, us, idx, &n, &cap, &lev, &pres, &cost);
    double restr = sim_restraint_cost(s, 0);
    if (isfinite(u) && !frozen) {
        double total = u - restr - P->test_cost;
        double p = sim_sigmoid(lam * total);
        double art = a->articles;
        uint32_t days = brink_rng_negbin(&s->rng, P->missile_days * p * art / (art + P->article_half),
                                         P->count_dispersion);
        if (days > 20)
            days = 20;
        if (days > 0) {
            w = (sim_why_t){cap, -cost, pres + lev, -restr, total, p, A_WAIT, 0.0};
            /* the class of each launch day: a logit draw over the classes' values */
            sim_logit(us, n, lam, ps);
            for (uint32_t dd = 0; dd < days && !s->done; dd++) {
                double r = brink_rng_uniform(&s->rng), acc = 0.0;
                int pick = idx[n - 1];
                for (int q = 0; q < n; q++) {
                    acc += ps[q];
                    if (r < acc) {
                        pick = idx[q];
                        break;
                    }
                }
                sim_missile_day(s, T, pick, tgt, &w);
            }
        }
    }
    /* nuclear tests: a device prepared (lead time), fissile material */
    if (a->stock >= 1.0 && s->month - s->last_nuclear >= (int)P->nuclear_prep && !frozen) {
        double un = sim_test_value(s, 1, &cap, &lev, &pres, &cost);
        double rn = sim_restraint_cost(s, 1);
        double total = un - rn - P->test_cost;
        double p = sim_sigmoid(lam * total);
        if (brink_rng_bernoulli(&s->rng, sim_clamp(P->nuclear_rate * p, 0.0, 1.0))) {
            sim_why_t wn = {cap, -cost, pres + lev, -rn, total, p, A_MISSILE, u - restr};
            sim_nuclear_test(s, T, tgt, &wn);
        }
    }
    if (s->tested_this_month)
        sim_talks_breach(s);
}
