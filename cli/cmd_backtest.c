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
#include "forecasting.h"
#include "models.h"

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

#define LOG_EPS 0.01     /* smoothing weight of the log score (brink/calib.h) */

/* The record is the scenario's (its record: list); the baselines are fitted
 * on the calibration period, the window less its last two years. */
static const brink_sim_t *g_sim;
static int calib_first, calib_last;

static int record(int k, int year)
{
    return brink_sim_record(g_sim, k, year);
}

static const int milestone_k[3] = {BRINK_MILESTONE_NUCLEAR, BRINK_MILESTONE_ICBM,
                                   BRINK_MILESTONE_SUMMIT};
static const int milestone_count[3] = {BRINK_COUNT_NUCLEAR, BRINK_COUNT_ICBM, BRINK_COUNT_SUMMITS};

/* The first month of a milestone in the record: the middle of the first
 * record year with a count above 0 (the record is annual), -1 if none. */
static int milestone_observed(int i, int y0, int y1)
{
    for (int y = y0; y <= y1; y++)
        if (record(milestone_count[i], y) > 0)
            return y * 12 + 6;
    return -1;
}

/* Negative binomial (method of moments on the calibration period; Poisson
 * when not overdispersed) as a pmf. */
static void nb_pmf(double mean, double var, double *pmf, size_t n)
{
    if (!(var > mean * (1.0 + 1e-6)) || mean <= 0.0) {
        double p = exp(-mean);
        for (size_t c = 0; c < n; c++) {
            pmf[c] = p;
            p *= mean / (double)(c + 1);
        }
        return;
    }
    double r = mean * mean / (var - mean), q = mean / (mean + r);
    double lp = r * log(1.0 - q);
    for (size_t c = 0; c < n; c++) {
        pmf[c] = exp(lp);
        lp += log((r + (double)c) / (double)(c + 1)) + log(q);
    }
}

static void month_str(int m, char *buf, size_t n)
{
    if (m < 0)
        snprintf(buf, n, "never");
    else
        snprintf(buf, n, "%04d-%02d", m / 12, m % 12 + 1);
}

typedef struct summary {
    double crps, pois, pers, nb, ls, ls_pois, ls_pers, ls_nb;
    int n, in50, in90;
} summary_t;

static int score(const brink_ensemble_t *ens, uint64_t seed, int y0, int y1, json_t *targets,
                 json_t *sums, FILE *txt, int nsets)
{
    static double pmf[BRINK_COUNT_BINS], nbp[BRINK_COUNT_BINS];
    uint32_t tid = 0;
    fprintf(txt, "Annual counts: record, predictive mean and median [q05, q95], CRPS of the\n"
                 "model | Poisson | negative binomial (%d-%d mean and variance) | persistence,\n"
                 "log score of the model, randomised PIT (%u runs, %d parameter set%s)\n",
            calib_first, calib_last, brink_ensemble_runs(ens), nsets, nsets == 1 ? "" : "s");
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        const char *name = brink_sim_count_name(k);
        double lam = 0.0, var = 0.0;
        int nc = 0, skip = 0;
        for (int y = calib_first; y <= calib_last; y++) {
            if (record(k, y) < 0)
                skip = 1;
            lam += record(k, y);
            nc++;
        }
        for (int y = y0; y <= y1; y++)
            if (record(k, y) < 0 || record(k, y - 1) < 0)
                skip = 1;
        if (skip || nc < 2)
            continue;
        lam /= nc;
        for (int y = calib_first; y <= calib_last; y++)
            var += (record(k, y) - lam) * (record(k, y) - lam);
        var /= nc - 1;
        nb_pmf(lam, var, nbp, BRINK_COUNT_BINS);
        summary_t s = {0};
        fprintf(txt, "\n%s (baselines: mean %.3f, variance %.3f)\n", name, lam, var);
        fprintf(txt, "  year  record   mean  q50 [q05, q95]   CRPS  Poisson  NegBin  persist.  logS    PIT\n");
        for (int y = y0; y <= y1; y++, tid++) {
            int obs = record(k, y), prev = record(k, y - 1);
            if (brink_ensemble_annual_pmf(ens, k, y, pmf, BRINK_COUNT_BINS) < 0)
                return -1;
            brink_rng_t rng;
            brink_rng_init(&rng, seed, tid, 0, BRINK_STREAM_SCORE);
            double v = brink_rng_uniform(&rng);
            double crps = brink_crps_pmf(pmf, BRINK_COUNT_BINS, obs);
            double cp = brink_crps_poisson(lam, obs), cq = brink_crps_point(prev, obs);
            double cn = brink_crps_pmf(nbp, BRINK_COUNT_BINS, obs);
            double ln = brink_logscore_pmf(nbp, BRINK_COUNT_BINS, obs, LOG_EPS);
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
            s.nb += cn;
            s.ls_nb += ln;
            s.ls += ls;
            s.ls_pois += lp;
            s.ls_pers += lq;
            s.in50 += in50;
            s.in90 += in90;
            s.n++;
            fprintf(txt, "  %d  %6d  %5.1f  %3ld [%3ld, %3ld]  %6.2f  %7.2f  %6.2f  %8.2f  %5.2f  %5.3f%s\n",
                    y, obs, mean, q[2], q[0], q[4], crps, cp, cn, cq, ls, pit,
                    in90 ? "" : "  outside 90%");
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
            json_object_set_new(b, "negative_binomial", json_real(cn));
            json_object_set_new(t, "baseline_crps", b);
            json_object_set_new(bl, "poisson", json_real(lp));
            json_object_set_new(bl, "persistence", json_real(lq));
            json_object_set_new(bl, "negative_binomial", json_real(ln));
            json_object_set_new(t, "baseline_log_score", bl);
            json_object_set_new(t, "pit", json_real(pit));
            json_object_set_new(t, "in_50", json_boolean(in50));
            json_object_set_new(t, "in_90", json_boolean(in90));
            json_object_set_new(targets, key, t);
        }
        double n = s.n;
        fprintf(txt, "  mean CRPS %.3f | Poisson %.3f | NegBin %.3f | persistence %.3f; mean log "
                     "score %.3f | %.3f | %.3f | %.3f; 50%% interval covers %d/%d, 90%% covers "
                     "%d/%d\n",
                s.crps / n, s.pois / n, s.nb / n, s.pers / n, s.ls / n, s.ls_pois / n,
                s.ls_nb / n, s.ls_pers / n, s.in50, s.n, s.in90, s.n);
        json_t *j = json_object();
        json_object_set_new(j, "years", json_integer(s.n));
        json_object_set_new(j, "poisson_mean", json_real(lam));
        json_object_set_new(j, "mean_crps", json_real(s.crps / n));
        json_object_set_new(j, "mean_crps_poisson", json_real(s.pois / n));
        json_object_set_new(j, "mean_crps_persistence", json_real(s.pers / n));
        json_object_set_new(j, "mean_crps_negative_binomial", json_real(s.nb / n));
        json_object_set_new(j, "mean_log_score_negative_binomial", json_real(s.ls_nb / n));
        json_object_set_new(j, "variance", json_real(var));
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
                            json_t *targets, FILE *txt, int y0, int y1)
{
    size_t n = (size_t)(end - start + 2);
    double *pmf = calloc(n, sizeof *pmf);
    if (!pmf)
        return -1;
    fprintf(txt, "\nMilestones: record (the middle of the first record year with one), predictive\n"
                 "median [q05, q95] (runs that never reach it count as the horizon + 1),\n"
                 "P(by horizon), CRPS in months, randomised PIT\n");
    for (int i = 0; i < 3; i++) {
        int k = milestone_k[i];
        int mobs = milestone_observed(i, y0, y1);
        if (mobs < 0)
            continue;
        double reached = 0.0;
        for (int mo = start; mo <= end; mo++) {
            pmf[mo - start] = brink_ensemble_milestone_between(ens, k, mo, mo);
            reached += pmf[mo - start];
        }
        pmf[n - 1] = fmax(0.0, 1.0 - reached);
        long obs = mobs - start;
        brink_rng_t rng;
        brink_rng_init(&rng, seed, 1000u + (uint32_t)i, 0, BRINK_STREAM_SCORE);
        double v = brink_rng_uniform(&rng);
        double crps = brink_crps_pmf(pmf, n, obs), pit = brink_pit_pmf(pmf, n, obs, v);
        long q[3] = {brink_pmf_quantile(pmf, n, 0.05), brink_pmf_quantile(pmf, n, 0.5),
                     brink_pmf_quantile(pmf, n, 0.95)};
        char s[3][16], o[16];
        for (int j = 0; j < 3; j++)
            month_str(q[j] >= (long)n - 1 ? -1 : (int)q[j] + start, s[j], sizeof s[j]);
        month_str(mobs, o, sizeof o);
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
    if (cli_has_option(argc, argv, "--score"))
        return cli_backtest_score(argc, argv);
    if (cli_has_option(argc, argv, "--origins"))
        return cli_backtest_rolling(argc, argv);
    static const char *const known[] = {"--out", "--params", "--window", "--runs", "--seed",
                                        "--threads", "--set", NULL};
    const char *file = NULL, *outdir = NULL, *params = NULL;
    const char **sets = calloc((size_t)argc, sizeof *sets);
    size_t nsets = 0;
    uint64_t seed = 1, runs = 10000, threads = 0;
    int y0 = 0, y1 = 0, rc = EXIT_OK, window = 0;
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
            if (sscanf(v, "%d-%d%c", &y0, &y1, &tail) != 2 || y0 > y1 || y0 < 1900 ||
                y1 > 2200) {
                rc = cli_usage_error("backtest: --window: '%s' is not a range of years Y0-Y1", v);
                goto cleanup;
            }
            window = 1;
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
    int ry0, ry1;
    g_sim = models.sim[0];
    if (!brink_sim_record_years(models.sim[0], &ry0, &ry1)) {
        rc = cli_usage_error("backtest: %s has no record: list to compare with", file);
        goto cleanup;
    }
    if (ry0 < start / 12)
        ry0 = start / 12;
    if (!window) {
        y0 = ry0;
        y1 = ry1;
    } else if (y0 < ry0 || y1 > ry1) {
        rc = cli_usage_error("backtest: --window: %d-%d is not within the record's years %d-%d",
                             y0, y1, ry0, ry1);
        goto cleanup;
    }
    if (start > y0 * 12 || end < y1 * 12 + 11) {
        rc = cli_usage_error("backtest: the scenario's horizon does not cover %d-%d", y0, y1);
        goto cleanup;
    }
    calib_first = y0;
    calib_last = y1 - 2 >= y0 + 1 ? y1 - 2 : y1;
    int until = y1 * 12 + 11; /* nothing after the window is scored */
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
    json_object_set_new(root, "calibration_period", json_pack("[ii]", calib_first, calib_last));
    json_object_set_new(root, "log_score_smoothing", json_real(LOG_EPS));
    json_object_set_new(root, "targets", targets);
    json_object_set_new(root, "summary", sums);
    json_object_set_new(root, "checks", checks);
    if (score(ens, seed, y0, y1, targets, sums, txt, (int)models.n) != 0 ||
        score_milestones(ens, start, until, seed, targets, txt, y0, y1) != 0) {
        rc = cli_fail("backtest: out of memory");
        goto cleanup;
    }
    /* the patterns of the record, each against the model's central 90%
     * interval (pattern-oriented modelling, docs/validation.md) */
    fprintf(txt, "\nPatterns over %d-%d: record | model median [q05, q95] | share of runs "
                 "defining it | record inside\n", y0, y1);
    int inside = 0, judged = 0;
    for (int k = 0; k < BRINK_NPATTERNS; k++) {
        double def, mean, q05, q50, q95, rec = brink_ensemble_record_pattern(ens, k);
        brink_ensemble_pattern(ens, k, &def, &mean, &q05, &q50, &q95);
        json_t *c = json_object();
        json_object_set_new(c, "defined", json_real(def));
        int in = !isnan(rec) && !isnan(q05) && rec >= q05 - 1e-9 && rec <= q95 + 1e-9;
        if (!isnan(mean)) {
            json_object_set_new(c, "mean", json_real(mean));
            json_object_set_new(c, "q05", json_real(q05));
            json_object_set_new(c, "q50", json_real(q50));
            json_object_set_new(c, "q95", json_real(q95));
        }
        if (!isnan(rec)) {
            json_object_set_new(c, "record", json_real(rec));
            json_object_set_new(c, "inside_90", json_boolean(in));
            judged++;
            inside += in;
        }
        json_object_set_new(checks, brink_sim_pattern_name(k), c);
        fprintf(txt, "  %-26s %7.3g | %7.3g [%.3g, %.3g] | %.2f | %s\n", brink_sim_pattern_name(k),
                rec, q50, q05, q95, def, isnan(rec) ? "-" : in ? "yes" : "NO");
    }
    double tin, tout;
    brink_ensemble_pooled_rates(ens, &tin, &tout);
    double p_summit = 1.0 - brink_ensemble_none_between(ens, BRINK_COUNT_SUMMITS, y1 - 1, y1);
    double p_nonuc = brink_ensemble_none_between(ens, BRINK_COUNT_NUCLEAR, y1 - 1, y1);
    double p_nodeal = 1.0 - brink_ensemble_milestone_between(ens, BRINK_MILESTONE_DEAL, start,
                                                             until);
    double p_cluster = brink_ensemble_pattern_at_least(ens, BRINK_PATTERN_SUMMITS12, 3.0);
    double dsum, msum, a5, a50, a95;
    brink_ensemble_pattern(ens, BRINK_PATTERN_SUMMITS12, &dsum, &msum, &a5, &a50, &a95);
    double p_war, lo, hi;
    brink_ensemble_outcome(ens, BRINK_OUTCOME_WAR, &p_war, &lo, &hi);
    json_object_set_new(checks, "pooled_rate_in_talks", json_real(tin));
    json_object_set_new(checks, "pooled_rate_outside", json_real(tout));
    json_object_set_new(checks, "p_summit_last2", json_real(p_summit));
    json_object_set_new(checks, "p_no_nuclear_test_last2", json_real(p_nonuc));
    json_object_set_new(checks, "p_no_comprehensive_deal", json_real(p_nodeal));
    json_object_set_new(checks, "p_3_summits_in_12_months", json_real(p_cluster));
    json_object_set_new(checks, "p_war", json_real(p_war));
    json_object_set_new(checks, "patterns_inside_90", json_integer(inside));
    json_object_set_new(checks, "patterns_judged", json_integer(judged));
    fprintf(txt, "  %d of %d patterns of the record inside the model's central 90%% interval\n",
            inside, judged);
    fprintf(txt, "\nChecks over %d-%d\n"
                 "  pooled launch rate in talks or deal months %.3f a month, outside %.3f\n"
                 "  P(at least 3 summits within 12 months)     %.3f\n"
                 "  P(a leader summit in %d-%d)              %.3f\n"
                 "  P(no nuclear test in %d-%d)              %.3f\n"
                 "  P(no comprehensive deal by %d-12)          %.3f\n"
                 "  P(war by %d-12)                            %.3f\n",
            y0, y1, tin, tout, p_cluster, y1 - 1, y1, p_summit, y1 - 1, y1, p_nonuc, y1, p_nodeal,
            y1, p_war);
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
