/* test_calib_score.c - scoring rules against hand-computed values and
 * independent formulas (never the program's own output). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "brink/calib.h"

#define EQ(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

/* CRPS of a point mass is |x - y|. */
static void test_point_mass(void **state)
{
    (void)state;
    double pm[4] = {0, 0, 0, 1}; /* all mass at 3 */
    EQ(brink_crps_pmf(pm, 4, 5), 2.0, 1e-15);
    EQ(brink_crps_pmf(pm, 4, 0), 3.0, 1e-15);
    EQ(brink_crps_pmf(pm, 4, 3), 0.0, 1e-15);
    EQ(brink_crps_point(3, 5), 2.0, 0);
    EQ(brink_crps_point(27, 0), 27.0, 0);
    double x[1] = {3};
    EQ(brink_crps_sorted_sample(x, 1, 5), 2.0, 1e-15);
}

/* Sample {0, 2}: at y = 1, E|X-y| = 1, E|X-X'| = 1, CRPS = 0.5;
 * at y = 3, E|X-y| = 2, CRPS = 1.5. */
static void test_two_point(void **state)
{
    (void)state;
    double x[2] = {0, 2}, pm[3] = {0.5, 0, 0.5};
    EQ(brink_crps_sorted_sample(x, 2, 1), 0.5, 1e-15);
    EQ(brink_crps_sorted_sample(x, 2, 3), 1.5, 1e-15);
    EQ(brink_crps_pmf(pm, 3, 1), 0.5, 1e-15);
    EQ(brink_crps_pmf(pm, 3, 3), 1.5, 1e-15);
    /* Bernoulli(p): CRPS(0) = p^2, CRPS(1) = (1-p)^2 */
    double b[2] = {0.7, 0.3};
    EQ(brink_crps_pmf(b, 2, 0), 0.09, 1e-15);
    EQ(brink_crps_pmf(b, 2, 1), 0.49, 1e-15);
}

/* Sample {0, 0, 1, 3} at y = 2: E|X-y| = 6/4, sum of |xi - xj| over ordered
 * pairs = 20, so E|X-X'| = 20/16 and CRPS = 1.5 - 0.625 = 0.875. */
static void test_four_point(void **state)
{
    (void)state;
    double x[4] = {0, 0, 1, 3}, pm[4] = {0.5, 0.25, 0, 0.25};
    EQ(brink_crps_sorted_sample(x, 4, 2), 0.875, 1e-15);
    EQ(brink_crps_pmf(pm, 4, 2), 0.875, 1e-15);
}

/* Poisson CRPS against the closed form of Wei and Held (2014):
 * CRPS = (y - l)(2F(y) - 1) + 2 l f(y) - l e^{-2l} (I0(2l) + I1(2l)),
 * with the Bessel functions by their power series, and against the
 * kernel form E|X-y| - E|X-X'|/2 by double summation. */
static double bessel_i(int nu, double x)
{
    double s = 0.0, t = pow(x / 2.0, nu);
    for (int k = 0; k < 200; k++) {
        if (k > 0)
            t *= (x / 2.0) * (x / 2.0) / ((double)k * (double)(k + nu));
        else
            for (int j = 1; j <= nu; j++)
                t /= j;
        s += t;
    }
    return s;
}

static double pois_pmf(double l, int k)
{
    return exp(k * log(l) - l - lgamma(k + 1.0));
}

static void test_poisson(void **state)
{
    (void)state;
    const double lams[4] = {0.4, 3.5, 12.0, 21.3};
    const long ys[5] = {0, 1, 7, 19, 27};
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 5; j++) {
            double l = lams[i];
            long y = ys[j];
            double F = 0.0;
            for (long k = 0; k <= y; k++)
                F += pois_pmf(l, (int)k);
            double closed = ((double)y - l) * (2 * F - 1) + 2 * l * pois_pmf(l, (int)y) -
                            l * exp(-2 * l) * (bessel_i(0, 2 * l) + bessel_i(1, 2 * l));
            double a = 0.0, b = 0.0;
            for (int k = 0; k < 150; k++) {
                a += pois_pmf(l, k) * fabs(k - (double)y);
                for (int m = 0; m < 150; m++)
                    b += pois_pmf(l, k) * pois_pmf(l, m) * fabs((double)(k - m));
            }
            double got = brink_crps_poisson(l, y);
            EQ(got, closed, 1e-9);
            EQ(got, a - 0.5 * b, 1e-9);
        }
    EQ(brink_crps_poisson(0.0, 4), 4.0, 0);
}

static void test_logscore(void **state)
{
    (void)state;
    /* Poisson(2) at 1 without smoothing: -ln(2 e^-2) = 2 - ln 2 */
    EQ(brink_logscore_poisson(2.0, 1, 0.0), 2.0 - log(2.0), 1e-12);
    /* point mass at 3, y = 3, eps = 0.01: geometric of mean 3 gives
     * (1/4)(3/4)^3 = 27/256 at 3 */
    EQ(brink_logscore_point(3, 3, 0.01), -log(0.99 + 0.01 * 27.0 / 256.0), 1e-12);
    /* point mass at 0, y = 2: the geometric of mean 1 gives (1/2)^3 */
    EQ(brink_logscore_point(0, 2, 0.01), -log(0.01 / 8.0), 1e-12);
    /* pmf {0.2, 0.3, 0.5} (mean 1.3) at 1, eps 0.1: 0.9*0.3 + 0.1*(1/2.3)(1.3/2.3) */
    double pm[3] = {0.2, 0.3, 0.5};
    EQ(brink_logscore_pmf(pm, 3, 1, 0.1), -log(0.27 + 0.1 * 1.3 / (2.3 * 2.3)), 1e-12);
    /* an outcome outside the support scores finitely */
    assert_true(isfinite(brink_logscore_pmf(pm, 3, 27, 0.01)));
    EQ(brink_logscore_pmf(pm, 3, 1, 0.0), -log(0.3), 1e-15);
}

static void test_pit_quantiles_coverage(void **state)
{
    (void)state;
    double pm[3] = {0.2, 0.3, 0.5};
    EQ(brink_pit_pmf(pm, 3, 1, 0.5), 0.35, 1e-15);
    EQ(brink_pit_pmf(pm, 3, 0, 0.0), 0.0, 1e-15);
    EQ(brink_pit_pmf(pm, 3, 2, 0.999), 0.5 + 0.4995, 1e-15);
    EQ(brink_pit_pmf(pm, 3, 5, 0.3), 1.0, 1e-15);
    assert_int_equal(brink_pmf_quantile(pm, 3, 0.05), 0);
    assert_int_equal(brink_pmf_quantile(pm, 3, 0.25), 1);
    assert_int_equal(brink_pmf_quantile(pm, 3, 0.5), 1);
    assert_int_equal(brink_pmf_quantile(pm, 3, 0.75), 2);
    assert_int_equal(brink_pmf_quantile(pm, 3, 0.95), 2);
    assert_false(brink_pmf_covers(pm, 3, 0, 0.5)); /* [1, 2] */
    assert_true(brink_pmf_covers(pm, 3, 1, 0.5));
    assert_true(brink_pmf_covers(pm, 3, 0, 0.9)); /* [0, 2] */
    assert_false(brink_pmf_covers(pm, 3, 3, 0.9));
    EQ(brink_pmf_mean(pm, 3), 1.3, 1e-15);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_point_mass),
        cmocka_unit_test(test_two_point),
        cmocka_unit_test(test_four_point),
        cmocka_unit_test(test_poisson),
        cmocka_unit_test(test_logscore),
        cmocka_unit_test(test_pit_quantiles_coverage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
