/* read.c - reading a result store back: its factors, outputs and design
 * size (shared by the analysis and the export). */
#include <stdlib.h>
#include <string.h>

#include "store/read.h"

void store_info_free(brink_ctx_t *ctx, store_info_t *in)
{
    for (size_t i = 0; i < in->nfactors; i++)
        brink_free(ctx, in->factors[i]);
    for (size_t i = 0; i < in->noutputs; i++)
        brink_free(ctx, in->outputs[i]);
    brink_free(ctx, in->factors);
    brink_free(ctx, in->outputs);
    memset(in, 0, sizeof *in);
}

static brink_status_t names(brink_ctx_t *ctx, sqlite3 *db, const char *sql, char ***out,
                            size_t *n)
{
    sqlite3_stmt *q = NULL;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return brink_ctx_error(ctx, BRINK_EDB, "result store: %s", sqlite3_errmsg(db));
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (*n == cap) {
            size_t nc = cap ? 2 * cap : 16;
            char **nv = brink_realloc(ctx, *out, nc * sizeof *nv);
            if (!nv) {
                sqlite3_finalize(q);
                return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            }
            *out = nv;
            cap = nc;
        }
        (*out)[*n] = brink_strdup(ctx, (const char *)sqlite3_column_text(q, 0));
        if (!(*out)[*n]) {
            sqlite3_finalize(q);
            return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        }
        (*n)++;
    }
    sqlite3_finalize(q);
    return BRINK_OK;
}

brink_status_t store_info_read(brink_ctx_t *ctx, store_t *s, store_info_t *in)
{
    brink_status_t st;
    char buf[128];
    memset(in, 0, sizeof *in);
    sqlite3 *db = store_db(s);
    if ((st = names(ctx, db, "SELECT name FROM factor ORDER BY idx", &in->factors,
                    &in->nfactors)) != BRINK_OK ||
        (st = names(ctx, db, "SELECT name FROM output ORDER BY idx", &in->outputs,
                    &in->noutputs)) != BRINK_OK)
        goto fail;
    store_manifest(s, "design", in->design, sizeof in->design);
    store_manifest(s, "status", in->status, sizeof in->status);
    store_manifest(s, "points", buf, sizeof buf);
    in->points = (uint32_t)strtoul(buf, NULL, 10);
    store_manifest(s, "replications", buf, sizeof buf);
    in->reps = (uint32_t)strtoul(buf, NULL, 10);
    store_manifest(s, "design_n", buf, sizeof buf);
    in->base_n = (uint32_t)strtoul(buf, NULL, 10);
    store_manifest(s, "seed", buf, sizeof buf);
    in->seed = strtoull(buf, NULL, 10);
    return BRINK_OK;
fail:
    store_info_free(ctx, in);
    return st;
}
