/* test_sim_cases.c - other cases with the flagship's parameters: the
 * scenarios of scenarios/cases/ run over the shipped posterior of the
 * flagship (scenarios/korea.posterior), 2,000 runs each.  Only case facts
 * differ between the files.  The figures are printed for docs/validation.md;
 * the criteria of the model issue that the model meets are asserted, those
 * it does not yet meet are printed as such (docs/validation.md lists them
 * under "where the model loses"). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

#define RUNS 2000u
/* criteria the model does not meet yet (docs/validation.md): printed, not asserted */
#define IRAN_AGREEMENT_ASSERTED 1
#define DPRK94_FREEZE_ASSERTED 1
#define DPRK94_TEST_ASSERTED 0
#define DPRK94_NODEAL_ASSERTED 1
#define SEED 1u

typedef struct stats {
    uint32_t runs;
    uint32_t outcome[BRINK_NOUTCOMES];
    uint32_t nuclear_any, missile_any;
    uint32_t deal_by_2004_holds;   /* Libya */
    uint32_t agreement_2013_2015;  /* Iran: a freeze or deal signed in 2013-2015 */
    uint32_t freeze_4y;            /* DPRK 1994: a freeze or deal kept at least 48 months */
    uint32_t nuclear_2006_2009;    /* DPRK 1994: first nuclear test in 2006-2009 */
    uint32_t comprehensive;        /* a comprehensive deal signed */
    uint32_t disarmed;             /* the programme dismantled, by a deal or unilaterally */
} stats_t;

static int ym(int y, int m)
{
    return y * 12 + m - 1;
}

static void run_case_set(const char *file, const char *const *sets, size_t nsets, stats_t *st)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    brink_posterior_t *post = NULL;
    memset(st, 0, sizeof *st);
    assert_int_equal(brink_scenario_load(ctx, file, sets, nsets, &sc, &d), BRINK_OK);
    assert_int_equal(brink_posterior_load(ctx, BRINK_SOURCE_DIR "/scenarios/korea.posterior",
                                          &post, &d),
                     BRINK_OK);
    assert_int_equal(brink_posterior_check(ctx, post, sc, &d), BRINK_OK);
    brink_sim_trace_t *tr = NULL;
    for (uint32_t r = 0; r < RUNS; r++) {
        uint32_t set = brink_posterior_pick(post, SEED, 0, r);
        assert_int_equal(brink_posterior_apply(ctx, post, set, sc, NULL, NULL), BRINK_OK);
        brink_sim_t *sim = NULL;
        assert_int_equal(brink_sim_new(ctx, sc, &sim), BRINK_OK);
        if (!tr)
            assert_int_equal(brink_sim_trace_new(ctx, sim, 1 << 14, &tr), BRINK_OK);
        assert_int_equal(brink_sim_run(ctx, sim, SEED, r, -1, tr), BRINK_OK);
        assert_false(tr->overflow);
        st->runs++;
        st->outcome[tr->outcome]++;
        int first_nuc = tr->milestones[BRINK_MILESTONE_NUCLEAR];
        st->nuclear_any += first_nuc >= 0;
        st->nuclear_2006_2009 += first_nuc >= ym(2006, 1) && first_nuc <= ym(2009, 12);
        int deal = tr->milestones[BRINK_MILESTONE_DEAL];
        st->comprehensive += deal >= 0;
        st->disarmed += tr->outcome == BRINK_OUTCOME_DEAL;
        st->deal_by_2004_holds += deal >= 0 && deal <= ym(2004, 12) &&
                                  tr->outcome == BRINK_OUTCOME_DEAL;
        /* agreements with costly steps: signing and ending events */
        int signed_at = -1, longest = 0, missile = 0, in_window = 0;
        for (size_t i = 0; i < tr->nevents; i++) {
            const brink_sim_event_t *e = &tr->events[i];
            if (strcmp(e->action, "missile_test") == 0)
                missile = 1;
            int deal_kind = strcmp(e->action, "partial_deal_freeze") == 0 ||
                            strcmp(e->action, "comprehensive_deal") == 0;
            if (deal_kind) {
                if (e->month >= ym(2013, 1) && e->month <= ym(2015, 12))
                    in_window = 1;
                if (signed_at < 0)
                    signed_at = e->month;
            }
            if (strcmp(e->action, "renege") == 0 && signed_at >= 0 &&
                strstr(e->detail, "declaratory") == NULL) {
                if (e->month - signed_at > longest)
                    longest = e->month - signed_at;
                signed_at = -1;
            }
        }
        if (signed_at >= 0 && tr->end_month - signed_at > longest)
            longest = tr->end_month - signed_at;
        st->freeze_4y += longest >= 48;
        st->agreement_2013_2015 += in_window;
        st->missile_any += missile;
        brink_sim_free(sim);
    }
    brink_sim_trace_free(ctx, tr);
    brink_posterior_free(post);
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

static void run_case(const char *file, stats_t *st)
{
    run_case_set(file, NULL, 0, st);
}

static double share(uint32_t x, const stats_t *s)
{
    return (double)x / s->runs;
}

static void print_outcomes(const char *name, const stats_t *s)
{
    print_message("%s: %u runs; outcomes at the horizon: war %.3f, collapse %.3f, "
                  "comprehensive deal %.3f, freeze %.3f, status quo %.3f\n",
                  name, s->runs, share(s->outcome[0], s), share(s->outcome[1], s),
                  share(s->outcome[2], s), share(s->outcome[3], s), share(s->outcome[4], s));
}

static void report(const char *what, double p, const char *cmp, double bound, int asserted)
{
    int ok = strcmp(cmp, ">=") == 0 ? p >= bound : p < bound;
    print_message("  %-62s %.3f (criterion %s %.2f: %s%s)\n", what, p, cmp, bound,
                  ok ? "met" : "NOT MET", asserted ? "" : ", not asserted");
    if (asserted)
        assert_true(ok);
}

static void test_libya(void **state)
{
    (void)state;
    stats_t s;
    run_case(BRINK_SOURCE_DIR "/scenarios/cases/libya-2001.yaml", &s);
    print_outcomes("Libya 2001-2006", &s);
    report("P(rollback deal by 2004 that holds to 2006)", share(s.deal_by_2004_holds, &s), ">=",
           0.5, 1);
    report("P(a nuclear test)", share(s.nuclear_any, &s), "<", 0.05, 1);
    report("P(a missile test)", share(s.missile_any, &s), "<", 0.05, 0);
}

static void test_iran(void **state)
{
    (void)state;
    stats_t s;
    run_case(BRINK_SOURCE_DIR "/scenarios/cases/iran-2012.yaml", &s);
    print_outcomes("Iran 2012-2016", &s);
    report("P(a freeze or deal signed in 2013-2015)", share(s.agreement_2013_2015, &s), ">=", 0.5,
           IRAN_AGREEMENT_ASSERTED);
    report("P(an agreement in force at end-2016)",
           share(s.outcome[BRINK_OUTCOME_FREEZE] + s.outcome[BRINK_OUTCOME_DEAL], &s), ">=", 0.5, 1);
    report("P(a nuclear test)", share(s.nuclear_any, &s), "<", 0.1, 1);
}

static void test_dprk_1994(void **state)
{
    (void)state;
    stats_t s;
    run_case(BRINK_SOURCE_DIR "/scenarios/cases/dprk-1994.yaml", &s);
    print_outcomes("DPRK 1994-2008", &s);
    report("P(a freeze or deal kept at least four years)", share(s.freeze_4y, &s), ">=", 0.5,
           DPRK94_FREEZE_ASSERTED);
    report("P(first nuclear test in 2006-2009)", share(s.nuclear_2006_2009, &s), ">=", 0.5,
           DPRK94_TEST_ASSERTED);
    report("P(a comprehensive deal signed)", share(s.comprehensive, &s), "<", 0.5,
           DPRK94_NODEAL_ASSERTED);
    report("P(the programme dismantled by 2008, by a deal or unilaterally)", share(s.disarmed, &s),
           "<", 0.5, DPRK94_NODEAL_ASSERTED);
}

#define KOREA BRINK_SOURCE_DIR "/scenarios/korea.yaml"

/* Levers move outcomes: under maximum pressure without a black knight
 * (China enforcing fully, no rivalry, no leakage or patron aid, full ROK
 * and Japanese sanctions) every outcome class of the flagship reaches
 * probability 0.01 by 2030 (docs/experiments.md). */
static void test_outcomes_reachable(void **state)
{
    (void)state;
    static const char *const sets[] = {"dyads[6].enforcement=1", "params.rivalry=0",
                                       "params.patron_aid=0",    "params.leakage_max=0",
                                       "dyads[4].sanctions=1",   "dyads[8].sanctions=1"};
    stats_t s;
    run_case_set(KOREA, sets, sizeof sets / sizeof sets[0], &s);
    print_outcomes("Korea 2012-2030, maximum pressure without a black knight", &s);
    for (int k = 0; k < BRINK_NOUTCOMES; k++)
        report(brink_sim_outcome_name(k), share(s.outcome[k], &s), ">=", 0.01, 1);
}

/* A credible action-for-action sequence with verification raises deal
 * survival: P(a freeze or deal in force at 2030) against a big deal
 * without verification.  Margin: 2000 runs each, 0.1 apart is more than six
 * binomial standard errors of the difference. */
static void test_sequencing_survival(void **state)
{
    (void)state;
    static const char *const afa[] = {"params.sequencing=0", "params.verification=1"};
    static const char *const big[] = {"params.sequencing=1", "params.verification=0"};
    stats_t a, b;
    run_case_set(KOREA, afa, 2, &a);
    run_case_set(KOREA, big, 2, &b);
    double pa = share(a.outcome[BRINK_OUTCOME_FREEZE] + a.outcome[BRINK_OUTCOME_DEAL], &a);
    double pb = share(b.outcome[BRINK_OUTCOME_FREEZE] + b.outcome[BRINK_OUTCOME_DEAL], &b);
    print_message("P(freeze or deal in force at 2030): action for action with verification "
                  "%.3f, big deal without %.3f\n", pa, pb);
    assert_true(pa > pb + 0.1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_libya),
        cmocka_unit_test(test_iran),
        cmocka_unit_test(test_dprk_1994),
        cmocka_unit_test(test_outcomes_reachable),
        cmocka_unit_test(test_sequencing_survival),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
