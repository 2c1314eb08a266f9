/* test_sim_mixed.c - ensembles over several parameter sets (posteriors):
 * a weight of zero removes a model exactly, the histograms' accessors agree
 * with each other, and the mixture does not depend on the thread count. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

#define KOREA BRINK_SOURCE_DIR "/scenarios/korea.yaml"

static brink_scenario_t *load(brink_ctx_t *ctx, const char *set)
{
    brink_scenario_t *sc = NULL;
    brink_diags_t d;
    brink_diags_init(&d);
    const char *sets[1] = {set};
    assert_int_equal(brink_scenario_load(ctx, KOREA, sets, set ? 1 : 0, &sc, &d), BRINK_OK);
    brink_diags_clear(ctx, &d);
    return sc;
}

static void same_annual(const brink_ensemble_t *a, const brink_ensemble_t *b)
{
    static double pa[BRINK_COUNT_BINS], pb[BRINK_COUNT_BINS];
    for (int k = 0; k < BRINK_NCOUNTS; k++)
        for (int y = 2012; y <= 2019; y++) {
            assert_int_equal(brink_ensemble_annual_pmf(a, k, y, pa, BRINK_COUNT_BINS),
                             BRINK_COUNT_BINS);
            assert_int_equal(brink_ensemble_annual_pmf(b, k, y, pb, BRINK_COUNT_BINS),
                             BRINK_COUNT_BINS);
            assert_memory_equal(pa, pb, sizeof pa);
        }
}

static void test_zero_weight_removes_a_model(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_scenario_t *s0 = load(ctx, "params.nuclear_rate=0"), *s1 = load(ctx, NULL);
    brink_sim_t *m[2];
    assert_int_equal(brink_sim_new(ctx, s0, &m[0]), BRINK_OK);
    assert_int_equal(brink_sim_new(ctx, s1, &m[1]), BRINK_OK);
    const double w01[2] = {0, 1}, w10[2] = {1, 0};
    int until = 2019 * 12 + 11;
    brink_ensemble_t *mix = NULL, *one = NULL;
    assert_int_equal(brink_sim_ensemble_mixed(ctx, (const brink_sim_t *const *)m, w01, 2, 3, 300,
                                              2, until, &mix), BRINK_OK);
    assert_int_equal(brink_sim_ensemble(ctx, m[1], 3, 300, 1, until, &one), BRINK_OK);
    same_annual(mix, one);
    brink_ensemble_free(mix);
    brink_ensemble_free(one);
    /* only the model without nuclear tests: none in any run */
    assert_int_equal(brink_sim_ensemble_mixed(ctx, (const brink_sim_t *const *)m, w10, 2, 3, 300,
                                              2, until, &mix), BRINK_OK);
    assert_true(brink_ensemble_none_between(mix, BRINK_COUNT_NUCLEAR, 2012, 2019) == 1.0);
    brink_ensemble_free(mix);
    for (uint32_t r = 0; r < 50; r++) {
        assert_int_equal(brink_sim_pick_model(w01, 2, 3, r), 1);
        assert_int_equal(brink_sim_pick_model(w10, 2, 3, r), 0);
    }
    brink_sim_free(m[0]);
    brink_sim_free(m[1]);
    brink_scenario_free(s0);
    brink_scenario_free(s1);
    brink_ctx_free(ctx);
}

static void test_mixture_and_accessors(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_scenario_t *s0 = load(ctx, "params.nuclear_rate=0"), *s1 = load(ctx, NULL);
    brink_sim_t *m[2];
    assert_int_equal(brink_sim_new(ctx, s0, &m[0]), BRINK_OK);
    assert_int_equal(brink_sim_new(ctx, s1, &m[1]), BRINK_OK);
    const double w[2] = {1, 3};
    int until = 2019 * 12 + 11;
    brink_ensemble_t *a = NULL, *b = NULL;
    assert_int_equal(brink_sim_ensemble_mixed(ctx, (const brink_sim_t *const *)m, w, 2, 9, 400, 1,
                                              until, &a), BRINK_OK);
    assert_int_equal(brink_sim_ensemble_mixed(ctx, (const brink_sim_t *const *)m, w, 2, 9, 400, 2,
                                              until, &b), BRINK_OK);
    same_annual(a, b);
    assert_int_equal(brink_ensemble_runs(a), 400);
    /* the picks follow the weights: about a quarter of 400 runs use model 0
     * (binomial sd 8.7; 5 sd bounds) */
    int n0 = 0;
    for (uint32_t r = 0; r < 400; r++)
        n0 += brink_sim_pick_model(w, 2, 9, r) == 0;
    assert_true(n0 > 100 - 44 && n0 < 100 + 44);
    /* accessors agree: pmf sums to 1, a one-year window of no events is pmf[0],
     * longer windows can only have fewer such runs */
    static double p[BRINK_COUNT_BINS];
    for (int k = 0; k < BRINK_NCOUNTS; k++)
        for (int y = 2012; y <= 2019; y++) {
            brink_ensemble_annual_pmf(a, k, y, p, BRINK_COUNT_BINS);
            double s = 0.0;
            for (int i = 0; i < BRINK_COUNT_BINS; i++)
                s += p[i];
            assert_true(fabs(s - 1.0) < 1e-12);
            assert_true(fabs(brink_ensemble_none_between(a, k, y, y) - p[0]) < 1e-12);
            if (y > 2012)
                assert_true(brink_ensemble_none_between(a, k, 2012, y) <=
                            brink_ensemble_none_between(a, k, 2012, y - 1));
        }
    assert_true(isnan(brink_ensemble_none_between(a, 0, 2019, 2020)));
    assert_int_equal(brink_ensemble_annual_pmf(a, 0, 2020, p, BRINK_COUNT_BINS), -1);
    /* runs without nuclear tests in 2012-2019 include every run of model 0 */
    assert_true(brink_ensemble_none_between(a, BRINK_COUNT_NUCLEAR, 2012, 2019) * 400 >= n0);
    brink_ensemble_free(a);
    brink_ensemble_free(b);
    const double bad[2] = {0, 0};
    assert_int_equal(brink_sim_ensemble_mixed(ctx, (const brink_sim_t *const *)m, bad, 2, 9, 10, 1,
                                              until, &a), BRINK_EINVAL);
    assert_null(a);
    brink_sim_free(m[0]);
    brink_sim_free(m[1]);
    brink_scenario_free(s0);
    brink_scenario_free(s1);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zero_weight_removes_a_model),
        cmocka_unit_test(test_mixture_and_accessors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
