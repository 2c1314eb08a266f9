/* csv_design.c - a design made elsewhere (SALib, scipy.qmc, R): a CSV file
 * (RFC 4180, read by core/csv.c, so quoted headers such as R's write.csv
 * writes are accepted) whose header names the factors (any order, each
 * exactly once) and whose rows give one design point each.  A first
 * column with an empty header ("" from R's write.csv with row names)
 * holds row labels and is ignored.  Problems are located in the CSV file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "ensemble/exp_internal.h"

/* The field without surrounding blanks (unquoted fields only). */
static void trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

/* Maps the header's columns to factors (col_of[c] = factor, or k for the
 * ignored row-label column). */
static brink_status_t read_header(brink_experiment_t *exp, const csv_reader_t *c,
                                  size_t *col_of, brink_diags_t *diags)
{
    brink_ctx_t *ctx = exp->ctx;
    size_t k = exp->f.nfactors, used = 0;
    for (size_t col = 0; col < c->nfield; col++) {
        const char *f = c->field[col];
        size_t len = strlen(f);
        int line = (int)c->fline[col], column = (int)c->fcol[col];
        if (!c->fquoted[col])
            trim(&f, &len);
        if (col == 0 && len == 0 && c->nfield > 1) { /* R's row names */
            col_of[col] = k;
            continue;
        }
        size_t i;
        for (i = 0; i < k; i++)
            if (strlen(exp->f.factors[i].name) == len &&
                strncmp(exp->f.factors[i].name, f, len) == 0)
                break;
        if (i == k || used >= k) {
            brink_diags_add(ctx, diags, c->path, line, column, "",
                            "'%.*s' is not a factor of the experiment", (int)len, f);
            return BRINK_EVALIDATE;
        }
        for (size_t d = 0; d < col; d++)
            if (col_of[d] == i) {
                brink_diags_add(ctx, diags, c->path, line, column, "",
                                "factor '%.*s' appears twice in the header", (int)len, f);
                return BRINK_EVALIDATE;
            }
        col_of[col] = i;
        used++;
    }
    if (used != k) {
        brink_diags_add(ctx, diags, c->path, (int)c->line, 1, "",
                        "the header names %zu of the %zu factors; expected all", used, k);
        return BRINK_EVALIDATE;
    }
    return BRINK_OK;
}

brink_status_t exp_read_csv_design(brink_experiment_t *exp, const char *path,
                                   brink_scenario_t *sc, brink_diags_t *diags)
{
    brink_ctx_t *ctx = exp->ctx;
    size_t k = exp->f.nfactors;
    brink_status_t st = BRINK_OK;
    size_t *col_of = NULL; /* header column -> factor (k: ignored) */
    size_t ncols = 0, cap = 0, rows = 0;
    double *data = NULL;
    csv_reader_t c;
    int got = 0;
    st = csv_open(&c, path);
    if (st != BRINK_OK) {
        brink_diags_add(ctx, diags, path, 0, 0, "", "cannot read the design file: %s", c.err);
        return st;
    }
    while ((st = csv_next(ctx, &c, &got)) == BRINK_OK && got) {
        if (!col_of) { /* the header */
            ncols = c.nfield;
            col_of = brink_calloc(ctx, ncols, sizeof *col_of);
            if (!col_of) {
                st = BRINK_ENOMEM;
                goto cleanup;
            }
            if ((st = read_header(exp, &c, col_of, diags)) != BRINK_OK)
                goto cleanup;
            continue;
        }
        if (c.nfield == 1 && c.field[0][0] == '\0' && !c.fquoted[0])
            continue;
        if (c.nfield != ncols) {
            size_t at = c.nfield < ncols ? c.nfield - 1 : ncols;
            brink_diags_add(ctx, diags, path, (int)c.fline[at],
                            (int)c.fcol[at] + (c.nfield < ncols ? (int)strlen(c.field[at]) : 0),
                            "", "row has %zu columns; expected %zu", c.nfield, ncols);
            st = BRINK_EVALIDATE;
            goto cleanup;
        }
        if (rows == cap) {
            size_t nc = cap ? cap * 2 : 64;
            double *nd = brink_realloc(ctx, data, nc * k * sizeof *nd);
            if (!nd) {
                st = BRINK_ENOMEM;
                goto cleanup;
            }
            data = nd;
            cap = nc;
        }
        double *row = data + rows * k;
        for (size_t col = 0; col < ncols; col++) {
            if (col_of[col] == k)
                continue;
            const char *f = c.field[col];
            size_t len = strlen(f);
            trim(&f, &len);
            double v = NAN;
            /* one decimal number syntax: no hex, inf, nan or blanks inside */
            if (len == 0 || brink_parse_decimal(f, len, &v) != 0 || !isfinite(v)) {
                brink_diags_add(ctx, diags, path, (int)c.fline[col], (int)c.fcol[col], "",
                                "'%.*s' is not a finite number", (int)(len > 40 ? 40 : len), f);
                st = BRINK_EVALIDATE;
                goto cleanup;
            }
            const char *fp = exp->f.factors[col_of[col]].path;
            if (sc && fp && brink_scenario_set_number(ctx, sc, fp, v) != BRINK_OK) {
                brink_diags_add(ctx, diags, path, (int)c.fline[col], (int)c.fcol[col], "", "%s",
                                brink_ctx_errmsg(ctx));
                st = BRINK_EVALIDATE;
                goto cleanup;
            }
            row[col_of[col]] = v;
        }
        rows++;
    }
    if (st == BRINK_EPARSE) {
        brink_diags_add(ctx, diags, path, (int)c.err_line, (int)c.err_col, "", "%s", c.err);
        goto cleanup;
    }
    if (st == BRINK_EIO) {
        brink_diags_add(ctx, diags, path, 0, 0, "", "cannot read the design file: %s", c.err);
        goto cleanup;
    }
    if (st != BRINK_OK)
        goto cleanup;
    if (rows == 0) {
        brink_diags_add(ctx, diags, path, (int)c.next_line, 1, "", "the design file has no rows");
        st = BRINK_EVALIDATE;
        goto cleanup;
    }
    exp->rows = data;
    data = NULL;
    exp->npoints = (uint32_t)rows;
cleanup:
    csv_close(ctx, &c);
    brink_free(ctx, col_of);
    brink_free(ctx, data);
    return st;
}
