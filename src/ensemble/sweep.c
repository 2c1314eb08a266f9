/* sweep.c - the run loop: every (design point, replication) not yet in the
 * store is evaluated by OpenMP tasks while the main thread commits the
 * previous batch, so the store sees one writer and memory holds at most
 * two batches.  Each run is keyed by (seed, point, rep), its posterior set
 * included: the thread that runs it and the order do not matter. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ensemble/exp_internal.h"
#include "store/store.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static brink_status_t eval(brink_ctx_t *ctx, const brink_experiment_t *exp,
                           const brink_model_t *model, brink_scenario_t *sc, uint32_t point,
                           uint32_t rep, double *scalars, double *mseries, uint32_t *nsteps,
                           char *msg, size_t size);

brink_status_t brink_sweep_eval(brink_ctx_t *ctx, const brink_experiment_t *exp,
                                const brink_model_t *model, brink_scenario_t *sc,
                                uint32_t point, uint32_t rep, double *scalars, double *series,
                                uint32_t *nsteps, char *msg, size_t size)
{
    double *mseries = NULL; /* the model's own series layout */
    size_t ms = model->max_steps;
    if (nsteps)
        *nsteps = 0;
    if (series && exp->nseries && model->nseries && ms) {
        mseries = brink_malloc(ctx, model->nseries * ms * sizeof *mseries);
        if (!mseries) {
            snprintf(msg, size, "out of memory for the series");
            return BRINK_ENOMEM;
        }
        for (size_t i = 0; i < model->nseries * ms; i++)
            mseries[i] = NAN;
    }
    brink_status_t st = eval(ctx, exp, model, sc, point, rep, scalars, mseries, nsteps, msg,
                             size);
    if (st == BRINK_OK && mseries) {
        uint32_t n = *nsteps < exp->max_steps ? *nsteps : exp->max_steps;
        *nsteps = n;
        for (size_t j = 0; j < exp->nseries; j++) {
            size_t i;
            for (i = 0; i < model->nseries; i++)
                if (strcmp(model->series[i], exp->series[j]) == 0)
                    break;
            if (i == model->nseries) {
                snprintf(msg, size, "model %s has no series '%s'", model->name, exp->series[j]);
                st = BRINK_ENOTFOUND;
                break;
            }
            memcpy(series + j * exp->max_steps, mseries + i * ms, n * sizeof *series);
        }
    }
    brink_free(ctx, mseries);
    return st;
}

static brink_status_t eval(brink_ctx_t *ctx, const brink_experiment_t *exp,
                           const brink_model_t *model, brink_scenario_t *sc, uint32_t point,
                           uint32_t rep, double *scalars, double *mseries, uint32_t *nsteps,
                           char *msg, size_t size)
{
    size_t k = exp->f.nfactors;
    double x[BRINK_SOBOL_MAX_DIM];
    double all[64];
    brink_status_t st = brink_experiment_point(exp, point, NULL, x);
    msg[0] = '\0';
    if (st != BRINK_OK) {
        snprintf(msg, size, "design point %u does not exist", point);
        return st;
    }
    if (model->noutputs > sizeof all / sizeof all[0]) {
        snprintf(msg, size, "model %s has more than 64 outputs", model->name);
        return BRINK_ELIMIT;
    }
    uint32_t stream_point = exp->f.common_random_numbers ? 0u : point;
    /* the run's posterior set first, so that a factor's value wins */
    if (sc && exp->posterior) {
        const brink_posterior_t *post = exp->posterior;
        uint32_t set = brink_posterior_pick(post, (uint64_t)exp->f.seed, stream_point, rep);
        size_t bad = 0;
        if ((st = brink_posterior_apply(ctx, post, set, sc, exp->post_skip, &bad)) != BRINK_OK) {
            snprintf(msg, size, "posterior set %u: %s", set, brink_ctx_errmsg(ctx));
            return st;
        }
    }
    if (sc)
        for (size_t i = 0; i < k; i++)
            if ((st = brink_scenario_set_number(ctx, sc, exp->f.factors[i].path, x[i])) !=
                BRINK_OK) {
                snprintf(msg, size, "%s", brink_ctx_errmsg(ctx));
                return st;
            }
    for (size_t j = 0; j < model->noutputs; j++)
        all[j] = NAN;
    brink_model_input_t in = {sc, x, k, (uint64_t)exp->f.seed, point, rep, exp->f.horizon,
                              exp->f.model_params, exp->f.nparams, exp->f.noise,
                              (uint64_t)exp->f.work, stream_point};
    brink_model_output_t out = {all, model->noutputs, mseries, mseries ? model->nseries : 0,
                                mseries ? model->max_steps : 0, 0};
    brink_ctx_clear_error(ctx);
    st = model->run(ctx, &in, &out, model->ud);
    if (st != BRINK_OK) {
        const char *m = brink_ctx_errmsg(ctx);
        snprintf(msg, size, "%s", m[0] ? m : brink_strerror(st));
        return st;
    }
    if (nsteps)
        *nsteps = out.nsteps <= out.max_steps ? out.nsteps : out.max_steps;
    /* the kept outputs, by name (the model may be another than the
     * experiment's built-in one, e.g. the crisis simulation) */
    for (size_t j = 0; j < exp->noutputs; j++) {
        size_t i = exp->output_index[j];
        if (i >= model->noutputs || strcmp(model->outputs[i], exp->outputs[j]) != 0)
            for (i = 0; i < model->noutputs; i++)
                if (strcmp(model->outputs[i], exp->outputs[j]) == 0)
                    break;
        if (i == model->noutputs) {
            snprintf(msg, size, "model %s has no output '%s'", model->name, exp->outputs[j]);
            return BRINK_ENOTFOUND;
        }
        scalars[j] = all[i];
    }
    return BRINK_OK;
}

typedef struct worker {
    brink_ctx_t *ctx;
    brink_scenario_t *sc;
} worker_t;

typedef struct batch {
    store_run_t *runs;
    double *values;
    double *series;
    size_t n;
} batch_t;

static void run_one(const brink_experiment_t *exp, const brink_model_t *model, worker_t *w,
                    store_run_t *r)
{
    double t0 = now_ms();
    brink_status_t st = brink_sweep_eval(w->ctx, exp, model, w->sc, r->point, r->rep,
                                         r->scalars, r->series, &r->nsteps, r->msg,
                                         sizeof r->msg);
    r->failed = st != BRINK_OK;
    r->wall_ms = now_ms() - t0;
}

brink_status_t brink_sweep_run(brink_ctx_t *ctx, const brink_experiment_t *exp,
                               const brink_model_t *model, const brink_sweep_opts_t *opts,
                               brink_sweep_stats_t *stats)
{
    brink_status_t st = BRINK_OK;
    brink_model_t own;
    store_t *store = NULL;
    uint8_t *done = NULL;
    worker_t *workers = NULL;
    batch_t b[2];
    memset(b, 0, sizeof b);
    memset(stats, 0, sizeof *stats);
    int threads = opts->threads > 0 ? opts->threads : omp_get_max_threads();
    size_t bsize = opts->batch ? opts->batch : 256;
    size_t nout = exp->noutputs;
    size_t sper = exp->nseries * exp->max_steps; /* series values per run */
    if (!model) {
        if ((st = brink_experiment_model_resolve(ctx, exp, &own)) != BRINK_OK)
            return st;
        model = &own;
    }
    uint32_t reps = (uint32_t)exp->f.replications;
    uint64_t total = (uint64_t)exp->npoints * reps;
    stats->total = total;
    if (mkdir(opts->dir, 0777) != 0) {
        struct stat sb;
        if (stat(opts->dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
            return brink_ctx_error(ctx, BRINK_EIO, "cannot create the directory %s", opts->dir);
    }
    if ((st = store_open_write(ctx, opts->dir, exp, opts->resume, threads, 1, &store)) !=
        BRINK_OK)
        goto cleanup;
    done = brink_calloc(ctx, total / 8 + 1, 1);
    workers = brink_calloc(ctx, (size_t)threads, sizeof *workers);
    for (int i = 0; i < 2 && done && workers; i++) {
        b[i].runs = brink_calloc(ctx, bsize, sizeof *b[i].runs);
        b[i].values = brink_calloc(ctx, bsize * (nout ? nout : 1), sizeof *b[i].values);
        b[i].series = sper ? brink_calloc(ctx, bsize * sper, sizeof *b[i].series) : NULL;
        if (!b[i].runs || !b[i].values || (sper && !b[i].series))
            break;
        for (size_t j = 0; j < bsize; j++) {
            b[i].runs[j].scalars = b[i].values + j * nout;
            b[i].runs[j].series = sper ? b[i].series + j * sper : NULL;
        }
    }
    if (!done || !workers || !b[0].runs || !b[0].values || !b[1].runs || !b[1].values ||
        (sper && (!b[0].series || !b[1].series))) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for the sweep");
        goto cleanup;
    }
    for (int i = 0; i < threads; i++) {
        workers[i].ctx = brink_ctx_new_child(ctx);
        if (!workers[i].ctx) {
            st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for the sweep");
            goto cleanup;
        }
        if (exp->scenario_path) {
            brink_diags_t d;
            brink_diags_init(&d);
            st = brink_scenario_load(workers[i].ctx, exp->scenario_path, NULL, 0,
                                     &workers[i].sc, &d);
            brink_diags_clear(workers[i].ctx, &d);
            if (st != BRINK_OK) {
                st = brink_ctx_error(ctx, st, "cannot load the scenario %s", exp->scenario_path);
                goto cleanup;
            }
        }
    }
    if ((st = store_load_done(store, done, reps, &stats->skipped)) != BRINK_OK)
        goto cleanup;
    uint64_t next = 0, finished = stats->skipped;
    brink_status_t wst = BRINK_OK;
    int cur = 0;
    brink_ctx_progress(ctx, finished, total);
#pragma omp parallel num_threads(threads) shared(st, wst, next, finished, cur)
#pragma omp single
    {
        for (;;) {
            /* fill the current batch with pending runs */
            batch_t *c = &b[cur], *p = &b[1 - cur];
            c->n = 0;
            if (wst == BRINK_OK && !brink_ctx_interrupted(ctx))
                while (next < total && c->n < bsize) {
                    if (!(done[next / 8] & (1u << (next % 8)))) {
                        c->runs[c->n].point = (uint32_t)(next / reps);
                        c->runs[c->n].rep = (uint32_t)(next % reps);
                        c->n++;
                    }
                    next++;
                }
            /* small tasks, so that the end of a batch leaves no thread idle
             * for long */
            size_t chunk = c->n / (size_t)(32 * threads) + 1;
            for (size_t lo = 0; lo < c->n; lo += chunk) {
                size_t hi = lo + chunk < c->n ? lo + chunk : c->n;
#pragma omp task firstprivate(lo, hi, c)
                {
                    worker_t *w = &workers[omp_get_thread_num()];
                    for (size_t j = lo; j < hi; j++)
                        run_one(exp, model, w, &c->runs[j]);
                }
            }
            /* commit the previous batch while the tasks run */
            if (p->n && wst == BRINK_OK) {
                wst = store_write_runs(store, p->runs, p->n, exp);
                if (wst == BRINK_OK) {
                    for (size_t j = 0; j < p->n; j++)
                        stats->failed += (uint64_t)p->runs[j].failed;
                    stats->done += p->n;
                    finished += p->n;
                    brink_ctx_progress(ctx, finished, total);
                }
            }
            p->n = 0;
#pragma omp taskwait
            if (c->n == 0)
                break;
            cur = 1 - cur;
        }
    }
    if (wst != BRINK_OK) {
        st = wst;
        goto cleanup;
    }
    if (stats->skipped + stats->done < total) {
        st = brink_ctx_error(ctx, BRINK_EINTERRUPT,
                             "interrupted: %llu of %llu runs are in the store; --resume "
                             "finishes the sweep",
                             (unsigned long long)(stats->skipped + stats->done),
                             (unsigned long long)total);
        goto cleanup;
    }
    st = store_finish(store, exp);
cleanup:
    for (int i = 0; workers && i < threads; i++) {
        brink_scenario_free(workers[i].sc);
        brink_ctx_free(workers[i].ctx);
    }
    brink_free(ctx, workers);
    for (int i = 0; i < 2; i++) {
        brink_free(ctx, b[i].runs);
        brink_free(ctx, b[i].values);
        brink_free(ctx, b[i].series);
    }
    brink_free(ctx, done);
    store_close(store);
    return st;
}
