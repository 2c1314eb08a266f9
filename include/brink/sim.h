/*
 * brink/sim.h - the time-stepped crisis simulation (docs/model.md).
 *
 * A brink_sim_t is the model built from a loaded scenario: it holds the
 * precomputed tables and is read-only while runs execute, so any number of
 * threads may run replications of one brink_sim_t at once.
 *
 * A run is a pure function of (scenario, seed, run index): its random draws
 * come from the Philox stream keyed by (seed, 0, run, BRINK_STREAM_SIM).
 * An ensemble reduces runs into integer histograms, so its results are
 * identical for every thread count.
 */
#ifndef BRINK_SIM_H
#define BRINK_SIM_H

#include <stdint.h>
#include <stdio.h>

#include "brink/core.h"
#include "brink/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct brink_sim brink_sim_t;

/** Annual event counts kept for every run (index into counts). */
enum {
    BRINK_COUNT_MISSILES = 0,   /* ballistic missiles and space launchers fired */
    BRINK_COUNT_LAUNCH_DAYS,    /* days with at least one launch */
    BRINK_COUNT_NUCLEAR,        /* nuclear tests */
    BRINK_COUNT_ICBM,           /* ICBM-class launches */
    BRINK_COUNT_UNSC,           /* UN Security Council resolutions passed */
    BRINK_COUNT_SUMMITS,        /* leader summits of the target with any counterpart */
    BRINK_NCOUNTS
};

/** Monthly series (index into brink_sim_month_t.v). */
enum {
    BRINK_SERIES_ARSENAL = 0, BRINK_SERIES_REACH, BRINK_SERIES_RELIABILITY,
    BRINK_SERIES_BYUNGJIN, BRINK_SERIES_ECONOMY, BRINK_SERIES_LEGITIMACY,
    BRINK_SERIES_BITE, BRINK_SERIES_ESCALATION, BRINK_SERIES_CREDIBILITY,
    BRINK_SERIES_THREAT, BRINK_SERIES_TRUST, BRINK_SERIES_ENFORCEMENT,
    BRINK_SERIES_UNSC, BRINK_SERIES_RIVALRY, BRINK_NSERIES
};

/** Outcomes (index into the ensemble's outcome table). */
enum {
    BRINK_OUTCOME_WAR = 0, BRINK_OUTCOME_COLLAPSE, BRINK_OUTCOME_DEAL, BRINK_OUTCOME_FREEZE,
    BRINK_OUTCOME_STATUS_QUO, BRINK_NOUTCOMES
};

/** Milestones (first-passage times). */
enum {
    BRINK_MILESTONE_NUCLEAR = 0,  /* first nuclear test */
    BRINK_MILESTONE_ICBM,         /* first ICBM-class launch */
    BRINK_MILESTONE_SUMMIT,       /* first leader summit with an adversary */
    BRINK_MILESTONE_AGREEMENT,    /* first signed agreement (statement or deal) */
    BRINK_MILESTONE_DEAL,         /* first comprehensive denuclearization deal */
    BRINK_NMILESTONES
};

/** Pattern statistics of a run over the record's years (docs/validation.md):
 *  the many patterns at once of pattern-oriented modelling.  NAN where a
 *  run does not define the statistic (e.g. no talks). */
enum {
    BRINK_PATTERN_OVERDISPERSION = 0, /* variance / mean of annual missiles */
    BRINK_PATTERN_MORATORIUM,   /* launch rate in talks or deal months / rate outside */
    BRINK_PATTERN_REBOUND,      /* missiles 12 months after talks end / 12 months before they opened */
    BRINK_PATTERN_SUMMITS12,    /* most leader summits with adversaries in 12 consecutive months */
    BRINK_PATTERN_NUCLEAR,      /* nuclear tests over the years */
    BRINK_PATTERN_NUCLEAR_LAST2,/* 1 if no nuclear test in the last two years, else 0 */
    BRINK_PATTERN_RES_SEVERE,   /* share of years with a nuclear or ICBM-class test that got a resolution */
    BRINK_PATTERN_RES_MILD,     /* resolutions in years without a nuclear or ICBM-class test */
    BRINK_PATTERN_VETO,         /* 1 if any veto over the years, else 0 */
    BRINK_NPATTERNS
};

/** A run's pattern values (NAN: undefined) and the pooled month counts the
 *  moratorium pattern is made of. */
typedef struct brink_sim_patterns {
    double v[BRINK_NPATTERNS];
    uint32_t talks_months, talks_missiles, out_months, out_missiles;
} brink_sim_patterns_t;

/** Names: "missiles", "launch_days", ... (static strings). */
BRINK_API const char *brink_sim_count_name(int k);
BRINK_API const char *brink_sim_series_name(int k);
BRINK_API const char *brink_sim_outcome_name(int k);
BRINK_API const char *brink_sim_milestone_name(int k);
BRINK_API const char *brink_sim_pattern_name(int k);

/** One logged event.  why_* decompose the chooser's expected utility of
 *  the action (0 for events that are not choices); runner_up names the
 *  action with the next-highest utility. */
typedef struct brink_sim_event {
    int month;               /* year*12 + month-1 */
    int actor, target;       /* actor indexes, target -1 if none */
    int kind;                /* internal event kind */
    const char *action;      /* e.g. "nuclear_test" (static) */
    const char *cameo;       /* CAMEO code, e.g. "150" (static) */
    double goldstein;        /* Goldstein value of the code */
    int count;               /* e.g. missiles in a launch day */
    char detail[112];        /* readable detail */
    int is_choice;           /* the event is an actor's choice with a why */
    double why_security, why_economy, why_prestige, why_reaction, why_total, why_p;
    const char *runner_up;   /* static */
    double runner_up_total;
} brink_sim_event_t;

typedef struct brink_sim_month {
    int month;
    double v[BRINK_NSERIES];
    double threat[8][8];     /* threat perception matrix (from, to) */
    double trust[8][8];      /* trust matrix (from, to) */
} brink_sim_month_t;

/** A traced run: every event and the monthly series.  Owned by the caller
 *  through brink_sim_trace_new/free; filled by brink_sim_run. */
typedef struct brink_sim_trace {
    brink_sim_event_t *events;
    size_t nevents, cap;
    int overflow;            /* events beyond cap were dropped */
    brink_sim_month_t *months;
    size_t nmonths, mcap;
    int outcome;             /* BRINK_OUTCOME_* */
    int end_month;           /* last simulated month */
    int milestones[BRINK_NMILESTONES]; /* first month or -1 */
} brink_sim_trace_t;

/** Builds the model of a scenario (borrowed; must outlive the model).
 *  Returns BRINK_OK, BRINK_ENOMEM, BRINK_ELIMIT (more than 8 actors). */
BRINK_API brink_status_t brink_sim_new(brink_ctx_t *ctx, const brink_scenario_t *sc, brink_sim_t **out);
BRINK_API void brink_sim_free(brink_sim_t *sim);

/** Number of actors and the id of actor i (borrowed). */
BRINK_API int brink_sim_nactors(const brink_sim_t *sim);
BRINK_API const char *brink_sim_actor_id(const brink_sim_t *sim, int i);
/** First and last month of the scenario. */
BRINK_API int brink_sim_start(const brink_sim_t *sim);
BRINK_API int brink_sim_end(const brink_sim_t *sim);

/** A trace with room for cap events and the scenario's horizon of months. */
BRINK_API brink_status_t brink_sim_trace_new(brink_ctx_t *ctx, const brink_sim_t *sim, size_t cap,
                                             brink_sim_trace_t **out);
BRINK_API void brink_sim_trace_free(brink_ctx_t *ctx, brink_sim_trace_t *t);

/** Runs replication run to month until (or the scenario end if until < 0)
 *  and fills trace (which is reset first).  Never allocates.  ctx is the
 *  calling thread's context (the deterrence solver reports through it);
 *  threads running replications at once need one context each
 *  (brink_ctx_new_child).  Returns BRINK_OK. */
BRINK_API brink_status_t brink_sim_run(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed, uint32_t run,
                                       int until, brink_sim_trace_t *trace);

/** What one replication ends with: the outcome, the first month of each
 *  milestone (-1 if not reached), and the total of each count over the run. */
typedef struct brink_sim_summary {
    int outcome;                          /* BRINK_OUTCOME_* */
    int end_month;                        /* last simulated month */
    int milestones[BRINK_NMILESTONES];    /* first month or -1 */
    double totals[BRINK_NCOUNTS];         /* counts summed over the run */
} brink_sim_summary_t;

/** Runs replication rep of design point point to month until (scenario end
 *  if until < 0) and fills *out.  The random stream is keyed by (seed,
 *  point, rep), so point 0 is the stream brink_sim_run uses for run rep.
 *  When series is not NULL it receives the monthly series, series[k *
 *  max_steps + t] for series k (BRINK_SERIES_*) and month t from the start,
 *  for t < max_steps; months after an early end repeat the final state.
 *  Never allocates; thread-safe for distinct ctx and outputs.  Returns
 *  BRINK_OK. */
BRINK_API brink_status_t brink_sim_run_summary(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed,
                                               uint32_t point, uint32_t rep, int until,
                                               brink_sim_summary_t *out, double *series,
                                               uint32_t max_steps);

/** The scalar outputs of a replication, for experiments: the outcome
 *  indicators (1 for the run's outcome, 0 otherwise; names as
 *  brink_sim_outcome_name), "deal_or_freeze" (either deal outcome),
 *  "<milestone>_reached" (1 if reached), "<count>_total" (the run's total).
 *  Returns the static table of names and sets *n. */
BRINK_API const char *const *brink_sim_output_names(size_t *n);
/** Fills v (brink_sim_output_names' count of values) from a summary. */
BRINK_API void brink_sim_summary_values(const brink_sim_summary_t *s, double *v);
/** The static table of the BRINK_NSERIES series names. */
BRINK_API const char *const *brink_sim_series_names(void);

/** Writes a readable narrative of a traced run.
 *  Returns BRINK_OK, or BRINK_EIO when fp reports a write error. */
BRINK_API brink_status_t brink_sim_write_narrative(const brink_sim_t *sim, const brink_sim_trace_t *t, FILE *fp);
/** Writes the events of a traced run as CSV rows (header when header != 0).
 *  Returns BRINK_OK, or BRINK_EIO when fp reports a write error. */
BRINK_API brink_status_t brink_sim_write_events_csv(const brink_sim_t *sim, const brink_sim_trace_t *t, uint32_t run,
                                          int header, FILE *fp);
/** Writes the monthly series of a traced run as CSV, with the threat and
 *  trust matrices as columns threat_FROM_TO and trust_FROM_TO.
 *  Returns BRINK_OK, or BRINK_EIO when fp reports a write error. */
BRINK_API brink_status_t brink_sim_write_series_csv(const brink_sim_t *sim, const brink_sim_trace_t *t, FILE *fp);

/* ---- ensembles ---------------------------------------------------------- */

typedef struct brink_ensemble brink_ensemble_t;

/** Runs runs replications (0 .. runs-1) on threads threads (0: OpenMP's
 *  default) up to month until (< 0: the scenario end) and reduces them.
 *  Progress is reported through ctx's progress callback (from the calling
 *  thread only).  Memory does not depend on runs.  The ensemble keeps what
 *  it needs: it may outlive sim and its scenario.
 *  Returns BRINK_OK, BRINK_ENOMEM, BRINK_EINTERRUPT. */
BRINK_API brink_status_t brink_sim_ensemble(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed,
                                            uint32_t runs, int threads, int until,
                                            brink_ensemble_t **out);
BRINK_API void brink_ensemble_free(brink_ensemble_t *e);

/** As brink_sim_ensemble over a mixture of nsims models of one scenario
 *  (e.g. posterior parameter sets): run r uses model i with probability
 *  weights[i] / sum(weights) (weights NULL: equal), drawn from the stream
 *  keyed by (seed, 0, r, BRINK_STREAM_PARAMS), so the ensemble is
 *  identical for every thread count.  The models must share the horizon.
 *  Returns BRINK_OK, BRINK_EINVAL, BRINK_ENOMEM, BRINK_EINTERRUPT. */
BRINK_API brink_status_t brink_sim_ensemble_mixed(brink_ctx_t *ctx, const brink_sim_t *const *sims,
                                                  const double *weights, uint32_t nsims, uint64_t seed,
                                                  uint32_t runs, int threads, int until,
                                                  brink_ensemble_t **out);

/** The model run uses in brink_sim_ensemble_mixed (same draw). */
BRINK_API uint32_t brink_sim_pick_model(const double *weights, uint32_t nsims, uint64_t seed, uint32_t run);

/** The same rule for replication rep of design point point (experiments):
 *  the draw keyed by (seed, point, rep, BRINK_STREAM_PARAMS).  Point 0 is
 *  brink_sim_pick_model's draw for run rep. */
BRINK_API uint32_t brink_sim_pick_model_at(const double *weights, uint32_t nsims, uint64_t seed,
                                           uint32_t point, uint32_t rep);

/** Bins of the annual count histograms (the last bin holds counts >= it). */
#define BRINK_COUNT_BINS 256

/** Number of runs of the ensemble. */
BRINK_API uint32_t brink_ensemble_runs(const brink_ensemble_t *e);
/** The predictive distribution of count k in year: pmf[c] = share of runs
 *  with c events (n >= BRINK_COUNT_BINS).  Returns BRINK_COUNT_BINS, or -1
 *  if the year is outside the ensemble or n is too small. */
BRINK_API int brink_ensemble_annual_pmf(const brink_ensemble_t *e, int k, int year, double *pmf, size_t n);
/** Share of runs with no event of count k in any year of [year0, year1]
 *  (NAN outside the ensemble's years). */
BRINK_API double brink_ensemble_none_between(const brink_ensemble_t *e, int k, int year0, int year1);

/** Outcome probability with a 95% Wilson interval. */
BRINK_API void brink_ensemble_outcome(const brink_ensemble_t *e, int k, double *p, double *lo, double *hi);
/** Share of runs reaching milestone k by the horizon, and the quantiles of
 *  its month among those runs (-1 if none). */
BRINK_API void brink_ensemble_milestone(const brink_ensemble_t *e, int k, double *p, int *median,
                                        int *q05, int *q95);
/** Share of runs whose milestone k first happens in months [from, to]. */
BRINK_API double brink_ensemble_milestone_between(const brink_ensemble_t *e, int k, int from, int to);
/** Share of runs with at least one nuclear test before the horizon. */
BRINK_API double brink_ensemble_nuclear_window(const brink_ensemble_t *e);
/** Mean and quantiles (q05, q25, q50, q75, q95) of count k in year. */
BRINK_API void brink_ensemble_annual(const brink_ensemble_t *e, int k, int year, double *mean, int q[5]);
/** Quantile q (0..1) of series k in month index (from the start) of the
 *  ensemble (binned: resolution 1/512 of the series range). */
BRINK_API double brink_ensemble_series_quantile(const brink_ensemble_t *e, int k, int month, double q);

/** Writes summary.json (keys outcomes, milestones, annual_counts, seed,
 *  runs, version, ...).  Returns BRINK_OK, BRINK_ENOMEM or BRINK_EIO. */
BRINK_API brink_status_t brink_ensemble_write_json(const brink_ensemble_t *e, FILE *fp);
/** Records where the ensemble came from, written into its JSON as
 *  "scenario_hash" (e.g. "sha256:...", copied) and "command" (argv as an
 *  array of strings, copied).  Returns BRINK_OK or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_ensemble_set_provenance(brink_ensemble_t *e, const char *scenario_hash,
                                                       int argc, char *const *argv);
/** Writes series.csv as quantile bands (q05, q25, q50, q75, q95).
 *  Returns BRINK_OK, or BRINK_EIO when fp reports a write error. */
BRINK_API brink_status_t brink_ensemble_write_series_csv(const brink_ensemble_t *e, FILE *fp);
/** Writes the readable ensemble report (outcomes, milestones, annual counts
 *  2012-2019 next to the historical record).
 *  Returns BRINK_OK, or BRINK_EIO when fp reports a write error. */
BRINK_API brink_status_t brink_ensemble_write_text(const brink_ensemble_t *e, FILE *fp);

/** The historical record the scenario carries (its record: list): value of
 *  count k (BRINK_COUNT_*) in year, or -1 where there is none. */
BRINK_API int brink_sim_record(const brink_sim_t *sim, int k, int year);
/** The first and last year of the scenario's record; returns 0 when the
 *  scenario has no record (then *y0 = *y1 = 0). */
BRINK_API int brink_sim_record_years(const brink_sim_t *sim, int *y0, int *y1);
/** The record's value of pattern k over its years (NAN when the record
 *  cannot define it). */
BRINK_API double brink_sim_record_pattern(const brink_sim_t *sim, int k);
/** The same, from the copy of the record an ensemble keeps. */
BRINK_API int brink_ensemble_record(const brink_ensemble_t *e, int k, int year);
BRINK_API int brink_ensemble_record_years(const brink_ensemble_t *e, int *y0, int *y1);
BRINK_API double brink_ensemble_record_pattern(const brink_ensemble_t *e, int k);
/** Pattern k over the ensemble: the share of runs that define it, its mean
 *  and its 5%, 50% and 95% quantiles (binned; NAN when no run defines it). */
BRINK_API void brink_ensemble_pattern(const brink_ensemble_t *e, int k, double *defined, double *mean,
                            double *q05, double *q50, double *q95);
/** Share of runs in which pattern k (a defined value) is at least x. */
BRINK_API double brink_ensemble_pattern_at_least(const brink_ensemble_t *e, int k, double x);
/** Pooled launch rates over all runs: missiles per month in months with
 *  talks open or a deal in force, and in the other months. */
BRINK_API void brink_ensemble_pooled_rates(const brink_ensemble_t *e, double *in_talks, double *outside);

/* ---- comparisons with common random numbers ---------------------------- */

typedef struct brink_compare brink_compare_t;

/** Compares a what-if model with a baseline of the same horizon (both
 *  borrowed): run r (0 .. runs-1) of each draws from the stream keyed by
 *  (seed, 0, r), the stream brink_sim_run uses, so the two runs of a pair
 *  share their random numbers and the difference of each scalar output
 *  (brink_sim_output_names) is estimated from the paired differences.  On
 *  threads threads (0: OpenMP's default), reduced in run order: the result
 *  is identical for every thread count.  Progress and interruption through
 *  ctx (every 512 runs).  Memory does not depend on runs.  Free *out with
 *  brink_compare_free.  Returns BRINK_OK, BRINK_EINVAL (no runs or
 *  different horizons), BRINK_ENOMEM or BRINK_EINTERRUPT. */
BRINK_API brink_status_t brink_sim_compare(brink_ctx_t *ctx, const brink_sim_t *base,
                                           const brink_sim_t *what_if, uint64_t seed, uint32_t runs,
                                           int threads, int until, brink_compare_t **out);
BRINK_API void brink_compare_free(brink_ctx_t *ctx, brink_compare_t *c);
BRINK_API uint32_t brink_compare_runs(const brink_compare_t *c);
/** Output k (index into brink_sim_output_names): its mean over the
 *  baseline's runs (*a) and the what-if's (*b), the mean paired difference
 *  b - a (*diff) and its 95% normal interval [*lo, *hi] (mean +- 1.96
 *  sd / sqrt(runs) of the paired differences; width 0 when every pair
 *  agrees). */
BRINK_API void brink_compare_output(const brink_compare_t *c, size_t k, double *a, double *b,
                                    double *diff, double *lo, double *hi);

#ifdef __cplusplus
}
#endif
#endif
