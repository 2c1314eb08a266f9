/* store.c - the SQLite result store: schema, manifest, design, runs,
 * per-point aggregates (docs/results-format.md). */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "brink/brink.h"
#include "ensemble/exp_internal.h"
#include "store/rowcheck.h"
#include "store/store.h"

struct store {
    brink_ctx_t *ctx;
    sqlite3 *db;
    sqlite3_stmt *ins_run, *ins_scalar, *ins_series, *count_reps, *sel_series, *ins_band,
        *del_series;
    double *vals; /* scratch: one step's values over the replications */
    size_t nvals;
    int lock_fd;  /* the writer's flock on the store file, or -1 */
};

static const char SCHEMA[] =
    "CREATE TABLE manifest(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE factor(idx INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    " path TEXT NOT NULL, dist TEXT NOT NULL);"
    "CREATE TABLE output(idx INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE design(point INTEGER NOT NULL, factor INTEGER NOT NULL, u REAL,"
    " value REAL NOT NULL, crc INTEGER NOT NULL, PRIMARY KEY(point, factor)) WITHOUT ROWID;"
    "CREATE TABLE run(point INTEGER NOT NULL, rep INTEGER NOT NULL,"
    " status TEXT NOT NULL CHECK(status IN ('ok', 'error')), error TEXT, wall_ms REAL,"
    " crc INTEGER NOT NULL, PRIMARY KEY(point, rep)) WITHOUT ROWID;"
    "CREATE TABLE scalar(point INTEGER NOT NULL, rep INTEGER NOT NULL,"
    " output INTEGER NOT NULL, value REAL, crc INTEGER NOT NULL,"
    " PRIMARY KEY(point, rep, output)) WITHOUT ROWID;"
    "CREATE TABLE point_summary(point INTEGER NOT NULL, output INTEGER NOT NULL,"
    " n INTEGER NOT NULL, failed INTEGER NOT NULL, mean REAL, sd REAL, min REAL, max REAL,"
    " crc INTEGER NOT NULL, PRIMARY KEY(point, output)) WITHOUT ROWID;"
    "CREATE TABLE series(idx INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE series_value(point INTEGER NOT NULL, rep INTEGER NOT NULL,"
    " series INTEGER NOT NULL, step INTEGER NOT NULL, value REAL, crc INTEGER NOT NULL,"
    " PRIMARY KEY(point, series, step, rep)) WITHOUT ROWID;"
    "CREATE TABLE series_band(point INTEGER NOT NULL, series INTEGER NOT NULL,"
    " step INTEGER NOT NULL, stat TEXT NOT NULL, value REAL, crc INTEGER NOT NULL,"
    " PRIMARY KEY(point, series, step, stat)) WITHOUT ROWID;";

static brink_status_t dberr(store_t *s, const char *what)
{
    return brink_ctx_error(s->ctx, BRINK_EDB, "result store: %s: %s", what,
                           s->db ? sqlite3_errmsg(s->db) : "cannot open");
}

static brink_status_t exec(store_t *s, const char *sql)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return dberr(s, sql);
    return BRINK_OK;
}

void store_close(store_t *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->ins_run);
    sqlite3_finalize(s->ins_scalar);
    sqlite3_finalize(s->ins_series);
    sqlite3_finalize(s->count_reps);
    sqlite3_finalize(s->sel_series);
    sqlite3_finalize(s->ins_band);
    sqlite3_finalize(s->del_series);
    brink_free(s->ctx, s->vals);
    sqlite3_close(s->db);
    if (s->lock_fd >= 0)
        close(s->lock_fd); /* releases the writer's lock */
    brink_free(s->ctx, s);
}

sqlite3 *store_db(store_t *s) { return s->db; }

static brink_status_t open_db(brink_ctx_t *ctx, const char *dir, int flags, store_t **out)
{
    char path[4096];
    *out = NULL;
    store_t *s = brink_calloc(ctx, 1, sizeof *s);
    if (!s)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    s->ctx = ctx;
    s->lock_fd = -1;
    snprintf(path, sizeof path, "%s/%s", dir, STORE_FILE);
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        brink_status_t st = brink_ctx_error(ctx, (flags & SQLITE_OPEN_CREATE) ? BRINK_EDB : BRINK_EIO,
                                            "cannot open the result store %s: %s", path,
                                            s->db ? sqlite3_errmsg(s->db) : "out of memory");
        store_close(s);
        return st;
    }
    sqlite3_busy_timeout(s->db, 10000);
    if (rowcheck_register(s->db) != SQLITE_OK) {
        brink_status_t st = dberr(s, "registering the row checksum");
        store_close(s);
        return st;
    }
    *out = s;
    return BRINK_OK;
}

brink_status_t store_manifest(store_t *s, const char *key, char *buf, size_t size)
{
    sqlite3_stmt *q = NULL;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM manifest WHERE key = ?", -1, &q, NULL) !=
        SQLITE_OK)
        return dberr(s, "reading the manifest");
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW)
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return BRINK_OK;
}

/* SQLite's quick check of every page and record of the store: a damaged
 * store is an error that names the damage, before anything is read. */
static brink_status_t check_integrity(store_t *s, const char *dir)
{
    sqlite3_stmt *q = NULL;
    brink_status_t st = BRINK_OK;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(5)", -1, &q, NULL);
    if (rc != SQLITE_OK) {
        st = brink_ctx_error(s->ctx, BRINK_EDB, "the result store %s/%s is damaged: %s", dir,
                             STORE_FILE, sqlite3_errmsg(s->db));
        goto cleanup;
    }
    rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        st = brink_ctx_error(s->ctx, BRINK_EDB, "the result store %s/%s is damaged: %s", dir,
                             STORE_FILE, sqlite3_errmsg(s->db));
        goto cleanup;
    }
    const char *r = (const char *)sqlite3_column_text(q, 0);
    if (!r || strcmp(r, "ok") != 0) {
        char what[160];
        snprintf(what, sizeof what, "%s", r ? r : "no answer");
        for (char *c = what; *c; c++)
            if (*c == '\n' || *c == '\r' || *c == '\t')
                *c = ' '; /* one line */
        st = brink_ctx_error(s->ctx, BRINK_EDB,
                             "the result store %s/%s is damaged (SQLite's integrity check: %s)",
                             dir, STORE_FILE, what);
    }
cleanup:
    sqlite3_finalize(q);
    return st;
}

/* Every row's checksum (stores of format 2 on; format 1 had none). */
static brink_status_t check_rows(store_t *s, const char *dir)
{
    char v[32], why[400];
    brink_status_t st = store_manifest(s, "format_version", v, sizeof v);
    if (st != BRINK_OK || strcmp(v, "1") == 0 || !v[0])
        return st;
    int rc = rowcheck_verify(s->db, why, sizeof why);
    if (rc > 0)
        return brink_ctx_error(s->ctx, BRINK_EDB, "the result store %s/%s is damaged: %s", dir,
                               STORE_FILE, why);
    if (rc < 0)
        return brink_ctx_error(s->ctx, BRINK_EDB,
                               "the result store %s/%s is damaged (checking its rows: %s)", dir,
                               STORE_FILE, why);
    return BRINK_OK;
}

brink_status_t store_open_read(brink_ctx_t *ctx, const char *dir, store_t **out)
{
    brink_status_t st = open_db(ctx, dir, SQLITE_OPEN_READONLY, out);
    if (st != BRINK_OK)
        return st;
    char v[32];
    if ((st = check_integrity(*out, dir)) != BRINK_OK) {
        store_close(*out);
        *out = NULL;
        return st;
    }
    if (store_manifest(*out, "format_version", v, sizeof v) != BRINK_OK || !v[0]) {
        store_close(*out);
        *out = NULL;
        return brink_ctx_error(ctx, BRINK_EDB, "%s/%s is not a brink result store", dir,
                               STORE_FILE);
    }
    if ((st = check_rows(*out, dir)) != BRINK_OK) {
        store_close(*out);
        *out = NULL;
        return st;
    }
    return BRINK_OK;
}

static brink_status_t put(store_t *s, sqlite3_stmt *q, const char *key, const char *value)
{
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 2, value, -1, SQLITE_TRANSIENT);
    return sqlite3_step(q) == SQLITE_DONE ? BRINK_OK : dberr(s, "writing the manifest");
}

static void utc_now(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Creates the schema and writes manifest, factors, outputs and design in
 * one transaction. */
static brink_status_t init_store(store_t *s, const brink_experiment_t *exp, int threads,
                                 int ranks)
{
    brink_status_t st;
    sqlite3_stmt *q = NULL;
    char buf[128];
    size_t k = exp->f.nfactors;
    if ((st = exec(s, "BEGIN IMMEDIATE")) != BRINK_OK)
        return st;
    if ((st = exec(s, SCHEMA)) != BRINK_OK)
        goto fail;
    if (sqlite3_prepare_v2(s->db, "INSERT INTO manifest VALUES(?, ?)", -1, &q, NULL) != SQLITE_OK) {
        st = dberr(s, "manifest");
        goto fail;
    }
    snprintf(buf, sizeof buf, "%d", STORE_FORMAT_VERSION);
    st = put(s, q, "format_version", buf);
    if (!st) st = put(s, q, "brink_version", brink_version());
    if (!st) st = put(s, q, "experiment", exp->f.name);
    if (!st) st = put(s, q, "experiment_sha256", exp->hash);
    if (!st) st = put(s, q, "scenario", exp->f.scenario ? exp->f.scenario : "");
    if (!st) st = put(s, q, "scenario_sha256", exp->scenario_hash);
    if (!st) st = put(s, q, "posterior", exp->posterior_dir ? exp->posterior_dir : "");
    if (!st) st = put(s, q, "posterior_sha256",
                      exp->posterior ? brink_posterior_hash(exp->posterior) : "");
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)exp->f.seed);
    if (!st) st = put(s, q, "seed", buf);
    if (!st) st = put(s, q, "rng", "philox4x32-10 key=seed ctr=(block,stream,rep,point)");
    if (!st) st = put(s, q, "model", exp_model_names[exp->f.model]);
    if (!st) st = put(s, q, "design", exp_design_names[exp->f.design.type]);
    snprintf(buf, sizeof buf, "%d", exp->f.design.n);
    if (!st) st = put(s, q, "design_n", buf);
    snprintf(buf, sizeof buf, "%d", exp->f.design.levels);
    if (!st) st = put(s, q, "design_levels", buf);
    snprintf(buf, sizeof buf, "%u", exp->npoints);
    if (!st) st = put(s, q, "points", buf);
    snprintf(buf, sizeof buf, "%d", exp->f.replications);
    if (!st) st = put(s, q, "replications", buf);
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)exp->npoints * (unsigned)exp->f.replications);
    if (!st) st = put(s, q, "runs", buf);
    if (!st) st = put(s, q, "series_keep", exp->nseries ? exp_keep_names[exp->f.series.keep] : "none");
    snprintf(buf, sizeof buf, "%u", exp->max_steps);
    if (!st) st = put(s, q, "series_steps", buf);
    {
        size_t off = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < exp->nquantiles && off < sizeof buf; i++)
            off += (size_t)snprintf(buf + off, sizeof buf - off, "%s%g", i ? "," : "",
                                    exp->quantiles[i]);
    }
    if (!st) st = put(s, q, "series_quantiles", exp->nseries ? buf : "");
    if (!st) st = put(s, q, "status", "running");
    utc_now(buf, sizeof buf);
    if (!st) st = put(s, q, "created", buf);
    snprintf(buf, sizeof buf, "%d", threads);
    if (!st) st = put(s, q, "threads", buf);
    snprintf(buf, sizeof buf, "%d", ranks);
    if (!st) st = put(s, q, "ranks", buf);
    sqlite3_finalize(q);
    q = NULL;
    if (st)
        goto fail;
    if (sqlite3_prepare_v2(s->db, "INSERT INTO factor VALUES(?, ?, ?, ?)", -1, &q, NULL) !=
        SQLITE_OK) {
        st = dberr(s, "factors");
        goto fail;
    }
    for (size_t i = 0; i < k; i++) {
        const exp_factor_t *f = &exp->f.factors[i];
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, (sqlite3_int64)i);
        sqlite3_bind_text(q, 2, f->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, f->path ? f->path : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 4, exp_dist_names[f->dist], -1, SQLITE_STATIC);
        if (sqlite3_step(q) != SQLITE_DONE) {
            st = dberr(s, "factors");
            goto fail;
        }
    }
    sqlite3_finalize(q);
    q = NULL;
    if (sqlite3_prepare_v2(s->db, "INSERT INTO output VALUES(?, ?)", -1, &q, NULL) != SQLITE_OK) {
        st = dberr(s, "outputs");
        goto fail;
    }
    for (size_t i = 0; i < exp->noutputs; i++) {
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, (sqlite3_int64)i);
        sqlite3_bind_text(q, 2, exp->outputs[i], -1, SQLITE_STATIC);
        if (sqlite3_step(q) != SQLITE_DONE) {
            st = dberr(s, "outputs");
            goto fail;
        }
    }
    sqlite3_finalize(q);
    q = NULL;
    if (sqlite3_prepare_v2(s->db, "INSERT INTO series VALUES(?, ?)", -1, &q, NULL) != SQLITE_OK) {
        st = dberr(s, "series");
        goto fail;
    }
    for (size_t i = 0; i < exp->nseries; i++) {
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, (sqlite3_int64)i);
        sqlite3_bind_text(q, 2, exp->series[i], -1, SQLITE_STATIC);
        if (sqlite3_step(q) != SQLITE_DONE) {
            st = dberr(s, "series");
            goto fail;
        }
    }
    sqlite3_finalize(q);
    q = NULL;
    if (sqlite3_prepare_v2(s->db, "INSERT INTO design VALUES(?1, ?2, ?3, ?4, brink_crc('design', ?1, ?2, ?3, ?4))", -1, &q, NULL) !=
        SQLITE_OK) {
        st = dberr(s, "design");
        goto fail;
    }
    double u[BRINK_SOBOL_MAX_DIM], x[BRINK_SOBOL_MAX_DIM];
    for (uint32_t p = 0; p < exp->npoints; p++) {
        brink_experiment_point(exp, p, u, x);
        for (size_t i = 0; i < k; i++) {
            sqlite3_reset(q);
            sqlite3_bind_int64(q, 1, p);
            sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
            if (isnan(u[i]))
                sqlite3_bind_null(q, 3);
            else
                sqlite3_bind_double(q, 3, u[i]);
            sqlite3_bind_double(q, 4, x[i]);
            if (sqlite3_step(q) != SQLITE_DONE) {
                st = dberr(s, "design");
                goto fail;
            }
        }
    }
    sqlite3_finalize(q);
    q = NULL;
    return exec(s, "COMMIT");
fail:
    sqlite3_finalize(q);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

/* Resume only with the posterior that started the sweep (its file's
 * SHA-256; a store from before posteriors has none). */
static brink_status_t check_posterior(store_t *s, const char *dir, const brink_experiment_t *exp)
{
    char had[80], name[1024];
    const char *now = exp->posterior ? brink_posterior_hash(exp->posterior) : "";
    brink_status_t st = store_manifest(s, "posterior_sha256", had, sizeof had);
    if (st == BRINK_OK)
        st = store_manifest(s, "posterior", name, sizeof name);
    if (st != BRINK_OK || strcmp(had, now) == 0)
        return st;
    if (!had[0])
        return brink_ctx_error(s->ctx, BRINK_EDB,
                               "the sweep in %s was started without a posterior; cannot resume "
                               "it with the posterior %s", dir, exp->posterior_dir);
    if (!now[0])
        return brink_ctx_error(s->ctx, BRINK_EDB,
                               "the sweep in %s was started with the posterior %s (sha256 "
                               "%.12s...); cannot resume it without one", dir, name, had);
    return brink_ctx_error(s->ctx, BRINK_EDB,
                           "the sweep in %s was started with another posterior (%s, sha256 "
                           "%.12s...; this one: %s, sha256 %.12s...); cannot resume", dir, name,
                           had, exp->posterior_dir, now);
}

/* The design points in the store against the ones the experiment gives
 * now (from its design file, generator and seed): a resumed sweep must
 * compute the same points. */
static brink_status_t check_design(store_t *s, const char *dir, const brink_experiment_t *exp)
{
    sqlite3_stmt *q = NULL;
    brink_status_t st = BRINK_OK;
    size_t k = exp->f.nfactors, seen = 0;
    double u[BRINK_SOBOL_MAX_DIM], x[BRINK_SOBOL_MAX_DIM];
    uint32_t cur = UINT32_MAX;
    if (sqlite3_prepare_v2(s->db, "SELECT point, factor, value FROM design ORDER BY point, factor",
                           -1, &q, NULL) != SQLITE_OK)
        return dberr(s, "reading the design");
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        sqlite3_int64 p = sqlite3_column_int64(q, 0), f = sqlite3_column_int64(q, 1);
        double v = sqlite3_column_double(q, 2);
        if (p < 0 || (uint64_t)p >= exp->npoints || f < 0 || (size_t)f >= k) {
            st = BRINK_EVALIDATE;
            break;
        }
        if ((uint32_t)p != cur) {
            cur = (uint32_t)p;
            brink_experiment_point(exp, cur, u, x);
        }
        if (memcmp(&v, &x[f], sizeof v) != 0 && !(v == x[f])) {
            st = BRINK_EVALIDATE;
            break;
        }
        seen++;
    }
    if (st == BRINK_OK && rc != SQLITE_DONE)
        st = dberr(s, "reading the design");
    else if (st == BRINK_EVALIDATE || seen != (size_t)exp->npoints * k)
        st = brink_ctx_error(s->ctx, BRINK_EDB,
                             "the design of the sweep in %s differs from the one the experiment "
                             "gives now (a changed design file, factor or seed); cannot resume",
                             dir);
    sqlite3_finalize(q);
    return st;
}

/* One writer per store: a second sweep on the same --out is refused at
 * once instead of waiting on SQLite's locks and failing with its error. */
static brink_status_t lock_writer(store_t *s, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, STORE_FILE);
    s->lock_fd = open(path, O_RDWR | O_CLOEXEC);
    if (s->lock_fd < 0)
        return brink_ctx_error(s->ctx, BRINK_EIO, "cannot open the result store %s: %s", path,
                               strerror(errno));
    if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0)
        return brink_ctx_error(s->ctx, BRINK_EDB,
                               "the result store %s is in use by another sweep; wait for it to "
                               "finish or choose another --out",
                               path);
    return BRINK_OK;
}

brink_status_t store_open_write(brink_ctx_t *ctx, const char *dir, const brink_experiment_t *exp,
                                int resume, int threads, int ranks, store_t **out)
{
    store_t *s = NULL;
    brink_status_t st = open_db(ctx, dir, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &s);
    if (st != BRINK_OK)
        return st;
    if ((st = lock_writer(s, dir)) != BRINK_OK)
        goto fail;
    if ((st = exec(s, "PRAGMA journal_mode=WAL")) != BRINK_OK ||
        (st = exec(s, "PRAGMA synchronous=FULL")) != BRINK_OK)
        goto fail;
    int has = 0;
    {
        sqlite3_stmt *q = NULL;
        if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master WHERE name='manifest'",
                               -1, &q, NULL) != SQLITE_OK) {
            st = dberr(s, "reading the schema");
            goto fail;
        }
        if (sqlite3_step(q) == SQLITE_ROW)
            has = sqlite3_column_int(q, 0) > 0;
        sqlite3_finalize(q);
    }
    if (has) {
        char v[80];
        if (!resume) {
            st = brink_ctx_error(ctx, BRINK_EDB,
                                 "%s/%s already holds a sweep; use --resume to finish it or "
                                 "choose another --out", dir, STORE_FILE);
            goto fail;
        }
        if ((st = check_integrity(s, dir)) != BRINK_OK)
            goto fail;
        if ((st = store_manifest(s, "format_version", v, sizeof v)) != BRINK_OK)
            goto fail;
        if (atoi(v) != STORE_FORMAT_VERSION) {
            st = brink_ctx_error(ctx, BRINK_EDB,
                                 "%s/%s has store format %s; this brink resumes format %d only",
                                 dir, STORE_FILE, v[0] ? v : "(none)", STORE_FORMAT_VERSION);
            goto fail;
        }
        if ((st = check_rows(s, dir)) != BRINK_OK)
            goto fail;
        if ((st = store_manifest(s, "experiment_sha256", v, sizeof v)) != BRINK_OK)
            goto fail;
        if (strcmp(v, exp->hash) != 0) {
            st = brink_ctx_error(ctx, BRINK_EDB,
                                 "%s/%s holds a sweep of a different experiment file (sha256 "
                                 "%.12s..., this file %.12s...); cannot resume", dir, STORE_FILE,
                                 v, exp->hash);
            goto fail;
        }
        if ((st = store_manifest(s, "scenario_sha256", v, sizeof v)) != BRINK_OK)
            goto fail;
        if (strcmp(v, exp->scenario_hash) != 0) {
            st = brink_ctx_error(ctx, BRINK_EDB,
                                 "the scenario changed since the sweep in %s started; cannot "
                                 "resume", dir);
            goto fail;
        }
        if ((st = check_posterior(s, dir, exp)) != BRINK_OK)
            goto fail;
        if ((st = check_design(s, dir, exp)) != BRINK_OK)
            goto fail;
    } else if ((st = init_store(s, exp, threads, ranks)) != BRINK_OK) {
        goto fail;
    }
    if (sqlite3_prepare_v2(s->db, "INSERT INTO run VALUES(?1, ?2, ?3, ?4, ?5, "
                                  "brink_crc('run', ?1, ?2, ?3, ?4, ?5))", -1, &s->ins_run,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "INSERT INTO scalar VALUES(?1, ?2, ?3, ?4, "
                                  "brink_crc('scalar', ?1, ?2, ?3, ?4))", -1, &s->ins_scalar,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "INSERT INTO series_value VALUES(?1, ?2, ?3, ?4, ?5, "
                                  "brink_crc('series_value', ?1, ?2, ?3, ?4, ?5))", -1,
                           &s->ins_series, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "SELECT count(*) FROM run WHERE point = ?", -1,
                           &s->count_reps, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "SELECT step, value FROM series_value WHERE point = ? AND "
                                  "series = ? AND value IS NOT NULL ORDER BY step, value, rep",
                           -1, &s->sel_series, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO series_band VALUES(?1, ?2, ?3, ?4, ?5, "
                                  "brink_crc('series_band', ?1, ?2, ?3, ?4, ?5))",
                           -1, &s->ins_band, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "DELETE FROM series_value WHERE point = ?", -1,
                           &s->del_series, NULL) != SQLITE_OK) {
        st = dberr(s, "preparing");
        goto fail;
    }
    *out = s;
    return BRINK_OK;
fail:
    store_close(s);
    *out = NULL;
    return st;
}

brink_status_t store_load_done(store_t *s, uint8_t *done, uint32_t reps, uint64_t *n)
{
    sqlite3_stmt *q = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT point, rep FROM run", -1, &q, NULL) != SQLITE_OK)
        return dberr(s, "reading finished runs");
    while (sqlite3_step(q) == SQLITE_ROW) {
        uint64_t t = (uint64_t)sqlite3_column_int64(q, 0) * reps +
                     (uint64_t)sqlite3_column_int64(q, 1);
        done[t / 8] |= (uint8_t)(1u << (t % 8));
        (*n)++;
    }
    sqlite3_finalize(q);
    return BRINK_OK;
}

static brink_status_t put_band(store_t *s, sqlite3_int64 point, size_t series, sqlite3_int64 step,
                               const char *stat, double v, int has)
{
    sqlite3_reset(s->ins_band);
    sqlite3_bind_int64(s->ins_band, 1, point);
    sqlite3_bind_int64(s->ins_band, 2, (sqlite3_int64)series);
    sqlite3_bind_int64(s->ins_band, 3, step);
    sqlite3_bind_text(s->ins_band, 4, stat, -1, SQLITE_TRANSIENT);
    if (has)
        sqlite3_bind_double(s->ins_band, 5, v);
    else
        sqlite3_bind_null(s->ins_band, 5);
    return sqlite3_step(s->ins_band) == SQLITE_DONE ? BRINK_OK : dberr(s, "writing a band");
}

/* The bands of one step: n, mean and the quantiles (linear interpolation
 * between order statistics, R's type 7) of the sorted values v[0..n-1]. */
static brink_status_t step_bands(store_t *s, const brink_experiment_t *exp, sqlite3_int64 point,
                                 size_t series, sqlite3_int64 step, const double *v, size_t n)
{
    brink_status_t st = put_band(s, point, series, step, "n", (double)n, 1);
    double mean = 0;
    for (size_t i = 0; i < n; i++)
        mean += (v[i] - mean) / (double)(i + 1);
    if (st == BRINK_OK)
        st = put_band(s, point, series, step, "mean", mean, n > 0);
    for (size_t q = 0; st == BRINK_OK && q < exp->nquantiles; q++) {
        char name[32];
        snprintf(name, sizeof name, "q%g", exp->quantiles[q]);
        double h = exp->quantiles[q] * (double)(n - 1), val = 0;
        if (n) {
            size_t lo = (size_t)floor(h);
            val = lo + 1 < n ? v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]) : v[n - 1];
        }
        st = put_band(s, point, series, step, name, val, n > 0);
    }
    return st;
}

/* Computes the bands of a point whose replications are all in. */
static brink_status_t point_bands(store_t *s, const brink_experiment_t *exp, sqlite3_int64 point)
{
    brink_status_t st = BRINK_OK;
    size_t reps = (size_t)exp->f.replications;
    if (s->nvals < reps) {
        double *nv = brink_realloc(s->ctx, s->vals, reps * sizeof *nv);
        if (!nv)
            return brink_ctx_error(s->ctx, BRINK_ENOMEM, "out of memory for the series bands");
        s->vals = nv;
        s->nvals = reps;
    }
    for (size_t j = 0; j < exp->nseries && st == BRINK_OK; j++) {
        sqlite3_reset(s->sel_series);
        sqlite3_bind_int64(s->sel_series, 1, point);
        sqlite3_bind_int64(s->sel_series, 2, (sqlite3_int64)j);
        sqlite3_int64 step = -1;
        size_t n = 0;
        int rc;
        while (st == BRINK_OK && (rc = sqlite3_step(s->sel_series)) == SQLITE_ROW) {
            sqlite3_int64 t = sqlite3_column_int64(s->sel_series, 0);
            if (t != step) {
                if (step >= 0)
                    st = step_bands(s, exp, point, j, step, s->vals, n);
                step = t;
                n = 0;
            }
            if (n < reps)
                s->vals[n++] = sqlite3_column_double(s->sel_series, 1);
        }
        if (st == BRINK_OK && step >= 0)
            st = step_bands(s, exp, point, j, step, s->vals, n);
    }
    sqlite3_reset(s->sel_series);
    if (st == BRINK_OK && exp->f.series.keep == KEEP_BANDS) {
        sqlite3_reset(s->del_series);
        sqlite3_bind_int64(s->del_series, 1, point);
        if (sqlite3_step(s->del_series) != SQLITE_DONE)
            st = dberr(s, "dropping per-run series");
    }
    return st;
}

brink_status_t store_write_runs(store_t *s, const store_run_t *runs, size_t n,
                                const brink_experiment_t *exp)
{
    size_t noutputs = exp->noutputs;
    brink_status_t st;
    if ((st = exec(s, "BEGIN IMMEDIATE")) != BRINK_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        const store_run_t *r = &runs[i];
        sqlite3_reset(s->ins_run);
        sqlite3_bind_int64(s->ins_run, 1, r->point);
        sqlite3_bind_int64(s->ins_run, 2, r->rep);
        sqlite3_bind_text(s->ins_run, 3, r->failed ? "error" : "ok", -1, SQLITE_STATIC);
        if (r->failed)
            sqlite3_bind_text(s->ins_run, 4, r->msg, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(s->ins_run, 4);
        sqlite3_bind_double(s->ins_run, 5, r->wall_ms);
        if (sqlite3_step(s->ins_run) != SQLITE_DONE) {
            st = dberr(s, "writing a run");
            goto fail;
        }
        for (size_t j = 0; !r->failed && j < noutputs; j++) {
            sqlite3_reset(s->ins_scalar);
            sqlite3_bind_int64(s->ins_scalar, 1, r->point);
            sqlite3_bind_int64(s->ins_scalar, 2, r->rep);
            sqlite3_bind_int64(s->ins_scalar, 3, (sqlite3_int64)j);
            if (isfinite(r->scalars[j]))
                sqlite3_bind_double(s->ins_scalar, 4, r->scalars[j]);
            else
                sqlite3_bind_null(s->ins_scalar, 4);
            if (sqlite3_step(s->ins_scalar) != SQLITE_DONE) {
                st = dberr(s, "writing a scalar");
                goto fail;
            }
        }
        for (size_t j = 0; !r->failed && r->series && j < exp->nseries; j++)
            for (uint32_t t = 0; t < r->nsteps; t++) {
                double v = r->series[j * exp->max_steps + t];
                sqlite3_reset(s->ins_series);
                sqlite3_bind_int64(s->ins_series, 1, r->point);
                sqlite3_bind_int64(s->ins_series, 2, r->rep);
                sqlite3_bind_int64(s->ins_series, 3, (sqlite3_int64)j);
                sqlite3_bind_int64(s->ins_series, 4, t);
                if (isfinite(v))
                    sqlite3_bind_double(s->ins_series, 5, v);
                else
                    sqlite3_bind_null(s->ins_series, 5);
                if (sqlite3_step(s->ins_series) != SQLITE_DONE) {
                    st = dberr(s, "writing a series value");
                    goto fail;
                }
            }
    }
    /* bands of the points completed by this batch (each point once: its
     * runs in a batch are consecutive, and a point completes only once) */
    for (size_t i = 0; exp->nseries && i < n; i++) {
        if (i > 0 && runs[i].point == runs[i - 1].point)
            continue;
        int dup = 0;
        for (size_t k = 0; k < i && !dup; k++)
            dup = runs[k].point == runs[i].point;
        if (dup)
            continue;
        sqlite3_reset(s->count_reps);
        sqlite3_bind_int64(s->count_reps, 1, runs[i].point);
        if (sqlite3_step(s->count_reps) != SQLITE_ROW) {
            st = dberr(s, "counting replications");
            goto fail;
        }
        sqlite3_int64 have = sqlite3_column_int64(s->count_reps, 0);
        sqlite3_reset(s->count_reps);
        if (have == exp->f.replications && (st = point_bands(s, exp, runs[i].point)) != BRINK_OK)
            goto fail;
    }
    return exec(s, "COMMIT");
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

typedef struct acc {
    uint64_t n;
    double mean, m2, min, max;
} acc_t;

static brink_status_t flush_point(store_t *s, sqlite3_stmt *ins, sqlite3_stmt *failed_q,
                                  sqlite3_int64 point, const acc_t *a, size_t noutputs)
{
    sqlite3_int64 failed = 0;
    sqlite3_reset(failed_q);
    sqlite3_bind_int64(failed_q, 1, point);
    if (sqlite3_step(failed_q) == SQLITE_ROW)
        failed = sqlite3_column_int64(failed_q, 0);
    for (size_t j = 0; j < noutputs; j++) {
        sqlite3_reset(ins);
        sqlite3_bind_int64(ins, 1, point);
        sqlite3_bind_int64(ins, 2, (sqlite3_int64)j);
        sqlite3_bind_int64(ins, 3, (sqlite3_int64)a[j].n);
        sqlite3_bind_int64(ins, 4, failed);
        if (a[j].n) {
            sqlite3_bind_double(ins, 5, a[j].mean);
            if (a[j].n > 1)
                sqlite3_bind_double(ins, 6, sqrt(a[j].m2 / (double)(a[j].n - 1)));
            else
                sqlite3_bind_null(ins, 6);
            sqlite3_bind_double(ins, 7, a[j].min);
            sqlite3_bind_double(ins, 8, a[j].max);
        } else {
            for (int c = 5; c <= 8; c++)
                sqlite3_bind_null(ins, c);
        }
        if (sqlite3_step(ins) != SQLITE_DONE)
            return dberr(s, "writing the point summaries");
    }
    return BRINK_OK;
}

brink_status_t store_finish(store_t *s, const brink_experiment_t *exp)
{
    size_t noutputs = exp->noutputs;
    brink_status_t st;
    sqlite3_stmt *sel = NULL, *ins = NULL, *fq = NULL, *pts = NULL;
    acc_t *a = brink_calloc(s->ctx, noutputs ? noutputs : 1, sizeof *a);
    if (!a)
        return brink_ctx_error(s->ctx, BRINK_ENOMEM, "out of memory");
    if ((st = exec(s, "BEGIN IMMEDIATE; DELETE FROM point_summary")) != BRINK_OK)
        goto done;
    /* every point with runs, in order; scalars in (point, rep, output) order */
    if (sqlite3_prepare_v2(s->db, "SELECT DISTINCT point FROM run ORDER BY point", -1, &pts,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db,
                           "SELECT output, value FROM scalar WHERE point = ? AND value IS NOT "
                           "NULL ORDER BY rep, output", -1, &sel, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "INSERT INTO point_summary VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                  "brink_crc('point_summary', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))",
                           -1, &ins, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db,
                           "SELECT count(*) FROM run WHERE point = ? AND status = 'error'", -1,
                           &fq, NULL) != SQLITE_OK) {
        st = dberr(s, "summaries");
        goto fail;
    }
    while (sqlite3_step(pts) == SQLITE_ROW) {
        sqlite3_int64 p = sqlite3_column_int64(pts, 0);
        memset(a, 0, (noutputs ? noutputs : 1) * sizeof *a);
        sqlite3_reset(sel);
        sqlite3_bind_int64(sel, 1, p);
        while (sqlite3_step(sel) == SQLITE_ROW) {
            size_t j = (size_t)sqlite3_column_int64(sel, 0);
            double v = sqlite3_column_double(sel, 1);
            if (j >= noutputs)
                continue;
            acc_t *c = &a[j];
            c->n++;
            double d = v - c->mean;
            c->mean += d / (double)c->n;
            c->m2 += d * (v - c->mean);
            if (c->n == 1 || v < c->min)
                c->min = v;
            if (c->n == 1 || v > c->max)
                c->max = v;
        }
        if ((st = flush_point(s, ins, fq, p, a, noutputs)) != BRINK_OK)
            goto fail;
    }
    {
        char buf[64];
        sqlite3_stmt *q = NULL;
        utc_now(buf, sizeof buf);
        if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO manifest VALUES(?, ?)", -1, &q,
                               NULL) != SQLITE_OK) {
            st = dberr(s, "manifest");
            goto fail;
        }
        st = put(s, q, "status", "complete");
        if (!st)
            st = put(s, q, "completed", buf);
        sqlite3_finalize(q);
        if (st)
            goto fail;
    }
    sqlite3_finalize(pts);
    sqlite3_finalize(sel);
    sqlite3_finalize(ins);
    sqlite3_finalize(fq);
    pts = sel = ins = fq = NULL;
    st = exec(s, "COMMIT");
    goto done;
fail:
    sqlite3_finalize(pts);
    sqlite3_finalize(sel);
    sqlite3_finalize(ins);
    sqlite3_finalize(fq);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
done:
    brink_free(s->ctx, a);
    return st;
}
