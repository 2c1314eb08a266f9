/* model_crisis.c - the adapter from the experiment engine to the crisis
 * simulation (`model: crisis`).  This is the one place where the
 * simulation is wired in: fill *out with the simulation's scalar output
 * names and a brink_model_fn that runs the scenario in->scenario (factor
 * values already applied) up to in->horizon with the streams keyed by
 * (in->seed, in->point, in->rep), writing out->scalars[i]. */
#include "ensemble/exp_internal.h"

brink_status_t exp_model_crisis(brink_ctx_t *ctx, brink_model_t *out)
{
    (void)out;
    return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                           "model 'crisis' is not linked into this build yet (the crisis "
                           "simulation is wired in src/ensemble/model_crisis.c)");
}
