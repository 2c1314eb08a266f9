/*
 * brink/calib.h - proper scoring rules and naive baselines for predictive
 * distributions of counts (docs/validation.md, "Method"); ABC-SMC
 * calibration, and the posteriors it writes (DIR/posterior.csv).
 *
 * A predictive distribution of a count is a probability mass function over
 * 0 .. n-1 (pmf[k] = P(X = k); the entries sum to 1; an ensemble histogram
 * divided by its run count is one).  Scores are negatively oriented: smaller
 * is better.
 *
 *   CRPS(F, y) = sum_k (F(k) - 1{k >= y})^2   for an integer y (Gneiting and
 *                Raftery 2007; equal to E|X - y| - E|X - X'|/2)
 *   log score  = -ln p~(y), p~ = (1 - eps) pmf + eps g,  g the geometric
 *                distribution on 0, 1, ... with mean max(E X, 1): a proper
 *                distribution with full support, so outcomes the forecast
 *                gives zero probability score finitely (eps = 0.01 in the
 *                backtest, for the model and the baselines alike)
 *   PIT        = F(y-1) + v (F(y) - F(y-1)), v ~ U(0,1) (randomised PIT for
 *                counts; Czado, Gneiting and Held 2009)
 *
 * The scoring functions allocate nothing; nothing here prints or exits.
 */
#ifndef BRINK_CALIB_H
#define BRINK_CALIB_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "brink/core.h"
#include "brink/scenario.h"
#include "brink/record.h"
#include "brink/sim.h"
#include "brink/smc.h"
#include "brink/stepper.h"

#ifdef __cplusplus
extern "C" {
#endif

/** CRPS of a pmf over 0 .. n-1 at the integer outcome y >= 0 (exact). */
BRINK_API double brink_crps_pmf(const double *pmf, size_t n, long y);

/** CRPS of the empirical distribution of the sample x[0..n-1], sorted
 *  ascending, at a real y: E|X - y| - E|X - X'|/2, exact, O(n). */
BRINK_API double brink_crps_sorted_sample(const double *x, size_t n, double y);

/** CRPS of a Poisson(lambda) forecast at the integer y >= 0, by summation
 *  of the exact series until the remaining terms are below 1e-15. */
BRINK_API double brink_crps_poisson(double lambda, long y);

/** CRPS of a point mass at x (the persistence forecast): |x - y|. */
BRINK_API double brink_crps_point(double x, double y);

/** Log score -ln p~(y) of a pmf over 0 .. n-1, smoothed with weight eps
 *  (0 <= eps < 1) by the geometric distribution of mean max(E X, 1). */
BRINK_API double brink_logscore_pmf(const double *pmf, size_t n, long y, double eps);

/** Log score of Poisson(lambda) smoothed as above (mean max(lambda, 1)). */
BRINK_API double brink_logscore_poisson(double lambda, long y, double eps);

/** Log score of a point mass at x >= 0 smoothed as above (mean max(x, 1)). */
BRINK_API double brink_logscore_point(long x, long y, double eps);

/** Randomised PIT of a pmf at y with the uniform draw v in [0, 1). */
BRINK_API double brink_pit_pmf(const double *pmf, size_t n, long y, double v);

/** Smallest k with F(k) >= q (0 < q <= 1); n - 1 if none. */
BRINK_API long brink_pmf_quantile(const double *pmf, size_t n, double q);

/** 1 if y lies in the central interval of probability level (e.g. 0.9):
 *  [quantile((1-level)/2), quantile((1+level)/2)]; else 0. */
BRINK_API int brink_pmf_covers(const double *pmf, size_t n, long y, double level);

/** Mean of a pmf. */
BRINK_API double brink_pmf_mean(const double *pmf, size_t n);

/* ---- ABC-SMC calibration ------------------------------------------------
 *
 * Population Monte Carlo ABC (Beaumont, Cornuet, Marin and Robert 2009;
 * Toni et al. 2009) over the parameters the scenario marks as free (its
 * free: list, with their priors).  Generation 0 draws 2N parameter sets
 * from the prior and keeps the N closest to the targets; generation t
 * proposes from the weighted population of t-1 perturbed by a Gaussian
 * kernel of twice its weighted variance, accepts a proposal when its
 * distance is at most eps_t (the alpha-quantile of the distances of t-1),
 * and weights it by prior / sum_j w_j K(theta | theta_j).  A simulation is
 * one run of the scenario to cfg->until with the proposal's parameters.
 *
 * Distance: sqrt(mean_t ((s_t - o_t) / scale_t)^2), scale_t = 1.4826 x the
 * median absolute deviation of target t over generation 0's prior draws,
 * at least 1 (counts) or 3 (months).  A milestone not reached by until
 * counts as until + 1.
 *
 * Every draw is keyed (seed, generation + 1, proposal, BRINK_STREAM_PARAMS)
 * and every simulation (seed, 0, simulation index, BRINK_STREAM_SIM);
 * proposals are accepted in index order, so the result is identical for
 * any thread count.  The run stops before a generation that the remaining
 * budget cannot complete (an incomplete generation is discarded, never
 * returned), after max_generations, or when a generation's acceptance rate
 * falls below min_acceptance. */

typedef struct brink_abc_target {
    char name[48];       /* e.g. "missiles_2013", "first_icbm_test" */
    int is_milestone;    /* 0: annual count, 1: month of a milestone */
    int index;           /* BRINK_COUNT_* or BRINK_MILESTONE_* */
    int year;            /* the count's year */
    double observed;     /* the count, or the month index (-1: not reached by until) */
} brink_abc_target_t;

typedef struct brink_abc_config {
    uint32_t particles;      /* population size N */
    uint64_t budget;         /* most simulations in all */
    double alpha;            /* tolerance quantile, 0 < alpha < 1 */
    uint32_t max_generations;
    double min_acceptance;   /* stop when a generation accepts less than this share */
    uint64_t seed;
    int threads;             /* 0: OpenMP's default */
    int until;               /* last simulated month */
} brink_abc_config_t;

typedef struct brink_abc_generation {
    double epsilon;          /* tolerance (generation 0: the N-th smallest distance) */
    uint64_t proposed;       /* simulations run for this generation */
    double acceptance;       /* accepted / proposed */
    double ess;              /* effective sample size of the weights */
} brink_abc_generation_t;

typedef struct brink_abc_result {
    size_t nfree, ntargets;
    char **paths;            /* the free parameters' paths */
    uint32_t n;              /* particles */
    double *theta;           /* [n][nfree] */
    double *weight;          /* [n], summing to 1 */
    double *dist;            /* [n] */
    double *summary;         /* [n][ntargets] simulated values */
    double *scale;           /* [ntargets] */
    size_t ngen;
    brink_abc_generation_t *gen;
    uint64_t simulations;    /* simulations run in all */
} brink_abc_result_t;

/** Calibration targets from a YAML file (strict loader; docs/validation.md,
 *  "Targets file"):
 *    format: 1
 *    until: 2017-12               # last month simulated (end of the window)
 *    counts:                      # annual counts
 *      - {count: missiles, year: 2013, observed: 6}
 *    milestones:                  # first months
 *      - {milestone: first_icbm_test, reached: true, month: 2017-07}
 *      - {milestone: first_leader_summit, reached: false}
 *  On success *out is an array of *n targets (free with brink_free) and
 *  *until the window's last month.  Problems go to diags as located errors
 *  (among them a count of the same kind and year, or a milestone, given
 *  twice).
 *  Returns BRINK_OK, BRINK_EIO, BRINK_EPARSE, BRINK_EVALIDATE, BRINK_ENOMEM. */
BRINK_API brink_status_t brink_abc_targets_load(brink_ctx_t *ctx, const char *path,
                                                brink_abc_target_t **out, size_t *n, int *until,
                                                brink_diags_t *diags);

/** As brink_abc_targets_load, and until must also lie in the scenario's
 *  horizon [first, last] (months since year 0, as brink_sim_start and
 *  brink_sim_end give them): outside it is a located error at until.
 *  Returns as brink_abc_targets_load. */
BRINK_API brink_status_t brink_abc_targets_load_within(brink_ctx_t *ctx, const char *path,
                                                       int first, int last,
                                                       brink_abc_target_t **out, size_t *n,
                                                       int *until, brink_diags_t *diags);

/** As brink_abc_targets_load, from len bytes of text (name: the file name
 *  in diagnostics). */
BRINK_API brink_status_t brink_abc_targets_load_string(brink_ctx_t *ctx, const char *name,
                                                       const char *text, size_t len,
                                                       brink_abc_target_t **out, size_t *n, int *until,
                                                       brink_diags_t *diags);

/** Replaces the observed values of targets by those of a record
 *  (`brink calibrate --record FILE`).  A target's series is the one the
 *  model produces for its count (brink_sim_particles_series_name: the
 *  scenario's target actor, or UNSC for resolutions); a target whose
 *  series the record does not have keeps its value.  An annual count takes
 *  the record's total of its year (brink_record_year); the first nuclear
 *  test, ICBM-class launch and leader summit take the first month from the
 *  simulation's start to until with an event of that series (-1, not
 *  reached, when the series is monthly and covers until with none); the
 *  other milestones keep their values.  A target whose series the record
 *  has but does not observe (a year not wholly covered, a milestone's
 *  window not covered month by month) is a located error in diags, at the
 *  series' declaration.  *replaced counts the targets given a value.
 *  Returns BRINK_OK, BRINK_EINVAL (a NULL argument), BRINK_EVALIDATE
 *  (diags say why; targets may be partly replaced) or BRINK_ENOMEM.
 *  O(targets x (series + months)). */
BRINK_API brink_status_t brink_abc_targets_use_record(brink_ctx_t *ctx, const brink_sim_t *sim,
                                                      const brink_record_t *rec, int until,
                                                      brink_abc_target_t *targets, size_t n,
                                                      size_t *replaced, brink_diags_t *diags);

/** Runs ABC-SMC on sc's free parameters against the targets.  Returns
 *  BRINK_OK, BRINK_EINVAL (no free parameter or target, bad config; the
 *  reason on ctx), BRINK_ELIMIT (the budget does not cover generation 0),
 *  BRINK_ENOMEM, BRINK_EINTERRUPT.  Progress (simulations of budget) goes
 *  through ctx's progress callback. */
BRINK_API brink_status_t brink_abc_run(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                       const brink_abc_target_t *targets, size_t ntargets,
                                       const brink_abc_config_t *cfg, brink_abc_result_t **out);
BRINK_API void brink_abc_result_free(brink_ctx_t *ctx, brink_abc_result_t *r);

/** Weighted quantile q of free parameter j of a result. */
BRINK_API double brink_abc_quantile(const brink_abc_result_t *r, size_t j, double q);

/* ---- the files of a calibration (what `brink calibrate --out DIR` writes) --
 *
 * Each writer prints to fp (never closes it) and returns BRINK_OK,
 * BRINK_EINVAL (a NULL argument, or targets that are not the result's),
 * BRINK_ENOMEM, or BRINK_EIO when fp reports a write error.  Numbers are
 * printed with enough digits to round-trip (posterior.csv: %.17g). */

/** posterior.csv: a header "weight,PATH,..." and one row per particle of
 *  the final generation (its weight and values); what brink_posterior_load
 *  reads back.  O(n x nfree). */
BRINK_API brink_status_t brink_abc_write_posterior(const brink_abc_result_t *r, FILE *fp);

/** history.csv: generation, tolerance, simulations, acceptance, ESS. */
BRINK_API brink_status_t brink_abc_write_history(const brink_abc_result_t *r, FILE *fp);

/** distances.csv: per target (the nt targets r was run against; until is
 *  the window's last month) the observed value, scale, posterior
 *  predictive mean and 5/50/95% quantiles (months as YYYY-MM, "never" past
 *  until) and the mean scaled distance.  O(nt x n log n). */
BRINK_API brink_status_t brink_abc_write_distances(const brink_abc_result_t *r,
                                                   const brink_abc_target_t *targets, size_t nt,
                                                   int until, FILE *fp);

/** The text table `brink calibrate` prints: the posterior quantiles and
 *  mean of each free parameter, then the rows of distances.csv aligned;
 *  scenario is the scenario's name. */
BRINK_API brink_status_t brink_abc_write_table(const brink_abc_result_t *r, const char *scenario,
                                               const brink_abc_target_t *targets, size_t nt,
                                               int until, FILE *fp);

/** summary.json: scenario, version, settings (cfg's seed, budget,
 *  particles, alpha), simulations, posterior quantiles per parameter and
 *  the history of generations (Jansson, 8 significant digits). */
BRINK_API brink_status_t brink_abc_write_summary(const brink_abc_result_t *r, const char *scenario,
                                                 const brink_abc_config_t *cfg, FILE *fp);

/* ---- the window backtest (`brink backtest SCENARIO --out DIR`) ------------ */

/** What a window backtest reports besides the scores (its provenance). */
typedef struct brink_backtest_window {
    const char *scenario;     /* the scenario's name */
    uint64_t seed;            /* the ensemble's master seed */
    uint64_t runs;            /* its runs */
    uint32_t parameter_sets;  /* its models (1, or the posterior's sets) */
    int first, last;          /* the window's years */
} brink_backtest_window_t;

/** Scores ens (an ensemble of sim's scenario, or of a mixture of its
 *  parameter sets, run at least to the end of w->last) against the record
 *  sim's scenario carries, over the years w->first..w->last: for every
 *  annual count the predictive quantiles, CRPS, log score (smoothing
 *  0.01), randomised PIT (drawn from the stream (w->seed, target,
 *  BRINK_STREAM_SCORE)) and 50%/90% coverage next to a Poisson, a negative
 *  binomial and persistence fitted on the window less its last two years;
 *  every milestone the record reaches in the window in months; the
 *  record's pattern statistics against the model's central 90% intervals;
 *  and the checks of the last two years (docs/validation.md).  Writes the
 *  results as JSON (Jansson, two-space indent, 6 significant digits) to
 *  json and as the text table to txt.  Returns BRINK_OK, BRINK_EINVAL (a
 *  NULL argument or first > last), BRINK_ENOMEM, or BRINK_EIO when a
 *  stream reports a write error.  O(counts x years x BRINK_COUNT_BINS +
 *  milestones x months). */
BRINK_API brink_status_t brink_backtest_window(brink_ctx_t *ctx, const brink_ensemble_t *ens,
                                               const brink_sim_t *sim,
                                               const brink_backtest_window_t *w, FILE *json,
                                               FILE *txt);

/* ---- posteriors (DIR/posterior.csv) ----------------------------------------
 *
 * The parameter sets `brink calibrate` writes, read by `brink run --params`,
 * `brink backtest --params` and `brink sweep` (key `params`, flag --params).
 * The file is CSV: a header "weight,PATH,..." naming the scenario field
 * paths, then one row per parameter set: its weight (a finite number >= 0;
 * the weights need not sum to 1, but must not all be 0) and one finite
 * value per path.  Empty lines, lines starting with '#' and a trailing CR
 * are ignored.  At most 100000 sets; lines of at most 65534 characters.
 *
 * A run draws its set by weight from the stream keyed by (seed, point, rep,
 * BRINK_STREAM_PARAMS) (brink_posterior_pick): with point 0 that is the draw
 * of brink_sim_pick_model for run rep, so `brink run` and a sweep share one
 * rule, and the draw never depends on threads, ranks or order. */

typedef struct brink_posterior brink_posterior_t;

/** Loads DIR/posterior.csv (dir: the directory `brink calibrate --out`
 *  wrote).  On success *out owns a new posterior (brink_posterior_free).
 *  Problems in the file go to diags, located as FILE:LINE:COL with the
 *  column name, the value found and what was expected.  Returns BRINK_OK,
 *  BRINK_EIO (the file cannot be read: the reason is on ctx, no diagnostic
 *  is added), BRINK_EVALIDATE (diags say why), BRINK_ELIMIT (more than
 *  100000 sets) or BRINK_ENOMEM.  Cost: linear in the file. */
BRINK_API brink_status_t brink_posterior_load(brink_ctx_t *ctx, const char *dir, brink_posterior_t **out,
                                              brink_diags_t *diags);

/** As brink_posterior_load, from len bytes of text; name is the file name
 *  in diagnostics (and brink_posterior_file). */
BRINK_API brink_status_t brink_posterior_load_string(brink_ctx_t *ctx, const char *name, const char *text,
                                                     size_t len, brink_posterior_t **out,
                                                     brink_diags_t *diags);

/** Frees a posterior; NULL does nothing. */
BRINK_API void brink_posterior_free(brink_posterior_t *p);

/** The file read ("DIR/posterior.csv", or the name given), borrowed. */
BRINK_API const char *brink_posterior_file(const brink_posterior_t *p);
/** SHA-256 of the file's bytes, 64 lowercase hex digits (borrowed): the
 *  posterior's identity in provenance and in the result store. */
BRINK_API const char *brink_posterior_hash(const brink_posterior_t *p);
/** Number of parameter paths (columns after weight), at least 1. */
BRINK_API size_t brink_posterior_npaths(const brink_posterior_t *p);
/** Path j (0 <= j < npaths) as written in the header, borrowed. */
BRINK_API const char *brink_posterior_path(const brink_posterior_t *p, size_t j);
/** Number of parameter sets (rows), at least 1. */
BRINK_API uint32_t brink_posterior_nsets(const brink_posterior_t *p);
/** The weights of the sets, nsets entries as written (borrowed). */
BRINK_API const double *brink_posterior_weights(const brink_posterior_t *p);
/** The npaths values of set i, in header order (borrowed). */
BRINK_API const double *brink_posterior_values(const brink_posterior_t *p, uint32_t i);

/** Where the file holds value j of set i: *line and *column (1-based).
 *  set = BRINK_POSTERIOR_HEADER gives path j's place in the header. */
#define BRINK_POSTERIOR_HEADER UINT32_MAX
BRINK_API void brink_posterior_locate(const brink_posterior_t *p, uint32_t set, size_t j, int *line,
                                      int *column);

/** Checks the posterior against a scenario: every path must name a number
 *  of sc (else one located error at the path's header column), and every
 *  value must be allowed there (else one located error at the first
 *  offending cell of that column).  sc is left as it was.  Returns
 *  BRINK_OK, BRINK_EVALIDATE (diags say why) or BRINK_ENOMEM.  Cost:
 *  O(nsets x npaths) path lookups. */
BRINK_API brink_status_t brink_posterior_check(brink_ctx_t *ctx, const brink_posterior_t *p,
                                               brink_scenario_t *sc, brink_diags_t *diags);

/** Sets the values of set i on sc, except those of the paths j with
 *  skip[j] nonzero (skip may be NULL).  On failure returns the status of
 *  brink_scenario_set_number (BRINK_ENOTFOUND, BRINK_ERANGE) with the
 *  reason on ctx, and *bad (when not NULL) is the failing path's index;
 *  the paths before it are set.  Cost: O(npaths) path lookups. */
BRINK_API brink_status_t brink_posterior_apply(brink_ctx_t *ctx, const brink_posterior_t *p, uint32_t i,
                                               brink_scenario_t *sc, const unsigned char *skip,
                                               size_t *bad);

/** The set that replication rep of design point point uses: a draw by
 *  weight from the stream keyed by (seed, point, rep, BRINK_STREAM_PARAMS),
 *  brink_sim_pick_model_at(weights, nsets, seed, point, rep).  Pure. */
BRINK_API uint32_t brink_posterior_pick(const brink_posterior_t *p, uint64_t seed, uint32_t point,
                                        uint32_t rep);

/* ---- a run conditioned on the record (`brink run --condition-through`) --- */

/** What the dated forecast file records besides the filter's results. */
typedef struct brink_conditioned {
    const char *scenario_file;      /* the scenario's path (hashed here) */
    const brink_posterior_t *post;  /* the --params sets, or NULL */
    const brink_record_t *record;   /* the record conditioned on, or NULL (run free) */
    const char *record_file;        /* its path as given (NULL: the shipped one) */
    int start;                      /* the models' first month (the filter's start) */
    int through;                    /* the last month conditioned on */
    int years;                      /* 12-month periods forecast after it, 1 to 100 */
    uint64_t seed;                  /* the filter's seed */
    const brink_smc_config_t *cfg;  /* the filter's configuration */
} brink_conditioned_t;

/** Writes the results of filter f (conditioned through in->through on the
 *  particle model sp; see brink/stepper.h) and runs it free for in->years
 *  12-month periods: the provenance (brink version, scenario and record
 *  hashes, the conditioning date), the log marginal likelihood, the
 *  resamplings, the effective sample size of every month weighed, the
 *  filtered state (weighted 5/50/95% quantiles of every series), the
 *  parameter posterior (in->post's paths, weighted by the particles that
 *  run each set) and the forecast of every record series and period (mean,
 *  quantiles, pmf).  json (NULL: none) gets the dated forecast file
 *  (format "brink-forecast" 1, docs/conditioning.md; Jansson, 10
 *  significant digits) and txt (NULL: none) the text tables.  f moves to
 *  the end of the forecast.  Returns BRINK_OK, BRINK_EINVAL (a NULL
 *  argument, years out of range), BRINK_ENOMEM, BRINK_EIO (a stream's
 *  write error) or the filter's error (reason on ctx).
 *  O(particles x (series + months forecast)). */
BRINK_API brink_status_t brink_conditioned_write(brink_ctx_t *ctx, brink_smc_t *f,
                                                 const brink_sim_particles_t *sp,
                                                 const brink_conditioned_t *in, FILE *json,
                                                 FILE *txt);

#ifdef __cplusplus
}
#endif
#endif
