/* test_game_deter.c - brink_deter_solve against the analytic conditions of
 * the unilateral deterrence game and against the general SPE solver. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "brink/game.h"

/* Zagare-Kilgour payoff orders: challenger prefers concede > sq > back_down,
 * conflict varies; defender prefers sq > back_down, concede vs conflict varies */
static brink_deter_game_t make(double c_conf, double d_conf)
{
    brink_deter_game_t g = {{0.0, 0.0}, {1.0, -1.0}, {-0.5, 0.5}, {c_conf, d_conf}};
    return g;
}

static void test_spe_analytic(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_deter_result_t r;
    /* credible and capable threat: defender prefers conflict to conceding,
     * challenger prefers backing down to conflict -> deterred */
    brink_deter_game_t g = make(-2.0, -0.5);
    assert_int_equal(brink_deter_solve(ctx, &g, 0, &r), BRINK_OK);
    assert_int_equal(r.spe_deterred, 1);
    assert_true(r.credibility == 1.0 && r.p_challenge == 0.0 && r.p_fight == 0.0);
    /* defender prefers conceding to conflict, challenger would fight:
     * the threat is not credible -> challenge, concede */
    g = make(0.5, -2.0);
    assert_int_equal(brink_deter_solve(ctx, &g, 0, &r), BRINK_OK);
    assert_int_equal(r.spe_deterred, 0);
    assert_true(r.credibility == 0.0 && r.p_challenge == 1.0 && r.p_fight == 1.0);
    /* challenger backs down after denial, so denial is credible even though
     * the defender dislikes conflict: deterred (the threat is never tested) */
    g = make(-2.0, -5.0);
    assert_int_equal(brink_deter_solve(ctx, &g, INFINITY, &r), BRINK_OK);
    assert_int_equal(r.spe_deterred, 1);
    assert_true(r.credibility == 1.0 && r.p_fight == 0.0);
    brink_ctx_free(ctx);
}

static void test_matches_general_spe(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    /* no value equals another payoff, so there are no ties (the general solver
     * breaks ties towards the first action, brink_deter_solve towards denial) */
    const double vals[] = {-3, -1.5, -0.25, 0.25, 0.75, 2};
    for (size_t a = 0; a < 6; a++)
        for (size_t b = 0; b < 6; b++) {
            brink_deter_game_t g = make(vals[a], vals[b]);
            brink_deter_result_t r;
            assert_int_equal(brink_deter_solve(ctx, &g, 0, &r), BRINK_OK);
            brink_game_t *t = NULL;
            assert_int_equal(brink_deter_game_build(ctx, &g, &t), BRINK_OK);
            brink_solve_opts_t o = {.method = BRINK_METHOD_SPE};
            brink_eqset_t *eq = NULL;
            assert_int_equal(brink_game_solve(ctx, t, &o, &eq), BRINK_OK);
            assert_int_equal(brink_eqset_count(eq), 1);
            /* behaviour order: challenger infosets 1 (SQ, Challenge), 2 (Back, Fight);
             * defender infoset 1 (Concede, Deny) */
            if (brink_eqset_value(eq, 0, 1) != r.p_challenge)
                print_error("a=%zu b=%zu spe=%g deter=%g\n", a, b, brink_eqset_value(eq, 0, 1), r.p_challenge);
            assert_true(brink_eqset_value(eq, 0, 1) == r.p_challenge);
            assert_true(brink_eqset_value(eq, 0, 3) == r.p_fight);
            assert_true(brink_eqset_value(eq, 0, 5) == r.credibility);
            brink_eqset_free(ctx, eq);
            brink_game_free(ctx, t);
        }
    brink_ctx_free(ctx);
}

static void test_logit_limits(void **state)
{
    (void)state;
    brink_deter_game_t g = make(-2.0, -0.5);
    brink_deter_result_t r;
    /* lambda -> 0: uniform randomisation at every move */
    assert_int_equal(brink_deter_solve(NULL, &g, 1e-12, &r), BRINK_OK);
    assert_true(fabs(r.credibility - 0.5) < 1e-9 && fabs(r.p_fight - 0.5) < 1e-9 &&
                fabs(r.p_challenge - 0.5) < 1e-9);
    /* large lambda: approaches the SPE */
    assert_int_equal(brink_deter_solve(NULL, &g, 1e4, &r), BRINK_OK);
    assert_true(r.credibility > 1 - 1e-9 && r.p_fight < 1e-9 && r.p_challenge < 1e-9);
    /* the analytic logit response at the last move */
    assert_int_equal(brink_deter_solve(NULL, &g, 2.0, &r), BRINK_OK);
    assert_true(fabs(r.p_fight - 1.0 / (1.0 + exp(-2.0 * (-2.0 - -0.5)))) < 1e-15);
    /* credibility rises with the defender's cost of conceding */
    brink_deter_game_t h = g;
    h.concede[1] = -3.0;
    brink_deter_result_t r2;
    assert_int_equal(brink_deter_solve(NULL, &h, 2.0, &r2), BRINK_OK);
    assert_true(r2.credibility > r.credibility);
    /* errors */
    assert_int_equal(brink_deter_solve(NULL, NULL, 1.0, &r), BRINK_EINVAL);
    assert_int_equal(brink_deter_solve(NULL, &g, NAN, &r), BRINK_EINVAL);
}

/* the closed form equals the general agent logit tracer on the same tree */
static void test_matches_agent_logit(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const double lams[] = {0.5, 2.0, 7.5};
    const double vals[] = {-3, -0.25, 0.75};
    for (size_t a = 0; a < 3; a++)
        for (size_t b = 0; b < 3; b++)
            for (size_t l = 0; l < 3; l++) {
                brink_deter_game_t g = make(vals[a], vals[b]);
                brink_deter_result_t r;
                assert_int_equal(brink_deter_solve(ctx, &g, lams[l], &r), BRINK_OK);
                brink_game_t *t = NULL;
                assert_int_equal(brink_deter_game_build(ctx, &g, &t), BRINK_OK);
                brink_solve_opts_t o = {.method = BRINK_METHOD_LOGIT, .lambda = lams[l]};
                brink_eqset_t *eq = NULL;
                assert_int_equal(brink_game_solve(ctx, t, &o, &eq), BRINK_OK);
                assert_int_equal(brink_eqset_count(eq), 1);
                if (!(fabs(brink_eqset_value(eq, 0, 1) - r.p_challenge) < 1e-7))
                    print_error("a=%zu b=%zu l=%zu: %g vs %g\n", a, b, l, brink_eqset_value(eq, 0, 1), r.p_challenge);
                assert_true(fabs(brink_eqset_value(eq, 0, 1) - r.p_challenge) < 1e-7);
                assert_true(fabs(brink_eqset_value(eq, 0, 3) - r.p_fight) < 1e-7);
                assert_true(fabs(brink_eqset_value(eq, 0, 5) - r.credibility) < 1e-7);
                brink_eqset_free(ctx, eq);
                brink_game_free(ctx, t);
            }
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spe_analytic),
        cmocka_unit_test(test_matches_general_spe),
        cmocka_unit_test(test_logit_limits),
        cmocka_unit_test(test_matches_agent_logit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
