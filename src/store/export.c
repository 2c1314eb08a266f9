/* export.c - the store as CSV or JSON for R, Python or a spreadsheet,
 * streamed row by row (memory does not grow with the number of runs). */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "store/read.h"

static void csv_str(FILE *fp, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

static void csv_num(FILE *fp, sqlite3_stmt *q, int col)
{
    if (sqlite3_column_type(q, col) != SQLITE_NULL)
        fprintf(fp, "%.17g", sqlite3_column_double(q, col));
}

static json_t *jcol(sqlite3_stmt *q, int col)
{
    if (sqlite3_column_type(q, col) == SQLITE_NULL)
        return json_null();
    double v = sqlite3_column_double(q, col);
    return isfinite(v) ? json_real(v) : json_null();
}

static int dump_json(FILE *fp, json_t *j)
{
    int rc = json_dumpf(j, fp, JSON_COMPACT | JSON_REAL_PRECISION(17));
    json_decref(j);
    return rc;
}

/* The long tables of series: bands (point, series, step, stat, value) and
 * the per-run values (point, rep, series, step, value); series by name. */
static brink_status_t export_long(brink_ctx_t *ctx, sqlite3 *db, int csv, int bands, FILE *fp)
{
    const char *sql = bands ? "SELECT b.point, s.name, b.step, b.stat, b.value FROM series_band b "
                              "JOIN series s ON s.idx = b.series ORDER BY b.point, b.series, "
                              "b.step, b.stat"
                            : "SELECT v.point, v.rep, s.name, v.step, v.value FROM series_value v "
                              "JOIN series s ON s.idx = v.series ORDER BY v.point, v.rep, "
                              "v.series, v.step";
    static const char *const bcols[] = {"point", "series", "step", "stat", "value"};
    static const char *const vcols[] = {"point", "rep", "series", "step", "value"};
    const char *const *cols = bands ? bcols : vcols;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return brink_ctx_error(ctx, BRINK_EDB, "result store: %s", sqlite3_errmsg(db));
    if (csv)
        fprintf(fp, "%s,%s,%s,%s,%s\n", cols[0], cols[1], cols[2], cols[3], cols[4]);
    else
        fprintf(fp, "{\"table\":\"%s\",\"rows\":[", bands ? "bands" : "series");
    int first = 1;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (csv) {
            for (int c = 0; c < 5; c++) {
                if (c)
                    fputc(',', fp);
                if (sqlite3_column_type(q, c) == SQLITE_TEXT)
                    csv_str(fp, (const char *)sqlite3_column_text(q, c));
                else if (sqlite3_column_type(q, c) == SQLITE_INTEGER)
                    fprintf(fp, "%lld", (long long)sqlite3_column_int64(q, c));
                else
                    csv_num(fp, q, c);
            }
            fputc('\n', fp);
        } else {
            json_t *row = json_object();
            for (int c = 0; c < 5; c++) {
                json_t *v = sqlite3_column_type(q, c) == SQLITE_TEXT
                                ? json_string((const char *)sqlite3_column_text(q, c))
                            : sqlite3_column_type(q, c) == SQLITE_INTEGER
                                ? json_integer(sqlite3_column_int64(q, c))
                                : jcol(q, c);
                json_object_set_new(row, cols[c], v);
            }
            if (!first)
                fputc(',', fp);
            first = 0;
            dump_json(fp, row);
        }
    }
    if (!csv)
        fputs("]}\n", fp);
    sqlite3_finalize(q);
    return BRINK_OK;
}

brink_status_t brink_export(brink_ctx_t *ctx, const char *dir, const char *format,
                            const char *table, FILE *fp)
{
    store_t *s = NULL;
    store_info_t in;
    sqlite3_stmt *q = NULL, *d = NULL, *v = NULL;
    memset(&in, 0, sizeof in);
    int csv = strcmp(format, "csv") == 0;
    if (!csv && strcmp(format, "json") != 0)
        return brink_ctx_error(ctx, BRINK_EINVAL, "unknown format '%s'; expected csv or json",
                               format);
    int t_runs = strcmp(table, "runs") == 0, t_points = strcmp(table, "points") == 0;
    int t_bands = strcmp(table, "bands") == 0, t_series = strcmp(table, "series") == 0;
    if (!t_runs && !t_points && !t_bands && !t_series && strcmp(table, "design") != 0)
        return brink_ctx_error(ctx, BRINK_EINVAL,
                               "unknown table '%s'; expected runs, points, design, bands or "
                               "series", table);
    brink_status_t st = store_open_read(ctx, dir, &s);
    if (st != BRINK_OK)
        return st;
    sqlite3 *db = store_db(s);
    if (t_bands || t_series) {
        st = export_long(ctx, db, csv, t_bands, fp);
        if (st == BRINK_OK && ferror(fp))
            st = brink_ctx_error(ctx, BRINK_EIO, "cannot write the export");
        goto done;
    }
    if ((st = store_info_read(ctx, s, &in)) != BRINK_OK)
        goto done;
    const char *main_sql = t_runs ? "SELECT point, rep, status, error FROM run ORDER BY point, rep"
                                  : "SELECT DISTINCT point FROM design ORDER BY point";
    const char *val_sql = t_runs ? "SELECT output, value FROM scalar WHERE point = ?1 AND rep = ?2 "
                                   "ORDER BY output"
                                 : "SELECT output, n, failed, mean, sd, min, max FROM "
                                   "point_summary WHERE point = ?1 ORDER BY output";
    if (sqlite3_prepare_v2(db, main_sql, -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT value FROM design WHERE point = ? ORDER BY factor", -1,
                           &d, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, val_sql, -1, &v, NULL) != SQLITE_OK) {
        st = brink_ctx_error(ctx, BRINK_EDB, "result store: %s", sqlite3_errmsg(db));
        goto done;
    }
    static const char *const stats[] = {"n", "failed", "mean", "sd", "min", "max"};
    if (csv) {
        fputs(t_runs ? "point,rep,status,error" : "point", fp);
        for (size_t i = 0; i < in.nfactors; i++) {
            fputc(',', fp);
            csv_str(fp, in.factors[i]);
        }
        for (size_t o = 0; strcmp(table, "design") != 0 && o < in.noutputs; o++) {
            for (int c = 0; c < (t_runs ? 1 : 6); c++) {
                fputc(',', fp);
                csv_str(fp, in.outputs[o]);
                if (!t_runs)
                    fprintf(fp, "_%s", stats[c]);
            }
        }
        fputc('\n', fp);
    } else {
        json_t *head = json_pack("{s:s, s:s, s:I, s:I}", "table", table, "design", in.design,
                                 "points", (json_int_t)in.points, "replications",
                                 (json_int_t)in.reps);
        json_t *fa = json_array(), *oa = json_array();
        for (size_t i = 0; i < in.nfactors; i++)
            json_array_append_new(fa, json_string(in.factors[i]));
        for (size_t i = 0; i < in.noutputs; i++)
            json_array_append_new(oa, json_string(in.outputs[i]));
        json_object_set_new(head, "factors", fa);
        json_object_set_new(head, "outputs", oa);
        char *h = json_dumps(head, JSON_COMPACT);
        json_decref(head);
        if (!h) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
            goto done;
        }
        fprintf(fp, "%.*s,\"rows\":[", (int)strlen(h) - 1, h);
        free(h);
    }
    int first = 1;
    while (sqlite3_step(q) == SQLITE_ROW) {
        sqlite3_int64 p = sqlite3_column_int64(q, 0);
        json_t *row = NULL, *x = NULL, *y = NULL;
        if (csv) {
            fprintf(fp, "%lld", (long long)p);
            if (t_runs) {
                fprintf(fp, ",%lld,", (long long)sqlite3_column_int64(q, 1));
                csv_str(fp, (const char *)sqlite3_column_text(q, 2));
                fputc(',', fp);
                csv_str(fp, (const char *)sqlite3_column_text(q, 3));
            }
        } else {
            row = json_pack("{s:I}", "point", (json_int_t)p);
            if (t_runs) {
                json_object_set_new(row, "rep", json_integer(sqlite3_column_int64(q, 1)));
                json_object_set_new(row, "status",
                                    json_string((const char *)sqlite3_column_text(q, 2)));
                if (sqlite3_column_type(q, 3) != SQLITE_NULL)
                    json_object_set_new(row, "error",
                                        json_string((const char *)sqlite3_column_text(q, 3)));
            }
            x = json_object();
            y = json_object();
        }
        sqlite3_reset(d);
        sqlite3_bind_int64(d, 1, p);
        for (size_t i = 0; i < in.nfactors && sqlite3_step(d) == SQLITE_ROW; i++) {
            if (csv) {
                fputc(',', fp);
                csv_num(fp, d, 0);
            } else {
                json_object_set_new(x, in.factors[i], jcol(d, 0));
            }
        }
        if (strcmp(table, "design") != 0) {
            sqlite3_reset(v);
            sqlite3_bind_int64(v, 1, p);
            if (t_runs)
                sqlite3_bind_int64(v, 2, sqlite3_column_int64(q, 1));
            size_t o = 0;
            int have = sqlite3_step(v) == SQLITE_ROW;
            for (o = 0; o < in.noutputs; o++) {
                int match = have && (size_t)sqlite3_column_int64(v, 0) == o;
                for (int c = 0; c < (t_runs ? 1 : 6); c++) {
                    if (csv) {
                        fputc(',', fp);
                        if (match)
                            csv_num(fp, v, 1 + c);
                    } else if (t_runs) {
                        json_object_set_new(y, in.outputs[o], match ? jcol(v, 1) : json_null());
                    } else {
                        json_t *sub = json_object_get(y, in.outputs[o]);
                        if (!sub) {
                            sub = json_object();
                            json_object_set_new(y, in.outputs[o], sub);
                        }
                        json_object_set_new(sub, stats[c], match ? jcol(v, 1 + c) : json_null());
                    }
                }
                if (match)
                    have = sqlite3_step(v) == SQLITE_ROW;
            }
        }
        if (csv) {
            fputc('\n', fp);
        } else {
            json_object_set_new(row, "factors", x);
            if (strcmp(table, "design") != 0)
                json_object_set_new(row, "outputs", y);
            else
                json_decref(y);
            if (!first)
                fputc(',', fp);
            first = 0;
            dump_json(fp, row);
        }
    }
    if (!csv)
        fputs("]}\n", fp);
    if (ferror(fp))
        st = brink_ctx_error(ctx, BRINK_EIO, "cannot write the export");
done:
    sqlite3_finalize(q);
    sqlite3_finalize(d);
    sqlite3_finalize(v);
    store_info_free(ctx, &in);
    store_close(s);
    return st;
}
