/* rowcheck.c - per-row checksums of the result store (rowcheck.h). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "store/rowcheck.h"

static uint64_t fnv(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t fnv_u64(uint64_t h, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i)); /* the same on every byte order */
    return fnv(h, b, 8);
}

static void crc_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    uint64_t h = 14695981039346656037ULL;
    for (int i = 0; i < argc; i++) {
        int t = sqlite3_value_type(argv[i]);
        unsigned char tag = (unsigned char)(t == SQLITE_NULL ? 0
                                            : t == SQLITE_INTEGER || t == SQLITE_FLOAT ? 1
                                            : t == SQLITE_TEXT ? 2 : 3);
        h = fnv(h, &tag, 1);
        if (tag == 1) {
            double d = sqlite3_value_double(argv[i]);
            if (d == 0)
                d = 0; /* -0 reads back as 0 */
            uint64_t u;
            memcpy(&u, &d, sizeof u);
            h = fnv_u64(h, u);
        } else if (tag >= 2) {
            const unsigned char *p = tag == 2 ? sqlite3_value_text(argv[i])
                                              : (const unsigned char *)sqlite3_value_blob(argv[i]);
            size_t n = (size_t)sqlite3_value_bytes(argv[i]);
            h = fnv_u64(h, (uint64_t)n);
            if (p)
                h = fnv(h, p, n);
        }
    }
    sqlite3_int64 r;
    memcpy(&r, &h, sizeof r);
    sqlite3_result_int64(cx, r);
}

int rowcheck_register(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "brink_crc", -1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      NULL, crc_fn, NULL, NULL, NULL);
}

/* table, its key columns (named in the message), its other columns */
static const struct {
    const char *table, *keys, *rest;
} tables[] = {
    {"design", "point, factor", "u, value"},
    {"run", "point, rep", "status, error, wall_ms"},
    {"scalar", "point, rep, output", "value"},
    {"point_summary", "point, output", "n, failed, mean, sd, min, max"},
    {"series_value", "point, rep, series, step", "value"},
    {"series_band", "point, series, step, stat", "value"},
};

int rowcheck_verify(sqlite3 *db, char *why, size_t size)
{
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT %s FROM %s WHERE crc IS NOT brink_crc('%s', %s, %s) LIMIT 1",
                 tables[t].keys, tables[t].table, tables[t].table, tables[t].keys,
                 tables[t].rest);
        sqlite3_stmt *q = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
            snprintf(why, size, "%s", sqlite3_errmsg(db));
            return -1;
        }
        int rc = sqlite3_step(q);
        if (rc == SQLITE_ROW) {
            /* "point 3, rep 1, output 0" from the key columns */
            char key[200] = "", names[128];
            snprintf(names, sizeof names, "%s", tables[t].keys);
            char *save = NULL, *nm = strtok_r(names, ", ", &save);
            for (int c = 0; nm && c < sqlite3_column_count(q); c++) {
                size_t l = strlen(key);
                const unsigned char *v = sqlite3_column_text(q, c);
                snprintf(key + l, sizeof key - l, "%s%s %s", c ? ", " : "", nm,
                         v ? (const char *)v : "NULL");
                nm = strtok_r(NULL, ", ", &save);
            }
            snprintf(why, size, "a row of table %s (%s) differs from what was written",
                     tables[t].table, key);
            sqlite3_finalize(q);
            return 1;
        }
        if (rc != SQLITE_DONE) {
            snprintf(why, size, "%s", sqlite3_errmsg(db));
            sqlite3_finalize(q);
            return -1;
        }
        sqlite3_finalize(q);
    }
    return 0;
}
