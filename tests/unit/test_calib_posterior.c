/* test_calib_posterior.c - the posterior reader (DIR/posterior.csv), its
 * check against a scenario and the draw of a run's parameter set.
 * Expected values are written by hand from the inputs (columns counted by
 * hand), the hash by sha256sum, the draw frequencies from the weights. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"
#include "support/failing_alloc.h"

/* CR-LF, a comment and an empty line are ignored. */
static const char GOOD[] = "# a posterior\n"
                           "weight,params.nuclear_rate,params.missile_days\r\n"
                           "\n"
                           "0.25,0.1,2\r\n"
                           "0.75,0.2,3.5\n";

static brink_posterior_t *load(brink_ctx_t *ctx, const char *text, brink_diags_t *d,
                               brink_status_t *st)
{
    brink_posterior_t *p = NULL;
    *st = brink_posterior_load_string(ctx, "p.csv", text, strlen(text), &p, d);
    return p;
}

static void test_reads_sets(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_status_t st;
    brink_posterior_t *p = load(ctx, GOOD, &d, &st);
    assert_int_equal(st, BRINK_OK);
    assert_int_equal(d.count, 0);
    assert_string_equal(brink_posterior_file(p), "p.csv");
    assert_int_equal(brink_posterior_npaths(p), 2);
    assert_string_equal(brink_posterior_path(p, 0), "params.nuclear_rate");
    assert_string_equal(brink_posterior_path(p, 1), "params.missile_days");
    assert_int_equal(brink_posterior_nsets(p), 2);
    assert_true(brink_posterior_weights(p)[0] == 0.25 && brink_posterior_weights(p)[1] == 0.75);
    assert_true(brink_posterior_values(p, 0)[0] == 0.1 && brink_posterior_values(p, 0)[1] == 2);
    assert_true(brink_posterior_values(p, 1)[0] == 0.2 && brink_posterior_values(p, 1)[1] == 3.5);
    /* printf '...' | sha256sum */
    assert_string_equal(brink_posterior_hash(p),
                        "05e26267950db290124527f135817dce46ab7df5ff7cab77f3af2900a9764341");
    int line, col;
    brink_posterior_locate(p, BRINK_POSTERIOR_HEADER, 1, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 28); /* "weight," 7 + "params.nuclear_rate," 20 */
    brink_posterior_locate(p, 1, 0, &line, &col);
    assert_int_equal(line, 5);
    assert_int_equal(col, 6); /* "0.75," */
    brink_posterior_locate(p, 0, 1, &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 10); /* "0.25,0.1," */
    brink_posterior_free(p);
    brink_posterior_free(NULL);
    brink_ctx_free(ctx);
}

/* The shipped posterior: 500 sets of the eight free parameters of the
 * flagship, in the order of its free: list. */
static void test_shipped(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_posterior_t *p = NULL;
    assert_int_equal(brink_posterior_load(ctx, BRINK_SOURCE_DIR "/scenarios/korea.posterior", &p,
                                          &d),
                     BRINK_OK);
    assert_int_equal(brink_posterior_nsets(p), 500);
    assert_int_equal(brink_posterior_npaths(p), 8);
    assert_string_equal(brink_posterior_path(p, 0), "params.missile_days");
    assert_string_equal(brink_posterior_path(p, 7), "params.consolidation_cost");
    assert_string_equal(brink_posterior_file(p),
                        BRINK_SOURCE_DIR "/scenarios/korea.posterior/posterior.csv");
    brink_posterior_free(p);
    /* a directory without posterior.csv: EIO, the reason on ctx, no diagnostic */
    assert_int_equal(brink_posterior_load(ctx, BRINK_SOURCE_DIR "/scenarios", &p, &d), BRINK_EIO);
    assert_null(p);
    assert_int_equal(d.count, 0);
    assert_non_null(strstr(brink_ctx_errmsg(ctx), "cannot open"));
    brink_ctx_free(ctx);
}

typedef struct bad_case {
    const char *text;
    brink_status_t st;
    int line, col;
    const char *msg; /* a part of the message */
} bad_case_t;

static void test_located_errors(void **state)
{
    (void)state;
    static const bad_case_t cases[] = {
        {"", BRINK_EVALIDATE, 1, 1, "found no parameter sets"},
        {"weight,params.x\n", BRINK_EVALIDATE, 1, 1, "found no parameter sets"},
        {"# only a comment\n\nweight,a\n", BRINK_EVALIDATE, 3, 1, "found no parameter sets"},
        {"w,params.x\n1,2\n", BRINK_EVALIDATE, 1, 1, "found 'w' in column 1; expected 'weight'"},
        {"weight\n1\n", BRINK_EVALIDATE, 1, 1, "found only 'weight'"},
        {"weight,a,,b\n1,2,3,4\n", BRINK_EVALIDATE, 1, 10, "found an empty name in column 3"},
        {"weight,a,b,a\n1,2,3,4\n", BRINK_EVALIDATE, 1, 12, "a: found a second column"},
        {"weight,a,weight\n1,2,3\n", BRINK_EVALIDATE, 1, 10, "found 'weight' in column 3"},
        {"weight,a\n1,2\n1,2,3\n", BRINK_EVALIDATE, 3, 1, "3 fields; expected 2"},
        {"weight,a,b\n1,2\n", BRINK_EVALIDATE, 2, 1, "2 fields; expected 3"},
        {"weight,a\nheavy,2\n", BRINK_EVALIDATE, 2, 1, "weight: found 'heavy'; expected a finite"},
        {"weight,a\n,2\n", BRINK_EVALIDATE, 2, 1, "weight: found ''"},
        {"weight,a\n-1,2\n", BRINK_EVALIDATE, 2, 1, "weight: found -1; expected a number >= 0"},
        {"weight,a\ninf,2\n", BRINK_EVALIDATE, 2, 1, "weight: found 'inf'"},
        {"weight,a,b\n1,2,nan\n", BRINK_EVALIDATE, 2, 5, "b: found 'nan'; expected a finite number"},
        {"weight,a,b\n1,2,3x\n", BRINK_EVALIDATE, 2, 5, "b: found '3x'"},
        {"weight,a,b\n1, 2,3\n", BRINK_EVALIDATE, 2, 3, "a: found ' 2'"}, /* decimals only */
        {"weight,a\n1,0x10\n", BRINK_EVALIDATE, 2, 3, "a: found '0x10'"},
        {"weight,a\n1,1e999\n", BRINK_EVALIDATE, 2, 3, "a: found '1e999'"},
        {"weight,a\n0,1\n0,2\n", BRINK_EVALIDATE, 2, 1, "weights that sum to 0"},
        {"weight,a\n1,2\0,3\n", BRINK_EVALIDATE, 2, 4, "found a NUL byte"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const bad_case_t *c = &cases[k];
        brink_ctx_t *ctx = brink_ctx_new(NULL);
        brink_diags_t d;
        brink_diags_init(&d);
        brink_posterior_t *p = NULL;
        size_t len = strlen(c->text);
        if (strstr(c->msg, "NUL"))
            len = 16; /* "weight,a\n1,2\0,3\n" */
        brink_status_t st = brink_posterior_load_string(ctx, "p.csv", c->text, len, &p, &d);
        if (st != c->st || (st != BRINK_OK && (d.count < 1 || d.items[0].line != c->line ||
                                               d.items[0].column != c->col ||
                                               !strstr(d.items[0].message, c->msg)))) {
            fprintf(stderr, "case %zu: status %s, %zu diags", k, brink_strerror(st), d.count);
            if (d.count)
                fprintf(stderr, ", first %d:%d %s", d.items[0].line, d.items[0].column,
                        d.items[0].message);
            fprintf(stderr, "\n");
            fail();
        }
        if (st == BRINK_OK)
            assert_non_null(p);
        else
            assert_null(p);
        brink_posterior_free(p);
        brink_diags_clear(ctx, &d);
        brink_ctx_free(ctx);
    }
}

/* 100000 sets are allowed, one more is not; a line may hold 65534
 * characters. */
static void test_limits(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    size_t n = 100001, cap = 16 + n * 6;
    char *text = malloc(cap + 70000);
    assert_non_null(text);
    size_t len = (size_t)sprintf(text, "weight,a\n");
    for (size_t i = 0; i < n - 1; i++)
        len += (size_t)sprintf(text + len, "1,0.5\n");
    brink_posterior_t *p = NULL;
    assert_int_equal(brink_posterior_load_string(ctx, "p.csv", text, len, &p, &d), BRINK_OK);
    assert_int_equal(brink_posterior_nsets(p), 100000);
    brink_posterior_free(p);
    len += (size_t)sprintf(text + len, "1,0.5\n");
    assert_int_equal(brink_posterior_load_string(ctx, "p.csv", text, len, &p, &d), BRINK_ELIMIT);
    assert_null(p);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 100002);
    brink_diags_clear(ctx, &d);
    /* weight,a then a value of 65532 digits: 65534 characters */
    len = (size_t)sprintf(text, "weight,a\n1,");
    memset(text + len, '1', 65532);
    len += 65532;
    text[len++] = '\n';
    assert_int_equal(brink_posterior_load_string(ctx, "p.csv", text, len, &p, &d),
                     BRINK_EVALIDATE); /* 1e65531 is not finite */
    assert_int_equal(d.items[0].column, 3);
    brink_diags_clear(ctx, &d);
    text[len - 1] = '1';
    text[len++] = '\n';
    assert_int_equal(brink_posterior_load_string(ctx, "p.csv", text, len, &p, &d),
                     BRINK_EVALIDATE);
    assert_non_null(strstr(d.items[0].message, "a line of 65535 characters"));
    brink_diags_clear(ctx, &d);
    free(text);
    brink_ctx_free(ctx);
}

static brink_scenario_t *korea(brink_ctx_t *ctx)
{
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    assert_int_equal(brink_scenario_load(ctx, BRINK_SOURCE_DIR "/scenarios/korea.yaml", NULL, 0,
                                         &sc, &d),
                     BRINK_OK);
    return sc;
}

/* Against the scenario: an unknown path at its header column, a value out
 * of range at its cell (the first per column), the scenario unchanged. */
static void test_check_and_apply(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_scenario_t *sc = korea(ctx);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_status_t st;
    double before, v;
    assert_int_equal(brink_scenario_get_number(ctx, sc, "params.nuclear_rate", &before), BRINK_OK);
    assert_true(before == 0.3); /* the schema default, korea.yaml leaves it */
    brink_posterior_t *p = load(ctx, "weight,params.nuclear_rate,params.no_such,params.missile_days\n"
                                     "1,0.5,1,2\n1,1.5,1,2\n1,2,1,40\n", &d, &st);
    assert_int_equal(st, BRINK_OK);
    assert_int_equal(brink_posterior_check(ctx, p, sc, &d), BRINK_EVALIDATE);
    assert_int_equal(d.count, 3);
    assert_int_equal(d.items[0].line, 3); /* 1.5: nuclear_rate is in [0, 1] */
    assert_int_equal(d.items[0].column, 3);
    assert_string_equal(d.items[0].message,
                        "params.nuclear_rate: 1.5 is out of range; expected [0, 1]");
    assert_int_equal(d.items[1].line, 1);
    assert_int_equal(d.items[1].column, 28);
    assert_non_null(strstr(d.items[1].message, "params.no_such: found a column the scenario "
                                               "does not have"));
    assert_int_equal(d.items[2].line, 4); /* 40 launch days: missile_days is in [0, 31] */
    assert_int_equal(d.items[2].column, 7);
    assert_int_equal(brink_scenario_get_number(ctx, sc, "params.nuclear_rate", &v), BRINK_OK);
    assert_true(v == before);
    brink_diags_clear(ctx, &d);
    /* apply set 0 with the unknown path skipped; set 1 fails at its value */
    unsigned char skip[3] = {0, 1, 0};
    assert_int_equal(brink_posterior_apply(ctx, p, 0, sc, skip, NULL), BRINK_OK);
    assert_int_equal(brink_scenario_get_number(ctx, sc, "params.nuclear_rate", &v), BRINK_OK);
    assert_true(v == 0.5);
    assert_int_equal(brink_scenario_get_number(ctx, sc, "params.missile_days", &v), BRINK_OK);
    assert_true(v == 2);
    size_t bad = 99;
    assert_int_equal(brink_posterior_apply(ctx, p, 1, sc, NULL, &bad), BRINK_ERANGE);
    assert_int_equal(bad, 0);
    assert_int_equal(brink_posterior_apply(ctx, p, 0, sc, NULL, &bad), BRINK_ENOTFOUND);
    assert_int_equal(bad, 1);
    brink_posterior_free(p);
    /* a clean posterior passes */
    p = load(ctx, "weight,params.nuclear_rate\n1,0\n2,1\n", &d, &st);
    assert_int_equal(brink_posterior_check(ctx, p, sc, &d), BRINK_OK);
    assert_int_equal(d.count, 0);
    brink_posterior_free(p);
    /* one field, two spellings */
    int same = -1;
    assert_int_equal(brink_scenario_same_field(ctx, sc, "actors[DPRK].leaders[1].risk",
                                               "actors[0].leaders[1].risk", &same),
                     BRINK_OK);
    assert_int_equal(same, 1);
    assert_int_equal(brink_scenario_same_field(ctx, sc, "actors[DPRK].leaders[1].risk",
                                               "actors[DPRK].leaders[0].risk", &same),
                     BRINK_OK);
    assert_int_equal(same, 0);
    assert_int_equal(brink_scenario_same_field(ctx, sc, "params.nuclear_rate", "params.nope",
                                               &same),
                     BRINK_ENOTFOUND);
    brink_scenario_free(sc);
    brink_ctx_free(ctx);
}

/* The draw: point 0 is brink_sim_pick_model's (brink run's rule); zero
 * weights are never drawn; frequencies follow the weights; other points
 * draw independently. */
static void test_pick(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_status_t st;
    brink_posterior_t *p = load(ctx, "weight,a\n1,0\n0,1\n3,2\n", &d, &st);
    assert_int_equal(st, BRINK_OK);
    const double *w = brink_posterior_weights(p);
    uint32_t count[3] = {0, 0, 0}, differ = 0;
    for (uint32_t rep = 0; rep < 4000; rep++) {
        assert_int_equal(brink_posterior_pick(p, 42, 0, rep), brink_sim_pick_model(w, 3, 42, rep));
        for (uint32_t point = 0; point < 5; point++)
            count[brink_posterior_pick(p, 42, point, rep)]++;
        differ += brink_posterior_pick(p, 42, 1, rep) != brink_posterior_pick(p, 42, 0, rep);
    }
    assert_int_equal(count[1], 0);
    /* P(set 2) = 3/4 over 20000 draws: sd 0.0031 */
    double share = count[2] / 20000.0;
    assert_true(fabs(share - 0.75) < 0.02);
    /* two independent draws differ with probability 2 (1/4)(3/4) = 3/8 */
    assert_true(fabs(differ / 4000.0 - 0.375) < 0.04);
    brink_posterior_free(p);
    /* one set: always 0 */
    p = load(ctx, "weight,a\n0.5,1\n", &d, &st);
    for (uint32_t rep = 0; rep < 100; rep++)
        assert_int_equal(brink_posterior_pick(p, 7, rep % 3, rep), 0);
    brink_posterior_free(p);
    brink_ctx_free(ctx);
}

/* Every allocation failure is reported and frees what it took. */
static void test_fault_injection(void **state)
{
    (void)state;
    failing_t f = {-1, 0, 0};
    brink_allocator_t a = failing_allocator(&f);
    brink_ctx_t *ctx = brink_ctx_new(&a);
    assert_non_null(ctx);
    long base = f.live;
    brink_diags_t d;
    brink_diags_init(&d);
    const char *texts[] = {GOOD, "weight,a,a\n1,x,2\n", "w\n"};
    for (size_t t = 0; t < 3; t++) {
        brink_posterior_t *p = NULL;
        f.calls = 0;
        brink_status_t want = brink_posterior_load_string(ctx, "p.csv", texts[t],
                                                          strlen(texts[t]), &p, &d);
        long total = f.calls;
        brink_posterior_free(p);
        brink_diags_clear(ctx, &d);
        for (long n = 0; n < total; n++) {
            f.countdown = n;
            p = NULL;
            brink_status_t st = brink_posterior_load_string(ctx, "p.csv", texts[t],
                                                            strlen(texts[t]), &p, &d);
            f.countdown = -1;
            assert_true(st == want || st == BRINK_ENOMEM);
            assert_true((st == BRINK_OK) == (p != NULL));
            brink_posterior_free(p);
            brink_diags_clear(ctx, &d);
            assert_int_equal(f.live, base);
        }
    }
    brink_ctx_free(ctx);
    assert_int_equal(f.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_sets),
        cmocka_unit_test(test_shipped),
        cmocka_unit_test(test_located_errors),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_check_and_apply),
        cmocka_unit_test(test_pick),
        cmocka_unit_test(test_fault_injection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
