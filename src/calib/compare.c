/* compare.c - comparing forecasts (brink/baseline.h): skill with a
 * moving-block bootstrap interval, the Diebold-Mariano test with the
 * Harvey-Leybourne-Newbold correction, PIT histograms for counts with a
 * chi-square uniformity test, the Brier score; and the two distribution
 * functions they need (Student's t, chi-square). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brink/brink.h"

/* ---- special functions ------------------------------------------------------ */

/* Continued fraction of the regularised incomplete beta (modified Lentz). */
static double betacf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double qab = a + b, qap = a + 1.0, qam = a - 1.0;
    double c = 1.0, d = 1.0 - qab * x / qap;
    if (fabs(d) < tiny)
        d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 1000; m++) {
        double md = m, m2 = 2.0 * md;
        double aa = md * (b - md) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1.0 + aa / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1.0 + aa / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1.0) < 1e-15)
            break;
    }
    return h;
}

/* I_x(a, b), the regularised incomplete beta function. */
static double incbeta(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    double lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x);
    if (x < (a + 1.0) / (a + b + 2.0))
        return exp(lbt) * betacf(a, b, x) / a;
    return 1.0 - exp(lbt) * betacf(b, a, 1.0 - x) / b;
}

double brink_student_t_cdf(double t, double df)
{
    double x = df / (df + t * t);
    double tail = 0.5 * incbeta(0.5 * df, 0.5, x);
    return t > 0 ? 1.0 - tail : tail;
}

/* Q(a, x), the regularised upper incomplete gamma function: the series
 * for x < a + 1, the continued fraction otherwise. */
static double gammq(double a, double x)
{
    if (x <= 0)
        return 1.0;
    double gln = lgamma(a);
    if (x < a + 1.0) {
        double ap = a, sum = 1.0 / a, del = sum;
        for (int n = 0; n < 10000; n++) {
            ap += 1.0;
            del *= x / ap;
            sum += del;
            if (fabs(del) < fabs(sum) * 1e-16)
                break;
        }
        return 1.0 - sum * exp(-x + a * log(x) - gln);
    }
    const double tiny = 1e-300;
    double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
    for (int i = 1; i < 10000; i++) {
        double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (fabs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1.0) < 1e-16)
            break;
    }
    return exp(-x + a * log(x) - gln) * h;
}

double brink_chisq_sf(double x, double df) { return gammq(0.5 * df, 0.5 * x); }

/* ---- skill ----------------------------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* type-7 quantile of sorted x[0..n-1] */
static double quantile7(const double *x, size_t n, double q)
{
    double h = (double)(n - 1) * q;
    size_t lo = (size_t)floor(h);
    if (lo + 1 >= n)
        return x[n - 1];
    return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

brink_status_t brink_skill_bootstrap(brink_ctx_t *ctx, const double *sm, const double *sb,
                                     size_t n, size_t L, uint32_t B, double alpha,
                                     uint64_t seed, double *skill, double *lo, double *hi)
{
    double *sk = NULL;
    brink_status_t st = BRINK_OK;
    if (!sm || !sb || n < 1 || L < 1 || L > n || B < 1 || !(alpha > 0 && alpha < 1)) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "skill: bad arguments");
        goto cleanup;
    }
    double mm = 0, mb = 0;
    for (size_t t = 0; t < n; t++) {
        mm += sm[t];
        mb += sb[t];
    }
    if (!(mb > 0)) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "skill: the baseline's mean score is 0");
        goto cleanup;
    }
    *skill = 1.0 - mm / mb;
    sk = brink_malloc(ctx, (size_t)B * sizeof *sk);
    if (!sk) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    size_t kept = 0;
    for (uint32_t b = 0; b < B; b++) {
        brink_rng_t rng;
        brink_rng_init(&rng, seed, 0, b, BRINK_STREAM_BOOTSTRAP);
        double am = 0, ab = 0;
        size_t got = 0;
        while (got < n) {
            size_t s0 = brink_rng_below(&rng, (uint32_t)(n - L + 1));
            for (size_t k = 0; k < L && got < n; k++, got++) {
                am += sm[s0 + k];
                ab += sb[s0 + k];
            }
        }
        if (ab > 0)
            sk[kept++] = 1.0 - am / ab;
    }
    if (kept == 0) {
        *lo = *hi = *skill;
        goto cleanup;
    }
    qsort(sk, kept, sizeof *sk, cmp_double);
    *lo = quantile7(sk, kept, alpha / 2);
    *hi = quantile7(sk, kept, 1 - alpha / 2);
cleanup:
    brink_free(ctx, sk);
    return st;
}

/* ---- Diebold-Mariano ------------------------------------------------------------ */

brink_status_t brink_dm_test(brink_ctx_t *ctx, const double *s1, const double *s2, size_t n,
                             int h, double *stat, double *pvalue)
{
    if (!s1 || !s2 || n < 2 || h < 1)
        return brink_ctx_error(ctx, BRINK_EINVAL, "Diebold-Mariano: needs n >= 2, h >= 1");
    double dbar = 0;
    for (size_t t = 0; t < n; t++)
        dbar += s1[t] - s2[t];
    dbar /= (double)n;
    double g[64];
    int hh = h < 64 ? h : 64;
    for (int k = 0; k < hh; k++) {
        g[k] = 0;
        for (size_t t = (size_t)k; t < n; t++)
            g[k] += (s1[t] - s2[t] - dbar) * (s1[t - (size_t)k] - s2[t - (size_t)k] - dbar);
        g[k] /= (double)n;
    }
    if (!(g[0] > 0))
        return brink_ctx_error(ctx, BRINK_EINVAL, "Diebold-Mariano: the score differences "
                               "are all equal");
    double v = g[0];
    for (int k = 1; k < hh; k++)
        v += 2.0 * g[k];
    if (!(v > 0))
        v = g[0];
    double nd = (double)n, hd = (double)h;
    double dm = dbar / sqrt(v / nd);
    double f = (nd + 1.0 - 2.0 * hd + hd * (hd - 1.0) / nd) / nd;
    if (!(f > 0))
        return brink_ctx_error(ctx, BRINK_EINVAL, "Diebold-Mariano: %zu forecasts are too few "
                               "for horizon %d (the HLN correction is not positive)", n, h);
    double dms = dm * sqrt(f);
    *stat = dms;
    *pvalue = 2.0 * (1.0 - brink_student_t_cdf(fabs(dms), nd - 1.0));
    return BRINK_OK;
}

/* ---- PIT -------------------------------------------------------------------------- */

/* F(u | y) of the non-randomised PIT, with P(y-1) = a, P(y) = b */
static double pit_f(double u, double a, double b)
{
    if (u <= a)
        return 0.0;
    if (u >= b)
        return 1.0;
    return (u - a) / (b - a);
}

brink_status_t brink_pit_histogram(brink_ctx_t *ctx, const double *pmfs, size_t len,
                                   const long *y, size_t n, size_t J, double *hist,
                                   double *chi2, double *pvalue)
{
    if (!pmfs || !y || !hist || len < 1 || n < 1 || J < 2)
        return brink_ctx_error(ctx, BRINK_EINVAL, "PIT histogram: bad arguments");
    memset(hist, 0, J * sizeof *hist);
    for (size_t t = 0; t < n; t++) {
        const double *p = pmfs + t * len;
        double a = 0, b = 0;
        for (size_t k = 0; k < len; k++) {
            if ((long)k < y[t])
                a += p[k];
            if ((long)k <= y[t])
                b += p[k];
        }
        if (a > 1)
            a = 1;
        if (b > 1)
            b = 1;
        double prev = 0;
        for (size_t j = 0; j < J; j++) {
            double cur = pit_f((double)(j + 1) / (double)J, a, b);
            if (j + 1 == J)
                cur = 1.0;
            hist[j] += cur - prev;
            prev = cur;
        }
    }
    double x2 = 0, e = (double)n / (double)J;
    for (size_t j = 0; j < J; j++) {
        hist[j] /= (double)n;
        double o = hist[j] * (double)n;
        x2 += (o - e) * (o - e) / e;
    }
    if (chi2)
        *chi2 = x2;
    if (pvalue)
        *pvalue = brink_chisq_sf(x2, (double)(J - 1));
    return BRINK_OK;
}

double brink_brier(const double *p, const int *o, size_t n)
{
    double s = 0;
    for (size_t t = 0; t < n; t++)
        s += (p[t] - o[t]) * (p[t] - o[t]);
    return n ? s / (double)n : 0.0;
}
