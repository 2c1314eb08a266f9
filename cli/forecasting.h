/* forecasting.h - the forecasting modes of `run` and `backtest`
 * (docs/conditioning.md): conditioning on a record, rolling-origin
 * backtests, scoring archived forecasts; and the record loader they share. */
#ifndef BRINK_CLI_FORECASTING_H
#define BRINK_CLI_FORECASTING_H

#include "brink/brink.h"

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

#endif
