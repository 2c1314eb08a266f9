/*
 * brink/scenario.h - scenario files: strict loading, validation, overrides.
 *
 * A scenario is a YAML 1.2 or JSON file describing the actors, the dyads
 * between them, the exogenous schedule and the model parameters of one
 * crisis (format: docs/scenario-format.md).  Loading is strict: every
 * unknown key, missing required key, wrong type, out-of-range value,
 * impossible date, undefined or duplicate actor is reported as a located
 * diagnostic (file, line, column, field path, the value found and what was
 * expected), never silently ignored.
 *
 * Overrides ("--set path=value") are applied to the document before
 * validation, so they obey exactly the same rules; their diagnostics name
 * the file "--set".
 */
#ifndef BRINK_SCENARIO_H
#define BRINK_SCENARIO_H

#include <stdio.h>

#include "brink/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The most actors a scenario may have: the crisis simulation's limit,
 *  checked when the scenario is loaded (a located error at the first actor
 *  too many), so that validate refuses what run could not simulate. */
#define BRINK_SCENARIO_MAX_ACTORS 8

typedef struct brink_scenario brink_scenario_t;

/** Loads and validates the scenario at path, after applying the nsets
 *  overrides in sets (each "path=value", value in YAML flow syntax).
 *  On success *out owns a new scenario (free with brink_scenario_free()).
 *  On failure *out is NULL and every problem found is appended to diags
 *  (owned by the caller).
 *  Returns BRINK_OK, BRINK_EIO (unreadable), BRINK_EPARSE (syntax),
 *  BRINK_EVALIDATE (schema), BRINK_ELIMIT (size or depth), BRINK_ENOMEM.
 *  Cost: linear in the size of the file. */
BRINK_API brink_status_t brink_scenario_load(brink_ctx_t *ctx, const char *path, const char *const *sets,
                                             size_t nsets, brink_scenario_t **out, brink_diags_t *diags);

/** As brink_scenario_load, from len bytes of text; name is used as the file
 *  name in diagnostics (a name ending in ".json" selects JSON mode). */
BRINK_API brink_status_t brink_scenario_load_string(brink_ctx_t *ctx, const char *name, const char *text,
                                                    size_t len, const char *const *sets, size_t nsets,
                                                    brink_scenario_t **out, brink_diags_t *diags);

/** Frees a scenario; brink_scenario_free(NULL) does nothing. */
BRINK_API void brink_scenario_free(brink_scenario_t *sc);

/** The scenario's name (borrowed). */
BRINK_API const char *brink_scenario_name(const brink_scenario_t *sc);

/** Writes the scenario as normalised JSON (every key, defaults filled in,
 *  keys in schema order) to fp.  Loading that output gives the same
 *  scenario.  Returns BRINK_OK, BRINK_ENOMEM or BRINK_EIO. */
BRINK_API brink_status_t brink_scenario_write_json(const brink_scenario_t *sc, FILE *fp);

/** A deep copy of sc in *out (through its normalised JSON).  Returns
 *  BRINK_OK or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_scenario_clone(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                              brink_scenario_t **out);

/** Sets the number at a field path (e.g. "actors[DPRK].leaders[0].risk")
 *  after loading, with the same range checks as the file.  Returns
 *  BRINK_OK, BRINK_ENOTFOUND (no such numeric field) or BRINK_ERANGE, with
 *  the reason on ctx. */
BRINK_API brink_status_t brink_scenario_set_number(brink_ctx_t *ctx, brink_scenario_t *sc,
                                                   const char *path, double value);

/** Reads the number at a field path into *value; BRINK_ENOTFOUND with the
 *  reason on ctx if the path names no number. */
BRINK_API brink_status_t brink_scenario_get_number(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                                   const char *path, double *value);

/** What the schema documents about the number at a field path: its
 *  inclusive range [*min, *max], its unit (e.g. "per month", "0-1") and
 *  its meaning in one sentence (static strings; "" when undocumented).
 *  Returns BRINK_OK, or BRINK_ENOTFOUND with the reason on ctx when the
 *  path names no number (a list of numbers included). */
BRINK_API brink_status_t brink_scenario_key_info(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                                 const char *path, double *min, double *max,
                                                 const char **unit, const char **doc);

/** Whether the field paths a and b name the same number of sc (e.g.
 *  "actors[DPRK].risk" and "actors[1].risk"): *same = 1 if so, else 0.
 *  Returns BRINK_OK, or BRINK_ENOTFOUND with the reason on ctx when either
 *  path names no field. */
BRINK_API brink_status_t brink_scenario_same_field(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                                   const char *a, const char *b, int *same);

/** Whether the number at a field path holds whole numbers only (a count,
 *  a level such as actors[DPRK].nuclear.design): *whole = 1 if so, 0 for a
 *  real number.  Returns BRINK_OK, or BRINK_ENOTFOUND with the reason on
 *  ctx if the path names no number. */
BRINK_API brink_status_t brink_scenario_number_whole(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                                     const char *path, int *whole);

/** Writes the Markdown reference of every scenario key to fp.
 *  Returns BRINK_OK, or BRINK_EIO when fp reports a write error. */
BRINK_API brink_status_t brink_scenario_write_reference(FILE *fp);

#ifdef __cplusplus
}
#endif
#endif
