/* cmd_run.c - `brink run`: one narrated run or an ensemble of the crisis
 * simulation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "forecasting.h"
#include "opts.h"
#include "models.h"

/* every file the command writes in its result directory */
static const char *const own_files[] = {"events.csv", "series.csv", "summary.json", NULL};

const char cmd_run_usage[] =
    "usage: brink run SCENARIO [--seed N] [--runs N] [--threads N] [--until YYYY-MM]\n"
    "                 [--set PATH=VALUE]... [--params DIR] [--out DIR] [--format text|json]\n"
    "\n"
    "Simulates the crisis of SCENARIO month by month (docs/model.md).\n"
    "With one run (the default) prints a narrative: one line per notable event\n"
    "with its CAMEO code and Goldstein value and, for choices, why the actor\n"
    "chose it (utility terms and the runner-up action); then the end state\n"
    "and the outcome.  With --runs N > 1 prints outcome probabilities with 95%\n"
    "intervals, milestone timing and annual event counts beside the\n"
    "historical record.\n"
    "\n"
    "options:\n"
    "  --seed N          master seed (default 1); run r uses the random stream\n"
    "                    keyed by (seed, r), so results do not depend on threads\n"
    "  --runs N          number of replications (default 1, at most 10000000)\n"
    "  --threads N       worker threads (default: all cores; 1..1024)\n"
    "  --until YYYY-MM   stop at this month (default: the scenario end)\n"
    "  --set PATH=VALUE  override a scenario key (repeatable), e.g.\n"
    "                    --set dyads[6].enforcement=0.8  (China's enforcement)\n"
    "                    --set actors[USA].leaders[1].engagement=0.2\n"
    "                    --set params.sequencing=0   (action for action)\n"
    "                    --set actors[DPRK].leaders[1].risk=0.6\n"
    "                    --set params.rivalry=0.6\n"
    "  --params DIR      a posterior from 'brink calibrate': run r draws its parameter\n"
    "                    set from DIR/posterior.csv by weight (stream keyed by the\n"
    "                    seed and r), so the ensemble carries parameter uncertainty\n"
    "  --out DIR         write DIR/events.csv, DIR/series.csv, DIR/summary.json\n"
    "                    (atomically; an ensemble's events.csv holds its first\n"
    "                    100 runs, its series.csv quantile bands)\n"
    "  --format F        stdout format: text (default) or json (summary.json)\n"
    "\n"
    "Conditioned on the record (docs/conditioning.md):\n"
    "  brink run SCENARIO --condition-through YYYY-MM [--record FILE] [--params DIR]\n"
    "            [--runs N] [--years N] [--seed N] [--threads N] [--set PATH=VALUE]...\n"
    "            [--obs poisson|negbin] [--floor X] [--dispersion R]\n"
    "            [--rejuvenate liu-west|none] [--out DIR] [--format text|json]\n"
    "  runs a particle filter: N particles (--runs, default 1000) advance month by\n"
    "  month from the scenario start and are weighted by the likelihood of the\n"
    "  record's counts of each month (--record FILE, default the shipped DPRK record\n"
    "  data/records/dprk.yaml; docs/record-format.md) through YYYY-MM, resampled when\n"
    "  the effective sample size falls below half; then the ensemble runs free for\n"
    "  --years 12-month periods (default 3).  Prints the log marginal likelihood, the\n"
    "  effective sample size, the filtered state, the parameter posterior (with\n"
    "  --params) and the forecast with intervals; --out DIR writes the dated forecast\n"
    "  DIR/forecast.json (brink version, scenario and record hashes, conditioning\n"
    "  date), which 'brink backtest --score' scores later.\n"
    "  --obs, --floor, --dispersion  the observation model: a month's count is\n"
    "                    Poisson (default) or negative binomial (dispersion R,\n"
    "                    default 5) with mean the simulated count + X (default 0.05)\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage or input error.\n";

#define EVENT_RUNS 100
#define EVENT_CAP 8192

int cmd_run(int argc, char **argv)
{
    if (cli_has_option(argc, argv, "--condition-through"))
        return cli_run_conditioned(argc, argv);
    enum { O_SEED, O_RUNS, O_THREADS, O_UNTIL, O_SET, O_OUT, O_FORMAT, O_PARAMS };
    static const cli_opt_t table[] = {
        {"--seed", 0, 1, O_SEED},   {"--runs", 0, 1, O_RUNS},     {"--threads", 0, 1, O_THREADS},
        {"--until", 0, 1, O_UNTIL}, {"--set", 0, 1, O_SET},       {"--out", 0, 1, O_OUT},
        {"--format", 0, 1, O_FORMAT}, {"--params", 0, 1, O_PARAMS}, {NULL, 0, 0, 0}};
    cli_opts_t op;
    int id;
    const char *file = NULL, *outdir = NULL, *format = "text", *params = NULL, *v;
    const char **sets = calloc((size_t)argc, sizeof *sets);
    size_t nsets = 0;
    uint64_t seed = 1, runs = 1, threads = 0;
    int until = -1, rc = EXIT_OK;
    const char *until_str = NULL;
    brink_ctx_t *ctx = NULL;
    cli_models_t models = {0};
    const brink_sim_t *sim = NULL;
    brink_sim_trace_t *trace = NULL;
    brink_ensemble_t *ens = NULL;
    cli_run_outs_t outs = {0};
    if (!sets)
        return cli_fail("out of memory");
    cli_opts_init(&op, "run", argc, argv, table);
    while ((id = cli_opts_next(&op, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            rc = EXIT_USAGE;
            goto cleanup;
        case CLI_OPTS_POSITIONAL:
            if (file) {
                rc = cli_usage_error("run: expected one SCENARIO, got '%s' and '%s'", file, v);
                goto cleanup;
            }
            file = v;
            break;
        case O_SEED:
            if ((rc = cli_opt_seed("run", v, &seed)) != EXIT_OK)
                goto cleanup;
            break;
        case O_RUNS:
            if ((rc = cli_opt_u64("run", "--runs", v, 1, 10000000, &runs)) != EXIT_OK)
                goto cleanup;
            break;
        case O_THREADS:
            if ((rc = cli_opt_threads("run", v, &threads)) != EXIT_OK)
                goto cleanup;
            break;
        case O_UNTIL:
            until_str = v;
            if (cli_parse_month(v, &until) != 0) {
                rc = cli_usage_error("run: --until: '%s' is not a month YYYY-MM", v);
                goto cleanup;
            }
            break;
        case O_SET:
            sets[nsets++] = v;
            break;
        case O_PARAMS:
            params = v;
            break;
        case O_OUT:
            outdir = v;
            break;
        case O_FORMAT:
            if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0) {
                static const char *const fmts[] = {"text", "json"};
                const char *s = cli_suggest(v, fmts, 2);
                rc = s ? cli_usage_error("run: --format: unknown format '%s'; did you mean '%s'?",
                                         v, s)
                       : cli_usage_error("run: --format: unknown format '%s'; expected text or "
                                         "json", v);
                goto cleanup;
            }
            format = v;
            break;
        }
    }
    if (!file) {
        rc = cli_usage_error("run: expected a SCENARIO file (see 'brink help run')");
        goto cleanup;
    }
    ctx = brink_ctx_new(NULL);
    if (!ctx) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    rc = cli_models_load(ctx, "run", file, sets, nsets, params, &models);
    if (rc != EXIT_OK)
        goto cleanup;
    sim = models.sim[0];
    if (until >= 0 && (until < brink_sim_start(sim) || until > brink_sim_end(sim))) {
        char a[16], b[16];
        snprintf(a, sizeof a, "%04d-%02d", brink_sim_start(sim) / 12, brink_sim_start(sim) % 12 + 1);
        snprintf(b, sizeof b, "%04d-%02d", brink_sim_end(sim) / 12, brink_sim_end(sim) % 12 + 1);
        rc = cli_usage_error("run: --until: %s is outside the scenario horizon; expected a "
                             "month from %s to %s", until_str, a, b);
        goto cleanup;
    }
    if (outdir && cli_run_outs_open(&outs, outdir, own_files) != 0) {
        rc = EXIT_FAIL;
        goto cleanup;
    }
    cli_progress_t prog;
    cli_progress_init(&prog, "brink run");
    if (runs > 1)
        brink_ctx_set_progress(ctx, cli_progress_cb, &prog);
    brink_status_t st = brink_sim_ensemble_mixed(ctx, (const brink_sim_t *const *)models.sim,
                                                 models.w, models.n, seed, (uint32_t)runs,
                                                 (int)threads, until, &ens);
    if (runs > 1)
        cli_progress_done(&prog);
    if (st == BRINK_OK)
        st = cli_run_provenance(ctx, ens, file, argc, argv);
    if (st != BRINK_OK) {
        rc = cli_fail("run: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    if (brink_sim_trace_new(ctx, sim, EVENT_CAP, &trace) != BRINK_OK) {
        rc = cli_fail("run: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    if (runs == 1) {
        sim = models.sim[brink_sim_pick_model(models.w, models.n, seed, 0)];
        brink_sim_run(ctx, sim, seed, 0, until, trace);
        if (strcmp(format, "json") == 0)
            brink_ensemble_write_json(ens, stdout);
        else
            brink_sim_write_narrative(sim, trace, stdout);
    } else if (strcmp(format, "json") == 0) {
        brink_ensemble_write_json(ens, stdout);
    } else {
        brink_ensemble_write_text(ens, stdout);
    }
    if (outdir) {
        uint64_t nev = runs < EVENT_RUNS ? runs : EVENT_RUNS;
        for (uint64_t r = 0; r < nev; r++) {
            sim = models.sim[brink_sim_pick_model(models.w, models.n, seed, (uint32_t)r)];
            if (r > 0 || runs > 1)
                brink_sim_run(ctx, sim, seed, (uint32_t)r, until, trace);
            brink_sim_write_events_csv(sim, trace, (uint32_t)r, r == 0, outs.ev.fp);
        }
        if (runs == 1) {
            sim = models.sim[brink_sim_pick_model(models.w, models.n, seed, 0)];
            brink_sim_run(ctx, sim, seed, 0, until, trace);
            brink_sim_write_series_csv(sim, trace, outs.se.fp);
        } else {
            brink_ensemble_write_series_csv(ens, outs.se.fp);
        }
        if (brink_ensemble_write_json(ens, outs.su.fp) != BRINK_OK || cli_run_outs_commit(&outs) != 0) {
            cli_run_outs_abort(&outs);
            rc = cli_fail("run: cannot write the results to %s", outdir);
            goto cleanup;
        }
    }
    if (fflush(stdout) != 0)
        rc = cli_fail("run: cannot write to stdout");
cleanup:
    cli_run_outs_abort(&outs);
    brink_sim_trace_free(ctx, trace);
    brink_ensemble_free(ens);
    cli_models_free(&models);
    brink_ctx_free(ctx);
    free(sets);
    return rc;
}
