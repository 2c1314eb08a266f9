/* analyze.c - analyses of a finished sweep read from its store: per-point
 * summaries, Sobol indices, Morris statistics; a table for people and a
 * JSON document for programs.  Replicates are averaged per design point
 * (the point_summary mean) before sobol and morris. */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "store/read.h"

static json_t *jnum(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

/* Reads the per-point mean of output o into y[points]; fails when a point
 * has no successful run. */
static brink_status_t point_means(brink_ctx_t *ctx, sqlite3 *db, size_t o, uint32_t points,
                                  double *y)
{
    sqlite3_stmt *q = NULL;
    uint32_t seen = 0;
    if (sqlite3_prepare_v2(db, "SELECT point, n, mean FROM point_summary WHERE output = ? "
                               "ORDER BY point", -1, &q, NULL) != SQLITE_OK)
        return brink_ctx_error(ctx, BRINK_EDB, "result store: %s", sqlite3_errmsg(db));
    sqlite3_bind_int64(q, 1, (sqlite3_int64)o);
    brink_status_t st = BRINK_OK;
    while (sqlite3_step(q) == SQLITE_ROW) {
        uint32_t p = (uint32_t)sqlite3_column_int64(q, 0);
        if (p != seen || sqlite3_column_int64(q, 1) == 0) {
            st = brink_ctx_error(ctx, BRINK_EINVAL,
                                 "design point %u has no successful run; the analysis needs "
                                 "every point", p != seen ? seen : p);
            break;
        }
        y[p] = sqlite3_column_double(q, 2);
        seen++;
    }
    sqlite3_finalize(q);
    if (st == BRINK_OK && seen != points)
        st = brink_ctx_error(ctx, BRINK_EINVAL,
                             "the store has %u of %u design points; finish the sweep "
                             "(brink sweep --resume) first", seen, points);
    return st;
}

static brink_status_t do_sobol(brink_ctx_t *ctx, sqlite3 *db, const store_info_t *in,
                               size_t o, uint32_t bootstrap, FILE *tf, json_t *doc)
{
    size_t k = in->nfactors;
    brink_sobol_indices_t r;
    double *y = brink_calloc(ctx, in->points ? in->points : 1, sizeof *y);
    if (!y)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    brink_status_t st = point_means(ctx, db, o, in->points, y);
    if (st == BRINK_OK)
        st = brink_sobol_analyze(ctx, y, in->points / (k + 2), k, bootstrap, in->seed, &r);
    brink_free(ctx, y);
    if (st != BRINK_OK)
        return st;
    if (tf) {
        fprintf(tf, "Sobol indices of %s (N = %u, %u points, 95%% bootstrap intervals, B = %u)\n",
                in->outputs[o], in->base_n, in->points, bootstrap);
        fprintf(tf, "%-24s %9s %21s %9s %21s\n", "factor", "S1", "S1 interval", "ST",
                "ST interval");
        for (size_t i = 0; i < k; i++)
            fprintf(tf, "%-24s %9.4f [%8.4f, %8.4f] %9.4f [%8.4f, %8.4f]\n", in->factors[i],
                    r.s1[i], r.s1_lo[i], r.s1_hi[i], r.st[i], r.st_lo[i], r.st_hi[i]);
    }
    json_t *arr = json_array();
    for (size_t i = 0; i < k; i++)
        json_array_append_new(
            arr, json_pack("{s:s, s:o, s:[o,o], s:o, s:[o,o]}", "factor", in->factors[i], "S1",
                           jnum(r.s1[i]), "S1_conf", jnum(r.s1_lo[i]), jnum(r.s1_hi[i]), "ST",
                           jnum(r.st[i]), "ST_conf", jnum(r.st_lo[i]), jnum(r.st_hi[i])));
    json_object_set_new(doc, "variance", jnum(r.variance));
    json_object_set_new(doc, "bootstrap", json_integer(bootstrap));
    json_object_set_new(doc, "confidence", json_real(0.95));
    json_object_set_new(doc, "estimators",
                        json_string("first order: Saltelli et al. 2010; total: Jansen 1999"));
    json_object_set_new(doc, "indices", arr);
    brink_sobol_indices_free(ctx, &r);
    return BRINK_OK;
}

static brink_status_t do_morris(brink_ctx_t *ctx, sqlite3 *db, const store_info_t *in,
                                size_t o, FILE *tf, json_t *doc)
{
    size_t k = in->nfactors;
    brink_status_t st;
    double *y = brink_calloc(ctx, in->points ? in->points : 1, sizeof *y);
    double *u = brink_calloc(ctx, (size_t)in->points * k + 1, sizeof *u);
    double *m = brink_calloc(ctx, 3 * k, sizeof *m);
    sqlite3_stmt *q = NULL;
    if (!y || !u || !m) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    if ((st = point_means(ctx, db, o, in->points, y)) != BRINK_OK)
        goto done;
    if (sqlite3_prepare_v2(db, "SELECT point, factor, u FROM design", -1, &q, NULL) !=
        SQLITE_OK) {
        st = brink_ctx_error(ctx, BRINK_EDB, "result store: %s", sqlite3_errmsg(db));
        goto done;
    }
    while (sqlite3_step(q) == SQLITE_ROW) {
        size_t p = (size_t)sqlite3_column_int64(q, 0), f = (size_t)sqlite3_column_int64(q, 1);
        if (p < in->points && f < k)
            u[p * k + f] = sqlite3_column_double(q, 2);
    }
    size_t r = in->points / (k + 1);
    if (brink_morris_analyze(u, y, r, k, m, m + k, m + 2 * k) != BRINK_OK) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "the design is not a set of Morris trajectories");
        goto done;
    }
    if (tf) {
        fprintf(tf, "Morris elementary effects of %s (r = %zu trajectories, dy/du in the unit "
                    "cube)\n", in->outputs[o], r);
        fprintf(tf, "%-24s %12s %12s %12s\n", "factor", "mu", "mu*", "sigma");
        for (size_t i = 0; i < k; i++)
            fprintf(tf, "%-24s %12.5g %12.5g %12.5g\n", in->factors[i], m[i], m[k + i],
                    m[2 * k + i]);
    }
    json_t *arr = json_array();
    for (size_t i = 0; i < k; i++)
        json_array_append_new(arr, json_pack("{s:s, s:o, s:o, s:o}", "factor", in->factors[i],
                                             "mu", jnum(m[i]), "mu_star", jnum(m[k + i]),
                                             "sigma", jnum(m[2 * k + i])));
    json_object_set_new(doc, "trajectories", json_integer((json_int_t)r));
    json_object_set_new(doc, "indices", arr);
done:
    sqlite3_finalize(q);
    brink_free(ctx, y);
    brink_free(ctx, u);
    brink_free(ctx, m);
    return st;
}

static brink_status_t do_summary(brink_ctx_t *ctx, sqlite3 *db, const store_info_t *in,
                                 size_t o, FILE *tf, json_t *doc)
{
    sqlite3_stmt *q = NULL, *d = NULL;
    size_t k = in->nfactors;
    if (sqlite3_prepare_v2(db, "SELECT point, n, failed, mean, sd, min, max FROM point_summary "
                               "WHERE output = ? ORDER BY point", -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT value FROM design WHERE point = ? ORDER BY factor", -1,
                           &d, NULL) != SQLITE_OK) {
        sqlite3_finalize(q);
        return brink_ctx_error(ctx, BRINK_EDB, "result store: %s", sqlite3_errmsg(db));
    }
    sqlite3_bind_int64(q, 1, (sqlite3_int64)o);
    if (tf) {
        fprintf(tf, "Per-point summary of %s\n%8s", in->outputs[o], "point");
        for (size_t i = 0; i < k; i++)
            fprintf(tf, " %12.12s", in->factors[i]);
        fprintf(tf, " %6s %6s %12s %12s %12s %12s\n", "n", "failed", "mean", "sd", "min", "max");
    }
    json_t *arr = json_array();
    while (sqlite3_step(q) == SQLITE_ROW) {
        sqlite3_int64 p = sqlite3_column_int64(q, 0);
        json_t *x = json_object();
        if (tf)
            fprintf(tf, "%8lld", (long long)p);
        sqlite3_reset(d);
        sqlite3_bind_int64(d, 1, p);
        for (size_t i = 0; i < k && sqlite3_step(d) == SQLITE_ROW; i++) {
            double v = sqlite3_column_double(d, 0);
            if (tf)
                fprintf(tf, " %12.6g", v);
            json_object_set_new(x, in->factors[i], jnum(v));
        }
        double v[4];
        for (int c = 0; c < 4; c++)
            v[c] = sqlite3_column_type(q, 3 + c) == SQLITE_NULL ? NAN
                                                                : sqlite3_column_double(q, 3 + c);
        long long n = sqlite3_column_int64(q, 1), f = sqlite3_column_int64(q, 2);
        if (tf)
            fprintf(tf, " %6lld %6lld %12.6g %12.6g %12.6g %12.6g\n", n, f, v[0], v[1], v[2],
                    v[3]);
        json_array_append_new(arr, json_pack("{s:I, s:o, s:I, s:I, s:o, s:o, s:o, s:o}",
                                             "point", (json_int_t)p, "factors", x, "n",
                                             (json_int_t)n, "failed", (json_int_t)f, "mean",
                                             jnum(v[0]), "sd", jnum(v[1]), "min", jnum(v[2]),
                                             "max", jnum(v[3])));
    }
    sqlite3_finalize(q);
    sqlite3_finalize(d);
    json_object_set_new(doc, "points", arr);
    return BRINK_OK;
}

brink_status_t brink_analyze(brink_ctx_t *ctx, const char *dir, const char *method,
                             const char *output, uint32_t bootstrap, FILE *table_fp,
                             FILE *json_fp)
{
    store_t *s = NULL;
    store_info_t in;
    json_t *doc = NULL;
    memset(&in, 0, sizeof in);
    brink_status_t st = store_open_read(ctx, dir, &s);
    if (st != BRINK_OK)
        return st;
    if ((st = store_info_read(ctx, s, &in)) != BRINK_OK)
        goto done;
    if (strcmp(in.status, "complete") != 0) {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "the sweep in %s is not complete; finish it "
                                                "with brink sweep --resume", dir);
        goto done;
    }
    size_t o = 0;
    if (output) {
        for (o = 0; o < in.noutputs; o++)
            if (strcmp(in.outputs[o], output) == 0)
                break;
        if (o == in.noutputs) {
            st = brink_ctx_error(ctx, BRINK_ENOTFOUND, "the store has no output '%s'", output);
            goto done;
        }
    } else if (in.noutputs == 0) {
        st = brink_ctx_error(ctx, BRINK_ENOTFOUND, "the store has no outputs");
        goto done;
    }
    doc = json_pack("{s:s, s:s, s:s, s:I}", "method", method, "output", in.outputs[o],
                    "design", in.design, "points", (json_int_t)in.points);
    if (!doc) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto done;
    }
    if (strcmp(method, "summary") == 0) {
        st = do_summary(ctx, store_db(s), &in, o, table_fp, doc);
    } else if (strcmp(method, "sobol") == 0) {
        if (strcmp(in.design, "sobol") != 0)
            st = brink_ctx_error(ctx, BRINK_EINVAL, "sobol analysis needs a sobol design; this "
                                                    "sweep's design is %s", in.design);
        else
            st = do_sobol(ctx, store_db(s), &in, o, bootstrap, table_fp, doc);
    } else if (strcmp(method, "morris") == 0) {
        if (strcmp(in.design, "morris") != 0)
            st = brink_ctx_error(ctx, BRINK_EINVAL, "morris analysis needs a morris design; "
                                                    "this sweep's design is %s", in.design);
        else
            st = do_morris(ctx, store_db(s), &in, o, table_fp, doc);
    } else {
        st = brink_ctx_error(ctx, BRINK_EINVAL, "unknown method '%s'; expected summary, sobol "
                                                "or morris", method);
    }
    if (st == BRINK_OK && json_fp) {
        if (json_dumpf(doc, json_fp, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) != 0 ||
            fputc('\n', json_fp) == EOF)
            st = brink_ctx_error(ctx, BRINK_EIO, "cannot write the analysis");
    }
done:
    json_decref(doc);
    store_info_free(ctx, &in);
    store_close(s);
    return st;
}
