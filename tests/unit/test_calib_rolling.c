/* test_calib_rolling.c - rolling-origin backtests (brink/rolling.h) on
 * records whose forecasts have closed forms, a model callback that knows
 * the future, and fault injection through the record loader, the rolling
 * backtest and the particle filter (every allocation failure is reported
 * and frees what it took). */
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

/* a constant series: 3 events each year 2010-2017 (in March) */
static const char *const CONST3 =
    "format: 1\ncase: c\nthrough: 2017-12\nseries:\n  - {actor: A, kind: k, from: 2010-01}\n"
    "events:\n"
    "  - {date: 2010-03, actor: A, kind: k, count: 3}\n  - {date: 2011-03, actor: A, kind: k, count: 3}\n"
    "  - {date: 2012-03, actor: A, kind: k, count: 3}\n  - {date: 2013-03, actor: A, kind: k, count: 3}\n"
    "  - {date: 2014-03, actor: A, kind: k, count: 3}\n  - {date: 2015-03, actor: A, kind: k, count: 3}\n"
    "  - {date: 2016-03, actor: A, kind: k, count: 3}\n  - {date: 2017-03, actor: A, kind: k, count: 3}\n";

static brink_record_t *load(brink_ctx_t *ctx, const char *text)
{
    brink_diags_t d;
    brink_diags_init(&d);
    brink_record_t *r = NULL;
    assert_int_equal(brink_record_load_string(ctx, "r.yaml", text, strlen(text), &r, &d),
                     BRINK_OK);
    brink_diags_clear(ctx, &d);
    return r;
}

/* a model that puts all its mass on the outcome: CRPS 0 */
static brink_status_t oracle(brink_ctx_t *ctx, void *ud, int origin, int years, size_t len,
                             double *pmfs)
{
    (void)ctx, (void)ud, (void)origin;
    memset(pmfs, 0, (size_t)years * len * sizeof *pmfs);
    for (int h = 0; h < years; h++)
        pmfs[(size_t)h * len + 3] = 1.0;
    return BRINK_OK;
}

/* Constant counts: persistence and the oracle are exact (CRPS 0); Poisson
 * at the mean 3 has the CRPS of Poisson(3) at 3; origins 2012-2016 with
 * horizons 1-2 score 5 and 4 forecasts (2017 is the last observed year). */
static void test_constant(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_record_t *r = load(ctx, CONST3);
    brink_rolling_config_t cfg;
    brink_rolling_config_default(&cfg);
    cfg.first = 2012;
    cfg.last = 2016;
    cfg.hmax = 2;
    cfg.bootstrap = 50;
    brink_rolling_t *res = NULL;
    assert_int_equal(brink_rolling_run(ctx, r, &cfg, oracle, NULL, &res), BRINK_OK);
    assert_int_equal(res->nrows, 9);
    const brink_rolling_cell_t *c1 = brink_rolling_cell(res, 0, 1, BRINK_ROLLING_MODEL);
    const brink_rolling_cell_t *c2 = brink_rolling_cell(res, 0, 2, BRINK_BASELINE_PERSISTENCE);
    const brink_rolling_cell_t *cp = brink_rolling_cell(res, 0, 1, BRINK_BASELINE_POISSON);
    assert_int_equal(c1->n, 5);
    assert_int_equal(c2->n, 4);
    assert_true(c1->crps == 0 && c2->crps == 0);
    assert_true(c1->cover50 == 1 && c1->cover90 == 1);
    /* Poisson(3) at 3: sum_k (F(k) - 1{k >= 3})^2 */
    double F = 0, crps = 0, p = exp(-3.0);
    for (int k = 0; k < 60; k++) {
        F += p;
        crps += (F - (k >= 3)) * (F - (k >= 3));
        p *= 3.0 / (k + 1);
    }
    assert_true(fabs(cp->crps - crps) < 1e-9);
    /* the oracle's skill against Poisson is 1, with a degenerate interval */
    assert_true(fabs(cp->skill - 1.0) < 1e-12 && fabs(cp->skill_lo - 1.0) < 1e-12);
    /* against persistence (CRPS 0) there is no skill to compute */
    assert_true(isnan(c2->skill));
    /* Brier of P(>= 1) = 1 against an event every year: the oracle's is 0 */
    assert_true(c1->brier == 0);
    /* a training window shorter than min_train is skipped */
    cfg.first = 2010;
    cfg.last = 2010;
    brink_rolling_free(ctx, res);
    assert_int_equal(brink_rolling_run(ctx, r, &cfg, NULL, NULL, &res), BRINK_OK);
    assert_int_equal(res->nrows, 0);
    brink_rolling_free(ctx, res);
    cfg.hmax = 0;
    assert_int_equal(brink_rolling_run(ctx, r, &cfg, NULL, NULL, &res), BRINK_EINVAL);
    brink_record_free(r);
    brink_ctx_free(ctx);
}

/* a model whose particles count one event every month */
static brink_status_t one_draw(void *ud, brink_rng_t *rng, double *theta)
{
    (void)ud;
    theta[0] = brink_rng_uniform(rng);
    return BRINK_OK;
}
static brink_status_t one_init(void *ud, const double *theta, int start, brink_rng_t *rng,
                               void **p)
{
    (void)ud, (void)theta, (void)start, (void)rng;
    *p = malloc(sizeof(double));
    return *p ? BRINK_OK : BRINK_ENOMEM;
}
static brink_status_t one_advance(void *ud, void *p, const double *theta, int month,
                                  brink_rng_t *rng)
{
    (void)ud, (void)month;
    *(double *)p = brink_rng_uniform(rng) < theta[0] ? 1.0 : 0.0;
    return BRINK_OK;
}
static void one_counts(void *ud, const void *p, double *out)
{
    (void)ud;
    out[0] = *(const double *)p;
}
static brink_status_t one_copy(void *ud, const void *src, void **dst)
{
    (void)ud;
    *dst = malloc(sizeof(double));
    if (!*dst)
        return BRINK_ENOMEM;
    memcpy(*dst, src, sizeof(double));
    return BRINK_OK;
}
static void one_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}
static long one_series(void *ud, const char *a, const char *k)
{
    (void)ud;
    return strcmp(a, "A") == 0 && strcmp(k, "k") == 0 ? 0 : -1;
}

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
    /* the record loader, on a valid and an invalid text */
    const char *texts[] = {CONST3, "format: 1\ncase: c\nthrough: 2017-12\nseries:\n"
                                   "  - {actor: A, kind: k, from: 2010-01}\nevents:\n"
                                   "  - {date: 2009-03, actor: B, kind: k}\n"};
    for (size_t t = 0; t < 2; t++) {
        brink_record_t *r = NULL;
        f.calls = 0;
        brink_status_t want = brink_record_load_string(ctx, "r.yaml", texts[t],
                                                       strlen(texts[t]), &r, &d);
        long total = f.calls;
        brink_record_free(r);
        brink_diags_clear(ctx, &d);
        for (long n = 0; n < total; n++) {
            f.countdown = n;
            r = NULL;
            brink_status_t st = brink_record_load_string(ctx, "r.yaml", texts[t],
                                                         strlen(texts[t]), &r, &d);
            f.countdown = -1;
            assert_true(st == want || st == BRINK_ENOMEM);
            assert_true((st == BRINK_OK) == (r != NULL));
            brink_record_free(r);
            brink_diags_clear(ctx, &d);
            assert_int_equal(f.live, base);
        }
    }
    /* the rolling backtest */
    brink_record_t *r = NULL;
    assert_int_equal(brink_record_load_string(ctx, "r.yaml", CONST3, strlen(CONST3), &r, &d),
                     BRINK_OK);
    long with_record = f.live;
    brink_rolling_config_t cfg;
    brink_rolling_config_default(&cfg);
    cfg.first = 2013;
    cfg.last = 2015;
    cfg.hmax = 2;
    cfg.bootstrap = 20;
    cfg.len = 32;
    brink_rolling_t *res = NULL;
    f.calls = 0;
    assert_int_equal(brink_rolling_run(ctx, r, &cfg, oracle, NULL, &res), BRINK_OK);
    long total = f.calls;
    brink_rolling_free(ctx, res);
    for (long n = 0; n < total; n++) {
        f.countdown = n;
        res = NULL;
        brink_status_t st = brink_rolling_run(ctx, r, &cfg, oracle, NULL, &res);
        f.countdown = -1;
        assert_true(st == BRINK_OK || st == BRINK_ENOMEM);
        assert_true((st == BRINK_OK) == (res != NULL));
        brink_rolling_free(ctx, res);
        assert_int_equal(f.live, with_record);
    }
    /* the particle filter (one thread, so the allocation order is fixed) */
    brink_smc_model_t m = {1, 1, NULL, one_draw, one_init, one_advance, one_counts,
                           one_copy, one_free, one_series};
    brink_smc_config_t sc;
    brink_smc_config_default(&sc);
    sc.particles = 30;
    sc.threads = 1;
    static double tot[30];
    brink_smc_t *flt = NULL;
    f.calls = 0;
    assert_int_equal(brink_smc_new(ctx, &m, &sc, r, 2010 * 12, &flt), BRINK_OK);
    assert_int_equal(brink_smc_condition(ctx, flt, 2013 * 12 + 11), BRINK_OK);
    assert_int_equal(brink_smc_forecast(ctx, flt, 12, tot), BRINK_OK);
    total = f.calls;
    brink_smc_free(flt);
    for (long n = 0; n < total; n++) {
        f.countdown = n;
        flt = NULL;
        brink_status_t st = brink_smc_new(ctx, &m, &sc, r, 2010 * 12, &flt);
        if (st == BRINK_OK)
            st = brink_smc_condition(ctx, flt, 2013 * 12 + 11);
        if (st == BRINK_OK)
            st = brink_smc_forecast(ctx, flt, 12, tot);
        f.countdown = -1;
        assert_true(st == BRINK_OK || st == BRINK_ENOMEM);
        brink_smc_free(flt);
        assert_int_equal(f.live, with_record);
    }
    brink_record_free(r);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
    assert_int_equal(f.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constant),
        cmocka_unit_test(test_fault_injection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
