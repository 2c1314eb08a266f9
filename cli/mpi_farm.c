/* mpi_farm.c - `brink sweep --mpi` (see mpi_farm.h). */
#include "mpi_farm.h"

#ifndef BRINK_WITH_MPI
brink_status_t cli_mpi_sweep(brink_ctx_t *ctx, const brink_experiment_t *exp,
                             const brink_model_t *model, const brink_sweep_opts_t *opts,
                             brink_sweep_stats_t *stats, int *is_root)
{
    (void)exp;
    (void)model;
    (void)opts;
    (void)stats;
    *is_root = 1;
    return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                           "this brink was built without MPI (configure with -DBRINK_MPI=ON)");
}
#endif
