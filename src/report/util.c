/* util.c - located errors, paths and JSON field helpers for the report. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report/report_internal.h"

brink_status_t rp_error(brink_ctx_t *ctx, brink_status_t st, const char *file, long line,
                        const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        return brink_ctx_error(ctx, st, "%s:%ld: %s", file, line, msg);
    return brink_ctx_error(ctx, st, "%s: %s", file, msg);
}

const char *rp_json_kind(const json_t *v)
{
    if (!v)
        return "nothing";
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

char *rp_path(brink_ctx_t *ctx, const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = brink_malloc(ctx, a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    size_t k = a;
    if (a > 0 && dir[a - 1] != '/')
        p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}

int rp_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

brink_status_t rp_load_json(brink_ctx_t *ctx, const char *path, json_t **out)
{
    json_error_t err;
    *out = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
    if (*out)
        return BRINK_OK;
    if (strstr(err.text, "unable to open") || strstr(err.text, "unable to read"))
        return rp_error(ctx, BRINK_EIO, path, 0, "cannot read the file (%s)", err.text);
    return brink_ctx_error(ctx, BRINK_EPARSE, "%s:%d:%d: expected valid JSON: %s", path,
                           err.line, err.column, err.text);
}

brink_status_t rp_get_num(brink_ctx_t *ctx, const char *file, const json_t *obj,
                          const char *where, const char *key, int required, double *out,
                          int *found)
{
    json_t *v = json_object_get(obj, key);
    if (found)
        *found = 0;
    *out = NAN;
    if (!v || json_is_null(v)) {
        if (required)
            return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s%s%s: missing; expected a number",
                            where, *where ? "." : "", key);
        return BRINK_OK;
    }
    if (!json_is_number(v))
        return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s%s%s: expected a number, found %s",
                        where, *where ? "." : "", key, rp_json_kind(v));
    *out = json_number_value(v);
    if (!isfinite(*out))
        return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s%s%s: expected a finite number",
                        where, *where ? "." : "", key);
    if (found)
        *found = 1;
    return BRINK_OK;
}

int rp_parse_month(const char *s, int *year, int *month)
{
    if (!s || strlen(s) != 7 || s[4] != '-')
        return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12)
        return -1;
    *year = y;
    *month = m;
    return 0;
}

void rp_html_escape(FILE *fp, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        default: fputc(*s, fp);
        }
    }
}

json_t *rp_jstr(const char *s)
{
    json_t *v = json_string(s ? s : "");
    if (v)
        return v;
    /* not valid UTF-8: keep the ASCII bytes, '?' for the others */
    size_t n = strlen(s);
    char *c = malloc(n + 1);
    if (!c)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        c[i] = (unsigned char)s[i] >= 0x80 ? '?' : s[i];
    v = json_string(c);
    free(c);
    return v;
}
