/* test_exp_series.c - series bands against their analytic distribution:
 * the linear model's series "path" at step t is normal with mean
 * y (t+1)/T and sd noise sqrt(t+1) over the replications, so the stored
 * n, mean and quantiles must match those of that normal distribution. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "brink/brink.h"

static const char EXP[] = "format: 1\nname: s\nmodel: linear\nmodel_params: [1, 2]\n"
                          "noise: 0.5\nsteps: 12\nseed: 8\nreplications: 2000\n"
                          "series: {keep: %s, quantiles: [0.1, 0.5, 0.9]}\n"
                          "design:\n  type: list\n  points:\n"
                          "    - {values: [0.5, 0.5]}\n    - {values: [1, 1]}\nfactors:\n"
                          "  - {name: a, dist: uniform, min: 0, max: 1}\n"
                          "  - {name: b, dist: uniform, min: 0, max: 1}\n";

static double value(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q;
    double v = NAN;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_double(q, 0);
    sqlite3_finalize(q);
    return v;
}

static sqlite3 *sweep(brink_ctx_t *ctx, const char *keep, char *dir)
{
    char text[1024];
    snprintf(text, sizeof text, EXP, keep);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_experiment_t *e = NULL;
    assert_int_equal(brink_experiment_load_string(ctx, "s.yaml", text, strlen(text), &e, &d),
                     BRINK_OK);
    assert_int_equal(brink_experiment_nseries(e), 1);
    assert_string_equal(brink_experiment_series(e, 0), "path");
    assert_int_equal(brink_experiment_max_steps(e), 12);
    assert_non_null(mkdtemp(dir));
    brink_sweep_opts_t o = {dir, 2, 0, 97}; /* points complete across batches */
    brink_sweep_stats_t s;
    assert_int_equal(brink_sweep_run(ctx, e, NULL, &o, &s), BRINK_OK);
    brink_experiment_free(e);
    char path[256];
    snprintf(path, sizeof path, "%s/results.sqlite", dir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    return db;
}

static void test_bands(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char dir[] = "/tmp/brink-series-XXXXXX";
    sqlite3 *db = sweep(ctx, "bands", dir);
    static const double y[2] = {1.5, 3.0}, z90 = 1.2815515655446004;
    for (int p = 0; p < 2; p++)
        for (int t = 0; t < 12; t++) {
            double mu = y[p] * (t + 1) / 12.0, sd = 0.5 * sqrt(t + 1.0);
            char sql[256];
#define BAND(stat)                                                                              \
    (snprintf(sql, sizeof sql,                                                                  \
              "SELECT value FROM series_band WHERE point=%d AND series=0 AND step=%d AND "      \
              "stat='%s'", p, t, stat),                                                          \
     value(db, sql))
            assert_true(BAND("n") == 2000);
            assert_true(fabs(BAND("mean") - mu) < 4 * sd / sqrt(2000));
            /* quantile standard error about 0.04 sd: allow 0.2 sd */
            assert_true(fabs(BAND("q0.5") - mu) < 0.2 * sd);
            assert_true(fabs(BAND("q0.1") - (mu - z90 * sd)) < 0.2 * sd);
            assert_true(fabs(BAND("q0.9") - (mu + z90 * sd)) < 0.2 * sd);
        }
    /* bands only: the per-run values are dropped once a point is complete */
    assert_true(value(db, "SELECT count(*) FROM series_value") == 0);
    assert_true(value(db, "SELECT count(*) FROM series_band") == 2 * 12 * 5);
    assert_true(value(db, "SELECT count(*) FROM series WHERE name = 'path'") == 1);
    sqlite3_close(db);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    brink_ctx_free(ctx);
}

static void test_keep_all_and_none(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char dir[] = "/tmp/brink-series-XXXXXX";
    sqlite3 *db = sweep(ctx, "all", dir);
    assert_true(value(db, "SELECT count(*) FROM series_value") == 2 * 2000 * 12);
    assert_true(value(db, "SELECT count(*) FROM series_band") == 2 * 12 * 5);
    /* the mean band is the mean of the kept values */
    assert_true(fabs(value(db, "SELECT avg(value) FROM series_value WHERE point=1 AND step=11") -
                     value(db, "SELECT value FROM series_band WHERE point=1 AND step=11 AND "
                               "stat='mean'")) < 1e-12);
    sqlite3_close(db);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);

    char text[1024];
    snprintf(text, sizeof text, EXP, "none");
    brink_diags_t d;
    brink_diags_init(&d);
    brink_experiment_t *e = NULL;
    assert_int_equal(brink_experiment_load_string(ctx, "s.yaml", text, strlen(text), &e, &d),
                     BRINK_OK);
    assert_int_equal(brink_experiment_nseries(e), 0);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bands),
        cmocka_unit_test(test_keep_all_and_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
