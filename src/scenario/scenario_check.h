/* scenario_check.h - rules of a scenario that span several fields (internal). */
#ifndef BRINK_SCENARIO_CHECK_H
#define BRINK_SCENARIO_CHECK_H

#include "scenario/doc.h"
#include "scenario/scenario_types.h"

/** Checks the decoded scenario sc (from doc) against the rules that no
 *  single key can: horizon order, leader order, self and duplicate dyads,
 *  events inside the horizon, a target with a nuclear programme.  Problems
 *  go to diags, located at the offending key.  Returns BRINK_OK,
 *  BRINK_EVALIDATE or BRINK_ENOMEM. */
brink_status_t scenario_check(brink_ctx_t *ctx, const doc_t *doc, const sc_scenario_t *sc,
                              brink_diags_t *diags);

#endif
