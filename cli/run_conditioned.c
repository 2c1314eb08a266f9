/* run_conditioned.c - `brink run SCENARIO --condition-through YYYY-MM`:
 * the ensemble conditioned on the record by the particle filter, then run
 * free (docs/conditioning.md); the dated forecast file of --out. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "forecasting.h"
#include "models.h"

#define LEN 256

static void month_str(int m, char *buf)
{
    snprintf(buf, 8, "%04d-%02d", (m / 12) % 10000, m % 12 + 1);
}

static void on_log(brink_log_level_t level, const char *msg, void *ud)
{
    if (level == BRINK_LOG_WARN)
        fprintf(stderr, "brink: %s: warning: %s\n", (const char *)ud, msg);
}

/* SHA-256 of a file's bytes as 64 hex digits ("" when unreadable) */
static void file_hash(const char *path, char hex[65])
{
    hex[0] = '\0';
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            char *nb = realloc(buf, cap = cap ? cap * 2 : 131072);
            if (!nb)
                break;
            buf = nb;
        }
        size_t got = fread(buf + len, 1, 65536, fp);
        len += got;
        if (got < 65536)
            break;
    }
    if (buf && !ferror(fp))
        brink_sha256_hex(buf, len, hex);
    free(buf);
    fclose(fp);
}

/* the pmf's last nonzero cell + 1 */
static size_t used(const double *pmf, size_t len)
{
    size_t n = len;
    while (n > 1 && pmf[n - 1] == 0)
        n--;
    return n;
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

static int parse(int argc, char **argv, opts_t *o)
{
    static const char *const known[] = {"--condition-through", "--record", "--params",
                                        "--runs", "--seed", "--threads", "--set", "--years",
                                        "--out", "--format", "--floor", "--obs",
                                        "--dispersion", "--rejuvenate", NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int is_option, rc;
        if ((rc = cli_next_option("run", argc, argv, &i, known, &o->file, &v, &is_option)) !=
            EXIT_OK)
            return rc;
        if (!is_option)
            continue;
        if (cli_opt_is(a, "--condition-through")) {
            o->through_str = v;
            if (cli_parse_month(v, &o->through) != 0)
                return cli_usage_error("run: --condition-through: '%s' is not a month YYYY-MM",
                                       v);
        } else if (cli_opt_is(a, "--record")) {
            o->record = v;
        } else if (cli_opt_is(a, "--params")) {
            o->params = v;
        } else if (cli_opt_is(a, "--out")) {
            o->outdir = v;
        } else if (cli_opt_is(a, "--set")) {
            o->sets[o->nsets++] = v;
        } else if (cli_opt_is(a, "--format")) {
            if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0)
                return cli_usage_error("run: --format: unknown format '%s'; expected text or "
                                       "json", v);
            o->format = v;
        } else if (cli_opt_is(a, "--runs")) {
            if (cli_parse_u64(v, &o->particles) != 0 || o->particles < 1 ||
                o->particles > 10000000)
                return cli_usage_error("run: --runs: '%s' is not a whole number in [1, "
                                       "10000000]", v);
        } else if (cli_opt_is(a, "--seed")) {
            if (cli_parse_u64(v, &o->seed) != 0)
                return cli_usage_error("run: --seed: '%s' is not a whole number >= 0", v);
        } else if (cli_opt_is(a, "--threads")) {
            if (cli_parse_u64(v, &o->threads) != 0 || o->threads < 1 || o->threads > 1024)
                return cli_usage_error("run: --threads: '%s' is not a whole number in [1, 1024]",
                                       v);
        } else if (cli_opt_is(a, "--years")) {
            if (cli_parse_u64(v, &o->years) != 0 || o->years < 1 || o->years > 20)
                return cli_usage_error("run: --years: '%s' is not a whole number in [1, 20]", v);
        } else if (cli_opt_is(a, "--floor")) {
            if (cli_parse_double(v, &o->cfg.floor) != 0 || !(o->cfg.floor >= 0) ||
                o->cfg.floor > 100)
                return cli_usage_error("run: --floor: '%s' is not a number in [0, 100]", v);
        } else if (cli_opt_is(a, "--dispersion")) {
            if (cli_parse_double(v, &o->cfg.dispersion) != 0 || !(o->cfg.dispersion > 0) ||
                o->cfg.dispersion > 1e6)
                return cli_usage_error("run: --dispersion: '%s' is not a number in (0, 1e6]", v);
        } else if (cli_opt_is(a, "--obs")) {
            if (strcmp(v, "poisson") == 0)
                o->cfg.obs = BRINK_SMC_OBS_POISSON;
            else if (strcmp(v, "negbin") == 0)
                o->cfg.obs = BRINK_SMC_OBS_NEGBIN;
            else
                return cli_usage_error("run: --obs: unknown observation model '%s'; expected "
                                       "poisson or negbin", v);
        } else if (cli_opt_is(a, "--rejuvenate")) {
            if (strcmp(v, "none") == 0)
                o->cfg.rejuvenate = BRINK_SMC_REJUV_NONE;
            else if (strcmp(v, "liu-west") == 0)
                o->cfg.rejuvenate = BRINK_SMC_REJUV_LIU_WEST;
            else
                return cli_usage_error("run: --rejuvenate: unknown kernel '%s'; expected "
                                       "liu-west or none", v);
        }
    }
    if (!o->file)
        return cli_usage_error("run: expected a SCENARIO file (see 'brink help run')");
    return EXIT_OK;
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
    double *pmfs = NULL, *x = NULL, *w = NULL;
    json_t *root = NULL;
    cli_atomic_t at;
    int open_out = 0;
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
    char m1[8], m2[8], m3[8];
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
    uint32_t n = brink_smc_nparticles(f);
    const double *wt = brink_smc_weights(f);
    size_t ness;
    const double *ess = brink_smc_ess(f, &ness);
    double ess_min = ness ? ess[0] : (double)n;
    size_t ess_at = 0;
    for (size_t k = 1; k < ness; k++)
        if (ess[k] < ess_min) {
            ess_min = ess[k];
            ess_at = k;
        }
    x = malloc((size_t)n * sizeof *x);
    w = malloc((size_t)n * sizeof *w);
    pmfs = calloc((size_t)BRINK_NCOUNTS * o.years * LEN, sizeof *pmfs);
    root = json_object();
    if (!x || !w || !pmfs || !root) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    memcpy(w, wt, (size_t)n * sizeof *w);
    char scen_hash[65], rec_file[4096];
    file_hash(o.file, scen_hash);
    snprintf(rec_file, sizeof rec_file, "%s", o.record ? o.record : brink_record_shipped());
    const char *rec_hash = rec ? brink_record_hash(rec) : "";
    month_str(o.through, m3);
    json_object_set_new(root, "format", json_string("brink-forecast"));
    json_object_set_new(root, "format_version", json_integer(1));
    json_object_set_new(root, "brink_version", json_string(brink_version()));
    json_object_set_new(root, "scenario", json_pack("{s:s,s:s}", "file", o.file, "sha256",
                                                    scen_hash));
    json_object_set_new(root, "params",
                        models.post ? json_pack("{s:s,s:s}", "file",
                                                brink_posterior_file(models.post), "sha256",
                                                brink_posterior_hash(models.post))
                                    : json_null());
    if (rec) {
        month_str(brink_record_through(rec), m1);
        json_object_set_new(root, "record", json_pack("{s:s,s:s,s:s}", "file", rec_file,
                                                      "sha256", rec_hash, "through", m1));
    } else {
        json_object_set_new(root, "record", json_null());
    }
    json_object_set_new(root, "conditioned_through", json_string(m3));
    json_object_set_new(root, "particles", json_integer((json_int_t)n));
    json_object_set_new(root, "seed", json_integer((json_int_t)o.seed));
    json_object_set_new(root, "observation_model",
                        json_pack("{s:s,s:f,s:f}", "law",
                                  o.cfg.obs == BRINK_SMC_OBS_NEGBIN ? "negbin" : "poisson",
                                  "floor", o.cfg.floor, "dispersion", o.cfg.dispersion));
    json_object_set_new(root, "log_evidence", json_real(brink_smc_log_evidence(f)));
    json_object_set_new(root, "resamplings", json_integer(brink_smc_resamplings(f)));
    json_t *jess = json_array();
    for (size_t k = 0; k < ness; k++)
        json_array_append_new(jess, json_real(ess[k]));
    json_object_set_new(root, "ess", jess);
    FILE *out = stdout;
    int text = strcmp(o.format, "text") == 0;
    if (text) {
        if (rec)
            fprintf(out, "Conditioned on %s (sha256 %.16s...) through %s: %u particles, %zu "
                    "months weighed (%s observation model, floor %g a month)\n", rec_file,
                    rec_hash, m3, n, ness,
                    o.cfg.obs == BRINK_SMC_OBS_NEGBIN ? "negative binomial" : "Poisson",
                    o.cfg.floor);
        else
            fprintf(out, "Not conditioned (--record none): %u particles run free through %s\n",
                    n, m3);
        month_str(start + (int)ess_at, m1);
        fprintf(out, "log marginal likelihood %.3f; %u resamplings; effective sample size: "
                "lowest %.1f (%s), final %.1f\n",
                brink_smc_log_evidence(f), brink_smc_resamplings(f), ness ? ess_min : (double)n,
                ness ? m1 : "-", ness ? ess[ness - 1] : (double)n);
        fprintf(out, "\nFiltered state at %s (weighted quantiles)\n  %-16s %9s %9s %9s\n", m3,
                "series", "q05", "q50", "q95");
    }
    /* the filtered state */
    json_t *jstate = json_object();
    const char *const *sn = brink_sim_series_names();
    for (int k = 0; k < BRINK_NSERIES; k++) {
        double v[BRINK_NSERIES], q[3];
        for (uint32_t i = 0; i < n; i++) {
            brink_sim_particle_series(brink_smc_particle(f, i), v);
            x[i] = v[k];
        }
        static const double qs[3] = {0.05, 0.5, 0.95};
        for (int j = 0; j < 3; j++)
            if (brink_weighted_quantile(ctx, x, w, n, qs[j], &q[j]) != BRINK_OK) {
                rc = cli_fail("run: %s", brink_ctx_errmsg(ctx));
                goto cleanup;
            }
        json_object_set_new(jstate, sn[k], json_pack("{s:f,s:f,s:f}", "q05", q[0], "q50", q[1],
                                                     "q95", q[2]));
        if (text)
            fprintf(out, "  %-16s %9.3f %9.3f %9.3f\n", sn[k], q[0], q[1], q[2]);
    }
    json_object_set_new(root, "filtered_state", jstate);
    /* the parameter posterior: the sets' weights after conditioning */
    if (models.post) {
        json_t *jpar = json_object();
        size_t np = brink_posterior_npaths(models.post);
        if (text)
            fprintf(out, "\nParameter posterior after conditioning (prior: the --params sets "
                    "by weight)\n  %-28s %9s %9s %9s\n", "path", "q05", "q50", "q95");
        for (size_t j = 0; j < np; j++) {
            double q[3];
            for (uint32_t i = 0; i < n; i++)
                x[i] = brink_posterior_values(models.post,
                                              brink_sim_particle_set(brink_smc_particle(f, i)))[j];
            static const double qs[3] = {0.05, 0.5, 0.95};
            for (int k = 0; k < 3; k++)
                if (brink_weighted_quantile(ctx, x, w, n, qs[k], &q[k]) != BRINK_OK) {
                    rc = cli_fail("run: %s", brink_ctx_errmsg(ctx));
                    goto cleanup;
                }
            const char *path = brink_posterior_path(models.post, j);
            json_object_set_new(jpar, path, json_pack("{s:f,s:f,s:f}", "q05", q[0], "q50", q[1],
                                                      "q95", q[2]));
            if (text)
                fprintf(out, "  %-28s %9.4g %9.4g %9.4g\n", path, q[0], q[1], q[2]);
        }
        json_object_set_new(root, "parameters", jpar);
    }
    /* the free forecast */
    if (brink_smc_forecast_pmfs(ctx, f, (int)o.years, LEN, pmfs) != BRINK_OK) {
        rc = cli_fail("run: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    json_t *jf = json_array();
    if (text)
        fprintf(out, "\nForecast: simulated totals of each 12-month period after %s\n  %-22s %-17s %7s %4s %4s %4s %7s\n", m3, "series",
                "period", "mean", "q05", "q50", "q95", "P(>=1)");
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        const char *actor, *kind;
        brink_sim_particles_series_name(sp, k, &actor, &kind);
        for (int h = 1; h <= (int)o.years; h++) {
            const double *pmf = pmfs + ((size_t)k * o.years + (size_t)(h - 1)) * LEN;
            month_str(o.through + 1 + 12 * (h - 1), m1);
            month_str(o.through + 12 * h, m2);
            double mean = brink_pmf_mean(pmf, LEN);
            long q05 = brink_pmf_quantile(pmf, LEN, 0.05), q50 = brink_pmf_quantile(pmf, LEN, 0.5),
                 q95 = brink_pmf_quantile(pmf, LEN, 0.95);
            json_t *jp = json_array();
            size_t u = used(pmf, LEN);
            for (size_t c = 0; c < u; c++)
                json_array_append_new(jp, json_real(pmf[c]));
            json_array_append_new(jf, json_pack("{s:s,s:s,s:s,s:s,s:f,s:I,s:I,s:I,s:o}", "actor",
                                                actor, "kind", kind, "from", m1, "to", m2,
                                                "mean", mean, "q05", (json_int_t)q05, "q50",
                                                (json_int_t)q50, "q95", (json_int_t)q95, "pmf",
                                                jp));
            if (text) {
                char name[64], per[24];
                snprintf(name, sizeof name, "%s/%s", actor, kind);
                snprintf(per, sizeof per, "%s..%s", m1, m2);
                fprintf(out, "  %-22s %-17s %7.2f %4ld %4ld %4ld %7.3f\n", name, per, mean, q05,
                        q50, q95, 1.0 - pmf[0]);
            }
        }
    }
    json_object_set_new(root, "forecasts", jf);
    if (!text && json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                           JSON_REAL_PRECISION(10)) != 0) {
        rc = cli_fail("run: cannot write to stdout");
        goto cleanup;
    }
    if (!text)
        fputc('\n', out);
    if (o.outdir) {
        char path[4096];
        if (cli_mkdirs(o.outdir) != 0) {
            rc = cli_fail("run: cannot create the directory %s", o.outdir);
            goto cleanup;
        }
        snprintf(path, sizeof path, "%s/forecast.json", o.outdir);
        if (cli_atomic_open(&at, path) != 0) {
            rc = EXIT_FAIL;
            goto cleanup;
        }
        open_out = 1;
        int w1 = json_dumpf(root, at.fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                             JSON_REAL_PRECISION(10));
        fputc('\n', at.fp);
        if (w1 != 0 || ferror(at.fp)) {
            rc = cli_fail("run: cannot write %s", path);
            goto cleanup;
        }
        open_out = 0;
        if (cli_atomic_commit(&at) != 0) {
            rc = cli_fail("run: cannot write %s", path);
            goto cleanup;
        }
    }
    if (fflush(stdout) != 0)
        rc = cli_fail("run: cannot write to stdout");
cleanup:
    if (open_out)
        cli_atomic_abort(&at);
    json_decref(root);
    free(x);
    free(w);
    free(pmfs);
    brink_smc_free(f);
    brink_sim_particles_free(sp);
    brink_record_free(rec);
    cli_models_free(&models);
    brink_ctx_free(ctx);
    free(o.sets);
    return rc;
}
