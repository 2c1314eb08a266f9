/* test_exp_design.c - designs against their definitions: Sobol points
 * against Joe and Kuo's published first points, LHS stratification, Morris
 * trajectory structure, grid enumeration, Saltelli's A/B/AB layout. */
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

static brink_experiment_t *load(brink_ctx_t *ctx, const char *text)
{
    brink_diags_t d;
    brink_diags_init(&d);
    brink_experiment_t *e = NULL;
    brink_status_t st = brink_experiment_load_string(ctx, "t.yaml", text, strlen(text), &e, &d);
    if (st != BRINK_OK) {
        char line[1024];
        for (size_t i = 0; i < d.count; i++) {
            brink_diag_format(&d.items[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
    }
    brink_diags_clear(ctx, &d);
    return e;
}

/* The first ten points of the 3-dimensional sequence as printed by Joe and
 * Kuo's sobol.cc (web.maths.unsw.edu.au/~fkuo/sobol/, new-joe-kuo-6.21201),
 * origin included. */
static void test_sobol_published_points(void **state)
{
    (void)state;
    static const double want[10][3] = {
        {0, 0, 0},          {0.5, 0.5, 0.5},       {0.75, 0.25, 0.25},   {0.25, 0.75, 0.75},
        {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875},
        {0.125, 0.625, 0.375}, {0.1875, 0.3125, 0.9375}, {0.6875, 0.8125, 0.4375}};
    for (uint32_t i = 0; i < 10; i++) {
        double x[3];
        assert_int_equal(brink_sobol_point(3, i, x), BRINK_OK);
        for (int j = 0; j < 3; j++)
            assert_true(x[j] == want[i][j]);
    }
    double big[BRINK_SOBOL_MAX_DIM];
    assert_int_equal(brink_sobol_point(BRINK_SOBOL_MAX_DIM, 12345, big), BRINK_OK);
    assert_int_equal(brink_sobol_point(0, 1, big), BRINK_EINVAL);
    assert_int_equal(brink_sobol_point(BRINK_SOBOL_MAX_DIM + 1, 1, big), BRINK_EINVAL);
}

/* Every dimension of the first 2^m points is a (0,m,1)-net: each interval
 * [j/2^m, (j+1)/2^m) holds exactly one point (checked for all 1001
 * dimensions, m = 10). */
static void test_sobol_stratified_in_every_dimension(void **state)
{
    (void)state;
    enum { M = 1024 };
    static unsigned char seen[BRINK_SOBOL_MAX_DIM][M];
    static double x[BRINK_SOBOL_MAX_DIM];
    memset(seen, 0, sizeof seen);
    for (uint32_t i = 0; i < M; i++) {
        brink_sobol_point(BRINK_SOBOL_MAX_DIM, i, x);
        for (int j = 0; j < BRINK_SOBOL_MAX_DIM; j++) {
            int b = (int)(x[j] * M);
            assert_true(b >= 0 && b < M);
            assert_int_equal(seen[j][b], 0);
            seen[j][b] = 1;
        }
    }
}

static void test_lhs_stratification(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = load(ctx, "format: 1\nname: l\nmodel: linear\nseed: 3\n"
                                      "design: {type: lhs, n: 97}\nfactors:\n"
                                      "  - {name: a, dist: uniform, min: -1, max: 1}\n"
                                      "  - {name: b, dist: normal, mean: 0, sd: 1}\n"
                                      "  - {name: c, dist: triangular, min: 0, mode: 1, max: 4}\n");
    assert_non_null(e);
    assert_int_equal(brink_experiment_points(e), 97);
    int count[3][97];
    memset(count, 0, sizeof count);
    for (uint32_t p = 0; p < 97; p++) {
        double u[3], x[3];
        assert_int_equal(brink_experiment_point(e, p, u, x), BRINK_OK);
        for (int f = 0; f < 3; f++) {
            int s = (int)floor(u[f] * 97);
            assert_true(s >= 0 && s < 97);
            count[f][s]++;
        }
        assert_true(x[0] >= -1 && x[0] <= 1);
        assert_true(x[2] >= 0 && x[2] <= 4);
    }
    for (int f = 0; f < 3; f++)
        for (int s = 0; s < 97; s++)
            assert_int_equal(count[f][s], 1);
    assert_int_equal(brink_experiment_point(e, 97, NULL, NULL), BRINK_EINVAL);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

static void test_morris_trajectories(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = load(ctx, "format: 1\nname: m\nmodel: linear\nseed: 5\n"
                                      "design: {type: morris, n: 30, levels: 6}\nfactors:\n"
                                      "  - {name: a, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: b, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: c, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: d, dist: uniform, min: 0, max: 1}\n");
    assert_non_null(e);
    const size_t k = 4;
    const double delta = 6.0 / (2.0 * 5.0); /* p / (2 (p - 1)) */
    assert_int_equal(brink_experiment_points(e), 30 * (k + 1));
    int up = 0, down = 0;
    for (uint32_t t = 0; t < 30; t++) {
        int moved[4] = {0, 0, 0, 0};
        double prev[4] = {0, 0, 0, 0};
        for (uint32_t s = 0; s <= k; s++) {
            double u[4];
            brink_experiment_point(e, t * (uint32_t)(k + 1) + s, u, NULL);
            for (size_t i = 0; i < k; i++) {
                double lev = u[i] * 5; /* on the grid {0, 1/5, .., 1} */
                assert_true(fabs(lev - round(lev)) < 1e-12);
                assert_true(u[i] >= 0 && u[i] <= 1);
            }
            if (s > 0) {
                int changed = 0;
                for (size_t i = 0; i < k; i++) {
                    double d = u[i] - prev[i];
                    if (fabs(d) > 1e-12) {
                        changed++;
                        moved[i]++;
                        assert_true(fabs(fabs(d) - delta) < 1e-12);
                        up += d > 0;
                        down += d < 0;
                    }
                }
                assert_int_equal(changed, 1); /* each step moves exactly one factor */
            }
            memcpy(prev, u, sizeof prev);
        }
        for (size_t i = 0; i < k; i++)
            assert_int_equal(moved[i], 1); /* and every factor moves once */
    }
    assert_true(up > 20 && down > 20); /* both directions occur */
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

static void test_grid_and_levels(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = load(ctx, "format: 1\nname: g\nmodel: linear\nseed: 1\n"
                                      "design: {type: grid, steps: 3}\nfactors:\n"
                                      "  - {name: a, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: b, dist: levels, levels: [10, 20]}\n"
                                      "  - {name: c, dist: categorical, levels: [7, 8, 9]}\n");
    assert_non_null(e);
    assert_int_equal(brink_experiment_points(e), 18);
    double x[3];
    brink_experiment_point(e, 0, NULL, x);
    assert_true(x[0] == 0 && x[1] == 10 && x[2] == 7);
    brink_experiment_point(e, 1, NULL, x); /* last factor fastest */
    assert_true(x[0] == 0 && x[1] == 10 && x[2] == 8);
    brink_experiment_point(e, 17, NULL, x);
    assert_true(x[0] == 1 && x[1] == 20 && x[2] == 9);
    brink_experiment_point(e, 9, NULL, x);
    assert_true(x[0] == 0.5 && x[1] == 20 && x[2] == 7);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

/* Row j of the Saltelli design: A_j, AB_j^(i) (A_j with column i of B_j),
 * B_j, with (A_j, B_j) = Sobol point j + 1 in 2k dimensions. */
static void test_saltelli_layout(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = load(ctx, "format: 1\nname: s\nmodel: linear\nseed: 1\n"
                                      "design: {type: sobol, n: 8}\nfactors:\n"
                                      "  - {name: a, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: b, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: c, dist: uniform, min: 0, max: 1}\n");
    assert_non_null(e);
    assert_int_equal(brink_experiment_points(e), 8 * 5);
    for (uint32_t j = 0; j < 8; j++) {
        double s[6], u[3];
        brink_sobol_point(6, j + 1, s);
        for (uint32_t m = 0; m < 5; m++) {
            brink_experiment_point(e, j * 5 + m, u, NULL);
            for (uint32_t i = 0; i < 3; i++) {
                double want = m == 4 ? s[3 + i] : (m >= 1 && i == m - 1) ? s[3 + i] : s[i];
                assert_true(u[i] == want);
            }
        }
    }
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

static void test_random_design_is_keyed_by_point(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    const char *t = "format: 1\nname: r\nmodel: linear\nseed: 9\ndesign: {type: random, n: 50}\n"
                    "factors:\n  - {name: a, dist: normal, mean: 5, sd: 2, min: 0, max: 10}\n";
    brink_experiment_t *e1 = load(ctx, t), *e2 = load(ctx, t);
    double mean = 0;
    for (uint32_t p = 50; p-- > 0;) { /* any order gives the same points */
        double a, b;
        brink_experiment_point(e1, p, NULL, &a);
        brink_experiment_point(e2, p, NULL, &b);
        assert_true(a == b);
        assert_true(a >= 0 && a <= 10);
        mean += a / 50;
    }
    assert_true(fabs(mean - 5) < 1);
    brink_experiment_free(e1);
    brink_experiment_free(e2);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sobol_published_points),
        cmocka_unit_test(test_sobol_stratified_in_every_dimension),
        cmocka_unit_test(test_lhs_stratification),
        cmocka_unit_test(test_morris_trajectories),
        cmocka_unit_test(test_grid_and_levels),
        cmocka_unit_test(test_saltelli_layout),
        cmocka_unit_test(test_random_design_is_keyed_by_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
