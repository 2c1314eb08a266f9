/* read_series.c - series.csv: the monthly state variables of one run (one
 * column per variable) or of an ensemble (NAME_q05 ... NAME_q95 bands). */
#include <math.h>
#include <string.h>

#include "report/report_internal.h"

const char *const rp_main_series[] = {"arsenal",   "reach",          "byungjin",
                                      "economy",   "legitimacy",     "sanctions_bite",
                                      "escalation", "credibility"};
const size_t rp_main_series_count = sizeof rp_main_series / sizeof rp_main_series[0];

static const char *const qsuf[5] = {"_q05", "_q25", "_q50", "_q75", "_q95"};

typedef struct var {
    char name[128];
    int bands;
    long col[5]; /* value in col[2] when !bands */
    json_t *arr[5];
} var_t;

static int pairwise(const char *name)
{
    return strncmp(name, "threat_", 7) == 0 || strncmp(name, "trust_", 6) == 0;
}

static int rank(const char *name)
{
    for (size_t i = 0; i < rp_main_series_count; i++)
        if (strcmp(name, rp_main_series[i]) == 0)
            return (int)i;
    return (int)rp_main_series_count;
}

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

brink_status_t rp_read_series(brink_ctx_t *ctx, const char *path, json_t *payload)
{
    rp_csv_t c;
    var_t *vars = NULL;
    size_t nv = 0;
    int got;
    brink_status_t st = rp_csv_open(ctx, &c, path);
    if (st)
        return st;
    if ((st = rp_csv_next(ctx, &c, &got)))
        goto cleanup;
    if (!got) {
        st = rp_error(ctx, BRINK_EPARSE, path, 1, "expected a header line starting with 'date'");
        goto cleanup;
    }
    if (c.nfield < 2 || strcmp(c.field[0], "date") != 0) {
        st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                      "expected a header 'date,VARIABLE,...', found '%.40s' as the first column",
                      c.field[0]);
        goto cleanup;
    }
    vars = brink_calloc(ctx, c.nfield, sizeof *vars);
    if (!vars) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* group the columns into variables */
    for (size_t i = 1; i < c.nfield; i++) {
        const char *h = c.field[i];
        size_t len = strlen(h);
        int q = -1;
        for (int k = 0; k < 5; k++)
            if (len > 4 && strcmp(h + len - 4, qsuf[k]) == 0)
                q = k;
        if (len == 0 || len >= sizeof vars[0].name) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "column %zu: expected a variable name of 1 to 127 characters", i + 1);
            goto cleanup;
        }
        char base[128];
        memcpy(base, h, len + 1);
        if (q >= 0)
            base[len - 4] = '\0';
        if (pairwise(base))
            continue;
        size_t j;
        for (j = 0; j < nv; j++)
            if (strcmp(vars[j].name, base) == 0)
                break;
        if (j == nv) {
            memcpy(vars[nv].name, base, strlen(base) + 1);
            vars[nv].bands = q >= 0;
            for (int k = 0; k < 5; k++)
                vars[nv].col[k] = -1;
            nv++;
        }
        if (vars[j].bands != (q >= 0) || vars[j].col[q >= 0 ? q : 2] >= 0) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "column '%s': expected each variable once, either as one column or as "
                          "the five columns %s_q05 ... %s_q95",
                          h, base, base);
            goto cleanup;
        }
        vars[j].col[q >= 0 ? q : 2] = (long)i;
    }
    for (size_t j = 0; j < nv; j++)
        if (vars[j].bands)
            for (int k = 0; k < 5; k++)
                if (vars[j].col[k] < 0) {
                    st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                                  "variable '%s': expected the column %s%s beside the other "
                                  "quantile columns",
                                  vars[j].name, vars[j].name, qsuf[k]);
                    goto cleanup;
                }
    /* stable order: the main series first, in report order */
    for (size_t a = 1; a < nv; a++)
        for (size_t b = a; b > 0 && rank(vars[b - 1].name) > rank(vars[b].name); b--) {
            var_t t = vars[b];
            vars[b] = vars[b - 1];
            vars[b - 1] = t;
        }
    json_t *sec = json_object(), *dates = json_array(), *xs = json_array(), *varr = json_array();
    json_object_set_new(payload, "series", sec);
    json_object_set_new(sec, "dates", dates);
    json_object_set_new(sec, "x", xs);
    json_object_set_new(sec, "vars", varr);
    for (size_t j = 0; j < nv; j++) {
        json_t *o = json_object();
        json_object_set_new(o, "name", rp_jstr(vars[j].name));
        json_object_set_new(o, "kind", json_string(vars[j].bands ? "bands" : "value"));
        for (int k = 0; k < 5; k++)
            if (vars[j].col[k] >= 0) {
                vars[j].arr[k] = json_array();
                json_object_set_new(o, vars[j].bands ? qsuf[k] + 1 : "value", vars[j].arr[k]);
            }
        json_array_append_new(varr, o);
    }
    int prev = -1;
    size_t ncols = c.nfield;
    for (;;) {
        if ((st = rp_csv_next(ctx, &c, &got)) || !got)
            break;
        if (c.nfield != ncols) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "expected %zu fields as in the header, found %zu", ncols, c.nfield);
            break;
        }
        int y, m;
        if (rp_parse_month(c.field[0], &y, &m) != 0) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "column 'date': expected a month YYYY-MM, found '%.40s'", c.field[0]);
            break;
        }
        if (y * 12 + m <= prev) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "column 'date': expected months in increasing order, found %s after "
                          "the previous row",
                          c.field[0]);
            break;
        }
        prev = y * 12 + m;
        json_array_append_new(dates, rp_jstr(c.field[0]));
        json_array_append_new(xs, json_real(y + (m - 1) / 12.0));
        for (size_t j = 0; j < nv && !st; j++) {
            double v[5];
            for (int k = 0; k < 5 && !st; k++)
                if (vars[j].col[k] >= 0) {
                    char cname[140];
                    snprintf(cname, sizeof cname, "%s%s", vars[j].name,
                             vars[j].bands ? qsuf[k] : "");
                    st = rp_csv_num(ctx, &c, (size_t)vars[j].col[k], cname, &v[k]);
                }
            if (st)
                break;
            if (vars[j].bands)
                for (int k = 1; k < 5; k++)
                    if (v[k] < v[k - 1]) {
                        st = rp_error(ctx, BRINK_EVALIDATE, path, c.line,
                                      "variable '%s': expected q05 <= q25 <= q50 <= q75 <= q95",
                                      vars[j].name);
                        break;
                    }
            for (int k = 0; k < 5 && !st; k++)
                if (vars[j].col[k] >= 0)
                    json_array_append_new(vars[j].arr[k], num(v[k]));
        }
        if (st)
            break;
    }
    if (!st && json_array_size(dates) == 0)
        st = rp_error(ctx, BRINK_EPARSE, path, 2, "expected at least one monthly row after the header");
cleanup:
    rp_csv_close(ctx, &c);
    brink_free(ctx, vars);
    return st;
}
