/* csv.c - the report's use of the library's CSV reader (core/csv.h): its
 * errors in the report's form, column lookup and numbers. */
#include <errno.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

brink_status_t rp_csv_open(brink_ctx_t *ctx, rp_csv_t *c, const char *path)
{
    if (csv_open(c, path) != BRINK_OK)
        return rp_error(ctx, BRINK_EIO, path, 0, "%s", c->err);
    return BRINK_OK;
}

void rp_csv_close(brink_ctx_t *ctx, rp_csv_t *c)
{
    csv_close(ctx, c);
}

brink_status_t rp_csv_next(brink_ctx_t *ctx, rp_csv_t *c, int *got)
{
    brink_status_t st = csv_next(ctx, c, got);
    if (st == BRINK_EPARSE)
        return rp_error(ctx, st, c->path, c->err_line, "column %ld: %s", c->err_col, c->err);
    if (st == BRINK_EIO)
        return rp_error(ctx, st, c->path, c->next_line, "%s", c->err);
    return st;
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
