/* forecasting.h - the forecasting modes of `run` and `backtest`
 * (docs/conditioning.md): conditioning on a record, rolling-origin
 * backtests, scoring archived forecasts; and the record loader they share. */
#ifndef BRINK_CLI_FORECASTING_H
#define BRINK_CLI_FORECASTING_H

#include <stdint.h>

#include "brink/brink.h"
#include "cli.h"

/* Loads the record at path (NULL: the shipped DPRK record); problems are
 * printed on stderr as located errors.  Returns EXIT_OK, EXIT_USAGE or
 * EXIT_FAIL. */
int cli_record_load(brink_ctx_t *ctx, const char *cmd, const char *path, brink_record_t **out);

/* A month "YYYY-MM" into a month index; 0 on success. */
int cli_parse_month(const char *s, int *out);

/* `brink run SCENARIO --condition-through YYYY-MM ...` (cli/run_conditioned.c). */
int cli_run_conditioned(int argc, char **argv);
/* `brink backtest [SCENARIO] --origins Y1-Y2 ...` (cli/backtest_rolling.c). */
int cli_backtest_rolling(int argc, char **argv);
/* `brink backtest --score FORECAST ...` (cli/backtest_score.c). */
int cli_backtest_score(int argc, char **argv);

/* Nonzero if argv holds option name (alone or as name=VALUE). */
int cli_has_option(int argc, char **argv, const char *name);

/* The result directory of `brink run --out DIR` (cli/run_out.c):
 * events.csv, series.csv and summary.json staged (open: prints the error
 * and returns nonzero on failure) and committed all or none (commit:
 * nonzero on failure); abort discards them (safe after commit). */
typedef struct cli_run_outs {
    brink_outdir_t *od; /* the result directory, staged beside it */
    cli_atomic_t ev, se, su;
    int open;
} cli_run_outs_t;
int cli_run_outs_open(cli_run_outs_t *o, const char *dir, const char *const *owned);
int cli_run_outs_commit(cli_run_outs_t *o);
void cli_run_outs_abort(cli_run_outs_t *o);

/* The provenance of a run's results: the SHA-256 of the scenario file's
 * bytes and the command line (with the overrides and the posterior)
 * without --threads (which never changes a result) and --out (where the
 * result is), so the output is byte-identical for any thread count and
 * place. */
brink_status_t cli_run_provenance(brink_ctx_t *ctx, brink_ensemble_t *ens, const char *scenario,
                                  int argc, char **argv);

/* The options of `brink forecast` (cli/cmd_forecast.c). */
typedef struct fc_args {
    const char *input, *model, *out, *format;
    uint64_t seed, runs, threads, rounds, dim;
    double pos_sd, sal_sd, cap_cv, dropout;
    int have_seed, verbose, log_challenges, fix_ktab;
    size_t nset;
    const char *setn[32], *setv[32]; /* KTAB's options, in order */
} fc_args_t;

/* Runs model (0 smp, 1 bdm, 2 compromise, 3 median; the Monte Carlo when
 * a asks for runs or noise) on s and prints the result; with stage (the
 * result directory's stage, --out) also writes forecast.json (and
 * forecast.db for SMP) there.  Returns an exit status. */
int cli_fc_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s, const fc_args_t *a,
               brink_smp_options_t *so, const brink_bdm_options_t *bo, int model,
               const char *stage);

/* The text output of `brink forecast` (cli/forecast_text.c): KTAB's turns
 * (--verbose) and history of an SMP run, the Monte Carlo table (model: its
 * name), the BDM rounds, the static models (model 2 compromise with the
 * Nash solution nash, 3 median). */
void cli_fc_print_turns(const brink_fc_scenario_t *s, const brink_fc_history_t *h);
void cli_fc_print_smp(const brink_fc_scenario_t *s, const brink_fc_history_t *h);
void cli_fc_print_mc(const brink_fc_scenario_t *s, const brink_mc_options_t *o,
                     const brink_mc_result_t *r, const char *model);
void cli_fc_print_bdm(const brink_fc_scenario_t *s, const brink_bdm_options_t *o,
                      const brink_bdm_result_t *r);
void cli_fc_print_static(const brink_fc_scenario_t *s, const char *model_name, int model,
                         const double *nash);

#endif
