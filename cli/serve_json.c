/* serve_json.c - strict parsing of the API's request bodies: JSON with no
 * duplicate keys, no unknown fields, numbers in range. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

int serve_body(const char *body, size_t len, const char *const *allowed, json_t **out,
               serve_reply_t *r)
{
    json_error_t e;
    *out = NULL;
    if (memchr(body, 0, len)) {
        serve_error(r, 400, "the body holds a NUL byte");
        return -1;
    }
    json_t *j = json_loadb(body, len, JSON_REJECT_DUPLICATES, &e);
    if (!j) {
        serve_error(r, 400, "bad JSON at line %d, column %d: %s", e.line, e.column, e.text);
        return -1;
    }
    if (!json_is_object(j)) {
        json_decref(j);
        serve_error(r, 400, "expected a JSON object");
        return -1;
    }
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            ok |= strcmp(*a, key) == 0;
        if (!ok) {
            char list[256] = "";
            for (const char *const *a = allowed; *a; a++) {
                strncat(list, a == allowed ? "" : ", ", sizeof list - strlen(list) - 1);
                strncat(list, *a, sizeof list - strlen(list) - 1);
            }
            serve_error(r, 400, "unknown field '%.100s'; expected %s", key, list);
            json_decref(j);
            return -1;
        }
    }
    *out = j;
    return 0;
}

int serve_get_uint(json_t *o, const char *key, uint64_t lo, uint64_t hi, uint64_t *out,
                   serve_reply_t *r)
{
    json_t *v = json_object_get(o, key);
    if (!v)
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < 0 ||
        (uint64_t)json_integer_value(v) < lo || (uint64_t)json_integer_value(v) > hi) {
        char *s = json_dumps(v, JSON_ENCODE_ANY);
        serve_error(r, 400, "%s: %.60s is out of range; expected a whole number in [%llu, %llu]",
                    key, s ? s : "?", (unsigned long long)lo, (unsigned long long)hi);
        free(s);
        return -1;
    }
    *out = (uint64_t)json_integer_value(v);
    return 1;
}

int serve_get_string(json_t *o, const char *key, const char **out, serve_reply_t *r)
{
    json_t *v = json_object_get(o, key);
    if (!v)
        return 0;
    if (!json_is_string(v) || json_string_length(v) > 4096 ||
        strlen(json_string_value(v)) != json_string_length(v)) {
        serve_error(r, 400, "%s: expected a string (at most 4096 characters, no NUL)", key);
        return -1;
    }
    *out = json_string_value(v);
    return 1;
}

void serve_sets_free(char **sets, size_t n)
{
    for (size_t i = 0; sets && i < n; i++)
        free(sets[i]);
    free(sets);
}

int serve_get_sets(json_t *o, const char *key, char ***out, size_t *n, serve_reply_t *r)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    *n = 0;
    if (!v)
        return 0;
    if (!json_is_object(v) || json_object_size(v) > 64) {
        serve_error(r, 400, "%s: expected an object {PATH: number} of at most 64 levers", key);
        return -1;
    }
    char **sets = calloc(json_object_size(v) + 1, sizeof *sets);
    size_t k = 0;
    const char *path;
    json_t *x;
    if (!sets) {
        serve_error(r, 500, "out of memory");
        return -1;
    }
    json_object_foreach(v, path, x) {
        if (!json_is_number(x) || !isfinite(json_number_value(x)) || strlen(path) > 200 ||
            strchr(path, '=')) {
            serve_error(r, 400, "%s.%.200s: expected a finite number for a lever path", key, path);
            serve_sets_free(sets, k);
            return -1;
        }
        char buf[256];
        snprintf(buf, sizeof buf, "%s=%.17g", path, json_number_value(x));
        if (!(sets[k] = strdup(buf))) {
            serve_sets_free(sets, k);
            serve_error(r, 500, "out of memory");
            return -1;
        }
        k++;
    }
    *out = sets;
    *n = k;
    return 1;
}
