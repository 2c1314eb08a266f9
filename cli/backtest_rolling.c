/* backtest_rolling.c - `brink backtest [SCENARIO] --origins Y1-Y2
 * [--horizons 1-H] [--record FILE]`: rolling-origin backtests of the
 * record's annual counts, the model (conditioned on the record up to each
 * origin by the particle filter) against the refitted baselines
 * (brink/rolling.h; docs/validation.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "forecasting.h"
#include "models.h"

typedef struct model_ud {
    const brink_sim_particles_t *sp;
    const brink_record_t *rec;
    brink_smc_config_t cfg;
    int start;
    double *mp; /* [BRINK_NCOUNTS][years][len] */
} model_ud_t;

/* the model's forecasts at the end of origin: condition, then run free */
static brink_status_t model_fn(brink_ctx_t *ctx, void *ud, int origin, int years, size_t len,
                               double *pmfs)
{
    model_ud_t *u = ud;
    brink_smc_t *f = NULL;
    const brink_smc_model_t *m = brink_sim_particles_model(u->sp);
    brink_status_t st = brink_smc_new(ctx, m, &u->cfg, u->rec, u->start, &f);
    if (st == BRINK_OK)
        st = brink_smc_condition(ctx, f, origin * 12 + 11);
    if (st == BRINK_OK)
        st = brink_smc_forecast_pmfs(ctx, f, years, len, u->mp);
    if (st == BRINK_OK) {
        size_t ns = brink_record_nseries(u->rec);
        for (size_t s = 0; s < ns; s++) {
            long k = m->series_index(m->ud, brink_record_actor(u->rec, s),
                                     brink_record_kind(u->rec, s));
            memcpy(pmfs + s * (size_t)years * len, u->mp + (size_t)k * (size_t)years * len,
                   (size_t)years * len * sizeof *pmfs);
        }
    }
    brink_smc_free(f);
    return st;
}

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

static json_t *jnum(double v) { return isfinite(v) ? json_real(v) : json_null(); }

static void print_interval(FILE *out, double s, double lo, double hi)
{
    char a[16], b[16];
    if (lo < -9.99)
        snprintf(a, sizeof a, "<-9.99"); /* a resample whose baseline scored near 0 */
    else
        snprintf(a, sizeof a, "%+6.2f", lo);
    snprintf(b, sizeof b, "%+6.2f", hi);
    if (isfinite(s))
        fprintf(out, "  %+6.2f [%s, %s]", s, a, b);
    else
        fprintf(out, "  %24s", "(subject)");
}

int cli_backtest_rolling(int argc, char **argv)
{
    static const char *const known[] = {"--origins", "--horizons", "--record", "--params",
                                        "--runs", "--seed", "--threads", "--set", "--format",
                                        "--out", "--bootstrap", "--floor", NULL};
    const char *file = NULL, *record = NULL, *params = NULL, *format = "text", *outdir = NULL;
    const char **sets = calloc((size_t)argc, sizeof *sets);
    size_t nsets = 0;
    uint64_t particles = 1000, seed = 1, threads = 0, boot = 1000;
    double floor_ = 0.05;
    int o1 = 0, o2 = 0, h1 = 1, h2 = 3, rc = EXIT_OK, have_origins = 0;
    brink_ctx_t *ctx = NULL;
    cli_models_t models = {0};
    brink_record_t *rec = NULL;
    brink_sim_particles_t *sp = NULL;
    brink_rolling_t *res = NULL;
    model_ud_t mu;
    memset(&mu, 0, sizeof mu);
    json_t *root = NULL;
    if (!sets)
        return cli_fail("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int is_option;
        if ((rc = cli_next_option("backtest", argc, argv, &i, known, &file, &v, &is_option)) !=
            EXIT_OK)
            goto cleanup;
        if (!is_option)
            continue;
        if (cli_opt_is(a, "--origins")) {
            have_origins = 1;
            if (parse_range(v, 1800, 2200, &o1, &o2) != 0) {
                rc = cli_usage_error("backtest: --origins: '%s' is not a range of years Y1-Y2", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--horizons")) {
            if (parse_range(v, 1, 10, &h1, &h2) != 0) {
                rc = cli_usage_error("backtest: --horizons: '%s' is not a range H1-H2 of years "
                                     "within 1-10", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--record")) {
            record = v;
        } else if (cli_opt_is(a, "--params")) {
            params = v;
        } else if (cli_opt_is(a, "--out")) {
            outdir = v;
        } else if (cli_opt_is(a, "--set")) {
            sets[nsets++] = v;
        } else if (cli_opt_is(a, "--format")) {
            if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0) {
                rc = cli_usage_error("backtest: --format: unknown format '%s'; expected text "
                                     "or json", v);
                goto cleanup;
            }
            format = v;
        } else if (cli_opt_is(a, "--runs")) {
            if (cli_parse_u64(v, &particles) != 0 || particles < 1 || particles > 1000000) {
                rc = cli_usage_error("backtest: --runs: '%s' is not a whole number in [1, "
                                     "1000000]", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--bootstrap")) {
            if (cli_parse_u64(v, &boot) != 0 || boot < 1 || boot > 1000000) {
                rc = cli_usage_error("backtest: --bootstrap: '%s' is not a whole number in [1, "
                                     "1000000]", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--seed")) {
            if (cli_parse_u64(v, &seed) != 0) {
                rc = cli_usage_error("backtest: --seed: '%s' is not a whole number >= 0", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--threads")) {
            if (cli_parse_u64(v, &threads) != 0 || threads < 1 || threads > 1024) {
                rc = cli_usage_error("backtest: --threads: '%s' is not a whole number in [1, "
                                     "1024]", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--floor")) {
            if (cli_parse_double(v, &floor_) != 0 || !(floor_ >= 0) || floor_ > 100) {
                rc = cli_usage_error("backtest: --floor: '%s' is not a number in [0, 100]", v);
                goto cleanup;
            }
        }
    }
    if (!have_origins) {
        rc = cli_usage_error("backtest: expected --origins Y1-Y2");
        goto cleanup;
    }
    ctx = brink_ctx_new(NULL);
    if (!ctx) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    if ((rc = cli_record_load(ctx, "backtest", record, &rec)) != EXIT_OK)
        goto cleanup;
    brink_rolling_config_t cfg;
    brink_rolling_config_default(&cfg);
    cfg.first = o1;
    cfg.last = o2;
    cfg.hmax = h2;
    cfg.bootstrap = (uint32_t)boot;
    cfg.seed = seed;
    if (file) {
        if ((rc = cli_models_load(ctx, "backtest", file, sets, nsets, params, &models)) !=
            EXIT_OK)
            goto cleanup;
        int start = brink_sim_start(models.sim[0]), end = brink_sim_end(models.sim[0]);
        if (o1 * 12 + 11 < start - 1 || (o2 + h2) * 12 + 11 > end) {
            rc = cli_usage_error("backtest: --origins %d-%d with horizons up to %d: the scenario "
                                 "runs %04d-%02d to %04d-%02d; expected origins from %d (the "
                                 "year before its start) to %d", o1, o2, h2, start / 12,
                                 start % 12 + 1, end / 12, end % 12 + 1, (start + 11) / 12 - 1,
                                 (end - 11) / 12 - h2);
            goto cleanup;
        }
        if (start % 12 != 0) {
            rc = cli_usage_error("backtest: the scenario starts in month %d of its year; the "
                                 "rolling backtest needs a scenario that starts in January",
                                 start % 12 + 1);
            goto cleanup;
        }
        if (brink_sim_particles_new(ctx, (const brink_sim_t *const *)models.sim, models.w,
                                    models.n, &sp) != BRINK_OK) {
            rc = cli_fail("backtest: %s", brink_ctx_errmsg(ctx));
            goto cleanup;
        }
        mu.sp = sp;
        mu.rec = rec;
        mu.start = start;
        brink_smc_config_default(&mu.cfg);
        mu.cfg.particles = (uint32_t)particles;
        mu.cfg.seed = seed;
        mu.cfg.threads = (int)threads;
        mu.cfg.floor = floor_;
        mu.mp = malloc((size_t)BRINK_NCOUNTS * (size_t)h2 * cfg.len * sizeof *mu.mp);
        if (!mu.mp) {
            rc = cli_fail("out of memory");
            goto cleanup;
        }
    }
    brink_status_t st = brink_rolling_run(ctx, rec, &cfg, file ? model_fn : NULL, &mu, &res);
    if (st != BRINK_OK) {
        rc = st == BRINK_EVALIDATE || st == BRINK_ENUMERIC
                 ? cli_usage_error("backtest: --record %s: %s",
                                   record ? record : brink_record_shipped(), brink_ctx_errmsg(ctx))
                 : cli_fail("backtest: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    int text = strcmp(format, "text") == 0;
    FILE *out = stdout;
    root = json_object();
    json_object_set_new(root, "record", json_pack("{s:s,s:s}", "file",
                                                  record ? record : brink_record_shipped(),
                                                  "sha256", brink_record_hash(rec)));
    json_object_set_new(root, "scenario", file ? json_string(file) : json_null());
    json_object_set_new(root, "origins", json_pack("[ii]", o1, o2));
    json_object_set_new(root, "horizons", json_pack("[ii]", h1, h2));
    json_object_set_new(root, "particles", file ? json_integer((json_int_t)particles) : json_null());
    json_object_set_new(root, "subject", json_string(brink_rolling_name(res->subject)));
    json_object_set_new(root, "dm_against", json_string(brink_rolling_name(res->dm_against)));
    json_object_set_new(root, "bootstrap", json_integer((json_int_t)boot));
    json_t *jser = json_array();
    json_object_set_new(root, "series", jser);
    if (text)
        fprintf(out, "Rolling-origin backtest: origins %d-%d (forecasts made at each year-end), "
                "horizons %d-%d years\nrecord %s (sha256 %.16s...)\nsubject: %s; skill = 1 - "
                "CRPS_subject / CRPS_forecaster with a 90%% moving-block bootstrap interval "
                "(%u resamples, blocks of h + 1 origins); DM: Diebold-Mariano (HLN) of the "
                "subject against %s, negative favours the subject\n",
                o1, o2, h1, h2, record ? record : brink_record_shipped(), brink_record_hash(rec),
                res->has_model ? "the model (conditioned on the record up to each origin)"
                               : "the mixture of the baselines",
                (unsigned)boot, brink_rolling_name(res->dm_against));
    for (size_t s = 0; s < res->nseries; s++) {
        json_t *js = json_object(), *jh = json_array();
        json_object_set_new(js, "actor", json_string(brink_record_actor(rec, s)));
        json_object_set_new(js, "kind", json_string(brink_record_kind(rec, s)));
        json_object_set_new(js, "horizons", jh);
        json_array_append_new(jser, js);
        if (text)
            fprintf(out, "\n%s/%s\n  h   n  forecaster     CRPS   logS  cov50 cov90  Brier  "
                    "PIT p    skill [90%% interval]\n", brink_record_actor(rec, s),
                    brink_record_kind(rec, s));
        for (int h = h1; h <= h2; h++) {
            json_t *jc = json_object();
            size_t sh = s * (size_t)res->hmax + (size_t)(h - 1);
            json_object_set_new(jc, "h", json_integer(h));
            json_object_set_new(jc, "dm", jnum(res->dm[sh]));
            json_object_set_new(jc, "dm_p", jnum(res->dm_p[sh]));
            json_t *jf = json_object();
            json_object_set_new(jc, "forecasters", jf);
            json_array_append_new(jh, jc);
            for (int f = BRINK_ROLLING_NF - 1; f >= 0; f--) {
                const brink_rolling_cell_t *c = brink_rolling_cell(res, s, h, f);
                if (c->n == 0)
                    continue;
                json_object_set_new(jf, brink_rolling_name(f),
                                    json_pack("{s:I,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
                                              "n", (json_int_t)c->n, "crps", jnum(c->crps),
                                              "log_score", jnum(c->logs), "cover50",
                                              jnum(c->cover50), "cover90", jnum(c->cover90),
                                              "brier", jnum(c->brier), "pit_p", jnum(c->pit_p),
                                              "pit", json_pack("[fffff]", c->pit[0], c->pit[1],
                                                               c->pit[2], c->pit[3], c->pit[4]),
                                              "skill", jnum(c->skill), "skill_lo",
                                              jnum(c->skill_lo), "skill_hi", jnum(c->skill_hi)));
                if (text) {
                    fprintf(out, "  %d %3zu  %-12s %6.2f %6.2f  %4.2f  %4.2f  %5.3f  %5.3f", h,
                            c->n, brink_rolling_name(f), c->crps, c->logs, c->cover50,
                            c->cover90, c->brier, c->pit_p);
                    print_interval(out, c->skill, c->skill_lo, c->skill_hi);
                    fputc('\n', out);
                }
            }
            if (text && isfinite(res->dm[sh]))
                fprintf(out, "  %d  DM %s vs %s: %+.2f (p = %.3f)\n", h,
                        brink_rolling_name(res->subject), brink_rolling_name(res->dm_against),
                        res->dm[sh], res->dm_p[sh]);
        }
    }
    if (!text && (json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                            JSON_REAL_PRECISION(6)) != 0 ||
                  fputc('\n', out) == EOF)) {
        rc = cli_fail("backtest: cannot write to stdout");
        goto cleanup;
    }
    if (outdir) {
        char path[4096];
        cli_atomic_t a;
        snprintf(path, sizeof path, "%s/rolling.json", outdir);
        if (cli_mkdirs(outdir) != 0 || cli_atomic_open(&a, path) != 0) {
            rc = cli_fail("backtest: cannot write %s", path);
            goto cleanup;
        }
        if (json_dumpf(root, a.fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                       JSON_REAL_PRECISION(6)) != 0 ||
            fputc('\n', a.fp) == EOF) {
            cli_atomic_abort(&a);
            rc = cli_fail("backtest: cannot write %s", path);
            goto cleanup;
        }
        if (cli_atomic_commit(&a) != 0) {
            rc = cli_fail("backtest: cannot write %s", path);
            goto cleanup;
        }
    }
    if (fflush(stdout) != 0)
        rc = cli_fail("backtest: cannot write to stdout");
cleanup:
    json_decref(root);
    brink_rolling_free(ctx, res);
    free(mu.mp);
    brink_sim_particles_free(sp);
    brink_record_free(rec);
    cli_models_free(&models);
    brink_ctx_free(ctx);
    free(sets);
    return rc;
}
