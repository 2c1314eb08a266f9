/* cmd_backtest.c - `brink backtest`: the window backtest of a scenario's
 * ensemble against its record (brink_backtest_window), and the dispatch to
 * the rolling-origin and scoring modes (cli/backtest_rolling.c,
 * cli/backtest_score.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "forecasting.h"
#include "models.h"
#include "opts.h"

/* every file the command writes in its result directory */
static const char *const own_files[] = {"backtest.json", "backtest.txt", NULL};

const char cmd_backtest_usage[] =
    "usage: brink backtest SCENARIO --out DIR [--params DIR] [--window Y0-Y1]\n"
    "                      [--runs N] [--seed N] [--threads N] [--set PATH=VALUE]...\n"
    "\n"
    "Scores the ensemble of SCENARIO (or of its posterior, --params DIR written by\n"
    "'brink calibrate') against the historical record the scenario carries (its\n"
    "record: list; docs/scenario-format.md) over the window: for every\n"
    "annual count (missiles, launch days, nuclear tests, ICBM-class launches, UN\n"
    "resolutions, leader summits) and milestone (first nuclear test, first\n"
    "ICBM-class launch, first leader summit) the predictive quantiles, the CRPS,\n"
    "the log score (counts), the randomised PIT and whether the 50% and 90%\n"
    "central intervals cover the record, next to three baselines fitted on the\n"
    "window less its last two years: a Poisson and a negative binomial at the\n"
    "record's mean (and variance), and persistence of the previous year.  Also\n"
    "the record's pattern statistics against the model's central 90% intervals\n"
    "and the checks of the window's last two years: P(a summit), P(no nuclear\n"
    "test), P(no comprehensive deal), P(war) (docs/validation.md).\n"
    "\n"
    "options:\n"
    "  --out DIR         write DIR/backtest.json and DIR/backtest.txt (atomically)\n"
    "  --params DIR      draw run r's parameter set from DIR/posterior.csv by weight\n"
    "  --window Y0-Y1    years to score, within the record's years that the\n"
    "                    scenario covers (default all of them)\n"
    "  --runs N          replications (default 10000)\n"
    "  --seed N          master seed (default 1)\n"
    "  --threads N       worker threads (default: all cores); results do not depend\n"
    "                    on it\n"
    "  --set PATH=VALUE  override a scenario key (repeatable)\n"
    "\n"
    "Rolling origins (docs/validation.md, \"Forecasting from the record\"):\n"
    "  brink backtest [SCENARIO] --origins Y1-Y2 [--horizons H1-H2] [--record FILE]\n"
    "                 [--params DIR] [--runs N] [--seed N] [--threads N] [--floor X]\n"
    "                 [--bootstrap B] [--set PATH=VALUE]... [--format text|json] [--out DIR]\n"
    "  at the end of each origin year the baselines (Poisson, negative binomial by\n"
    "  moments and by ML, persistence, NB-AR(1), Markov-switching NB, their mixture)\n"
    "  are refitted on the record's annual counts up to it and forecast the next\n"
    "  H2 years; with SCENARIO the model is conditioned on the record up to the\n"
    "  origin by the particle filter (N particles, default 1000) and runs free.\n"
    "  Prints per series and horizon the mean CRPS, log score, coverage, Brier\n"
    "  score of P(at least one), PIT uniformity p-value and skill with a block-\n"
    "  bootstrap interval, and the Diebold-Mariano test against the mixture;\n"
    "  --out DIR writes DIR/rolling.json.  --record defaults to the shipped\n"
    "  data/records/dprk.yaml; a user's record may run past 2019.\n"
    "\n"
    "Scoring an archived forecast:\n"
    "  brink backtest --score DIR/forecast.json [--record FILE] [--format text|json]\n"
    "  scores a forecast written by 'brink run --condition-through ... --out DIR'\n"
    "  against the record (CRPS, log score, mid-PIT, interval coverage); periods\n"
    "  the record does not cover yet are listed as pending.\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage or input error.\n";

typedef struct bt_args {
    const char *file, *outdir, *params;
    const char **sets;
    size_t nsets;
    uint64_t seed, runs, threads;
    int y0, y1, window;
} bt_args_t;

static int parse(int argc, char **argv, bt_args_t *a)
{
    enum { O_OUT, O_PARAMS, O_WINDOW, O_RUNS, O_SEED, O_THREADS, O_SET };
    static const cli_opt_t table[] = {
        {"--out", 0, 1, O_OUT},         {"--params", 0, 1, O_PARAMS},
        {"--window", 0, 1, O_WINDOW},   {"--runs", 0, 1, O_RUNS},
        {"--seed", 0, 1, O_SEED},       {"--threads", 0, 1, O_THREADS},
        {"--set", 0, 1, O_SET},         {NULL, 0, 0, 0}};
    cli_opts_t p;
    const char *v;
    int id, rc = EXIT_OK;
    char tail;
    cli_opts_init(&p, "backtest", argc, argv, table);
    while (rc == EXIT_OK && (id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            return EXIT_USAGE;
        case CLI_OPTS_POSITIONAL:
            if (a->file)
                return cli_usage_error("backtest: expected one SCENARIO file, got '%s' too", v);
            a->file = v;
            break;
        case O_OUT:
            a->outdir = v;
            break;
        case O_PARAMS:
            a->params = v;
            break;
        case O_SET:
            a->sets[a->nsets++] = v;
            break;
        case O_WINDOW:
            if (sscanf(v, "%d-%d%c", &a->y0, &a->y1, &tail) != 2 || a->y0 > a->y1 ||
                a->y0 < 1900 || a->y1 > 2200)
                rc = cli_usage_error("backtest: --window: '%s' is not a range of years Y0-Y1", v);
            a->window = 1;
            break;
        case O_RUNS:
            rc = cli_opt_u64("backtest", "--runs", v, 1, 10000000, &a->runs);
            break;
        case O_SEED:
            rc = cli_opt_seed("backtest", v, &a->seed);
            break;
        case O_THREADS:
            rc = cli_opt_threads("backtest", v, &a->threads);
            break;
        }
    }
    if (rc != EXIT_OK)
        return rc;
    if (!a->file)
        return cli_usage_error("backtest: expected a SCENARIO file (see 'brink help backtest')");
    if (!a->outdir)
        return cli_usage_error("backtest: --out DIR is required");
    return EXIT_OK;
}

/* the window: the record's years the scenario covers, or --window within them */
static int window(bt_args_t *a, const brink_sim_t *sim)
{
    int start = brink_sim_start(sim), end = brink_sim_end(sim), ry0, ry1;
    if (!brink_sim_record_years(sim, &ry0, &ry1))
        return cli_usage_error("backtest: %s has no record: list to compare with", a->file);
    if (ry0 < start / 12)
        ry0 = start / 12;
    if (!a->window) {
        a->y0 = ry0;
        a->y1 = ry1;
    } else if (a->y0 < ry0 || a->y1 > ry1) {
        return cli_usage_error("backtest: --window: %d-%d is not within the record's years "
                               "%d-%d", a->y0, a->y1, ry0, ry1);
    }
    if (start > a->y0 * 12 || end < a->y1 * 12 + 11)
        return cli_usage_error("backtest: the scenario's horizon does not cover %d-%d", a->y0,
                               a->y1);
    return EXIT_OK;
}

typedef struct bt_text {
    char *buf[2];
    size_t len[2];
} bt_text_t;

static int write_file(FILE *fp, size_t i, void *ud)
{
    const bt_text_t *t = ud;
    return fwrite(t->buf[i], 1, t->len[i], fp) != t->len[i];
}

int cmd_backtest(int argc, char **argv)
{
    if (cli_has_option(argc, argv, "--score"))
        return cli_backtest_score(argc, argv);
    if (cli_has_option(argc, argv, "--origins"))
        return cli_backtest_rolling(argc, argv);
    bt_args_t a = {0};
    a.seed = 1;
    a.runs = 10000;
    int rc = EXIT_OK;
    brink_ctx_t *ctx = NULL;
    cli_models_t models = {0};
    brink_ensemble_t *ens = NULL;
    bt_text_t text = {{NULL, NULL}, {0, 0}};
    FILE *fj = NULL, *ft = NULL;
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
    rc = cli_models_load(ctx, "backtest", a.file, a.sets, a.nsets, a.params, &models);
    if (rc != EXIT_OK || (rc = window(&a, models.sim[0])) != EXIT_OK)
        goto cleanup;
    cli_progress_t prog;
    cli_progress_init(&prog, "brink backtest");
    brink_ctx_set_progress(ctx, cli_progress_cb, &prog);
    brink_status_t st = brink_sim_ensemble_mixed(ctx, (const brink_sim_t *const *)models.sim,
                                                 models.w, models.n, a.seed, (uint32_t)a.runs,
                                                 (int)a.threads, a.y1 * 12 + 11, &ens);
    cli_progress_done(&prog);
    if (st != BRINK_OK) {
        rc = cli_fail("backtest: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    fj = open_memstream(&text.buf[0], &text.len[0]);
    ft = open_memstream(&text.buf[1], &text.len[1]);
    brink_backtest_window_t w = {brink_scenario_name(models.sc[0]), a.seed, a.runs, models.n,
                                 a.y0, a.y1};
    st = fj && ft ? brink_backtest_window(ctx, ens, models.sim[0], &w, fj, ft) : BRINK_ENOMEM;
    if (st != BRINK_OK || fflush(fj) != 0 || fflush(ft) != 0) {
        rc = cli_fail("backtest: out of memory");
        goto cleanup;
    }
    static const char *const names[2] = {"backtest.json", "backtest.txt"};
    if ((rc = cli_outdir_write("backtest", a.outdir, own_files, names, 2, write_file, &text)))
        goto cleanup;
    fwrite(text.buf[1], 1, text.len[1], stdout);
    if (fflush(stdout) != 0)
        rc = cli_fail("backtest: cannot write to stdout");
cleanup:
    if (fj)
        fclose(fj);
    if (ft)
        fclose(ft);
    free(text.buf[0]);
    free(text.buf[1]);
    brink_ensemble_free(ens);
    cli_models_free(&models);
    brink_ctx_free(ctx);
    free(a.sets);
    return rc;
}
