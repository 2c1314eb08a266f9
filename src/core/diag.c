/* diag.c - lists of located diagnostics ("FILE:LINE:COL: error: MESSAGE"). */
#include <stdio.h>
#include <string.h>

#include "brink/core.h"

void brink_diags_init(brink_diags_t *d)
{
    memset(d, 0, sizeof *d);
}

void brink_diags_clear(brink_ctx_t *ctx, brink_diags_t *d)
{
    for (size_t i = 0; i < d->count; i++) {
        brink_free(ctx, d->items[i].file);
        brink_free(ctx, d->items[i].path);
        brink_free(ctx, d->items[i].message);
    }
    brink_free(ctx, d->items);
    size_t limit = d->limit;
    brink_diags_init(d);
    d->limit = limit;
}

brink_status_t brink_diags_add(brink_ctx_t *ctx, brink_diags_t *d, const char *file, int line,
                               int column, const char *path, const char *fmt, ...)
{
    size_t limit = d->limit ? d->limit : 100;
    if (d->count >= limit)
        return BRINK_OK;
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        brink_diag_t *items = brink_realloc(ctx, d->items, cap * sizeof *items);
        if (!items)
            return BRINK_ENOMEM;
        d->items = items;
        d->cap = cap;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    brink_diag_t *it = &d->items[d->count];
    it->file = brink_strdup(ctx, file ? file : "");
    it->path = brink_strdup(ctx, path ? path : "");
    it->message = brink_strdup(ctx, msg);
    it->line = line;
    it->column = column;
    if (!it->file || !it->path || !it->message) {
        brink_free(ctx, it->file);
        brink_free(ctx, it->path);
        brink_free(ctx, it->message);
        return BRINK_ENOMEM;
    }
    d->count++;
    return BRINK_OK;
}

size_t brink_diag_format(const brink_diag_t *diag, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s:%d:%d: error: %s", diag->file ? diag->file : "",
                     diag->line, diag->column, diag->message ? diag->message : "");
    return n < 0 ? 0 : (size_t)n;
}
