/* model_crisis.c - the adapter from the experiment engine to the crisis
 * simulation (`model: crisis`): each run builds the model of the worker's
 * scenario (the design point's factor values applied) and runs replication
 * `rep` of design point `point` with the stream keyed by (seed, stream_point,
 * rep): stream_point is the point, or 0 under common random numbers.
 * Outputs: brink_sim_output_names (outcome indicators, milestones reached,
 * count totals); series: the monthly series of brink_sim_series_names. */
#include <stdint.h>

#include "brink/sim.h"
#include "ensemble/exp_internal.h"

#define CRISIS_MAX_MONTHS (100 * 12)

static brink_status_t run_crisis(brink_ctx_t *ctx, const brink_model_input_t *in,
                                 brink_model_output_t *out, void *ud)
{
    (void)ud;
    if (!in->scenario)
        return brink_ctx_error(ctx, BRINK_EINVAL, "model 'crisis' needs a scenario");
    brink_sim_t *sim = NULL;
    brink_status_t st = brink_sim_new(ctx, in->scenario, &sim);
    if (st != BRINK_OK)
        return st;
    brink_sim_summary_t sum;
    int until = in->horizon > 0 ? in->horizon : -1;
    uint32_t steps = out->series ? out->max_steps : 0;
    st = brink_sim_run_summary(ctx, sim, in->seed, in->stream_point, in->rep, until, &sum, out->series,
                               steps);
    if (st == BRINK_OK) {
        brink_sim_summary_values(&sum, out->scalars);
        if (out->series) {
            /* the whole horizon: a run that ended early keeps its final state */
            int last = until >= 0 && until < brink_sim_end(sim) ? until : brink_sim_end(sim);
            uint32_t n = (uint32_t)(last - brink_sim_start(sim) + 1);
            out->nsteps = n < steps ? n : steps;
        }
    }
    brink_sim_free(sim);
    return st;
}

brink_status_t exp_model_crisis(brink_ctx_t *ctx, brink_model_t *out)
{
    (void)ctx;
    size_t n;
    out->name = "crisis";
    out->outputs = brink_sim_output_names(&n);
    out->noutputs = n;
    out->run = run_crisis;
    out->ud = NULL;
    out->series = brink_sim_series_names();
    out->nseries = BRINK_NSERIES;
    out->max_steps = CRISIS_MAX_MONTHS;
    out->step_unit = "month";
    return BRINK_OK;
}
