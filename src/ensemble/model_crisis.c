/* model_crisis.c - the adapter from the experiment engine to the crisis
 * simulation (`model: crisis`).  This is the one place where the
 * simulation is wired in.  To link it, replace the body with:
 *
 *   out->name = "crisis";
 *   out->outputs = <the simulation's scalar output names>;   e.g. deal_by_2030
 *   out->noutputs = <their count>;
 *   out->run = <a brink_model_fn>;
 *   out->series = <series names>;  out->nseries = ...;        optional
 *   out->max_steps = <most steps per series>;                 e.g. months to 2100
 *   out->step_unit = "month";
 *   return BRINK_OK;
 *
 * where the brink_model_fn runs in->scenario (the factor values already
 * applied; the worker's own copy) up to in->horizon (0: the scenario's
 * end), drawing every random number from streams keyed by (in->seed,
 * in->point, in->rep, stream id) (brink/rng.h), writes out->scalars[i] for
 * output i and, when out->series is not NULL, out->series[s *
 * out->max_steps + t] and out->nsteps; on failure it returns a status with
 * the reason on ctx (the sweep records it).  The experiment loader then
 * checks `outputs:` against these names, and brink_sweep_eval maps outputs
 * and series by name. */
#include "ensemble/exp_internal.h"

brink_status_t exp_model_crisis(brink_ctx_t *ctx, brink_model_t *out)
{
    (void)out;
    return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                           "model 'crisis' is not linked into this build yet (the crisis "
                           "simulation is wired in src/ensemble/model_crisis.c)");
}
