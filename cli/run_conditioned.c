/* run_conditioned.c - `brink run SCENARIO --condition-through YYYY-MM`:
 * the ensemble conditioned on the record by the particle filter, then run
 * free (docs/conditioning.md); the dated forecast file of --out
 * (brink_conditioned_write). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "forecasting.h"
#include "models.h"
#include "opts.h"

static void month_str(int m, char *buf)
{
    snprintf(buf, 8, "%04d-%02d", (m / 12) % 10000, m % 12 + 1);
}

static void on_log(brink_log_level_t level, const char *msg, void *ud)
{
    if (level == BRINK_LOG_WARN)
        fprintf(stderr, "brink: %s: warning: %s\n", (const char *)ud, msg);
}

typedef struct opts {
    const char *file, *record, *params, *outdir, *format;
    const char **sets;
    size_t nsets;
    uint64_t seed, particles, threads, years;
    int through;
    const char *through_str;
    brink_smc_config_t cfg;
} opts_t;

/* a number in (lo, hi] (lo_open) or [lo, hi], range as the message says it */
static int number(const char *opt, const char *v, double lo, int lo_open, double hi,
                  const char *range, double *out)
{
    if (cli_parse_double(v, out) != 0 || !(lo_open ? *out > lo : *out >= lo) || *out > hi)
        return cli_usage_error("run: %s: '%s' is not a number in %s", opt, v, range);
    return EXIT_OK;
}

static int parse(int argc, char **argv, opts_t *o)
{
    enum { O_THROUGH, O_RECORD, O_PARAMS, O_RUNS, O_SEED, O_THREADS, O_SET, O_YEARS, O_OUT,
           O_FORMAT, O_FLOOR, O_OBS, O_DISP, O_REJUV };
    static const cli_opt_t table[] = {
        {"--condition-through", 0, 1, O_THROUGH}, {"--record", 0, 1, O_RECORD},
        {"--params", 0, 1, O_PARAMS},   {"--runs", 0, 1, O_RUNS},
        {"--seed", 0, 1, O_SEED},       {"--threads", 0, 1, O_THREADS},
        {"--set", 0, 1, O_SET},         {"--years", 0, 1, O_YEARS},
        {"--out", 0, 1, O_OUT},         {"--format", 0, 1, O_FORMAT},
        {"--floor", 0, 1, O_FLOOR},     {"--obs", 0, 1, O_OBS},
        {"--dispersion", 0, 1, O_DISP}, {"--rejuvenate", 0, 1, O_REJUV},
        {NULL, 0, 0, 0}};
    cli_opts_t p;
    const char *v;
    int id, rc = EXIT_OK;
    cli_opts_init(&p, "run", argc, argv, table);
    while (rc == EXIT_OK && (id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        switch (id) {
        case CLI_OPTS_ERROR:
            return EXIT_USAGE;
        case CLI_OPTS_POSITIONAL:
            if (o->file)
                return cli_usage_error("run: expected one SCENARIO file, got '%s' too", v);
            o->file = v;
            break;
        case O_THROUGH:
            o->through_str = v;
            if (cli_parse_month(v, &o->through) != 0)
                rc = cli_usage_error("run: --condition-through: '%s' is not a month YYYY-MM", v);
            break;
        case O_RECORD:
        case O_PARAMS:
        case O_OUT:
            *(id == O_RECORD ? &o->record : id == O_PARAMS ? &o->params : &o->outdir) = v;
            break;
        case O_SET:
            o->sets[o->nsets++] = v;
            break;
        case O_FORMAT:
            if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0)
                rc = cli_usage_error("run: --format: unknown format '%s'; expected text or "
                                     "json", v);
            o->format = v;
            break;
        case O_RUNS:
            rc = cli_opt_u64("run", "--runs", v, 1, 10000000, &o->particles);
            break;
        case O_SEED:
            rc = cli_opt_seed("run", v, &o->seed);
            break;
        case O_THREADS:
            rc = cli_opt_threads("run", v, &o->threads);
            break;
        case O_YEARS:
            rc = cli_opt_u64("run", "--years", v, 1, 20, &o->years);
            break;
        case O_FLOOR:
            rc = number("--floor", v, 0, 0, 100, "[0, 100]", &o->cfg.floor);
            break;
        case O_DISP:
            rc = number("--dispersion", v, 0, 1, 1e6, "(0, 1e6]", &o->cfg.dispersion);
            break;
        case O_OBS:
            if (strcmp(v, "poisson") == 0)
                o->cfg.obs = BRINK_SMC_OBS_POISSON;
            else if (strcmp(v, "negbin") == 0)
                o->cfg.obs = BRINK_SMC_OBS_NEGBIN;
            else
                rc = cli_usage_error("run: --obs: unknown observation model '%s'; expected "
                                     "poisson or negbin", v);
            break;
        case O_REJUV:
            if (strcmp(v, "none") == 0)
                o->cfg.rejuvenate = BRINK_SMC_REJUV_NONE;
            else if (strcmp(v, "liu-west") == 0)
                o->cfg.rejuvenate = BRINK_SMC_REJUV_LIU_WEST;
            else
                rc = cli_usage_error("run: --rejuvenate: unknown kernel '%s'; expected "
                                     "liu-west or none", v);
            break;
        }
    }
    if (rc == EXIT_OK && !o->file)
        rc = cli_usage_error("run: expected a SCENARIO file (see 'brink help run')");
    return rc;
}

int cli_run_conditioned(int argc, char **argv)
{
    opts_t o;
    memset(&o, 0, sizeof o);
    o.format = "text";
    o.seed = 1;
    o.particles = 1000;
    o.years = 3;
    brink_smc_config_default(&o.cfg);
    o.sets = calloc((size_t)argc, sizeof *o.sets);
    int rc = EXIT_OK;
    brink_ctx_t *ctx = NULL;
    cli_models_t models = {0};
    brink_record_t *rec = NULL;
    brink_sim_particles_t *sp = NULL;
    brink_smc_t *f = NULL;
    char *jbuf = NULL;
    size_t jlen = 0;
    FILE *js = NULL;
    if (!o.sets)
        return cli_fail("out of memory");
    if ((rc = parse(argc, argv, &o)) != EXIT_OK)
        goto cleanup;
    ctx = brink_ctx_new(NULL);
    if (!ctx) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    brink_ctx_set_log(ctx, on_log, "run");
    /* --record none: the same ensemble run free through the date (no weighting) */
    int unweighted = o.record && strcmp(o.record, "none") == 0;
    if ((rc = cli_models_load(ctx, "run", o.file, o.sets, o.nsets, o.params, &models)) !=
            EXIT_OK ||
        (!unweighted && (rc = cli_record_load(ctx, "run", o.record, &rec)) != EXIT_OK))
        goto cleanup;
    const brink_sim_t *sim0 = models.sim[0];
    int start = brink_sim_start(sim0), end = brink_sim_end(sim0);
    char m1[8], m2[8];
    if (o.through < start - 1 || o.through + 12 * (int)o.years > end) {
        month_str(start - 1, m1);
        month_str(end - 12 * (int)o.years, m2);
        rc = cli_usage_error("run: --condition-through: %s is outside what the scenario can "
                             "condition and forecast %d year%s from; expected a month from %s "
                             "(the month before its start: no conditioning) to %s",
                             o.through_str, (int)o.years, o.years == 1 ? "" : "s", m1, m2);
        goto cleanup;
    }
    if (rec && o.through > brink_record_through(rec)) {
        month_str(brink_record_through(rec), m1);
        fprintf(stderr, "brink: run: warning: the record ends at %s; the months after it are "
                "run without weighting\n", m1);
    }
    if (brink_sim_particles_new(ctx, (const brink_sim_t *const *)models.sim, models.w, models.n,
                                &sp) != BRINK_OK) {
        rc = cli_fail("run: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    o.cfg.particles = (uint32_t)o.particles;
    o.cfg.seed = o.seed;
    o.cfg.threads = (int)o.threads;
    brink_status_t st = brink_smc_new(ctx, brink_sim_particles_model(sp), &o.cfg, rec, start, &f);
    if (st == BRINK_OK)
        st = brink_smc_condition(ctx, f, o.through);
    if (st != BRINK_OK) {
        rc = st == BRINK_ENOMEM || st == BRINK_EINTERRUPT
                 ? cli_fail("run: %s", brink_ctx_errmsg(ctx))
                 : cli_usage_error("run: --record %s: %s", o.record ? o.record : "(shipped)",
                                   brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    int text = strcmp(o.format, "text") == 0;
    js = !text || o.outdir ? open_memstream(&jbuf, &jlen) : NULL;
    brink_conditioned_t in = {o.file, models.post, rec, o.record, start, o.through,
                              (int)o.years, o.seed, &o.cfg};
    st = (!text || o.outdir) && !js ? BRINK_ENOMEM
                                    : brink_conditioned_write(ctx, f, sp, &in, js,
                                                              text ? stdout : NULL);
    if (st != BRINK_OK || (js && fflush(js) != 0)) {
        rc = cli_fail("run: %s", st == BRINK_ENOMEM || !js ? "out of memory"
                                                            : brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    if (!text)
        fwrite(jbuf, 1, jlen, stdout);
    if (o.outdir) {
        char path[4096];
        cli_atomic_t at;
        if (cli_mkdirs(o.outdir) != 0) {
            rc = cli_fail("run: cannot create the directory %s", o.outdir);
            goto cleanup;
        }
        snprintf(path, sizeof path, "%s/forecast.json", o.outdir);
        if (cli_atomic_open(&at, path) != 0) {
            rc = EXIT_FAIL;
            goto cleanup;
        }
        if (fwrite(jbuf, 1, jlen, at.fp) != jlen || ferror(at.fp)) {
            cli_atomic_abort(&at);
            rc = cli_fail("run: cannot write %s", path);
            goto cleanup;
        }
        if (cli_atomic_commit(&at) != 0)
            rc = cli_fail("run: cannot write %s", path);
    }
    if (fflush(stdout) != 0)
        rc = cli_fail("run: cannot write to stdout");
cleanup:
    if (js)
        fclose(js);
    free(jbuf);
    brink_smc_free(f);
    brink_sim_particles_free(sp);
    brink_record_free(rec);
    cli_models_free(&models);
    brink_ctx_free(ctx);
    free(o.sets);
    return rc;
}
