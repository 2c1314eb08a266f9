/* serve_jobs.c - ensembles and comparisons of `brink serve` on worker
 * threads: at most SERVE_MAX_RUNNING at once and SERVE_MAX_JOBS kept;
 * progress through the context's callback, cancel through its interrupt
 * callback; a cancelled job frees its memory at once, a finished one when
 * it is evicted (oldest first) or the server stops. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

enum { J_FREE = 0, J_RUNNING, J_DONE, J_CANCELLED, J_FAILED };
static const char *const state_names[] = {"free", "running", "done", "cancelled", "failed"};

typedef struct job {
    uint64_t id;
    int state, joinable, cancel;
    uint64_t done, total;
    brink_ctx_t *mctx;     /* the context the models were made with */
    brink_scenario_t *sc, *sc2;
    brink_sim_t *sim, *sim2;
    uint64_t seed;
    uint32_t runs;
    json_t *result;
    char error[512];
    pthread_t th;
    serve_jobs_t *owner;
} job_t;

struct serve_jobs {
    pthread_mutex_t mu;
    uint64_t next;
    job_t job[SERVE_MAX_JOBS];
};

serve_jobs_t *serve_jobs_new(void)
{
    serve_jobs_t *j = calloc(1, sizeof *j);
    if (j) {
        pthread_mutex_init(&j->mu, NULL);
        j->next = 1;
    }
    return j;
}

static void progress(uint64_t done, uint64_t total, void *ud)
{
    job_t *b = ud;
    pthread_mutex_lock(&b->owner->mu);
    b->done = done;
    b->total = total;
    pthread_mutex_unlock(&b->owner->mu);
}

static int interrupted(void *ud)
{
    job_t *b = ud;
    pthread_mutex_lock(&b->owner->mu);
    int c = b->cancel;
    pthread_mutex_unlock(&b->owner->mu);
    return c;
}

static void *work(void *arg)
{
    job_t *b = arg;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    json_t *res = NULL;
    brink_status_t st = BRINK_ENOMEM;
    if (ctx) {
        brink_ctx_set_progress(ctx, progress, b);
        brink_ctx_set_interrupt(ctx, interrupted, b);
        if (b->sim2) {
            brink_compare_t *c = NULL;
            st = brink_sim_compare(ctx, b->sim, b->sim2, b->seed, b->runs, 2, -1, &c);
            if (st == BRINK_OK && !(res = serve_compare_json(c)))
                st = BRINK_ENOMEM;
            brink_compare_free(ctx, c);
        } else {
            brink_ensemble_t *e = NULL;
            st = brink_sim_ensemble(ctx, b->sim, b->seed, b->runs, 2, -1, &e);
            if (st == BRINK_OK && !(res = serve_ensemble_json(e, b->sim)))
                st = BRINK_ENOMEM;
            brink_ensemble_free(e);
        }
    }
    pthread_mutex_lock(&b->owner->mu);
    b->result = res;
    b->state = st == BRINK_OK ? J_DONE : st == BRINK_EINTERRUPT ? J_CANCELLED : J_FAILED;
    snprintf(b->error, sizeof b->error, "%s", st == BRINK_OK ? "" : ctx ? brink_ctx_errmsg(ctx)
                                                                        : "out of memory");
    brink_sim_free(b->sim);
    brink_sim_free(b->sim2);
    brink_scenario_free(b->sc);
    brink_scenario_free(b->sc2);
    brink_ctx_free(b->mctx);
    b->sim = b->sim2 = NULL;
    b->sc = b->sc2 = NULL;
    b->mctx = NULL;
    pthread_mutex_unlock(&b->owner->mu);
    brink_ctx_free(ctx);
    return NULL;
}

/* frees a finished job's slot (called with the lock held; the thread has
 * ended, so the join does not wait) */
static void release(job_t *b)
{
    if (b->joinable)
        pthread_join(b->th, NULL);
    json_decref(b->result);
    memset(b, 0, sizeof *b);
}

int serve_jobs_start(serve_jobs_t *j, brink_ctx_t *mctx, brink_scenario_t *sc, brink_sim_t *sim, brink_scenario_t *sc2,
                     brink_sim_t *sim2, uint64_t seed, uint32_t runs, serve_reply_t *r)
{
    pthread_mutex_lock(&j->mu);
    int running = 0, slot = -1;
    for (int k = 0; k < SERVE_MAX_JOBS; k++) {
        running += j->job[k].state == J_RUNNING;
        if (j->job[k].state == J_FREE && slot < 0)
            slot = k;
    }
    if (running >= SERVE_MAX_RUNNING) {
        pthread_mutex_unlock(&j->mu);
        serve_error(r, 429, "%d runs are already running; wait for one or cancel it",
                    SERVE_MAX_RUNNING);
        goto fail;
    }
    if (slot < 0) /* evict the oldest finished job */
        for (int k = 0; k < SERVE_MAX_JOBS; k++)
            if (j->job[k].state != J_RUNNING && (slot < 0 || j->job[k].id < j->job[slot].id))
                slot = k;
    job_t *b = &j->job[slot];
    release(b);
    b->id = j->next++;
    b->state = J_RUNNING;
    b->owner = j;
    b->mctx = mctx;
    b->sc = sc;
    b->sim = sim;
    b->sc2 = sc2;
    b->sim2 = sim2;
    b->seed = seed;
    b->runs = runs;
    b->total = runs;
    if (pthread_create(&b->th, NULL, work, b) != 0) {
        memset(b, 0, sizeof *b);
        pthread_mutex_unlock(&j->mu);
        serve_error(r, 503, "cannot start a worker thread");
        goto fail;
    }
    b->joinable = 1;
    r->status = 202;
    r->json = json_pack("{s:I}", "job", (json_int_t)b->id);
    pthread_mutex_unlock(&j->mu);
    return 0;
fail:
    brink_sim_free(sim);
    brink_sim_free(sim2);
    brink_scenario_free(sc);
    brink_scenario_free(sc2);
    brink_ctx_free(mctx);
    return -1;
}

static job_t *find(serve_jobs_t *j, uint64_t id)
{
    for (int k = 0; k < SERVE_MAX_JOBS; k++)
        if (j->job[k].state != J_FREE && j->job[k].id == id)
            return &j->job[k];
    return NULL;
}

void serve_jobs_status(serve_jobs_t *j, uint64_t id, serve_reply_t *r)
{
    pthread_mutex_lock(&j->mu);
    job_t *b = find(j, id);
    if (!b) {
        serve_error(r, 404, "no job %llu (finished jobs are kept until %d newer ones)",
                    (unsigned long long)id, SERVE_MAX_JOBS);
    } else {
        r->status = 200;
        r->json = json_pack("{s:I, s:s, s:I, s:I}", "job", (json_int_t)b->id, "state",
                            state_names[b->state], "done", (json_int_t)b->done, "total",
                            (json_int_t)b->total);
        if (b->state == J_DONE && b->result)
            json_object_set(r->json, "result", b->result);
        if (b->state == J_FAILED)
            json_object_set_new(r->json, "error", json_string(b->error));
    }
    pthread_mutex_unlock(&j->mu);
}

void serve_jobs_cancel(serve_jobs_t *j, uint64_t id, serve_reply_t *r)
{
    pthread_mutex_lock(&j->mu);
    job_t *b = find(j, id);
    if (!b)
        serve_error(r, 404, "no job %llu", (unsigned long long)id);
    else {
        b->cancel = 1;
        r->status = 200;
        r->json = json_pack("{s:I, s:s}", "job", (json_int_t)b->id, "state",
                            b->state == J_RUNNING ? "cancelling" : state_names[b->state]);
    }
    pthread_mutex_unlock(&j->mu);
}

void serve_jobs_free(serve_jobs_t *j)
{
    if (!j)
        return;
    pthread_mutex_lock(&j->mu);
    for (int k = 0; k < SERVE_MAX_JOBS; k++)
        j->job[k].cancel = 1;
    pthread_mutex_unlock(&j->mu);
    for (int k = 0; k < SERVE_MAX_JOBS; k++) {
        if (j->job[k].joinable) {
            pthread_join(j->job[k].th, NULL);
            j->job[k].joinable = 0;
        }
        json_decref(j->job[k].result);
    }
    pthread_mutex_destroy(&j->mu);
    free(j);
}
