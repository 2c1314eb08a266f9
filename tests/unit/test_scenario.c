/* test_scenario.c - loading, overrides, numeric access, JSON round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

static const char MINIMAL[] =
    "format: 1\nname: t\nstart: 2012-01\nend: 2013-12\ntarget: A\n"
    "actors:\n"
    "  - {id: A, regime: autocracy, power: 0.01, gdp: 20, nuclear: {programme: true},\n"
    "     leaders: [{name: a, start: 2011-01}]}\n"
    "  - {id: B, regime: democracy, power: 0.2, gdp: 900, leaders: [{name: b, start: 2010-01}]}\n";

static brink_scenario_t *load(brink_ctx_t *ctx, const char *text, const char *const *sets,
                              size_t nsets, brink_diags_t *d)
{
    brink_scenario_t *sc = NULL;
    brink_scenario_load_string(ctx, "t.yaml", text, strlen(text), sets, nsets, &sc, d);
    return sc;
}

static void test_load_and_read_numbers(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = load(ctx, MINIMAL, NULL, 0, &d);
    assert_non_null(sc);
    assert_int_equal(d.count, 0);
    assert_string_equal(brink_scenario_name(sc), "t");
    double v;
    assert_int_equal(brink_scenario_get_number(ctx, sc, "actors[1].gdp", &v), BRINK_OK);
    assert_true(v == 900.0);
    assert_int_equal(brink_scenario_get_number(ctx, sc, "actors[A].power", &v), BRINK_OK);
    assert_true(v == 0.01);
    /* defaults are filled in: the documented default risk attitude is 0 */
    assert_int_equal(brink_scenario_get_number(ctx, sc, "actors[B].leaders[0].risk", &v), BRINK_OK);
    assert_true(v == 0.0);
    assert_int_equal(brink_scenario_set_number(ctx, sc, "actors[A].leaders[0].risk", 0.25),
                     BRINK_OK);
    assert_int_equal(brink_scenario_get_number(ctx, sc, "actors[0].leaders[0].risk", &v), BRINK_OK);
    assert_true(v == 0.25);
    assert_int_equal(brink_scenario_set_number(ctx, sc, "actors[A].leaders[0].risk", 1.5),
                     BRINK_ERANGE);
    assert_non_null(strstr(brink_ctx_errmsg(ctx), "out of range"));
    assert_int_equal(brink_scenario_set_number(ctx, sc, "actors[C].power", 0.1), BRINK_ENOTFOUND);
    assert_int_equal(brink_scenario_set_number(ctx, sc, "actors[0].powr", 0.1), BRINK_ENOTFOUND);
    assert_int_equal(brink_scenario_set_number(ctx, sc, "name", 0.1), BRINK_ENOTFOUND);
    assert_int_equal(brink_scenario_get_number(ctx, sc, "actors[9].gdp", &v), BRINK_ENOTFOUND);
    brink_scenario_free(sc);
    brink_scenario_free(NULL);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

static void test_overrides(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    const char *ok[] = {"params.war_hazard=0.01", "actors[B].leaders[0].precision=12",
                        "end=2014-06", "actors[A].leaders=[{name: x, start: 2011-02}, "
                                       "{name: y, start: 2013-05}]"};
    brink_scenario_t *sc = load(ctx, MINIMAL, ok, 4, &d);
    assert_non_null(sc);
    double v;
    brink_scenario_get_number(ctx, sc, "params.war_hazard", &v);
    assert_true(v == 0.01);
    brink_scenario_get_number(ctx, sc, "actors[1].leaders[0].precision", &v);
    assert_true(v == 12.0);
    assert_int_equal(brink_scenario_get_number(ctx, sc, "actors[A].leaders[1].start", &v),
                     BRINK_ENOTFOUND); /* a month is not a number */
    brink_scenario_free(sc);

    /* a bad override is located at its column within the argument */
    const char *bad[] = {"actors[A].power=1.5"};
    sc = load(ctx, MINIMAL, bad, 1, &d);
    assert_null(sc);
    assert_int_equal(d.count, 1);
    char line[512];
    brink_diag_format(&d.items[0], line, sizeof line);
    assert_string_equal(line, "--set:1:17: error: actors[0].power: 1.5 is out of range; "
                              "expected a number in [0, 1]");
    brink_diags_clear(ctx, &d);
    const char *nopath[] = {"actors[Z].power=0.1"};
    sc = load(ctx, MINIMAL, nopath, 1, &d);
    assert_null(sc);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, "no such element"));
    brink_diags_clear(ctx, &d);
    const char *noeq[] = {"params.rivalry"};
    sc = load(ctx, MINIMAL, noeq, 1, &d);
    assert_null(sc);
    assert_non_null(strstr(d.items[0].message, "expected PATH=VALUE"));
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

static char *write_json(const brink_scenario_t *sc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    assert_int_equal(brink_scenario_write_json(sc, fp), BRINK_OK);
    fclose(fp);
    return buf;
}

static void test_json_round_trip(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = load(ctx, MINIMAL, NULL, 0, &d);
    assert_non_null(sc);
    char *j1 = write_json(sc);
    brink_scenario_t *sc2 = NULL;
    assert_int_equal(brink_scenario_load_string(ctx, "t.json", j1, strlen(j1), NULL, 0, &sc2, &d),
                     BRINK_OK);
    char *j2 = write_json(sc2);
    assert_string_equal(j1, j2);
    /* the normalised form names actors by id and months as YYYY-MM */
    assert_non_null(strstr(j1, "\"target\": \"A\""));
    assert_non_null(strstr(j1, "\"start\": \"2012-01\""));
    free(j1);
    free(j2);
    brink_scenario_free(sc);
    brink_scenario_free(sc2);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_and_read_numbers),
        cmocka_unit_test(test_overrides),
        cmocka_unit_test(test_json_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
