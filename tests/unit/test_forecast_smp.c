/* test_forecast_smp.c - KTAB's SMP reference runs, turn-0 vectors,
 * determinism by seed and thread count.  Expected values come from KTAB's
 * reference logs (tests/forecast/ktab_NAME.reference_history.txt) and the turn-0
 * vectors in ../shared/reference/ktab-smp-and-bdm.md §6.4. */
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

static brink_fc_scenario_t *load(brink_ctx_t *ctx, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/%s", BRINK_TEST_DIR, name);
    brink_diags_t dg;
    brink_diags_init(&dg);
    brink_fc_scenario_t *s = NULL;
    assert_int_equal(brink_fc_read_ktab_csv(ctx, path, &s, &dg), BRINK_OK);
    brink_diags_clear(ctx, &dg);
    return s;
}

/* KTAB's history printout, as SMPModel::showVPHistory formats it. */
static char *history_text(const brink_fc_scenario_t *s, const brink_fc_history_t *h)
{
    size_t T = brink_fc_history_states(h), n = brink_fc_scenario_actors(s),
           D = brink_fc_scenario_dims(s);
    size_t cap = 1 << 20, len = 0;
    char *b = malloc(cap);
    len += (size_t)snprintf(b + len, cap - len, "History of actor positions over time:\n");
    for (size_t i = 0; i < n; i++)
        for (size_t d = 0; d < D; d++) {
            len += (size_t)snprintf(b + len, cap - len, "%s, %s:", brink_fc_actor_name(s, i),
                                    brink_fc_dim_name(s, d));
            for (size_t t = 0; t < T; t++)
                len += (size_t)snprintf(b + len, cap - len, " %5.1f", brink_fc_history_pos(h, t, i, d));
            len += (size_t)snprintf(b + len, cap - len, "\n");
        }
    len += (size_t)snprintf(b + len, cap - len, "History of actors' winning probabilities:\n");
    for (size_t i = 0; i < n; i++) {
        len += (size_t)snprintf(b + len, cap - len, "%s, prob :", brink_fc_actor_name(s, i));
        for (size_t t = 0; t < T; t++)
            len += (size_t)snprintf(b + len, cap - len, " %.4f", brink_fc_history_prob(h, t, i));
        len += (size_t)snprintf(b + len, cap - len, "\n");
    }
    return b;
}

/* The reference file without trailing blanks and the "Finish time" line. */
static char *reference_text(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/%s", BRINK_TEST_DIR, name);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    char *out = calloc(1, 1 << 20), line[8192];
    size_t len = 0;
    while (fgets(line, sizeof line, fp)) {
        if (strncmp(line, "Finish time", 11) == 0)
            continue;
        size_t l = strlen(line);
        while (l > 0 && (line[l - 1] == '\n' || line[l - 1] == ' ' || line[l - 1] == '\r'))
            l--;
        memcpy(out + len, line, l);
        len += l;
        out[len++] = '\n';
    }
    fclose(fp);
    return out;
}

static void check_reference(const char *csv, const char *ref, int threads)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_fc_scenario_t *s = load(ctx, csv);
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    o.threads = threads;
    brink_fc_history_t *h = NULL;
    assert_int_equal(brink_smp_run(ctx, s, &o, &h), BRINK_OK);
    char *got = history_text(s, h), *want = reference_text(ref);
    assert_string_equal(got, want);
    free(got);
    free(want);
    brink_fc_history_free(h);
    brink_fc_scenario_free(s);
    brink_ctx_free(ctx);
}

static void check_reference_xml(void)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/ktab_dummyData_3Dim.xml", BRINK_TEST_DIR);
    brink_diags_t dg;
    brink_diags_init(&dg);
    brink_fc_scenario_t *s = NULL;
    assert_int_equal(brink_fc_read(ctx, path, &s, &dg), BRINK_OK);
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    assert_int_equal(brink_fc_scenario_apply_options(s, &o), 1); /* prngSeed only */
    brink_fc_history_t *h = NULL;
    assert_int_equal(brink_smp_run(ctx, s, &o, &h), BRINK_OK);
    char *got = history_text(s, h), *want = reference_text("ktab_dummyData_3Dim.reference_history.txt");
    assert_string_equal(got, want);
    free(got);
    free(want);
    brink_fc_history_free(h);
    brink_fc_scenario_free(s);
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
}

static void test_dummy3dim_reference(void **state)
{
    (void)state;
    check_reference("ktab_dummyData_3Dim.csv", "ktab_dummyData_3Dim.reference_history.txt", 1);
    check_reference("ktab_dummyData_3Dim.csv", "ktab_dummyData_3Dim.reference_history.txt", 2);
}

static void test_soe_reference(void **state)
{
    (void)state;
    check_reference("ktab_SOE-Pol-Comp.csv", "ktab_SOE-Pol-Comp.reference_history.txt", 1);
    check_reference("ktab_SOE-Pol-Comp.csv", "ktab_SOE-Pol-Comp.reference_history.txt", 2);
}

static void test_turn0_vectors(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_fc_scenario_t *s = load(ctx, "ktab_dummyData_3Dim.csv");
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    brink_fc_history_t *h = NULL;
    assert_int_equal(brink_smp_run(ctx, s, &o, &h), BRINK_OK);
    const double u0[7] = {1.000, 0.903, 0.639, 0.870, 0.929, 0.882, 0.890};
    const double r0[7] = {-0.500, -0.459, -0.499, -0.274, 1.000, -0.232, -0.430};
    const int tg[7] = {6, 0, 6, 0, 0, 1, 1};
    const double deu[7] = {0.095, 0.281, 0.471, 0.284, 0.012, 0.299, 0.029};
    for (size_t j = 0; j < 7; j++) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%+.3f", brink_fc_history_rn_util(h, 0, 0, j));
        snprintf(b, sizeof b, "%+.3f", u0[j]);
        assert_string_equal(a, b);
        snprintf(a, sizeof a, "%+.3f", brink_fc_history_risk(h, 0, j));
        snprintf(b, sizeof b, "%+.3f", r0[j]);
        assert_string_equal(a, b);
        double d;
        assert_int_equal(brink_fc_history_target(h, 0, j, &d, NULL), tg[j]);
        snprintf(a, sizeof a, "%.3f", d);
        snprintf(b, sizeof b, "%.3f", deu[j]);
        assert_string_equal(a, b);
    }
    /* KTAB's Bargn rows of turn 0 (value, Init_Prob, Recd_Prob) */
    struct { int i, j; double v, ip, rp; } want[5] = {
        {0, 6, 0.0947, 0.2938, 0.6634}, {3, 0, 0.2839, 0.8373, 0.1953},
        {4, 0, 0.01158, 0.9284, 0.4968}, {5, 1, 0.2986, 0.6271, 0.2445},
        {6, 1, 0.0286, 0.2908, 0.5696}};
    for (int w = 0; w < 5; w++) {
        int found = 0;
        for (size_t k = 0; k < brink_fc_history_bargains(h); k++) {
            brink_fc_bargain_t b;
            brink_fc_history_bargain(h, k, &b);
            if (b.turn != 0 || b.init != want[w].i || b.rcvr != want[w].j)
                continue;
            found = 1;
            assert_true(fabs(b.value - want[w].v) < 0.00006);
            assert_true(fabs(b.init_prob - want[w].ip) < 0.00006);
            assert_true(fabs(b.rcvr_prob - want[w].rp) < 0.00006);
        }
        assert_true(found);
    }
    brink_fc_history_free(h);
    /* with record_challenges the UtilChlg rows carry the same expected gains
     * (KTAB's printed dEU) and the history does not change */
    double c[9];
    assert_int_equal(brink_fc_history_challenge(NULL, 0, 0, 6, c), 0);
    o.record_challenges = 1;
    assert_int_equal(brink_smp_run(ctx, s, &o, &h), BRINK_OK);
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(brink_fc_history_challenge(h, 0, i, (size_t)tg[i], c), 1);
        char a[32], b[32];
        snprintf(a, sizeof a, "%.3f", c[4] - c[1]);
        snprintf(b, sizeof b, "%.3f", deu[i]);
        assert_string_equal(a, b);
    }
    char *got = history_text(s, h), *ref = reference_text("ktab_dummyData_3Dim.reference_history.txt");
    assert_string_equal(got, ref);
    free(got);
    free(ref);
    brink_fc_history_free(h);
    brink_fc_scenario_free(s);
    brink_ctx_free(ctx);
}

static char *run_json(brink_ctx_t *ctx, brink_fc_scenario_t *s, const brink_smp_options_t *o)
{
    brink_fc_history_t *h = NULL;
    assert_int_equal(brink_smp_run(ctx, s, o, &h), BRINK_OK);
    char *j = brink_smp_to_json(ctx, s, o, h);
    assert_non_null(j);
    brink_fc_history_free(h);
    return j;
}

static void test_stochastic_reproducible(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_fc_scenario_t *s = load(ctx, "ktab_dummyData-a160.csv");
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    assert_int_equal(brink_smp_option_set(ctx, &o, "StateTransitions", "Stochastic"), BRINK_OK);
    assert_int_equal(brink_smp_option_set(ctx, &o, "PCEModel", "MarkovIncentive"), BRINK_OK);
    assert_int_equal(brink_smp_option_set(ctx, &o, "VotingRule", "PropCbc"), BRINK_OK);
    o.max_iter = 8;
    o.seed = 42;
    o.threads = 1;
    char *a = run_json(ctx, s, &o);
    o.threads = 2;
    char *b = run_json(ctx, s, &o);
    o.threads = 3;
    char *c = run_json(ctx, s, &o);
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    o.seed = 43;
    char *d = run_json(ctx, s, &o);
    assert_true(strcmp(a, d) != 0);
    brink_free(ctx, a);
    brink_free(ctx, b);
    brink_free(ctx, c);
    brink_free(ctx, d);
    brink_fc_scenario_free(s);
    brink_ctx_free(ctx);
}

static void test_options(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    assert_int_equal(brink_smp_option_set(ctx, &o, "VotingRule", "Proportional"), BRINK_OK);
    assert_int_equal(o.vr, BRINK_VR_PROP);
    assert_int_equal(brink_smp_option_set(ctx, &o, "BigRAdjust", "No"), BRINK_OK);
    assert_int_equal(o.bigradj, BRINK_RA_NONE);
    assert_int_equal(brink_smp_option_set(ctx, &o, "VotingRule", "Nope"), BRINK_EINVAL);
    assert_int_equal(brink_smp_option_set(ctx, &o, "VotingRul", "Prop"), BRINK_ENOTFOUND);
    assert_string_equal(brink_smp_option_value(&o, "InterVecBrgn"), "S2P2");
    /* every option value runs on a small case */
    brink_fc_scenario_t *s = load(ctx, "ktab_dummyData_3Dim.csv");
    const char *const *names = brink_smp_option_names();
    for (size_t k = 0; names[k]; k++) {
        const char *const *ch = brink_smp_option_choices(names[k]);
        for (size_t v = 0; ch && ch[v]; v++) {
            brink_smp_options_t q;
            brink_smp_options_default(&q);
            q.max_iter = 6;
            assert_int_equal(brink_smp_option_set(ctx, &q, names[k], ch[v]), BRINK_OK);
            brink_fc_history_t *h = NULL;
            brink_status_t st = brink_smp_run(ctx, s, &q, &h);
            assert_int_equal(st, BRINK_OK);
            assert_true(brink_fc_history_states(h) >= 2);
            brink_fc_history_free(h);
        }
    }
    brink_fc_scenario_free(s);
    brink_fc_history_free(NULL);
    brink_fc_scenario_free(NULL);
    brink_ctx_free(ctx);
}

/* KTAB's runs summarised in the reference notes (§6.2, §6.4): states,
 * the most probable final position and its probability. */
static void check_summary(const char *file, size_t states, const char *actor, const char *pos,
                          const char *prob, const char *turn0)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    char path[512];
    snprintf(path, sizeof path, "%s/forecast/%s", BRINK_TEST_DIR, file);
    brink_diags_t dg;
    brink_diags_init(&dg);
    brink_fc_scenario_t *s = NULL;
    assert_int_equal(brink_fc_read(ctx, path, &s, &dg), BRINK_OK);
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    brink_fc_scenario_apply_options(s, &o);
    brink_fc_history_t *h = NULL;
    assert_int_equal(brink_smp_run(ctx, s, &o, &h), BRINK_OK);
    size_t T = brink_fc_history_states(h);
    assert_int_equal(T, states);
    size_t b = brink_fc_history_best_actor(h);
    char buf[256] = "";
    for (size_t d = 0; d < brink_fc_scenario_dims(s); d++) {
        size_t l = strlen(buf);
        snprintf(buf + l, sizeof buf - l, "%s%.1f", d ? "," : "", brink_fc_history_pos(h, T - 1, b, d));
    }
    assert_string_equal(buf, pos);
    snprintf(buf, sizeof buf, "%.3f", brink_fc_history_prob(h, T - 1, b));
    assert_string_equal(buf, prob);
    if (actor)
        assert_string_equal(brink_fc_actor_name(s, b), actor);
    if (turn0) {
        buf[0] = '\0';
        for (size_t i = 0; i < brink_fc_scenario_actors(s); i++) {
            size_t l = strlen(buf);
            snprintf(buf + l, sizeof buf - l, "%s%.4f", i ? "," : "", brink_fc_history_prob(h, 0, i));
        }
        assert_string_equal(buf, turn0);
    }
    brink_fc_history_free(h);
    brink_fc_scenario_free(s);
    brink_diags_clear(ctx, &dg);
    brink_ctx_free(ctx);
}

static void test_ktab_summaries(void **state)
{
    (void)state;
    /* smpExample-det.xml: MarkovIncentive, PropCbc, accommodation A != I */
    check_summary("ktab_smpExample-det.xml", 14, "Alice", "48.9,47.2,50.5", "0.599",
                  "0.3154,0.1668,0.1082,0.2216,0.1880");
    /* the stochastic original: turn 0 precedes any draw */
    check_summary("ktab_dummyData_6Dim.csv", 30, "AA14", "42.6,63.0,66.0,95.0,69.8,77.1", "0.277",
                  NULL);
    check_summary("ktab_dummyData-a040.csv", 21, NULL, "60.3", "0.290", NULL);
    /* the XML form of dummyData_3Dim (no IdealAdjustment, which KTAB rejects) */
    check_reference_xml();
}

static void test_xml_errors(void **state)
{
    (void)state;
    struct { const char *file, *msg; } bad[] = {
        {"bad/missing_actors.xml", "bad/missing_actors.xml:2:1: error: <Scenario> needs a <Actors> element"},
        {"bad/bad_param.xml", "bad/bad_param.xml:4:55: error: VotingRule: unknown value 'Proportionate' (choices: Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp)"},
        {"bad/unclosed.xml", "bad/unclosed.xml:3:1: error: closing tag does not match <desc>"},
        {"bad/unknown_element.xml", "bad/unknown_element.xml:43:5: error: <Actor> needs a <capability> element"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        brink_ctx_t *ctx = brink_ctx_new(NULL);
        char path[512];
        snprintf(path, sizeof path, "%s/forecast/%s", BRINK_TEST_DIR, bad[k].file);
        brink_diags_t dg;
        brink_diags_init(&dg);
        brink_fc_scenario_t *s = NULL;
        brink_status_t st = brink_fc_read(ctx, path, &s, &dg);
        assert_true(st == BRINK_EPARSE || st == BRINK_EVALIDATE);
        assert_null(s);
        char buf[800];
        brink_diag_format(&dg.items[0], buf, sizeof buf);
        const char *rel = strstr(buf, "forecast/bad/");
        assert_non_null(rel);
        assert_string_equal(rel + strlen("forecast/"), bad[k].msg);
        if (k == 3) { /* the misspelt element itself, with the expected names */
            assert_true(dg.count >= 2);
            brink_diag_format(&dg.items[1], buf, sizeof buf);
            assert_non_null(strstr(buf, ":46:7: error: unknown element <capabilty> in <Actor> "
                                        "(expected name, description, capability, Position, Salience)"));
        }
        brink_diags_clear(ctx, &dg);
        brink_ctx_free(ctx);
    }
}

/* Every turn of KTAB's full reference log (an extract of its lines "In
 * turn", "Est by" and "Inferred risk attitudes"): each actor's target and
 * expected gain, the initiator's and the target's estimates of P(i > j) and
 * of the gains to initiator and target, the coordinates of every bargain
 * proposed, and the risk attitudes of every state. */
static void check_log(const char *csv, const char *extract)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_fc_scenario_t *s = load(ctx, csv);
    brink_smp_options_t o;
    brink_smp_options_default(&o);
    o.record_challenges = 1;
    brink_fc_history_t *h = NULL;
    assert_int_equal(brink_smp_run(ctx, s, &o, &h), BRINK_OK);
    char path[512], line[512];
    snprintf(path, sizeof path, "%s/forecast/%s", BRINK_TEST_DIR, extract);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    size_t n = brink_fc_scenario_actors(s);
    int turn = -1, state = -1, checked = 0, pending = 0, bi = -1, bj = -1;
    size_t ri = 0, D = brink_fc_scenario_dims(s);
    while (fgets(line, sizeof line, fp)) {
        int t, i, j, hh, k;
        unsigned long id;
        double x, p, g;
        char want[64], got[64];
        if (sscanf(line, "Bargain [%lu, %d:%d] from %d's perspective", &id, &i, &j, &hh) == 4) {
            /* the initiator's bargain (KTAB's brgnIIJ), the one used */
            pending = hh == i ? 2 : 0;
            bi = i;
            bj = j;
        } else if (strstr(line, " proposes ")) {
            if (pending == 0)
                continue;
            pending--;
            int who, adopt;
            assert_int_equal(sscanf(line, " %d proposes %d adopt:", &who, &adopt), 2);
            const char *q = strstr(line, "adopt:") + 6;
            brink_fc_bargain_t b;
            int found = 0;
            for (size_t m = 0; m < brink_fc_history_bargains(h) && !found; m++) {
                brink_fc_history_bargain(h, m, &b);
                found = b.turn == turn && b.init == bi && b.rcvr == bj;
            }
            assert_true(found);
            for (size_t d = 0; d < D; d++) {
                char *end;
                double v = strtod(q, &end);
                assert_true(end != q);
                q = end;
                snprintf(want, sizeof want, "%.3f", v);
                snprintf(got, sizeof got, "%.3f",
                         100.0 * (adopt == bi ? b.pos_init[d] : b.pos_rcvr[d]));
                assert_string_equal(got, want);
            }
            checked++;
        } else if (strncmp(line, "Inferred risk attitudes", 23) == 0) {
            state++;
            ri = 0;
        } else if (line[0] == ' ' && sscanf(line, "%lf", &x) == 1) {
            snprintf(want, sizeof want, "%+.3f", x);
            snprintf(got, sizeof got, "%+.3f", brink_fc_history_risk(h, (size_t)state, ri));
            assert_string_equal(got, want);
            ri++;
            checked++;
        } else if (sscanf(line, "In turn %d actor %d has most advantageous target %d worth %lf", &t,
                          &i, &j, &x) == 4) {
            double deu;
            turn = t;
            assert_int_equal(brink_fc_history_target(h, (size_t)t, (size_t)i, &deu, NULL), j);
            snprintf(want, sizeof want, "%.3f", x);
            snprintf(got, sizeof got, "%.3f", deu);
            assert_string_equal(got, want);
            checked++;
        } else if (sscanf(line, "In turn %d Actor %d has no advantageous targets", &t, &i) == 2) {
            turn = t;
            assert_int_equal(brink_fc_history_target(h, (size_t)t, (size_t)i, NULL, NULL), -1);
            checked++;
        } else if (sscanf(line, "Est by %d of prob %lf that [%d>%d], with expected gain to %d of %lf",
                          &hh, &p, &i, &j, &k, &g) == 6) {
            if (hh != i) { /* the target's view of the chosen challenge */
                double v[3];
                assert_int_equal(hh, j);
                assert_int_equal(brink_fc_history_target(h, (size_t)turn, (size_t)i, NULL, NULL), j);
                assert_int_equal(brink_fc_history_target_view(h, (size_t)turn, (size_t)i, v), 1);
                snprintf(want, sizeof want, "%.4f %+.4f", p, g);
                snprintf(got, sizeof got, "%.4f %+.4f", v[0], k == i ? v[1] : v[2]);
                assert_string_equal(got, want);
                checked++;
                continue;
            }
            double c[9];
            assert_int_equal(brink_fc_history_challenge(h, (size_t)turn, (size_t)i, (size_t)j, c), 1);
            snprintf(want, sizeof want, "%.4f", p);
            snprintf(got, sizeof got, "%.4f", c[0]);
            assert_string_equal(got, want);
            double gain = k == i ? c[4] - c[1] : c[8] - c[5];
            assert_true(k == i || k == j);
            snprintf(want, sizeof want, "%+.4f", g);
            snprintf(got, sizeof got, "%+.4f", gain);
            assert_string_equal(got, want);
            checked++;
        }
    }
    fclose(fp);
    assert_int_equal((size_t)state + 1, brink_fc_history_states(h));
    assert_true(ri == n);
    assert_true(checked > 100);
    brink_fc_history_free(h);
    brink_fc_scenario_free(s);
    brink_ctx_free(ctx);
}

static void test_reference_logs(void **state)
{
    (void)state;
    check_log("ktab_dummyData_3Dim.csv", "ktab_dummyData_3Dim.reference_log_extract.txt");
    check_log("ktab_SOE-Pol-Comp.csv", "ktab_SOE-Pol-Comp.reference_log_extract.txt");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dummy3dim_reference),
        cmocka_unit_test(test_soe_reference),
        cmocka_unit_test(test_turn0_vectors),
        cmocka_unit_test(test_reference_logs),
        cmocka_unit_test(test_stochastic_reproducible),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_ktab_summaries),
        cmocka_unit_test(test_xml_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
