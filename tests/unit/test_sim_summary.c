/* test_sim_summary.c - the per-run summary that experiments use agrees with
 * the traced run of the same key, and its output table matches the names
 * of outcomes, milestones and counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

static void test_output_names_follow_the_tables(void **state)
{
    (void)state;
    size_t n;
    const char *const *names = brink_sim_output_names(&n);
    assert_int_equal(n, BRINK_NOUTCOMES + 1 + BRINK_NMILESTONES + BRINK_NCOUNTS);
    size_t i = 0;
    char buf[64];
    for (int k = 0; k < BRINK_NOUTCOMES; k++)
        assert_string_equal(names[i++], brink_sim_outcome_name(k));
    assert_string_equal(names[i++], "deal_or_freeze");
    for (int k = 0; k < BRINK_NMILESTONES; k++) {
        snprintf(buf, sizeof buf, "%s_reached", brink_sim_milestone_name(k));
        assert_string_equal(names[i++], buf);
    }
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        snprintf(buf, sizeof buf, "%s_total", brink_sim_count_name(k));
        assert_string_equal(names[i++], buf);
    }
    const char *const *series = brink_sim_series_names();
    for (int k = 0; k < BRINK_NSERIES; k++)
        assert_string_equal(series[k], brink_sim_series_name(k));
}

/* Point 0 of the summary is the stream brink_sim_run uses: the outcome,
 * milestones and the totals of the traced events must agree. */
static void test_summary_matches_traced_run(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    assert_int_equal(brink_scenario_load(ctx, BRINK_SOURCE_DIR "/scenarios/korea.yaml", NULL, 0,
                                         &sc, &d),
                     BRINK_OK);
    brink_sim_t *sim = NULL;
    assert_int_equal(brink_sim_new(ctx, sc, &sim), BRINK_OK);
    brink_sim_trace_t *t = NULL;
    assert_int_equal(brink_sim_trace_new(ctx, sim, 100000, &t), BRINK_OK);
    for (uint32_t run = 0; run < 5; run++) {
        assert_int_equal(brink_sim_run(ctx, sim, 11, run, -1, t), BRINK_OK);
        brink_sim_summary_t s;
        static double series[BRINK_NSERIES * 300];
        assert_int_equal(brink_sim_run_summary(ctx, sim, 11, 0, run, -1, &s, series, 300),
                         BRINK_OK);
        assert_int_equal(s.outcome, t->outcome);
        for (int k = 0; k < BRINK_NMILESTONES; k++)
            assert_int_equal(s.milestones[k], t->milestones[k]);
        /* the monthly series of both runs agree month by month */
        for (size_t m = 0; m < t->nmonths && m < 300; m++)
            for (int k = 0; k < BRINK_NSERIES; k++)
                assert_true(series[(size_t)k * 300 + m] == t->months[m].v[k]);
        double v[64];
        brink_sim_summary_values(&s, v);
        assert_true(v[t->outcome] == 1.0);
        /* another design point is another stream */
        brink_sim_summary_t s2;
        assert_int_equal(brink_sim_run_summary(ctx, sim, 11, 1, run, -1, &s2, NULL, 0), BRINK_OK);
        (void)s2;
    }
    brink_sim_trace_free(ctx, t);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_output_names_follow_the_tables),
        cmocka_unit_test(test_summary_matches_traced_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
