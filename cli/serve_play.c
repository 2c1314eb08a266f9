/* serve_play.c - the play API of `brink serve` (brink/play.h): new and
 * replayed sessions, the menu with the advisor, decisions, the log and the
 * events; the sessions' store in serve_sessions.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve_sessions.h"

static json_t *menu_json(session_t *x, int advice, serve_reply_t *r)
{
    brink_play_menu_t m;
    if (brink_play_done(x->play))
        return json_null();
    if (brink_play_menu(x->ctx, x->play, &m) != BRINK_OK) {
        serve_error(r, 500, "%s", brink_ctx_errmsg(x->ctx));
        return NULL;
    }
    json_t *opts = json_array();
    for (int k = 0; k < m.n; k++) {
        json_t *o = json_pack("{s:s, s:f, s:f, s:f}", "action", brink_play_action_name(m.action[k]),
                              "utility", m.utility[k], "p", m.p[k], "chance", m.q[k]);
        brink_play_outlook_t ol;
        if (advice && brink_play_lookahead(x->ctx, x->play, m.action[k], BRINK_PLAY_TALKS_MODEL,
                                           200, 12, &ol) == BRINK_OK)
            json_object_set_new(o, "outlook",
                                json_pack("{s:i, s:i, s:f, s:f, s:f, s:f, s:f, s:f, s:f}", "runs",
                                          (int)ol.runs, "months", ol.months, "nuclear_test",
                                          ol.p_nuclear, "icbm_launch", ol.p_icbm, "talks",
                                          ol.p_talks, "summit", ol.p_summit, "clash", ol.p_clash,
                                          "war", ol.p_war, "missiles", ol.missiles));
        json_array_append_new(opts, o);
    }
    char mon[16];
    snprintf(mon, sizeof mon, "%04d-%02d", m.month / 12, m.month % 12 + 1);
    return json_pack("{s:s, s:o, s:f, s:b, s:b, s:[sss]}", "month", mon, "options", opts,
                     "several_chance", m.q_several, "can_talk", m.talks, "talks_open",
                     m.talks_open, "stances", "model", "seek", "refuse");
}

static void state(session_t *x, size_t from, int advice, serve_reply_t *r)
{
    json_t *menu = menu_json(x, advice, r);
    if (!menu)
        return;
    const brink_sim_trace_t *t = brink_play_trace(x->play);
    const char *me = brink_sim_actor_id(x->sim, brink_play_actor(x->play));
    json_t *events = serve_trace_json(x->sim, t, from);
    size_t i;
    json_t *e;
    json_array_foreach(events, i, e) {
        /* the player's own choices were not drawn: no odds to go against */
        json_t *why = json_object_get(e, "why");
        const char *a = json_string_value(json_object_get(e, "action"));
        if (why && strcmp(json_string_value(json_object_get(e, "actor")), me) == 0 && a &&
            brink_play_action_index(a) > 0) {
            json_object_set_new(why, "played", json_true());
            json_object_set_new(why, "against_the_odds", json_false());
        }
    }
    brink_play_score_t sc;
    brink_play_get_score(x->play, &sc);
    r->status = 200;
    r->json = json_pack(
        "{s:s, s:s, s:o, s:b, s:s, s:o, s:{s:i, s:f, s:f, s:f}}", "session", x->id, "actor",
        brink_sim_actor_id(x->sim, brink_play_actor(x->play)), "menu", menu, "done",
        brink_play_done(x->play), "outcome",
        brink_play_done(x->play) ? brink_sim_outcome_name(t->outcome) : "", "events", events,
        "score", "decisions", (int)sc.n, "mean_logp",
        sc.mean_logp, "model_mean_logp", sc.model_mean_logp, "agree", sc.agree);
}

/* a new session on path; the log text replays into it when not NULL */
static void new_session(serve_t *s, const char *body, size_t len, int replay, serve_reply_t *r)
{
    static const char *const fnew[] = {"path", "actor", "seed", NULL};
    static const char *const frep[] = {"path", "log", NULL};
    json_t *j = NULL;
    const char *path = NULL, *actor = NULL, *log = NULL;
    uint64_t seed = 1;
    session_t *x = calloc(1, sizeof *x);
    brink_play_log_t lg = {0};
    if (!x || !(x->ctx = brink_ctx_new(NULL))) {
        serve_error(r, 500, "out of memory");
        goto fail;
    }
    pthread_mutex_init(&x->mu, NULL);
    if (serve_body(body, len, replay ? frep : fnew, &j, r) != 0 ||
        serve_get_string(j, "path", &path, r) < 0 || serve_get_string(j, "actor", &actor, r) < 0 ||
        serve_get_string(j, "log", &log, r) < 0 ||
        serve_get_uint(j, "seed", 0, UINT64_MAX >> 1, &seed, r) < 0)
        goto fail;
    if (!path || (replay ? !log : !actor)) {
        serve_error(r, 400, replay ? "expected path and log" : "expected path and actor");
        goto fail;
    }
    if (serve_load(s, x->ctx, path, NULL, 0, &x->sc, &x->sim, r) != 0)
        goto fail;
    if (serve_random_hex(x->id, 16) != 0) {
        serve_error(r, 500, "no random source for a session id");
        goto fail;
    }
    if (replay) {
        if (brink_play_log_parse(x->ctx, "log", log, strlen(log), &lg) != BRINK_OK ||
            brink_play_replay(x->ctx, x->sim, "log", &lg, &x->play) != BRINK_OK) {
            serve_error(r, 400, "%s", brink_ctx_errmsg(x->ctx));
            goto fail;
        }
    } else {
        int a = brink_play_actor_index(x->sim, actor);
        if (a < 0) {
            serve_error(r, 400, "actor: '%.60s' is not an actor of %.200s", actor, path);
            goto fail;
        }
        if (brink_play_new(x->ctx, x->sim, seed, 0, a, &x->play) != BRINK_OK) {
            serve_error(r, 400, "actor: %s", brink_ctx_errmsg(x->ctx));
            goto fail;
        }
    }
    char real[4096], why[256], *buf = NULL;
    size_t blen = 0;
    snprintf(x->hash, sizeof x->hash, "-");
    if (serve_confine(s->root, path, real, sizeof real, why, sizeof why) == 0 &&
        brink_read_file(x->ctx, real, &buf, &blen) == BRINK_OK) {
        char hex[65];
        brink_sha256_hex(buf, blen, hex);
        snprintf(x->hash, sizeof x->hash, "sha256:%s", hex);
    }
    brink_free(x->ctx, buf);
    pthread_mutex_lock(&x->mu);
    state(x, 0, 0, r);
    pthread_mutex_unlock(&x->mu);
    brink_play_log_free(x->ctx, &lg);
    json_decref(j);
    serve_sessions_add(s->plays, x);
    return;
fail:
    if (x)
        brink_play_log_free(x->ctx, &lg);
    serve_session_free(x);
    json_decref(j);
}

static const char *arg(const char *const *q, const char *key)
{
    for (int i = 0; q && q[i]; i += 2)
        if (strcmp(q[i], key) == 0)
            return q[i + 1];
    return NULL;
}

static void text(session_t *x, int events, serve_reply_t *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    brink_status_t st = BRINK_EIO;
    if (f) {
        st = events ? brink_sim_write_events_csv(x->sim, brink_play_trace(x->play),
                                                 brink_play_run(x->play), 1, f)
                    : brink_play_log_write(x->play, x->hash, f);
        if (fclose(f) != 0)
            st = BRINK_EIO;
    }
    if (st != BRINK_OK) {
        free(buf);
        serve_error(r, 500, "out of memory");
        return;
    }
    r->status = 200;
    r->text = buf;
    r->len = len;
    r->type = events ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
}

void serve_play_api(serve_t *s, const char *method, const char *what, const char *const *query,
                    const char *body, size_t len, serve_reply_t *r)
{
    int get = strcmp(method, "GET") == 0;
    if (!get && (strcmp(what, "new") == 0 || strcmp(what, "replay") == 0)) {
        new_session(s, body, len, strcmp(what, "replay") == 0, r);
        return;
    }
    const char *id = NULL;
    json_t *j = NULL;
    if (get) {
        id = arg(query, "session");
    } else {
        static const char *const fdec[] = {"session", "action", "talks", NULL};
        if (serve_body(body, len, fdec, &j, r) != 0 || serve_get_string(j, "session", &id, r) < 0)
            goto done;
    }
    session_t *x = serve_sessions_take(s->plays, id);
    if (!x) {
        serve_error(r, 404, "session: no play session '%.40s' (sessions end when %d newer ones "
                            "start)", id ? id : "", SERVE_MAX_SESSIONS);
        goto done;
    }
    if (get && strcmp(what, "menu") == 0) {
        const char *adv = arg(query, "advice");
        state(x, brink_play_trace(x->play)->nevents, adv && strcmp(adv, "1") == 0, r);
    } else if (get && (strcmp(what, "log") == 0 || strcmp(what, "events") == 0)) {
        text(x, strcmp(what, "events") == 0, r);
    } else if (!get && strcmp(what, "decide") == 0) {
        const char *an = NULL, *tn = "model";
        if (serve_get_string(j, "action", &an, r) >= 0 && serve_get_string(j, "talks", &tn, r) >= 0) {
            int a = brink_play_action_index(an), t = brink_play_talks_index(tn);
            size_t from = brink_play_trace(x->play)->nevents;
            if (a < 0)
                serve_error(r, 400, "action: '%.60s'; expected wait, impose_sanctions, "
                                    "threaten_force or provide_aid", an ? an : "");
            else if (t < 0)
                serve_error(r, 400, "talks: '%.60s'; expected model, seek or refuse", tn);
            else if (brink_play_decide(x->ctx, x->play, a, t) != BRINK_OK)
                serve_error(r, 400, "%s", brink_ctx_errmsg(x->ctx));
            else
                state(x, from, 0, r);
        }
    } else {
        serve_error(r, 404, "no API %s /api/play/%.60s", method, what);
    }
    pthread_mutex_unlock(&x->mu);
done:
    json_decref(j);
}
