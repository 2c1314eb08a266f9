/* test_calib_abc.c - ABC-SMC recovers the parameters of a synthetic
 * scenario from data the simulation generated with known values: the true
 * value lies inside the 90% posterior interval of each free parameter, for
 * several seeds; the result does not depend on the thread count; the
 * targets loader reports located errors. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

static const char synthetic[] =
    "format: 1\n"
    "name: synthetic two-state crisis\n"
    "start: 2012-01\n"
    "end: 2021-12\n"
    "target: A\n"
    "actors:\n"
    "  - id: A\n"
    "    regime: autocracy\n"
    "    power: 0.01\n"
    "    gdp: 20\n"
    "    byungjin: 0.5\n"
    "    nuclear: {programme: true, srbm: 0.6, irbm: 0.4, articles: 5, arsenal: 5, "
    "stock: 5, fissile_rate: 4, design: 1}\n"
    "    leaders: [{name: a, start: 2011-01}]\n"
    "  - id: B\n"
    "    regime: democracy\n"
    "    power: 0.2\n"
    "    gdp: 900\n"
    "    leaders: [{name: b, start: 2010-01}]\n"
    "dyads:\n"
    "  - {from: A, to: B, threat: 0.7, enmity: 0.8}\n"
    "  - {from: B, to: A, threat: 0.6, enmity: 0.8}\n"
    "params: {count_dispersion: 1000, article_rate: 60}\n"
    "free:\n"
    "  - {path: params.missile_days, prior: uniform, a: 0.5, b: 6}\n"
    "  - {path: params.nuclear_rate, prior: uniform, a: 0.02, b: 0.5}\n";

static const double truth[2] = {2.5, 0.15};

static brink_scenario_t *load(brink_ctx_t *ctx)
{
    brink_scenario_t *sc = NULL;
    brink_diags_t d;
    brink_diags_init(&d);
    assert_int_equal(brink_scenario_load_string(ctx, "syn.yaml", synthetic, strlen(synthetic),
                                                NULL, 0, &sc, &d),
                     BRINK_OK);
    brink_diags_clear(ctx, &d);
    return sc;
}

/* the observed data: one run of the scenario at the true values */
static size_t make_targets(brink_ctx_t *ctx, uint64_t data_seed, brink_abc_target_t *t)
{
    brink_scenario_t *sc = load(ctx);
    assert_int_equal(brink_scenario_set_number(ctx, sc, "params.missile_days", truth[0]), 0);
    assert_int_equal(brink_scenario_set_number(ctx, sc, "params.nuclear_rate", truth[1]), 0);
    brink_sim_t *sim = NULL;
    assert_int_equal(brink_sim_new(ctx, sc, &sim), BRINK_OK);
    brink_ensemble_t *e = NULL;
    assert_int_equal(brink_sim_ensemble(ctx, sim, data_seed, 1, 1, -1, &e), BRINK_OK);
    static double pmf[BRINK_COUNT_BINS];
    static const int ks[2] = {BRINK_COUNT_LAUNCH_DAYS, BRINK_COUNT_NUCLEAR};
    size_t n = 0;
    for (int i = 0; i < 2; i++)
        for (int y = 2012; y <= 2021; y++) {
            assert_int_equal(brink_ensemble_annual_pmf(e, ks[i], y, pmf, BRINK_COUNT_BINS),
                             BRINK_COUNT_BINS);
            int c = 0;
            while (pmf[c] < 0.5)
                c++;
            memset(&t[n], 0, sizeof t[n]);
            snprintf(t[n].name, sizeof t[n].name, "%s_%d", brink_sim_count_name(ks[i]), y);
            t[n].index = ks[i];
            t[n].year = y;
            t[n].observed = c;
            n++;
        }
    brink_ensemble_free(e);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    return n;
}

static brink_abc_result_t *calibrate(brink_ctx_t *ctx, uint64_t seed, int threads,
                                     const brink_abc_target_t *t, size_t nt)
{
    brink_scenario_t *sc = load(ctx);
    brink_abc_config_t cfg = {150, 6000, 0.5, 64, 0.005, seed, threads, 2021 * 12 + 11};
    brink_abc_result_t *r = NULL;
    assert_int_equal(brink_abc_run(ctx, sc, t, nt, &cfg, &r), BRINK_OK);
    brink_scenario_free(sc);
    assert_true(r->simulations <= 6000);
    assert_true(r->ngen >= 2);
    double sw = 0.0;
    for (uint32_t i = 0; i < r->n; i++)
        sw += r->weight[i];
    assert_true(fabs(sw - 1.0) < 1e-9);
    return r;
}

static void test_recovers_known_parameters(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_abc_target_t t[20];
    for (uint64_t seed = 1; seed <= 3; seed++) {
        size_t nt = make_targets(ctx, 100 + seed, t);
        brink_abc_result_t *r = calibrate(ctx, seed, 2, t, nt);
        for (size_t j = 0; j < 2; j++) {
            double lo = brink_abc_quantile(r, j, 0.05), hi = brink_abc_quantile(r, j, 0.95);
            printf("  seed %llu %s: 90%% interval [%.3f, %.3f], true %.3f\n",
                   (unsigned long long)seed, r->paths[j], lo, hi, truth[j]);
            assert_true(lo <= truth[j] && truth[j] <= hi);
        }
        /* the posterior is narrower than the prior for the launch rate */
        double lo = brink_abc_quantile(r, 0, 0.05), hi = brink_abc_quantile(r, 0, 0.95);
        assert_true(hi - lo < 0.9 * (6 - 0.5) * 0.9);
        brink_abc_result_free(ctx, r);
    }
    brink_ctx_free(ctx);
}

static void test_same_for_any_thread_count(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_abc_target_t t[20];
    size_t nt = make_targets(ctx, 7, t);
    brink_abc_result_t *a = calibrate(ctx, 5, 1, t, nt), *b = calibrate(ctx, 5, 2, t, nt);
    assert_int_equal(a->ngen, b->ngen);
    assert_memory_equal(a->theta, b->theta, a->n * a->nfree * sizeof *a->theta);
    assert_memory_equal(a->weight, b->weight, a->n * sizeof *a->weight);
    brink_abc_result_free(ctx, a);
    brink_abc_result_free(ctx, b);
    brink_ctx_free(ctx);
}

static void test_targets_file_errors(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char *path = "test_calib_abc_targets.yaml";
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("format: 1\nuntil: 2017-12\ncounts:\n  - {count: missles, year: 2013, observed: 6}\n"
          "  - {count: missiles, year: 2018, observed: 0}\n"
          "milestones:\n  - {milestone: first_icbm_test, reached: true}\n",
          fp);
    fclose(fp);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_abc_target_t *t = NULL;
    size_t n = 0;
    int until = 0;
    assert_int_equal(brink_abc_targets_load(ctx, path, &t, &n, &until, &d), BRINK_EVALIDATE);
    assert_null(t);
    assert_true(d.count >= 1);
    char line[1024];
    brink_diag_format(&d.items[0], line, sizeof line);
    printf("  %s\n", line);
    assert_non_null(strstr(line, "test_calib_abc_targets.yaml:4:"));
    brink_diags_clear(ctx, &d);
    /* a valid file */
    fp = fopen(path, "w");
    fputs("format: 1\nuntil: 2017-12\ncounts:\n  - {count: missiles, year: 2013, observed: 6}\n"
          "milestones:\n  - {milestone: first_icbm_test, reached: true, month: 2017-07}\n"
          "  - {milestone: first_leader_summit, reached: false}\n",
          fp);
    fclose(fp);
    assert_int_equal(brink_abc_targets_load(ctx, path, &t, &n, &until, &d), BRINK_OK);
    assert_int_equal(n, 3);
    assert_int_equal(until, 2017 * 12 + 11);
    assert_int_equal(t[0].index, BRINK_COUNT_MISSILES);
    assert_true(t[0].observed == 6);
    assert_true(t[1].is_milestone && t[1].index == BRINK_MILESTONE_ICBM &&
                t[1].observed == 2017 * 12 + 6);
    assert_true(t[2].observed == -1);
    brink_free(ctx, t);
    brink_diags_clear(ctx, &d);
    remove(path);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recovers_known_parameters),
        cmocka_unit_test(test_same_for_any_thread_count),
        cmocka_unit_test(test_targets_file_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
