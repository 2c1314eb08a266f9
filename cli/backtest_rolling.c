/* backtest_rolling.c - `brink backtest [SCENARIO] --origins Y1-Y2
 * [--horizons 1-H] [--record FILE]`: rolling-origin backtests of the
 * record's annual counts, the model (conditioned on the record up to each
 * origin by the particle filter) against the refitted baselines
 * (brink_rolling_run_sim, brink_rolling_write; docs/validation.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "forecasting.h"
#include "models.h"
#include "opts.h"

static int parse_range(const char *s, int lo, int hi, int *a, int *b)
{
    char extra;
    if (sscanf(s, "%d-%d%c", a, b, &extra) == 2 && *a >= lo && *b <= hi && *a <= *b)
        return 0;
    if (sscanf(s, "%d%c", a, &extra) == 1 && *a >= lo && *a <= hi) {
        *b = *a;
        return 0;
    }
    return -1;
}

typedef struct roll_args {
    const char *file, *record, *params, *format, *outdir;
    const char **sets;
    size_t nsets;
    uint64_t particles, seed, threads, boot;
    double floor_;
    int o1, o2, h1, h2, have_origins;
} roll_args_t;

static int parse(int argc, char **argv, roll_args_t *a)
{
    enum { O_ORIGINS, O_HORIZONS, O_RECORD, O_PARAMS, O_RUNS, O_SEED, O_THREADS, O_SET,
           O_FORMAT, O_OUT, O_BOOT, O_FLOOR };
    static const cli_opt_t table[] = {
        {"--origins", 0, 1, O_ORIGINS}, {"--horizons", 0, 1, O_HORIZONS},
        {"--record", 0, 1, O_RECORD},   {"--params", 0, 1, O_PARAMS},
        {"--runs", 0, 1, O_RUNS},       {"--seed", 0, 1, O_SEED},
        {"--threads", 0, 1, O_THREADS}, {"--set", 0, 1, O_SET},
        {"--format", 0, 1, O_FORMAT},   {"--out", 0, 1, O_OUT},
        {"--bootstrap", 0, 1, O_BOOT},  {"--floor", 0, 1, O_FLOOR},
        {NULL, 0, 0, 0}};
    cli_opts_t p;
    const char *v;
    int id, rc = EXIT_OK;
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
        case O_ORIGINS:
            a->have_origins = 1;
            if (parse_range(v, 1800, 2200, &a->o1, &a->o2) != 0)
                rc = cli_usage_error("backtest: --origins: '%s' is not a range of years Y1-Y2", v);
            break;
        case O_HORIZONS:
            if (parse_range(v, 1, 10, &a->h1, &a->h2) != 0)
                rc = cli_usage_error("backtest: --horizons: '%s' is not a range H1-H2 of years "
                                     "within 1-10", v);
            break;
        case O_RECORD:
        case O_PARAMS:
        case O_OUT:
            *(id == O_RECORD ? &a->record : id == O_PARAMS ? &a->params : &a->outdir) = v;
            break;
        case O_SET:
            a->sets[a->nsets++] = v;
            break;
        case O_FORMAT:
            if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0)
                rc = cli_usage_error("backtest: --format: unknown format '%s'; expected text "
                                     "or json", v);
            a->format = v;
            break;
        case O_RUNS:
            rc = cli_opt_u64("backtest", "--runs", v, 1, 1000000, &a->particles);
            break;
        case O_BOOT:
            rc = cli_opt_u64("backtest", "--bootstrap", v, 1, 1000000, &a->boot);
            break;
        case O_SEED:
            rc = cli_opt_seed("backtest", v, &a->seed);
            break;
        case O_THREADS:
            rc = cli_opt_threads("backtest", v, &a->threads);
            break;
        case O_FLOOR:
            if (cli_parse_double(v, &a->floor_) != 0 || !(a->floor_ >= 0) || a->floor_ > 100)
                rc = cli_usage_error("backtest: --floor: '%s' is not a number in [0, 100]", v);
            break;
        }
    }
    if (rc == EXIT_OK && !a->have_origins)
        rc = cli_usage_error("backtest: expected --origins Y1-Y2");
    return rc;
}

/* the scenario's particle model, if its months cover the origins */
static int load_model(brink_ctx_t *ctx, const roll_args_t *a, cli_models_t *models,
                      brink_sim_particles_t **sp)
{
    int rc = cli_models_load(ctx, "backtest", a->file, a->sets, a->nsets, a->params, models);
    if (rc != EXIT_OK)
        return rc;
    int start = brink_sim_start(models->sim[0]), end = brink_sim_end(models->sim[0]);
    if (a->o1 * 12 + 11 < start - 1 || (a->o2 + a->h2) * 12 + 11 > end)
        return cli_usage_error("backtest: --origins %d-%d with horizons up to %d: the scenario "
                               "runs %04d-%02d to %04d-%02d; expected origins from %d (the "
                               "year before its start) to %d", a->o1, a->o2, a->h2, start / 12,
                               start % 12 + 1, end / 12, end % 12 + 1, (start + 11) / 12 - 1,
                               (end - 11) / 12 - a->h2);
    if (start % 12 != 0)
        return cli_usage_error("backtest: the scenario starts in month %d of its year; the "
                               "rolling backtest needs a scenario that starts in January",
                               start % 12 + 1);
    if (brink_sim_particles_new(ctx, (const brink_sim_t *const *)models->sim, models->w,
                                models->n, sp) != BRINK_OK)
        return cli_fail("backtest: %s", brink_ctx_errmsg(ctx));
    return EXIT_OK;
}

int cli_backtest_rolling(int argc, char **argv)
{
    roll_args_t a = {NULL, NULL, NULL, "text", NULL, NULL, 0, 1000, 1, 0, 1000, 0.05,
                     0, 0, 1, 3, 0};
    int rc = EXIT_OK;
    brink_ctx_t *ctx = NULL;
    cli_models_t models = {0};
    brink_record_t *rec = NULL;
    brink_sim_particles_t *sp = NULL;
    brink_rolling_t *res = NULL;
    char *jbuf = NULL;
    size_t jlen = 0;
    FILE *js = NULL;
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
    if ((rc = cli_record_load(ctx, "backtest", a.record, &rec)) != EXIT_OK ||
        (a.file && (rc = load_model(ctx, &a, &models, &sp)) != EXIT_OK))
        goto cleanup;
    brink_rolling_config_t cfg;
    brink_rolling_config_default(&cfg);
    cfg.first = a.o1;
    cfg.last = a.o2;
    cfg.hmax = a.h2;
    cfg.bootstrap = (uint32_t)a.boot;
    cfg.seed = a.seed;
    brink_smc_config_t smc;
    brink_smc_config_default(&smc);
    smc.particles = (uint32_t)a.particles;
    smc.seed = a.seed;
    smc.threads = (int)a.threads;
    smc.floor = a.floor_;
    int start = sp ? brink_sim_start(models.sim[0]) : 0;
    brink_status_t st = brink_rolling_run_sim(ctx, rec, &cfg, sp, start, &smc, &res);
    const char *rfile = a.record ? a.record : brink_record_shipped();
    if (st != BRINK_OK) {
        rc = st == BRINK_EVALIDATE || st == BRINK_ENUMERIC
                 ? cli_usage_error("backtest: --record %s: %s", rfile, brink_ctx_errmsg(ctx))
                 : cli_fail("backtest: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    int text = strcmp(a.format, "text") == 0;
    brink_rolling_info_t in = {a.record, a.file, a.particles, (uint32_t)a.boot, a.o1, a.o2, a.h1};
    js = !text || a.outdir ? open_memstream(&jbuf, &jlen) : NULL;
    st = (!text || a.outdir) && !js ? BRINK_ENOMEM
                                    : brink_rolling_write(ctx, res, rec, &in, js,
                                                          text ? stdout : NULL);
    if (st != BRINK_OK || (js && fflush(js) != 0)) {
        rc = cli_fail("backtest: cannot write the results");
        goto cleanup;
    }
    if (!text)
        fwrite(jbuf, 1, jlen, stdout);
    if (a.outdir) {
        char path[4096];
        cli_atomic_t f;
        snprintf(path, sizeof path, "%s/rolling.json", a.outdir);
        if (cli_mkdirs(a.outdir) != 0 || cli_atomic_open(&f, path) != 0) {
            rc = cli_fail("backtest: cannot write %s", path);
            goto cleanup;
        }
        if (fwrite(jbuf, 1, jlen, f.fp) != jlen) {
            cli_atomic_abort(&f);
            rc = cli_fail("backtest: cannot write %s", path);
            goto cleanup;
        }
        if (cli_atomic_commit(&f) != 0)
            rc = cli_fail("backtest: cannot write %s", path);
    }
    if (fflush(stdout) != 0)
        rc = cli_fail("backtest: cannot write to stdout");
cleanup:
    if (js)
        fclose(js);
    free(jbuf);
    brink_rolling_free(ctx, res);
    brink_sim_particles_free(sp);
    brink_record_free(rec);
    cli_models_free(&models);
    brink_ctx_free(ctx);
    free(a.sets);
    return rc;
}
