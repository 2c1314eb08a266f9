/* test_calib_smc.c - the particle filter of brink/smc.h on a gamma-Poisson
 * model, whose posterior and marginal likelihood have closed forms:
 * lambda ~ Gamma(a, rate b), monthly counts y_t ~ Poisson(lambda):
 *   posterior Gamma(a + S, b + T), mean (a + S)/(b + T),
 *   log p(y) = a log b - lgG(a) + lgG(a + S) - (a + S) log(b + T)
 *              - sum_t lgG(y_t + 1).
 * Also: identical results for 1 and 2 threads, the annual-total path, the
 * errors for a series the model cannot produce and for zero likelihood,
 * and the warning when the effective sample size collapses.  The record is
 * synthetic and runs past 2019 on purpose (2020-2021). */
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

#define A_PRIOR 2.0
#define B_PRIOR 1.0

typedef struct gp_ud {
    int zero; /* 1: the model produces no events at all */
} gp_ud_t;

typedef struct gp_particle {
    double c;
} gp_particle_t;

static brink_status_t gp_draw(void *ud, brink_rng_t *rng, double *theta)
{
    (void)ud;
    theta[0] = log(brink_rng_gamma(rng, A_PRIOR) / B_PRIOR);
    return BRINK_OK;
}

static brink_status_t gp_init(void *ud, const double *theta, int start, brink_rng_t *rng,
                              void **particle)
{
    (void)ud, (void)theta, (void)start, (void)rng;
    gp_particle_t *p = calloc(1, sizeof *p);
    if (!p)
        return BRINK_ENOMEM;
    *particle = p;
    return BRINK_OK;
}

static brink_status_t gp_advance(void *ud, void *particle, const double *theta, int month,
                                 brink_rng_t *rng)
{
    (void)month, (void)rng;
    gp_particle_t *p = particle;
    p->c = ((gp_ud_t *)ud)->zero ? 0.0 : exp(theta[0]);
    return BRINK_OK;
}

static void gp_counts(void *ud, const void *particle, double *out)
{
    (void)ud;
    out[0] = ((const gp_particle_t *)particle)->c;
}

static brink_status_t gp_copy(void *ud, const void *src, void **dst)
{
    (void)ud;
    gp_particle_t *p = malloc(sizeof *p);
    if (!p)
        return BRINK_ENOMEM;
    *p = *(const gp_particle_t *)src;
    *dst = p;
    return BRINK_OK;
}

static void gp_free(void *ud, void *particle)
{
    (void)ud;
    free(particle);
}

static long gp_series(void *ud, const char *actor, const char *kind)
{
    (void)ud;
    return strcmp(actor, "X") == 0 && strcmp(kind, "event") == 0 ? 0 : -1;
}

static brink_smc_model_t gp_model(gp_ud_t *ud)
{
    brink_smc_model_t m = {1, 1, ud, gp_draw, gp_init, gp_advance, gp_counts,
                           gp_copy, gp_free, gp_series};
    return m;
}

/* 24 synthetic monthly counts, 2020-01 to 2021-12 */
static const int ys[24] = {1, 0, 2, 1, 3, 0, 1, 1, 2, 0, 0, 1, 2, 1, 0, 1, 4, 1, 0, 2, 1, 1, 0, 2};

static brink_record_t *monthly_record(brink_ctx_t *ctx)
{
    char text[8192];
    size_t len = (size_t)snprintf(text, sizeof text,
                                  "format: 1\ncase: synthetic\nthrough: 2021-12\n"
                                  "series:\n  - {actor: X, kind: event, from: 2020-01}\nevents:\n");
    for (int t = 0; t < 24; t++)
        if (ys[t] > 0)
            len += (size_t)snprintf(text + len, sizeof text - len,
                                    "  - {date: %04d-%02d-15, actor: X, kind: event, count: %d}\n",
                                    2020 + t / 12, t % 12 + 1, ys[t]);
    brink_diags_t d;
    brink_diags_init(&d);
    brink_record_t *r = NULL;
    assert_int_equal(brink_record_load_string(ctx, "synthetic.yaml", text, len, &r, &d), BRINK_OK);
    brink_diags_clear(ctx, &d);
    return r;
}

static brink_smc_config_t exact_config(int threads)
{
    brink_smc_config_t cfg;
    brink_smc_config_default(&cfg);
    cfg.particles = 20000;
    cfg.seed = 42;
    cfg.threads = threads;
    cfg.rejuvenate = BRINK_SMC_REJUV_NONE;
    cfg.floor = 0.0;
    cfg.forecast_obs = 1; /* the model's counts are expected values */
    return cfg;
}

static double lambda_mean(const brink_smc_t *f)
{
    double s = 0;
    const double *w = brink_smc_weights(f);
    for (uint32_t i = 0; i < brink_smc_nparticles(f); i++)
        s += w[i] * exp(brink_smc_theta(f, i)[0]);
    return s;
}

/* The closed form, within Monte Carlo error: the posterior sd is
 * sqrt(a+S)/(b+T) = 0.21; with 20000 particles and at least ~2000
 * distinct ancestors the Monte Carlo sd of the mean is below 0.005, and of
 * log Z below 0.03 (relative variance of Z about 1/ESS).  Tolerances: 0.02
 * and 0.1, four standard errors or more. */
static void test_gamma_poisson_exact(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_record_t *rec = monthly_record(ctx);
    gp_ud_t ud = {0};
    brink_smc_model_t m = gp_model(&ud);
    double S = 0, lf = 0;
    for (int t = 0; t < 24; t++) {
        S += ys[t];
        lf += lgamma(ys[t] + 1.0);
    }
    double T = 24, mean = (A_PRIOR + S) / (B_PRIOR + T);
    double logz = A_PRIOR * log(B_PRIOR) - lgamma(A_PRIOR) + lgamma(A_PRIOR + S) -
                  (A_PRIOR + S) * log(B_PRIOR + T) - lf;
    double res[2][2];
    brink_smc_t *f[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        brink_smc_config_t cfg = exact_config(k + 1);
        assert_int_equal(brink_smc_new(ctx, &m, &cfg, rec, 2020 * 12, &f[k]), BRINK_OK);
        assert_int_equal(brink_smc_condition(ctx, f[k], 2021 * 12 + 11), BRINK_OK);
        res[k][0] = lambda_mean(f[k]);
        res[k][1] = brink_smc_log_evidence(f[k]);
        print_message("threads %d: posterior mean %.5f (closed form %.5f), log Z %.5f (closed "
                      "form %.5f), %u resamplings\n", k + 1, res[k][0], mean, res[k][1], logz,
                      brink_smc_resamplings(f[k]));
        assert_true(fabs(res[k][0] - mean) < 0.02);
        assert_true(fabs(res[k][1] - logz) < 0.1);
        size_t ne;
        const double *ess = brink_smc_ess(f[k], &ne);
        assert_int_equal(ne, 24);
        assert_true(ess[0] > 0 && ess[0] <= 20000.0 + 1e-6);
    }
    /* identical for 1 and 2 threads, bit for bit */
    assert_memory_equal(res[0], res[1], sizeof res[0]);
    assert_memory_equal(brink_smc_weights(f[0]), brink_smc_weights(f[1]),
                        20000 * sizeof(double));
    /* a free forecast of the next 12 months: mean 12 x the posterior mean */
    static double tot[20000];
    assert_int_equal(brink_smc_forecast(ctx, f[0], 12, tot), BRINK_OK);
    double fm = 0;
    for (uint32_t i = 0; i < 20000; i++)
        fm += brink_smc_weights(f[0])[i] * tot[i];
    assert_true(fabs(fm - 12 * mean) < 0.3);
    assert_int_equal(brink_smc_month(f[0]), 2022 * 12 + 11);
    brink_smc_free(f[0]);
    brink_smc_free(f[1]);
    brink_record_free(rec);
    brink_ctx_free(ctx);
}

/* Liu-West rejuvenation keeps the posterior mean (a looser tolerance: the
 * kernel is an approximation) and resamples. */
static void test_gamma_poisson_liu_west(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_record_t *rec = monthly_record(ctx);
    gp_ud_t ud = {0};
    brink_smc_model_t m = gp_model(&ud);
    brink_smc_config_t cfg = exact_config(2);
    cfg.rejuvenate = BRINK_SMC_REJUV_LIU_WEST;
    brink_smc_t *f = NULL;
    assert_int_equal(brink_smc_new(ctx, &m, &cfg, rec, 2020 * 12, &f), BRINK_OK);
    assert_int_equal(brink_smc_condition(ctx, f, 2021 * 12 + 11), BRINK_OK);
    double S = 0;
    for (int t = 0; t < 24; t++)
        S += ys[t];
    print_message("Liu-West: posterior mean %.5f (closed form %.5f), log Z %.5f\n",
                  lambda_mean(f), (A_PRIOR + S) / (B_PRIOR + 24), brink_smc_log_evidence(f));
    assert_true(fabs(lambda_mean(f) - (A_PRIOR + S) / (B_PRIOR + 24)) < 0.04);
    assert_true(brink_smc_resamplings(f) > 0);
    brink_smc_free(f);
    brink_record_free(rec);
    brink_ctx_free(ctx);
}

/* An annual total Y of a Poisson(lambda) month is Poisson(12 lambda):
 * log Z = a log b - lgG(a) + lgG(a+Y) - (a+Y) log(b+12) + Y log 12 - lgG(Y+1). */
static void test_annual_total(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char *text = "format: 1\ncase: synthetic\nthrough: 2020-12\nseries:\n"
                       "  - {actor: X, kind: event, from: 2020-01, by: year}\n"
                       "totals:\n  - {year: 2020, actor: X, kind: event, count: 17}\n";
    brink_diags_t d;
    brink_diags_init(&d);
    brink_record_t *rec = NULL;
    assert_int_equal(brink_record_load_string(ctx, "a.yaml", text, strlen(text), &rec, &d),
                     BRINK_OK);
    gp_ud_t ud = {0};
    brink_smc_model_t m = gp_model(&ud);
    brink_smc_config_t cfg = exact_config(2);
    brink_smc_t *f = NULL;
    assert_int_equal(brink_smc_new(ctx, &m, &cfg, rec, 2020 * 12, &f), BRINK_OK);
    assert_int_equal(brink_smc_condition(ctx, f, 2020 * 12 + 11), BRINK_OK);
    double Y = 17;
    double logz = A_PRIOR * log(B_PRIOR) - lgamma(A_PRIOR) + lgamma(A_PRIOR + Y) -
                  (A_PRIOR + Y) * log(B_PRIOR + 12) + Y * log(12.0) - lgamma(Y + 1);
    print_message("annual: log Z %.5f (closed form %.5f)\n", brink_smc_log_evidence(f), logz);
    assert_true(fabs(brink_smc_log_evidence(f) - logz) < 0.05);
    assert_true(fabs(lambda_mean(f) - (A_PRIOR + Y) / (B_PRIOR + 12)) < 0.02);
    size_t ne;
    (void)brink_smc_ess(f, &ne);
    assert_int_equal(ne, 1); /* one observation: December */
    brink_smc_free(f);
    brink_record_free(rec);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

static char logged[1024];
static void on_log(brink_log_level_t level, const char *msg, void *ud)
{
    (void)ud;
    if (level == BRINK_LOG_WARN && !logged[0])
        snprintf(logged, sizeof logged, "%s", msg);
}

/* a record the model cannot produce; zero likelihood everywhere; collapse */
static void test_errors(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    const char *text = "format: 1\ncase: s\nthrough: 2020-12\nseries:\n"
                       "  - {actor: X, kind: event, from: 2020-01}\n"
                       "  - {actor: Y, kind: summit, from: 2020-01}\n";
    brink_record_t *rec = NULL;
    assert_int_equal(brink_record_load_string(ctx, "bad.yaml", text, strlen(text), &rec, &d),
                     BRINK_OK);
    gp_ud_t ud = {0};
    brink_smc_model_t m = gp_model(&ud);
    brink_smc_config_t cfg = exact_config(1);
    cfg.particles = 100;
    brink_smc_t *f = NULL;
    assert_int_equal(brink_smc_new(ctx, &m, &cfg, rec, 2020 * 12, &f), BRINK_EVALIDATE);
    assert_null(f);
    assert_non_null(strstr(brink_ctx_errmsg(ctx), "bad.yaml:6:5: series[1]"));
    assert_non_null(strstr(brink_ctx_errmsg(ctx), "Y/summit"));
    brink_record_free(rec);

    rec = monthly_record(ctx);
    ud.zero = 1;
    assert_int_equal(brink_smc_new(ctx, &m, &cfg, rec, 2020 * 12, &f), BRINK_OK);
    assert_int_equal(brink_smc_condition(ctx, f, 2021 * 12 + 11), BRINK_ENUMERIC);
    assert_non_null(strstr(brink_ctx_errmsg(ctx), "2020-01"));
    assert_non_null(strstr(brink_ctx_errmsg(ctx), "X/event observed 1"));
    brink_smc_free(f);
    /* with a floor the same model runs (every count is possible) */
    cfg.floor = 0.05;
    assert_int_equal(brink_smc_new(ctx, &m, &cfg, rec, 2020 * 12, &f), BRINK_OK);
    brink_ctx_set_log(ctx, on_log, NULL);
    assert_int_equal(brink_smc_condition(ctx, f, 2021 * 12 + 11), BRINK_OK);
    brink_smc_free(f);
    brink_record_free(rec);

    /* a count of 60 in one month under a Gamma(2, 1) prior: the ESS collapses */
    ud.zero = 0;
    logged[0] = '\0';
    const char *big = "format: 1\ncase: s\nthrough: 2020-02\nseries:\n"
                      "  - {actor: X, kind: event, from: 2020-01}\nevents:\n"
                      "  - {date: 2020-01, actor: X, kind: event, count: 60}\n";
    assert_int_equal(brink_record_load_string(ctx, "big.yaml", big, strlen(big), &rec, &d),
                     BRINK_OK);
    cfg.particles = 500;
    assert_int_equal(brink_smc_new(ctx, &m, &cfg, rec, 2020 * 12, &f), BRINK_OK);
    assert_int_equal(brink_smc_condition(ctx, f, 2020 * 12 + 1), BRINK_OK);
    assert_true(brink_smc_collapses(f) >= 1);
    assert_non_null(strstr(logged, "effective sample size collapsed"));
    brink_smc_free(f);
    brink_record_free(rec);
    brink_diags_clear(ctx, &d);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gamma_poisson_exact),
        cmocka_unit_test(test_gamma_poisson_liu_west),
        cmocka_unit_test(test_annual_total),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
