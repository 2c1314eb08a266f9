/* test_rng.c - Philox known answers, stream keys, and the distributions. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "brink/rng.h"

/* Random123's published known-answer vectors for Philox4x32-10
 * (Random123 1.14 tests/kat_vectors: counter[4], key[2] -> output[4]). */
static void test_philox_known_answers(void **state)
{
    (void)state;
    static const uint32_t kat[3][10] = {
        {0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x408f276d,
         0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, 0xd16cfe09,
         0x94fdcceb, 0x5001e420, 0x24126ea1},
    };
    for (int i = 0; i < 3; i++) {
        uint32_t out[4];
        brink_philox4x32_10(kat[i], kat[i] + 4, out);
        for (int k = 0; k < 4; k++)
            assert_int_equal(out[k], kat[i][6 + k]);
    }
}

/* The stream layout: key = seed, counter = (block, stream, rep, point). */
static void test_stream_layout_matches_raw_philox(void **state)
{
    (void)state;
    brink_rng_t r;
    brink_rng_init(&r, 0x299f31d0a4093822ull, 0x03707344, 0x13198a2e, 0x85a308d3);
    /* block index 0x243f6a88 is reached after that many blocks; check block 0 and 1 */
    uint32_t key[2] = {0xa4093822, 0x299f31d0};
    for (uint32_t blk = 0; blk < 2; blk++) {
        uint32_t ctr[4] = {blk, 0x85a308d3, 0x13198a2e, 0x03707344}, out[4];
        brink_philox4x32_10(ctr, key, out);
        for (int k = 0; k < 4; k++)
            assert_int_equal(brink_rng_u32(&r), out[k]);
    }
}

static void test_identical_keys_identical_sequences(void **state)
{
    (void)state;
    brink_rng_t a, b;
    brink_rng_init(&a, 42, 3, 7, BRINK_STREAM_SIM);
    brink_rng_init(&b, 42, 3, 7, BRINK_STREAM_SIM);
    for (int i = 0; i < 10000; i++)
        assert_true(brink_rng_u64(&a) == brink_rng_u64(&b));
    /* draws of mixed kinds stay in step too */
    for (int i = 0; i < 1000; i++) {
        assert_true(brink_rng_normal(&a) == brink_rng_normal(&b));
        assert_int_equal(brink_rng_poisson(&a, 20.0), brink_rng_poisson(&b, 20.0));
    }
}

static double correlation(brink_rng_t *a, brink_rng_t *b, int n)
{
    double sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < n; i++) {
        double x = brink_rng_uniform(a), y = brink_rng_uniform(b);
        sa += x;
        sb += y;
        sab += x * y;
        saa += x * x;
        sbb += y * y;
    }
    double cov = sab / n - (sa / n) * (sb / n);
    return cov / sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
}

/* Streams that differ in one key component are uncorrelated: |r| below
 * 5/sqrt(n) (a 5-sigma bound for independent uniforms). */
static void test_streams_are_independent(void **state)
{
    (void)state;
    const int n = 200000;
    const double bound = 5.0 / sqrt(n);
    brink_rng_t base, other;
    uint32_t variants[4][4] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}, {0, 0, 0, 2}};
    for (int v = 0; v < 4; v++) {
        brink_rng_init(&base, 7, 0, 0, 1);
        brink_rng_init(&other, 7 + variants[v][0], variants[v][1], variants[v][2], variants[v][3]);
        double r = correlation(&base, &other, n);
        assert_true(fabs(r) < bound);
        /* and they are not the same sequence */
        brink_rng_init(&base, 7, 0, 0, 1);
        brink_rng_init(&other, 7 + variants[v][0], variants[v][1], variants[v][2], variants[v][3]);
        int same = 0;
        for (int i = 0; i < 100; i++)
            same += brink_rng_u32(&base) == brink_rng_u32(&other);
        assert_true(same < 3);
    }
}

/* Chi-square goodness of fit of 100 equal bins; df = 99, the 0.9999
 * quantile is about 157. */
static void test_uniform_chi_square(void **state)
{
    (void)state;
    brink_rng_t r;
    brink_rng_init(&r, 2024, 0, 0, 1);
    int bins[100] = {0};
    const int n = 1000000;
    for (int i = 0; i < n; i++) {
        double u = brink_rng_uniform(&r);
        assert_true(u >= 0.0 && u < 1.0);
        bins[(int)(u * 100)]++;
    }
    double chi = 0, e = n / 100.0;
    for (int b = 0; b < 100; b++)
        chi += (bins[b] - e) * (bins[b] - e) / e;
    assert_true(chi < 157.0);
    for (int i = 0; i < 100000; i++) {
        double u = brink_rng_uniform_pos(&r);
        assert_true(u > 0.0 && u < 1.0);
        uint32_t k = brink_rng_below(&r, 7);
        assert_true(k < 7);
    }
    assert_int_equal(brink_rng_below(&r, 0), 0);
}

/* Moments against their analytic values, within 5 standard errors. */
static void check_moments(double sum, double sum2, int n, double mean, double var)
{
    double m = sum / n, v = sum2 / n - m * m;
    assert_true(fabs(m - mean) < 5.0 * sqrt(var / n));
    /* variance of the sample variance ~ 2 var^2 / n for near-normal data;
     * allow 10% for the skewed ones */
    assert_true(fabs(v - var) < 0.1 * var + 5.0 * var * sqrt(2.0 / n));
}

static void test_distribution_moments(void **state)
{
    (void)state;
    brink_rng_t r;
    brink_rng_init(&r, 99, 1, 2, 3);
    const int n = 200000;
    double s, s2;
    s = s2 = 0;
    for (int i = 0; i < n; i++) {
        double x = brink_rng_normal(&r);
        s += x;
        s2 += x * x;
    }
    check_moments(s, s2, n, 0.0, 1.0);
    const double means[] = {0.3, 3.0, 11.5, 12.0, 50.0, 400.0};
    for (int k = 0; k < 6; k++) {
        s = s2 = 0;
        for (int i = 0; i < n; i++) {
            double x = brink_rng_poisson(&r, means[k]);
            s += x;
            s2 += x * x;
        }
        check_moments(s, s2, n, means[k], means[k]);
    }
    /* gamma(a): mean a, var a; beta(a,b): mean a/(a+b), var ab/((a+b)^2(a+b+1)) */
    const double shapes[] = {0.5, 1.0, 4.0};
    for (int k = 0; k < 3; k++) {
        s = s2 = 0;
        for (int i = 0; i < n; i++) {
            double x = brink_rng_gamma(&r, shapes[k]);
            s += x;
            s2 += x * x;
        }
        check_moments(s, s2, n, shapes[k], shapes[k]);
    }
    s = s2 = 0;
    for (int i = 0; i < n; i++) {
        double x = brink_rng_beta(&r, 2.0, 5.0);
        s += x;
        s2 += x * x;
    }
    check_moments(s, s2, n, 2.0 / 7.0, 10.0 / (49.0 * 8.0));
    /* negative binomial: mean m, variance m + m^2/k */
    s = s2 = 0;
    for (int i = 0; i < n; i++) {
        double x = brink_rng_negbin(&r, 6.0, 2.0);
        s += x;
        s2 += x * x;
    }
    check_moments(s, s2, n, 6.0, 6.0 + 36.0 / 2.0);
    int ones = 0;
    for (int i = 0; i < n; i++)
        ones += brink_rng_bernoulli(&r, 0.3);
    assert_true(fabs(ones / (double)n - 0.3) < 5.0 * sqrt(0.21 / n));
    assert_int_equal(brink_rng_poisson(&r, -1.0), 0);
    assert_int_equal(brink_rng_poisson(&r, NAN), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_philox_known_answers),
        cmocka_unit_test(test_stream_layout_matches_raw_philox),
        cmocka_unit_test(test_identical_keys_identical_sequences),
        cmocka_unit_test(test_streams_are_independent),
        cmocka_unit_test(test_uniform_chi_square),
        cmocka_unit_test(test_distribution_moments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
