/*
 * override.h - "--set path=value" overrides applied to a document before it
 * is validated (internal).
 */
#ifndef BRINK_SCENARIO_OVERRIDE_H
#define BRINK_SCENARIO_OVERRIDE_H

#include "scenario/doc.h"

/** Applies one override "path=value" to doc.  value is parsed as YAML
 *  (so "0.4", "[1, 2]" and "{a: 1}" all work); the node it replaces, or a
 *  new key when the path ends at a missing key of a mapping, takes it.
 *  Problems are appended to diags under the file name "--set", line 1 and
 *  the column within the argument.  Returns BRINK_OK, BRINK_EVALIDATE (bad
 *  path or value; diags says why), or BRINK_ENOMEM. */
brink_status_t override_apply(brink_ctx_t *ctx, doc_t *doc, const char *set,
                              brink_diags_t *diags);

#endif
