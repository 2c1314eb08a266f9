/*
 * brink/stepper.h - the crisis simulation as a particle model for the
 * particle filter of brink/smc.h (docs/conditioning.md).
 *
 * A particle is one run of a model (a brink_sim_t), advanced a month at a
 * time.  With several models (one per parameter set of a posterior, as
 * `brink run --params` builds them) each particle draws its model by
 * weight when it is created; resampling then reweights the parameter sets,
 * and brink_sim_particle_set tells which set a particle runs.  The filter's
 * parameter vector is empty (nparams 0): parameters move only by
 * resampling among the sets; the run's state moves because every month's
 * random draws come from the filter's stream for (particle, step), so
 * copies of one particle diverge after resampling.
 *
 * Series the model produces (actor, kind):
 *   (target, missile)        missiles and space launchers fired
 *   (target, launch_day)     days with at least one launch
 *   (target, nuclear_test)   nuclear tests
 *   (target, icbm_launch)    ICBM-class launches
 *   (target, leader_summit)  leader summits of the target
 *   (UNSC, resolution)       UN Security Council resolutions passed
 * where target is the id of the scenario's target actor (e.g. DPRK).  Any
 * other pair is one the model cannot produce (series_index gives -1).
 */
#ifndef BRINK_STEPPER_H
#define BRINK_STEPPER_H

#include <stdint.h>

#include "brink/core.h"
#include "brink/sim.h"
#include "brink/smc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct brink_sim_particles brink_sim_particles_t;

/** The particle model over sims[0..nsims-1] (borrowed; they must outlive
 *  it and share their start month), drawn by weights (NULL: equal
 *  weights; else nsims finite weights >= 0, not all 0, borrowed).  Returns
 *  BRINK_OK, BRINK_EINVAL (reason on ctx) or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_sim_particles_new(brink_ctx_t *ctx, const brink_sim_t *const *sims,
                                       const double *weights, uint32_t nsims,
                                       brink_sim_particles_t **out);
BRINK_API void brink_sim_particles_free(brink_sim_particles_t *p);

/** The callbacks for brink_smc_new (borrowed; valid while p lives).  The
 *  filter must start at the models' start month. */
BRINK_API const brink_smc_model_t *brink_sim_particles_model(const brink_sim_particles_t *p);

/** The actor and kind of model series k (0 <= k < BRINK_NCOUNTS, the
 *  BRINK_COUNT_* order), borrowed. */
BRINK_API void brink_sim_particles_series_name(const brink_sim_particles_t *p, int k, const char **actor,
                                     const char **kind);

/** The parameter set (index into sims) a particle of this model runs. */
BRINK_API uint32_t brink_sim_particle_set(const void *particle);

/** The monthly series (BRINK_SERIES_*) of a particle's current state. */
BRINK_API void brink_sim_particle_series(const void *particle, double v[BRINK_NSERIES]);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_STEPPER_H */
