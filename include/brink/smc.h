/*
 * brink/smc.h - conditioning a stochastic model on a record by sequential
 * Monte Carlo (a bootstrap particle filter with parameter rejuvenation;
 * docs/conditioning.md).
 *
 * The engine knows nothing of crises: a model is a table of callbacks over
 * opaque particles (brink_smc_model_t).  Each particle carries a parameter
 * vector theta (nparams reals, on whatever scale the model chooses; the
 * rejuvenation kernel moves them additively, so an unconstrained scale such
 * as logs is best) and a state the model owns.  Month by month the filter
 *
 *   1. advances every particle one month (model->advance) and reads the
 *      month's counts of each series the model produces (model->counts:
 *      c >= 0, a simulated count or an expected one);
 *   2. weights it by the likelihood of the record's observations of that
 *      month under the observation model
 *        y ~ Poisson(c + floor)            (obs = BRINK_SMC_OBS_POISSON)
 *        y ~ NB(c + floor, dispersion)     (obs = BRINK_SMC_OBS_NEGBIN)
 *      for each monthly series observed that month, and, in December, for
 *      each annual series with a total for the year, with c the particle's
 *      sum over the year.  The floor (e.g. 0.05 a month) keeps a particle
 *      that produced no event in a month with one from weight zero;
 *   3. adds log(sum_i W_i l_i) to the log marginal likelihood (W the
 *      normalised weights before the month, l the month's likelihoods);
 *   4. when the effective sample size 1/sum W_i^2 falls below
 *      ess_threshold x N, resamples systematically (one uniform for all N)
 *      and, with rejuvenation BRINK_SMC_REJUV_LIU_WEST, moves the
 *      parameters by the Liu and West (2001) shrinkage kernel
 *        theta_i <- a theta_i + (1 - a) mean + h L z,
 *      a = (3 delta - 1)/(2 delta), h^2 = 1 - a^2, L L' the covariance of
 *      the resampled thetas, z standard normal; this keeps their mean and
 *      covariance and gives duplicated particles distinct parameters.
 *
 * Determinism: particle i's draws at step t come from the stream keyed by
 * (seed, t + 1, i, stream) (parameters: (seed, 0, i, BRINK_STREAM_PARAMS));
 * the resampling uniform from (seed, t + 1, 0, ...); sums run in index
 * order after the parallel part.  The result is identical for any thread
 * count, provided the callbacks are pure functions of their arguments.
 *
 * Errors: a record series the model cannot produce (model->series_index
 * returns -1) is BRINK_EVALIDATE naming the series and where the record
 * declares it; a month in which every particle has likelihood zero is
 * BRINK_ENUMERIC naming the month, the series and the observed count.  A
 * collapse of the effective sample size below ess_warn x N is logged as a
 * warning through the context (once per call) and counted
 * (brink_smc_collapses).  Nothing here prints or exits.
 */
#ifndef BRINK_SMC_H
#define BRINK_SMC_H

#include <stddef.h>
#include <stdint.h>

#include "brink/core.h"
#include "brink/record.h"
#include "brink/rng.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The callbacks of a particle model.  ud is passed back to every call.
 *  Calls for distinct particles may run at once on different threads. */
typedef struct brink_smc_model {
    size_t nparams; /* length of theta, 0 .. 64 */
    size_t nseries; /* series the model produces, >= 1 */
    void *ud;
    /** Draws a parameter vector from the prior into theta. */
    brink_status_t (*draw_params)(void *ud, brink_rng_t *rng, double *theta);
    /** A new particle at month start with parameters theta (*particle owned
     *  by the engine, released with free_particle). */
    brink_status_t (*init)(void *ud, const double *theta, int start, brink_rng_t *rng,
                           void **particle);
    /** Advances the particle through month (the month after its last). */
    brink_status_t (*advance)(void *ud, void *particle, const double *theta, int month,
                              brink_rng_t *rng);
    /** The counts c >= 0 of each series in the month last advanced. */
    void (*counts)(void *ud, const void *particle, double *out);
    /** A copy of a particle into *dst. */
    brink_status_t (*copy)(void *ud, const void *src, void **dst);
    void (*free_particle)(void *ud, void *particle);
    /** The index of the series (actor, kind), or -1 when the model cannot
     *  produce it. */
    long (*series_index)(void *ud, const char *actor, const char *kind);
} brink_smc_model_t;

enum { BRINK_SMC_OBS_POISSON = 0, BRINK_SMC_OBS_NEGBIN = 1 };
enum { BRINK_SMC_REJUV_NONE = 0, BRINK_SMC_REJUV_LIU_WEST = 1 };
enum { BRINK_STREAM_SMC = 40, BRINK_STREAM_SMC_RESAMPLE = 41, BRINK_STREAM_SMC_MOVE = 42,
       BRINK_STREAM_SMC_OBS = 43 };

typedef struct brink_smc_config {
    uint32_t particles;    /* N >= 1 */
    uint64_t seed;
    int threads;           /* 0: OpenMP's default */
    double ess_threshold;  /* resample below this share of N (0 < x <= 1; 0.5) */
    double ess_warn;       /* warn below this share of N (0.01) */
    int rejuvenate;        /* BRINK_SMC_REJUV_* */
    double delta;          /* Liu-West discount, 0 < delta <= 1 (0.98) */
    int obs;               /* BRINK_SMC_OBS_* */
    double floor;          /* added to every count's mean, >= 0 (0.05) */
    double dispersion;     /* NB dispersion r > 0 (5) */
    int forecast_obs;      /* forecasts: 0 the model's counts as they are (models whose
                              counts are simulated events), 1 drawn from the observation
                              model (models whose counts are expected values) (0) */
} brink_smc_config_t;

/** The defaults given in brackets above (particles 1000, seed 1). */
BRINK_API void brink_smc_config_default(brink_smc_config_t *cfg);

typedef struct brink_smc brink_smc_t;

/** A filter over model m (copied; m->ud must outlive the filter) with
 *  N particles drawn from the prior and initialised at month start,
 *  observing rec (borrowed; may be NULL for a free run).  Returns
 *  BRINK_OK, BRINK_EINVAL (bad config, reason on ctx), BRINK_EVALIDATE (a
 *  record series the model cannot produce), BRINK_ENOMEM, or a callback's
 *  status. */
BRINK_API brink_status_t brink_smc_new(brink_ctx_t *ctx, const brink_smc_model_t *m,
                             const brink_smc_config_t *cfg, const brink_record_t *rec,
                             int start, brink_smc_t **out);
/** Frees the filter and its particles; NULL does nothing. */
BRINK_API void brink_smc_free(brink_smc_t *f);

/** Filters through month through (inclusive; months after the record's
 *  through are advanced unweighted).  Returns BRINK_OK, BRINK_EINVAL
 *  (through before the current month), BRINK_ENUMERIC (every particle has
 *  zero likelihood: the month, series and count on ctx), BRINK_ENOMEM,
 *  BRINK_EINTERRUPT or a callback's status.  Cost: O(N x months) callback
 *  calls plus O(N x nparams^2) per rejuvenation. */
BRINK_API brink_status_t brink_smc_condition(brink_ctx_t *ctx, brink_smc_t *f, int through);

/** Runs every particle months further without weighting and writes into
 *  totals[i * nseries + s] the sum over those months of its counts (with
 *  forecast_obs, of counts drawn from the observation model given them).
 *  The weights stay.  Returns as brink_smc_condition. */
BRINK_API brink_status_t brink_smc_forecast(brink_ctx_t *ctx, brink_smc_t *f, int months, double *totals);

/** Runs every particle `years` periods of 12 months further (as
 *  brink_smc_forecast) and writes the weighted predictive pmf of each
 *  model series' total in period h (1 .. years) over 0 .. len-1 (the tail
 *  in the last cell) into pmfs[(s * years + h - 1) * len + k].  Returns as
 *  brink_smc_forecast, or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_smc_forecast_pmfs(brink_ctx_t *ctx, brink_smc_t *f, int years, size_t len,
                                       double *pmfs);

/** The weighted quantile q (0 <= q <= 1) of x[0..n-1] with weights w
 *  (>= 0, not all 0): the smallest x with cumulative weight >= q x total.
 *  Returns BRINK_OK, BRINK_EINVAL or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_weighted_quantile(brink_ctx_t *ctx, const double *x, const double *w,
                                       size_t n, double q, double *out);

/** The last month advanced. */
BRINK_API int brink_smc_month(const brink_smc_t *f);
BRINK_API uint32_t brink_smc_nparticles(const brink_smc_t *f);
/** The number of series the model produces. */
BRINK_API size_t brink_smc_nseries(const brink_smc_t *f);
/** The normalised weights (N entries, borrowed). */
BRINK_API const double *brink_smc_weights(const brink_smc_t *f);
/** Particle i's parameters (borrowed). */
BRINK_API const double *brink_smc_theta(const brink_smc_t *f, uint32_t i);
/** Particle i (borrowed; its layout is the model's). */
BRINK_API const void *brink_smc_particle(const brink_smc_t *f, uint32_t i);
/** Weighted mean of parameter j. */
BRINK_API double brink_smc_param_mean(const brink_smc_t *f, size_t j);
/** Log marginal likelihood of the observations so far. */
BRINK_API double brink_smc_log_evidence(const brink_smc_t *f);
/** Effective sample size after each month so far (before resampling),
 *  *n entries (borrowed). */
BRINK_API const double *brink_smc_ess(const brink_smc_t *f, size_t *n);
/** Number of resamplings and of ESS collapses so far. */
BRINK_API uint32_t brink_smc_resamplings(const brink_smc_t *f);
BRINK_API uint32_t brink_smc_collapses(const brink_smc_t *f);

/* ---- count distributions ----------------------------------------------------
 *
 * Negative binomial NB(mu, r): mean mu, variance mu + mu^2/r,
 *   P(k) = G(k+r)/(G(r) k!) (r/(r+mu))^r (mu/(r+mu))^k. */

/** NB(mu, r) pmf at k; r = INFINITY gives Poisson(mu); mu = 0 a point
 *  mass at 0. */
BRINK_API double brink_nb_pmf(long k, double mu, double r);

/** log of brink_nb_pmf (-HUGE_VAL for an impossible k). */
BRINK_API double brink_nb_logpmf(long k, double mu, double r);

/** Fills pmf[0..len-1] with NB(mu, r), the tail above len-1 in the last
 *  cell. */
BRINK_API void brink_nb_fill(double *pmf, size_t len, double mu, double r);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_SMC_H */
