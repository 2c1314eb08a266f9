/* scenario_schema.h - the schema table of scenario files (internal). */
#ifndef BRINK_SCENARIO_SCHEMA_TABLE_H
#define BRINK_SCENARIO_SCHEMA_TABLE_H

#include "scenario/scenario_types.h"
#include "scenario/schema.h"

/** The root of the scenario schema (describes sc_scenario_t). */
extern const schema_obj_t scenario_schema;

#endif
