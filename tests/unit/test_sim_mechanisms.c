/* test_sim_mechanisms.c - mechanisms on a small synthetic scenario: a test
 * raises the target's threat perception in its adversary; laxer enforcement
 * by the main trade partner lowers the sanctions bite; lower trust shrinks
 * the set of acceptable deals; Kydd's Bayesian trust update. */
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
    " reach: 1.5, reliability: 0.5, stock: 6}, leaders: [{name: t, start: 2000-01}]}\n"
    "  - {id: A, regime: democracy, veto: true, power: 0.15, gdp: 15000, reach_needed: 1,"
    " leaders: [{name: a, start: 2000-01}]}\n"
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
    sim_nuclear_test(&with, 0, 1, NULL);
    sim_perception(&with);
    sim_perception(&without);
    assert_true(with.d[1][0].threat > without.d[1][0].threat);
    /* and lowers the adversary's trust */
    assert_true(with.d[1][0].trust < without.d[1][0].trust);
    /* a missile day too */
    sim_state_init(&with, sim_model_of(f->sim), 7, 0);
    sim_missile_day(&with, 0, 1, NULL);
    sim_perception(&with);
    assert_true(with.d[1][0].threat > without.d[1][0].threat);
}

static void test_enforcement_bite(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    sim_state_init(&s, sim_model_of(f->sim), 1, 0);
    assert_int_equal(s.m->china, 2);
    s.d[2][0].enforce = 0.9;
    double strict = sim_bite(&s, 0);
    s.d[2][0].enforce = 0.3;
    double lax = sim_bite(&s, 0);
    assert_true(lax < strict);
    /* bite = trade x enforcement x level, summed over partners */
    double level = s.unsc_level;
    assert_true(fabs(lax - 0.9 * 0.3 * level) < 1e-12);
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

static void test_trust_shrinks_deals(void **state)
{
    fx_t *f = *state;
    const sim_model_t *m = sim_model_of(f->sim);
    sim_bargain_in_t in = {.bite = 0.6, .deter = 0.3, .threat_t = 0.6, .threat_p = 0.8,
                           .sequencing = 0.5, .phases = 4, .democracy = 1,
                           .t = {0.4, 0.4, 0.2, 0.9, 0.6, 0.886},
                           .p = {0.5, 0.2, 0.3, 0.9, 0.8, 0.886}};
    sim_bargain_out_t hi, lo;
    sim_bargain_solve(m, &in, &hi);
    in.t.trust = in.p.trust = 0.1;
    sim_bargain_solve(m, &in, &lo);
    assert_true(hi.acceptable > 0);
    assert_true(lo.acceptable < hi.acceptable);
    /* the solver's utilities agree with sim_package_utility */
    double ut, up;
    sim_package_utility(&m->P, &in, m->pkg[lo.best >= 0 ? lo.best : 0], &ut, &up);
    if (lo.best >= 0) {
        assert_true(fabs(ut - lo.u_t) < 1e-12);
        assert_true(fabs(up - lo.u_p) < 1e-12);
    }
    /* a big deal (target disarms first) puts the risk on the target: with
     * low trust it leaves no more acceptable packages than action for action */
    sim_bargain_out_t big, afa;
    in.sequencing = 1.0;
    sim_bargain_solve(m, &in, &big);
    in.sequencing = 0.0;
    sim_bargain_solve(m, &in, &afa);
    assert_true(big.acceptable <= afa.acceptable);
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
 * higher sanctions bite (a more valuable economy) lowers it */
static void test_byungjin(void **state)
{
    fx_t *f = *state;
    sim_state_t s;
    sim_state_init(&s, sim_model_of(f->sim), 1, 0);
    s.bite = 0.0;
    double lo_bite = sim_byungjin_optimum(&s, 0);
    s.bite = 0.8;
    double hi_bite = sim_byungjin_optimum(&s, 0);
    assert_true(hi_bite <= lo_bite);
    s.bite = 0.0;
    s.a[0].reach = 3.0;
    s.a[0].reliability = 1.0;
    assert_true(sim_byungjin_optimum(&s, 0) <= lo_bite);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_test_raises_threat), cmocka_unit_test(test_enforcement_bite),
        cmocka_unit_test(test_trust_shrinks_deals), cmocka_unit_test(test_kydd),
        cmocka_unit_test(test_byungjin),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
