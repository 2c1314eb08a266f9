/* baseline.c - the statistical baselines of brink/baseline.h: Poisson,
 * negative binomial (moments and ML), persistence, NB-AR(1), two-state
 * Markov-switching NB and their mixture, each giving a predictive pmf. */
#include <math.h>
#include <string.h>

#include "brink/brink.h"

#include "calib/optim.h"

#define R_MAX 1e8 /* NB with a larger r is Poisson (as in brink_nb_logpmf) */

const char *brink_baseline_name(brink_baseline_t b)
{
    static const char *const names[] = {"poisson", "nb_mom", "nb_ml", "persistence",
                                        "nb_ar1", "ms_nb", "mixture"};
    return (unsigned)b < BRINK_BASELINE_COUNT ? names[b] : "?";
}

static void moments(const long *y, size_t n, double *mean, double *var_n1, double *var_n)
{
    double m = 0, ss = 0;
    for (size_t i = 0; i < n; i++)
        m += (double)y[i];
    m /= (double)n;
    for (size_t i = 0; i < n; i++)
        ss += ((double)y[i] - m) * ((double)y[i] - m);
    *mean = m;
    *var_n1 = n > 1 ? ss / (double)(n - 1) : 0.0;
    *var_n = ss / (double)n;
}

/* The score of the NB log-likelihood in r at mu = the mean:
 * sum_i sum_{j < y_i} 1/(r + j) + n log(r / (r + mean)). */
static double nb_score(const long *y, size_t n, double mean, double r)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        for (long j = 0; j < y[i]; j++)
            s += 1.0 / (r + (double)j);
    return s + (double)n * log(r / (r + mean));
}

double brink_nb_ml_r(const long *y, size_t n)
{
    double mean, v1, vn;
    moments(y, n, &mean, &v1, &vn);
    if (n < 2 || vn <= mean || mean <= 0)
        return INFINITY;
    double lo = log(1e-8), hi = log(R_MAX);
    if (nb_score(y, n, mean, exp(hi)) >= 0)
        return INFINITY;
    for (int it = 0; it < 200; it++) { /* the score falls through 0 once */
        double mid = 0.5 * (lo + hi);
        if (nb_score(y, n, mean, exp(mid)) > 0)
            lo = mid;
        else
            hi = mid;
    }
    return exp(0.5 * (lo + hi));
}

/* ---- NB-AR(1) ---------------------------------------------------------------- */

double brink_nbar1_loglik(const brink_nbar1_t *p, const long *y, size_t n)
{
    double ll = 0;
    for (size_t t = 1; t < n; t++)
        ll += brink_nb_logpmf(y[t], p->a + p->b * (double)y[t - 1], p->r);
    return ll;
}

typedef struct series {
    const long *y;
    size_t n;
} series_t;

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

static void nbar1_from(const double *x, brink_nbar1_t *p)
{
    p->a = exp(clampd(x[0], -20, 20));
    p->b = 1.0 / (1.0 + exp(-clampd(x[1], -30, 30)));
    p->r = exp(clampd(x[2], log(1e-3), log(R_MAX)));
}

static double nbar1_nll(const double *x, void *ud)
{
    const series_t *s = ud;
    brink_nbar1_t p;
    nbar1_from(x, &p);
    return -brink_nbar1_loglik(&p, s->y, s->n);
}

brink_status_t brink_nbar1_fit(brink_ctx_t *ctx, const long *y, size_t n, brink_nbar1_t *out)
{
    if (!y || n < 3)
        return brink_ctx_error(ctx, BRINK_EINVAL, "NB-AR(1): needs at least 3 counts");
    series_t s = {y, n};
    double mean, v1, vn;
    moments(y, n, &mean, &v1, &vn);
    double r0 = brink_nb_ml_r(y, n);
    if (!(r0 < 1e4))
        r0 = 1e4;
    double best = HUGE_VAL, bx[3] = {0, 0, 0};
    static const double b0s[] = {0.2, 0.5, 0.8};
    for (size_t i = 0; i < 3; i++) {
        double b0 = b0s[i];
        double x[3] = {log(fmax(mean * (1 - b0), 1e-3)), log(b0 / (1 - b0)), log(r0)};
        double v = nm_minimise(nbar1_nll, &s, x, 3, 0.5, 600, 1e-10);
        v = nm_minimise(nbar1_nll, &s, x, 3, 0.1, 600, 1e-12); /* restart */
        if (v < best) {
            best = v;
            memcpy(bx, x, sizeof bx);
        }
    }
    nbar1_from(bx, out);
    out->loglik = brink_nbar1_loglik(out, y, n);
    return BRINK_OK;
}

/* ---- Markov-switching NB --------------------------------------------------------- */

double brink_msnb_loglik(const brink_msnb_t *p, const long *y, size_t n, double filt[2])
{
    double den = 2.0 - p->p00 - p->p11;
    double f0 = den > 0 ? (1.0 - p->p11) / den : 0.5;
    double f[2] = {f0, 1.0 - f0}, ll = 0;
    for (size_t t = 0; t < n; t++) {
        double pred[2];
        if (t == 0) {
            pred[0] = f[0];
            pred[1] = f[1];
        } else {
            pred[0] = f[0] * p->p00 + f[1] * (1.0 - p->p11);
            pred[1] = f[0] * (1.0 - p->p00) + f[1] * p->p11;
        }
        double l0 = brink_nb_logpmf(y[t], p->mu[0], p->r), l1 = brink_nb_logpmf(y[t], p->mu[1], p->r);
        double m = l0 > l1 ? l0 : l1;
        if (!isfinite(m)) {
            ll = -HUGE_VAL;
            break;
        }
        double a0 = pred[0] * exp(l0 - m), a1 = pred[1] * exp(l1 - m), c = a0 + a1;
        if (!(c > 0)) {
            ll = -HUGE_VAL;
            break;
        }
        ll += m + log(c);
        f[0] = a0 / c;
        f[1] = a1 / c;
    }
    if (filt) {
        filt[0] = f[0];
        filt[1] = f[1];
    }
    return ll;
}

static void msnb_from(const double *x, brink_msnb_t *p)
{
    p->mu[0] = exp(clampd(x[0], -20, 12));
    p->mu[1] = p->mu[0] + exp(clampd(x[1], -20, 12));
    p->r = exp(clampd(x[2], log(1e-3), log(R_MAX)));
    p->p00 = 1.0 / (1.0 + exp(-clampd(x[3], -20, 20)));
    p->p11 = 1.0 / (1.0 + exp(-clampd(x[4], -20, 20)));
}

static double msnb_nll(const double *x, void *ud)
{
    const series_t *s = ud;
    brink_msnb_t p;
    msnb_from(x, &p);
    return -brink_msnb_loglik(&p, s->y, s->n, NULL);
}

brink_status_t brink_msnb_fit(brink_ctx_t *ctx, const long *y, size_t n, brink_msnb_t *out)
{
    if (!y || n < 2)
        return brink_ctx_error(ctx, BRINK_EINVAL, "MS-NB: needs at least 2 counts");
    series_t s = {y, n};
    double mean, v1, vn;
    moments(y, n, &mean, &v1, &vn);
    /* starts: the means below and above the overall mean */
    double lo = 0, hi = 0;
    size_t nlo = 0, nhi = 0;
    for (size_t i = 0; i < n; i++) {
        if ((double)y[i] <= mean) {
            lo += (double)y[i];
            nlo++;
        } else {
            hi += (double)y[i];
            nhi++;
        }
    }
    lo = nlo ? lo / (double)nlo : mean;
    hi = nhi ? hi / (double)nhi : mean + 1.0;
    double best = HUGE_VAL, bx[5] = {0, 0, 0, 0, 0};
    static const double ps[] = {0.6, 0.9};
    static const double rs[] = {1.0, 10.0};
    for (size_t i = 0; i < 2; i++)
        for (size_t j = 0; j < 2; j++) {
            double p0 = ps[i];
            double x[5] = {log(fmax(lo, 0.05)), log(fmax(hi - lo, 0.05)), log(rs[j]),
                           log(p0 / (1 - p0)), log(p0 / (1 - p0))};
            double v = nm_minimise(msnb_nll, &s, x, 5, 0.5, 1500, 1e-10);
            v = nm_minimise(msnb_nll, &s, x, 5, 0.1, 1500, 1e-12);
            if (v < best) {
                best = v;
                memcpy(bx, x, sizeof bx);
            }
        }
    msnb_from(bx, out);
    out->loglik = brink_msnb_loglik(out, y, n, out->filt);
    return BRINK_OK;
}

/* ---- forecasts ---------------------------------------------------------------------- */

static void point_mass(double *pmf, size_t len, long x)
{
    memset(pmf, 0, len * sizeof *pmf);
    pmf[(size_t)x < len ? (size_t)x : len - 1] = 1.0;
}

static brink_status_t nbar1_forecast(brink_ctx_t *ctx, const long *y, size_t n, int hmax,
                                     double *pmfs, size_t len)
{
    brink_nbar1_t p;
    brink_status_t st = brink_nbar1_fit(ctx, y, n, &p);
    double *cur = NULL, *row = NULL;
    if (st != BRINK_OK)
        goto cleanup;
    cur = brink_calloc(ctx, len, sizeof *cur);
    row = brink_malloc(ctx, len * sizeof *row);
    if (!cur || !row) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    point_mass(cur, len, y[n - 1]);
    for (int step = 0; step < hmax; step++) {
        double *pmf = pmfs + (size_t)step * len;
        memset(pmf, 0, len * sizeof *pmf);
        for (size_t x = 0; x < len; x++) {
            if (cur[x] == 0)
                continue;
            brink_nb_fill(row, len, p.a + p.b * (double)x, p.r);
            for (size_t z = 0; z < len; z++)
                pmf[z] += cur[x] * row[z];
        }
        memcpy(cur, pmf, len * sizeof *pmf);
    }
cleanup:
    brink_free(ctx, cur);
    brink_free(ctx, row);
    return st;
}

static brink_status_t msnb_forecast(brink_ctx_t *ctx, const long *y, size_t n, int hmax,
                                    double *pmfs, size_t len)
{
    brink_msnb_t p;
    brink_status_t st = brink_msnb_fit(ctx, y, n, &p);
    if (st != BRINK_OK)
        return st;
    double *row = brink_malloc(ctx, 2 * len * sizeof *row);
    if (!row)
        return BRINK_ENOMEM;
    brink_nb_fill(row, len, p.mu[0], p.r);
    brink_nb_fill(row + len, len, p.mu[1], p.r);
    double q[2] = {p.filt[0], p.filt[1]};
    for (int step = 0; step < hmax; step++) {
        double q0 = q[0] * p.p00 + q[1] * (1.0 - p.p11);
        q[1] = q[0] * (1.0 - p.p00) + q[1] * p.p11;
        q[0] = q0;
        double *pmf = pmfs + (size_t)step * len;
        for (size_t k = 0; k < len; k++)
            pmf[k] = q[0] * row[k] + q[1] * row[len + k];
    }
    brink_free(ctx, row);
    return BRINK_OK;
}

static void repeat(double *pmfs, size_t len, int hmax)
{
    for (int h = 1; h < hmax; h++)
        memcpy(pmfs + (size_t)h * len, pmfs, len * sizeof *pmfs);
}

brink_status_t brink_baseline_forecasts(brink_ctx_t *ctx, brink_baseline_t b, const long *y,
                                        size_t n, int hmax, double *pmfs, size_t len)
{
    if (!y || !pmfs || n < 1 || hmax < 1 || len < 2 || (unsigned)b >= BRINK_BASELINE_COUNT)
        return brink_ctx_error(ctx, BRINK_EINVAL, "baseline forecast: bad arguments");
    for (size_t i = 0; i < n; i++)
        if (y[i] < 0)
            return brink_ctx_error(ctx, BRINK_EINVAL, "baseline forecast: count %zu is "
                                   "negative", i);
    double mean, v1, vn;
    moments(y, n, &mean, &v1, &vn);
    brink_status_t st = BRINK_OK;
    double *tmp = NULL;
    switch (b) {
    case BRINK_BASELINE_POISSON:
        brink_nb_fill(pmfs, len, mean, INFINITY);
        repeat(pmfs, len, hmax);
        break;
    case BRINK_BASELINE_NB_MOM:
        brink_nb_fill(pmfs, len, mean, n >= 2 && v1 > mean ? mean * mean / (v1 - mean) : INFINITY);
        repeat(pmfs, len, hmax);
        break;
    case BRINK_BASELINE_NB_ML:
        brink_nb_fill(pmfs, len, mean, brink_nb_ml_r(y, n));
        repeat(pmfs, len, hmax);
        break;
    case BRINK_BASELINE_PERSISTENCE:
        point_mass(pmfs, len, y[n - 1]);
        repeat(pmfs, len, hmax);
        break;
    case BRINK_BASELINE_NBAR1:
        if (n < 4) {
            brink_nb_fill(pmfs, len, mean, brink_nb_ml_r(y, n));
            repeat(pmfs, len, hmax);
        } else {
            st = nbar1_forecast(ctx, y, n, hmax, pmfs, len);
        }
        break;
    case BRINK_BASELINE_MSNB:
        if (n < 6) {
            brink_nb_fill(pmfs, len, mean, brink_nb_ml_r(y, n));
            repeat(pmfs, len, hmax);
        } else {
            st = msnb_forecast(ctx, y, n, hmax, pmfs, len);
        }
        break;
    default: {
        static const brink_baseline_t parts[] = {BRINK_BASELINE_POISSON, BRINK_BASELINE_NB_ML,
                                                 BRINK_BASELINE_PERSISTENCE,
                                                 BRINK_BASELINE_NBAR1, BRINK_BASELINE_MSNB};
        size_t tot = (size_t)hmax * len;
        tmp = brink_malloc(ctx, tot * sizeof *tmp);
        if (!tmp) {
            st = BRINK_ENOMEM;
            break;
        }
        memset(pmfs, 0, tot * sizeof *pmfs);
        for (size_t i = 0; i < 5 && st == BRINK_OK; i++) {
            st = brink_baseline_forecasts(ctx, parts[i], y, n, hmax, tmp, len);
            for (size_t k = 0; st == BRINK_OK && k < tot; k++)
                pmfs[k] += tmp[k] / 5.0;
        }
        break;
    }
    }
    brink_free(ctx, tmp);
    return st;
}

brink_status_t brink_baseline_forecast(brink_ctx_t *ctx, brink_baseline_t b, const long *y,
                                       size_t n, int h, double *pmf, size_t len)
{
    if (h < 1 || len < 2 || !pmf)
        return brink_ctx_error(ctx, BRINK_EINVAL, "baseline forecast: bad arguments");
    double *all = brink_malloc(ctx, (size_t)h * len * sizeof *all);
    if (!all)
        return BRINK_ENOMEM;
    brink_status_t st = brink_baseline_forecasts(ctx, b, y, n, h, all, len);
    if (st == BRINK_OK)
        memcpy(pmf, all + (size_t)(h - 1) * len, len * sizeof *pmf);
    brink_free(ctx, all);
    return st;
}
