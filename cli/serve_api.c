/* serve_api.c - the workbench's JSON API (docs/workbench.md): scenarios
 * under --root and their levers, validation with located messages,
 * ensembles and comparisons (jobs), one run's events with their "why";
 * play sessions in serve_play.c. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

static const char *arg(const char *const *q, const char *key)
{
    for (int i = 0; q && q[i]; i += 2)
        if (strcmp(q[i], key) == 0)
            return q[i + 1];
    return NULL;
}

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

static void info(const serve_t *s, serve_reply_t *r)
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
static void scenario(serve_t *s, const char *path, serve_reply_t *r)
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

/* POST validate / ensemble / compare */
static void start(serve_t *s, const char *what, const char *body, size_t len, serve_reply_t *r)
{
    static const char *const fields[] = {"path", "set", "base_set", "runs", "seed", NULL};
    json_t *j = NULL;
    char **sets = NULL, **base = NULL;
    size_t ns = 0, nb = 0;
    const char *path = NULL;
    uint64_t runs = 1000, seed = 1;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_scenario_t *sc = NULL, *sc2 = NULL;
    brink_sim_t *sim = NULL, *sim2 = NULL;
    int compare = strcmp(what, "compare") == 0;
    if (!ctx) {
        serve_error(r, 500, "out of memory");
        goto cleanup;
    }
    if (serve_body(body, len, fields, &j, r) != 0 || serve_get_string(j, "path", &path, r) < 0 ||
        serve_get_sets(j, "set", &sets, &ns, r) < 0 ||
        serve_get_sets(j, "base_set", &base, &nb, r) < 0 ||
        serve_get_uint(j, "runs", 1, SERVE_MAX_RUNS, &runs, r) < 0 ||
        serve_get_uint(j, "seed", 0, UINT64_MAX >> 1, &seed, r) < 0)
        goto cleanup;
    if (!path) {
        serve_error(r, 400, "path: missing; expected a scenario path under the server's --root");
        goto cleanup;
    }
    if (!compare && json_object_get(j, "base_set")) {
        serve_error(r, 400, "base_set: only a comparison has a baseline");
        goto cleanup;
    }
    if (serve_load(s, ctx, path, sets, ns, &sc, &sim, r) != 0) {
        /* validation's answer is the verdict: a request that asked is
         * answered with 200 and the located messages */
        if (r->status == 422 && strcmp(what, "validate") == 0) {
            r->status = 200;
            json_object_set_new(r->json, "ok", json_false());
        }
        goto cleanup;
    }
    if (strcmp(what, "validate") == 0) {
        r->status = 200;
        r->json = json_pack("{s:b}", "ok", 1);
        goto cleanup;
    }
    if (compare && serve_load(s, ctx, path, base, nb, &sc2, &sim2, r) != 0)
        goto cleanup;
    /* the job owns the models; a comparison's baseline comes first */
    if (compare)
        serve_jobs_start(s->jobs, ctx, sc2, sim2, sc, sim, seed, (uint32_t)runs, r);
    else
        serve_jobs_start(s->jobs, ctx, sc, sim, NULL, NULL, seed, (uint32_t)runs, r);
    sc = sc2 = NULL;
    sim = sim2 = NULL;
    ctx = NULL; /* the job's now */
cleanup:
    brink_sim_free(sim);
    brink_sim_free(sim2);
    brink_scenario_free(sc);
    brink_scenario_free(sc2);
    serve_sets_free(sets, ns);
    serve_sets_free(base, nb);
    json_decref(j);
    brink_ctx_free(ctx);
}

static int parse_id(const char *v, uint64_t max, uint64_t *out)
{
    if (!v || !*v || strlen(v) > 19)
        return -1;
    uint64_t x = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        x = x * 10 + (uint64_t)(*p - '0');
    }
    if (x > max)
        return -1;
    *out = x;
    return 0;
}

/* GET run?path=&seed=&run=: one traced run, its events with the "why" and
 * the series' changes in the month before each choice */
static void one_run(serve_t *s, const char *const *q, serve_reply_t *r)
{
    uint64_t seed = 1, run = 0;
    const char *sv = arg(q, "seed"), *rv = arg(q, "run");
    if ((sv && parse_id(sv, UINT64_MAX >> 1, &seed) != 0) ||
        (rv && parse_id(rv, UINT32_MAX, &run) != 0)) {
        serve_error(r, 400, "seed and run: expected whole numbers (run at most 4294967295)");
        return;
    }
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_scenario_t *sc = NULL;
    brink_sim_t *sim = NULL;
    brink_sim_trace_t *t = NULL;
    if (!ctx || serve_load(s, ctx, arg(q, "path") ? arg(q, "path") : "", NULL, 0, &sc, &sim, r) != 0)
        goto cleanup;
    if (brink_sim_trace_new(ctx, sim, 16384, &t) != BRINK_OK) {
        serve_error(r, 500, "out of memory");
        goto cleanup;
    }
    brink_sim_run(ctx, sim, seed, (uint32_t)run, -1, t);
    json_t *ev = serve_trace_json(sim, t, 0);
    size_t i;
    json_t *e;
    int start = brink_sim_start(sim);
    json_array_foreach(ev, i, e) {
        json_t *why = json_object_get(e, "why");
        if (!why)
            continue;
        /* the state the choice saw (the end of the previous month) against
         * the month before it */
        int m = t->events[i].month - start;
        if (m < 2 || (size_t)m > t->nmonths)
            continue;
        json_t *ch = json_array();
        for (int k = 0; k < BRINK_NSERIES; k++) {
            double d = t->months[m - 1].v[k] - t->months[m - 2].v[k];
            if (d >= 5e-4 || d <= -5e-4) /* what shows at three decimals */
                json_array_append_new(ch, json_pack("{s:s, s:f}", "series",
                                                    brink_sim_series_name(k), "change", d));
        }
        json_object_set_new(why, "changed_last_month", ch);
    }
    json_t *series = json_object();
    for (int k = 0; k < BRINK_NSERIES; k++) {
        json_t *a = json_array();
        for (size_t m = 0; m < t->nmonths; m++)
            json_array_append_new(a, json_real(t->months[m].v[k]));
        json_object_set_new(series, brink_sim_series_name(k), a);
    }
    r->status = 200;
    r->json = json_pack("{s:o, s:o, s:s, s:b}", "events", ev, "series", series, "outcome",
                        brink_sim_outcome_name(t->outcome), "truncated", t->overflow);
cleanup:
    brink_sim_trace_free(ctx, t);
    brink_sim_free(sim);
    brink_scenario_free(sc);
    brink_ctx_free(ctx);
}

void serve_api(serve_t *s, const char *method, const char *url, const char *const *query,
               const char *body, size_t len, serve_reply_t *r)
{
    int get = strcmp(method, "GET") == 0;
    uint64_t id;
    if (get && strcmp(url, "info") == 0) {
        info(s, r);
    } else if (get && strcmp(url, "scenario") == 0) {
        scenario(s, arg(query, "path"), r);
    } else if (get && strcmp(url, "run") == 0) {
        one_run(s, query, r);
    } else if (!get && (strcmp(url, "validate") == 0 || strcmp(url, "ensemble") == 0 ||
                        strcmp(url, "compare") == 0)) {
        start(s, url, body, len, r);
    } else if (get && strcmp(url, "job") == 0) {
        if (parse_id(arg(query, "id"), UINT64_MAX >> 1, &id) != 0)
            serve_error(r, 400, "id: expected a job number");
        else
            serve_jobs_status(s->jobs, id, r);
    } else if (!get && strcmp(url, "cancel") == 0) {
        static const char *const fields[] = {"job", NULL};
        json_t *j = NULL;
        id = 0;
        if (serve_body(body, len, fields, &j, r) == 0 &&
            serve_get_uint(j, "job", 1, UINT64_MAX >> 1, &id, r) >= 0) {
            if (!id)
                serve_error(r, 400, "job: missing");
            else
                serve_jobs_cancel(s->jobs, id, r);
        }
        json_decref(j);
    } else if (strncmp(url, "play/", 5) == 0) {
        serve_play_api(s, method, url + 5, query, body, len, r);
    } else {
        serve_error(r, 404, "no API %s /api/%.100s", method, url);
    }
}
