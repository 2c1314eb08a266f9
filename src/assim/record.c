/* record.c - record files, the observed history of a case (brink/record.h,
 * docs/record-format.md): the strict YAML loader and the month and year
 * queries. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/core.h"
#include "brink/record.h"

#include "scenario/doc.h"
#include "scenario/schema.h"

#define MAX_FILE_BYTES ((size_t)64 << 20)

typedef struct r_series {
    char *actor, *kind, *source;
    int from, by;
} r_series_t;

typedef struct r_event {
    int date;
    char *actor, *kind, *source, *note;
    int count;
} r_event_t;

typedef struct r_total {
    int year;
    char *actor, *kind, *source, *note;
    int count;
} r_total_t;

typedef struct r_file {
    int format, through;
    char *name;
    r_series_t *series;
    size_t nseries;
    r_event_t *events;
    size_t nevents;
    r_total_t *totals;
    size_t ntotals;
} r_file_t;

static const char *const by_names[] = {"month", "year", NULL};

static const schema_field_t series_fields[] = {
    {"actor", SK_STR, offsetof(r_series_t, actor), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "the actor (an identifier: letters, digits, '_', '-', '.')"},
    {"kind", SK_STR, offsetof(r_series_t, kind), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "the kind of event (an identifier)"},
    {"from", SK_MONTH, offsetof(r_series_t, from), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0,
     "YYYY-MM", "first month the series is complete (a January for by: year)"},
    {"by", SK_ENUM, offsetof(r_series_t, by), 0, 0, 0, 0, by_names, NULL, 0, NULL,
     "month: dated events; year: annual totals only"},
    {"source", SK_STR, offsetof(r_series_t, source), 0, 0, 0, 0, NULL, NULL, 0, NULL,
     "where the counts come from"},
};
static const schema_obj_t series_obj = {"series", sizeof(r_series_t), series_fields, 5};

static const schema_field_t event_fields[] = {
    {"date", SK_MONTH, offsetof(r_event_t, date), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0,
     "YYYY-MM or YYYY-MM-DD", "when (counted in its month)"},
    {"actor", SK_STR, offsetof(r_event_t, actor), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "the series' actor"},
    {"kind", SK_STR, offsetof(r_event_t, kind), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "the series' kind"},
    {"count", SK_INT, offsetof(r_event_t, count), 0, 1, 1000000, 1, NULL, NULL, 0, NULL,
     "how many events of the kind on that date"},
    {"source", SK_STR, offsetof(r_event_t, source), 0, 0, 0, 0, NULL, NULL, 0, NULL,
     "where the entry comes from"},
    {"note", SK_STR, offsetof(r_event_t, note), 0, 0, 0, 0, NULL, NULL, 0, NULL, "a remark"},
};
static const schema_obj_t event_obj = {"event", sizeof(r_event_t), event_fields, 6};

static const schema_field_t total_fields[] = {
    {"year", SK_INT, offsetof(r_total_t, year), SF_REQUIRED, 1800, 2200, 0, NULL, NULL, 0, NULL,
     "the calendar year"},
    {"actor", SK_STR, offsetof(r_total_t, actor), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "the series' actor"},
    {"kind", SK_STR, offsetof(r_total_t, kind), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "the series' kind"},
    {"count", SK_INT, offsetof(r_total_t, count), SF_REQUIRED, 0, 1000000, 0, NULL, NULL, 0,
     NULL, "the year's total"},
    {"source", SK_STR, offsetof(r_total_t, source), 0, 0, 0, 0, NULL, NULL, 0, NULL,
     "where the entry comes from"},
    {"note", SK_STR, offsetof(r_total_t, note), 0, 0, 0, 0, NULL, NULL, 0, NULL, "a remark"},
};
static const schema_obj_t total_obj = {"total", sizeof(r_total_t), total_fields, 6};

static const schema_field_t file_fields[] = {
    {"format", SK_INT, offsetof(r_file_t, format), SF_REQUIRED, 1, 1, 1, NULL, NULL, 0, NULL,
     "record format version (1)"},
    {"case", SK_STR, offsetof(r_file_t, name), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0, NULL,
     "the case's name"},
    {"through", SK_MONTH, offsetof(r_file_t, through), SF_REQUIRED, 0, 0, 0, NULL, NULL, 0,
     "YYYY-MM", "last month the record covers"},
    {"series", SK_LIST, offsetof(r_file_t, series), SF_REQUIRED, 0, 0, 0, NULL, &series_obj,
     offsetof(r_file_t, nseries), NULL, "the observed series"},
    {"events", SK_LIST, offsetof(r_file_t, events), 0, 0, 0, 0, NULL, &event_obj,
     offsetof(r_file_t, nevents), NULL, "dated events of monthly series"},
    {"totals", SK_LIST, offsetof(r_file_t, totals), 0, 0, 0, 0, NULL, &total_obj,
     offsetof(r_file_t, ntotals), NULL, "annual totals of annual series"},
};
static const schema_obj_t file_obj = {"record", sizeof(r_file_t), file_fields, 6};

typedef struct rseries {
    char *actor, *kind;
    int from, annual, line, column;
    long *count; /* monthly: [through - from + 1]; annual: [years], -1 = no total */
    size_t n;
} rseries_t;

struct brink_record {
    brink_ctx_t *ctx;
    char hash[65];
    char *name, *file;
    int through, first;
    size_t nseries;
    rseries_t *s;
};

const char *brink_record_shipped(void) { return BRINK_DATA_DIR "/records/dprk.yaml"; }

void brink_record_free(brink_record_t *r)
{
    if (!r)
        return;
    brink_ctx_t *ctx = r->ctx;
    for (size_t i = 0; r->s && i < r->nseries; i++) {
        brink_free(ctx, r->s[i].actor);
        brink_free(ctx, r->s[i].kind);
        brink_free(ctx, r->s[i].count);
    }
    brink_free(ctx, r->s);
    brink_free(ctx, r->name);
    brink_free(ctx, r->file);
    brink_free(ctx, r);
}

const char *brink_record_file(const brink_record_t *r) { return r->file; }
const char *brink_record_hash(const brink_record_t *r) { return r->hash; }
const char *brink_record_case(const brink_record_t *r) { return r->name; }
int brink_record_through(const brink_record_t *r) { return r->through; }
int brink_record_first(const brink_record_t *r) { return r->first; }
size_t brink_record_nseries(const brink_record_t *r) { return r->nseries; }
const char *brink_record_actor(const brink_record_t *r, size_t s) { return r->s[s].actor; }
const char *brink_record_kind(const brink_record_t *r, size_t s) { return r->s[s].kind; }
int brink_record_from(const brink_record_t *r, size_t s) { return r->s[s].from; }
int brink_record_annual(const brink_record_t *r, size_t s) { return r->s[s].annual; }

void brink_record_locate(const brink_record_t *r, size_t s, int *line, int *column)
{
    *line = r->s[s].line;
    *column = r->s[s].column;
}

long brink_record_find(const brink_record_t *r, const char *actor, const char *kind)
{
    for (size_t i = 0; i < r->nseries; i++)
        if (strcmp(r->s[i].actor, actor) == 0 && strcmp(r->s[i].kind, kind) == 0)
            return (long)i;
    return -1;
}

long brink_record_month(const brink_record_t *r, size_t s, int m)
{
    const rseries_t *x = &r->s[s];
    if (x->annual || m < x->from || m > r->through)
        return -1;
    return x->count[m - x->from];
}

long brink_record_year(const brink_record_t *r, size_t s, int y)
{
    const rseries_t *x = &r->s[s];
    if (x->annual) {
        long k = (long)y - x->from / 12;
        if (k < 0 || (size_t)k >= x->n)
            return -1;
        return x->count[k];
    }
    long sum = 0;
    for (int m = y * 12; m < y * 12 + 12; m++) {
        long c = brink_record_month(r, s, m);
        if (c < 0)
            return -1;
        sum += c;
    }
    return sum;
}

/* ---- loading ---------------------------------------------------------------- */

typedef struct loader {
    brink_ctx_t *ctx;
    const doc_t *doc;
    brink_diags_t *diags;
    int problems;
    brink_status_t fatal;
} loader_t;

static void problem(loader_t *l, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(loader_t *l, const char *path, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const doc_node_t *n = doc_lookup(l->doc->root, path);
    l->problems++;
    if (brink_diags_add(l->ctx, l->diags, doc_node_file(l->doc, n), n ? n->line : 0,
                        n ? n->column : 0, path, "%s: %s", path, msg) != BRINK_OK)
        l->fatal = BRINK_ENOMEM;
}

static int is_ident(const char *s)
{
    if (!s || !*s || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-' || *s == '.'))
            return 0;
    return 1;
}

static void check_ident(loader_t *l, const char *value, const char *path)
{
    if (!is_ident(value))
        problem(l, path, "found '%.60s'; expected an identifier of 1 to 64 letters, digits, "
                "'_', '-' or '.'", value ? value : "");
}

/* The series (actor, kind) of an event or total at path, or -1 (reported). */
static long series_of(loader_t *l, const brink_record_t *r, const char *actor, const char *kind,
                      const char *path)
{
    long s = brink_record_find(r, actor, kind);
    if (s < 0) {
        char buf[256] = "";
        size_t len = 0;
        for (size_t i = 0; i < r->nseries && len + 1 < sizeof buf; i++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s/%s", i ? ", " : "",
                                    r->s[i].actor, r->s[i].kind);
        problem(l, path, "found %.60s/%.60s, which no series declares; expected one of: %s",
                actor, kind, buf);
    }
    return s;
}

static brink_status_t build(loader_t *l, const r_file_t *f, brink_record_t *r)
{
    char p[96], m1[8], m2[8];
    r->through = f->through;
    r->name = brink_strdup(l->ctx, f->name);
    r->s = brink_calloc(l->ctx, f->nseries, sizeof *r->s);
    if (!r->name || !r->s)
        return BRINK_ENOMEM;
    r->nseries = f->nseries;
    r->first = f->through;
    schema_format_month(f->through, m2);
    for (size_t i = 0; i < f->nseries; i++) {
        const r_series_t *x = &f->series[i];
        rseries_t *y = &r->s[i];
        y->actor = brink_strdup(l->ctx, x->actor);
        y->kind = brink_strdup(l->ctx, x->kind);
        if (!y->actor || !y->kind)
            return BRINK_ENOMEM;
        snprintf(p, sizeof p, "series[%zu]", i);
        const doc_node_t *n = doc_lookup(l->doc->root, p);
        y->line = n ? n->line : 0;
        y->column = n ? n->column : 0;
        y->from = x->from;
        y->annual = x->by == 1;
        snprintf(p, sizeof p, "series[%zu].actor", i);
        check_ident(l, x->actor, p);
        snprintf(p, sizeof p, "series[%zu].kind", i);
        check_ident(l, x->kind, p);
        for (size_t k = 0; k < i; k++)
            if (strcmp(r->s[k].actor, y->actor) == 0 && strcmp(r->s[k].kind, y->kind) == 0) {
                snprintf(p, sizeof p, "series[%zu]", i);
                problem(l, p, "found a second series %.60s/%.60s (first: series[%zu]); expected "
                        "each actor and kind once", y->actor, y->kind, k);
            }
        snprintf(p, sizeof p, "series[%zu].from", i);
        schema_format_month(x->from, m1);
        if (x->from > f->through) {
            problem(l, p, "found %s, after through (%s); expected a month at most through", m1,
                    m2);
            continue;
        }
        if (y->annual && x->from % 12 != 0) {
            problem(l, p, "found %s; expected a January (YYYY-01) for a series by: year", m1);
            continue;
        }
        if (x->from < r->first)
            r->first = x->from;
        y->n = y->annual ? (size_t)(f->through / 12 - x->from / 12 + 1)
                         : (size_t)(f->through - x->from + 1);
        y->count = brink_malloc(l->ctx, y->n * sizeof *y->count);
        if (!y->count)
            return BRINK_ENOMEM;
        for (size_t k = 0; k < y->n; k++)
            y->count[k] = y->annual ? -1 : 0;
    }
    if (l->problems)
        return BRINK_OK;
    for (size_t i = 0; i < f->nevents && !l->fatal; i++) {
        const r_event_t *e = &f->events[i];
        snprintf(p, sizeof p, "events[%zu]", i);
        long s = series_of(l, r, e->actor, e->kind, p);
        if (s < 0)
            continue;
        rseries_t *y = &r->s[s];
        snprintf(p, sizeof p, "events[%zu].date", i);
        schema_format_month(e->date, m1);
        if (y->annual) {
            snprintf(p, sizeof p, "events[%zu]", i);
            problem(l, p, "series %.60s/%.60s is by: year; expected its annual totals under "
                    "totals, not dated events", y->actor, y->kind);
        } else if (e->date < y->from) {
            char m0[8];
            schema_format_month(y->from, m0);
            problem(l, p, "found %s, before the series' from (%s); expected a month from %s to "
                    "%s", m1, m0, m0, m2);
        } else if (e->date > f->through) {
            problem(l, p, "found %s, after through (%s); expected a month at most through", m1,
                    m2);
        } else {
            y->count[e->date - y->from] += e->count;
        }
    }
    for (size_t i = 0; i < f->ntotals && !l->fatal; i++) {
        const r_total_t *t = &f->totals[i];
        snprintf(p, sizeof p, "totals[%zu]", i);
        long s = series_of(l, r, t->actor, t->kind, p);
        if (s < 0)
            continue;
        rseries_t *y = &r->s[s];
        snprintf(p, sizeof p, "totals[%zu].year", i);
        if (!y->annual) {
            snprintf(p, sizeof p, "totals[%zu]", i);
            problem(l, p, "series %.60s/%.60s is by: month; expected its dated events under "
                    "events, not annual totals", y->actor, y->kind);
        } else if (t->year < y->from / 12 || t->year * 12 + 11 > f->through) {
            problem(l, p, "found %d; expected a year the series covers in full (%d to %d)",
                    t->year, y->from / 12, (f->through + 1) / 12 - 1);
        } else if (y->count[t->year - y->from / 12] >= 0) {
            problem(l, p, "found a second total for %d; expected one total a year", t->year);
        } else {
            y->count[t->year - y->from / 12] = t->count;
        }
    }
    return BRINK_OK;
}

static brink_status_t load_doc(brink_ctx_t *ctx, const doc_t *doc, const char *text, size_t len,
                               brink_record_t **out, brink_diags_t *diags)
{
    r_file_t f;
    memset(&f, 0, sizeof f);
    brink_record_t *r = NULL;
    loader_t l = {ctx, doc, diags, 0, BRINK_OK};
    brink_status_t st = schema_decode(ctx, doc, doc->root, &file_obj, &f, "", NULL, diags);
    if (st != BRINK_OK)
        goto cleanup;
    r = brink_calloc(ctx, 1, sizeof *r);
    if (!r) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    r->ctx = ctx;
    brink_sha256_hex(text, len, r->hash);
    r->file = brink_strdup(ctx, doc->file);
    if (!r->file) {
        st = BRINK_ENOMEM;
        goto cleanup;
    }
    if (f.nseries == 0)
        problem(&l, "series", "found an empty list; expected at least one series");
    st = build(&l, &f, r);
    if (st == BRINK_OK && l.fatal)
        st = l.fatal;
    if (st == BRINK_OK && l.problems)
        st = BRINK_EVALIDATE;
    if (st == BRINK_OK) {
        *out = r;
        r = NULL;
    }
cleanup:
    brink_record_free(r);
    schema_free(ctx, &file_obj, &f);
    return st;
}

brink_status_t brink_record_load_string(brink_ctx_t *ctx, const char *name, const char *text,
                                        size_t len, brink_record_t **out,
                                        brink_diags_t *diags)
{
    *out = NULL;
    doc_t *doc = NULL;
    brink_status_t st = doc_parse_string(ctx, name, text, len, &doc, diags);
    if (st == BRINK_OK)
        st = load_doc(ctx, doc, text, len, out, diags);
    doc_free(doc);
    return st;
}

brink_status_t brink_record_load(brink_ctx_t *ctx, const char *path, brink_record_t **out,
                                 brink_diags_t *diags)
{
    *out = NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    brink_status_t st = BRINK_OK;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        st = brink_ctx_error(ctx, BRINK_EIO, "%s: cannot open the record file", path);
        if (brink_diags_add(ctx, diags, path, 0, 0, "", "cannot open the record file") !=
            BRINK_OK)
            st = BRINK_ENOMEM;
        goto cleanup;
    }
    for (;;) {
        if (len + 4096 + 1 > cap) {
            size_t nc = cap ? cap * 2 : 65536;
            if (nc > MAX_FILE_BYTES + 4096 + 1) {
                st = brink_ctx_error(ctx, BRINK_ELIMIT, "%s: larger than %zu bytes", path,
                                     MAX_FILE_BYTES);
                if (brink_diags_add(ctx, diags, path, 0, 0, "", "the file is larger than %zu "
                                    "bytes", MAX_FILE_BYTES) != BRINK_OK)
                    st = BRINK_ENOMEM;
                goto cleanup;
            }
            char *nb = brink_realloc(ctx, buf, nc);
            if (!nb) {
                st = BRINK_ENOMEM;
                goto cleanup;
            }
            buf = nb;
            cap = nc;
        }
        size_t got = fread(buf + len, 1, 4096, fp);
        len += got;
        if (got < 4096)
            break;
    }
    if (ferror(fp)) {
        st = brink_ctx_error(ctx, BRINK_EIO, "%s: read error", path);
        if (brink_diags_add(ctx, diags, path, 0, 0, "", "cannot read the record file") !=
            BRINK_OK)
            st = BRINK_ENOMEM;
        goto cleanup;
    }
    buf[len] = '\0';
    st = brink_record_load_string(ctx, path, buf, len, out, diags);
cleanup:
    if (fp)
        fclose(fp);
    brink_free(ctx, buf);
    return st;
}
