/* cmd_sweep.c - `brink sweep`: run an experiment into a result store. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "opts.h"

const char cmd_sweep_usage[] =
    "usage: brink sweep EXPERIMENT --out DIR [--params DIR] [--threads N] [--resume]\n"
    "                   [--dry-run] [--batch N] [--mpi]\n"
    "       brink sweep --reference\n"
    "\n"
    "Runs every (design point, replication) of the experiment file (docs/experiments.md)\n"
    "and streams the results to DIR/results.sqlite (docs/results-format.md).  Each run\n"
    "is keyed by (seed, point, replication), so the store does not depend on the number\n"
    "of threads or processes.  Completed runs are committed in batches: killing the\n"
    "sweep at any moment loses at most the runs in flight, and --resume finishes it\n"
    "without repeating a run.  A failing run is recorded with its error; the sweep\n"
    "goes on.  A progress bar with rate and ETA is shown on a terminal.\n"
    "\n"
    "options:\n"
    "  --out DIR      output directory (created if missing)\n"
    "  --params DIR   a posterior from 'brink calibrate' (DIR/posterior.csv), in place\n"
    "                 of the experiment's params key: run (point, replication) draws\n"
    "                 a parameter set by weight, keyed like its other random streams,\n"
    "                 and applies it before the factors, so a factor wins; the sweep\n"
    "                 carries parameter uncertainty.  Needs a scenario; --resume\n"
    "                 needs the same posterior (its SHA-256 is in the store)\n"
    "  --threads N    worker threads (default: the number of cores)\n"
    "  --resume       finish the sweep already in DIR (same experiment file,\n"
    "                 scenario and posterior)\n"
    "  --dry-run      validate the experiment and print its size; run nothing\n"
    "  --batch N      runs per transaction (default 256)\n"
    "  --mpi          distribute over MPI ranks (mpirun -n K brink sweep ... --mpi);\n"
    "                 rank 0 owns the store, the others run; needs -DBRINK_MPI=ON\n"
    "  --reference    print the Markdown reference of every experiment-file key\n"
    "\n"
    "Exit status: 0 done, 1 failure or interrupted (resume later), 2 usage or an\n"
    "invalid experiment file (errors printed as FILE:LINE:COL: error: MESSAGE).\n";

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static int check_interrupt(void *ud)
{
    (void)ud;
    return interrupted;
}

/* Loads an experiment, printing its located errors; returns an exit status. */
static int load_experiment(brink_ctx_t *ctx, const char *path, const char *params,
                           brink_experiment_t **exp)
{
    brink_diags_t diags;
    brink_diags_init(&diags);
    brink_status_t st = brink_experiment_load_params(ctx, path, params, exp, &diags);
    if (st != BRINK_OK) {
        char line[2048];
        for (size_t i = 0; i < diags.count; i++) {
            brink_diag_format(&diags.items[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        if (diags.count == 0)
            fprintf(stderr, "%s:0:0: error: %s\n", path,
                    brink_ctx_errmsg(ctx)[0] ? brink_ctx_errmsg(ctx) : brink_strerror(st));
    }
    brink_diags_clear(ctx, &diags);
    if (st == BRINK_OK)
        return EXIT_OK;
    return st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
}

static void print_plan(const brink_experiment_t *exp)
{
    uint64_t runs = (uint64_t)brink_experiment_points(exp) * brink_experiment_replications(exp);
    printf("experiment %s: model %s, design %s, %u points x %u replications = %llu runs, "
           "seed %llu\n",
           brink_experiment_name(exp), brink_experiment_model(exp), brink_experiment_design(exp),
           brink_experiment_points(exp), brink_experiment_replications(exp),
           (unsigned long long)runs, (unsigned long long)brink_experiment_seed(exp));
    for (size_t i = 0; i < brink_experiment_nfactors(exp); i++)
        printf("  factor %-20s %s\n", brink_experiment_factor_name(exp, i),
               brink_experiment_factor_path(exp, i));
    const brink_posterior_t *post = brink_experiment_posterior(exp);
    if (post) {
        uint32_t ns = brink_posterior_nsets(post);
        size_t np = brink_posterior_npaths(post);
        printf("  posterior %s: %u parameter set%s of %zu path%s, sha256 %.12s...\n",
               brink_experiment_posterior_dir(exp), ns, ns == 1 ? "" : "s", np,
               np == 1 ? "" : "s", brink_posterior_hash(post));
        for (size_t j = 0; j < brink_posterior_npaths(post); j++) {
            size_t f = brink_experiment_posterior_factor(exp, j);
            if (f != SIZE_MAX)
                printf("    %s is set by factor %s, not by the posterior\n",
                       brink_posterior_path(post, j), brink_experiment_factor_name(exp, f));
        }
    }
    printf("  outputs:");
    for (size_t i = 0; i < brink_experiment_noutputs(exp); i++)
        printf(" %s", brink_experiment_output(exp, i));
    printf("\n");
}

int cmd_sweep(int argc, char **argv)
{
    enum { O_OUT, O_PARAMS, O_THREADS, O_RESUME, O_DRY, O_BATCH, O_MPI, O_REF };
    static const cli_opt_t table[] = {
        {"--out", 0, 1, O_OUT},         {"--params", 0, 1, O_PARAMS},
        {"--threads", 0, 1, O_THREADS}, {"--resume", 0, 0, O_RESUME},
        {"--dry-run", 0, 0, O_DRY},     {"--batch", 0, 1, O_BATCH},
        {"--mpi", 0, 0, O_MPI},         {"--reference", 0, 0, O_REF},
        {NULL, 0, 0, 0}};
    const char *file = NULL, *out = NULL, *params = NULL, *v;
    uint64_t threads = 0, batch = 0;
    int resume = 0, dry = 0, mpi = 0, rc = EXIT_OK, id;
    brink_ctx_t *ctx = NULL;
    brink_experiment_t *exp = NULL;
    cli_opts_t p;
    cli_opts_init(&p, "sweep", argc, argv, table);
    while ((id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            return EXIT_USAGE;
        case CLI_OPTS_POSITIONAL:
            if (file)
                return cli_usage_error("sweep: expected one EXPERIMENT file, got '%s' too", v);
            file = v;
            break;
        case O_OUT:
            out = v;
            break;
        case O_PARAMS:
            params = v;
            break;
        case O_THREADS:
            if ((rc = cli_opt_threads("sweep", v, &threads)) != EXIT_OK)
                return rc;
            break;
        case O_BATCH:
            if ((rc = cli_opt_u64("sweep", "--batch", v, 1, 1000000, &batch)) != EXIT_OK)
                return rc;
            break;
        case O_RESUME:
            resume = 1;
            break;
        case O_DRY:
            dry = 1;
            break;
        case O_MPI:
            mpi = 1;
            break;
        case O_REF:
            brink_experiment_write_reference(stdout);
            return EXIT_OK;
        }
    }
    if (!file)
        return cli_usage_error("sweep: expected an EXPERIMENT file (see 'brink help sweep')");
    if (!out && !dry)
        return cli_usage_error("sweep: --out DIR is required");
    ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    if ((rc = load_experiment(ctx, file, params, &exp)) != EXIT_OK)
        goto cleanup;
    if (dry) {
        print_plan(exp);
        goto cleanup;
    }
    brink_model_t model;
    if (brink_experiment_model_resolve(ctx, exp, &model) != BRINK_OK) {
        rc = cli_fail("sweep: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    brink_sweep_opts_t opts = {out, (int)threads, resume, (uint32_t)batch};
    brink_sweep_stats_t stats;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    brink_ctx_set_interrupt(ctx, check_interrupt, NULL);
    cli_progress_t prog;
    cli_progress_init(&prog, "sweep");
    brink_ctx_set_progress(ctx, cli_progress_cb, &prog);
    double t0 = cli_now();
    brink_status_t st;
    if (mpi) {
        int rank = 0;
        st = brink_sweep_run_mpi(ctx, exp, &model, &opts, &stats, &rank);
        if (rank != 0) /* workers say nothing */
            goto cleanup_mpi;
    } else {
        st = brink_sweep_run(ctx, exp, &model, &opts, &stats);
    }
    cli_progress_done(&prog);
    double el = cli_now() - t0;
    if (st != BRINK_OK) {
        rc = cli_fail("sweep: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    printf("sweep %s: %llu runs done (%llu already in the store, %llu failed) in %.2f s, "
           "%.0f runs/s -> %s/results.sqlite\n",
           brink_experiment_name(exp), (unsigned long long)stats.done,
           (unsigned long long)stats.skipped, (unsigned long long)stats.failed, el,
           el > 0 ? (double)stats.done / el : 0.0, out);
    goto cleanup;
cleanup_mpi:
    if (st != BRINK_OK)
        rc = EXIT_FAIL;
cleanup:
    brink_experiment_free(exp);
    brink_ctx_free(ctx);
    return rc;
}
