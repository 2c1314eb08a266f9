/* cmd_backtest.c - `brink backtest`: predictive distributions of the annual
 * counts and milestones of a window scored against the record and against
 * two naive baselines (docs/validation.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "commands.h"
#include "models.h"

/* every file the command writes in its result directory */
static const char *const own_files[] = {"backtest.json", "backtest.txt", NULL};

const char cmd_backtest_usage[] =
    "usage: brink backtest SCENARIO --out DIR [--params DIR] [--window 2012-2019]\n"
    "                      [--runs N] [--seed N] [--threads N] [--set PATH=VALUE]...\n"
    "\n"
    "Scores the ensemble of SCENARIO (or of its posterior, --params DIR written by\n"
    "'brink calibrate') against the historical record of the window: for every\n"
    "annual count (missiles, launch days, nuclear tests, ICBM-class launches, UN\n"
    "resolutions, leader summits) and milestone (first nuclear test, first\n"
    "ICBM-class launch, first leader summit) the predictive quantiles, the CRPS,\n"
    "the log score (counts), the randomised PIT and whether the 50% and 90%\n"
    "central intervals cover the record, next to two naive baselines: a Poisson\n"
    "with the 2012-2017 mean of the record and persistence of the previous year.\n"
    "Also the in-sample checks of 2018-2019: P(leader-level talks of the DPRK with\n"
    "an adversary), P(no nuclear test), P(no comprehensive deal by end-2019).\n"
    "\n"
    "options:\n"
    "  --out DIR         write DIR/backtest.json and DIR/backtest.txt (atomically)\n"
    "  --params DIR      draw run r's parameter set from DIR/posterior.csv by weight\n"
    "  --window Y0-Y1    years to score, within 2012-2019 (default 2012-2019)\n"
    "  --runs N          replications (default 10000)\n"
    "  --seed N          master seed (default 1)\n"
    "  --threads N       worker threads (default: all cores); results do not depend\n"
    "                    on it\n"
    "  --set PATH=VALUE  override a scenario key (repeatable)\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage or input error.\n";

#define CALIB_FIRST 2012 /* the calibration period of the Poisson baseline */
#define CALIB_LAST 2017
#define LOG_EPS 0.01     /* smoothing weight of the log score (brink/calib.h) */

/* The record of 2011 for the persistence forecast of 2012: no CNS launch in
 * 2010-2011 (dprk_missile_tests_1984_2019.csv), no nuclear test (2009 and
 * 2013), no resolution with new measures (1874 in 2009, 2087 in 2013), no
 * leader summit with the USA or the ROK (2007, 2018). */
static int record(int k, int year)
{
    if (year == 2011)
        return 0;
    return brink_sim_history(k, year);
}

static const int milestone_k[3] = {BRINK_MILESTONE_NUCLEAR, BRINK_MILESTONE_ICBM,
                                   BRINK_MILESTONE_SUMMIT};
/* data/dprk_timeline_2006_2019.csv (UTC months) */
static const int milestone_obs[3] = {2013 * 12 + 1, 2017 * 12 + 6, 2018 * 12 + 3};

static void month_str(int m, char *buf, size_t n)
{
    if (m < 0)
        snprintf(buf, n, "never");
    else
        snprintf(buf, n, "%04d-%02d", m / 12, m % 12 + 1);
}

typedef struct summary {
    double crps, pois, pers, ls, ls_pois, ls_pers;
    int n, in50, in90;
} summary_t;

static int score(const brink_ensemble_t *ens, uint64_t seed, int y0, int y1, json_t *targets,
                 json_t *sums, FILE *txt, int nsets)
{
    static double pmf[BRINK_COUNT_BINS];
    uint32_t tid = 0;
    fprintf(txt, "Annual counts: record, predictive mean and median [q05, q95], CRPS of the\n"
                 "model | Poisson(2012-2017 mean) | persistence, log score of the model,\n"
                 "randomised PIT (%u runs, %d parameter set%s)\n",
            brink_ensemble_runs(ens), nsets, nsets == 1 ? "" : "s");
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        const char *name = brink_sim_count_name(k);
        double lam = 0.0;
        for (int y = CALIB_FIRST; y <= CALIB_LAST; y++)
            lam += record(k, y);
        lam /= (CALIB_LAST - CALIB_FIRST + 1);
        summary_t s = {0};
        fprintf(txt, "\n%s (Poisson baseline mean %.3f)\n", name, lam);
        fprintf(txt, "  year  record   mean  q50 [q05, q95]   CRPS  Poisson  persist.  logS    PIT\n");
        for (int y = y0; y <= y1; y++, tid++) {
            int obs = record(k, y), prev = record(k, y - 1);
            if (brink_ensemble_annual_pmf(ens, k, y, pmf, BRINK_COUNT_BINS) < 0)
                return -1;
            brink_rng_t rng;
            brink_rng_init(&rng, seed, tid, 0, BRINK_STREAM_SCORE);
            double v = brink_rng_uniform(&rng);
            double crps = brink_crps_pmf(pmf, BRINK_COUNT_BINS, obs);
            double cp = brink_crps_poisson(lam, obs), cq = brink_crps_point(prev, obs);
            double ls = brink_logscore_pmf(pmf, BRINK_COUNT_BINS, obs, LOG_EPS);
            double lp = brink_logscore_poisson(lam, obs, LOG_EPS);
            double lq = brink_logscore_point(prev, obs, LOG_EPS);
            double pit = brink_pit_pmf(pmf, BRINK_COUNT_BINS, obs, v);
            long q[5];
            static const double qs[5] = {0.05, 0.25, 0.5, 0.75, 0.95};
            for (int i = 0; i < 5; i++)
                q[i] = brink_pmf_quantile(pmf, BRINK_COUNT_BINS, qs[i]);
            int in50 = brink_pmf_covers(pmf, BRINK_COUNT_BINS, obs, 0.5);
            int in90 = brink_pmf_covers(pmf, BRINK_COUNT_BINS, obs, 0.9);
            double mean = brink_pmf_mean(pmf, BRINK_COUNT_BINS);
            s.crps += crps;
            s.pois += cp;
            s.pers += cq;
            s.ls += ls;
            s.ls_pois += lp;
            s.ls_pers += lq;
            s.in50 += in50;
            s.in90 += in90;
            s.n++;
            fprintf(txt, "  %d  %6d  %5.1f  %3ld [%3ld, %3ld]  %6.2f  %7.2f  %8.2f  %5.2f  %5.3f%s\n",
                    y, obs, mean, q[2], q[0], q[4], crps, cp, cq, ls, pit, in90 ? "" : "  outside 90%");
            char key[64];
            snprintf(key, sizeof key, "%s_%d", name, y);
            json_t *t = json_object(), *p = json_object(), *b = json_object(),
                   *bl = json_object();
            json_object_set_new(t, "count", json_string(name));
            json_object_set_new(t, "year", json_integer(y));
            json_object_set_new(t, "observed", json_integer(obs));
            json_object_set_new(p, "mean", json_real(mean));
            json_object_set_new(p, "q05", json_integer(q[0]));
            json_object_set_new(p, "q25", json_integer(q[1]));
            json_object_set_new(p, "q50", json_integer(q[2]));
            json_object_set_new(p, "q75", json_integer(q[3]));
            json_object_set_new(p, "q95", json_integer(q[4]));
            json_object_set_new(t, "predicted", p);
            json_object_set_new(t, "crps", json_real(crps));
            json_object_set_new(t, "log_score", json_real(ls));
            json_object_set_new(b, "poisson", json_real(cp));
            json_object_set_new(b, "persistence", json_real(cq));
            json_object_set_new(t, "baseline_crps", b);
            json_object_set_new(bl, "poisson", json_real(lp));
            json_object_set_new(bl, "persistence", json_real(lq));
            json_object_set_new(t, "baseline_log_score", bl);
            json_object_set_new(t, "pit", json_real(pit));
            json_object_set_new(t, "in_50", json_boolean(in50));
            json_object_set_new(t, "in_90", json_boolean(in90));
            json_object_set_new(targets, key, t);
        }
        double n = s.n;
        fprintf(txt, "  mean CRPS %.3f | Poisson %.3f | persistence %.3f; mean log score %.3f | "
                     "%.3f | %.3f; 50%% interval covers %d/%d, 90%% covers %d/%d\n",
                s.crps / n, s.pois / n, s.pers / n, s.ls / n, s.ls_pois / n, s.ls_pers / n,
                s.in50, s.n, s.in90, s.n);
        json_t *j = json_object();
        json_object_set_new(j, "years", json_integer(s.n));
        json_object_set_new(j, "poisson_mean", json_real(lam));
        json_object_set_new(j, "mean_crps", json_real(s.crps / n));
        json_object_set_new(j, "mean_crps_poisson", json_real(s.pois / n));
        json_object_set_new(j, "mean_crps_persistence", json_real(s.pers / n));
        json_object_set_new(j, "mean_log_score", json_real(s.ls / n));
        json_object_set_new(j, "mean_log_score_poisson", json_real(s.ls_pois / n));
        json_object_set_new(j, "mean_log_score_persistence", json_real(s.ls_pers / n));
        json_object_set_new(j, "covered_50", json_integer(s.in50));
        json_object_set_new(j, "covered_90", json_integer(s.in90));
        json_object_set_new(sums, name, j);
    }
    return 0;
}

/* milestones: the predictive distribution of the first month over the
 * ensemble's months, with runs that never reach it by the horizon at
 * horizon + 1 (censored); CRPS in months. */
static int score_milestones(const brink_ensemble_t *ens, int start, int end, uint64_t seed,
                            json_t *targets, FILE *txt)
{
    size_t n = (size_t)(end - start + 2);
    double *pmf = calloc(n, sizeof *pmf);
    if (!pmf)
        return -1;
    fprintf(txt, "\nMilestones: record, predictive median [q05, q95] (runs that never reach it\n"
                 "count as the horizon + 1), P(by horizon), CRPS in months, randomised PIT\n");
    for (int i = 0; i < 3; i++) {
        int k = milestone_k[i];
        double reached = 0.0;
        for (int mo = start; mo <= end; mo++) {
            pmf[mo - start] = brink_ensemble_milestone_between(ens, k, mo, mo);
            reached += pmf[mo - start];
        }
        pmf[n - 1] = fmax(0.0, 1.0 - reached);
        long obs = milestone_obs[i] - start;
        brink_rng_t rng;
        brink_rng_init(&rng, seed, 1000u + (uint32_t)i, 0, BRINK_STREAM_SCORE);
        double v = brink_rng_uniform(&rng);
        double crps = brink_crps_pmf(pmf, n, obs), pit = brink_pit_pmf(pmf, n, obs, v);
        long q[3] = {brink_pmf_quantile(pmf, n, 0.05), brink_pmf_quantile(pmf, n, 0.5),
                     brink_pmf_quantile(pmf, n, 0.95)};
        char s[3][16], o[16];
        for (int j = 0; j < 3; j++)
            month_str(q[j] >= (long)n - 1 ? -1 : (int)q[j] + start, s[j], sizeof s[j]);
        month_str(milestone_obs[i], o, sizeof o);
        const char *name = brink_sim_milestone_name(k);
        fprintf(txt, "  %-20s %s  %s [%s, %s]  P %.3f  CRPS %.1f  PIT %.3f\n", name, o, s[1],
                s[0], s[2], reached, crps, pit);
        json_t *t = json_object(), *p = json_object();
        json_object_set_new(t, "observed", json_string(o));
        json_object_set_new(p, "q05", json_string(s[0]));
        json_object_set_new(p, "q50", json_string(s[1]));
        json_object_set_new(p, "q95", json_string(s[2]));
        json_object_set_new(p, "p_by_horizon", json_real(reached));
        json_object_set_new(t, "predicted", p);
        json_object_set_new(t, "crps", json_real(crps));
        json_object_set_new(t, "crps_unit", json_string("months"));
        json_object_set_new(t, "baseline_crps", json_null());
        json_object_set_new(t, "pit", json_real(pit));
        json_object_set_new(targets, name, t);
    }
    free(pmf);
    return 0;
}

int cmd_backtest(int argc, char **argv)
{
    static const char *const known[] = {"--out", "--params", "--window", "--runs", "--seed",
                                        "--threads", "--set", NULL};
    const char *file = NULL, *outdir = NULL, *params = NULL;
    const char **sets = calloc((size_t)argc, sizeof *sets);
    size_t nsets = 0;
    uint64_t seed = 1, runs = 10000, threads = 0;
    int y0 = 2012, y1 = 2019, rc = EXIT_OK;
    brink_ctx_t *ctx = NULL;
    cli_models_t models = {0};
    brink_ensemble_t *ens = NULL;
    json_t *root = NULL;
    char *txtbuf = NULL;
    size_t txtlen = 0;
    FILE *txt = NULL;
    cli_atomic_t aj = {0}, at = {0};
    brink_outdir_t *od = NULL;
    int open_j = 0, open_t = 0;
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
        if (cli_opt_is(a, "--out")) {
            outdir = v;
        } else if (cli_opt_is(a, "--params")) {
            params = v;
        } else if (cli_opt_is(a, "--set")) {
            sets[nsets++] = v;
        } else if (cli_opt_is(a, "--window")) {
            char tail;
            if (sscanf(v, "%d-%d%c", &y0, &y1, &tail) != 2 || y0 < 2012 || y1 > 2019 || y0 > y1) {
                rc = cli_usage_error("backtest: --window: '%s' is not a range Y0-Y1 within "
                                     "2012-2019 (the record; later years are held out)", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--runs")) {
            if (cli_parse_u64(v, &runs) != 0 || runs < 1 || runs > 10000000) {
                rc = cli_usage_error("backtest: --runs: '%s' is not a whole number in "
                                     "[1, 10000000]", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--seed")) {
            if (cli_parse_u64(v, &seed) != 0) {
                rc = cli_usage_error("backtest: --seed: '%s' is not a whole number >= 0", v);
                goto cleanup;
            }
        } else if (cli_opt_is(a, "--threads")) {
            if (cli_parse_u64(v, &threads) != 0 || threads < 1 || threads > 1024) {
                rc = cli_usage_error("backtest: --threads: '%s' is not a whole number in "
                                     "[1, 1024]", v);
                goto cleanup;
            }
        }
    }
    if (!file) {
        rc = cli_usage_error("backtest: expected a SCENARIO file (see 'brink help backtest')");
        goto cleanup;
    }
    if (!outdir) {
        rc = cli_usage_error("backtest: --out DIR is required");
        goto cleanup;
    }
    ctx = brink_ctx_new(NULL);
    if (!ctx) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    rc = cli_models_load(ctx, "backtest", file, sets, nsets, params, &models);
    if (rc != EXIT_OK)
        goto cleanup;
    int start = brink_sim_start(models.sim[0]), end = brink_sim_end(models.sim[0]);
    if (start > y0 * 12 || end < y1 * 12 + 11) {
        rc = cli_usage_error("backtest: the scenario's horizon does not cover %d-%d", y0, y1);
        goto cleanup;
    }
    int until = 2019 * 12 + 11; /* nothing after 2019 is scored */
    cli_progress_t prog;
    cli_progress_init(&prog, "brink backtest");
    brink_ctx_set_progress(ctx, cli_progress_cb, &prog);
    brink_status_t st = brink_sim_ensemble_mixed(ctx, (const brink_sim_t *const *)models.sim,
                                                 models.w, models.n, seed, (uint32_t)runs,
                                                 (int)threads, until, &ens);
    cli_progress_done(&prog);
    if (st != BRINK_OK) {
        rc = cli_fail("backtest: %s", brink_ctx_errmsg(ctx));
        goto cleanup;
    }
    txt = open_memstream(&txtbuf, &txtlen);
    root = json_object();
    json_t *targets = json_object(), *sums = json_object(), *checks = json_object();
    if (!txt || !root || !targets || !sums || !checks) {
        json_decref(targets);
        json_decref(sums);
        json_decref(checks);
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    fprintf(txt, "Backtest of %s, %d-%d (seed %llu)\n\n", brink_scenario_name(models.sc[0]), y0,
            y1, (unsigned long long)seed);
    json_object_set_new(root, "scenario", json_string(brink_scenario_name(models.sc[0])));
    json_object_set_new(root, "version", json_string(brink_version()));
    json_object_set_new(root, "seed", json_integer((json_int_t)seed));
    json_object_set_new(root, "runs", json_integer((json_int_t)runs));
    json_object_set_new(root, "parameter_sets", json_integer(models.n));
    json_object_set_new(root, "window", json_pack("[ii]", y0, y1));
    json_object_set_new(root, "calibration_period", json_pack("[ii]", CALIB_FIRST, CALIB_LAST));
    json_object_set_new(root, "log_score_smoothing", json_real(LOG_EPS));
    json_object_set_new(root, "targets", targets);
    json_object_set_new(root, "summary", sums);
    json_object_set_new(root, "checks", checks);
    if (score(ens, seed, y0, y1, targets, sums, txt, (int)models.n) != 0 ||
        score_milestones(ens, start, until, seed, targets, txt) != 0) {
        rc = cli_fail("backtest: out of memory");
        goto cleanup;
    }
    double p_talks = 1.0 - brink_ensemble_none_between(ens, BRINK_COUNT_SUMMITS, 2018, 2019);
    /* summits with the USA or the ROK in particular: the same runs, traced */
    uint64_t with_us_rok = 0;
    {
        brink_sim_trace_t *trace = NULL;
        if (brink_sim_trace_new(ctx, models.sim[0], 8192, &trace) != BRINK_OK) {
            rc = cli_fail("backtest: %s", brink_ctx_errmsg(ctx));
            goto cleanup;
        }
        for (uint64_t r = 0; r < runs; r++) {
            const brink_sim_t *sim =
                models.sim[brink_sim_pick_model(models.w, models.n, seed, (uint32_t)r)];
            brink_sim_run(ctx, sim, seed, (uint32_t)r, until, trace);
            if (trace->overflow) {
                brink_sim_trace_free(ctx, trace);
                rc = cli_fail("backtest: run %llu logged more than 8192 events by 2019-12; "
                              "its summits cannot be attributed", (unsigned long long)r);
                goto cleanup;
            }
            for (size_t i = 0; i < trace->nevents; i++) {
                const brink_sim_event_t *ev = &trace->events[i];
                if (ev->month < 2018 * 12 || ev->month > 2019 * 12 + 11 || ev->target < 0 ||
                    strcmp(ev->action, "leader_summit") != 0)
                    continue;
                const char *id = brink_sim_actor_id(sim, ev->target);
                if (strcmp(id, "USA") == 0 || strcmp(id, "ROK") == 0) {
                    with_us_rok++;
                    break;
                }
            }
        }
        brink_sim_trace_free(ctx, trace);
    }
    double p_talks_us_rok = (double)with_us_rok / (double)runs;
    double p_nonuc = brink_ensemble_none_between(ens, BRINK_COUNT_NUCLEAR, 2018, 2019);
    double p_nodeal = 1.0 - brink_ensemble_milestone_between(ens, BRINK_MILESTONE_DEAL, start,
                                                             2019 * 12 + 11);
    json_object_set_new(checks, "p_leader_talks_usa_or_rok_2018_2019", json_real(p_talks_us_rok));
    json_object_set_new(checks, "p_leader_talks_any_adversary_2018_2019", json_real(p_talks));
    json_object_set_new(checks, "p_no_nuclear_test_2018_2019", json_real(p_nonuc));
    json_object_set_new(checks, "p_no_comprehensive_deal_by_2019", json_real(p_nodeal));
    fprintf(txt, "\nIn-sample checks 2018-2019 (record: yes, yes, yes)\n"
                 "  P(leader-level summit of the DPRK with the USA or the ROK in 2018-2019)  %.3f\n"
                 "    (with any adversary: %.3f)\n"
                 "  P(no nuclear test in 2018-2019)                                          %.3f\n"
                 "  P(no comprehensive deal by 2019-12)                                      %.3f\n",
            p_talks_us_rok, p_talks, p_nonuc, p_nodeal);
    if (fflush(txt) != 0) {
        rc = cli_fail("backtest: out of memory");
        goto cleanup;
    }
    if (cli_outdir_begin("backtest", outdir, own_files, &od) != 0) {
        rc = EXIT_FAIL;
        goto cleanup;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/backtest.json", brink_outdir_stage(od));
    if (cli_atomic_open(&aj, path) != 0) {
        rc = EXIT_FAIL;
        goto cleanup;
    }
    open_j = 1;
    snprintf(path, sizeof path, "%s/backtest.txt", brink_outdir_stage(od));
    if (cli_atomic_open(&at, path) != 0) {
        rc = EXIT_FAIL;
        goto cleanup;
    }
    open_t = 1;
    int w1 = json_dumpf(root, aj.fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                         JSON_REAL_PRECISION(6));
    fputc('\n', aj.fp);
    fwrite(txtbuf, 1, txtlen, at.fp);
    if (w1 != 0 || ferror(aj.fp) || ferror(at.fp)) {
        rc = cli_fail("backtest: cannot write the results to %s", outdir);
        goto cleanup;
    }
    open_j = open_t = 0;
    if ((cli_atomic_commit(&aj) | cli_atomic_commit(&at)) != 0 ||
        cli_outdir_commit("backtest", &od) != 0) {
        rc = cli_fail("backtest: cannot write the results to %s", outdir);
        goto cleanup;
    }
    fwrite(txtbuf, 1, txtlen, stdout);
    if (fflush(stdout) != 0)
        rc = cli_fail("backtest: cannot write to stdout");
cleanup:
    if (open_j)
        cli_atomic_abort(&aj);
    if (open_t)
        cli_atomic_abort(&at);
    cli_outdir_abort(&od);
    if (txt)
        fclose(txt);
    free(txtbuf);
    json_decref(root);
    brink_ensemble_free(ens);
    cli_models_free(&models);
    brink_ctx_free(ctx);
    free(sets);
    return rc;
}
