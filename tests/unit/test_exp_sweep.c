/* test_exp_sweep.c - experiments on a scenario (factor paths checked
 * against it), sweeps into the store, failing runs recorded without
 * stopping, resume without duplicates, reading back with analyze/export. */
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

#define EXP_NAME BRINK_SOURCE_DIR "/scenarios/experiments/t.yaml"

static brink_status_t load(brink_ctx_t *ctx, const char *text, brink_experiment_t **e,
                           char *first, size_t size)
{
    brink_diags_t d;
    brink_diags_init(&d);
    brink_status_t st = brink_experiment_load_string(ctx, EXP_NAME, text, strlen(text), e, &d);
    if (first) {
        first[0] = '\0';
        if (d.count)
            brink_diag_format(&d.items[0], first, size);
    }
    brink_diags_clear(ctx, &d);
    return st;
}

static const char LEVERS[] =
    "format: 1\nname: t\nmodel: crisis\nscenario: ../korea.yaml\nseed: 1\n"
    "design: {type: lhs, n: 4}\nfactors:\n"
    "  - {name: risk, path: 'actors[DPRK].leaders[0].risk', dist: uniform, min: -0.5, max: 0.5}\n"
    "  - {name: rivalry, path: params.rivalry, dist: levels, levels: [0.1, 0.5, 0.9]}\n";

static void test_factor_paths_checked_against_scenario(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = NULL;
    char msg[1024];
    assert_int_equal(load(ctx, LEVERS, &e, msg, sizeof msg), BRINK_OK);
    assert_string_equal(brink_experiment_factor_path(e, 1), "params.rivalry");
    assert_int_equal(strlen(brink_experiment_scenario_hash(e)), 64);
    /* the crisis model resolves to the simulation's named outputs */
    brink_model_t m;
    assert_int_equal(brink_experiment_model_resolve(ctx, e, &m), BRINK_OK);
    assert_string_equal(m.name, "crisis");
    assert_string_equal(m.outputs[0], "war");
    brink_experiment_free(e);

    char bad[2048];
    snprintf(bad, sizeof bad, "%s", LEVERS);
    char *p = strstr(bad, "params.rivalry");
    memcpy(p, "params.rivalri", 14);
    assert_int_equal(load(ctx, bad, &e, msg, sizeof msg), BRINK_EVALIDATE);
    assert_null(e);
    assert_non_null(strstr(msg, "t.yaml:9:"));
    assert_non_null(strstr(msg, "factors[1].path: 'params.rivalri' is not a number in the "
                                "scenario"));
    /* out of the field's range: risk is in [-1, 1] */
    snprintf(bad, sizeof bad, "%s", LEVERS);
    p = strstr(bad, "max: 0.5");
    memcpy(p, "max: 1.5", 8);
    assert_int_equal(load(ctx, bad, &e, msg, sizeof msg), BRINK_EVALIDATE);
    assert_non_null(strstr(msg, "out of range"));
    brink_ctx_free(ctx);
}

/* A model that fails on every third point, to check failures are kept. */
static const char *const two_outputs[] = {"first", "y"};
static brink_status_t flaky(brink_ctx_t *ctx, const brink_model_input_t *in,
                            brink_model_output_t *out, void *ud)
{
    (void)ud;
    if (in->point % 3 == 2)
        return brink_ctx_error(ctx, BRINK_ENUMERIC, "no convergence at point %u", in->point);
    brink_rng_t rng;
    brink_rng_init(&rng, in->seed, in->point, in->rep, BRINK_STREAM_SIM);
    out->scalars[1] = in->x[0] + in->x[1] + brink_rng_uniform(&rng);
    out->scalars[0] = in->x[0];
    return BRINK_OK;
}

static int count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q;
    int n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return n;
}

static int stop_after;
static int stop_now(void *ud)
{
    (void)ud;
    return --stop_after < 0;
}

static void test_sweep_failures_and_resume(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = NULL;
    assert_int_equal(load(ctx, "format: 1\nname: f\nmodel: linear\nseed: 4\nreplications: 3\n"
                               "design: {type: random, n: 30}\nfactors:\n"
                               "  - {name: a, dist: uniform, min: 0, max: 1}\n"
                               "  - {name: b, dist: triangular, min: 0, mode: 0.2, max: 1}\n",
                          &e, NULL, 0),
                     BRINK_OK);
    brink_model_t m = {"flaky", two_outputs, 2, flaky, NULL, NULL, 0, 0, NULL};
    char dir[] = "/tmp/brink-test-sweep-XXXXXX";
    assert_non_null(mkdtemp(dir));
    brink_sweep_opts_t o = {dir, 2, 0, 7};
    brink_sweep_stats_t s;
    /* interrupted after a few batches */
    stop_after = 3;
    brink_ctx_set_interrupt(ctx, stop_now, NULL);
    assert_int_equal(brink_sweep_run(ctx, e, &m, &o, &s), BRINK_EINTERRUPT);
    assert_true(s.done > 0 && s.done < 90);
    uint64_t first = s.done;
    /* a second run without --resume refuses */
    brink_ctx_set_interrupt(ctx, NULL, NULL);
    assert_int_equal(brink_sweep_run(ctx, e, &m, &o, &s), BRINK_EDB);
    o.resume = 1;
    assert_int_equal(brink_sweep_run(ctx, e, &m, &o, &s), BRINK_OK);
    assert_int_equal(s.total, 90);
    assert_int_equal(s.skipped, first);
    assert_int_equal(s.skipped + s.done, 90);
    /* resuming a complete sweep does nothing */
    assert_int_equal(brink_sweep_run(ctx, e, &m, &o, &s), BRINK_OK);
    assert_int_equal(s.done, 0);

    char path[256];
    snprintf(path, sizeof path, "%s/results.sqlite", dir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(count(db, "SELECT count(*) FROM run"), 90);
    assert_int_equal(count(db, "SELECT count(*) FROM run WHERE status = 'error'"), 30);
    assert_int_equal(count(db, "SELECT count(*) FROM run WHERE error = 'no convergence at point 2'"), 3);
    assert_int_equal(count(db, "SELECT count(*) FROM scalar"), 60); /* only y is kept */
    assert_int_equal(count(db, "SELECT count(*) FROM design"), 60);
    assert_int_equal(count(db, "SELECT count(*) FROM point_summary"), 30);
    assert_int_equal(count(db, "SELECT count(*) FROM point_summary WHERE failed = 3 AND n = 0"), 10);
    assert_int_equal(count(db, "SELECT count(*) FROM point_summary WHERE n = 3 AND sd > 0 AND "
                               "min < mean AND mean < max"), 20);
    assert_int_equal(count(db, "SELECT count(*) FROM manifest WHERE key = 'status' AND value = "
                               "'complete'"), 1);
    sqlite3_close(db);

    /* a different experiment file may not resume this store */
    brink_experiment_t *e2 = NULL;
    assert_int_equal(load(ctx, "format: 1\nname: other\nmodel: linear\nseed: 4\n"
                               "design: {type: random, n: 30}\nfactors:\n"
                               "  - {name: a, dist: uniform, min: 0, max: 1}\n"
                               "  - {name: b, dist: uniform, min: 0, max: 1}\n", &e2, NULL, 0),
                     BRINK_OK);
    assert_int_equal(brink_sweep_run(ctx, e2, &m, &o, &s), BRINK_EDB);
    assert_non_null(strstr(brink_ctx_errmsg(ctx), "different experiment"));

    /* summary and export read it back; sobol refuses a random design */
    FILE *devnull = fopen("/dev/null", "w");
    assert_int_equal(brink_analyze(ctx, dir, "summary", "y", 0, devnull, devnull), BRINK_OK);
    assert_int_equal(brink_analyze(ctx, dir, "sobol", "y", 10, devnull, devnull), BRINK_EINVAL);
    assert_int_equal(brink_analyze(ctx, dir, "summary", "nope", 0, devnull, devnull),
                     BRINK_ENOTFOUND);
    assert_int_equal(brink_export(ctx, dir, "csv", "runs", devnull), BRINK_OK);
    assert_int_equal(brink_export(ctx, dir, "json", "points", devnull), BRINK_OK);
    assert_int_equal(brink_export(ctx, dir, "xml", "runs", devnull), BRINK_EINVAL);
    fclose(devnull);
    assert_int_equal(brink_analyze(ctx, "/nonexistent/dir", "summary", NULL, 0, NULL, NULL),
                     BRINK_EIO);

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    brink_experiment_free(e);
    brink_experiment_free(e2);
    brink_ctx_free(ctx);
}

/* A model that reports what it sees in the scenario, to check that the
 * factor values are applied to the worker's scenario before each run. */
/* A stand-in for the crisis model that reports the factor values its
 * scenario holds; its outputs carry two of the crisis model's names so that
 * the experiment (model: crisis, outputs: [war, regime_collapse]) validates:
 * "war" is the risk seen, "regime_collapse" the rivalry seen. */
static const char *const seen_outputs[] = {"war", "regime_collapse"};
static brink_status_t seen(brink_ctx_t *ctx, const brink_model_input_t *in,
                           brink_model_output_t *out, void *ud)
{
    (void)ud;
    brink_status_t st;
    if ((st = brink_scenario_get_number(ctx, in->scenario, "actors[DPRK].leaders[0].risk",
                                        &out->scalars[0])) != BRINK_OK ||
        (st = brink_scenario_get_number(ctx, in->scenario, "params.rivalry",
                                        &out->scalars[1])) != BRINK_OK)
        return st;
    return BRINK_OK;
}

static void test_factors_applied_to_scenario(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = NULL;
    char text[2048];
    snprintf(text, sizeof text, "%soutputs: [regime_collapse, war]\n", LEVERS);
    char *p = strstr(text, "n: 4}");
    memcpy(p, "n: 9}", 5);
    assert_int_equal(load(ctx, text, &e, NULL, 0), BRINK_OK);
    brink_model_t m = {"seen", seen_outputs, 2, seen, NULL, NULL, 0, 0, NULL};
    char dir[] = "/tmp/brink-test-seen-XXXXXX";
    assert_non_null(mkdtemp(dir));
    brink_sweep_opts_t o = {dir, 2, 0, 4};
    brink_sweep_stats_t s;
    assert_int_equal(brink_sweep_run(ctx, e, &m, &o, &s), BRINK_OK);
    assert_int_equal(s.failed, 0);
    char path[256];
    snprintf(path, sizeof path, "%s/results.sqlite", dir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    /* output 0 (regime_collapse: the rivalry seen) equals factor 1 (rivalry),
     * output 1 (war: the risk seen) equals factor 0 */
    assert_int_equal(count(db, "SELECT count(*) FROM scalar s JOIN design d ON d.point = s.point "
                               "WHERE (s.output = 0 AND d.factor = 1 OR s.output = 1 AND "
                               "d.factor = 0) AND s.value = d.value"), 18);
    assert_int_equal(count(db, "SELECT count(DISTINCT value) FROM design WHERE factor = 0"), 9);
    sqlite3_close(db);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_factor_paths_checked_against_scenario),
        cmocka_unit_test(test_sweep_failures_and_resume),
        cmocka_unit_test(test_factors_applied_to_scenario),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
