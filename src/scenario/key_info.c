/* key_info.c - what the schema documents about one numeric field of a
 * scenario (brink_scenario_key_info): its range, unit and meaning, for
 * interfaces that show a field as a control (the workbench's levers). */
#include "brink/scenario.h"
#include "scenario/scenario_internal.h"
#include "scenario/scenario_schema.h"

brink_status_t brink_scenario_key_info(brink_ctx_t *ctx, const brink_scenario_t *sc,
                                       const char *path, double *min, double *max,
                                       const char **unit, const char **doc)
{
    const schema_field_t *f;
    void *addr;
    char why[256];
    if (schema_lookup(&scenario_schema, (void *)&sc->sc, path, &f, &addr, why, sizeof why) !=
        BRINK_OK)
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "%s", why);
    if (f->kind != SK_NUM && f->kind != SK_INT)
        return brink_ctx_error(ctx, BRINK_ENOTFOUND, "'%s' is not a number", path);
    *min = f->min;
    *max = f->max;
    *unit = f->unit ? f->unit : "";
    *doc = f->doc ? f->doc : "";
    return BRINK_OK;
}
