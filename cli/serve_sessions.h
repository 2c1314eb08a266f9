/* serve_sessions.h - the play sessions' store, shared by serve_sessions.c
 * (the store: create, find and lock, evict) and serve_play.c (the API). */
#ifndef BRINK_SERVE_SESSIONS_H
#define BRINK_SERVE_SESSIONS_H

#include "serve.h"

typedef struct session {
    char id[33];
    uint64_t used;
    pthread_mutex_t mu;
    brink_ctx_t *ctx;
    brink_scenario_t *sc;
    brink_sim_t *sim;
    brink_play_t *play;
    char hash[80];
} session_t;

struct serve_plays {
    pthread_mutex_t mu;
    uint64_t clock;
    session_t *s[SERVE_MAX_SESSIONS];
};

/* frees a session (its model and context) */
void serve_session_free(session_t *x);
/* bytes random bytes from /dev/urandom as 2 bytes hex digits and a NUL
 * (bytes at most 16): a session id; 0, or -1 with no random source */
int serve_random_hex(char *out, size_t bytes);
/* stores x (its id already set), evicting the least recently used session
 * when full; 0 */
int serve_sessions_add(serve_plays_t *p, session_t *x);
/* the session named id, locked (unlock x->mu when done), or NULL */
session_t *serve_sessions_take(serve_plays_t *p, const char *id);

#endif
