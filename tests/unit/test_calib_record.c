/* test_calib_record.c - record files (brink/record.h): the shipped DPRK
 * record against the counts data/README.md documents (CNS, CTBTO/USGS,
 * UNSC), month and year queries with annual totals, and located errors. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

static void test_shipped_dprk(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_record_t *r = NULL;
    assert_int_equal(brink_record_load(ctx, BRINK_SOURCE_DIR "/data/records/dprk.yaml", &r, &d),
                     BRINK_OK);
    assert_int_equal(brink_record_through(r), 2019 * 12 + 11); /* nothing after 2019 */
    long mis = brink_record_find(r, "DPRK", "missile");
    long nuc = brink_record_find(r, "DPRK", "nuclear_test");
    long icbm = brink_record_find(r, "DPRK", "icbm_launch");
    long res = brink_record_find(r, "UNSC", "resolution");
    long sum = brink_record_find(r, "DPRK", "leader_summit");
    assert_true(mis >= 0 && nuc >= 0 && icbm >= 0 && res >= 0 && sum >= 0);
    static const long missiles[8] = {2, 6, 19, 15, 24, 21, 0, 27};   /* data/README.md */
    static const long nuclear[8] = {0, 1, 0, 0, 2, 1, 0, 0};
    static const long resolutions[8] = {0, 2, 0, 0, 2, 4, 0, 0};
    static const long summits[8] = {0, 0, 0, 0, 0, 0, 4, 2};
    for (int y = 2012; y <= 2019; y++) {
        assert_int_equal(brink_record_year(r, (size_t)mis, y), missiles[y - 2012]);
        assert_int_equal(brink_record_year(r, (size_t)nuc, y), nuclear[y - 2012]);
        assert_int_equal(brink_record_year(r, (size_t)res, y), resolutions[y - 2012]);
        assert_int_equal(brink_record_year(r, (size_t)sum, y), summits[y - 2012]);
        assert_int_equal(brink_record_year(r, (size_t)icbm, y), y == 2017 ? 3 : 0);
    }
    assert_int_equal(brink_record_year(r, (size_t)nuc, 2006), 1);
    assert_int_equal(brink_record_year(r, (size_t)nuc, 2009), 1);
    assert_int_equal(brink_record_year(r, (size_t)nuc, 2005), -1); /* before from */
    assert_int_equal(brink_record_year(r, (size_t)res, 2011), -1);
    assert_int_equal(brink_record_year(r, (size_t)mis, 2020), -1); /* after through */
    assert_int_equal(brink_record_month(r, (size_t)nuc, 2017 * 12 + 8), 1); /* 2017-09-03 */
    assert_int_equal(brink_record_month(r, (size_t)icbm, 2017 * 12 + 6), 2); /* July 2017 */
    assert_int_equal(strlen(brink_record_hash(r)), 64);
    brink_record_free(r);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

static void test_annual_and_queries(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    const char *text = "format: 1\ncase: test\nthrough: 2023-06\nseries:\n"
                       "  - {actor: A, kind: k, from: 2021-03}\n"
                       "  - {actor: B, kind: k, from: 2021-01, by: year}\n"
                       "events:\n  - {date: 2021-03-31, actor: A, kind: k, count: 2}\n"
                       "  - {date: 2021-03, actor: A, kind: k}\n"
                       "  - {date: 2022-12-01, actor: A, kind: k, count: 5}\n"
                       "totals:\n  - {year: 2022, actor: B, kind: k, count: 0}\n"
                       "  - {year: 2021, actor: B, kind: k, count: 9}\n";
    brink_record_t *r = NULL;
    assert_int_equal(brink_record_load_string(ctx, "t.yaml", text, strlen(text), &r, &d),
                     BRINK_OK);
    assert_int_equal(brink_record_nseries(r), 2);
    assert_int_equal(brink_record_month(r, 0, 2021 * 12 + 2), 3);
    assert_int_equal(brink_record_month(r, 0, 2021 * 12 + 1), -1);
    assert_int_equal(brink_record_month(r, 0, 2023 * 12 + 5), 0);
    assert_int_equal(brink_record_month(r, 0, 2023 * 12 + 6), -1);
    assert_int_equal(brink_record_year(r, 0, 2021), -1); /* January-February unobserved */
    assert_int_equal(brink_record_year(r, 0, 2022), 5);
    assert_int_equal(brink_record_year(r, 0, 2023), -1);
    assert_int_equal(brink_record_year(r, 1, 2021), 9);
    assert_int_equal(brink_record_year(r, 1, 2022), 0);
    assert_int_equal(brink_record_year(r, 1, 2023), -1);
    assert_int_equal(brink_record_month(r, 1, 2022 * 12), -1);
    assert_int_equal(brink_record_first(r), 2021 * 12);
    assert_string_equal(brink_record_case(r), "test");
    assert_int_equal(brink_record_find(r, "A", "x"), -1);
    brink_record_free(r);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

/* each bad record gives its located message (file:line:col: ...) */
static void test_invalid(void **state)
{
    (void)state;
    static const char *const head = "format: 1\ncase: t\nthrough: 2019-12\nseries:\n"
                                    "  - {actor: A, kind: k, from: 2019-01}\n";
    static const struct {
        const char *tail, *expect;
    } cases[] = {
        {"events:\n  - {date: 2019-05, actor: A, kind: z}\n",
         "bad.yaml:7:5: error: events[0]: found A/z, which no series declares; expected one of: A/k"},
        {"events:\n  - {date: 2018-12-31, actor: A, kind: k}\n",
         "bad.yaml:7:12: error: events[0].date: found 2018-12, before the series' from (2019-01)"},
        {"events:\n  - {date: 2020-01-02, actor: A, kind: k}\n",
         "bad.yaml:7:12: error: events[0].date: found 2020-01, after through (2019-12)"},
        {"events:\n  - {date: 2019-02-30, actor: A, kind: k}\n", "bad.yaml:7:12: error: events[0].date"},
        {"events:\n  - {date: 2019-02, actor: A, kind: k, count: 0}\n",
         "bad.yaml:7:47: error: events[0].count: 0 is out of range"},
        {"events:\n  - {date: 2019-02, actor: A, kind: k, cuont: 2}\n",
         "unknown key 'cuont'; did you mean 'count'?"},
        {"totals:\n  - {year: 2019, actor: A, kind: k, count: 3}\n",
         "bad.yaml:7:5: error: totals[0]: series A/k is by: month"},
        {"  - {actor: A, kind: k, from: 2019-02}\n",
         "bad.yaml:6:5: error: series[1]: found a second series A/k"},
        {"  - {actor: B, kind: k, from: 2019-02, by: year}\n",
         "bad.yaml:6:31: error: series[1].from: found 2019-02; expected a January"},
        {"  - {actor: 'B C', kind: k, from: 2019-01}\n",
         "bad.yaml:6:13: error: series[1].actor: found 'B C'; expected an identifier"},
        {"  - {actor: B, kind: k, from: 2019-01, by: year}\ntotals:\n"
         "  - {year: 2019, actor: B, kind: k, count: 3}\n"
         "  - {year: 2019, actor: B, kind: k, count: 4}\n",
         "bad.yaml:9:12: error: totals[1].year: found a second total for 2019"},
        {"  - {actor: B, kind: k, from: 2019-01, by: year}\ntotals:\n"
         "  - {year: 2020, actor: B, kind: k, count: 3}\n",
         "bad.yaml:8:12: error: totals[0].year: found 2020; expected a year the series covers in full"},
    };
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024], msg[1024];
        size_t len = (size_t)snprintf(text, sizeof text, "%s%s", head, cases[i].tail);
        brink_diags_t d;
        brink_diags_init(&d);
        brink_record_t *r = NULL;
        brink_status_t st = brink_record_load_string(ctx, "bad.yaml", text, len, &r, &d);
        assert_int_equal(st, BRINK_EVALIDATE);
        assert_null(r);
        assert_true(d.count >= 1);
        brink_diag_format(&d.items[0], msg, sizeof msg);
        if (!strstr(msg, cases[i].expect))
            fail_msg("case %zu: got '%s', expected '%s'", i, msg, cases[i].expect);
        brink_diags_clear(ctx, &d);
    }
    /* a missing file, and text that is not YAML */
    brink_diags_t d;
    brink_diags_init(&d);
    brink_record_t *r = NULL;
    assert_int_equal(brink_record_load(ctx, "/nonexistent/r.yaml", &r, &d), BRINK_EIO);
    assert_int_equal(brink_record_load_string(ctx, "x.yaml", "a: [", 4, &r, &d), BRINK_EPARSE);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_dprk),
        cmocka_unit_test(test_annual_and_queries),
        cmocka_unit_test(test_invalid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
