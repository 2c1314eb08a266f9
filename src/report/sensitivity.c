/* sensitivity.c - sweeps: analysis.json of `brink analyze` (Sobol or Morris
 * indices with intervals) and the sweep's SQLite store (the manifest, and the
 * output as a function of the most influential factors). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <plplot/plplot.h>
#include <sqlite3.h>

#include "report/report_internal.h"
#include "store/rowcheck.h"

#define RP_MAX_DOTS 1500 /* dots per response chart */
#define RP_NBINS 10      /* bins of the binned mean */

static const char *const sobol_keys[] = {"S1", "ST"};
static const char *const morris_keys[] = {"mu_star", "sigma", "mu"};

/* Index key of factor f: value with its interval from KEY_lo/KEY_hi,
 * KEY_ci [lo, hi] or KEY_conf (half-width). */
static brink_status_t index_of(brink_ctx_t *ctx, const char *file, const json_t *f,
                               const char *where, const char *key, int required, json_t *dst)
{
    double v, lo, hi, conf;
    int found, flo, fhi, fconf;
    char k[64];
    brink_status_t st = rp_get_num(ctx, file, f, where, key, required, &v, &found);
    if (st || !found)
        return st;
    json_object_set_new(dst, key, json_real(v));
    snprintf(k, sizeof k, "%s_lo", key);
    if ((st = rp_get_num(ctx, file, f, where, k, 0, &lo, &flo)))
        return st;
    snprintf(k, sizeof k, "%s_hi", key);
    if ((st = rp_get_num(ctx, file, f, where, k, 0, &hi, &fhi)))
        return st;
    snprintf(k, sizeof k, "%s_conf", key);
    json_t *ci = json_object_get(f, k);
    fconf = 0;
    conf = NAN;
    if (!json_is_array(ci)) {
        /* a half-width (SALib's form) */
        ci = NULL;
        if ((st = rp_get_num(ctx, file, f, where, k, 0, &conf, &fconf)))
            return st;
        snprintf(k, sizeof k, "%s_ci", key);
        ci = json_object_get(f, k);
    }
    if (ci) {
        if (!json_is_array(ci) || json_array_size(ci) != 2 ||
            !json_is_number(json_array_get(ci, 0)) || !json_is_number(json_array_get(ci, 1)))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s.%s: expected [LOW, HIGH]", where, k);
        lo = json_number_value(json_array_get(ci, 0));
        hi = json_number_value(json_array_get(ci, 1));
        flo = fhi = 1;
    } else if (fconf && !(flo && fhi)) {
        lo = v - conf;
        hi = v + conf;
        flo = fhi = 1;
    }
    if (flo && fhi) {
        if (lo > hi)
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "%s.%s: expected an interval with low <= high, found [%g, %g]", where,
                            key, lo, hi);
        snprintf(k, sizeof k, "%s_lo", key);
        json_object_set_new(dst, k, json_real(lo));
        snprintf(k, sizeof k, "%s_hi", key);
        json_object_set_new(dst, k, json_real(hi));
    }
    return BRINK_OK;
}

static brink_status_t read_output(brink_ctx_t *ctx, const char *file, const char *method,
                                  const char *oname, const json_t *o, const char *where,
                                  json_t *outs)
{
    const char *fkey = "indices";
    json_t *fac = json_object_get(o, fkey);
    if (!fac)
        fac = json_object_get(o, fkey = "factors");
    if (!json_is_array(fac) && !json_is_object(fac))
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "%s%sindices: expected the factors' indices (an array of {factor, ...} "
                        "or an object name -> {...}), found %s",
                        where, *where ? "." : "", rp_json_kind(fac));
    int sobol = !strcmp(method, "sobol");
    const char *const *keys = sobol ? sobol_keys : morris_keys;
    int nk = sobol ? 2 : 3;
    json_t *arr = json_array();
    json_t *out = json_pack("{s:s,s:s,s:o}", "name", oname, "method", method, "factors", arr);
    json_array_append_new(outs, out);
    size_t n = json_is_array(fac) ? json_array_size(fac) : json_object_size(fac);
    void *it = json_is_object(fac) ? json_object_iter((json_t *)fac) : NULL;
    for (size_t i = 0; i < n; i++) {
        json_t *f;
        const char *fname;
        char w[400];
        if (json_is_array(fac)) {
            f = json_array_get(fac, i);
            fname = json_string_value(json_object_get(f, "factor"));
            if (!fname)
                fname = json_string_value(json_object_get(f, "name"));
            snprintf(w, sizeof w, "%s%s%s[%zu]", where, *where ? "." : "", fkey, i);
            if (!json_is_object(f) || !fname)
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "%s: expected an object with the factor's name ('factor')", w);
        } else {
            fname = json_object_iter_key(it);
            f = json_object_iter_value(it);
            it = json_object_iter_next((json_t *)fac, it);
            snprintf(w, sizeof w, "%s%s%s.%s", where, *where ? "." : "", fkey, fname);
            if (!json_is_object(f))
                return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s: expected an object, found %s",
                                w, rp_json_kind(f));
        }
        json_t *d = json_pack("{s:s}", "name", fname);
        json_array_append_new(arr, d);
        for (int k = 0; k < nk; k++) {
            brink_status_t st = index_of(ctx, file, f, w, keys[k], k == 0, d);
            if (st)
                return st;
        }
    }
    /* most influential first: by ST (Sobol) or mu* (Morris) */
    const char *key = sobol ? "ST" : "mu_star";
    size_t m = json_array_size(arr);
    for (size_t a = 1; a < m; a++)
        for (size_t b = a; b > 0; b--) {
            json_t *x = json_array_get(arr, b - 1), *y = json_array_get(arr, b);
            double vx = json_is_number(json_object_get(x, key)) ? json_number_value(json_object_get(x, key)) : json_number_value(json_object_get(x, keys[0]));
            double vy = json_is_number(json_object_get(y, key)) ? json_number_value(json_object_get(y, key)) : json_number_value(json_object_get(y, keys[0]));
            if (vx >= vy)
                break;
            json_incref(x);
            json_array_set(arr, b - 1, y);
            json_array_set_new(arr, b, x);
        }
    return BRINK_OK;
}

brink_status_t rp_read_analysis(brink_ctx_t *ctx, const char *path, json_t *payload)
{
    json_t *root = NULL;
    brink_status_t st = rp_load_json(ctx, path, &root);
    if (st)
        return st;
    if (!json_is_object(root)) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0, "expected a JSON object at the top, found %s",
                      rp_json_kind(root));
        goto cleanup;
    }
    const char *method = json_string_value(json_object_get(root, "method"));
    if (!method || (strcmp(method, "sobol") && strcmp(method, "morris") && strcmp(method, "summary"))) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                      "method: expected \"sobol\", \"morris\" or \"summary\"");
        goto cleanup;
    }
    if (!strcmp(method, "summary"))
        goto cleanup; /* per-point summaries: the store has them */
    json_t *sec = json_object_get(payload, "sensitivity");
    if (!sec) {
        sec = json_pack("{s:s,s:[]}", "method", method, "outputs");
        json_object_set_new(payload, "sensitivity", sec);
    }
    json_t *outs = json_object_get(sec, "outputs");
    json_t *o = json_object_get(root, "outputs");
    if (json_is_object(o)) {
        const char *name;
        json_t *v;
        json_object_foreach(o, name, v) {
            char w[300];
            snprintf(w, sizeof w, "outputs.%s", name);
            if ((st = read_output(ctx, path, method, name, v, w, outs)))
                goto cleanup;
        }
    } else if (json_is_array(o)) {
        size_t i;
        json_t *v;
        json_array_foreach(o, i, v) {
            char w[64];
            snprintf(w, sizeof w, "outputs[%zu]", i);
            const char *name = json_string_value(json_object_get(v, "output"));
            if (!name)
                name = json_string_value(json_object_get(v, "name"));
            if ((st = read_output(ctx, path, method, name ? name : "output", v, w, outs)))
                goto cleanup;
        }
    } else {
        const char *name = json_string_value(json_object_get(root, "output"));
        if ((st = read_output(ctx, path, method, name ? name : "output", root, "", outs)))
            goto cleanup;
    }
cleanup:
    json_decref(root);
    return st;
}

/* ---- the SQLite store ------------------------------------------------------ */

static int has_column(sqlite3 *db, const char *table, const char *col)
{
    char sql[300];
    sqlite3_stmt *s = NULL;
    int found = 0;
    snprintf(sql, sizeof sql, "PRAGMA table_info(\"%s\")", table);
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK)
        while (sqlite3_step(s) == SQLITE_ROW)
            if (!strcmp((const char *)sqlite3_column_text(s, 1), col))
                found = 1;
    sqlite3_finalize(s);
    return found;
}

static brink_status_t manifest(brink_ctx_t *ctx, sqlite3 *db, json_t *prov)
{
    (void)ctx;
    /* the store's key -> the provenance key (docs/results-format.md) */
    static const char *const keys[][2] = {
        {"brink_version", "version"},       {"version", "version"},
        {"scenario", "scenario"},           {"scenario_sha256", "scenario_hash"},
        {"scenario_hash", "scenario_hash"}, {"experiment", "experiment"},
        {"experiment_sha256", "experiment_hash"}, {"experiment_hash", "experiment_hash"},
        {"seed", "seed"},                   {"runs", "runs"},
        {"command", "command"},             {"status", "sweep_status"}};
    sqlite3_stmt *s = NULL;
    if (has_column(db, "manifest", "key") && has_column(db, "manifest", "value")) {
        if (sqlite3_prepare_v2(db, "SELECT key, value FROM manifest", -1, &s, NULL) == SQLITE_OK)
            while (sqlite3_step(s) == SQLITE_ROW) {
                const char *k = (const char *)sqlite3_column_text(s, 0);
                const char *v = (const char *)sqlite3_column_text(s, 1);
                for (size_t i = 0; k && v && *v && i < sizeof keys / sizeof keys[0]; i++)
                    if (!strcmp(k, keys[i][0]))
                        json_object_set_new(prov, keys[i][1], json_string(v));
            }
    } else if (sqlite3_prepare_v2(db, "SELECT * FROM manifest LIMIT 1", -1, &s, NULL) ==
                   SQLITE_OK &&
               sqlite3_step(s) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(s); c++) {
            const char *k = sqlite3_column_name(s, c);
            const char *v = (const char *)sqlite3_column_text(s, c);
            for (size_t i = 0; k && v && *v && i < sizeof keys / sizeof keys[0]; i++)
                if (!strcmp(k, keys[i][0]))
                    json_object_set_new(prov, keys[i][1], json_string(v));
        }
    }
    sqlite3_finalize(s);
    return BRINK_OK;
}

/* The output as a function of the top factors: the first table or view that
 * has a column for each of the two most influential factors and for the
 * output. */
static brink_status_t response(brink_ctx_t *ctx, const char *path, sqlite3 *db, json_t *out,
                               json_t *list)
{
    json_t *fac = json_object_get(out, "factors");
    const char *oname = json_string_value(json_object_get(out, "name"));
    size_t nf = json_array_size(fac) < 2 ? json_array_size(fac) : 2;
    if (!oname || nf == 0)
        return BRINK_OK;
    const char *f[2] = {json_string_value(json_object_get(json_array_get(fac, 0), "name")),
                        nf > 1 ? json_string_value(json_object_get(json_array_get(fac, 1), "name")) : NULL};
    sqlite3_stmt *t = NULL, *s = NULL;
    brink_status_t st = BRINK_OK;
    char table[200] = "";
    char sql[800];
    if (has_column(db, "point_summary", "mean") && has_column(db, "design", "value") &&
        has_column(db, "factor", "name") && has_column(db, "output", "name")) {
        /* brink sweep's store (docs/results-format.md): design in long form,
         * the per-point mean of each output in point_summary */
        snprintf(table, sizeof table, "point_summary");
        snprintf(sql, sizeof sql,
                 "SELECT d1.value, d2.value, ps.mean FROM point_summary ps "
                 "JOIN output o ON o.idx = ps.output AND o.name = ?3 "
                 "JOIN design d1 ON d1.point = ps.point AND d1.factor = "
                 "(SELECT idx FROM factor WHERE name = ?1) "
                 "LEFT JOIN design d2 ON d2.point = ps.point AND d2.factor = "
                 "(SELECT idx FROM factor WHERE name = ?2) "
                 "WHERE ps.mean IS NOT NULL ORDER BY ps.point");
        goto query;
    }
    if (sqlite3_prepare_v2(db,
                           "SELECT name FROM sqlite_master WHERE type IN ('table','view') "
                           "ORDER BY (name LIKE '%point%') DESC, name",
                           -1, &t, NULL) != SQLITE_OK)
        return rp_error(ctx, BRINK_EDB, path, 0, "cannot list the tables: %s", sqlite3_errmsg(db));
    while (sqlite3_step(t) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(t, 0);
        if (name && strlen(name) < sizeof table && has_column(db, name, oname) &&
            has_column(db, name, f[0]) && (!f[1] || has_column(db, name, f[1]))) {
            snprintf(table, sizeof table, "%s", name);
            break;
        }
    }
    sqlite3_finalize(t);
    if (!*table)
        return BRINK_OK;
    snprintf(sql, sizeof sql, "SELECT \"%s\", \"%s\", \"%s\" FROM \"%s\"", f[0],
             f[1] ? f[1] : f[0], oname, table);
query:
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return rp_error(ctx, BRINK_EDB, path, 0, "cannot read table %s: %s", table,
                        sqlite3_errmsg(db));
    sqlite3_bind_text(s, 1, f[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, f[1] ? f[1] : f[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, oname, -1, SQLITE_STATIC);
    /* every row goes into the binned means; at most RP_MAX_DOTS evenly
     * spaced rows (in point order) are kept as dots, so the report's size
     * does not grow with the sweep */
    double *v3 = NULL;
    size_t n = 0, cap = 0;
    int rc;
    long line = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        line++;
        double v[3];
        for (int c = 0; c < 3; c++) {
            int ty = sqlite3_column_type(s, c);
            if (ty == SQLITE_NULL) {
                v[c] = NAN;
                continue;
            }
            if (ty != SQLITE_INTEGER && ty != SQLITE_FLOAT) {
                st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                              "table %s, row %ld, column %s: expected a number", table, line,
                              sqlite3_column_name(s, c));
                goto done;
            }
            v[c] = sqlite3_column_double(s, c);
        }
        if (!isfinite(v[0]) || !isfinite(v[2]) || (f[1] && !isfinite(v[1])))
            continue;
        if (n == cap) {
            size_t c = cap ? cap * 2 : 1024;
            double *p = brink_realloc(ctx, v3, c * 3 * sizeof *p);
            if (!p) {
                st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
                goto done;
            }
            v3 = p;
            cap = c;
        }
        memcpy(v3 + 3 * n++, v, sizeof v);
    }
    if (rc != SQLITE_DONE) {
        st = rp_error(ctx, BRINK_EDB, path, 0, "cannot read table %s: %s", table, sqlite3_errmsg(db));
        goto done;
    }
    if (n == 0)
        goto done;
    json_t *rows = json_array(), *bins = json_array();
    json_array_append_new(list,
                        json_pack("{s:s,s:s,s:[s,s?],s:I,s:o,s:o}", "output", oname, "table",
                                  table, "factors", f[0], f[1], "n", (json_int_t)n, "rows", rows,
                                  "bins", bins));
    size_t step = (n + RP_MAX_DOTS - 1) / RP_MAX_DOTS;
    for (size_t i = 0; i < n; i += step)
        json_array_append_new(rows, json_pack("[f,f,f]", v3[3 * i], v3[3 * i + 1], v3[3 * i + 2]));
    for (int k = 0; k < (f[1] ? 2 : 1); k++) {
        double lo = INFINITY, hi = -INFINITY, sum[RP_NBINS] = {0}, cnt[RP_NBINS] = {0};
        for (size_t i = 0; i < n; i++) {
            lo = fmin(lo, v3[3 * i + k]);
            hi = fmax(hi, v3[3 * i + k]);
        }
        for (size_t i = 0; i < n; i++) {
            int b = hi > lo ? (int)((v3[3 * i + k] - lo) / (hi - lo) * RP_NBINS) : 0;
            b = b < 0 ? 0 : b >= RP_NBINS ? RP_NBINS - 1 : b;
            sum[b] += v3[3 * i + 2];
            cnt[b] += 1;
        }
        json_t *bx = json_array(), *bm = json_array(), *bn = json_array();
        for (int b = 0; b < RP_NBINS; b++)
            if (cnt[b] > 0) {
                json_array_append_new(bx, json_real(lo + (b + 0.5) * (hi - lo) / RP_NBINS));
                json_array_append_new(bm, json_real(sum[b] / cnt[b]));
                json_array_append_new(bn, json_integer((json_int_t)cnt[b]));
            }
        json_array_append_new(bins, json_pack("{s:o,s:o,s:o}", "x", bx, "mean", bm, "n", bn));
    }
done:
    brink_free(ctx, v3);
    sqlite3_finalize(s);
    return st;
}

brink_status_t rp_read_sweep_db(brink_ctx_t *ctx, const char *path, json_t *payload)
{
    sqlite3 *db = NULL;
    brink_status_t st = BRINK_OK;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        st = rp_error(ctx, BRINK_EDB, path, 0, "cannot open the result store: %s",
                      db ? sqlite3_errmsg(db) : "out of memory");
        goto cleanup;
    }
    if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
        st = rp_error(ctx, BRINK_EPARSE, path, 0, "expected an SQLite result store: %s",
                      sqlite3_errmsg(db));
        goto cleanup;
    }
    {
        /* damaged pages or records: refused before anything is read */
        sqlite3_stmt *q = NULL;
        char what[160] = "";
        if (sqlite3_prepare_v2(db, "PRAGMA quick_check(5)", -1, &q, NULL) != SQLITE_OK ||
            sqlite3_step(q) != SQLITE_ROW)
            snprintf(what, sizeof what, "%s", sqlite3_errmsg(db));
        else if (strcmp((const char *)sqlite3_column_text(q, 0), "ok") != 0)
            snprintf(what, sizeof what, "%s", (const char *)sqlite3_column_text(q, 0));
        sqlite3_finalize(q);
        for (char *c = what; *c; c++)
            if (*c == '\n' || *c == '\r' || *c == '\t')
                *c = ' ';
        if (what[0]) {
            st = rp_error(ctx, BRINK_EDB, path, 0,
                          "the result store is damaged (SQLite's integrity check: %s)", what);
            goto cleanup;
        }
        /* a brink store has a manifest */
        int ok = 0;
        if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = 'manifest' AND "
                                   "type IN ('table', 'view')",
                               -1, &q, NULL) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW)
            ok = 1;
        sqlite3_finalize(q);
        if (!ok) {
            st = rp_error(ctx, BRINK_EPARSE, path, 0,
                          "not a brink result store (it has no manifest)");
            goto cleanup;
        }
        /* each row's checksum (stores of format 2 on): a value changed on
         * a page that is still well formed */
        char ver[16] = "";
        if (sqlite3_prepare_v2(db, "SELECT value FROM manifest WHERE key = 'format_version'", -1,
                               &q, NULL) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
            snprintf(ver, sizeof ver, "%s", (const char *)sqlite3_column_text(q, 0));
        sqlite3_finalize(q);
        if (ver[0] && strcmp(ver, "1") != 0) {
            char why[400];
            int rc = rowcheck_register(db) != SQLITE_OK ? -1 : rowcheck_verify(db, why, sizeof why);
            if (rc != 0) {
                st = rp_error(ctx, BRINK_EDB, path, 0, "the result store is damaged: %s",
                              rc > 0 ? why : sqlite3_errmsg(db));
                goto cleanup;
            }
        }
    }
    json_object_set_new(payload, "sweep", json_object());
    if ((st = manifest(ctx, db, json_object_get(payload, "provenance"))))
        goto cleanup;
    /* the output against its top factors, for every analysed output */
    json_t *list = json_array(), *o;
    size_t i;
    json_object_set_new(payload, "response", list);
    json_array_foreach(json_object_get(json_object_get(payload, "sensitivity"), "outputs"), i, o)
        if ((st = response(ctx, path, db, o, list)))
            break;
cleanup:
    sqlite3_close(db);
    return st;
}

brink_status_t rp_chart_response(brink_report_t *r);
brink_status_t rp_chart_response(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    size_t ri;
    json_t *resp;
    json_array_foreach(json_object_get(r->payload, "response"), ri, resp) {
    json_t *rows = json_object_get(resp, "rows");
    size_t n = json_array_size(rows);
    if (n == 0)
        continue;
    json_t *fac = json_object_get(resp, "factors");
    const char *oname = json_string_value(json_object_get(resp, "output"));
    for (size_t k = 0; k < json_array_size(fac); k++) {
        const char *fname = json_string_value(json_array_get(fac, k));
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        for (size_t i = 0; i < n; i++) {
            json_t *row = json_array_get(rows, i);
            double x = rp_jnum(row, k), y = rp_jnum(row, 2);
            x0 = fmin(x0, x);
            x1 = fmax(x1, x);
            y0 = fmin(y0, y);
            y1 = fmax(y1, y);
        }
        rp_plot_range(&x0, &x1, 0);
        rp_plot_range(&y0, &y1, 0);
        rp_plot_t *p = rp_plot_begin(ctx, 520, 340);
        if (!p)
            return brink_ctx_errcode(ctx);
        char title[300];
        snprintf(title, sizeof title, "%s against %s", oname, fname);
        rp_plot_frame(0.14, 0.96, 0.16, 0.88, x0, x1, y0, y1, fname, oname, title, 0);
        rp_plot_color(0, 0.35);
        for (size_t i = 0; i < n; i++) {
            json_t *row = json_array_get(rows, i);
            rp_plot_dot(rp_jnum(row, k), rp_jnum(row, 2), 1.4);
        }
        /* the binned means of every row */
        json_t *bin = json_array_get(json_object_get(resp, "bins"), k);
        json_t *bxs = json_object_get(bin, "x"), *bms = json_object_get(bin, "mean");
        PLFLT bx[RP_NBINS], by[RP_NBINS];
        int m = 0;
        for (size_t b = 0; b < json_array_size(bxs) && m < RP_NBINS; b++, m++) {
            bx[m] = rp_jnum(bxs, b);
            by[m] = rp_jnum(bms, b);
        }
        rp_plot_color(1, 1.0);
        plwidth(2.5);
        if (m > 1)
            plline(m, bx, by);
        plwidth(1.0);
        char *svg = rp_plot_end(ctx, p);
        if (!svg)
            return brink_ctx_errcode(ctx);
        char name[300];
        snprintf(name, sizeof name, "response-%s-%s", oname, fname);
        brink_status_t st = rp_add_figure(r, name, "response", title, svg);
        if (st)
            return st;
    }
    }
    return BRINK_OK;
}

void rp_html_sensitivity(FILE *fp, const brink_report_t *r);
void rp_html_sensitivity(FILE *fp, const brink_report_t *r)
{
    json_t *sec = json_object_get(r->payload, "sensitivity");
    if (!sec && !json_array_size(json_object_get(r->payload, "response")))
        return;
    int has_sobol = 0, has_morris = 0;
    size_t oi, i;
    json_t *out, *f;
    json_array_foreach(json_object_get(sec, "outputs"), oi, out) {
        const char *m = json_string_value(json_object_get(out, "method"));
        has_sobol |= m && !strcmp(m, "sobol");
        has_morris |= m && !strcmp(m, "morris");
    }
    fputs("<section id=\"sensitivity\"><h2>Sensitivity analysis</h2>\n", fp);
    if (has_sobol)
        fputs("<p class=\"note\">Sobol indices: S1 is the share of the output's variance due to "
              "the factor alone, ST the share including its interactions; bars show the "
              "estimate, whiskers its bootstrap interval.</p>\n",
              fp);
    if (has_morris)
        fputs("<p class=\"note\">Morris screening: mu* is the mean absolute elementary effect "
              "(the factor's overall influence), sigma the spread of its effects (non-linearity "
              "and interactions).</p>\n",
              fp);
    for (int pass = 0; pass < 2; pass++) {
        const char *want = pass ? "response" : "sensitivity";
        if (pass && json_array_size(json_object_get(r->payload, "response")))
            fputs("<h3>The output as a function of the most influential factors</h3>\n<p "
                  "class=\"note\">Each dot is one design point or run of the sweep; the line "
                  "is the mean in ten bins of the factor.</p>\n",
                  fp);
        rp_html_figures(fp, r, want, 1);
    }
    json_array_foreach(json_object_get(sec, "outputs"), oi, out) {
        const char *m = json_string_value(json_object_get(out, "method"));
        int sobol = m && !strcmp(m, "sobol");
        fputs("<details><summary>Table: ", fp);
        rp_html_escape(fp, json_string_value(json_object_get(out, "name")));
        fputs("</summary><table><tr><th>factor</th>", fp);
        const char *const *keys = sobol ? sobol_keys : morris_keys;
        int nk = sobol ? 2 : 3;
        for (int k = 0; k < nk; k++)
            fprintf(fp, "<th>%s</th><th>interval</th>", keys[k]);
        fputs("</tr>\n", fp);
        json_array_foreach(json_object_get(out, "factors"), i, f) {
            fputs("<tr><td>", fp);
            rp_html_escape(fp, json_string_value(json_object_get(f, "name")));
            fputs("</td>", fp);
            for (int k = 0; k < nk; k++) {
                char lo[64], hi[64];
                snprintf(lo, sizeof lo, "%s_lo", keys[k]);
                snprintf(hi, sizeof hi, "%s_hi", keys[k]);
                json_t *v = json_object_get(f, keys[k]);
                if (v)
                    fprintf(fp, "<td>%.3f</td>", json_number_value(v));
                else
                    fputs("<td>&ndash;</td>", fp);
                if (json_object_get(f, lo))
                    fprintf(fp, "<td>[%.3f, %.3f]</td>", json_number_value(json_object_get(f, lo)),
                            json_number_value(json_object_get(f, hi)));
                else
                    fputs("<td>&ndash;</td>", fp);
            }
            fputs("</tr>\n", fp);
        }
        fputs("</table></details>\n", fp);
    }
    fputs("</section>\n", fp);
}
