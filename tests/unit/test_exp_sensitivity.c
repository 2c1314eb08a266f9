/* test_exp_sensitivity.c - the analysis methods against analytic results:
 * Sobol indices of the Ishigami function and of Sobol's G function must
 * contain the analytic values in their 95% bootstrap intervals; Morris mu*
 * must rank factors with known effects and find the inert ones. */
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
    brink_experiment_load_string(ctx, "t.yaml", text, strlen(text), &e, &d);
    for (size_t i = 0; i < d.count; i++) {
        char line[1024];
        brink_diag_format(&d.items[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    brink_diags_clear(ctx, &d);
    return e;
}

/* Evaluates every design point of e (one replication) into a new array. */
static double *evaluate(brink_ctx_t *ctx, brink_experiment_t *e, double **u_out)
{
    brink_model_t m;
    assert_int_equal(brink_experiment_model_resolve(ctx, e, &m), BRINK_OK);
    uint32_t n = brink_experiment_points(e);
    size_t k = brink_experiment_nfactors(e);
    double *y = calloc(n, sizeof *y), *u = calloc((size_t)n * k, sizeof *u);
    assert_non_null(y);
    assert_non_null(u);
    for (uint32_t p = 0; p < n; p++) {
        char msg[256];
        assert_int_equal(brink_experiment_point(e, p, u + (size_t)p * k, NULL), BRINK_OK);
        assert_int_equal(brink_sweep_eval(ctx, e, &m, NULL, p, 0, &y[p], NULL, NULL, msg, sizeof msg),
                         BRINK_OK);
    }
    if (u_out)
        *u_out = u;
    else
        free(u);
    return y;
}

static void check_within(const char *what, size_t i, double want, double est, double lo,
                         double hi)
{
    fprintf(stderr, "  %s[%zu] = %.4f in [%.4f, %.4f], analytic %.4f\n", what, i, est, lo, hi,
            want);
    assert_true(lo <= want && want <= hi);
    assert_true(hi - lo < 0.15); /* and the interval is informative */
}

static void test_ishigami(void **state)
{
    (void)state;
    const double a = 7, b = 0.1, pi = M_PI;
    /* Ishigami and Homma (1990); Saltelli et al. (2008), section 4.6 */
    double v1 = 0.5 * pow(1 + b * pow(pi, 4) / 5, 2), v2 = a * a / 8;
    double v13 = b * b * pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
    double v = v1 + v2 + v13;
    double s1[3] = {v1 / v, v2 / v, 0}, st[3] = {(v1 + v13) / v, v2 / v, v13 / v};
    /* the published four-digit values */
    static const double pub_s1[3] = {0.3139, 0.4424, 0}, pub_st[3] = {0.5576, 0.4424, 0.2437};
    for (int i = 0; i < 3; i++) {
        assert_true(fabs(s1[i] - pub_s1[i]) < 1e-4);
        assert_true(fabs(st[i] - pub_st[i]) < 1e-4);
    }
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = load(
        ctx, "format: 1\nname: i\nmodel: ishigami\nmodel_params: [7, 0.1]\nseed: 20250601\n"
             "design: {type: sobol, n: 4096}\nfactors:\n"
             "  - {name: x1, dist: uniform, min: -3.141592653589793, max: 3.141592653589793}\n"
             "  - {name: x2, dist: uniform, min: -3.141592653589793, max: 3.141592653589793}\n"
             "  - {name: x3, dist: uniform, min: -3.141592653589793, max: 3.141592653589793}\n");
    assert_non_null(e);
    double *y = evaluate(ctx, e, NULL);
    brink_sobol_indices_t r;
    assert_int_equal(brink_sobol_analyze(ctx, y, 4096, 3, 1000, 1, &r), BRINK_OK);
    for (size_t i = 0; i < 3; i++) {
        check_within("S1", i, s1[i], r.s1[i], r.s1_lo[i], r.s1_hi[i]);
        check_within("ST", i, st[i], r.st[i], r.st_lo[i], r.st_hi[i]);
    }
    assert_true(fabs(r.variance - v) / v < 0.02);
    brink_sobol_indices_free(ctx, &r);
    free(y);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

static void test_sobol_g(void **state)
{
    (void)state;
    static const double a[6] = {0, 1, 4.5, 9, 99, 99};
    /* V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1,
     * S_i = V_i / V, ST_i = V_i prod_{j != i}(1 + V_j) / V  (Saltelli et al. 2010) */
    double vi[6], prod = 1;
    for (int i = 0; i < 6; i++) {
        vi[i] = 1 / (3 * (1 + a[i]) * (1 + a[i]));
        prod *= 1 + vi[i];
    }
    double v = prod - 1;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = load(ctx, "format: 1\nname: g\nmodel: sobol_g\n"
                                      "model_params: [0, 1, 4.5, 9, 99, 99]\nseed: 7\n"
                                      "design: {type: sobol, n: 4096}\nfactors:\n"
                                      "  - {name: x1, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x2, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x3, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x4, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x5, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x6, dist: uniform, min: 0, max: 1}\n");
    assert_non_null(e);
    double *y = evaluate(ctx, e, NULL);
    brink_sobol_indices_t r;
    assert_int_equal(brink_sobol_analyze(ctx, y, 4096, 6, 1000, 1, &r), BRINK_OK);
    for (size_t i = 0; i < 6; i++) {
        check_within("S1", i, vi[i] / v, r.s1[i], r.s1_lo[i], r.s1_hi[i]);
        check_within("ST", i, vi[i] * prod / (1 + vi[i]) / v, r.st[i], r.st_lo[i], r.st_hi[i]);
    }
    brink_sobol_indices_free(ctx, &r);
    free(y);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

static void test_sobol_degenerate(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    double y[5 * 4];
    for (int i = 0; i < 20; i++)
        y[i] = 3;
    brink_sobol_indices_t r;
    assert_int_equal(brink_sobol_analyze(ctx, y, 4, 3, 10, 1, &r), BRINK_EINVAL);
    assert_int_equal(brink_sobol_analyze(ctx, y, 1, 3, 10, 1, &r), BRINK_EINVAL);
    brink_ctx_free(ctx);
}

/* y = 10 x1 + 5 x2 + x3 (x4, x5 inert): each elementary effect equals the
 * coefficient, so mu = mu* = coefficient and sigma = 0 exactly. */
static void test_morris_linear(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = load(ctx, "format: 1\nname: m\nmodel: linear\n"
                                      "model_params: [10, 5, 1, 0, 0]\nseed: 11\n"
                                      "design: {type: morris, n: 20, levels: 4}\nfactors:\n"
                                      "  - {name: x1, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x2, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x3, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x4, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x5, dist: uniform, min: 0, max: 1}\n");
    assert_non_null(e);
    double *u = NULL, *y = evaluate(ctx, e, &u);
    double mu[5], ms[5], sd[5];
    static const double coef[5] = {10, 5, 1, 0, 0};
    assert_int_equal(brink_morris_analyze(u, y, 20, 5, mu, ms, sd), BRINK_OK);
    for (int i = 0; i < 5; i++) {
        assert_true(fabs(mu[i] - coef[i]) < 1e-9);
        assert_true(fabs(ms[i] - coef[i]) < 1e-9);
        assert_true(sd[i] < 1e-9);
    }
    /* a step that moves two factors is rejected */
    u[5 + 1] += 0.5;
    assert_int_equal(brink_morris_analyze(u, y, 20, 5, mu, ms, sd), BRINK_EINVAL);
    free(u);
    free(y);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

/* The G function with a = (0, 1, 9, 99, 99) and two inert extra factors
 * (a linear coefficient of 0 cannot be expressed in G, so the inert ones
 * come from a G term with a huge a_i: effect below 1e-6): mu* must rank the
 * factors in the order of a_i. */
static void test_morris_g_ranks(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_experiment_t *e = load(ctx, "format: 1\nname: m\nmodel: sobol_g\n"
                                      "model_params: [0, 1, 9, 1e7, 1e7]\nseed: 3\n"
                                      "design: {type: morris, n: 40, levels: 6}\nfactors:\n"
                                      "  - {name: x1, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x2, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x3, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x4, dist: uniform, min: 0, max: 1}\n"
                                      "  - {name: x5, dist: uniform, min: 0, max: 1}\n");
    assert_non_null(e);
    double *u = NULL, *y = evaluate(ctx, e, &u);
    double mu[5], ms[5], sd[5];
    assert_int_equal(brink_morris_analyze(u, y, 40, 5, mu, ms, sd), BRINK_OK);
    fprintf(stderr, "  mu* = %g %g %g %g %g\n", ms[0], ms[1], ms[2], ms[3], ms[4]);
    assert_true(ms[0] > ms[1] && ms[1] > ms[2] && ms[2] > 100 * ms[3]);
    assert_true(ms[3] < 1e-5 && ms[4] < 1e-5);
    free(u);
    free(y);
    brink_experiment_free(e);
    brink_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ishigami),      cmocka_unit_test(test_sobol_g),
        cmocka_unit_test(test_sobol_degenerate), cmocka_unit_test(test_morris_linear),
        cmocka_unit_test(test_morris_g_ranks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
