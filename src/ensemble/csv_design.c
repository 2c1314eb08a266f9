/* csv_design.c - a design made elsewhere (SALib, scipy.qmc, R): a CSV file
 * whose header names the factors (any order, each exactly once) and whose
 * rows give one design point each.  Problems are located in the CSV file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ensemble/exp_internal.h"

#define CSV_MAX_LINE 65536

static void trim(char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r'))
        (*len)--;
}

brink_status_t exp_read_csv_design(brink_experiment_t *exp, const char *path,
                                   brink_diags_t *diags)
{
    brink_ctx_t *ctx = exp->ctx;
    size_t k = exp->f.nfactors;
    brink_status_t st = BRINK_OK;
    char *line = NULL;
    size_t *col_of = NULL; /* header column -> factor */
    size_t ncols = 0, cap = 0, rows = 0;
    double *data = NULL;
    FILE *fp = fopen(path, "r");
    if (!fp) {
        brink_diags_add(ctx, diags, path, 0, 0, "", "cannot read the design file: %s",
                        strerror(errno));
        return BRINK_EIO;
    }
    line = brink_malloc(ctx, CSV_MAX_LINE);
    col_of = brink_calloc(ctx, k + 1, sizeof *col_of);
    if (!line || !col_of) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    int lineno = 0;
    while (fgets(line, CSV_MAX_LINE, fp)) {
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\n')
            line[--l] = '\0';
        if (lineno > 1 && l == 0)
            continue;
        char *s = line;
        size_t col = 0;
        double *row = NULL;
        if (lineno > 1) {
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
            row = data + rows * k;
        }
        for (;;) {
            char *e = strchr(s, ',');
            size_t len = e ? (size_t)(e - s) : strlen(s);
            char *f = s;
            trim(&f, &len);
            int column = (int)(f - line) + 1;
            if (lineno == 1) {
                size_t i;
                for (i = 0; i < k; i++)
                    if (strlen(exp->f.factors[i].name) == len &&
                        strncmp(exp->f.factors[i].name, f, len) == 0)
                        break;
                if (i == k || col >= k) {
                    brink_diags_add(ctx, diags, path, lineno, column, "",
                                    "'%.*s' is not a factor of the experiment", (int)len, f);
                    st = BRINK_EVALIDATE;
                    goto cleanup;
                }
                for (size_t c = 0; c < col; c++)
                    if (col_of[c] == i) {
                        brink_diags_add(ctx, diags, path, lineno, column, "",
                                        "factor '%.*s' appears twice in the header", (int)len, f);
                        st = BRINK_EVALIDATE;
                        goto cleanup;
                    }
                col_of[col] = i;
            } else {
                char tmp[64];
                if (col >= ncols) {
                    brink_diags_add(ctx, diags, path, lineno, column, "",
                                    "row has more than the %zu columns of the header", ncols);
                    st = BRINK_EVALIDATE;
                    goto cleanup;
                }
                double v = NAN;
                (void)tmp;
                if (brink_parse_decimal(f, len, &v) != 0) {
                    brink_diags_add(ctx, diags, path, lineno, column, "",
                                    "'%.*s' is not a finite number", (int)(len > 40 ? 40 : len), f);
                    st = BRINK_EVALIDATE;
                    goto cleanup;
                }
                row[col_of[col]] = v;
            }
            col++;
            if (!e)
                break;
            s = e + 1;
        }
        if (lineno == 1) {
            ncols = col;
            if (ncols != k) {
                brink_diags_add(ctx, diags, path, 1, 1, "",
                                "the header names %zu of the %zu factors; expected all", ncols, k);
                st = BRINK_EVALIDATE;
                goto cleanup;
            }
        } else {
            if (col != ncols) {
                brink_diags_add(ctx, diags, path, lineno, (int)strlen(line) + 1, "",
                                "row has %zu columns; expected %zu", col, ncols);
                st = BRINK_EVALIDATE;
                goto cleanup;
            }
            rows++;
        }
    }
    if (lineno == 0 || rows == 0) {
        brink_diags_add(ctx, diags, path, lineno, 1, "", "the design file has no rows");
        st = BRINK_EVALIDATE;
        goto cleanup;
    }
    exp->rows = data;
    data = NULL;
    exp->npoints = (uint32_t)rows;
cleanup:
    fclose(fp);
    brink_free(ctx, line);
    brink_free(ctx, col_of);
    brink_free(ctx, data);
    return st;
}
