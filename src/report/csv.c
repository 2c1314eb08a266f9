/* csv.c - a small RFC 4180 CSV reader that keeps line numbers for errors. */
#include <errno.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

brink_status_t rp_csv_open(brink_ctx_t *ctx, rp_csv_t *c, const char *path)
{
    memset(c, 0, sizeof *c);
    c->path = path;
    c->next_line = 1;
    c->fp = fopen(path, "rb");
    if (!c->fp)
        return rp_error(ctx, BRINK_EIO, path, 0, "cannot read the file: %s", strerror(errno));
    return BRINK_OK;
}

void rp_csv_close(brink_ctx_t *ctx, rp_csv_t *c)
{
    if (c->fp)
        fclose(c->fp);
    brink_free(ctx, c->rec);
    brink_free(ctx, c->field);
    memset(c, 0, sizeof *c);
}

static int rec_putc(brink_ctx_t *ctx, rp_csv_t *c, char ch)
{
    if (c->reclen + 1 >= c->reccap) {
        size_t n = c->reccap ? c->reccap * 2 : 256;
        char *p = brink_realloc(ctx, c->rec, n);
        if (!p)
            return -1;
        c->rec = p;
        c->reccap = n;
    }
    c->rec[c->reclen++] = ch;
    return 0;
}

static int add_field(brink_ctx_t *ctx, rp_csv_t *c, size_t start)
{
    if (c->nfield == c->capfield) {
        size_t n = c->capfield ? c->capfield * 2 : 16;
        char **p = brink_realloc(ctx, c->field, n * sizeof *p);
        if (!p)
            return -1;
        c->field = p;
        c->capfield = n;
    }
    c->field[c->nfield++] = (char *)(uintptr_t)start; /* offsets until the record is done */
    return 0;
}

brink_status_t rp_csv_next(brink_ctx_t *ctx, rp_csv_t *c, int *got)
{
    *got = 0;
    c->reclen = 0;
    c->nfield = 0;
    c->line = c->next_line;
    int ch = fgetc(c->fp);
    /* skip blank lines */
    while (ch == '\n' || ch == '\r') {
        if (ch == '\n')
            c->next_line++;
        ch = fgetc(c->fp);
    }
    c->line = c->next_line;
    if (ch == EOF)
        return ferror(c->fp) ? rp_error(ctx, BRINK_EIO, c->path, c->line, "read error") : BRINK_OK;
    if (add_field(ctx, c, 0))
        goto nomem;
    int quoted = 0, was_quoted = 0;
    for (;; ch = fgetc(c->fp)) {
        if (ch == EOF) {
            if (quoted)
                return rp_error(ctx, BRINK_EPARSE, c->path, c->line,
                                "a quoted field is not closed before the end of the file");
            c->next_line++;
            break;
        }
        if (quoted) {
            if (ch == '"') {
                int n = fgetc(c->fp);
                if (n == '"') {
                    if (rec_putc(ctx, c, '"'))
                        goto nomem;
                    continue;
                }
                quoted = 0;
                ungetc(n, c->fp);
                continue;
            }
            if (ch == '\n')
                c->next_line++;
            if (rec_putc(ctx, c, (char)ch))
                goto nomem;
            continue;
        }
        if (ch == '"' && !was_quoted) {
            quoted = was_quoted = 1;
            continue;
        }
        if (ch == ',') {
            if (rec_putc(ctx, c, '\0') || add_field(ctx, c, c->reclen))
                goto nomem;
            was_quoted = 0;
            continue;
        }
        if (ch == '\r')
            continue;
        if (ch == '\n') {
            c->next_line++;
            break;
        }
        if (rec_putc(ctx, c, (char)ch))
            goto nomem;
    }
    if (rec_putc(ctx, c, '\0'))
        goto nomem;
    for (size_t i = 0; i < c->nfield; i++)
        c->field[i] = c->rec + (size_t)(uintptr_t)c->field[i];
    *got = 1;
    return BRINK_OK;
nomem:
    return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory reading %s", c->path);
}

long rp_csv_find(const rp_csv_t *c, const char *name)
{
    for (size_t i = 0; i < c->nfield; i++)
        if (strcmp(c->field[i], name) == 0)
            return (long)i;
    return -1;
}

brink_status_t rp_csv_num(brink_ctx_t *ctx, const rp_csv_t *c, size_t col, const char *colname,
                          double *out)
{
    if (col >= c->nfield)
        return rp_error(ctx, BRINK_EPARSE, c->path, c->line,
                        "column '%s': missing (the row has %zu fields); expected a number",
                        colname, c->nfield);
    const char *s = c->field[col];
    if (*s == '\0' || strcmp(s, "nan") == 0 || strcmp(s, "NaN") == 0 || strcmp(s, "NA") == 0) {
        *out = NAN;
        return BRINK_OK;
    }
    double v = 0;
    if (brink_parse_decimal(s, strlen(s), &v) != 0)
        return rp_error(ctx, BRINK_EPARSE, c->path, c->line,
                        "column '%s': expected a number, found '%.40s'", colname, s);
    *out = v;
    return BRINK_OK;
}
