/* test_sim_ensemble.c - determinism (same seed, same event log; one or two
 * threads, same summary), ensemble statistics that can fail, and
 * directional tests on the flagship with fixed seeds and margins. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

#define KOREA BRINK_SOURCE_DIR "/scenarios/korea.yaml"

static brink_ctx_t *ctx;

static brink_sim_t *load(const char *const *sets, size_t nsets, brink_scenario_t **sc)
{
    brink_diags_t d;
    brink_diags_init(&d);
    brink_sim_t *sim = NULL;
    assert_int_equal(brink_scenario_load(ctx, KOREA, sets, nsets, sc, &d), BRINK_OK);
    assert_int_equal(brink_sim_new(ctx, *sc, &sim), BRINK_OK);
    return sim;
}

static char *summary(const brink_sim_t *sim, uint64_t seed, uint32_t runs, int threads, int until,
                     brink_ensemble_t **keep)
{
    brink_ensemble_t *e = NULL;
    assert_int_equal(brink_sim_ensemble(ctx, sim, seed, runs, threads, until, &e), BRINK_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(brink_ensemble_write_json(e, fp), BRINK_OK);
    brink_ensemble_write_series_csv(e, fp);
    fclose(fp);
    if (keep)
        *keep = e;
    else
        brink_ensemble_free(e);
    return buf;
}

static void test_same_seed_same_log(void **state)
{
    (void)state;
    brink_scenario_t *sc;
    brink_sim_t *sim = load(NULL, 0, &sc);
    brink_sim_trace_t *a, *b;
    assert_int_equal(brink_sim_trace_new(ctx, sim, 8192, &a), BRINK_OK);
    assert_int_equal(brink_sim_trace_new(ctx, sim, 8192, &b), BRINK_OK);
    brink_sim_run(ctx, sim, 42, 3, -1, a);
    brink_sim_run(ctx, sim, 42, 3, -1, b);
    assert_true(a->nevents > 50);
    assert_int_equal(a->nevents, b->nevents);
    assert_memory_equal(a->events, b->events, a->nevents * sizeof *a->events);
    assert_memory_equal(a->months, b->months, a->nmonths * sizeof *a->months);
    /* another run index gives another history */
    brink_sim_run(ctx, sim, 42, 4, -1, b);
    assert_true(a->nevents != b->nevents ||
                memcmp(a->events, b->events, a->nevents * sizeof *a->events) != 0);
    brink_sim_trace_free(ctx, a);
    brink_sim_trace_free(ctx, b);
    brink_sim_free(sim);
    brink_scenario_free(sc);
}

static void test_threads_identical(void **state)
{
    (void)state;
    brink_scenario_t *sc;
    brink_sim_t *sim = load(NULL, 0, &sc);
    char *one = summary(sim, 9, 700, 1, -1, NULL);
    char *two = summary(sim, 9, 700, 2, -1, NULL);
    assert_string_equal(one, two);
    free(one);
    free(two);
    brink_sim_free(sim);
    brink_scenario_free(sc);
}

static void test_statistics(void **state)
{
    (void)state;
    brink_scenario_t *sc;
    brink_sim_t *sim = load(NULL, 0, &sc);
    brink_ensemble_t *e;
    free(summary(sim, 5, 2000, 2, -1, &e));
    double sum = 0.0;
    for (int k = 0; k < BRINK_NOUTCOMES; k++) {
        double p, lo, hi;
        brink_ensemble_outcome(e, k, &p, &lo, &hi);
        assert_true(lo <= p && p <= hi && lo >= 0.0 && hi <= 1.0);
        sum += p;
    }
    assert_true(fabs(sum - 1.0) < 1e-12);
    for (int k = 0; k < BRINK_NMILESTONES; k++) {
        double p;
        int md, q05, q95;
        brink_ensemble_milestone(e, k, &p, &md, &q05, &q95);
        assert_true(p >= 0.0 && p <= 1.0);
        if (p > 0)
            assert_true(q05 <= md && md <= q95);
    }
    for (int k = 0; k < BRINK_NCOUNTS; k++)
        for (int y = 2012; y <= 2030; y++) {
            double mean;
            int q[5];
            brink_ensemble_annual(e, k, y, &mean, q);
            for (int i = 1; i < 5; i++)
                assert_true(q[i - 1] <= q[i]);
            assert_true(mean >= q[0] - 1e-9 || q[0] == 0);
        }
    /* series bands are ordered */
    for (int k = 0; k < BRINK_NSERIES; k++)
        for (int mo = 0; mo < 228; mo += 17)
            assert_true(brink_ensemble_series_quantile(e, k, mo, 0.05) <=
                        brink_ensemble_series_quantile(e, k, mo, 0.95));
    brink_ensemble_free(e);
    brink_sim_free(sim);
    brink_scenario_free(sc);
}

/* mean of series k over months [m0, m1) of the median band */
static double band_mean(const brink_ensemble_t *e, int k, int m0, int m1)
{
    double s = 0;
    for (int m = m0; m < m1; m++)
        s += brink_ensemble_series_quantile(e, k, m, 0.5);
    return s / (m1 - m0);
}

static double count_mean(const brink_ensemble_t *e, int k, int y0, int y1)
{
    double s = 0;
    for (int y = y0; y <= y1; y++) {
        double mean;
        int q[5];
        brink_ensemble_annual(e, k, y, &mean, q);
        s += mean;
    }
    return s;
}

static brink_ensemble_t *ens(const char *set, uint64_t seed)
{
    brink_scenario_t *sc;
    const char *sets[1] = {set};
    brink_sim_t *sim = load(sets, set ? 1 : 0, &sc);
    brink_ensemble_t *e = NULL;
    assert_int_equal(brink_sim_ensemble(ctx, sim, seed, 1000, 2, 2019 * 12 + 11, &e), BRINK_OK);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    return e;
}

/* Raising China's enforcement lowers the DPRK economy series.  Margins of
 * the band tests: across seeds the 1000-run band means vary by about
 * 0.0005 (escalation) and 0.0006 (economy) (seeds 21-23), so 0.01 and
 * 0.02 are more than 15 standard deviations. */
static void test_china_enforcement(void **state)
{
    (void)state;
    brink_ensemble_t *lax = ens("dyads[6].enforcement=0.1", 11);
    brink_ensemble_t *strict = ens("dyads[6].enforcement=0.9", 11);
    double a = band_mean(lax, BRINK_SERIES_ECONOMY, 60, 96);
    double b = band_mean(strict, BRINK_SERIES_ECONOMY, 60, 96);
    assert_true(b < a - 0.02);
    brink_ensemble_free(lax);
    brink_ensemble_free(strict);
}

/* Larger allied exercises raise DPRK tests (reciprocity; Bernhardt and
 * Sukin 2021).  Margin: the difference of the 2012-2019 missile totals must
 * exceed four standard errors (the totals are overdispersed: the standard
 * error uses the ensemble's variance bound 10 x the mean). */
static void test_exercises_raise_tests(void **state)
{
    (void)state;
    brink_ensemble_t *small = ens("params.exercise_scale=0.5", 13);
    brink_ensemble_t *large = ens("params.exercise_scale=2", 13);
    double a = count_mean(small, BRINK_COUNT_MISSILES, 2012, 2019);
    double b = count_mean(large, BRINK_COUNT_MISSILES, 2012, 2019);
    double se = sqrt(10.0 * (a + b) / 1000.0);
    print_message("missiles 2012-2019: exercises x0.5 %.2f, x2 %.2f\n", a, b);
    assert_true(b > a + 4 * se);
    brink_ensemble_free(small);
    brink_ensemble_free(large);
}

/* Higher great-power rivalry raises the share of runs with a veto (the
 * threshold of M7).  Margin: shares of 1000 runs, 0.2 apart is more than
 * ten binomial standard errors. */
static void test_rivalry_vetoes(void **state)
{
    (void)state;
    brink_ensemble_t *lo = ens("params.rivalry=0.2", 19);
    brink_ensemble_t *hi = ens("params.rivalry=0.6", 19);
    double d, m, q5, q50, q95, a, b;
    brink_ensemble_pattern(lo, BRINK_PATTERN_VETO, &d, &a, &q5, &q50, &q95);
    brink_ensemble_pattern(hi, BRINK_PATTERN_VETO, &d, &b, &q5, &q50, &q95);
    (void)m;
    print_message("P(any veto 2011-2019): rivalry 0.2 %.3f, 0.6 %.3f\n", a, b);
    assert_true(b > a + 0.2);
    brink_ensemble_free(lo);
    brink_ensemble_free(hi);
}

/* A higher DPRK risk attitude raises the escalation index. */
static void test_risk_escalation(void **state)
{
    (void)state;
    brink_ensemble_t *lo = ens("actors[DPRK].leaders[1].risk=-0.5", 17);
    brink_ensemble_t *hi = ens("actors[DPRK].leaders[1].risk=0.9", 17);
    double a = band_mean(lo, BRINK_SERIES_ESCALATION, 0, 96);
    double b = band_mean(hi, BRINK_SERIES_ESCALATION, 0, 96);
    print_message("escalation 2012-2019: risk -0.5 %.4f, risk 0.9 %.4f\n", a, b);
    assert_true(b > a + 0.01);
    brink_ensemble_free(lo);
    brink_ensemble_free(hi);
}

static int setup(void **state)
{
    (void)state;
    ctx = brink_ctx_new(NULL);
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    brink_ctx_free(ctx);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_same_log), cmocka_unit_test(test_threads_identical),
        cmocka_unit_test(test_statistics),         cmocka_unit_test(test_china_enforcement),
        cmocka_unit_test(test_exercises_raise_tests), cmocka_unit_test(test_rivalry_vetoes),      cmocka_unit_test(test_risk_escalation),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
