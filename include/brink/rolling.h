/*
 * brink/rolling.h - rolling-origin backtests of annual counts against the
 * baselines of brink/baseline.h (docs/validation.md, "Rolling origins").
 *
 * For each origin year o in [first, last] and each series of the record:
 * the training data are the series' annual totals from its first fully
 * observed year through o (every year must be observed; at least
 * min_train years, else the series is skipped at that origin); every
 * baseline is refitted on them and forecasts o + 1 .. o + hmax; the model
 * (a callback, optional) forecasts the same years from the record up to
 * the end of o.  A forecast is scored when its year is fully observed in
 * the record: CRPS and log score (brink/calib.h, smoothed with log_eps),
 * whether the 50% and 90% central intervals cover the outcome, the Brier
 * score of P(at least one event), and the PIT histogram (5 bins,
 * non-randomised, with its chi-square test).
 *
 * The subject is the model when given, else the mixture.  Per series and
 * horizon: skill 1 - CRPS_subject / CRPS_f against every other forecaster
 * f with a moving-block bootstrap interval over origins (blocks of h + 1
 * origins, at most n; B resamples; level 1 - alpha), and the
 * Diebold-Mariano test (HLN) of the subject against the mixture (against
 * Poisson when the subject is the mixture).
 */
#ifndef BRINK_ROLLING_H
#define BRINK_ROLLING_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "brink/baseline.h"
#include "brink/core.h"
#include "brink/record.h"
#include "brink/smc.h"
#include "brink/stepper.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Forecasters: the baselines (BRINK_BASELINE_*), then the model. */
#define BRINK_ROLLING_MODEL BRINK_BASELINE_COUNT
#define BRINK_ROLLING_NF (BRINK_BASELINE_COUNT + 1)

/** The model's forecasts made at the end of origin year `origin`: for each
 *  record series s and year h = 1 .. years the pmf of the series' total in
 *  origin + h over 0 .. len-1 into pmfs[(s * years + h - 1) * len + k]. */
typedef brink_status_t (*brink_rolling_model_fn)(brink_ctx_t *ctx, void *ud, int origin,
                                                 int years, size_t len, double *pmfs);

typedef struct brink_rolling_config {
    int first, last;     /* origin years */
    int hmax;            /* horizons 1 .. hmax years (1 .. 10) */
    size_t len;          /* pmf support (256) */
    uint32_t bootstrap;  /* resamples (1000) */
    double alpha;        /* interval level 1 - alpha (0.1) */
    uint64_t seed;       /* bootstrap seed (1) */
    double log_eps;      /* log-score smoothing (0.01) */
    int min_train;       /* fewest training years (3) */
} brink_rolling_config_t;

BRINK_API void brink_rolling_config_default(brink_rolling_config_t *cfg);

/** One scored forecast. */
typedef struct brink_rolling_row {
    size_t series;
    int origin, h, year;
    long observed;
    double crps[BRINK_ROLLING_NF], logs[BRINK_ROLLING_NF], mean[BRINK_ROLLING_NF];
    long q05[BRINK_ROLLING_NF], q50[BRINK_ROLLING_NF], q95[BRINK_ROLLING_NF];
} brink_rolling_row_t;

/** The summary of one forecaster for one series and horizon. */
typedef struct brink_rolling_cell {
    size_t n;                      /* forecasts scored */
    double crps, logs, brier;      /* means */
    double cover50, cover90;       /* shares covered */
    double pit[5], pit_chi2, pit_p;
    double skill, skill_lo, skill_hi; /* the subject against this forecaster (NaN: n/a) */
} brink_rolling_cell_t;

typedef struct brink_rolling {
    int has_model, subject, hmax;
    size_t nseries, nrows;
    brink_rolling_row_t *rows;
    brink_rolling_cell_t *cells; /* [series][h-1][forecaster] */
    double *dm, *dm_p;           /* [series][h-1]: subject vs the mixture (NaN: n/a) */
    int dm_against;              /* the forecaster of the DM test */
} brink_rolling_t;

/** The cell of forecaster f, series s, horizon h. */
BRINK_API const brink_rolling_cell_t *brink_rolling_cell(const brink_rolling_t *r, size_t s, int h, int f);

/** Runs the backtest.  model may be NULL (baselines only).  Returns
 *  BRINK_OK, BRINK_EINVAL (bad config, reason on ctx), BRINK_ENOMEM or the
 *  model's status.  Free the result with brink_rolling_free. */
BRINK_API brink_status_t brink_rolling_run(brink_ctx_t *ctx, const brink_record_t *rec,
                                 const brink_rolling_config_t *cfg, brink_rolling_model_fn model,
                                 void *ud, brink_rolling_t **out);
BRINK_API void brink_rolling_free(brink_ctx_t *ctx, brink_rolling_t *r);

/** The backtest with the crisis model as the model forecaster: at the end
 *  of each origin the particle filter (brink/smc.h, configured by smc) is
 *  started at month start on the particle model sp (brink/stepper.h),
 *  conditioned on rec through December of the origin, and run free for
 *  cfg->hmax years; each record series is forecast by the model series it
 *  names.  sp NULL: the baselines alone (brink_rolling_run with no model).
 *  Returns what brink_rolling_run returns, or BRINK_EINVAL (a NULL
 *  argument) or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_rolling_run_sim(brink_ctx_t *ctx, const brink_record_t *rec,
                                               const brink_rolling_config_t *cfg,
                                               const brink_sim_particles_t *sp, int start,
                                               const brink_smc_config_t *smc,
                                               brink_rolling_t **out);

/** What the results of a backtest record besides the scores. */
typedef struct brink_rolling_info {
    const char *record_file;  /* the record's path as given (NULL: the shipped one) */
    const char *scenario;     /* the scenario's path, or NULL (baselines only) */
    uint64_t particles;       /* the filter's particles (with a scenario) */
    uint32_t bootstrap;       /* the bootstrap's resamples */
    int first, last;          /* the origins */
    int hmin;                 /* the first horizon shown (1 .. r->hmax) */
} brink_rolling_info_t;

/** Writes the results r of a backtest on rec: json (NULL: none) gets the
 *  document `brink backtest --origins ... --format json` prints (record
 *  and provenance, per series and horizon every forecaster's CRPS, log
 *  score, coverage, Brier score, PIT histogram and test, skill with its
 *  interval, the Diebold-Mariano test; and "forecasts": every scored
 *  forecast of the subject with its origin, horizon, year, the record and
 *  the 5/50/95% quantiles, what the report charts); Jansson, 6 significant
 *  digits.  txt (NULL: none) gets the text table.  Returns BRINK_OK,
 *  BRINK_EINVAL (a NULL argument, hmin out of range), BRINK_ENOMEM or
 *  BRINK_EIO (a stream's write error).  O(rows + series x horizons). */
BRINK_API brink_status_t brink_rolling_write(brink_ctx_t *ctx, const brink_rolling_t *r,
                                             const brink_record_t *rec,
                                             const brink_rolling_info_t *in, FILE *json,
                                             FILE *txt);

/** The forecaster's name: a baseline's, or "model". */
BRINK_API const char *brink_rolling_name(int f);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_ROLLING_H */
