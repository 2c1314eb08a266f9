/* test_writers.c - every public writer returns a status: BRINK_OK on a
 * file that takes the bytes, BRINK_EIO on /dev/full (which fails every
 * write with ENOSPC), instead of losing the error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

typedef struct fixture {
    brink_ctx_t *ctx;
    brink_scenario_t *sc;
    brink_sim_t *sim;
    brink_sim_trace_t *tr;
    brink_ensemble_t *ens;
} fixture_t;

static int setup(void **state)
{
    static fixture_t f;
    brink_diags_t d;
    brink_diags_init(&d);
    f.ctx = brink_ctx_new(NULL);
    assert_non_null(f.ctx);
    assert_int_equal(brink_scenario_load(f.ctx, BRINK_SOURCE_DIR "/scenarios/korea.yaml", NULL, 0,
                                         &f.sc, &d),
                     BRINK_OK);
    brink_diags_clear(f.ctx, &d);
    assert_int_equal(brink_sim_new(f.ctx, f.sc, &f.sim), BRINK_OK);
    assert_int_equal(brink_sim_trace_new(f.ctx, f.sim, 4096, &f.tr), BRINK_OK);
    assert_int_equal(brink_sim_run(f.ctx, f.sim, 1, 0, -1, f.tr), BRINK_OK);
    assert_int_equal(brink_sim_ensemble(f.ctx, f.sim, 1, 4, 1, -1, &f.ens), BRINK_OK);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    brink_ensemble_free(f->ens);
    brink_sim_trace_free(f->ctx, f->tr);
    brink_sim_free(f->sim);
    brink_scenario_free(f->sc);
    brink_ctx_free(f->ctx);
    return 0;
}

/* Calls writer k on fp. */
static brink_status_t write_one(const fixture_t *f, int k, FILE *fp)
{
    switch (k) {
    case 0: return brink_scenario_write_reference(fp);
    case 1: return brink_experiment_write_reference(fp);
    case 2: return brink_sim_write_narrative(f->sim, f->tr, fp);
    case 3: return brink_sim_write_events_csv(f->sim, f->tr, 0, 1, fp);
    case 4: return brink_sim_write_series_csv(f->sim, f->tr, fp);
    case 5: return brink_ensemble_write_series_csv(f->ens, fp);
    case 6: return brink_ensemble_write_text(f->ens, fp);
    default: return brink_ensemble_write_json(f->ens, fp);
    }
}

static void test_writers_report_success(void **state)
{
    const fixture_t *f = *state;
    for (int k = 0; k < 8; k++) {
        FILE *fp = tmpfile();
        assert_non_null(fp);
        assert_int_equal(write_one(f, k, fp), BRINK_OK);
        assert_true(ftell(fp) > 0);
        fclose(fp);
    }
}

static void test_writers_report_write_errors(void **state)
{
    const fixture_t *f = *state;
    for (int k = 0; k < 8; k++) {
        FILE *fp = fopen("/dev/full", "w");
        if (!fp)
            skip();
        assert_int_equal(write_one(f, k, fp), BRINK_EIO);
        fclose(fp);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_writers_report_success),
        cmocka_unit_test(test_writers_report_write_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
