/* cmd_calibrate.c - `brink calibrate`: ABC-SMC over the scenario's free
 * parameters against a targets file (brink/calib.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "commands.h"

/* every file the command writes in its result directory */
static const char *const own_files[] = {"posterior.csv", "history.csv",
                                          "distances.csv", "summary.json", NULL};

const char cmd_calibrate_usage[] =
    "usage: brink calibrate SCENARIO --targets FILE --out DIR [--budget N]\n"
    "                       [--particles N] [--alpha A] [--seed N] [--threads N]\n"
    "                       [--set PATH=VALUE]...\n"
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
    "  --seed N          master seed (default 1)\n"
    "  --threads N       worker threads (default: all cores)\n"
    "  --set PATH=VALUE  override a scenario key (repeatable)\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage or input error.\n";

static int print_diags(const char *file, brink_status_t st, const brink_diags_t *d)
{
    char line[2048];
    for (size_t k = 0; k < d->count; k++) {
        brink_diag_format(&d->items[k], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (d->count == 0)
        fprintf(stderr, "%s:0:0: error: %s\n", file, brink_strerror(st));
    return st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
}

static int cmp_pair(const void *a, const void *b)
{
    const double *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* weighted quantiles of column k of the final population's summaries */
static void summ_quantiles(const brink_abc_result_t *r, size_t k, double *pairs, double q[3])
{
    static const double qs[3] = {0.05, 0.5, 0.95};
    for (uint32_t i = 0; i < r->n; i++) {
        pairs[2 * i] = r->summary[(size_t)i * r->ntargets + k];
        pairs[2 * i + 1] = r->weight[i];
    }
    qsort(pairs, r->n, 2 * sizeof *pairs, cmp_pair);
    for (int j = 0; j < 3; j++) {
        double c = 0.0;
        q[j] = pairs[2 * (r->n - 1)];
        for (uint32_t i = 0; i < r->n; i++) {
            c += pairs[2 * i + 1];
            if (c >= qs[j] - 1e-12) {
                q[j] = pairs[2 * i];
                break;
            }
        }
    }
}

static void fmt_value(const brink_abc_target_t *t, double v, char *buf, size_t n)
{
    if (t->is_milestone) {
        int m = (int)v;
        snprintf(buf, n, "%04d-%02d", m / 12, m % 12 + 1);
    } else {
        snprintf(buf, n, "%g", v);
    }
}

int cmd_calibrate(int argc, char **argv)
{
    static const char *const known[] = {"--targets", "--out", "--budget", "--particles",
                                        "--alpha", "--seed", "--threads", "--set", NULL};
    const char *file = NULL, *outdir = NULL, *tfile = NULL;
    const char **sets = calloc((size_t)argc, sizeof *sets);
    size_t nsets = 0, nt = 0;
    uint64_t seed = 1, budget = 100000, particles = 500, threads = 0;
    double alpha = 0.5;
    int rc = EXIT_OK, until = 0;
    brink_ctx_t *ctx = NULL;
    brink_scenario_t *sc = NULL;
    brink_abc_target_t *targets = NULL;
    brink_abc_result_t *res = NULL;
    double *pairs = NULL;
    cli_atomic_t f[4];
    brink_outdir_t *od = NULL;
    int nopen = 0;
    static const char *const names[4] = {"posterior.csv", "history.csv", "distances.csv",
                                         "summary.json"};
    brink_diags_t diags;
    brink_diags_init(&diags);
    memset(f, 0, sizeof f);
    if (!sets)
        return cli_fail("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int is_option;
        if ((rc = cli_next_option("calibrate", argc, argv, &i, known, &file, &v, &is_option)) !=
            EXIT_OK)
            goto cleanup;
        if (!is_option)
            continue;
        if (cli_opt_is(a, "--targets")) {
            tfile = v;
        } else if (cli_opt_is(a, "--out")) {
            outdir = v;
        } else if (cli_opt_is(a, "--set")) {
            sets[nsets++] = v;
        } else if (cli_opt_is(a, "--budget")) {
            if (cli_parse_u64(v, &budget) != 0 || budget < 4 || budget > 100000000) {
                rc = cli_usage_error("calibrate: --budget: '%s' is not a whole number in "
                                     "[4, 100000000]", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--particles")) {
            if (cli_parse_u64(v, &particles) != 0 || particles < 2 || particles > 100000) {
                rc = cli_usage_error("calibrate: --particles: '%s' is not a whole number in "
                                     "[2, 100000]", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--alpha")) {
            if (cli_parse_double(v, &alpha) != 0 || !(alpha > 0 && alpha < 1)) {
                rc = cli_usage_error("calibrate: --alpha: '%s' is not a number in (0, 1)", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--seed")) {
            if (cli_parse_u64(v, &seed) != 0) {
                rc = cli_usage_error("calibrate: --seed: '%s' is not a whole number >= 0", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--threads")) {
            if (cli_parse_u64(v, &threads) != 0 || threads < 1 || threads > 1024) {
                rc = cli_usage_error("calibrate: --threads: '%s' is not a whole number in "
                                     "[1, 1024]", v);
                goto cleanup;
            }
        }
    }
    if (!file) {
        rc = cli_usage_error("calibrate: expected a SCENARIO file (see 'brink help calibrate')");
        goto cleanup;
    }
    if (!tfile || !outdir) {
        rc = cli_usage_error("calibrate: --targets FILE and --out DIR are required");
        goto cleanup;
    }
    if (budget < 2 * particles) {
        rc = cli_usage_error("calibrate: --budget %llu does not cover generation 0 (2 x "
                             "--particles = %llu simulations)", (unsigned long long)budget,
                             (unsigned long long)(2 * particles));
        goto cleanup;
    }
    ctx = brink_ctx_new(NULL);
    if (!ctx) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    brink_status_t st = brink_scenario_load(ctx, file, sets, nsets, &sc, &diags);
    if (st != BRINK_OK) {
        rc = print_diags(file, st, &diags);
        goto cleanup;
    }
    brink_sim_t *probe = NULL;
    if (brink_sim_new(ctx, sc, &probe) != BRINK_OK) {
        rc = cli_usage_error("calibrate: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    int s0 = brink_sim_start(probe), s1 = brink_sim_end(probe);
    brink_sim_free(probe);
    st = brink_abc_targets_load_within(ctx, tfile, s0, s1, &targets, &nt, &until, &diags);
    if (st != BRINK_OK) {
        rc = print_diags(tfile, st, &diags);
        goto cleanup;
    }
    brink_abc_config_t cfg = {(uint32_t)particles, budget, alpha, 64, 0.005, seed, (int)threads,
                              until};
    cli_progress_t prog;
    cli_progress_init(&prog, "brink calibrate");
    brink_ctx_set_progress(ctx, cli_progress_cb, &prog);
    st = brink_abc_run(ctx, sc, targets, nt, &cfg, &res);
    cli_progress_done(&prog);
    if (st != BRINK_OK) {
        rc = st == BRINK_EINVAL || st == BRINK_ELIMIT
                 ? cli_usage_error("calibrate: %s: %s", file, brink_ctx_errmsg(ctx))
                 : cli_fail("calibrate: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    pairs = calloc(2 * (size_t)res->n, sizeof *pairs);
    if (!pairs) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    if (cli_outdir_begin("calibrate", outdir, own_files, &od) != 0) {
        rc = EXIT_FAIL;
        goto cleanup;
    }
    for (nopen = 0; nopen < 4; nopen++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", brink_outdir_stage(od), names[nopen]);
        if (cli_atomic_open(&f[nopen], p) != 0) {
            rc = EXIT_FAIL;
            goto cleanup;
        }
    }
    /* posterior.csv */
    fprintf(f[0].fp, "weight");
    for (size_t j = 0; j < res->nfree; j++)
        fprintf(f[0].fp, ",%s", res->paths[j]);
    fputc('\n', f[0].fp);
    for (uint32_t i = 0; i < res->n; i++) {
        fprintf(f[0].fp, "%.17g", res->weight[i]);
        for (size_t j = 0; j < res->nfree; j++)
            fprintf(f[0].fp, ",%.17g", res->theta[(size_t)i * res->nfree + j]);
        fputc('\n', f[0].fp);
    }
    /* history.csv */
    fprintf(f[1].fp, "generation,epsilon,simulations,acceptance,ess\n");
    for (size_t g = 0; g < res->ngen; g++)
        fprintf(f[1].fp, "%zu,%.6g,%llu,%.6g,%.6g\n", g, res->gen[g].epsilon,
                (unsigned long long)res->gen[g].proposed, res->gen[g].acceptance,
                res->gen[g].ess);
    /* distances.csv and the table */
    printf("Calibration of %s: %zu free parameters, %zu targets, %llu simulations, "
           "%zu generations (final tolerance %.3g)\n\n", brink_scenario_name(sc), res->nfree, nt,
           (unsigned long long)res->simulations, res->ngen, res->gen[res->ngen - 1].epsilon);
    printf("%-28s %10s %10s %10s %10s\n", "parameter", "q05", "median", "q95", "mean");
    json_t *root = json_object(), *jp = json_array(), *jh = json_array();
    for (size_t j = 0; j < res->nfree; j++) {
        double q05 = brink_abc_quantile(res, j, 0.05), q50 = brink_abc_quantile(res, j, 0.5),
               q95 = brink_abc_quantile(res, j, 0.95), m = 0.0;
        for (uint32_t i = 0; i < res->n; i++)
            m += res->weight[i] * res->theta[(size_t)i * res->nfree + j];
        printf("%-28s %10.4g %10.4g %10.4g %10.4g\n", res->paths[j], q05, q50, q95, m);
        json_t *o = json_object();
        json_object_set_new(o, "path", json_string(res->paths[j]));
        json_object_set_new(o, "q05", json_real(q05));
        json_object_set_new(o, "median", json_real(q50));
        json_object_set_new(o, "q95", json_real(q95));
        json_object_set_new(o, "mean", json_real(m));
        json_array_append_new(jp, o);
    }
    printf("\n%-28s %9s %9s %9s %9s %9s %7s\n", "target", "observed", "q05", "median", "q95",
           "scale", "dist");
    fprintf(f[2].fp, "target,observed,scale,mean,q05,median,q95,mean_scaled_distance\n");
    for (size_t k = 0; k < nt; k++) {
        const brink_abc_target_t *t = &targets[k];
        double obs = t->is_milestone && t->observed < 0 ? until + 1 : t->observed;
        double m = 0.0, dsum = 0.0, q[3];
        for (uint32_t i = 0; i < res->n; i++) {
            double v = res->summary[(size_t)i * nt + k];
            m += res->weight[i] * v;
            dsum += res->weight[i] * fabs(v - obs) / res->scale[k];
        }
        summ_quantiles(res, k, pairs, q);
        char so[16], s0b[16], s1b[16], s2b[16];
        if (t->is_milestone && t->observed < 0)
            snprintf(so, sizeof so, "never");
        else
            fmt_value(t, obs, so, sizeof so);
        fmt_value(t, q[0], s0b, sizeof s0b);
        fmt_value(t, q[1], s1b, sizeof s1b);
        fmt_value(t, q[2], s2b, sizeof s2b);
        if (t->is_milestone) { /* until + 1 means not reached */
            if (q[0] > until)
                snprintf(s0b, sizeof s0b, "never");
            if (q[1] > until)
                snprintf(s1b, sizeof s1b, "never");
            if (q[2] > until)
                snprintf(s2b, sizeof s2b, "never");
        }
        printf("%-28s %9s %9s %9s %9s %9.3g %7.3f\n", t->name, so, s0b, s1b, s2b, res->scale[k],
               dsum);
        fprintf(f[2].fp, "%s,%s,%.6g,%.6g,%s,%s,%s,%.6g\n", t->name, so, res->scale[k], m, s0b,
                s1b, s2b, dsum);
    }
    for (size_t g = 0; g < res->ngen; g++)
        json_array_append_new(jh, json_pack("{s:i,s:f,s:I,s:f,s:f}", "generation", (int)g,
                                            "epsilon", res->gen[g].epsilon, "simulations",
                                            (json_int_t)res->gen[g].proposed, "acceptance",
                                            res->gen[g].acceptance, "ess", res->gen[g].ess));
    json_object_set_new(root, "scenario", json_string(brink_scenario_name(sc)));
    json_object_set_new(root, "version", json_string(brink_version()));
    json_object_set_new(root, "seed", json_integer((json_int_t)seed));
    json_object_set_new(root, "budget", json_integer((json_int_t)budget));
    json_object_set_new(root, "particles", json_integer((json_int_t)particles));
    json_object_set_new(root, "alpha", json_real(alpha));
    json_object_set_new(root, "simulations", json_integer((json_int_t)res->simulations));
    json_object_set_new(root, "posterior", jp);
    json_object_set_new(root, "history", jh);
    int jr = json_dumpf(root, f[3].fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                           JSON_REAL_PRECISION(8));
    fputc('\n', f[3].fp);
    json_decref(root);
    int bad = jr != 0;
    for (int i = 0; i < 4; i++)
        bad |= ferror(f[i].fp) != 0;
    if (bad) {
        rc = cli_fail("calibrate: cannot write the results to %s", outdir);
        goto cleanup;
    }
    for (int i = 0; i < 4; i++)
        bad |= cli_atomic_commit(&f[i]) != 0;
    nopen = 0;
    if (bad || cli_outdir_commit("calibrate", &od) != 0)
        rc = cli_fail("calibrate: cannot write the results to %s", outdir);
    if (fflush(stdout) != 0)
        rc = cli_fail("calibrate: cannot write to stdout");
cleanup:
    for (int i = 0; i < nopen; i++)
        cli_atomic_abort(&f[i]);
    cli_outdir_abort(&od);
    free(pairs);
    brink_abc_result_free(ctx, res);
    if (ctx)
        brink_free(ctx, targets);
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &diags);
    brink_ctx_free(ctx);
    free(sets);
    return rc;
}
