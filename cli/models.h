/* models.h - the models of a scenario for `run`, `backtest`: the scenario
 * itself, or one model per parameter set of a posterior (DIR/posterior.csv
 * written by `brink calibrate`), with the posterior weights. */
#ifndef BRINK_CLI_MODELS_H
#define BRINK_CLI_MODELS_H

#include <stdint.h>

#include "brink/brink.h"

typedef struct cli_models {
    uint32_t n;
    brink_scenario_t **sc;
    brink_sim_t **sim;
    const double *w;   /* the posterior's weights (NULL without a posterior) */
    brink_posterior_t *post; /* NULL without a posterior */
} cli_models_t;

/* Loads SCENARIO with the overrides sets and, when params is not NULL, the
 * posterior params/posterior.csv (brink_posterior_load; one model per
 * parameter set, in file order).  Problems are reported on stderr as
 * located errors (FILE:LINE:COL: error: ...).  Returns EXIT_OK, EXIT_USAGE
 * or EXIT_FAIL.  Free with cli_models_free before ctx. */
int cli_models_load(brink_ctx_t *ctx, const char *cmd, const char *scenario,
                    const char *const *sets, size_t nsets, const char *params, cli_models_t *m);
void cli_models_free(cli_models_t *m);

#endif
