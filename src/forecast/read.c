/* read.c - choose the reader of a forecast input by its extension. */
#include <string.h>
#include <strings.h>

#include "forecast/fc_internal.h"

brink_status_t brink_fc_read(brink_ctx_t *ctx, const char *path, brink_fc_scenario_t **out,
                             brink_diags_t *diags)
{
    if (!ctx || !path || !out)
        return BRINK_EINVAL;
    const char *dot = strrchr(path, '.');
    if (dot && (strcasecmp(dot, ".yaml") == 0 || strcasecmp(dot, ".yml") == 0 ||
                strcasecmp(dot, ".json") == 0))
        return brink_fc_read_yaml(ctx, path, out, diags);
    if (dot && strcasecmp(dot, ".xml") == 0)
        return brink_fc_read_ktab_xml(ctx, path, out, diags);
    return brink_fc_read_ktab_csv(ctx, path, out, diags);
}
