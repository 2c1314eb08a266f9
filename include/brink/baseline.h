/*
 * brink/baseline.h - statistical baselines for forecasts of counts, refitted
 * on the training series alone (docs/validation.md, "Baselines"), and the
 * statistics that compare forecasts (skill with block-bootstrap intervals,
 * the Diebold-Mariano test, PIT histograms, coverage, Brier score).
 *
 * A training series is y[0..n-1], counts per period (years in the
 * backtest), oldest first.  A forecast of y[n-1+h] (h >= 1 periods ahead)
 * is a probability mass function over 0 .. len-1; the mass above len-1 is
 * added to the last cell (choose len well above the counts, e.g. 4 x the
 * largest count + 50), so CRPS and log score are exact below len-1.
 *
 * Negative binomial NB(mu, r) as in brink/smc.h (brink_nb_pmf).
 *
 * The baselines (each fitted on y[0..n-1] only):
 *   POISSON      Poisson at the training mean.
 *   NB_MOM       NB with the training mean and variance (method of
 *                moments, r = mean^2/(var - mean), var with n - 1); Poisson
 *                when var <= mean or n < 2.
 *   NB_ML        NB by maximum likelihood (mu = the mean, r solving the
 *                score equation; Piegorsch 1990); Poisson when var <= mean
 *                or n < 2 (the likelihood then has no finite maximum).
 *   PERSISTENCE  a point mass at y[n-1].
 *   NBAR1        NB-AR(1), an INGARCH(1,0) with negative binomial errors:
 *                y_t | y_{t-1} ~ NB(a + b y_{t-1}, r), a > 0, 0 <= b < 1,
 *                fitted by conditional maximum likelihood (Nelder-Mead on
 *                log a, logit b, log r); the h-step pmf propagates the
 *                one-step kernel exactly.  Falls back to NB_ML when n < 4.
 *   MSNB         two-state Markov-switching NB with a hidden regime (a low
 *                state, "talks", and a high one): mu_0 <= mu_1, a common r,
 *                staying probabilities p_00, p_11; the regime starts at the
 *                chain's stationary law; likelihood by the forward filter
 *                (Hamilton 1989), maximised by Nelder-Mead from fixed
 *                starts; forecast = sum_s P(S_{n-1+h} = s | y) NB(mu_s, r).
 *                Falls back to NB_ML when n < 6.
 *   MIXTURE      the equal-weight mixture of POISSON, NB_ML, PERSISTENCE,
 *                NBAR1 and MSNB.
 * Every fit is deterministic (fixed starts, fixed iteration counts).
 */
#ifndef BRINK_BASELINE_H
#define BRINK_BASELINE_H

#include <stddef.h>
#include <stdint.h>

#include "brink/core.h"
#include "brink/smc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum brink_baseline {
    BRINK_BASELINE_POISSON = 0,
    BRINK_BASELINE_NB_MOM,
    BRINK_BASELINE_NB_ML,
    BRINK_BASELINE_PERSISTENCE,
    BRINK_BASELINE_NBAR1,
    BRINK_BASELINE_MSNB,
    BRINK_BASELINE_MIXTURE,
    BRINK_BASELINE_COUNT
} brink_baseline_t;

/** "poisson", "nb_mom", "nb_ml", "persistence", "nb_ar1", "ms_nb",
 *  "mixture" (static); "?" for other values. */
BRINK_API const char *brink_baseline_name(brink_baseline_t b);

/** The predictive pmf of y[n-1+h] under baseline b fitted on y[0..n-1]
 *  (every y >= 0, n >= 1, h >= 1, len >= 2) into pmf[0..len-1].
 *  Returns BRINK_OK, BRINK_EINVAL (bad arguments, reason on ctx) or
 *  BRINK_ENOMEM.  Cost: POISSON, NB, PERSISTENCE O(n + len); NBAR1
 *  O(n x 600 + h x len^2); MSNB O(n x 3000 + len). */
BRINK_API brink_status_t brink_baseline_forecast(brink_ctx_t *ctx, brink_baseline_t b, const long *y,
                                       size_t n, int h, double *pmf, size_t len);

/** Maximum-likelihood dispersion r of NB for y[0..n-1] with mu = the
 *  sample mean; INFINITY when the sample variance (divisor n) is at most
 *  the mean (no finite maximum).  */
BRINK_API double brink_nb_ml_r(const long *y, size_t n);

/** As brink_baseline_forecast for every horizon 1 .. hmax at once (one
 *  fit): the pmf of horizon h into pmfs[(h-1) * len .. h * len - 1]. */
BRINK_API brink_status_t brink_baseline_forecasts(brink_ctx_t *ctx, brink_baseline_t b, const long *y,
                                        size_t n, int hmax, double *pmfs, size_t len);

/** NB-AR(1) parameters and fit. */
typedef struct brink_nbar1 {
    double a, b, r;  /* mean of y_t given y_{t-1}: a + b y_{t-1}; dispersion r */
    double loglik;   /* conditional log-likelihood of y[1..n-1] given y[0] */
} brink_nbar1_t;

/** Conditional log-likelihood of y[1..n-1] given y[0] under p. */
BRINK_API double brink_nbar1_loglik(const brink_nbar1_t *p, const long *y, size_t n);

/** Maximum-likelihood NB-AR(1) for y[0..n-1], n >= 3.  Returns BRINK_OK or
 *  BRINK_EINVAL. */
BRINK_API brink_status_t brink_nbar1_fit(brink_ctx_t *ctx, const long *y, size_t n, brink_nbar1_t *out);

/** Two-state Markov-switching NB parameters and fit. */
typedef struct brink_msnb {
    double mu[2];    /* state means, mu[0] <= mu[1] */
    double r;        /* common dispersion */
    double p00, p11; /* staying probabilities */
    double loglik;   /* log-likelihood (stationary start) */
    double filt[2];  /* P(S_{n-1} = s | y[0..n-1]) after the fit */
} brink_msnb_t;

/** Log-likelihood of y[0..n-1] under p by the forward filter, the regime
 *  starting at the stationary law; writes P(S_{n-1} = s | y) into filt
 *  (may be NULL). */
BRINK_API double brink_msnb_loglik(const brink_msnb_t *p, const long *y, size_t n, double filt[2]);

/** Maximum-likelihood fit, n >= 2.  Returns BRINK_OK or BRINK_EINVAL. */
BRINK_API brink_status_t brink_msnb_fit(brink_ctx_t *ctx, const long *y, size_t n, brink_msnb_t *out);

/* ---- comparing forecasts ------------------------------------------------- */

/** Skill 1 - mean(sm)/mean(sb) of the paired scores sm[t] (the model) and
 *  sb[t] (a baseline), t < n, with a moving-block bootstrap interval
 *  (Kuensch 1989): B resamples of ceil(n/L) blocks of length L (the last
 *  cut to n), block starts uniform over 0 .. n-L, drawn from the stream
 *  (seed, 0, b, BRINK_STREAM_BOOTSTRAP); the interval is the empirical
 *  (alpha/2, 1 - alpha/2) quantiles of the B skills (type 7).  A resample
 *  whose baseline mean is 0 is skipped.  Returns BRINK_OK, BRINK_EINVAL
 *  (n < 1, L < 1 or L > n, B < 1, mean(sb) = 0) or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_skill_bootstrap(brink_ctx_t *ctx, const double *sm, const double *sb,
                                     size_t n, size_t L, uint32_t B, double alpha,
                                     uint64_t seed, double *skill, double *lo, double *hi);

/** Diebold-Mariano test of equal expected score of two forecasts of
 *  horizon h (Diebold and Mariano 1995) with the small-sample correction
 *  of Harvey, Leybourne and Newbold (1997): d_t = s1[t] - s2[t], the
 *  long-run variance from the autocovariances of lags 0 .. h-1 (divisor
 *  n), DM = mean(d) / sqrt(V/n), DM* = DM sqrt((n + 1 - 2h + h(h-1)/n)/n),
 *  and the two-sided p-value of DM* under Student's t with n - 1 degrees
 *  of freedom.  Negative statistics favour s1.  A long-run variance <= 0
 *  falls back to the lag-0 variance.  Returns BRINK_OK or BRINK_EINVAL
 *  (n < 2, h < 1, every d_t equal, or n + 1 - 2h + h(h-1)/n <= 0: too few
 *  forecasts for the horizon). */
BRINK_API brink_status_t brink_dm_test(brink_ctx_t *ctx, const double *s1, const double *s2, size_t n,
                             int h, double *stat, double *pvalue);

/** Student's t distribution function with df > 0 degrees of freedom. */
BRINK_API double brink_student_t_cdf(double t, double df);
/** Upper tail of the chi-square distribution with df > 0 degrees of freedom. */
BRINK_API double brink_chisq_sf(double x, double df);

/** Non-randomised PIT histogram of count forecasts (Czado, Gneiting and
 *  Held 2009): forecast t is the pmf pmfs + t*len over 0 .. len-1 with
 *  outcome y[t]; hist[j] (j < J) = mean_t (F_t(j+1/J | y) - F_t(j/J | y))
 *  with F(u | y) = 0 below P(y-1), 1 above P(y), linear between.  The
 *  histogram of calibrated forecasts is flat at 1/J.  Also the chi-square
 *  statistic sum_j (n hist[j] - n/J)^2 / (n/J) and its p-value on J - 1
 *  degrees of freedom (*chi2, *pvalue may be NULL); this treats the
 *  n hist[j] as counts, an approximation for counts (say so when
 *  reporting).  Returns BRINK_OK or BRINK_EINVAL. */
BRINK_API brink_status_t brink_pit_histogram(brink_ctx_t *ctx, const double *pmfs, size_t len,
                                   const long *y, size_t n, size_t J, double *hist,
                                   double *chi2, double *pvalue);

/** Brier score mean_t (p[t] - o[t])^2 of probabilities p of binary events
 *  with outcomes o (0 or 1). */
BRINK_API double brink_brier(const double *p, const int *o, size_t n);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_BASELINE_H */
