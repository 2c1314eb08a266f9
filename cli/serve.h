/* serve.h - `brink serve`: the workbench's web server (cli/serve_*.c), on
 * libmicrohttpd, over the public API only.
 *   cmd_serve.c     options, the token, start and stop
 *   serve_http.c    requests: bodies (bounded), the token, routing, replies
 *   serve_files.c   the page, the chart library, paths confined to --root
 *   serve_api.c     the JSON API: routing, validation, ensembles, runs
 *   serve_scenario.c  scenarios under the root and their levers
 *   serve_play.c    play sessions
 *   serve_jobs.c    ensembles and comparisons on worker threads: progress,
 *                   cancel, bounded counts
 *   serve_json.c    strict request parsing (unknown fields, ranges)
 */
#ifndef BRINK_SERVE_H
#define BRINK_SERVE_H

#include <jansson.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "brink/brink.h"

#define SERVE_MAX_BODY (64 * 1024)   /* bytes of a request body */
#define SERVE_MAX_RUNS 20000         /* runs of one ensemble or comparison */
#define SERVE_MAX_JOBS 16            /* jobs kept (running or finished) */
#define SERVE_MAX_RUNNING 2          /* jobs running at once */
#define SERVE_MAX_SESSIONS 32        /* play sessions kept */

typedef struct serve_jobs serve_jobs_t;
typedef struct serve_plays serve_plays_t;

typedef struct serve {
    char token[33];        /* per start, hex */
    char root[4096];       /* realpath of --root */
    char web[4096];        /* the page's directory */
    const char *bind;
    serve_jobs_t *jobs;
    serve_plays_t *plays;
} serve_t;

/* A reply: status and a JSON body (owned; NULL for none) or a text body. */
typedef struct serve_reply {
    unsigned status;
    json_t *json;
    char *text;            /* malloc'd, or NULL */
    size_t len;
    const char *type;      /* content type of text */
} serve_reply_t;

/* serve_http.c */
void *serve_start(serve_t *s, unsigned port, unsigned *bound_port);
void serve_stop(void *daemon);
/* an error reply {"error": message} with status */
void serve_error(serve_reply_t *r, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* serve_files.c: resolves rel under dir (no absolute path, no "..", no
 * '%', '\\' or control characters; the real path must stay under dir).
 * Returns 0 with out set, or -1 with the reason in why. */
int serve_confine(const char *dir, const char *rel, char *out, size_t n, char *why, size_t wn);
void serve_static(const serve_t *s, const char *url, serve_reply_t *r);

/* serve_json.c: body parsing.  serve_body parses JSON strictly (no
 * duplicate keys) and checks its keys against the NULL-terminated allowed
 * list; 0 or -1 with an error reply set. */
int serve_body(const char *body, size_t len, const char *const *allowed, json_t **out,
               serve_reply_t *r);
/* optional fields: 0 (absent: default kept), 1 (set) or -1 (error reply set) */
int serve_get_uint(json_t *o, const char *key, uint64_t lo, uint64_t hi, uint64_t *out,
                   serve_reply_t *r);
int serve_get_string(json_t *o, const char *key, const char **out, serve_reply_t *r);
/* "set": {PATH: number, ...} as "PATH=VALUE" strings (owned by *out, free
 * with serve_sets_free) */
int serve_get_sets(json_t *o, const char *key, char ***out, size_t *n, serve_reply_t *r);
void serve_sets_free(char **sets, size_t n);

/* serve_api.c */
void serve_api(serve_t *s, const char *method, const char *url, const char *const *query,
               const char *body, size_t len, serve_reply_t *r);
/* serve_scenario.c: the scenarios under the root; one scenario and its
 * levers; loads a scenario under the root with overrides into a model; 0 or -1
 * with a 4xx reply (located messages) */
void serve_info(const serve_t *s, serve_reply_t *r);
void serve_scenario(serve_t *s, const char *path, serve_reply_t *r);
int serve_load(serve_t *s, brink_ctx_t *ctx, const char *path, char **sets, size_t nsets,
               brink_scenario_t **sc, brink_sim_t **sim, serve_reply_t *r);

/* serve_jobs.c */
serve_jobs_t *serve_jobs_new(void);
void serve_jobs_free(serve_jobs_t *j);   /* cancels and joins every job */
/* takes ctx (the models' context), sc and sim (and the what-if's, for a
 * comparison: sc2/sim2 not NULL) */
int serve_jobs_start(serve_jobs_t *j, brink_ctx_t *mctx, brink_scenario_t *sc, brink_sim_t *sim, brink_scenario_t *sc2,
                     brink_sim_t *sim2, uint64_t seed, uint32_t runs, serve_reply_t *r);
void serve_jobs_status(serve_jobs_t *j, uint64_t id, serve_reply_t *r);
void serve_jobs_cancel(serve_jobs_t *j, uint64_t id, serve_reply_t *r);

/* serve_play.c */
serve_plays_t *serve_plays_new(void);
void serve_plays_free(serve_plays_t *p);
void serve_play_api(serve_t *s, const char *method, const char *what, const char *const *query,
                    const char *body, size_t len, serve_reply_t *r);

/* serve_result.c: JSON of results */
json_t *serve_ensemble_json(const brink_ensemble_t *e, const brink_sim_t *sim);
json_t *serve_compare_json(const brink_compare_t *c);
json_t *serve_trace_json(const brink_sim_t *sim, const brink_sim_trace_t *t, size_t from);

#endif
