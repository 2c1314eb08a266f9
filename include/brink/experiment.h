/*
 * brink/experiment.h - experiments: designs, sweeps into a crash-safe
 * result store, and sensitivity analysis (docs/experiments.md,
 * docs/results-format.md).
 *
 * An experiment file (YAML 1.2 or JSON, validated as strictly as scenarios)
 * names a model, optionally a base scenario and a calibration posterior,
 * the factors to vary (each a distribution or a set of levels, and for
 * scenario models a numeric field path into the scenario), a design, the
 * number of replications and the master seed.  Every (design point,
 * replication) is one run; a run is a pure function of (scenario,
 * posterior, factor values, seed, point, replication), so thread count,
 * process count and order never change a result.
 *
 * Design points are computed on demand from their index (no design matrix
 * is held in memory, except for LHS permutations and list/file designs),
 * and results stream to the store, so memory stays flat as runs grow.
 */
#ifndef BRINK_EXPERIMENT_H
#define BRINK_EXPERIMENT_H

#include <stdint.h>
#include <stdio.h>

#include "brink/calib.h"
#include "brink/core.h"
#include "brink/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the model interface --------------------------------------------------- */

/** What a model sees for one run.  All pointers are borrowed for the call. */
typedef struct brink_model_input {
    brink_scenario_t *scenario;      /**< base scenario with the factor values applied,
                                          or NULL when the experiment has none; owned by
                                          the calling worker, which may modify it */
    const double *x;                 /**< factor values of the design point */
    size_t nfactors;
    uint64_t seed;                   /**< master seed */
    uint32_t point;                  /**< design point index */
    uint32_t rep;                    /**< replication index */
    int horizon;                     /**< last month to simulate (month index), 0 = scenario end */
    const double *params;            /**< the experiment's model_params */
    size_t nparams;
    double noise;                    /**< sd of Gaussian noise the analytic models add */
    uint64_t work;                   /**< synthetic extra work per run (benchmarks) */
    uint32_t stream_point;           /**< the design-point key of every random stream the
                                          run draws: point, or 0 for every point when the
                                          experiment asks for common random numbers */
} brink_model_input_t;

/** Where a model writes one run's results: scalars[i] for the model's
 *  output i (all NaN on entry); and, when the experiment keeps series,
 *  series[s * max_steps + t] for step t of the model's series s (NaN on
 *  entry; series is NULL when none are kept), with nsteps the number of
 *  steps written (at most max_steps; a run that stops early writes fewer). */
typedef struct brink_model_output {
    double *scalars;
    size_t nscalars;
    double *series;
    size_t nseries;
    uint32_t max_steps;
    uint32_t nsteps;
} brink_model_output_t;

/** Runs one model evaluation.  Returns BRINK_OK, or an error status with
 *  the reason on ctx: the sweep then records that run as failed with the
 *  message and goes on.  Must be thread-safe for distinct ctx/output. */
typedef brink_status_t (*brink_model_fn)(brink_ctx_t *ctx, const brink_model_input_t *in,
                                         brink_model_output_t *out, void *ud);

/** A model: its name, its named scalar outputs, its entry point, and
 *  optionally named series (monthly values, per-year counts: any quantity
 *  indexed by a step) of at most max_steps steps. */
typedef struct brink_model {
    const char *name;
    const char *const *outputs;
    size_t noutputs;
    brink_model_fn run;
    void *ud;
    const char *const *series; /**< series names (NULL: none) */
    size_t nseries;
    uint32_t max_steps;        /**< most steps per series (0: no series) */
    const char *step_unit;     /**< what a step is: "month", "year", "step" */
} brink_model_t;

/** The built-in model called name: "ishigami" (params a, b; default 7,
 *  0.1; factors x1..x3), "sobol_g" (params a_i, one per factor), "linear"
 *  (y = sum params[i] * x[i]; factors beyond params are inert), each with
 *  the series "path" (step t: y (t+1)/T plus a Gaussian random walk of
 *  step sd `noise`; T = max_steps, 0 here: set by the experiment), "crisis"
 *  (the crisis simulation).  Returns BRINK_OK, BRINK_ENOTFOUND (no such
 *  model) or BRINK_EUNSUPPORTED (the model is not linked into this
 *  build), with the reason on ctx. */
BRINK_API brink_status_t brink_model_builtin(brink_ctx_t *ctx, const char *name, brink_model_t *out);

/* ---- experiments ----------------------------------------------------------- */

typedef struct brink_experiment brink_experiment_t;

/** Loads and validates the experiment at path (and its scenario, whose path
 *  is relative to the experiment file).  On success *out owns a new
 *  experiment (brink_experiment_free).  On failure *out is NULL and every
 *  problem is appended to diags, located as FILE:LINE:COL.  Returns
 *  BRINK_OK, BRINK_EIO, BRINK_EPARSE, BRINK_EVALIDATE, BRINK_ELIMIT or
 *  BRINK_ENOMEM.  Cost: linear in the file, plus O(N k) for LHS, list and
 *  file designs. */
BRINK_API brink_status_t brink_experiment_load(brink_ctx_t *ctx, const char *path,
                                               brink_experiment_t **out, brink_diags_t *diags);

/** As brink_experiment_load, from len bytes of text; name is the file name
 *  in diagnostics and the directory of name resolves relative paths. */
BRINK_API brink_status_t brink_experiment_load_string(brink_ctx_t *ctx, const char *name,
                                                      const char *text, size_t len,
                                                      brink_experiment_t **out, brink_diags_t *diags);

/** As brink_experiment_load, with the calibration posterior in the
 *  directory params (it holds posterior.csv; relative to the working
 *  directory) in place of the file's `params` key, which is then not read.
 *  params NULL: the key's posterior, if any.  The posterior's paths must
 *  name numbers of the scenario and its values must be allowed there
 *  (located errors in posterior.csv otherwise).  Returns as
 *  brink_experiment_load. */
BRINK_API brink_status_t brink_experiment_load_params(brink_ctx_t *ctx, const char *path,
                                                      const char *params, brink_experiment_t **out,
                                                      brink_diags_t *diags);

/** Frees an experiment; NULL does nothing. */
BRINK_API void brink_experiment_free(brink_experiment_t *exp);

BRINK_API const char *brink_experiment_name(const brink_experiment_t *exp);
/** The design type: "grid", "list", "random", "lhs", "sobol", "morris", "file". */
BRINK_API const char *brink_experiment_design(const brink_experiment_t *exp);
/** The model name written in the file. */
BRINK_API const char *brink_experiment_model(const brink_experiment_t *exp);
BRINK_API uint64_t brink_experiment_seed(const brink_experiment_t *exp);
BRINK_API uint32_t brink_experiment_points(const brink_experiment_t *exp);
BRINK_API uint32_t brink_experiment_replications(const brink_experiment_t *exp);
BRINK_API size_t brink_experiment_nfactors(const brink_experiment_t *exp);
BRINK_API const char *brink_experiment_factor_name(const brink_experiment_t *exp, size_t i);
/** The factor's scenario path, or "" when the experiment has no scenario. */
BRINK_API const char *brink_experiment_factor_path(const brink_experiment_t *exp, size_t i);
/** Base sample size N (sobol), trajectories r (morris), else 0. */
BRINK_API uint32_t brink_experiment_base_n(const brink_experiment_t *exp);
/** Morris grid levels p (0 for other designs). */
BRINK_API uint32_t brink_experiment_levels(const brink_experiment_t *exp);
/** The output names kept (the model's outputs, or the subset listed in the
 *  file), resolved once the model is known. */
BRINK_API size_t brink_experiment_noutputs(const brink_experiment_t *exp);
BRINK_API const char *brink_experiment_output(const brink_experiment_t *exp, size_t i);
/** SHA-256 (hex) of the experiment file's bytes and of the scenario file's
 *  bytes ("" when there is no scenario). */
BRINK_API const char *brink_experiment_hash(const brink_experiment_t *exp);
BRINK_API const char *brink_experiment_scenario_hash(const brink_experiment_t *exp);

/** The calibration posterior the runs draw their parameter sets from (the
 *  `params` key, or the directory given to brink_experiment_load_params),
 *  or NULL.  Borrowed.  Run (point, rep) uses set brink_posterior_pick(p,
 *  seed, stream point, rep), the stream point being point, or 0 under
 *  common random numbers, as for the run's other random streams. */
BRINK_API const brink_posterior_t *brink_experiment_posterior(const brink_experiment_t *exp);
/** The posterior's directory as written in the file or given ("" without). */
BRINK_API const char *brink_experiment_posterior_dir(const brink_experiment_t *exp);
/** The factor that sets the field of posterior path j (the design's value
 *  then wins), or SIZE_MAX when the posterior's value applies. */
BRINK_API size_t brink_experiment_posterior_factor(const brink_experiment_t *exp, size_t j);

/** Writes the Markdown reference of every experiment-file key to fp (the
 *  key table of docs/experiments.md).
 *  Returns BRINK_OK, or BRINK_EIO when fp reports a write error. */
BRINK_API brink_status_t brink_experiment_write_reference(FILE *fp);

/** The design point's coordinates in the unit cube (u[nfactors]) and its
 *  factor values (x[nfactors], u mapped through each factor's
 *  distribution).  Either may be NULL.  Pure function of (file, point).
 *  Returns BRINK_OK or BRINK_EINVAL (point out of range). */
BRINK_API brink_status_t brink_experiment_point(const brink_experiment_t *exp, uint32_t point, double *u,
                                                double *x);

/** The series kept (the model's series when the file keeps bands or all,
 *  none otherwise) and their most steps. */
BRINK_API size_t brink_experiment_nseries(const brink_experiment_t *exp);
BRINK_API const char *brink_experiment_series(const brink_experiment_t *exp, size_t i);
BRINK_API uint32_t brink_experiment_max_steps(const brink_experiment_t *exp);

/** The model selected by the file (the built-in of that name, with the
 *  file's `steps` as max_steps for the analytic models). */
BRINK_API brink_status_t brink_experiment_model_resolve(brink_ctx_t *ctx, const brink_experiment_t *exp,
                                                        brink_model_t *model);

/* ---- sweeps ---------------------------------------------------------------- */

typedef struct brink_sweep_opts {
    const char *dir;     /**< output directory (created); the store is DIR/results.sqlite */
    int threads;         /**< worker threads; 0 = OpenMP default */
    int resume;          /**< continue an existing store (same experiment hash) */
    uint32_t batch;      /**< runs per transaction; 0 = 256 */
} brink_sweep_opts_t;

typedef struct brink_sweep_stats {
    uint64_t total;      /**< runs in the experiment */
    uint64_t skipped;    /**< already in the store (resume) */
    uint64_t done;       /**< run now */
    uint64_t failed;     /**< of those, recorded as failed */
} brink_sweep_stats_t;

/** Runs every (point, replication) of exp not yet in the store with model
 *  (NULL: the experiment's own model) and streams the results to
 *  DIR/results.sqlite, one transaction per batch.  Progress goes through
 *  the ctx progress callback; the interrupt callback stops cleanly with
 *  BRINK_EINTERRUPT (completed batches are kept).  Returns BRINK_OK,
 *  BRINK_EIO, BRINK_EDB (store error, or the store belongs to another
 *  experiment, scenario or posterior, or exists without resume), BRINK_EINTERRUPT, BRINK_ENOMEM. */
BRINK_API brink_status_t brink_sweep_run(brink_ctx_t *ctx, const brink_experiment_t *exp,
                                         const brink_model_t *model, const brink_sweep_opts_t *opts,
                                         brink_sweep_stats_t *stats);

/** As brink_sweep_run, distributed over the ranks of MPI_COMM_WORLD (run
 *  under mpirun): a task farm in which rank 0 owns the store, hands out
 *  blocks of pending runs and runs some itself between messages; the other
 *  ranks run what they are given.  Each rank is single-threaded.  The
 *  store equals the threaded sweep's.  Initialises MPI if needed (and then
 *  finalises it).  *rank receives this process's rank; stats are filled on
 *  rank 0.  Returns as brink_sweep_run, or BRINK_EUNSUPPORTED when libbrink
 *  was built without MPI (-DBRINK_MPI=ON). */
BRINK_API brink_status_t brink_sweep_run_mpi(brink_ctx_t *ctx, const brink_experiment_t *exp,
                                             const brink_model_t *model, const brink_sweep_opts_t *opts,
                                             brink_sweep_stats_t *stats, int *rank);

/** Evaluates one run (point, rep) of exp with model: applies the values
 *  of the run's posterior set (if the experiment has a posterior), then the
 *  factor values, to sc (the caller's own copy of the scenario; NULL
 *  without one), runs the model, and returns its status with the message in msg (size
 *  bytes), the kept outputs in scalars[brink_experiment_noutputs] and,
 *  when series is not NULL, the kept series in
 *  series[s * brink_experiment_max_steps + t] with the steps written in
 *  *nsteps.  Thread-safe for distinct ctx, sc and buffers. */
BRINK_API brink_status_t brink_sweep_eval(brink_ctx_t *ctx, const brink_experiment_t *exp,
                                          const brink_model_t *model, brink_scenario_t *sc,
                                          uint32_t point, uint32_t rep, double *scalars, double *series,
                                          uint32_t *nsteps, char *msg, size_t size);

/* ---- analysis -------------------------------------------------------------- */

/** Sobol indices with bootstrap confidence intervals (95%, percentile). */
typedef struct brink_sobol_indices {
    size_t k;
    double *s1, *s1_lo, *s1_hi;   /**< first order (Saltelli 2010) */
    double *st, *st_lo, *st_hi;   /**< total (Jansen 1999) */
    double variance;
} brink_sobol_indices_t;

/** Computes Sobol indices from model outputs y in the Saltelli layout of
 *  brink's sobol design: for base row j (0 <= j < n), y[j*(k+2)] = f(A_j),
 *  y[j*(k+2)+1+i] = f(AB_j^(i)) (A_j with column i from B_j), and
 *  y[j*(k+2)+k+1] = f(B_j).  B bootstrap resamples of the rows (drawn from
 *  the BRINK_STREAM_BOOTSTRAP stream of seed) give the intervals; B = 0
 *  gives intervals equal to the estimate.  The arrays in *r are allocated
 *  on ctx; free with brink_sobol_indices_free.  Returns BRINK_OK,
 *  BRINK_EINVAL (n < 2, or zero variance) or BRINK_ENOMEM.  Cost O(B n k). */
BRINK_API brink_status_t brink_sobol_analyze(brink_ctx_t *ctx, const double *y, size_t n, size_t k,
                                             uint32_t bootstrap, uint64_t seed, brink_sobol_indices_t *r);
BRINK_API void brink_sobol_indices_free(brink_ctx_t *ctx, brink_sobol_indices_t *r);

/** Morris elementary-effects statistics from r trajectories of k+1 points:
 *  u[(t*(k+1)+s)*k + i] the unit-cube coordinates, y[t*(k+1)+s] the
 *  outputs.  Each step must change exactly one coordinate; the elementary
 *  effect is dy/du (in unit-cube scale).  mu, mustar, sigma have k
 *  entries.  Returns BRINK_OK or BRINK_EINVAL (a step that does not change
 *  exactly one factor, or a factor never moved). */
BRINK_API brink_status_t brink_morris_analyze(const double *u, const double *y, size_t r, size_t k,
                                              double *mu, double *mustar, double *sigma);

/** Opens the store in dir read-only and computes an analysis:
 *  method "summary" (per design point: n, failed, mean, sd, min, max of
 *  the output), "sobol" or "morris" (the design must be of that type).
 *  output names the scalar (NULL: the first).  Writes the JSON document to
 *  json_fp and the table to table_fp (either may be NULL).  Replicates are
 *  averaged per point before sobol and morris.  Returns BRINK_OK,
 *  BRINK_EIO, BRINK_EDB, BRINK_ENOTFOUND (no such output), BRINK_EINVAL
 *  (method does not fit the design, or runs are missing or failed). */
BRINK_API brink_status_t brink_analyze(brink_ctx_t *ctx, const char *dir, const char *method,
                                       const char *output, uint32_t bootstrap, FILE *table_fp,
                                       FILE *json_fp);

/** Writes a table of the store for other tools, as format "csv" (a header
 *  row, then one row per item) or "json" (one object with the rows).
 *  table: "runs" (point, rep, status, error, factor values, outputs),
 *  "points" (factor values and per-output aggregates), "design" (factor
 *  values), "bands" (point, series, step, stat, value) or "series" (the
 *  per-run values kept with keep: all).  Streams: memory does not grow
 *  with the store.  Returns BRINK_OK, BRINK_EIO, BRINK_EDB, BRINK_EINVAL. */
BRINK_API brink_status_t brink_export(brink_ctx_t *ctx, const char *dir, const char *format,
                                      const char *table, FILE *fp);

/* ---- Sobol sequence -------------------------------------------------------- */

/** The maximum dimension of brink's Sobol sequence (Joe-Kuo new-joe-kuo-6,
 *  dimension 1 plus the file's 1000 dimensions 2..1001). */
#define BRINK_SOBOL_MAX_DIM 1001

/** Point index (0-based; point 0 is the origin) of the dims-dimensional
 *  Sobol sequence with Joe and Kuo's direction numbers (2008), into
 *  x[dims].  Uses 32-bit direction numbers: index < 2^32.  Returns BRINK_OK
 *  or BRINK_EINVAL (dims out of 1..BRINK_SOBOL_MAX_DIM). */
BRINK_API brink_status_t brink_sobol_point(uint32_t dims, uint32_t index, double *x);

#ifdef __cplusplus
}
#endif
#endif
