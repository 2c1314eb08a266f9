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
    const size_t limit = (size_t)64 << 20;
    *buf = NULL;
    *len = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        brink_diags_add(ctx, diags, path, 0, 0, "", "cannot open file: %s", strerror(errno));
        return brink_ctx_error(ctx, BRINK_EIO, "cannot open %s: %s", path, strerror(errno));
    }
    brink_status_t st = BRINK_OK;
    size_t cap = 0;
    for (;;) {
        if (*len == cap) {
            size_t nc = cap ? 2 * cap : 65536;
            if (nc > limit + 1) {
                brink_diags_add(ctx, diags, path, 0, 0, "", "file larger than 64 MiB");
                st = brink_ctx_error(ctx, BRINK_ELIMIT, "%s is larger than 64 MiB", path);
                break;
            }
            char *nb = brink_realloc(ctx, *buf, nc);
            if (!nb) {
                st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", path);
                break;
            }
            *buf = nb;
            cap = nc;
        }
        size_t got = fread(*buf + *len, 1, cap - *len, fp);
        *len += got;
        if (got == 0) {
            if (ferror(fp)) {
                brink_diags_add(ctx, diags, path, 0, 0, "", "read error");
                st = brink_ctx_error(ctx, BRINK_EIO, "cannot read %s", path);
            }
            break;
        }
    }
    fclose(fp);
    if (st != BRINK_OK) {
        brink_free(ctx, *buf);
        *buf = NULL;
        *len = 0;
    }
    return st;
}
