/* mpi_farm.h - `brink sweep --mpi`: a task farm over MPI ranks (rank 0 owns
 * the store).  Without -DBRINK_MPI=ON it reports that MPI is not built. */
#ifndef BRINK_CLI_MPI_FARM_H
#define BRINK_CLI_MPI_FARM_H

#include "brink/brink.h"

/* Runs the sweep over the ranks of MPI_COMM_WORLD; *is_root says whether
 * this process is rank 0 (which reports).  Returns the sweep's status. */
brink_status_t cli_mpi_sweep(brink_ctx_t *ctx, const brink_experiment_t *exp,
                             const brink_model_t *model, const brink_sweep_opts_t *opts,
                             brink_sweep_stats_t *stats, int *is_root);

#endif
