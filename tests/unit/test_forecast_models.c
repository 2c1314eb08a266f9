/* test_forecast_models.c - BDM's EU example (Scholz et al. 2011 data),
 * compromise and median models against analytic results, the CSV reader's
 * quirks and located errors, and a replay of the CSV fuzz corpus. */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"
#include "brink/forecast.h"

static brink_fc_scenario_t *parse(brink_ctx_t *ctx, const char *text, brink_diags_t *dg,
                                  brink_status_t want)
{
    brink_fc_scenario_t *s = NULL;
    assert_int_equal(brink_fc_parse_ktab_csv(ctx, "t.csv", text, strlen(text), &s, dg), want);
    return s;
}

static void test_eu_example(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/eu_emissions.csv", BRINK_TEST_DIR);
    brink_diags_t dg;
    brink_diags_init(&dg);
    brink_fc_scenario_t *s = NULL;
    assert_int_equal(brink_fc_read_ktab_csv(ctx, path, &s, &dg), BRINK_OK);
    /* published: weighted mean 7.389955686853767, Condorcet winner 7 */
    assert_true(fabs(brink_fc_weighted_mean(s, 0) - 7.389955686853767) < 1e-12);
    int found = 0;
    assert_true(brink_fc_condorcet(s, 0, &found) == 7.0);
    assert_true(found);
    assert_true(brink_fc_weighted_median(s, 0) == 7.0);
    brink_bdm_options_t o;
    brink_bdm_options_default(&o);
    brink_bdm_result_t r;
    assert_int_equal(brink_bdm_run(ctx, s, &o, &r), BRINK_OK);
    assert_true(fabs(r.mean[0] - 7.390) < 5e-4);
    assert_true(r.median[0] == 7.0);
    /* jmckib's replication of Scholz's code (reference notes §7.5 A):
     * ten rounds of positions, weighted means, pairwise medians, and the
     * risk exponents at the start of round 1, at the printed precision */
    static const double want[11][10] = {
        {4, 7, 4, 4, 10, 10, 10, 7, 4, 7},
        {4, 8.416, 7, 4, 10, 10, 10, 4, 4, 7},
        {4, 9.611, 8.416, 4, 10, 10, 10, 7, 4, 7},
        {4, 9.962, 9.611, 4, 10, 10, 10, 8.416, 4, 7},
        {4, 4.801, 9.962, 4, 10, 10, 10, 9.611, 4, 7},
        {4, 5.524, 4.801, 4, 10, 10, 10, 9.962, 4, 7},
        {4, 7.472, 5.524, 4, 10, 10, 10, 5.524, 4, 7},
        {4, 8.825, 7.472, 4, 10, 10, 10, 7.472, 4, 7},
        {4, 9.671, 8.825, 4, 10, 10, 10, 8.825, 4, 7},
        {4, 4.145, 9.671, 4, 10, 10, 10, 9.671, 4, 7},
        {4, 4.292, 4.145, 4, 10, 10, 10, 4.145, 4, 7}};
    static const double mean[11] = {7.390, 7.461, 7.553, 7.590, 7.358, 7.349,
                                    7.415, 7.510, 7.572, 7.325, 7.242};
    static const double med[11] = {7.000, 8.416, 9.611, 9.962, 9.962, 9.962,
                                   7.472, 8.825, 9.671, 9.671, 7.000};
    static const double r1[10] = {1.4057, 0.7542, 0.5089, 1.4057, 1.0465,
                                  1.0465, 1.9649, 0.5000, 2.0000, 1.1121};
    for (size_t t = 0; t <= 10; t++) {
        for (size_t i = 0; i < 10; i++)
            assert_true(fabs(r.pos[t * 10 + i] - want[t][i]) < 5e-4);
        assert_true(fabs(r.mean[t] - mean[t]) < 5e-4);
        assert_true(fabs(r.median[t] - med[t]) < 5e-4);
    }
    for (size_t i = 0; i < 10; i++)
        assert_true(fabs(r.risk[i] - r1[i]) < 5e-5);
    /* the published rounds 10 and 9 differ (actor 2: 4.292 vs 4.145), and
     * round 10 repeats none of rounds 5-8: neither settled nor a cycle */
    assert_int_equal(r.convergence, BRINK_BDM_UNSETTLED);
    brink_bdm_result_clear(ctx, &r);
    brink_bdm_result_clear(ctx, &r);
    brink_diags_clear(ctx, &dg);
    brink_fc_scenario_free(s);
    brink_ctx_free(ctx);
}

static void test_compromise_analytic(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t dg;
    brink_diags_init(&dg);
    /* One dimension: delta_i(x) = |a_i - x|.  With a = 0.2 (weight
     * w1 = 10 x 0.5 = 5) and b = 0.6 (weight w2 = 14.9 x 0.5 + 0.1 x 0.5 =
     * 7.5, two actors there), the first-order condition of
     * w1 log(1-(x-a)) + w2 log(1-(b-x)) gives x = (w2(1+a) - w1(1-b))/(w1+w2)
     * = (7.5 x 1.2 - 5 x 0.4)/12.5 = 0.56. */
    brink_fc_scenario_t *s = parse(ctx,
                                   "N,d,3,1,\nA,D,P,X,S,\n"
                                   "a,,10,20,50,\n"
                                   "b,,14.9,60,50,\n"
                                   "c,,0.1,60,50,\n",
                                   &dg, BRINK_OK);
    double x;
    assert_int_equal(brink_fc_nash(ctx, s, &x), BRINK_OK);
    assert_true(fabs(x - 56.0) < 1e-4);
    /* weighted mean: (10*20 + 15*60)/25 = 44 */
    assert_true(fabs(brink_fc_weighted_mean(s, 0) - 44.0) < 1e-12);
    /* weighted median: weight at 20 is 10 of 25 < half -> 60 */
    assert_true(brink_fc_weighted_median(s, 0) == 60.0);
    brink_fc_scenario_free(s);
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
}

static void test_csv_quirks_and_errors(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t dg;
    brink_diags_init(&dg);
    /* quotes trimmed, blank lines skipped, trailing fields ignored, CRLF */
    brink_fc_scenario_t *s = parse(ctx,
                                   "\"Name\",\"a, b\",3,1,\r\n\r\nActor,D,P,\"Dim X\",S,extra\r\n"
                                   "A,d, 10 ,50,50,,,\r\nB,d,20,40,50\r\nC,d,30,30,50,\r\n",
                                   &dg, BRINK_OK);
    assert_string_equal(brink_fc_scenario_name(s), "Name");
    assert_string_equal(brink_fc_scenario_desc(s), "a, b");
    assert_string_equal(brink_fc_dim_name(s, 0), "Dim X");
    assert_true(brink_fc_actor_cap(s, 0) == 10.0);
    brink_fc_scenario_free(s);
    struct { const char *text; const char *msg; } bad[] = {
        {"N,d,3,1\nA,D,P,X,S\na,,10,50,50\nb,,x,50,50\nc,,1,1,1\n", "t.csv:4:4: error: expected a number for the capability, found 'x'"},
        {"N,d,3,1\nA,D,P,X,S\na,,10,50,50\nb,,1,101,50\nc,,1,1,1\n", "t.csv:4:6: error: position must be in [0, 100], found '101'"},
        {"N,d,2,1\n", "t.csv:1:5: error: the number of actors must be in 3..2000"},
        {"N,d,3,1\nA,D,P,X,S\na,,10,50,50\n", "t.csv:4:1: error: unexpected end of file: expected actor 2 of 3 ('name,description,capability,...')"},
        {"N,d,3,1\nA,D,P,X,S\n,,10,50,50\n", "t.csv:3:1: error: actor name must have 1 to 25 characters, found ''"},
        {"N,d,3,1\nA,D,P,X,S\na,,10,50,\n", "t.csv:3:10: error: expected a number for the salience on 'X', found nothing"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        brink_diags_clear(ctx, &dg);
        brink_fc_scenario_t *b = NULL;
        brink_status_t st = brink_fc_parse_ktab_csv(ctx, "t.csv", bad[k].text, strlen(bad[k].text), &b, &dg);
        assert_true(st == BRINK_EPARSE || st == BRINK_ERANGE);
        assert_null(b);
        assert_true(dg.count >= 1);
        char buf[600];
        brink_diag_format(&dg.items[0], buf, sizeof buf);
        assert_string_equal(buf, bad[k].msg);
    }
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
}

/* every file of the fuzz corpus must parse or fail cleanly (ASan checks) */
static void test_fuzz_corpus(void **state)
{
    (void)state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/forecast/fuzz", BRINK_TEST_DIR);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int count = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        brink_ctx_t *ctx = brink_ctx_new(NULL);
        brink_diags_t dg;
        brink_diags_init(&dg);
        brink_fc_scenario_t *s = NULL;
        brink_status_t st = brink_fc_read_ktab_csv(ctx, p, &s, &dg);
        if (st == BRINK_OK)
            assert_non_null(s);
        else
            assert_true(dg.count > 0);
        brink_fc_scenario_free(s);
        brink_diags_clear(ctx, &dg);
        brink_ctx_free(ctx);
        count++;
    }
    closedir(d);
    assert_true(count >= 5);
}

static void test_monte_carlo_threads(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/ktab_SOE-Pol-Comp.csv", BRINK_TEST_DIR);
    brink_diags_t dg;
    brink_diags_init(&dg);
    brink_fc_scenario_t *s = NULL;
    assert_int_equal(brink_fc_read_ktab_csv(ctx, path, &s, &dg), BRINK_OK);
    brink_mc_options_t o;
    brink_mc_options_default(&o);
    o.runs = 12;
    o.seed = 7;
    o.pos_sd = 5;
    o.sal_sd = 5;
    o.cap_cv = 0.2;
    o.dropout = 0.1;
    o.threads = 1;
    brink_mc_result_t a, b;
    assert_int_equal(brink_mc_run(ctx, s, &o, &a), BRINK_OK);
    o.threads = 2;
    assert_int_equal(brink_mc_run(ctx, s, &o, &b), BRINK_OK);
    assert_memory_equal(a.outcome, b.outcome, 12 * 2 * sizeof(double));
    assert_true(a.q05[0] <= a.q50[0] && a.q50[0] <= a.q95[0]);
    brink_mc_result_clear(ctx, &a);
    brink_mc_result_clear(ctx, &b);
    brink_fc_scenario_free(s);
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
}

static void test_yaml(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/korea-mini.yaml", BRINK_TEST_DIR);
    brink_diags_t dg;
    brink_diags_init(&dg);
    brink_fc_scenario_t *s = NULL;
    assert_int_equal(brink_fc_read(ctx, path, &s, &dg), BRINK_OK);
    assert_int_equal(brink_fc_scenario_actors(s), 3);
    assert_string_equal(brink_fc_dim_name(s, 1), "Sanctions relief");
    assert_true(brink_fc_actor_pos(s, 1, 0) == 85.0);
    assert_true(brink_fc_actor_sal(s, 2, 1) == 45.0);
    brink_fc_scenario_free(s);
    /* KTAB's option names and the seed in the YAML form */
    snprintf(path, sizeof path, "%s/forecast/korea-mini-options.yaml", BRINK_TEST_DIR);
    assert_int_equal(brink_fc_read(ctx, path, &s, &dg), BRINK_OK);
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    assert_int_equal(brink_fc_scenario_apply_options(s, &o), 1);
    assert_int_equal(o.vr, BRINK_VR_PROPCBC);
    assert_int_equal(o.pcem, BRINK_PCE_MARKOV_INCENTIVE);
    assert_int_equal(o.bigradj, BRINK_RA_ONETHIRD);
    assert_true(o.seed == 42);
    brink_fc_scenario_free(s);
    struct { const char *file; const char *msg; } bad[] = {
        {"bad/bad_option.yaml", "bad/bad_option.yaml:1:23: error: options.VotingRule: found Propp; expected one of Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp"},
        {"bad/bad_key.yaml", "bad/bad_key.yaml:6:45: error: actors[1]: unknown key 'salince'; did you mean 'salience'?"},
        {"bad/bad_range.yaml", "bad/bad_range.yaml:6:41: error: actors[1].position[0]: 200 is out of range; expected a number in [0, 100]"},
    };
    for (size_t k = 0; k < 3; k++) {
        brink_diags_clear(ctx, &dg);
        snprintf(path, sizeof path, "%s/forecast/%s", BRINK_TEST_DIR, bad[k].file);
        s = NULL;
        assert_int_equal(brink_fc_read(ctx, path, &s, &dg), BRINK_EVALIDATE);
        assert_null(s);
        char buf[800];
        brink_diag_format(&dg.items[0], buf, sizeof buf);
        const char *rel = strstr(buf, "bad/");
        assert_non_null(rel);
        assert_string_equal(rel, bad[k].msg);
    }
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
}

/* Fault injection: fail the k-th allocation for every k until the run
 * succeeds; each failure must be a clean BRINK_ENOMEM (ASan finds leaks). */
typedef struct fail_ud {
    long left;
} fail_ud_t;
static void *f_malloc(size_t n, void *ud)
{
    fail_ud_t *f = ud;
    if (f->left-- == 0)
        return NULL;
    return malloc(n);
}
static void *f_realloc(void *p, size_t n, void *ud)
{
    fail_ud_t *f = ud;
    if (f->left-- == 0)
        return NULL;
    return realloc(p, n);
}
static void f_free(void *p, void *ud)
{
    (void)ud;
    free(p);
}

static void test_fault_injection(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/ktab_dummyData_3Dim.csv", BRINK_TEST_DIR);
    char xpath[512];
    snprintf(xpath, sizeof xpath, "%s/forecast/ktab_smpExample-det.xml", BRINK_TEST_DIR);
    const char *files[2] = {path, xpath};
    for (int f = 0; f < 2; f++) {
        int ok = 0;
        for (long k = 0; k < 100000 && !ok; k++) {
            fail_ud_t ud = {-1};
            brink_allocator_t al = {f_malloc, f_realloc, f_free, &ud};
            brink_ctx_t *ctx = brink_ctx_new(&al);
            assert_non_null(ctx);
            ud.left = k;
            brink_diags_t dg;
            brink_diags_init(&dg);
            brink_fc_scenario_t *s = NULL;
            brink_status_t st = brink_fc_read(ctx, files[f], &s, &dg);
            if (st == BRINK_OK) {
                brink_smp_options_t o;
                brink_smp_options_default(&o);
                o.threads = 1;
                o.max_iter = 3;
                brink_fc_history_t *h = NULL;
                st = brink_smp_run(ctx, s, &o, &h);
                if (st == BRINK_OK) {
                    char *j = brink_smp_to_json(ctx, s, &o, h);
                    if (j)
                        ok = 1;
                    brink_free(ctx, j);
                } else {
                    assert_int_equal(st, BRINK_ENOMEM);
                }
                brink_fc_history_free(h);
            } else {
                assert_true(st == BRINK_ENOMEM || dg.count > 0);
            }
            ud.left = -1;
            brink_fc_scenario_free(s);
            brink_diags_clear(ctx, &dg);
            brink_ctx_free(ctx);
        }
        assert_true(ok);
    }
}

/* Only A's position is noisy (sd 10) and the three c*s weights are equal,
 * so the weighted mean's outcome has mean 50 and sd 10/3 (analytic). */
static void test_monte_carlo_analytic(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/mc-analytic.yaml", BRINK_TEST_DIR);
    brink_diags_t dg;
    brink_diags_init(&dg);
    brink_fc_scenario_t *s = NULL;
    assert_int_equal(brink_fc_read(ctx, path, &s, &dg), BRINK_OK);
    brink_mc_options_t o;
    brink_mc_options_default(&o);
    o.runs = 4000;
    o.seed = 11;
    o.model = 2;
    brink_mc_result_t r;
    assert_int_equal(brink_mc_run(ctx, s, &o, &r), BRINK_OK);
    assert_true(fabs(r.mean[0] - 50.0) < 0.25);
    assert_true(fabs(r.sd[0] - 10.0 / 3.0) < 0.15);
    assert_true(fabs(r.q50[0] - 50.0) < 0.3);
    /* 5 % and 95 % quantiles of N(50, (10/3)^2): 50 -/+ 1.645 * 10/3 */
    assert_true(fabs(r.q05[0] - (50.0 - 5.483)) < 0.4);
    assert_true(fabs(r.q95[0] - (50.0 + 5.483)) < 0.4);
    brink_mc_result_clear(ctx, &r);
    brink_fc_scenario_free(s);
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eu_example),
        cmocka_unit_test(test_compromise_analytic),
        cmocka_unit_test(test_csv_quirks_and_errors),
        cmocka_unit_test(test_fuzz_corpus),
        cmocka_unit_test(test_monte_carlo_threads),
        cmocka_unit_test(test_yaml),
        cmocka_unit_test(test_monte_carlo_analytic),
        cmocka_unit_test(test_fault_injection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
