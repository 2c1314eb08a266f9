/* test_play.c - play sessions and comparisons (brink/play.h, brink_sim_compare):
 * the menu's chances form a distribution; a decision off the menu changes
 * nothing; the advisor repeats itself; a replayed log gives the same
 * events; a comparison of a model with itself differs by exactly 0, its
 * baseline means are those of the runs made one by one with
 * brink_sim_run_summary, and it is the same for 1 and 2 threads. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

typedef struct fixture {
    brink_ctx_t *ctx;
    brink_scenario_t *sc, *sc2;
    brink_sim_t *sim, *sim2;
} fixture_t;

static int setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    f->ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    static const char *const sets[] = {"params.rivalry=0.8", "dyads[6].enforcement=0.9"};
    if (brink_scenario_load(f->ctx, BRINK_SOURCE_DIR "/scenarios/korea.yaml", NULL, 0, &f->sc,
                            &d) != BRINK_OK ||
        brink_scenario_load(f->ctx, BRINK_SOURCE_DIR "/scenarios/korea.yaml", sets, 2, &f->sc2,
                            &d) != BRINK_OK ||
        brink_sim_new(f->ctx, f->sc, &f->sim) != BRINK_OK ||
        brink_sim_new(f->ctx, f->sc2, &f->sim2) != BRINK_OK)
        return -1;
    brink_diags_clear(f->ctx, &d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    brink_sim_free(f->sim);
    brink_sim_free(f->sim2);
    brink_scenario_free(f->sc);
    brink_scenario_free(f->sc2);
    brink_ctx_free(f->ctx);
    free(f);
    return 0;
}

static void test_menu_is_a_distribution(void **state)
{
    fixture_t *f = *state;
    brink_play_t *p = NULL;
    assert_int_equal(brink_play_new(f->ctx, f->sim, 3, 0, brink_play_actor_index(f->sim, "USA"), &p),
                     BRINK_OK);
    for (int m = 0; m < 24; m++) {
        brink_play_menu_t mn;
        assert_int_equal(brink_play_menu(f->ctx, p, &mn), BRINK_OK);
        assert_int_equal(mn.month, brink_play_month(p));
        assert_true(mn.n >= 3 && mn.action[0] == BRINK_PLAY_WAIT);
        double sp = 0.0, sq = mn.q_several;
        for (int k = 0; k < mn.n; k++) {
            sp += mn.p[k];
            sq += mn.q[k];
        }
        assert_true(fabs(sp - 1.0) < 1e-12);
        assert_true(fabs(sq - 1.0) < 1e-12);
        assert_int_equal(brink_play_decide(f->ctx, p, mn.action[m % mn.n], m % 3), BRINK_OK);
    }
    brink_play_free(p);
    brink_play_free(NULL);
}

static void test_off_menu_changes_nothing(void **state)
{
    fixture_t *f = *state;
    brink_play_t *p = NULL;
    assert_int_equal(brink_play_new(f->ctx, f->sim, 3, 0, brink_play_actor_index(f->sim, "USA"), &p),
                     BRINK_OK);
    int m0 = brink_play_month(p);
    /* the USA has no aid on its menu before talks or a deal */
    assert_int_equal(brink_play_decide(f->ctx, p, BRINK_PLAY_AID, 0), BRINK_EINVAL);
    assert_int_equal(brink_play_decide(f->ctx, p, BRINK_PLAY_WAIT, 7), BRINK_EINVAL);
    assert_int_equal(brink_play_month(p), m0);
    assert_int_equal(brink_play_decisions(p, NULL, NULL, NULL), 0);
    brink_play_free(p);
    /* the target and an actor without a menu cannot be played */
    assert_int_equal(brink_play_new(f->ctx, f->sim, 3, 0, brink_play_actor_index(f->sim, "DPRK"), &p),
                     BRINK_EINVAL);
    assert_null(p);
    assert_int_equal(brink_play_new(f->ctx, f->sim, 3, 0, 99, &p), BRINK_EINVAL);
}

static void test_advisor_repeats_and_replay_matches(void **state)
{
    fixture_t *f = *state;
    brink_play_t *p = NULL, *q = NULL;
    assert_int_equal(brink_play_new(f->ctx, f->sim, 5, 2, brink_play_actor_index(f->sim, "ROK"), &p),
                     BRINK_OK);
    for (int m = 0; m < 12; m++)
        assert_int_equal(brink_play_decide(f->ctx, p, m % 2 ? BRINK_PLAY_SANCTION : BRINK_PLAY_WAIT,
                                           m % 3),
                         BRINK_OK);
    brink_play_outlook_t a, b;
    assert_int_equal(brink_play_lookahead(f->ctx, p, BRINK_PLAY_WAIT, 0, 50, 12, &a), BRINK_OK);
    assert_int_equal(brink_play_lookahead(f->ctx, p, BRINK_PLAY_WAIT, 0, 50, 12, &b), BRINK_OK);
    assert_memory_equal(&a, &b, sizeof a);
    assert_true(a.p_nuclear >= 0 && a.p_nuclear <= 1 && a.runs == 50 && a.months == 12);
    assert_int_equal(brink_play_lookahead(f->ctx, p, BRINK_PLAY_WAIT, 0, 0, 12, &b), BRINK_EINVAL);
    /* the log, parsed and replayed, makes the same events */
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(brink_play_log_write(p, NULL, fp), BRINK_OK);
    fclose(fp);
    brink_play_log_t log;
    assert_int_equal(brink_play_log_parse(f->ctx, "mem", buf, len, &log), BRINK_OK);
    assert_int_equal(log.n, 12);
    assert_int_equal(log.run, 2);
    assert_int_equal(brink_play_replay(f->ctx, f->sim, "mem", &log, &q), BRINK_OK);
    const brink_sim_trace_t *t1 = brink_play_trace(p), *t2 = brink_play_trace(q);
    assert_int_equal(t1->nevents, t2->nevents);
    for (size_t k = 0; k < t1->nevents; k++) {
        assert_int_equal(t1->events[k].month, t2->events[k].month);
        assert_int_equal(t1->events[k].kind, t2->events[k].kind);
        assert_string_equal(t1->events[k].detail, t2->events[k].detail);
    }
    brink_play_log_free(f->ctx, &log);
    free(buf);
    brink_play_free(p);
    brink_play_free(q);
}

static void test_compare(void **state)
{
    fixture_t *f = *state;
    enum { RUNS = 600 }; /* more than one block of 512 */
    size_t n;
    brink_sim_output_names(&n);
    brink_compare_t *same = NULL, *c1 = NULL, *c2 = NULL;
    assert_int_equal(brink_sim_compare(f->ctx, f->sim, f->sim, 4, RUNS, 2, -1, &same), BRINK_OK);
    assert_int_equal(brink_sim_compare(f->ctx, f->sim, f->sim2, 4, RUNS, 1, -1, &c1), BRINK_OK);
    assert_int_equal(brink_sim_compare(f->ctx, f->sim, f->sim2, 4, RUNS, 2, -1, &c2), BRINK_OK);
    /* the baseline's means, run by run */
    double *mean = calloc(n, sizeof *mean), *v = calloc(n, sizeof *v);
    for (uint32_t r = 0; r < RUNS; r++) {
        brink_sim_summary_t s;
        brink_sim_run_summary(f->ctx, f->sim, 4, 0, r, -1, &s, NULL, 0);
        brink_sim_summary_values(&s, v);
        for (size_t k = 0; k < n; k++)
            mean[k] += v[k];
    }
    int differs = 0;
    for (size_t k = 0; k < n; k++) {
        double a, b, d, lo, hi, a1, b1, d1, lo1, hi1;
        brink_compare_output(same, k, &a, &b, &d, &lo, &hi);
        assert_true(d == 0.0 && lo == 0.0 && hi == 0.0 && a == b);
        assert_true(fabs(a - mean[k] / RUNS) <= 1e-9 * fmax(1.0, fabs(a)));
        brink_compare_output(c1, k, &a1, &b1, &d1, &lo1, &hi1);
        brink_compare_output(c2, k, &a, &b, &d, &lo, &hi);
        assert_memory_equal(&a1, &a, sizeof a);
        assert_memory_equal(&b1, &b, sizeof b);
        assert_memory_equal(&lo1, &lo, sizeof lo);
        assert_memory_equal(&hi1, &hi, sizeof hi);
        assert_true(lo <= d && d <= hi);
        assert_true(fabs(d - (b - a)) < 1e-9 * fmax(1.0, fabs(b)));
        differs |= d != 0.0;
    }
    assert_true(differs); /* the what-if's levers change something */
    assert_int_equal(brink_compare_runs(c1), RUNS);
    free(mean);
    free(v);
    brink_compare_free(f->ctx, same);
    brink_compare_free(f->ctx, c1);
    brink_compare_free(f->ctx, c2);
    brink_compare_free(f->ctx, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_menu_is_a_distribution),
        cmocka_unit_test(test_off_menu_changes_nothing),
        cmocka_unit_test(test_advisor_repeats_and_replay_matches),
        cmocka_unit_test(test_compare),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
