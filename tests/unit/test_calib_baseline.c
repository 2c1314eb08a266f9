/* test_calib_baseline.c - the baselines and the comparison statistics of
 * brink/baseline.h against closed forms, brute-force enumeration and a
 * published example (Bliss and Fisher 1953); never the program's own
 * output. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

#define EQ(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

static double pois(long k, double m) { return exp((double)k * log(m) - m - lgamma((double)k + 1)); }

/* NB(mu = 2, r = 1) is the geometric law (1/3)(2/3)^k; r = infinity is Poisson. */
static void test_nb_pmf(void **state)
{
    (void)state;
    for (long k = 0; k < 8; k++) {
        EQ(brink_nb_pmf(k, 2.0, 1.0), pow(2.0 / 3.0, (double)k) / 3.0, 1e-14);
        EQ(brink_nb_pmf(k, 2.5, INFINITY), pois(k, 2.5), 1e-14);
    }
    /* NB(mu, r = 2): P(1) = 2 (2/(2+mu))^2 mu/(2+mu) */
    EQ(brink_nb_pmf(1, 3.0, 2.0), 2.0 * 0.16 * 0.6, 1e-14);
    EQ(brink_nb_pmf(0, 0.0, 3.0), 1.0, 0);
    EQ(brink_nb_pmf(2, 0.0, 3.0), 0.0, 0);
    double pmf[6];
    brink_nb_fill(pmf, 6, 2.0, 1.0);
    EQ(pmf[5], pow(2.0 / 3.0, 5.0), 1e-14); /* the tail P(X >= 5) */
}

/* Bliss and Fisher (1953), European red mites on 150 apple leaves:
 * frequencies of 0..7 mites 70 38 17 10 9 3 2 1, mean 1.1467; the
 * maximum-likelihood k is 1.025 (their Table; also Ross and Preece 1985). */
static void test_nb_ml_bliss_fisher(void **state)
{
    (void)state;
    static const int freq[] = {70, 38, 17, 10, 9, 3, 2, 1};
    long y[150];
    size_t n = 0;
    for (long k = 0; k < 8; k++)
        for (int j = 0; j < freq[k]; j++)
            y[n++] = k;
    assert_int_equal(n, 150);
    double r = brink_nb_ml_r(y, n);
    EQ(r, 1.025, 0.003);
    /* underdispersed data have no finite maximum: Poisson */
    long u[4] = {2, 2, 3, 2};
    assert_true(isinf(brink_nb_ml_r(u, 4)));
}

/* Poisson at the mean, NB by moments, persistence: closed forms. */
static void test_simple_baselines(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    long y[4] = {0, 2, 4, 6};
    double pmf[60];
    assert_int_equal(brink_baseline_forecast(ctx, BRINK_BASELINE_POISSON, y, 4, 1, pmf, 60),
                     BRINK_OK);
    for (long k = 0; k < 20; k++)
        EQ(pmf[k], pois(k, 3.0), 1e-14);
    /* mean 3, variance 20/3: r = 9 / (20/3 - 3) = 27/11, P(0) = (r/(r+3))^r */
    assert_int_equal(brink_baseline_forecast(ctx, BRINK_BASELINE_NB_MOM, y, 4, 2, pmf, 60),
                     BRINK_OK);
    double r = 27.0 / 11.0;
    EQ(pmf[0], pow(r / (r + 3.0), r), 1e-13);
    assert_int_equal(brink_baseline_forecast(ctx, BRINK_BASELINE_PERSISTENCE, y, 4, 3, pmf, 60),
                     BRINK_OK);
    EQ(pmf[6], 1.0, 0);
    EQ(pmf[5] + pmf[7], 0.0, 0);
    /* a count above the support lands in the last cell */
    long big[1] = {100};
    assert_int_equal(
        brink_baseline_forecast(ctx, BRINK_BASELINE_PERSISTENCE, big, 1, 1, pmf, 60), BRINK_OK);
    EQ(pmf[59], 1.0, 0);
    long bad[2] = {1, -1};
    assert_int_equal(brink_baseline_forecast(ctx, BRINK_BASELINE_POISSON, bad, 2, 1, pmf, 60),
                     BRINK_EINVAL);
    assert_int_equal(brink_baseline_forecast(ctx, BRINK_BASELINE_POISSON, y, 4, 0, pmf, 60),
                     BRINK_EINVAL);
    brink_ctx_free(ctx);
}

static const long series[] = {3, 1, 0, 6, 11, 7, 15, 9, 19, 24, 14, 21, 2, 27, 8, 12};
#define NS (sizeof series / sizeof series[0])

/* NB-AR(1): the log-likelihood by its formula; the fit is a local maximum;
 * the h-step pmf has the mean a (1 + b + ... + b^(h-1)) + b^h y_last. */
static void test_nbar1(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_nbar1_t p = {1.5, 0.4, 2.0, 0};
    double ll = 0;
    for (size_t t = 1; t < NS; t++) {
        double mu = 1.5 + 0.4 * (double)series[t - 1], r = 2.0, k = (double)series[t];
        ll += lgamma(k + r) - lgamma(r) - lgamma(k + 1) + r * log(r / (r + mu)) +
              k * log(mu / (r + mu));
    }
    EQ(brink_nbar1_loglik(&p, series, NS), ll, 1e-10);
    brink_nbar1_t fit;
    assert_int_equal(brink_nbar1_fit(ctx, series, NS, &fit), BRINK_OK);
    assert_true(fit.a > 0 && fit.b >= 0 && fit.b < 1 && fit.r > 0);
    for (int d = 0; d < 6; d++) {
        brink_nbar1_t q = fit;
        double e = (d % 2 ? -1 : 1) * 0.01;
        if (d / 2 == 0)
            q.a *= 1 + e;
        else if (d / 2 == 1)
            q.b *= 1 + e;
        else
            q.r *= 1 + e;
        assert_true(brink_nbar1_loglik(&q, series, NS) <= fit.loglik + 1e-7);
    }
    static double pmf[400];
    for (int h = 1; h <= 3; h++) {
        assert_int_equal(brink_baseline_forecast(ctx, BRINK_BASELINE_NBAR1, series, NS, h, pmf,
                                                 400), BRINK_OK);
        double expect = 0, bp = 1;
        for (int j = 0; j < h; j++) {
            expect += fit.a * bp;
            bp *= fit.b;
        }
        expect += bp * (double)series[NS - 1];
        EQ(brink_pmf_mean(pmf, 400), expect, 1e-6 * (1 + expect));
    }
    brink_ctx_free(ctx);
}

/* MS-NB: likelihood, filtered regime and forecast against enumeration of
 * every regime path. */
static double path_sum(const brink_msnb_t *p, const long *y, size_t n, int last_state,
                       int future, long yk)
{
    double pi0 = (1 - p->p11) / (2 - p->p00 - p->p11), tot = 0;
    for (unsigned path = 0; path < (1u << n); path++) {
        double pr = 1;
        int prev = -1, s = 0;
        for (size_t t = 0; t < n; t++) {
            s = (path >> t) & 1;
            if (t == 0)
                pr *= s ? 1 - pi0 : pi0;
            else
                pr *= prev == 0 ? (s == 0 ? p->p00 : 1 - p->p00) : (s == 1 ? p->p11 : 1 - p->p11);
            pr *= brink_nb_pmf(y[t], p->mu[s], p->r);
            prev = s;
        }
        if (last_state >= 0 && s != last_state)
            continue;
        if (future > 0) { /* P(y_{n-1+future} = yk) by the future regime */
            double q[2] = {s == 0, s == 1};
            for (int k = 0; k < future; k++) {
                double q0 = q[0] * p->p00 + q[1] * (1 - p->p11);
                q[1] = q[0] * (1 - p->p00) + q[1] * p->p11;
                q[0] = q0;
            }
            pr *= q[0] * brink_nb_pmf(yk, p->mu[0], p->r) + q[1] * brink_nb_pmf(yk, p->mu[1], p->r);
        }
        tot += pr;
    }
    return tot;
}

static void test_msnb(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_msnb_t p = {{1.0, 12.0}, 3.0, 0.8, 0.7, 0, {0, 0}};
    long y[8] = {0, 2, 1, 14, 9, 18, 0, 3};
    double filt[2];
    double ll = brink_msnb_loglik(&p, y, 8, filt);
    double z = path_sum(&p, y, 8, -1, 0, 0);
    EQ(ll, log(z), 1e-10);
    EQ(filt[0], path_sum(&p, y, 8, 0, 0, 0) / z, 1e-12);
    /* the forecast pmf of the fitted model, by enumeration with the fit */
    brink_msnb_t fit;
    assert_int_equal(brink_msnb_fit(ctx, y, 8, &fit), BRINK_OK);
    assert_true(fit.mu[0] <= fit.mu[1]);
    double zf = path_sum(&fit, y, 8, -1, 0, 0);
    EQ(fit.loglik, log(zf), 1e-9);
    double pmf[200];
    assert_int_equal(brink_baseline_forecast(ctx, BRINK_BASELINE_MSNB, y, 8, 2, pmf, 200),
                     BRINK_OK);
    for (long k = 0; k < 6; k++)
        EQ(pmf[k], path_sum(&fit, y, 8, -1, 2, k) / zf, 1e-9);
    /* the fit beats the hand-set parameters on their own data */
    assert_true(fit.loglik >= ll - 1e-9);
    /* a series with two clear regimes: a low and a high mean */
    long r2[16] = {0, 1, 0, 0, 1, 20, 25, 18, 22, 24, 0, 1, 0, 0, 19, 23};
    assert_int_equal(brink_msnb_fit(ctx, r2, 16, &fit), BRINK_OK);
    assert_true(fit.mu[0] < 2.0 && fit.mu[1] > 15.0);
    brink_ctx_free(ctx);
}

/* the mixture is the mean of its five parts */
static void test_mixture(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    static double mix[300], part[300], sum[300];
    memset(sum, 0, sizeof sum);
    static const brink_baseline_t parts[] = {BRINK_BASELINE_POISSON, BRINK_BASELINE_NB_ML,
                                             BRINK_BASELINE_PERSISTENCE, BRINK_BASELINE_NBAR1,
                                             BRINK_BASELINE_MSNB};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(brink_baseline_forecast(ctx, parts[i], series, NS, 2, part, 300),
                         BRINK_OK);
        for (size_t k = 0; k < 300; k++)
            sum[k] += part[k] / 5;
    }
    assert_int_equal(brink_baseline_forecast(ctx, BRINK_BASELINE_MIXTURE, series, NS, 2, mix,
                                             300), BRINK_OK);
    double tot = 0;
    for (size_t k = 0; k < 300; k++) {
        EQ(mix[k], sum[k], 1e-15);
        tot += mix[k];
    }
    EQ(tot, 1.0, 1e-9);
    assert_string_equal(brink_baseline_name(BRINK_BASELINE_NBAR1), "nb_ar1");
    brink_ctx_free(ctx);
}

/* Student t and chi-square against their closed forms. */
static void test_distributions(void **state)
{
    (void)state;
    for (double t = -4; t <= 4; t += 0.37) {
        EQ(brink_student_t_cdf(t, 1), 0.5 + atan(t) / M_PI, 1e-12);
        EQ(brink_student_t_cdf(t, 2), 0.5 + t / (2 * sqrt(2 + t * t)), 1e-12);
        double u = t / sqrt(3.0);
        EQ(brink_student_t_cdf(t, 3), 0.5 + (u / (1 + u * u) + atan(u)) / M_PI, 1e-12);
    }
    for (double x = 0.1; x < 30; x *= 1.7) {
        EQ(brink_chisq_sf(x, 2), exp(-x / 2), 1e-13);
        EQ(brink_chisq_sf(x, 4), exp(-x / 2) * (1 + x / 2), 1e-13);
        EQ(brink_chisq_sf(x, 1), erfc(sqrt(x / 2)), 1e-13);
    }
}

/* Diebold-Mariano with the HLN correction, computed by hand:
 * d = 1 2 3 4, mean 2.5, gamma0 = 1.25, gamma1 = 0.3125. */
static void test_dm(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    double s1[4] = {1, 2, 3, 4}, s2[4] = {0, 0, 0, 0}, stat, p;
    assert_int_equal(brink_dm_test(ctx, s1, s2, 4, 1, &stat, &p), BRINK_OK);
    double dm = 2.5 / sqrt(1.25 / 4) * sqrt(0.75);
    EQ(stat, dm, 1e-12);
    double u = dm / sqrt(3.0);
    EQ(p, 2 * (1 - (0.5 + (u / (1 + u * u) + atan(u)) / M_PI)), 1e-12);
    assert_int_equal(brink_dm_test(ctx, s1, s2, 4, 2, &stat, &p), BRINK_OK);
    EQ(stat, 2.5 / sqrt(1.875 / 4) * sqrt(0.375), 1e-12);
    assert_int_equal(brink_dm_test(ctx, s2, s1, 4, 1, &stat, &p), BRINK_OK);
    EQ(stat, -dm, 1e-12);
    assert_int_equal(brink_dm_test(ctx, s2, s2, 4, 1, &stat, &p), BRINK_EINVAL);
    /* n = 3, h = 3: n + 1 - 2h + h(h-1)/n = 0, no test */
    assert_int_equal(brink_dm_test(ctx, s1, s2, 3, 3, &stat, &p), BRINK_EINVAL);
    brink_ctx_free(ctx);
}

/* skill: proportional scores give an exact skill and a degenerate interval;
 * a block as long as the series resamples the series itself. */
static void test_skill(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    double sb[10], sm[10], sk, lo, hi;
    for (int t = 0; t < 10; t++) {
        sb[t] = 1.0 + t;
        sm[t] = 0.25 * sb[t];
    }
    assert_int_equal(brink_skill_bootstrap(ctx, sm, sb, 10, 3, 500, 0.1, 7, &sk, &lo, &hi),
                     BRINK_OK);
    EQ(sk, 0.75, 1e-15);
    EQ(lo, 0.75, 1e-12);
    EQ(hi, 0.75, 1e-12);
    sm[3] = 9;
    double mm = 0, mb = 0;
    for (int t = 0; t < 10; t++) {
        mm += sm[t];
        mb += sb[t];
    }
    assert_int_equal(brink_skill_bootstrap(ctx, sm, sb, 10, 10, 50, 0.1, 7, &sk, &lo, &hi),
                     BRINK_OK);
    EQ(sk, 1 - mm / mb, 1e-15);
    EQ(lo, sk, 1e-12);
    EQ(hi, sk, 1e-12);
    assert_int_equal(brink_skill_bootstrap(ctx, sm, sb, 10, 2, 400, 0.1, 7, &sk, &lo, &hi),
                     BRINK_OK);
    assert_true(lo < sk && sk < hi);
    assert_int_equal(brink_skill_bootstrap(ctx, sm, sb, 10, 11, 50, 0.1, 7, &sk, &lo, &hi),
                     BRINK_EINVAL);
    brink_ctx_free(ctx);
}

/* PIT: Bernoulli(1/2) forecasts of outcomes 0 and 1 are flat; a point mass
 * at the outcome is flat; a point mass below it puts everything in the top
 * bin (chi-square with J = 4, n = 1: 3 x 0.25 + 0.75^2/0.25 = 3). */
static void test_pit(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    double pmfs[2 * 4] = {0.5, 0.5, 0, 0, 0.5, 0.5, 0, 0};
    long y[2] = {0, 1};
    double hist[4], chi2, p;
    assert_int_equal(brink_pit_histogram(ctx, pmfs, 4, y, 2, 4, hist, &chi2, &p), BRINK_OK);
    for (int j = 0; j < 4; j++)
        EQ(hist[j], 0.25, 1e-15);
    EQ(chi2, 0, 1e-12);
    EQ(p, 1, 1e-12);
    double pm[4] = {0, 0, 0, 1};
    long y3[1] = {3}, y5[1] = {5};
    assert_int_equal(brink_pit_histogram(ctx, pm, 4, y3, 1, 4, hist, &chi2, &p), BRINK_OK);
    EQ(hist[0], 0.25, 1e-15);
    EQ(hist[3], 0.25, 1e-15);
    assert_int_equal(brink_pit_histogram(ctx, pm, 4, y5, 1, 4, hist, &chi2, &p), BRINK_OK);
    EQ(hist[3], 1.0, 1e-15);
    EQ(chi2, 3.0, 1e-12);
    EQ(p, brink_chisq_sf(3.0, 3), 0);
    double pb[3] = {0.9, 0.2, 0.5};
    int ob[3] = {1, 0, 1};
    EQ(brink_brier(pb, ob, 3), (0.01 + 0.04 + 0.25) / 3, 1e-15);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nb_pmf),        cmocka_unit_test(test_nb_ml_bliss_fisher),
        cmocka_unit_test(test_simple_baselines), cmocka_unit_test(test_nbar1),
        cmocka_unit_test(test_msnb),          cmocka_unit_test(test_mixture),
        cmocka_unit_test(test_distributions), cmocka_unit_test(test_dm),
        cmocka_unit_test(test_skill),         cmocka_unit_test(test_pit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
