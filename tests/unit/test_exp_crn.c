/* test_exp_crn.c - common random numbers: with `common_random_numbers:
 * true` every design point of a replication draws the same noise, so the
 * difference of a noisy linear model between two points of one
 * replication is exactly the difference of its linear parts; without it
 * the noise differs. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "brink/brink.h"

static const char EXP[] =
    "format: 1\nname: crn\nmodel: linear\nmodel_params: [2, -3]\nnoise: 1.5\nseed: 9\n"
    "replications: 3\ndesign: {type: random, n: 6}\n"
    "factors:\n"
    "  - {name: a, dist: uniform, min: 0, max: 1}\n"
    "  - {name: b, dist: uniform, min: 0, max: 1}\n";

/* max over replications and point pairs of |(y_p - y_q) - (lin_p - lin_q)| */
static double worst_gap(int crn)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char text[1024];
    snprintf(text, sizeof text, "%scommon_random_numbers: %s\n", EXP, crn ? "true" : "false");
    brink_diags_t d;
    brink_diags_init(&d);
    brink_experiment_t *e = NULL;
    assert_int_equal(brink_experiment_load_string(ctx, BRINK_SOURCE_DIR "/crn.yaml", text,
                                                  strlen(text), &e, &d),
                     BRINK_OK);
    brink_model_t m;
    assert_int_equal(brink_experiment_model_resolve(ctx, e, &m), BRINK_OK);
    char dir[] = "/tmp/brink-test-crn-XXXXXX";
    assert_non_null(mkdtemp(dir));
    brink_sweep_opts_t o = {dir, 1, 0, 0};
    brink_sweep_stats_t s;
    assert_int_equal(brink_sweep_run(ctx, e, &m, &o, &s), BRINK_OK);
    char path[256];
    snprintf(path, sizeof path, "%s/results.sqlite", dir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    /* y - (2a - 3b) is the noise of each run */
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT s.rep, s.value - (2 * a.value - 3 * b.value) "
                                        "FROM scalar s JOIN design a ON a.point = s.point AND "
                                        "a.factor = 0 JOIN design b ON b.point = s.point AND "
                                        "b.factor = 1 WHERE s.output = 0 ORDER BY s.rep, s.point",
                                        -1, &q, NULL),
                     SQLITE_OK);
    double first[3] = {NAN, NAN, NAN}, worst = 0;
    int rows = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        int rep = sqlite3_column_int(q, 0);
        double noise = sqlite3_column_double(q, 1);
        if (isnan(first[rep]))
            first[rep] = noise;
        worst = fmax(worst, fabs(noise - first[rep]));
        rows++;
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    assert_int_equal(rows, 18);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    brink_experiment_free(e);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    return worst;
}

static void test_common_random_numbers(void **state)
{
    (void)state;
    assert_true(worst_gap(1) < 1e-12);
    assert_true(worst_gap(0) > 0.1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_common_random_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
