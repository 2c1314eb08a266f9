/* serve_sessions.c - the store of play sessions of `brink serve`: each
 * with its own context, model and lock, named by a random id; at most
 * SERVE_MAX_SESSIONS, the least recently used evicted first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve_sessions.h"

serve_plays_t *serve_plays_new(void)
{
    serve_plays_t *p = calloc(1, sizeof *p);
    if (p)
        pthread_mutex_init(&p->mu, NULL);
    return p;
}

void serve_session_free(session_t *x)
{
    if (!x)
        return;
    brink_play_free(x->play);
    brink_sim_free(x->sim);
    brink_scenario_free(x->sc);
    brink_ctx_free(x->ctx);
    pthread_mutex_destroy(&x->mu);
    free(x);
}

void serve_plays_free(serve_plays_t *p)
{
    if (!p)
        return;
    for (int k = 0; k < SERVE_MAX_SESSIONS; k++)
        serve_session_free(p->s[k]);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

int serve_random_hex(char *out, size_t bytes)
{
    unsigned char b[16];
    FILE *f = fopen("/dev/urandom", "rb");
    int ok = f && fread(b, 1, bytes, f) == bytes;
    if (f)
        fclose(f);
    for (size_t i = 0; ok && i < bytes; i++)
        snprintf(out + 2 * i, 3, "%02x", b[i]);
    return ok ? 0 : -1;
}

/* adds x (evicting the least recently used), or returns -1 */
int serve_sessions_add(serve_plays_t *p, session_t *x)
{
    pthread_mutex_lock(&p->mu);
    int slot = -1;
    for (int k = 0; k < SERVE_MAX_SESSIONS && slot < 0; k++)
        if (!p->s[k])
            slot = k;
    if (slot < 0) {
        slot = 0;
        for (int k = 1; k < SERVE_MAX_SESSIONS; k++)
            if (p->s[k]->used < p->s[slot]->used)
                slot = k;
        /* wait for a request on it to finish before freeing it */
        pthread_mutex_lock(&p->s[slot]->mu);
        pthread_mutex_unlock(&p->s[slot]->mu);
        serve_session_free(p->s[slot]);
    }
    x->used = ++p->clock;
    p->s[slot] = x;
    pthread_mutex_unlock(&p->mu);
    return 0;
}

/* the session named id, locked (unlock its mu when done), or NULL */
session_t *serve_sessions_take(serve_plays_t *p, const char *id)
{
    session_t *x = NULL;
    pthread_mutex_lock(&p->mu);
    for (int k = 0; id && k < SERVE_MAX_SESSIONS; k++)
        if (p->s[k] && strcmp(p->s[k]->id, id) == 0) {
            x = p->s[k];
            x->used = ++p->clock;
            pthread_mutex_lock(&x->mu);
        }
    pthread_mutex_unlock(&p->mu);
    return x;
}

