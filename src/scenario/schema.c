/* schema.c - strict decoding, encoding and path lookup driven by schema tables. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/schema.h"

#define FIELD(p, f) ((char *)(p) + (f)->offset)

/* ---- scalars ------------------------------------------------------------ */

static int parse_number(const doc_node_t *n, double *out)
{
    if (n->type != DOC_SCALAR || n->quoted || n->len == 0)
        return -1;
    for (size_t i = 0; i < n->len; i++) {
        char c = n->text[i];
        if (!(isdigit((unsigned char)c) || c == '-' || c == '+' || c == '.' || c == 'e' ||
              c == 'E'))
            return -1;
    }
    double v = 0;
    if (brink_parse_decimal(n->text, n->len, &v) != 0)
        return -1;
    *out = v;
    return 0;
}

static int is_null(const doc_node_t *n)
{
    return n->type == DOC_SCALAR && !n->quoted &&
           (n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
            strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0);
}

static int parse_bool(const doc_node_t *n, int *out)
{
    if (n->type != DOC_SCALAR || n->quoted)
        return -1;
    static const char *const t[] = {"true", "True", "TRUE"}, *const f[] = {"false", "False",
                                                                           "FALSE"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(n->text, t[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcmp(n->text, f[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

int schema_parse_month(const char *s, int *month)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    size_t len = strlen(s);
    if (len != 7 && len != 10)
        return -1;
    for (size_t i = 0; i < len; i++) {
        int dash = (i == 4 || i == 7);
        if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return -1;
    }
    int y = atoi(s), m = atoi(s + 5);
    if (y < 1800 || y > 2200 || m < 1 || m > 12)
        return -1;
    if (len == 10) {
        int d = atoi(s + 8);
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int max = mdays[m - 1] + (m == 2 && leap);
        if (d < 1 || d > max)
            return -1;
    }
    *month = y * 12 + (m - 1);
    return 0;
}

void schema_format_month(int month, char *buf)
{
    if (month < 0 || month >= 10000 * 12)
        month = 0;
    snprintf(buf, 8, "%04d-%02d", month / 12, month % 12 + 1);
}

/* ---- decoding ----------------------------------------------------------- */

typedef struct decoder {
    brink_ctx_t *ctx;
    const doc_t *doc;
    brink_diags_t *diags;
    int problems;
    brink_status_t fatal; /* ENOMEM */
    const schema_refs_t *refs;
} decoder_t;

static void problem(decoder_t *d, const doc_node_t *at, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(decoder_t *d, const doc_node_t *at, const char *path, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d->problems++;
    brink_status_t st;
    if (path && *path)
        st = brink_diags_add(d->ctx, d->diags, doc_node_file(d->doc, at), at ? at->line : 0,
                             at ? at->column : 0, path, "%s: %s", path, msg);
    else
        st = brink_diags_add(d->ctx, d->diags, doc_node_file(d->doc, at), at ? at->line : 0,
                             at ? at->column : 0, path, "%s", msg);
    if (st != BRINK_OK)
        d->fatal = st;
}

static const char *kind_expect(const schema_field_t *f, char *buf, size_t size)
{
    switch (f->kind) {
    case SK_NUM:
        if (isinf(f->max))
            snprintf(buf, size, "a number >= %g", f->min);
        else
            snprintf(buf, size, "a number in [%g, %g]", f->min, f->max);
        break;
    case SK_INT:
        if (isinf(f->max))
            snprintf(buf, size, "a whole number >= %g", f->min);
        else
            snprintf(buf, size, "a whole number in [%g, %g]", f->min, f->max);
        break;
    case SK_BOOL:
        snprintf(buf, size, "true or false");
        break;
    case SK_STR:
        snprintf(buf, size, "a non-empty string");
        break;
    case SK_MONTH:
        snprintf(buf, size, "a month YYYY-MM (or a date YYYY-MM-DD)");
        break;
    case SK_ENUM: {
        size_t off = (size_t)snprintf(buf, size, "one of ");
        for (size_t i = 0; f->choices[i] && off < size; i++)
            off += (size_t)snprintf(buf + off, size - off, "%s%s", i ? ", " : "", f->choices[i]);
        break;
    }
    case SK_OBJ:
        snprintf(buf, size, "a mapping");
        break;
    case SK_LIST:
        snprintf(buf, size, "a sequence of mappings");
        break;
    case SK_NUMLIST:
        snprintf(buf, size, "a sequence of numbers");
        break;
    case SK_REF:
        snprintf(buf, size, "the id of a defined %s", f->unit ? f->unit : "item");
        break;
    }
    return buf;
}

static void wrong(decoder_t *d, const doc_node_t *n, const char *path, const schema_field_t *f)
{
    char found[64], expect[256];
    doc_describe(n, found, sizeof found);
    if (n->type == DOC_SCALAR && n->quoted && (f->kind == SK_NUM || f->kind == SK_INT ||
                                               f->kind == SK_BOOL))
        problem(d, n, path, "found the string %s; expected %s (without quotes)", found,
                kind_expect(f, expect, sizeof expect));
    else if (n->type == DOC_SCALAR && is_null(n))
        problem(d, n, path, "found null; expected %s", kind_expect(f, expect, sizeof expect));
    else
        problem(d, n, path, "found %s; expected %s", found, kind_expect(f, expect, sizeof expect));
}

static void decode_obj(decoder_t *d, const doc_node_t *node, const schema_obj_t *obj, void *dst,
                       const char *path);

static void set_defaults(const schema_obj_t *obj, void *dst);

static void join_path(char *buf, size_t size, const char *path, const char *key)
{
    if (path && *path)
        snprintf(buf, size, "%s.%s", path, key);
    else
        snprintf(buf, size, "%s", key);
}

static void decode_field(decoder_t *d, const doc_node_t *n, const schema_field_t *f, void *dst,
                         const char *path)
{
    char *addr = FIELD(dst, f);
    char expect[256];
    switch (f->kind) {
    case SK_NUM: {
        double v;
        if (parse_number(n, &v) != 0) {
            wrong(d, n, path, f);
            return;
        }
        if (v < f->min || v > f->max) {
            problem(d, n, path, "%s is out of range; expected %s", n->text,
                    kind_expect(f, expect, sizeof expect));
            return;
        }
        *(double *)(void *)addr = v;
        return;
    }
    case SK_INT: {
        double v;
        if (parse_number(n, &v) != 0 || v != floor(v)) {
            wrong(d, n, path, f);
            return;
        }
        if (v < f->min || v > f->max) {
            problem(d, n, path, "%s is out of range; expected %s", n->text,
                    kind_expect(f, expect, sizeof expect));
            return;
        }
        *(int *)(void *)addr = (int)v;
        return;
    }
    case SK_BOOL: {
        int v;
        if (parse_bool(n, &v) != 0) {
            wrong(d, n, path, f);
            return;
        }
        *(int *)(void *)addr = v;
        return;
    }
    case SK_STR: {
        if (n->type != DOC_SCALAR || n->len == 0 || is_null(n)) {
            wrong(d, n, path, f);
            return;
        }
        char **sp = (char **)(void *)addr;
        brink_free(d->ctx, *sp);
        *sp = brink_strndup(d->ctx, n->text, n->len);
        if (!*sp)
            d->fatal = BRINK_ENOMEM;
        return;
    }
    case SK_MONTH: {
        int m;
        if (n->type != DOC_SCALAR || is_null(n)) {
            wrong(d, n, path, f);
            return;
        }
        if (schema_parse_month(n->text, &m) != 0) {
            problem(d, n, path, "'%.60s' is not a valid date; expected %s", n->text,
                    kind_expect(f, expect, sizeof expect));
            return;
        }
        *(int *)(void *)addr = m;
        return;
    }
    case SK_ENUM: {
        if (n->type == DOC_SCALAR && !is_null(n)) {
            for (int i = 0; f->choices[i]; i++) {
                if (strcmp(n->text, f->choices[i]) == 0) {
                    *(int *)(void *)addr = i;
                    return;
                }
            }
        }
        wrong(d, n, path, f);
        return;
    }
    case SK_OBJ:
        if (n->type != DOC_MAP) {
            wrong(d, n, path, f);
            return;
        }
        decode_obj(d, n, f->sub, addr, path);
        return;
    case SK_LIST: {
        if (n->type != DOC_SEQ) {
            wrong(d, n, path, f);
            return;
        }
        void **itemsp = (void **)(void *)addr;
        size_t *countp = (size_t *)(void *)((char *)dst + f->count_offset);
        if (n->count == 0) {
            *itemsp = NULL;
            *countp = 0;
            return;
        }
        char *items = brink_calloc(d->ctx, n->count, f->sub->size);
        if (!items) {
            d->fatal = BRINK_ENOMEM;
            return;
        }
        *itemsp = items;
        *countp = n->count;
        for (size_t i = 0; i < n->count && !d->fatal; i++) {
            char ipath[512];
            snprintf(ipath, sizeof ipath, "%s[%zu]", path, i);
            set_defaults(f->sub, items + i * f->sub->size);
            if (n->items[i]->type != DOC_MAP) {
                char found[64];
                problem(d, n->items[i], ipath, "found %s; expected a mapping",
                        doc_describe(n->items[i], found, sizeof found));
                continue;
            }
            decode_obj(d, n->items[i], f->sub, items + i * f->sub->size, ipath);
        }
        return;
    }
    case SK_REF: {
        if (n->type != DOC_SCALAR || is_null(n) || n->len == 0) {
            wrong(d, n, path, f);
            return;
        }
        const schema_refs_t *r = d->refs;
        for (size_t i = 0; r && i < r->count; i++) {
            if (strcmp(r->ids[i], n->text) == 0) {
                *(int *)(void *)addr = (int)i;
                return;
            }
        }
        char list[300];
        size_t off = 0;
        list[0] = '\0';
        for (size_t i = 0; r && i < r->count && off < sizeof list; i++)
            off += (size_t)snprintf(list + off, sizeof list - off, "%s%s", i ? ", " : "",
                                    r->ids[i]);
        problem(d, n, path, "'%.60s' is not a defined %s; expected one of: %s", n->text,
                r && r->what ? r->what : "id",
                r && r->count ? list : "(none defined)");
        return;
    }
    case SK_NUMLIST: {
        if (n->type != DOC_SEQ) {
            wrong(d, n, path, f);
            return;
        }
        double **itemsp = (double **)(void *)addr;
        size_t *countp = (size_t *)(void *)((char *)dst + f->count_offset);
        double *v = n->count ? brink_calloc(d->ctx, n->count, sizeof *v) : NULL;
        if (n->count && !v) {
            d->fatal = BRINK_ENOMEM;
            return;
        }
        brink_free(d->ctx, *itemsp);
        *itemsp = v;
        *countp = n->count;
        for (size_t i = 0; i < n->count; i++) {
            char ipath[512];
            snprintf(ipath, sizeof ipath, "%s[%zu]", path, i);
            const doc_node_t *it = n->items[i];
            if (parse_number(it, &v[i]) != 0) {
                char found[64];
                problem(d, it, ipath, "found %s; expected a number",
                        doc_describe(it, found, sizeof found));
            } else if (v[i] < f->min || v[i] > f->max) {
                problem(d, it, ipath, "%s is out of range; expected a number in [%g, %g]",
                        it->text, f->min, f->max);
            }
        }
        return;
    }
    }
}

static void set_defaults(const schema_obj_t *obj, void *dst)
{
    for (size_t i = 0; i < obj->nfields; i++) {
        const schema_field_t *f = &obj->fields[i];
        char *addr = FIELD(dst, f);
        switch (f->kind) {
        case SK_NUM:
            *(double *)(void *)addr = f->def;
            break;
        case SK_INT:
        case SK_BOOL:
        case SK_ENUM:
        case SK_MONTH:
            *(int *)(void *)addr = (int)f->def;
            break;
        case SK_REF:
            *(int *)(void *)addr = -1;
            break;
        case SK_OBJ:
            set_defaults(f->sub, addr);
            break;
        default:
            break;
        }
    }
}

static void decode_obj(decoder_t *d, const doc_node_t *node, const schema_obj_t *obj, void *dst,
                       const char *path)
{
    const char *names[128];
    size_t nn = obj->nfields < 128 ? obj->nfields : 128;
    for (size_t i = 0; i < nn; i++)
        names[i] = obj->fields[i].name;
    unsigned char seen[128] = {0};
    for (size_t k = 0; k + 1 < node->count && !d->fatal; k += 2) {
        const doc_node_t *key = node->items[k], *val = node->items[k + 1];
        const schema_field_t *f = NULL;
        for (size_t i = 0; i < obj->nfields; i++) {
            if (strcmp(obj->fields[i].name, key->text) == 0) {
                f = &obj->fields[i];
                if (i < 128)
                    seen[i] = 1;
                break;
            }
        }
        char fpath[512];
        join_path(fpath, sizeof fpath, path, key->text);
        if (!f) {
            /* the suggestion: closest known key by edit distance */
            const char *best = NULL;
            size_t bestd = (size_t)-1;
            for (size_t i = 0; i < nn; i++) {
                const char *a = key->text, *b = names[i];
                size_t la = strlen(a), lb = strlen(b);
                if (la > 40 || lb > 40)
                    continue;
                size_t prev[41], cur[41];
                for (size_t j = 0; j <= lb; j++)
                    prev[j] = j;
                for (size_t x = 1; x <= la; x++) {
                    cur[0] = x;
                    for (size_t j = 1; j <= lb; j++) {
                        size_t s = prev[j - 1] + (a[x - 1] != b[j - 1]);
                        size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
                        cur[j] = s < del ? (s < ins ? s : ins) : (del < ins ? del : ins);
                    }
                    memcpy(prev, cur, (lb + 1) * sizeof prev[0]);
                }
                if (prev[lb] < bestd) {
                    bestd = prev[lb];
                    best = b;
                }
            }
            size_t la = strlen(key->text);
            if (best && bestd <= (la <= 4 ? 1u : la <= 8 ? 2u : 3u))
                problem(d, key, path, "unknown key '%s'; did you mean '%s'?", key->text, best);
            else
                problem(d, key, path, "unknown key '%s'", key->text);
            continue;
        }
        if (is_null(val) && f->kind != SK_STR) {
            wrong(d, val, fpath, f);
            continue;
        }
        decode_field(d, val, f, dst, fpath);
    }
    for (size_t i = 0; i < obj->nfields && !d->fatal; i++) {
        if ((obj->fields[i].flags & SF_REQUIRED) && !(i < 128 && seen[i]))
            problem(d, node, path, "missing required key '%s'", obj->fields[i].name);
    }
}

brink_status_t schema_decode(brink_ctx_t *ctx, const doc_t *doc, const doc_node_t *node,
                             const schema_obj_t *obj, void *dst, const char *path,
                             const schema_refs_t *refs, brink_diags_t *diags)
{
    decoder_t d = {ctx, doc, diags, 0, BRINK_OK, refs};
    set_defaults(obj, dst);
    if (!node || node->type != DOC_MAP) {
        char found[64];
        doc_node_t empty = {DOC_SCALAR, 0, NULL, 1, 1, NULL, 0, NULL, 0, 0};
        problem(&d, node ? node : &empty, path, "found %s; expected a mapping",
                node ? doc_describe(node, found, sizeof found) : "an empty document");
    } else {
        decode_obj(&d, node, obj, dst, path);
    }
    if (d.fatal)
        return d.fatal;
    return d.problems ? BRINK_EVALIDATE : BRINK_OK;
}

void schema_free(brink_ctx_t *ctx, const schema_obj_t *obj, void *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < obj->nfields; i++) {
        const schema_field_t *f = &obj->fields[i];
        char *addr = FIELD(p, f);
        switch (f->kind) {
        case SK_STR:
        case SK_NUMLIST:
            brink_free(ctx, *(void **)(void *)addr);
            *(void **)(void *)addr = NULL;
            break;
        case SK_OBJ:
            schema_free(ctx, f->sub, addr);
            break;
        case SK_LIST: {
            char *items = *(char **)(void *)addr;
            size_t count = *(size_t *)(void *)((char *)p + f->count_offset);
            for (size_t k = 0; items && k < count; k++)
                schema_free(ctx, f->sub, items + k * f->sub->size);
            brink_free(ctx, items);
            *(void **)(void *)addr = NULL;
            *(size_t *)(void *)((char *)p + f->count_offset) = 0;
            break;
        }
        default:
            break;
        }
    }
}

/* ---- encoding ----------------------------------------------------------- */

json_t *schema_encode(const schema_obj_t *obj, const void *p, const schema_refs_t *refs)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    for (size_t i = 0; i < obj->nfields; i++) {
        const schema_field_t *f = &obj->fields[i];
        const char *addr = (const char *)p + f->offset;
        json_t *v = NULL;
        switch (f->kind) {
        case SK_NUM:
            v = json_real(*(const double *)(const void *)addr);
            break;
        case SK_INT:
            v = json_integer(*(const int *)(const void *)addr);
            break;
        case SK_BOOL:
            v = json_boolean(*(const int *)(const void *)addr);
            break;
        case SK_STR: {
            const char *s = *(char *const *)(const void *)addr;
            if (!s)
                continue; /* optional and absent */
            v = json_string(s);
            break;
        }
        case SK_MONTH: {
            int m = *(const int *)(const void *)addr;
            if (m <= 0)
                continue; /* optional and absent */
            char buf[16];
            schema_format_month(m, buf);
            v = json_string(buf);
            break;
        }
        case SK_ENUM:
            v = json_string(f->choices[*(const int *)(const void *)addr]);
            break;
        case SK_REF: {
            int r = *(const int *)(const void *)addr;
            if (r < 0 || !refs || (size_t)r >= refs->count)
                continue; /* optional and absent */
            v = json_string(refs->ids[r]);
            break;
        }
        case SK_OBJ:
            v = schema_encode(f->sub, addr, refs);
            break;
        case SK_LIST: {
            const char *items = *(char *const *)(const void *)addr;
            size_t count = *(const size_t *)(const void *)((const char *)p + f->count_offset);
            v = json_array();
            for (size_t k = 0; v && k < count; k++) {
                json_t *it = schema_encode(f->sub, items + k * f->sub->size, refs);
                if (!it || json_array_append_new(v, it) != 0) {
                    json_decref(v);
                    v = NULL;
                }
            }
            break;
        }
        case SK_NUMLIST: {
            const double *items = *(double *const *)(const void *)addr;
            size_t count = *(const size_t *)(const void *)((const char *)p + f->count_offset);
            v = json_array();
            for (size_t k = 0; v && k < count; k++)
                if (json_array_append_new(v, json_real(items[k])) != 0) {
                    json_decref(v);
                    v = NULL;
                }
            break;
        }
        }
        if (!v || json_object_set_new(o, f->name, v) != 0) {
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

/* ---- path lookup -------------------------------------------------------- */

static const schema_field_t *find_field(const schema_obj_t *obj, const char *name, size_t len)
{
    for (size_t i = 0; i < obj->nfields; i++)
        if (strlen(obj->fields[i].name) == len && strncmp(obj->fields[i].name, name, len) == 0)
            return &obj->fields[i];
    return NULL;
}

brink_status_t schema_lookup(const schema_obj_t *obj, void *p, const char *path,
                             const schema_field_t **field, void **addr, char *why,
                             size_t why_size)
{
    const char *s = path;
    const schema_field_t *f = NULL;
    char *base = p;
    while (*s) {
        size_t len = strcspn(s, ".[");
        if (len == 0) {
            snprintf(why, why_size, "'%s' is not a field path (expected name.name[index])", path);
            return BRINK_ENOTFOUND;
        }
        f = find_field(obj, s, len);
        if (!f) {
            snprintf(why, why_size, "'%.*s' is not a key of %s", (int)len, s, obj->name);
            return BRINK_ENOTFOUND;
        }
        char *a = base + f->offset;
        s += len;
        if (*s == '[') {
            const char *close = strchr(s, ']');
            if (!close || (f->kind != SK_LIST && f->kind != SK_NUMLIST)) {
                snprintf(why, why_size, "'%s' cannot be indexed in '%s'", f->name, path);
                return BRINK_ENOTFOUND;
            }
            size_t count = *(size_t *)(void *)(base + f->count_offset);
            char key[128];
            size_t klen = (size_t)(close - s - 1);
            if (klen == 0 || klen >= sizeof key) {
                snprintf(why, why_size, "empty or long index in '%s'", path);
                return BRINK_ENOTFOUND;
            }
            memcpy(key, s + 1, klen);
            key[klen] = '\0';
            size_t idx = (size_t)-1;
            char *end;
            unsigned long v = strtoul(key, &end, 10);
            if (*end == '\0' && isdigit((unsigned char)key[0])) {
                idx = v;
            } else if (f->kind == SK_LIST) {
                /* name the element by its first string field (e.g. an id) */
                const schema_field_t *idf = NULL;
                for (size_t i = 0; i < f->sub->nfields && !idf; i++)
                    if (f->sub->fields[i].kind == SK_STR)
                        idf = &f->sub->fields[i];
                char *items = *(char **)(void *)a;
                for (size_t i = 0; idf && i < count; i++) {
                    const char *id = *(char **)(void *)(items + i * f->sub->size + idf->offset);
                    if (id && strcmp(id, key) == 0)
                        idx = i;
                }
            }
            if (idx >= count) {
                snprintf(why, why_size, "no element [%s] in '%s' (it has %zu)", key, f->name,
                         count);
                return BRINK_ENOTFOUND;
            }
            s = close + 1;
            if (f->kind == SK_NUMLIST) {
                if (*s) {
                    snprintf(why, why_size, "'%s' ends at a number, '%s' goes on", f->name, s);
                    return BRINK_ENOTFOUND;
                }
                *field = f;
                *addr = *(double **)(void *)a + idx;
                return BRINK_OK;
            }
            base = *(char **)(void *)a + idx * f->sub->size;
            obj = f->sub;
            if (*s == '.')
                s++;
            else if (*s) {
                snprintf(why, why_size, "expected '.' after ']' in '%s'", path);
                return BRINK_ENOTFOUND;
            }
            if (!*s) {
                snprintf(why, why_size, "'%s' names a whole element, not a value", path);
                return BRINK_ENOTFOUND;
            }
            continue;
        }
        if (*s == '.') {
            if (f->kind != SK_OBJ) {
                snprintf(why, why_size, "'%s' has no fields", f->name);
                return BRINK_ENOTFOUND;
            }
            base = a;
            obj = f->sub;
            s++;
            continue;
        }
        *field = f;
        *addr = a;
        return BRINK_OK;
    }
    snprintf(why, why_size, "empty field path");
    return BRINK_ENOTFOUND;
}

/* ---- documentation ------------------------------------------------------ */

static void write_obj_md(const schema_obj_t *obj, FILE *fp, const char *prefix, int depth)
{
    if (depth > 8)
        return;
    for (size_t i = 0; i < obj->nfields; i++) {
        const schema_field_t *f = &obj->fields[i];
        char name[256], expect[256];
        snprintf(name, sizeof name, "%s%s%s", prefix, f->name,
                 f->kind == SK_LIST || f->kind == SK_NUMLIST ? "[]" : "");
        char def[64] = "";
        if (!(f->flags & SF_REQUIRED)) {
            switch (f->kind) {
            case SK_NUM:
                snprintf(def, sizeof def, "%g", f->def);
                break;
            case SK_INT:
                snprintf(def, sizeof def, "%d", (int)f->def);
                break;
            case SK_BOOL:
                snprintf(def, sizeof def, "%s", f->def != 0 ? "true" : "false");
                break;
            case SK_ENUM:
                snprintf(def, sizeof def, "%s", f->choices[(int)f->def]);
                break;
            default:
                snprintf(def, sizeof def, "(none)");
            }
        }
        fprintf(fp, "| `%s` | %s | %s | %s | %s |\n", name, kind_expect(f, expect, sizeof expect),
                (f->flags & SF_REQUIRED) ? "required" : def, f->unit ? f->unit : "",
                f->doc ? f->doc : "");
        if (f->kind == SK_OBJ || f->kind == SK_LIST) {
            char sub[256];
            snprintf(sub, sizeof sub, "%s%s.", prefix, name + strlen(prefix));
            write_obj_md(f->sub, fp, sub, depth + 1);
        }
    }
}

void schema_write_markdown(const schema_obj_t *obj, FILE *fp)
{
    fprintf(fp, "| key | value | default | unit | meaning |\n|---|---|---|---|---|\n");
    write_obj_md(obj, fp, "", 0);
}
