/* read.c - reading input files, and choosing the reader by extension. */
#include <errno.h>
#include <stdio.h>
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

brink_status_t fc_read_file(brink_ctx_t *ctx, const char *path, char **buf, size_t *len,
                            brink_diags_t *diags)
{
    brink_status_t st = brink_read_file(ctx, path, buf, len);
    if (st != BRINK_OK && st != BRINK_ENOMEM) {
        /* the message without the leading "PATH: " (the diagnostic has it) */
        const char *m = brink_ctx_errmsg(ctx);
        size_t pl = strlen(path);
        if (strncmp(m, path, pl) == 0 && m[pl] == ':' && m[pl + 1] == ' ')
            m += pl + 2;
        brink_diags_add(ctx, diags, path, 0, 0, "", "%s", m);
    }
    return st;
}
