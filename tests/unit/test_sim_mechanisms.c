/* test_sim_mechanisms.c - mechanisms of the crisis model on a small
 * synthetic scenario, and the consistency checks of self-enforcing
 * agreements (docs/model.md, M5):
 *   - a test raises the adversary's threat perception and lowers its trust;
 *   - the bite is trade x enforcement x level less the patron's leakage,
 *     which grows with rivalry; rivalry lowers the patron's enforcement;
 *   - Kydd's Bayesian trust update; the Byungjin optimum;
 *   - at signing every party's value of keeping exceeds its value of
 *     reneging, and right after signing in an unchanged state each party
 *     values the deal exactly as at signing;
 *   - a deal's value to the target does not fall as its relief is
 *     implemented (relief is valued at the bite at signing);
 *   - threat perception falls when trust grows (no fixed anchor);
 *   - vetoes switch on above the rivalry threshold;
 *   - the target's hardliners, the shadow of war and a counterpart's
 *     declared sequencing enter package values as docs/model.md states;
 *   - params.crisis sets the escalation index at the start. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"
#include "sim/sim_internal.h"

static const char yaml[] =
    "format: 1\nname: synthetic\nstart: 2012-01\nend: 2013-12\ntarget: T\n"
    "actors:\n"
    "  - {id: T, regime: autocracy, power: 0.01, gdp: 30, nuclear: {programme: true, arsenal: 5,"
    " stock: 6, fissile_rate: 4, design: 1, srbm: 0.8, irbm: 0.4}, leaders: [{name: t, start: 2000-01}]}\n"
    "  - {id: A, regime: democracy, veto: true, power: 0.15, gdp: 15000, reach_needed: 1,"
    " leaders: [{name: a, start: 2000-01, engagement: 0.8}]}\n"
    "  - {id: P, regime: autocracy, veto: true, power: 0.2, gdp: 8000,"
    " leaders: [{name: p, start: 2000-01}]}\n"
    "dyads:\n"
    "  - {from: A, to: T, threat: 0.3, trust: 0.2, enmity: 0.8, sanctions: 0.5, enforcement: 0.9}\n"
    "  - {from: T, to: A, threat: 0.6, trust: 0.2, enmity: 0.8}\n"
    "  - {from: P, to: T, trade_share: 0.9, enforcement: 0.3, alliance: 0.5}\n";

typedef struct fx {
    brink_ctx_t *ctx;
    brink_scenario_t *sc;
    brink_sim_t *sim;
} fx_t;

static int setup(void **state)
{
    static fx_t f;
    brink_diags_t d;
    brink_diags_init(&d);
    f.ctx = brink_ctx_new(NULL);
    if (brink_scenario_load_string(f.ctx, "synthetic.yaml", yaml, sizeof yaml - 1, NULL, 0, &f.sc,
                                   &d) != BRINK_OK)
        return -1;
    if (brink_sim_new(f.ctx, f.sc, &f.sim) != BRINK_OK)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fx_t *f = *state;
    brink_sim_free(f->sim);
    brink_scenario_free(f->sc);
    brink_ctx_free(f->ctx);
    return 0;
}

static void test_test_raises_threat(void **state)
{
    fx_t *f = *state;
    sim_state_t with, without;
    sim_state_init(&with, sim_model_of(f->sim), 7, 0);
    sim_state_init(&without, sim_model_of(f->sim), 7, 0);
    assert_true(with.m->hostile[1]);
    assert_true(with.m->patron[2]);
    sim_nuclear_test(&with, 0, 1, NULL);
    sim_perception(&with);
    sim_perception(&without);
    assert_true(with.d[1][0].threat > without.d[1][0].threat);
    assert_true(with.d[1][0].trust < without.d[1][0].trust);
    /* a missile day too, and it adds attention (M1) */
    sim_state_init(&with, sim_model_of(f->sim), 7, 0);
    double att = with.attention;
    sim_missile_day(&with, 0, SYS_IRBM, 1, NULL);
    assert_true(with.attention > att);
    sim_perception(&with);
    assert_true(with.d[1][0].threat > without.d[1][0].threat);
}

static void test_enforcement_bite(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    sim_state_init(&s, sim_model_of(f->sim), 1, 0);
    assert_int_equal(s.m->china, 2);
    s.d[2][0].enforce = 0.3;
    s.rivalry = 0.0;
    double level = s.unsc_level;
    /* bite = trade x enforcement x level with no leakage at zero rivalry */
    assert_true(fabs(sim_bite(&s, 0) - (0.9 * 0.3 * level + 0.0)) < 1e-12);
    /* leakage = leakage_max x rivalry x alliance x trade (Early 2015) */
    s.rivalry = 0.8;
    double leak = s.m->P.leakage_max * 0.8 * 0.5 * 0.9;
    assert_true(fabs(sim_leakage(&s) - leak) < 1e-12);
    assert_true(fabs(sim_bite(&s, 0) - 0.9 * 0.3 * level * (1.0 - leak)) < 1e-12);
    /* rising rivalry lowers the patron's enforcement (policy.c) */
    sim_state_t a, b;
    sim_state_init(&a, sim_model_of(f->sim), 1, 0);
    sim_state_init(&b, sim_model_of(f->sim), 1, 0);
    b.rivalry = 0.9;
    for (int m = 0; m < 24; m++) {
        sim_policies(&a);
        sim_policies(&b);
    }
    assert_true(b.d[2][0].enforce < a.d[2][0].enforce);
}

/* Kydd: pi' = pi s / (pi s + (1 - pi) g) for likelihoods s, g */
static void test_kydd(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    sim_state_init(&s, sim_model_of(f->sim), 1, 0);
    double pi = s.d[1][0].trust, ls = 0.6, lg = 0.2;
    sim_trust_update(&s, 1, 0, log(ls / lg));
    double expect = pi * ls / (pi * ls + (1 - pi) * lg);
    assert_true(fabs(s.d[1][0].trust - expect) < 1e-12);
}

/* Byungjin optimum: s* = alpha/beta - 1/k maximises alpha ln(1+ks) + beta(1-s):
 * higher sanctions bite (a more valuable economy) lowers it, and so does an
 * adequate deterrent */
static void test_byungjin(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    sim_state_init(&s, sim_model_of(f->sim), 1, 0);
    s.bite = 0.0;
    double lo_bite = sim_byungjin_optimum(&s, 0);
    s.bite = 0.8;
    double hi_bite = sim_byungjin_optimum(&s, 0);
    assert_true(hi_bite < lo_bite);
    s.bite = 0.0;
    for (int k = 0; k < SYS_COUNT; k++)
        s.a[0].sys[k] = 1.0;
    s.a[0].design = 3;
    s.a[0].arsenal = s.a[0].stock = 20;
    assert_true(sim_byungjin_optimum(&s, 0) < lo_bite);
}

/* A state in which a deal is within reach: trusting sides, a biting
 * sanctions regime, an engaged partner. */
static void deal_state(fx_t *f, sim_state_t *s)
{
    sim_state_init(s, sim_model_of(f->sim), 3, 0);
    s->d[0][1].trust = s->d[1][0].trust = 0.8;
    s->d[2][0].enforce = 0.9;
    s->unsc_level = 0.8;
    s->d[1][0].threat = 0.8;
    s->bite = sim_bite(s, 0);
}

static void test_signing_is_self_enforcing(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    deal_state(f, &s);
    double ut, up;
    int k = sim_bargain_best(&s, 1, 0.0, 0.0, &ut, &up);
    assert_true(k >= 0);
    assert_true(ut > 0.0 && up > 0.0);
    sim_values_t v0;
    sim_basis_t b;
    sim_basis_now(&s, &b);
    sim_package_values(&s, 1, s.m->pkg[k], &b, -1, &v0);
    assert_true(fabs(v0.t_deal - ut) < 1e-12 && fabs(v0.p_deal - up) < 1e-12);
    sim_agreement_sign(&s, 1, k);
    assert_true(s.ag.kind >= AG_FREEZE);
    /* keeping beats reneging for both at signing */
    double rep = s.m->P.reputation_cost;
    double mt = sim_agreement_keep_margin(&s, 1), mp = sim_agreement_keep_margin(&s, 0);
    assert_true(mt > 0.0 && mp > 0.0);
    /* right after signing, in an unchanged state, each side values the
     * deal exactly as when it signed (no re-valuation with other inputs) */
    assert_true(fabs((mt - rep) - ut) < 1e-12);
    assert_true(fabs((mp - rep) - up) < 1e-12);
}

static void test_relief_does_not_devalue_deal(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    deal_state(f, &s);
    double ut, up;
    int k = sim_bargain_best(&s, 1, 0.0, 0.0, &ut, &up);
    assert_true(k >= 0);
    sim_agreement_sign(&s, 1, k);
    double prev = sim_agreement_keep_margin(&s, 1);
    /* implement the relief step by step: the bite falls, the value kept by
     * the target must not */
    for (int p = 1; p <= s.ag.phases; p++) {
        s.ag.phase = p;
        s.unsc_level *= 1.0 - s.ag.pkg[1] / s.ag.phases;
        s.d[1][0].sanctions *= 1.0 - s.ag.pkg[1] / s.ag.phases;
        s.bite = sim_bite(&s, 0);
        double now = sim_agreement_keep_margin(&s, 1);
        assert_true(now >= prev - 1e-12);
        prev = now;
    }
}

static void test_threat_can_fall(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    sim_state_init(&s, sim_model_of(f->sim), 1, 0);
    double t0 = s.d[0][1].threat;
    /* trust and no hostility: the threat perception falls below its start */
    s.d[0][1].trust = 0.95;
    s.d[0][1].enmity = 0.1;
    for (int m = 0; m < 36; m++)
        sim_perception(&s);
    assert_true(s.d[0][1].threat < t0);
}

static void test_veto_threshold(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    sim_state_init(&s, sim_model_of(f->sim), 1, 0);
    s.rivalry = 0.3;
    double lo = sim_veto_probability(&s, 2, 0.5);
    s.rivalry = 0.9;
    double hi = sim_veto_probability(&s, 2, 0.5);
    assert_true(lo < 0.05 && hi > 0.5);
    /* severity lowers it */
    assert_true(sim_veto_probability(&s, 2, 1.0) < hi);
}

/* A package with d > 0 and its values under a chosen basis. */
static int freeze_package(const sim_model_t *m)
{
    for (int k = 0; k < SIM_NPKG; k++)
        if (m->pkg[k][0] == 0.5 && m->pkg[k][1] == 0.5 && m->pkg[k][2] == 0.0)
            return k;
    return -1;
}

/* The target's hardliners: its value of a package falls by exactly
 * concession_cost d (and the statement prestige it forgoes) per unit of
 * engagement its leader lacks (docs/model.md, M5). */
static void test_target_hardliners(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    deal_state(f, &s);
    const sc_params_t *P = &s.m->P;
    int k = freeze_package(s.m);
    assert_true(k >= 0);
    sim_basis_t b;
    sim_basis_now(&s, &b);
    sim_values_t hi, lo;
    s.a[0].L.engagement = 0.8;
    sim_package_values(&s, 1, s.m->pkg[k], &b, -1, &hi);
    s.a[0].L.engagement = 0.2;
    sim_package_values(&s, 1, s.m->pkg[k], &b, -1, &lo);
    double expect = 0.6 * (P->concession_cost * 0.5 +
                           s.a[0].L.w_pres * P->statement_prestige * 0.2);
    assert_true(fabs((hi.t_deal - lo.t_deal) - expect) < 1e-12);
    assert_true(fabs(hi.p_deal - lo.p_deal) < 1e-12);
}

/* The shadow of war: a freeze removes the preventive-window hazard and
 * denuclearization d of the deterrence game's; each side gains the hazard
 * removed times its continuation value (all of it for the target, war_stakes
 * of it for the counterpart). */
static void test_shadow_of_war(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    deal_state(f, &s);
    int k = freeze_package(s.m);
    sim_basis_t b0 = {s.bite, 0.0, 0.0}, b1 = {s.bite, 0.002, 0.001};
    sim_values_t v0, v1;
    sim_package_values(&s, 1, s.m->pkg[k], &b0, -1, &v0);
    sim_package_values(&s, 1, s.m->pkg[k], &b1, -1, &v1);
    double removed = 0.002 + 0.5 * 0.001;
    assert_true(fabs((v1.t_deal - v0.t_deal) - s.a[0].L.horizon * removed) < 1e-12);
    assert_true(fabs((v1.p_deal - v0.p_deal) -
                     s.a[1].L.horizon * s.m->P.war_stakes * removed) < 1e-12);
}

/* A counterpart leader's declared sequencing overrides the lever: action
 * for action (0) signs in params.phases phases and exposes the target to
 * one step of defection, the target-first doctrine (1) in one phase with
 * the whole exposure, so the target values relief more under the former. */
static void test_declared_sequencing(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    deal_state(f, &s);
    int k = freeze_package(s.m);
    sim_basis_t b;
    sim_basis_now(&s, &b);
    sim_values_t afa, big;
    s.a[1].L.sequencing = 0.0;
    sim_package_values(&s, 1, s.m->pkg[k], &b, -1, &afa);
    sim_agreement_sign(&s, 1, k);
    assert_int_equal(s.ag.phases, (int)lround(s.m->P.phases));
    s.ag = (sim_agreement_t){0};
    s.ag.partner = -1;
    s.a[1].L.sequencing = 1.0;
    sim_package_values(&s, 1, s.m->pkg[k], &b, -1, &big);
    sim_agreement_sign(&s, 1, k);
    assert_int_equal(s.ag.phases, 1);
    assert_true(afa.t_deal > big.t_deal);
}

/* params.crisis: the escalation index at the start is the crisis level. */
static void test_crisis_at_start(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    static const char *const sets[] = {"params.crisis=0.8"};
    brink_scenario_t *sc = NULL;
    brink_sim_t *sim = NULL;
    assert_int_equal(brink_scenario_load_string(ctx, "synthetic.yaml", yaml, sizeof yaml - 1, sets,
                                                1, &sc, &d),
                     BRINK_OK);
    assert_int_equal(brink_sim_new(ctx, sc, &sim), BRINK_OK);
    sim_state_t s;
    sim_state_init(&s, sim_model_of(sim), 1, 0);
    double e = 1.0 - exp(-(s.d[1][0].escal + s.d[0][1].escal) / s.m->P.escalation_scale);
    assert_true(fabs(e - 0.8) < 1e-12);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_test_raises_threat),
        cmocka_unit_test(test_enforcement_bite),
        cmocka_unit_test(test_kydd),
        cmocka_unit_test(test_byungjin),
        cmocka_unit_test(test_signing_is_self_enforcing),
        cmocka_unit_test(test_relief_does_not_devalue_deal),
        cmocka_unit_test(test_threat_can_fall),
        cmocka_unit_test(test_veto_threshold),
        cmocka_unit_test(test_target_hardliners),
        cmocka_unit_test(test_shadow_of_war),
        cmocka_unit_test(test_declared_sequencing),
        cmocka_unit_test(test_crisis_at_start),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
