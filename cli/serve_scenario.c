/* serve_scenario.c - the workbench's scenario endpoints (docs/workbench.md):
 * the scenarios under --root, one scenario with its levers (range, unit and
 * meaning from the library), and loading a scenario with overrides into a
 * model with located messages. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* scenario files (*.yaml) under the root, two levels deep, sorted */
static void list_scenarios(const serve_t *s, const char *rel, int depth, char **out, size_t *n,
                           size_t cap)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s%s%s", s->root, *rel ? "/" : "", rel);
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) && *n < cap) {
        if (e->d_name[0] == '.')
            continue;
        char path[4200];
        snprintf(path, sizeof path, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".yaml") == 0) {
            out[(*n)++] = strdup(path);
        } else if (depth > 0 && e->d_type == DT_DIR) {
            list_scenarios(s, path, depth - 1, out, n, cap);
        }
    }
    closedir(d);
}

void serve_info(const serve_t *s, serve_reply_t *r)
{
    char *names[200];
    size_t n = 0;
    list_scenarios(s, "", 2, names, &n, 200);
    qsort(names, n, sizeof *names, cmp_str);
    json_t *a = json_array();
    for (size_t k = 0; k < n; k++) {
        if (names[k])
            json_array_append_new(a, json_string(names[k]));
        free(names[k]);
    }
    r->status = 200;
    r->json = json_pack("{s:s, s:o, s:i, s:i}", "version", brink_version(), "scenarios", a,
                        "max_runs", SERVE_MAX_RUNS, "max_body", SERVE_MAX_BODY);
}

int serve_load(serve_t *s, brink_ctx_t *ctx, const char *path, char **sets, size_t nsets,
               brink_scenario_t **sc, brink_sim_t **sim, serve_reply_t *r)
{
    char real[4096], why[512];
    *sc = NULL;
    *sim = NULL;
    if (serve_confine(s->root, path, real, sizeof real, why, sizeof why) != 0) {
        serve_error(r, 400, "path: %s", why);
        return -1;
    }
    brink_diags_t d;
    brink_diags_init(&d);
    brink_status_t st = brink_scenario_load(ctx, real, (const char *const *)sets, nsets, sc, &d);
    if (st != BRINK_OK) {
        json_t *errs = json_array();
        for (size_t k = 0; k < d.count; k++) {
            char line[1024];
            brink_diag_format(&d.items[k], line, sizeof line);
            /* messages name the file as given under the root */
            const char *rel = strstr(line, real) == line ? line + strlen(real) : line;
            char msg[1100];
            snprintf(msg, sizeof msg, "%s%s", rel == line ? "" : path, rel);
            json_array_append_new(errs, json_string(msg));
        }
        if (d.count == 0)
            json_array_append_new(errs, json_string(brink_ctx_errmsg(ctx)));
        brink_diags_clear(ctx, &d);
        json_decref(r->json);
        r->status = st == BRINK_ENOMEM ? 500 : 422;
        r->json = json_pack("{s:s, s:o}", "error", "the scenario is not valid", "errors", errs);
        return -1;
    }
    brink_diags_clear(ctx, &d);
    if (brink_sim_new(ctx, *sc, sim) != BRINK_OK) {
        serve_error(r, 422, "%s", brink_ctx_errmsg(ctx));
        brink_scenario_free(*sc);
        *sc = NULL;
        return -1;
    }
    return 0;
}

static void add_lever(brink_ctx_t *ctx, const brink_scenario_t *sc, json_t *a, const char *group,
                      const char *path, const char *label)
{
    double lo, hi, v;
    const char *unit, *doc;
    if (brink_scenario_key_info(ctx, sc, path, &lo, &hi, &unit, &doc) != BRINK_OK ||
        brink_scenario_get_number(ctx, sc, path, &v) != BRINK_OK)
        return;
    json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:f, s:f, s:f, s:s, s:s}", "group", group,
                                       "path", path, "label", label, "value", v, "min", lo, "max",
                                       hi, "unit", unit, "meaning", doc));
}

/* the levers: sanctions and enforcement towards the target, every
 * leader's engagement, pressure and risk attitude, then the model's
 * parameters; each with the schema's range, unit and meaning */
void serve_scenario(serve_t *s, const char *path, serve_reply_t *r)
{
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_scenario_t *sc = NULL;
    brink_sim_t *sim = NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = NULL;
    json_t *norm = NULL;
    if (!ctx || serve_load(s, ctx, path ? path : "", NULL, 0, &sc, &sim, r) != 0)
        goto cleanup;
    if (!(mem = open_memstream(&buf, &len)) || brink_scenario_write_json(sc, mem) != BRINK_OK ||
        fclose(mem) != 0 || !(norm = json_loads(buf, 0, NULL))) {
        serve_error(r, 500, "out of memory");
        goto cleanup;
    }
    json_t *lev = json_array(), *actors = json_array();
    const char *target = json_string_value(json_object_get(norm, "target"));
    size_t i;
    json_t *x;
    char p[256], label[512];
    json_array_foreach(json_object_get(norm, "dyads"), i, x) {
        const char *from = json_string_value(json_object_get(x, "from"));
        const char *to = json_string_value(json_object_get(x, "to"));
        if (!from || !to || !target || strcmp(to, target) != 0)
            continue;
        snprintf(p, sizeof p, "dyads[%zu].sanctions", i);
        snprintf(label, sizeof label, "%s's unilateral sanctions on %s, 0-1", from, to);
        add_lever(ctx, sc, lev, "pressure", p, label);
        snprintf(p, sizeof p, "dyads[%zu].enforcement", i);
        snprintf(label, sizeof label, "%s's enforcement of UN sanctions on %s, 0-1", from, to);
        add_lever(ctx, sc, lev, "pressure", p, label);
    }
    json_array_foreach(json_object_get(norm, "actors"), i, x) {
        const char *id = json_string_value(json_object_get(x, "id"));
        json_array_append_new(actors, json_pack("{s:s, s:s}", "id", id ? id : "", "name",
                                                json_string_value(json_object_get(x, "name"))
                                                    ? json_string_value(json_object_get(x, "name"))
                                                    : ""));
        size_t l;
        json_t *ld;
        json_array_foreach(json_object_get(x, "leaders"), l, ld) {
            const char *nm = json_string_value(json_object_get(ld, "name"));
            static const char *const keys[] = {"engagement", "pressure", "risk"};
            static const char *const words[] = {"engagement (readiness to talk), 0-1",
                                                "pressure (readiness to coerce), 0-1",
                                                "risk attitude, -1 averse to 1 seeking"};
            for (int k = 0; k < 3; k++) {
                snprintf(p, sizeof p, "actors[%s].leaders[%zu].%s", id, l, keys[k]);
                snprintf(label, sizeof label, "%s, %s: %s", id, nm ? nm : "leader", words[k]);
                add_lever(ctx, sc, lev, "leaders", p, label);
            }
        }
    }
    const char *key;
    json_object_foreach(json_object_get(norm, "params"), key, x) {
        if (!json_is_number(x))
            continue;
        snprintf(p, sizeof p, "params.%s", key);
        double lo, hi;
        const char *unit, *doc;
        if (brink_scenario_key_info(ctx, sc, p, &lo, &hi, &unit, &doc) != BRINK_OK)
            continue;
        snprintf(label, sizeof label, "%s (%s)", doc, unit);
        add_lever(ctx, sc, lev, "model parameters", p, label);
    }
    r->status = 200;
    r->json = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "path", path, "name",
                        brink_scenario_name(sc), "target", json_string(target ? target : ""),
                        "actors", actors, "levers", lev, "horizon",
                        json_pack("{s:i, s:i}", "start", brink_sim_start(sim), "end",
                                  brink_sim_end(sim)));
cleanup:
    json_decref(norm);
    free(buf);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_ctx_free(ctx);
}
