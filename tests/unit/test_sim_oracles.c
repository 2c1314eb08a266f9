/* test_sim_oracles.c - the analytic pieces of the model against the
 * oracles of literature.md, Appendix A (values derived by hand there, not
 * by this program). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "sim/sim_analytic.h"
#include "sim/sim_internal.h"

#define NEAR(a, b, eps) assert_true(fabs((a) - (b)) <= (eps))

/* R1-R3: Richardson equilibrium and stability */
static void test_richardson(void **state)
{
    (void)state;
    double x, y, l1, l2;
    assert_int_equal(sim_richardson_equilibrium(1, 1, 2, 2, 1, 1, &x, &y), 0);
    NEAR(x, 1.0, 1e-12);
    NEAR(y, 1.0, 1e-12);
    sim_richardson_eigen(1, 1, 2, 2, &l1, &l2);
    NEAR(l1, -1.0, 1e-12);
    NEAR(l2, -3.0, 1e-12);
    /* R2: runaway */
    sim_richardson_eigen(2, 2, 1, 1, &l1, &l2);
    NEAR(l1, 1.0, 1e-12);
    NEAR(l2, -3.0, 1e-12);
    assert_int_equal(sim_richardson_equilibrium(2, 2, 1, 1, 1, 1, &x, &y), 0);
    NEAR(x, -1.0, 1e-12);
    /* R3: disarmament */
    assert_int_equal(sim_richardson_equilibrium(1, 1, 2, 2, -1, -1, &x, &y), 0);
    NEAR(x, -1.0, 1e-12);
    NEAR(y, -1.0, 1e-12);
    /* D1: discrete, stable, converges to (1, 1) */
    NEAR(sim_richardson_discrete_radius(0.1, 0.1, 0.2, 0.2), 0.9, 1e-12);
    double X = 0, Y = 0;
    for (int t = 0; t < 500; t++) {
        double nx = X + 0.1 * Y - 0.2 * X + 0.1, ny = Y + 0.1 * X - 0.2 * Y + 0.1;
        X = nx;
        Y = ny;
    }
    NEAR(X, 1.0, 1e-9);
    NEAR(Y, 1.0, 1e-9);
    /* D3: continuous-stable but discrete-unstable */
    NEAR(sim_richardson_discrete_radius(1, 1, 2, 2), 2.0, 1e-12);
}

static double ua(double x, const void *ud)
{
    (void)ud;
    return x;
}
static double ub(double x, const void *ud)
{
    (void)ud;
    return 1.0 - x;
}

/* F1: Fearon's range and the Nash bargaining solution with war as the
 * disagreement point */
static void test_fearon_nash(void **state)
{
    (void)state;
    double lo, hi;
    sim_fearon_range(0.5, 0.1, 0.2, &lo, &hi);
    NEAR(lo, 0.4, 1e-12);
    NEAR(hi, 0.7, 1e-12);
    double x = sim_nash_1d(ua, ub, NULL, 0.5 - 0.1, 1.0 - 0.5 - 0.2, 1000);
    NEAR(x, 0.55, 1e-9);
    /* no bargaining range: nothing beats both war payoffs */
    assert_true(isnan(sim_nash_1d(ua, ub, NULL, 0.7, 0.4, 1000)));
}

/* F2: screening with uniform private costs */
static void test_fearon_screening(void **state)
{
    (void)state;
    double x, pw, eu;
    sim_fearon_screening(0.5, 0.1, 0.3, &x, &pw, &eu);
    NEAR(x, 0.6, 1e-12);
    NEAR(pw, 1.0 / 3.0, 1e-12);
    NEAR(eu, 0.5333, 1e-4);
}

/* P1-P3: preventive war */
static void test_preventive(void **state)
{
    (void)state;
    assert_true(sim_preventive_war(0.8, 0.2, 0.9, 0.1));
    assert_true(sim_preventive_war(0.8, 0.75, 0.9, 0.1));
    assert_false(sim_preventive_war(0.8, 0.78, 0.9, 0.1));
}

/* Q (5.3): single decision with payoff gap: Pr = 1/(1 + exp(-lambda d));
 * the menu logit of choice.c reduces to it for two actions */
static void test_logit(void **state)
{
    (void)state;
    double u[2] = {0.0, 0.4}, p[2];
    sim_logit(u, 2, 5.0, p);
    NEAR(p[1], 1.0 / (1.0 + exp(-2.0)), 1e-12);
    NEAR(sim_logit2(0.4, 5.0), p[1], 1e-12);
    /* lambda = 0: uniform */
    double u3[3] = {1, 2, 3}, p3[3];
    sim_logit(u3, 3, 0.0, p3);
    for (int k = 0; k < 3; k++)
        NEAR(p3[k], 1.0 / 3.0, 1e-12);
    /* shift invariance and huge utilities do not overflow */
    double u4[2] = {1000.0, 1000.4}, p4[2];
    sim_logit(u4, 2, 5.0, p4);
    NEAR(p4[1], p[1], 1e-12);
}

/* BR1: brinkmanship resolve */
static void test_resolve(void **state)
{
    (void)state;
    NEAR(sim_brinkmanship_resolve(1, 0.4, -2), 0.2, 1e-12);
}

/* Z2 (UDG), complete-information corners: with c_CW=1, c_SQ=0.5, c_DW=0
 * and a Hard challenger (c_CF=0.25), a Soft defender (d_DW=0.8, d_CW=0.3,
 * d_CF=0) concedes and is challenged (p_Def = 0 < theta_ChS: attack); a
 * Hard defender (d_CF = 0.4 > d_CW) resists and deters (p_Def = 1 >=
 * theta_ChH = 0.667).  The agent QRE converges to these as lambda grows,
 * and at lambda <= 0 the solver returns the SPE. */
static void test_deterrence(void **state)
{
    (void)state;
    double sq[2] = {0.5, 0.0}, con[2] = {1.0, 0.3}, back[2] = {0.0, 0.8}, conf[2] = {0.25, 0.0};
    double cred, pch, pf;
    sim_deter_qre(NULL, sq, con, back, conf, 0.0, &cred, &pch, &pf);
    NEAR(cred, 0.0, 0);
    NEAR(pch, 1.0, 0);
    sim_deter_qre(NULL, sq, con, back, conf, 200.0, &cred, &pch, &pf);
    assert_true(cred < 0.01 && pch > 0.99);
    conf[1] = 0.4; /* Hard defender */
    sim_deter_qre(NULL, sq, con, back, conf, 0.0, &cred, &pch, &pf);
    NEAR(cred, 1.0, 0);
    NEAR(pch, 0.0, 0);
    sim_deter_qre(NULL, sq, con, back, conf, 200.0, &cred, &pch, &pf);
    assert_true(cred > 0.99 && pch < 0.01);
    /* lambda = 0 limit of QRE is uniform play at each node: the one-node
     * logit formula holds at the last node */
    double c2, pch2, pf2;
    sim_deter_qre(NULL, sq, con, back, conf, 1e-9, &c2, &pch2, &pf2);
    NEAR(pf2, 0.125, 1e-6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_richardson),   cmocka_unit_test(test_fearon_nash),
        cmocka_unit_test(test_fearon_screening), cmocka_unit_test(test_preventive),
        cmocka_unit_test(test_logit),        cmocka_unit_test(test_resolve),
        cmocka_unit_test(test_deterrence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
