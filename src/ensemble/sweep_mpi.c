/* sweep_mpi.c - `brink sweep --mpi`: a task farm over MPI ranks.  Rank 0
 * owns the store: it answers each worker's message (the results of its
 * last block, empty at first) with the next block of pending runs, and
 * runs a few itself while no message waits.  Runs are keyed by (seed,
 * point, rep), so the store equals the threaded sweep's whatever rank ran
 * what.  Built with -DBRINK_MPI=ON only. */
#include "ensemble/exp_internal.h"

#ifndef BRINK_WITH_MPI
brink_status_t brink_sweep_run_mpi(brink_ctx_t *ctx, const brink_experiment_t *exp,
                                   const brink_model_t *model, const brink_sweep_opts_t *opts,
                                   brink_sweep_stats_t *stats, int *rank)
{
    (void)exp;
    (void)model;
    (void)opts;
    (void)stats;
    *rank = 0;
    return brink_ctx_error(ctx, BRINK_EUNSUPPORTED,
                           "this brink was built without MPI (configure with -DBRINK_MPI=ON)");
}
#else
#include <mpi.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/store.h"

enum { TAG_RESULT = 1, TAG_WORK = 2, BLOCK = 32, LOCAL = 4 };

typedef struct rec_head {
    uint32_t point, rep;
    int32_t failed, pad;
    double wall_ms;
} rec_head_t;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One run on the wire: head (with nsteps in pad), scalars, series, message. */
static size_t rec_size(const brink_experiment_t *exp)
{
    return sizeof(rec_head_t) + (exp->noutputs + exp->nseries * exp->max_steps) * sizeof(double) +
           256;
}

/* Runs task t into r. */
static void run_task(brink_ctx_t *wctx, const brink_experiment_t *exp, const brink_model_t *m,
                     brink_scenario_t *sc, uint64_t t, store_run_t *r)
{
    uint32_t reps = (uint32_t)exp->f.replications;
    r->point = (uint32_t)(t / reps);
    r->rep = (uint32_t)(t % reps);
    double t0 = now_ms();
    r->failed = brink_sweep_eval(wctx, exp, m, sc, r->point, r->rep, r->scalars, r->series,
                                 &r->nsteps, r->msg, sizeof r->msg) != BRINK_OK;
    r->wall_ms = now_ms() - t0;
}

static void pack(const store_run_t *r, const brink_experiment_t *exp, char *p)
{
    size_t a = exp->noutputs * sizeof(double), b = exp->nseries * exp->max_steps * sizeof(double);
    rec_head_t h = {r->point, r->rep, r->failed, (int32_t)r->nsteps, r->wall_ms};
    memcpy(p, &h, sizeof h);
    memcpy(p + sizeof h, r->scalars, a);
    if (b)
        memcpy(p + sizeof h + a, r->series, b);
    memcpy(p + sizeof h + a + b, r->msg, 256);
}

static void unpack(const char *p, const brink_experiment_t *exp, store_run_t *r)
{
    size_t a = exp->noutputs * sizeof(double), b = exp->nseries * exp->max_steps * sizeof(double);
    rec_head_t h;
    memcpy(&h, p, sizeof h);
    r->point = h.point;
    r->rep = h.rep;
    r->failed = h.failed;
    r->nsteps = (uint32_t)h.pad;
    r->wall_ms = h.wall_ms;
    memcpy(r->scalars, p + sizeof h, a);
    if (b)
        memcpy(r->series, p + sizeof h + a, b);
    memcpy(r->msg, p + sizeof h + a + b, 256);
    r->msg[255] = '\0';
}

/* The next pending task at or after *next, or UINT64_MAX. */
static uint64_t take(const uint8_t *done, uint64_t *next, uint64_t total)
{
    while (*next < total && (done[*next / 8] & (1u << (*next % 8))))
        (*next)++;
    return *next < total ? (*next)++ : UINT64_MAX;
}

static brink_status_t worker(brink_ctx_t *ctx, const brink_experiment_t *exp,
                             const brink_model_t *m, brink_scenario_t *sc)
{
    size_t nout = exp->noutputs, sper = exp->nseries * exp->max_steps;
    size_t rs = rec_size(exp);
    char *buf = brink_malloc(ctx, BLOCK * rs);
    double *vals = brink_calloc(ctx, nout + sper + 1, sizeof *vals);
    brink_ctx_t *wctx = brink_ctx_new_child(ctx);
    uint64_t tasks[BLOCK];
    if (!buf || !vals || !wctx) {
        brink_free(ctx, buf);
        brink_free(ctx, vals);
        brink_ctx_free(wctx);
        MPI_Abort(MPI_COMM_WORLD, 1); /* cannot take part in the farm */
        return BRINK_ENOMEM;
    }
    store_run_t r;
    memset(&r, 0, sizeof r);
    r.scalars = vals;
    r.series = sper ? vals + nout : NULL;
    int n = 0;
    for (;;) {
        MPI_Send(buf, (int)((size_t)n * rs), MPI_BYTE, 0, TAG_RESULT, MPI_COMM_WORLD);
        MPI_Status status;
        int count = 0;
        MPI_Recv(tasks, BLOCK, MPI_UINT64_T, 0, TAG_WORK, MPI_COMM_WORLD, &status);
        MPI_Get_count(&status, MPI_UINT64_T, &count);
        if (count == 0)
            break;
        for (int i = 0; i < count; i++) {
            run_task(wctx, exp, m, sc, tasks[i], &r);
            pack(&r, exp, buf + (size_t)i * rs);
        }
        n = count;
    }
    brink_free(ctx, buf);
    brink_free(ctx, vals);
    brink_ctx_free(wctx);
    return BRINK_OK;
}

/* Commits the waiting runs in one transaction (if all is well so far). */
static void flush(brink_ctx_t *ctx, store_t *store, store_run_t *runs, size_t *own,
                  const brink_experiment_t *exp, brink_sweep_stats_t *stats, uint64_t *finished,
                  brink_status_t *st, int *stopping)
{
    if (*own && *st == BRINK_OK) {
        *st = store_write_runs(store, runs, *own, exp);
        for (size_t i = 0; *st == BRINK_OK && i < *own; i++)
            stats->failed += (uint64_t)runs[i].failed;
        if (*st == BRINK_OK) {
            stats->done += *own;
            *finished += *own;
            brink_ctx_progress(ctx, *finished, stats->total);
        }
        *stopping |= *st != BRINK_OK;
    }
    *own = 0;
}

static brink_status_t root(brink_ctx_t *ctx, const brink_experiment_t *exp,
                           const brink_model_t *m, brink_scenario_t *sc,
                           const brink_sweep_opts_t *opts, brink_sweep_stats_t *stats, int size)
{
    size_t nout = exp->noutputs, rs = rec_size(exp), sper = exp->nseries * exp->max_steps;
    uint32_t reps = (uint32_t)exp->f.replications;
    uint64_t total = (uint64_t)exp->npoints * reps, next = 0;
    size_t bsize = opts->batch ? opts->batch : 256;
    store_t *store = NULL;
    brink_status_t st = BRINK_OK;
    int active = size - 1;
    uint8_t *done = brink_calloc(ctx, total / 8 + 1, 1);
    char *buf = brink_malloc(ctx, BLOCK * rs);
    size_t cap = bsize + BLOCK;
    store_run_t *runs = brink_calloc(ctx, cap, sizeof *runs);
    double *vals = brink_calloc(ctx, cap * (nout + sper + 1), sizeof *vals);
    brink_ctx_t *wctx = brink_ctx_new_child(ctx);
    size_t own = 0; /* finished runs (any rank's) waiting in runs[] */
    memset(stats, 0, sizeof *stats);
    stats->total = total;
    if (!done || !buf || !runs || !vals || !wctx) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for the sweep");
    } else {
        for (size_t i = 0; i < cap; i++) {
            runs[i].scalars = vals + i * (nout + sper + 1);
            runs[i].series = sper ? runs[i].scalars + nout : NULL;
        }
        if (mkdir(opts->dir, 0777) != 0) {
            struct stat sb;
            if (stat(opts->dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
                st = brink_ctx_error(ctx, BRINK_EIO, "cannot create the directory %s",
                                     opts->dir);
        }
        if (st == BRINK_OK)
            st = store_open_write(ctx, opts->dir, exp, opts->resume, 1, size, &store);
        if (st == BRINK_OK)
            st = store_load_done(store, done, reps, &stats->skipped);
    }
    uint64_t finished = stats->skipped;
    brink_ctx_progress(ctx, finished, total);
    int stopping = st != BRINK_OK;
    for (;;) {
        if (!stopping && brink_ctx_interrupted(ctx))
            stopping = 1;
        int flag = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, TAG_RESULT, MPI_COMM_WORLD, &flag, &status);
        if (!flag) {
            uint64_t t = stopping ? UINT64_MAX : take(done, &next, total);
            if (t != UINT64_MAX) { /* no message waits: run one here */
                run_task(wctx, exp, m, sc, t, &runs[own++]);
                if (own >= bsize)
                    flush(ctx, store, runs, &own, exp, stats, &finished, &st, &stopping);
                continue;
            }
            if (active == 0)
                break;
            MPI_Probe(MPI_ANY_SOURCE, TAG_RESULT, MPI_COMM_WORLD, &status);
        }
        int bytes = 0;
        MPI_Get_count(&status, MPI_BYTE, &bytes);
        MPI_Recv(buf, BLOCK * (int)rs, MPI_BYTE, status.MPI_SOURCE, TAG_RESULT, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        size_t n = (size_t)bytes / rs;
        for (size_t i = 0; i < n && st == BRINK_OK; i++)
            unpack(buf + i * rs, exp, &runs[own++]);
        /* the worker's next block first, then the commit */
        uint64_t tasks[BLOCK];
        int count = 0;
        while (!stopping && count < BLOCK) {
            uint64_t t = take(done, &next, total);
            if (t == UINT64_MAX)
                break;
            tasks[count++] = t;
        }
        MPI_Send(tasks, count, MPI_UINT64_T, status.MPI_SOURCE, TAG_WORK, MPI_COMM_WORLD);
        if (count == 0)
            active--;
        if (own >= bsize)
            flush(ctx, store, runs, &own, exp, stats, &finished, &st, &stopping);
    }
    flush(ctx, store, runs, &own, exp, stats, &finished, &st, &stopping);
    if (st == BRINK_OK && stats->skipped + stats->done < total)
        st = brink_ctx_error(ctx, BRINK_EINTERRUPT,
                             "interrupted: %llu of %llu runs are in the store; --resume "
                             "finishes the sweep",
                             (unsigned long long)(stats->skipped + stats->done),
                             (unsigned long long)total);
    if (st == BRINK_OK)
        st = store_finish(store, exp);
    store_close(store);
    brink_free(ctx, done);
    brink_free(ctx, buf);
    brink_free(ctx, runs);
    brink_free(ctx, vals);
    brink_ctx_free(wctx);
    return st;
}

brink_status_t brink_sweep_run_mpi(brink_ctx_t *ctx, const brink_experiment_t *exp,
                                   const brink_model_t *model, const brink_sweep_opts_t *opts,
                                   brink_sweep_stats_t *stats, int *rank)
{
    int inited = 0, size = 1;
    brink_status_t st;
    brink_model_t own;
    brink_scenario_t *sc = NULL;
    memset(stats, 0, sizeof *stats);
    MPI_Initialized(&inited);
    if (!inited)
        MPI_Init(NULL, NULL);
    MPI_Comm_rank(MPI_COMM_WORLD, rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (!model) {
        if ((st = brink_experiment_model_resolve(ctx, exp, &own)) != BRINK_OK)
            goto done;
        model = &own;
    }
    if (exp->scenario_path) {
        brink_diags_t d;
        brink_diags_init(&d);
        st = brink_scenario_load(ctx, exp->scenario_path, NULL, 0, &sc, &d);
        brink_diags_clear(ctx, &d);
        if (st != BRINK_OK) {
            st = brink_ctx_error(ctx, st, "cannot load the scenario %s", exp->scenario_path);
            goto done;
        }
    }
    if (*rank == 0)
        st = root(ctx, exp, model, sc, opts, stats, size);
    else
        st = worker(ctx, exp, model, sc);
done:
    brink_scenario_free(sc);
    if (!inited)
        MPI_Finalize();
    return st;
}
#endif
