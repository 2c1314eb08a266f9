/* test_report_payload.c - golden checks of the report's data payload for the
 * hand-made result directories in tests/report/.  Every expected value below
 * is derived by hand from the example files (see tests/report/README.md for
 * the derivations), not copied from the program's output.  Also: fault
 * injection over loading and rendering, and the HTML's self-containment. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "brink/brink.h"
#include "support/failing_alloc.h"

#define DIR_OF(name) BRINK_TEST_DIR "/report/" name

/* Loads a directory and returns its payload parsed back from the public
 * JSON form (what --data writes). */
static json_t *payload_of(const char *dir, size_t *nfig)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_report_t *r = NULL;
    brink_status_t st = brink_report_load(ctx, dir, &r);
    if (st)
        fail_msg("%s: %s", dir, brink_ctx_errmsg(ctx));
    assert_int_equal(brink_report_render(ctx, r), BRINK_OK);
    if (nfig)
        *nfig = brink_report_figure_count(r);
    char *txt = brink_report_payload_json(ctx, r);
    assert_non_null(txt);
    json_error_t err;
    json_t *p = json_loads(txt, 0, &err);
    assert_non_null(p);
    brink_free(ctx, txt);
    brink_report_free(r);
    brink_ctx_free(ctx);
    return p;
}

/* A value by a path such as "outcomes/1/p" (object keys and array indices). */
static json_t *at(json_t *root, const char *path)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    json_t *v = root;
    for (char *tok = strtok(buf, "/"); tok && v; tok = strtok(NULL, "/")) {
        if (json_is_array(v))
            v = json_array_get(v, (size_t)strtoul(tok, NULL, 10));
        else
            v = json_object_get(v, tok);
    }
    if (!v)
        fail_msg("payload has no %s", path);
    return v;
}

static void num_is(json_t *root, const char *path, double want)
{
    json_t *v = at(root, path);
    if (!json_is_number(v))
        fail_msg("%s: expected a number", path);
    double got = json_number_value(v);
    if (fabs(got - want) > 1e-9 * (1 + fabs(want)))
        fail_msg("%s: expected %.12g, got %.12g", path, want, got);
}

static void str_is(json_t *root, const char *path, const char *want)
{
    json_t *v = at(root, path);
    if (!json_is_string(v) || strcmp(json_string_value(v), want) != 0)
        fail_msg("%s: expected \"%s\", got %s", path, want,
                 json_is_string(v) ? json_string_value(v) : "a non-string");
}

static void null_is(json_t *root, const char *path)
{
    if (!json_is_null(at(root, path)))
        fail_msg("%s: expected null", path);
}

static void size_is(json_t *root, const char *path, size_t n)
{
    json_t *v = at(root, path);
    size_t got = json_is_array(v) ? json_array_size(v) : json_object_size(v);
    if (got != n)
        fail_msg("%s: expected %zu items, got %zu", path, n, got);
}

static void test_ensemble(void **state)
{
    (void)state;
    size_t nfig = 0;
    json_t *p = payload_of(DIR_OF("ensemble"), &nfig);
    str_is(p, "kind", "ensemble");
    /* outcomes in file order, with their intervals */
    size_is(p, "outcomes", 3);
    str_is(p, "outcomes/0/name", "war");
    num_is(p, "outcomes/0/p", 0.01);
    num_is(p, "outcomes/0/lo", 0.0028);
    num_is(p, "outcomes/2/hi", 0.9656);
    /* milestones: a never-reached one keeps null months */
    size_is(p, "milestones", 3);
    str_is(p, "milestones/1/median", "2018-06");
    null_is(p, "milestones/2/median");
    num_is(p, "milestones/2/p_by_horizon", 0.0);
    /* annual counts: 5 years each, the record for 2016-2019 only */
    size_is(p, "annual_counts/events", 2);
    str_is(p, "annual_counts/events/1/name", "missiles");
    num_is(p, "annual_counts/events/1/years/3", 2019);
    num_is(p, "annual_counts/events/1/q95/3", 22);
    num_is(p, "annual_counts/events/1/historical/3", 26);
    null_is(p, "annual_counts/events/1/historical/4");
    num_is(p, "annual_counts/events/0/mean/0", 1.5);
    /* the record starts in 2016: calibration 2016-2017, in sample 2018-2019 */
    num_is(p, "annual_counts/calibration_window/0", 2016);
    num_is(p, "annual_counts/calibration_window/1", 2017);
    num_is(p, "annual_counts/in_sample_window/0", 2018);
    num_is(p, "annual_counts/in_sample_window/1", 2019);
    /* series: main-series order (arsenal, economy, escalation), 12 months;
     * arsenal q50 = 10 + i, q05 = q50 - 4; escalation q50 = 0.1 i */
    size_is(p, "series/dates", 12);
    str_is(p, "series/dates/0", "2017-01");
    num_is(p, "series/x/11", 2017 + 11.0 / 12.0);
    str_is(p, "series/vars/0/name", "arsenal");
    str_is(p, "series/vars/1/name", "economy");
    str_is(p, "series/vars/2/name", "escalation");
    str_is(p, "series/vars/0/kind", "bands");
    num_is(p, "series/vars/0/q50/5", 15);
    num_is(p, "series/vars/0/q05/5", 11);
    num_is(p, "series/vars/0/q95/11", 25);
    num_is(p, "series/vars/2/q50/7", 0.7);
    num_is(p, "series/vars/1/q25/10", 1.0 - 0.2 - 0.05);
    /* timeline: run 1 only (5 events), the quoted detail with a comma intact */
    num_is(p, "timeline/run", 1);
    size_is(p, "timeline/events", 5);
    num_is(p, "timeline/total", 5);
    str_is(p, "timeline/events/0/detail", "DPRK launches a missile, the first of the year");
    str_is(p, "timeline/events/2/cameo", "150");
    num_is(p, "timeline/events/2/goldstein", -7.2);
    num_is(p, "timeline/events/2/x", 2017 + 8.0 / 12.0);
    /* the reasons of a choice, where the log has them */
    num_is(p, "timeline/events/2/why_total", 0.3);
    num_is(p, "timeline/events/2/why_p", 0.6);
    str_is(p, "timeline/events/2/runner_up", "wait");
    assert_null(json_object_get(at(p, "timeline/events/1"), "runner_up"));
    /* named probabilities */
    str_is(p, "checks/1/name", "p_first_summit_2018_2019");
    num_is(p, "checks/1/value", 0.3);
    /* provenance: seed and runs as text, the command joined */
    str_is(p, "provenance/seed", "42");
    str_is(p, "provenance/runs", "200");
    str_is(p, "provenance/scenario_hash", "sha256:5f1c0de0");
    str_is(p, "provenance/command",
           "brink run scenarios/korea-mini.yaml --runs 200 --seed 42 --out ens");
    /* figures: outcomes, milestones, 3 fans, 2 count charts, timeline */
    assert_int_equal(nfig, 8);
    json_decref(p);
}

static void test_run(void **state)
{
    (void)state;
    size_t nfig = 0;
    json_t *p = payload_of(DIR_OF("run"), &nfig);
    str_is(p, "kind", "run");
    str_is(p, "outcome", "partial_deal_or_freeze");
    /* threat_/trust_ pair columns are not series of their own */
    size_is(p, "series/vars", 3);
    str_is(p, "series/vars/1/name", "reach");
    str_is(p, "series/vars/1/kind", "value");
    num_is(p, "series/vars/1/value/2", 0.6);
    null_is(p, "series/vars/1/value/3"); /* the empty field */
    num_is(p, "timeline/run", 0);
    size_is(p, "timeline/events", 3);
    str_is(p, "timeline/events/0/detail", "DPRK proposes talks with ROK, \"Olympic truce\"");
    str_is(p, "timeline/events/0/cameo", "036"); /* CAMEO codes stay text */
    str_is(p, "timeline/events/2/target", "");
    assert_null(json_object_get(p, "outcomes"));
    /* 3 fans and the timeline */
    assert_int_equal(nfig, 4);
    json_decref(p);
}

static void test_backtest(void **state)
{
    (void)state;
    size_t nfig = 0;
    json_t *p = payload_of(DIR_OF("backtest"), &nfig);
    str_is(p, "kind", "backtest");
    size_is(p, "backtest/targets", 6);
    str_is(p, "backtest/targets/0/family", "missiles");
    num_is(p, "backtest/targets/0/year", 2016);
    num_is(p, "backtest/targets/4/q25", 1); /* predicted given as an array */
    str_is(p, "backtest/baselines/0", "poisson");
    str_is(p, "backtest/baselines/1", "persistence");
    /* mean CRPS: missiles model (3+2+4+11)/4 = 5, poisson (5+3+12+10)/4 =
     * 7.5, persistence (6+4+20+21)/4 = 12.75; nuclear tests (0.5+0.25)/2 and
     * poisson (0.75+0.25)/2 */
    str_is(p, "backtest/mean_crps/0/family", "missiles");
    num_is(p, "backtest/mean_crps/0/n", 4);
    num_is(p, "backtest/mean_crps/0/model", 5.0);
    num_is(p, "backtest/mean_crps/0/baselines/poisson", 7.5);
    num_is(p, "backtest/mean_crps/0/baselines/persistence", 12.75);
    num_is(p, "backtest/mean_crps/1/model", 0.375);
    num_is(p, "backtest/mean_crps/1/baselines/poisson", 0.5);
    assert_null(json_object_get(at(p, "backtest/mean_crps/1/baselines"), "persistence"));
    str_is(p, "backtest/coverage/1/name", "missiles 90");
    num_is(p, "backtest/coverage/1/value", 0.75);
    num_is(p, "backtest/checks/0/value", 0.41);
    str_is(p, "provenance/scenario", "korea-mini");
    str_is(p, "provenance/seed", "3");
    /* PIT histograms: all targets, then one per family */
    assert_int_equal(nfig, 3);
    json_decref(p);
}

static void test_forecast(void **state)
{
    (void)state;
    size_t nfig = 0;
    json_t *p = payload_of(DIR_OF("forecast"), &nfig);
    str_is(p, "kind", "forecast");
    str_is(p, "forecast/model", "smp");
    size_is(p, "forecast/dimensions", 2);
    str_is(p, "forecast/dimensions/0/actors/0/name", "DPRK");
    num_is(p, "forecast/dimensions/0/actors/0/positions/2", 30);
    num_is(p, "forecast/dimensions/1/actors/1/positions/1", 20);
    str_is(p, "provenance/scenario", "talks-mini");
    str_is(p, "provenance/seed", "17");
    assert_int_equal(nfig, 2);
    json_decref(p);
    p = payload_of(DIR_OF("forecast-bdm"), &nfig);
    str_is(p, "forecast/dimensions/0/name", "denuclearization");
    str_is(p, "forecast/dimensions/0/actors/2/name", "actor 3");
    num_is(p, "forecast/dimensions/0/actors/0/positions/1", 30);
    num_is(p, "forecast/dimensions/0/mean/1", 62.5);
    assert_int_equal(nfig, 1);
    json_decref(p);
}

static void test_sweep(void **state)
{
    (void)state;
    size_t nfig = 0;
    /* the layout of brink sweep and brink analyze: analysis/METHOD-OUTPUT.json
     * (read in name order) and results.sqlite */
    json_t *p = payload_of(DIR_OF("sweep"), &nfig);
    str_is(p, "kind", "sweep");
    str_is(p, "files/0", "analysis/morris-p_war.json");
    str_is(p, "files/1", "analysis/sobol-p_deal.json");
    str_is(p, "files/2", "results.sqlite");
    /* Morris, by mu*: dprk_risk 0.06, chn_enforcement 0.02, us_pressure 0.01 */
    str_is(p, "sensitivity/outputs/0/name", "p_war");
    str_is(p, "sensitivity/outputs/0/method", "morris");
    str_is(p, "sensitivity/outputs/0/factors/0/name", "dprk_risk");
    num_is(p, "sensitivity/outputs/0/factors/0/sigma", 0.03);
    str_is(p, "sensitivity/outputs/0/factors/2/name", "us_pressure");
    /* Sobol, by ST: us_pressure 0.6, chn_enforcement 0.2, dprk_risk 0.01;
     * intervals from the [low, high] pairs */
    str_is(p, "sensitivity/outputs/1/method", "sobol");
    str_is(p, "sensitivity/outputs/1/factors/0/name", "us_pressure");
    num_is(p, "sensitivity/outputs/1/factors/0/S1_lo", 0.45);
    num_is(p, "sensitivity/outputs/1/factors/0/ST_hi", 0.7);
    num_is(p, "sensitivity/outputs/1/factors/2/S1_lo", -0.02);
    /* p_war against dprk_risk and chn_enforcement: point 3 has no mean, so 3
     * points; dprk_risk is 0.5 everywhere: one bin of mean (0.05+0.04+0.03)/3 */
    str_is(p, "response/0/output", "p_war");
    str_is(p, "response/0/factors/0", "dprk_risk");
    num_is(p, "response/0/n", 3);
    size_is(p, "response/0/bins/0/mean", 1);
    num_is(p, "response/0/bins/0/mean/0", 0.04);
    /* p_deal against us_pressure (0, .25, .5, 1 -> bins 0, 2, 5, 9 of width
     * 0.1, centres .05 .25 .55 .95) and chn_enforcement (0: points 0 and 2,
     * mean (0.1+0.3)/2; 1: points 1 and 3, mean (0.2+0.6)/2) */
    str_is(p, "response/1/factors/0", "us_pressure");
    str_is(p, "response/1/factors/1", "chn_enforcement");
    num_is(p, "response/1/n", 4);
    num_is(p, "response/1/rows/3/0", 1.0);
    num_is(p, "response/1/rows/3/1", 1.0);
    num_is(p, "response/1/rows/3/2", 0.6);
    num_is(p, "response/1/bins/0/x/2", 0.55);
    num_is(p, "response/1/bins/0/mean/3", 0.6);
    num_is(p, "response/1/bins/1/mean/0", 0.2);
    num_is(p, "response/1/bins/1/mean/1", 0.4);
    /* the manifest's keys mapped to the provenance block */
    str_is(p, "provenance/version", "0.1.0");
    str_is(p, "provenance/experiment_hash", "bb22");
    str_is(p, "provenance/scenario_hash", "aa11");
    str_is(p, "provenance/seed", "99");
    /* two index charts and two response charts per output */
    assert_int_equal(nfig, 6);
    json_decref(p);

    /* the other accepted spellings: analysis.json with 'name', _lo/_hi,
     * half-width _conf and _ci pairs; a store with one wide table */
    p = payload_of(DIR_OF("sweep-wide"), &nfig);
    str_is(p, "sensitivity/outputs/0/factors/0/name", "us_pressure");
    num_is(p, "sensitivity/outputs/0/factors/0/S1_lo", 0.45); /* 0.50 - 0.05 */
    num_is(p, "sensitivity/outputs/0/factors/0/ST_hi", 0.7);  /* 0.60 + 0.10 */
    num_is(p, "sensitivity/outputs/0/factors/1/ST_hi", 0.26);
    num_is(p, "sensitivity/outputs/0/factors/2/S1_lo", -0.02);
    str_is(p, "response/0/table", "points");
    num_is(p, "response/0/rows/3/2", 0.6);
    str_is(p, "provenance/experiment_hash", "sha256:bb22");
    assert_int_equal(nfig, 3);
    json_decref(p);
}

/* The HTML is self-contained: no script to run, no URL fetched. */
static void test_html_self_contained(void **state)
{
    (void)state;
    static const char *const dirs[] = {"ensemble", "run", "backtest", "forecast", "sweep",
                                       "sweep-wide"};
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/report/%s", BRINK_TEST_DIR, dirs[d]);
        brink_ctx_t *ctx = brink_ctx_new(NULL);
        brink_report_t *r = NULL;
        assert_int_equal(brink_report_load(ctx, dir, &r), BRINK_OK);
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        assert_int_equal(brink_report_write_html(ctx, r, fp), BRINK_OK);
        fclose(fp);
        assert_non_null(strstr(buf, "<!DOCTYPE html>"));
        assert_non_null(strstr(buf, "</html>"));
        assert_null(strstr(buf, "<script src"));
        assert_null(strstr(buf, "<link"));
        assert_null(strstr(buf, "<img"));
        assert_null(strstr(buf, "@import"));
        assert_null(strstr(buf, "id=\"text-clipping0\"")); /* ids made unique */
        assert_null(strstr(buf, "<?xml"));
        /* the only script element is the inert JSON data block */
        const char *s = strstr(buf, "<script");
        assert_non_null(s);
        assert_int_equal(strncmp(s, "<script type=\"application/json\"", 31), 0);
        assert_null(strstr(s + 1, "<script"));
        /* every http(s) URL is an XML namespace or the SVG DTD */
        for (const char *u = strstr(buf, "http"); u; u = strstr(u + 1, "http")) {
            int ok = !strncmp(u, "http://www.w3.org/", 18) || !strncmp(u, "http-equiv", 10);
            if (!ok)
                fail_msg("%s: unexpected URL %.60s", dirs[d], u);
        }
        free(buf);
        brink_report_free(r);
        brink_ctx_free(ctx);
    }
}

/* Same inputs, same bytes: two reports of one directory are identical. */
static char *html_of(const char *dir, size_t *len)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_report_t *r = NULL;
    assert_int_equal(brink_report_load(ctx, dir, &r), BRINK_OK);
    char *buf = NULL;
    FILE *fp = open_memstream(&buf, len);
    assert_int_equal(brink_report_write_html(ctx, r, fp), BRINK_OK);
    fclose(fp);
    brink_report_free(r);
    brink_ctx_free(ctx);
    return buf;
}

static void test_deterministic(void **state)
{
    (void)state;
    size_t a = 0, b = 0;
    char *x = html_of(DIR_OF("ensemble"), &a), *y = html_of(DIR_OF("ensemble"), &b);
    assert_int_equal(a, b);
    assert_memory_equal(x, y, a);
    free(x);
    free(y);
}

/* ---- fault injection ------------------------------------------------------ */
static void test_fault_injection(void **state)
{
    (void)state;
    static const char *const dirs[] = {"ensemble", "backtest", "forecast", "sweep"};
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/report/%s", BRINK_TEST_DIR, dirs[d]);
        for (long n = 0;; n++) {
            failing_t f = {n, 0, 0};
            brink_allocator_t a = failing_allocator(&f);
            brink_ctx_t *ctx = brink_ctx_new(&a);
            if (!ctx)
                continue;
            brink_report_t *r = NULL;
            brink_status_t st = brink_report_load(ctx, dir, &r);
            if (st == BRINK_OK)
                st = brink_report_render(ctx, r);
            brink_report_free(r);
            brink_ctx_free(ctx);
            assert_int_equal(f.live, 0);
            if (st == BRINK_OK)
                break;
            assert_int_equal(st, BRINK_ENOMEM);
            assert_true(n < 100000);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ensemble),           cmocka_unit_test(test_run),
        cmocka_unit_test(test_backtest),           cmocka_unit_test(test_forecast),
        cmocka_unit_test(test_sweep),              cmocka_unit_test(test_html_self_contained),
        cmocka_unit_test(test_deterministic),      cmocka_unit_test(test_fault_injection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
