/* serve_api.c - the workbench's JSON API (docs/workbench.md): routing,
 * validation with located messages, ensembles and comparisons (jobs), one
 * run's events with their "why"; scenarios and levers in
 * serve_scenario.c, play sessions in serve_play.c. */
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
        serve_info(s, r);
    } else if (get && strcmp(url, "scenario") == 0) {
        serve_scenario(s, arg(query, "path"), r);
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
