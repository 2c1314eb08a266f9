/* scenario_internal.h - the scenario handle, for modules inside libbrink. */
#ifndef BRINK_SCENARIO_INTERNAL_H
#define BRINK_SCENARIO_INTERNAL_H

#include "brink/scenario.h"
#include "scenario/scenario_types.h"

struct brink_scenario {
    brink_ctx_t *ctx;
    sc_scenario_t sc;
    const char **ids;  /* actor ids, borrowed from sc.actors */
    size_t nids;
};

/** The typed contents (borrowed). */
const sc_scenario_t *scenario_data(const brink_scenario_t *sc);
/** The typed contents, for callers that vary parameters (borrowed). */
sc_scenario_t *scenario_data_mut(brink_scenario_t *sc);

#endif
