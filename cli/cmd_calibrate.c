/* cmd_calibrate.c - `brink calibrate`: ABC-SMC over the scenario's free
 * parameters against a targets file (brink/calib.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "forecasting.h"
#include "opts.h"

/* every file the command writes in its result directory */
static const char *const own_files[] = {"posterior.csv", "history.csv",
                                          "distances.csv", "summary.json", NULL};

const char cmd_calibrate_usage[] =
    "usage: brink calibrate SCENARIO --targets FILE --out DIR [--budget N]\n"
    "                       [--particles N] [--alpha A] [--seed N] [--threads N]\n"
    "                       [--record FILE] [--set PATH=VALUE]...\n"
    "\n"
    "Approximate Bayesian computation (ABC-SMC: population Monte Carlo with\n"
    "adaptive tolerances and a weighted Gaussian kernel) over the parameters\n"
    "SCENARIO lists under free: with their priors, against the annual counts and\n"
    "milestone months of the targets FILE (docs/validation.md).  Writes to DIR:\n"
    "  posterior.csv   the last complete generation: weight and one column per\n"
    "                  free parameter (what 'brink run --params DIR' and\n"
    "                  'brink backtest --params DIR' read)\n"
    "  history.csv     per generation: tolerance, simulations, acceptance, ESS\n"
    "  distances.csv   per target: observed, scale, posterior predictive mean and\n"
    "                  quantiles, mean scaled distance\n"
    "  summary.json    priors, posterior quantiles, settings\n"
    "The result is identical for every --threads.\n"
    "\n"
    "options:\n"
    "  --targets FILE    the targets (YAML; see docs/validation.md)\n"
    "  --out DIR         output directory (files are written whole or not at all)\n"
    "  --budget N        most simulations in all (default 100000)\n"
    "  --particles N     population size (default 500)\n"
    "  --alpha A         tolerance quantile of the previous generation (default 0.5)\n"
    "  --record FILE     take the observed values of the annual counts and of the\n"
    "                    first nuclear test, ICBM-class launch and leader summit\n"
    "                    from a record file (docs/record-format.md) instead of\n"
    "                    the targets file; a target the record cannot tell is a\n"
    "                    located error\n"
    "  --seed N          master seed (default 1)\n"
    "  --threads N       worker threads (default: all cores)\n"
    "  --set PATH=VALUE  override a scenario key (repeatable)\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage or input error.\n";

typedef struct cal_args {
    const char *file, *outdir, *tfile, *record;
    const char **sets;
    size_t nsets;
    uint64_t seed, budget, particles, threads;
    double alpha;
} cal_args_t;

static int parse(int argc, char **argv, cal_args_t *a)
{
    enum { O_TARGETS, O_OUT, O_BUDGET, O_PARTICLES, O_ALPHA, O_SEED, O_THREADS, O_SET, O_RECORD };
    static const cli_opt_t table[] = {
        {"--targets", 0, 1, O_TARGETS}, {"--out", 0, 1, O_OUT},
        {"--budget", 0, 1, O_BUDGET},   {"--particles", 0, 1, O_PARTICLES},
        {"--alpha", 0, 1, O_ALPHA},     {"--seed", 0, 1, O_SEED},
        {"--threads", 0, 1, O_THREADS}, {"--set", 0, 1, O_SET},
        {"--record", 0, 1, O_RECORD},   {NULL, 0, 0, 0}};
    cli_opts_t p;
    const char *v;
    int id, rc = EXIT_OK;
    cli_opts_init(&p, "calibrate", argc, argv, table);
    while (rc == EXIT_OK && (id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            return EXIT_USAGE;
        case CLI_OPTS_POSITIONAL:
            if (a->file)
                return cli_usage_error("calibrate: expected one SCENARIO file, got '%s' too", v);
            a->file = v;
            break;
        case O_TARGETS:
            a->tfile = v;
            break;
        case O_OUT:
            a->outdir = v;
            break;
        case O_RECORD:
            a->record = v;
            break;
        case O_SET:
            a->sets[a->nsets++] = v;
            break;
        case O_BUDGET:
            rc = cli_opt_u64("calibrate", "--budget", v, 4, 100000000, &a->budget);
            break;
        case O_PARTICLES:
            rc = cli_opt_u64("calibrate", "--particles", v, 2, 100000, &a->particles);
            break;
        case O_ALPHA:
            if (cli_parse_double(v, &a->alpha) != 0 || !(a->alpha > 0 && a->alpha < 1))
                rc = cli_usage_error("calibrate: --alpha: '%s' is not a number in (0, 1)", v);
            break;
        case O_SEED:
            rc = cli_opt_seed("calibrate", v, &a->seed);
            break;
        case O_THREADS:
            rc = cli_opt_threads("calibrate", v, &a->threads);
            break;
        }
    }
    if (rc != EXIT_OK)
        return rc;
    if (!a->file)
        return cli_usage_error("calibrate: expected a SCENARIO file (see 'brink help calibrate')");
    if (!a->tfile || !a->outdir)
        return cli_usage_error("calibrate: --targets FILE and --out DIR are required");
    if (a->budget < 2 * a->particles)
        return cli_usage_error("calibrate: --budget %llu does not cover generation 0 (2 x "
                               "--particles = %llu simulations)", (unsigned long long)a->budget,
                               (unsigned long long)(2 * a->particles));
    return EXIT_OK;
}

/* the observed values from the record (--record FILE) */
static int use_record(brink_ctx_t *ctx, const cal_args_t *a, const brink_sim_t *sim, int until,
                      brink_abc_target_t *targets, size_t nt)
{
    brink_record_t *rec = NULL;
    int rc = cli_record_load(ctx, "calibrate", a->record, &rec);
    if (rc != EXIT_OK)
        return rc;
    brink_diags_t d;
    brink_diags_init(&d);
    size_t k = 0;
    brink_status_t st = brink_abc_targets_use_record(ctx, sim, rec, until, targets, nt, &k, &d);
    if (st != BRINK_OK) {
        rc = cli_print_diags(a->record, st, &d);
        fprintf(stderr, "brink: calibrate: --record: %s does not give the targets of %s\n",
                a->record, a->tfile);
    } else {
        fprintf(stderr, "brink: calibrate: %zu of %zu targets observed from %s; the others "
                        "as %s gives them\n", k, nt, a->record, a->tfile);
    }
    brink_diags_clear(ctx, &d);
    brink_record_free(rec);
    return rc;
}

typedef struct cal_out {
    const brink_abc_result_t *res;
    const char *name;
    const brink_abc_target_t *targets;
    size_t nt;
    const brink_abc_config_t *cfg;
} cal_out_t;

static int write_file(FILE *fp, size_t i, void *ud)
{
    const cal_out_t *o = ud;
    brink_status_t st = i == 0   ? brink_abc_write_posterior(o->res, fp)
                        : i == 1 ? brink_abc_write_history(o->res, fp)
                        : i == 2 ? brink_abc_write_distances(o->res, o->targets, o->nt,
                                                             o->cfg->until, fp)
                                 : brink_abc_write_summary(o->res, o->name, o->cfg, fp);
    return st != BRINK_OK;
}

int cmd_calibrate(int argc, char **argv)
{
    cal_args_t a = {0};
    a.seed = 1;
    a.budget = 100000;
    a.particles = 500;
    a.alpha = 0.5;
    size_t nt = 0;
    int rc = EXIT_OK, until = 0;
    brink_ctx_t *ctx = NULL;
    brink_scenario_t *sc = NULL;
    brink_sim_t *probe = NULL;
    brink_abc_target_t *targets = NULL;
    brink_abc_result_t *res = NULL;
    brink_diags_t diags;
    brink_diags_init(&diags);
    a.sets = calloc((size_t)argc, sizeof *a.sets);
    if (!a.sets)
        return cli_fail("out of memory");
    if ((rc = parse(argc, argv, &a)) != EXIT_OK)
        goto cleanup;
    ctx = brink_ctx_new(NULL);
    if (!ctx) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    brink_status_t st = brink_scenario_load(ctx, a.file, a.sets, a.nsets, &sc, &diags);
    if (st != BRINK_OK) {
        rc = cli_print_diags(a.file, st, &diags);
        goto cleanup;
    }
    if (brink_sim_new(ctx, sc, &probe) != BRINK_OK) {
        rc = cli_usage_error("calibrate: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    st = brink_abc_targets_load_within(ctx, a.tfile, brink_sim_start(probe), brink_sim_end(probe),
                                       &targets, &nt, &until, &diags);
    if (st != BRINK_OK) {
        rc = cli_print_diags(a.tfile, st, &diags);
        goto cleanup;
    }
    if (a.record && (rc = use_record(ctx, &a, probe, until, targets, nt)) != EXIT_OK)
        goto cleanup;
    brink_abc_config_t cfg = {(uint32_t)a.particles, a.budget, a.alpha, 64, 0.005, a.seed,
                              (int)a.threads, until};
    cli_progress_t prog;
    cli_progress_init(&prog, "brink calibrate");
    brink_ctx_set_progress(ctx, cli_progress_cb, &prog);
    st = brink_abc_run(ctx, sc, targets, nt, &cfg, &res);
    cli_progress_done(&prog);
    if (st != BRINK_OK) {
        rc = st == BRINK_EINVAL || st == BRINK_ELIMIT
                 ? cli_usage_error("calibrate: %s: %s", a.file, brink_ctx_errmsg(ctx))
                 : cli_fail("calibrate: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    const char *name = brink_scenario_name(sc);
    static const char *const names[4] = {"posterior.csv", "history.csv", "distances.csv",
                                         "summary.json"};
    cal_out_t out = {res, name, targets, nt, &cfg};
    if ((rc = cli_outdir_write("calibrate", a.outdir, own_files, names, 4, write_file, &out)))
        goto cleanup;
    if (brink_abc_write_table(res, name, targets, nt, until, stdout) != BRINK_OK ||
        fflush(stdout) != 0)
        rc = cli_fail("calibrate: cannot write to stdout");
cleanup:
    brink_abc_result_free(ctx, res);
    if (ctx)
        brink_free(ctx, targets);
    brink_sim_free(probe);
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &diags);
    brink_ctx_free(ctx);
    free(a.sets);
    return rc;
}
