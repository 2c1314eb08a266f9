/* test_exp_fault.c - fault injection for the experiment engine: loading
 * every shipped and every invalid experiment file and one with a
 * calibration posterior, and a whole sweep with analysis, with an
 * allocator that fails the N-th allocation, for every N.  Every failure
 * must be reported (never a crash) and free all it took. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "brink/brink.h"
#include "support/failing_alloc.h"







static void load_loop(const char *name, const char *text, size_t len)
{
    failing_t f = {-1, 0, 0};
    brink_allocator_t a = failing_allocator(&f);
    brink_ctx_t *ctx = brink_ctx_new(&a);
    assert_non_null(ctx);
    long base_live = f.live;
    brink_diags_t d;
    brink_diags_init(&d);
    brink_experiment_t *e = NULL;
    f.calls = 0;
    brink_status_t expect = brink_experiment_load_string(ctx, name, text, len, &e, &d);
    long total = f.calls;
    brink_experiment_free(e);
    brink_diags_clear(ctx, &d);
    assert_int_equal(f.live, base_live);
    for (long n = 0; n < total; n++) {
        f.countdown = n;
        e = NULL;
        brink_status_t st = brink_experiment_load_string(ctx, name, text, len, &e, &d);
        f.countdown = -1;
        if (st == BRINK_OK)
            assert_non_null(e);
        else
            assert_null(e);
        if (st != BRINK_ENOMEM && st != expect) {
            for (size_t q = 0; q < d.count; q++) fprintf(stderr, "  diag: %s\n", d.items[q].message);
            fprintf(stderr, "%s: allocation %ld failing gave %s, expected %s or ENOMEM\n", name,
                    n, brink_strerror(st), brink_strerror(expect));
            fail();
        }
        brink_experiment_free(e);
        brink_diags_clear(ctx, &d);
        if (f.live != base_live) {
            fprintf(stderr, "%s: allocation %ld failing leaked %ld blocks\n", name, n,
                    f.live - base_live);
            fail();
        }
    }
    brink_ctx_free(ctx);
    assert_int_equal(f.live, 0);
}

static void loop_dir(const char *dir, int nested, int *cases)
{
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    struct dirent *ent;
    while ((ent = readdir(dp)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        char path[1024];
        if (nested) {
            const char *names[] = {"input.yaml", "input.json"};
            for (int k = 0; k < 2; k++) {
                snprintf(path, sizeof path, "%s/%s/%s", dir, ent->d_name, names[k]);
                size_t len;
                char *text = slurp(path, &len);
                if (!text)
                    continue;
                load_loop(path, text, len);
                free(text);
                (*cases)++;
            }
        } else {
            snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
            size_t len;
            char *text = slurp(path, &len);
            assert_non_null(text);
            load_loop(path, text, len);
            free(text);
            (*cases)++;
        }
    }
    closedir(dp);
}

static void test_fault_experiment_files(void **state)
{
    (void)state;
    int cases = 0;
    loop_dir(BRINK_SOURCE_DIR "/scenarios/experiments", 0, &cases);
    assert_true(cases >= 4);
    cases = 0;
    loop_dir(BRINK_TEST_DIR "/suites/experiment-invalid", 1, &cases);
    assert_true(cases >= 20);
}

/* A valid experiment with a calibration posterior (the params key), on
 * the minimal scenario. */
static void test_fault_posterior(void **state)
{
    (void)state;
    char dir[] = "/tmp/brink-fault-post-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], text[1024];
    snprintf(path, sizeof path, "%s/posterior.csv", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("weight,params.nuclear_rate,params.missile_days\n1,0.1,2\n3,0.2,3\n", fp);
    fclose(fp);
    int len = snprintf(text, sizeof text,
                       "format: 1\nname: p\nmodel: crisis\nseed: 1\n"
                       "scenario: %s/suites/scenario-valid/minimal/input.yaml\nparams: %s\n"
                       "design: {type: random, n: 2}\nfactors:\n"
                       "  - {name: n, path: params.nuclear_rate, dist: uniform, min: 0, max: 1}\n",
                       BRINK_TEST_DIR, dir);
    /* it loads; factor n sets the posterior's first column, not its second */
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_experiment_t *e = NULL;
    assert_int_equal(brink_experiment_load_string(ctx, "p.yaml", text, (size_t)len, &e, &d),
                     BRINK_OK);
    assert_non_null(brink_experiment_posterior(e));
    assert_string_equal(brink_experiment_posterior_dir(e), dir);
    assert_int_equal(brink_experiment_posterior_factor(e, 0), 0);
    assert_true(brink_experiment_posterior_factor(e, 1) == SIZE_MAX);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
    load_loop("p.yaml", text, (size_t)len);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static const char SMALL[] = "format: 1\nname: f\nmodel: ishigami\nseed: 2\nreplications: 2\nsteps: 3\n"
                            "design: {type: sobol, n: 8}\nfactors:\n"
                            "  - {name: a, dist: uniform, min: -3, max: 3}\n"
                            "  - {name: b, dist: uniform, min: -3, max: 3}\n"
                            "  - {name: c, dist: uniform, min: -3, max: 3}\n";

/* A sweep (1 thread) and its analysis and export, with the N-th allocation
 * failing: the sweep reports ENOMEM or succeeds, and nothing leaks. */
static void test_fault_sweep(void **state)
{
    (void)state;
    failing_t f = {-1, 0, 0};
    brink_allocator_t a = failing_allocator(&f);
    brink_ctx_t *ctx = brink_ctx_new(&a);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_experiment_t *e = NULL;
    assert_int_equal(brink_experiment_load_string(ctx, "f.yaml", SMALL, strlen(SMALL), &e, &d),
                     BRINK_OK);
    long base_live = f.live;
    char dir[] = "/tmp/brink-fault-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -f %s/results.sqlite*", dir);
    FILE *null = fopen("/dev/null", "w");
    brink_sweep_opts_t o = {dir, 1, 0, 16};
    brink_sweep_stats_t s;
    f.calls = 0;
    assert_int_equal(brink_sweep_run(ctx, e, NULL, &o, &s), BRINK_OK);
    assert_int_equal(brink_analyze(ctx, dir, "sobol", NULL, 20, null, null), BRINK_OK);
    assert_int_equal(brink_export(ctx, dir, "json", "points", null), BRINK_OK);
    long total = f.calls;
    assert_int_equal(f.live, base_live);
    for (long n = 0; n < total; n++) {
        assert_int_equal(system(cmd), 0);
        f.countdown = n;
        brink_status_t st = brink_sweep_run(ctx, e, NULL, &o, &s);
        if (st == BRINK_OK)
            st = brink_analyze(ctx, dir, "sobol", NULL, 20, null, null);
        if (st == BRINK_OK)
            st = brink_export(ctx, dir, "json", "points", null);
        f.countdown = -1;
        if (st != BRINK_OK && st != BRINK_ENOMEM) {
            fprintf(stderr, "allocation %ld failing gave %s: %s\n", n, brink_strerror(st),
                    brink_ctx_errmsg(ctx));
            fail();
        }
        if (f.live != base_live) {
            fprintf(stderr, "allocation %ld failing leaked %ld blocks\n", n, f.live - base_live);
            fail();
        }
    }
    fclose(null);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
    assert_int_equal(f.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fault_experiment_files),
        cmocka_unit_test(test_fault_posterior),
        cmocka_unit_test(test_fault_sweep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
