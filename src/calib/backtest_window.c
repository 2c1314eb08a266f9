/* backtest_window.c - the window backtest of `brink backtest` (brink/calib.h,
 * brink_backtest_window): the predictive distributions of the annual counts
 * and milestones of a window scored against the scenario's record and
 * against three baselines, the record's patterns against the model's
 * intervals, and the checks of the window's last two years
 * (docs/validation.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "brink/brink.h"

#define LOG_EPS 0.01     /* smoothing weight of the log score (brink/calib.h) */

/* The record is the scenario's (its record: list); the baselines are fitted
 * on the calibration period, the window less its last two years. */
typedef struct bt {
    const brink_sim_t *sim;
    int calib_first, calib_last;
} bt_t;

static int record(const bt_t *bt, int k, int year)
{
    return brink_sim_record(bt->sim, k, year);
}

static const int milestone_k[3] = {BRINK_MILESTONE_NUCLEAR, BRINK_MILESTONE_ICBM,
                                   BRINK_MILESTONE_SUMMIT};
static const int milestone_count[3] = {BRINK_COUNT_NUCLEAR, BRINK_COUNT_ICBM, BRINK_COUNT_SUMMITS};

/* The first month of a milestone in the record: the middle of the first
 * record year with a count above 0 (the record is annual), -1 if none. */
static int milestone_observed(const bt_t *bt, int i, int y0, int y1)
{
    for (int y = y0; y <= y1; y++)
        if (record(bt, milestone_count[i], y) > 0)
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

static int score(const bt_t *bt, const brink_ensemble_t *ens, uint64_t seed, int y0, int y1, json_t *targets,
                 json_t *sums, FILE *txt, int nsets)
{
    double pmf[BRINK_COUNT_BINS], nbp[BRINK_COUNT_BINS];
    uint32_t tid = 0;
    fprintf(txt, "Annual counts: record, predictive mean and median [q05, q95], CRPS of the\n"
                 "model | Poisson | negative binomial (%d-%d mean and variance) | persistence,\n"
                 "log score of the model, randomised PIT (%u runs, %d parameter set%s)\n",
            bt->calib_first, bt->calib_last, brink_ensemble_runs(ens), nsets, nsets == 1 ? "" : "s");
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        const char *name = brink_sim_count_name(k);
        double lam = 0.0, var = 0.0;
        int nc = 0, skip = 0;
        for (int y = bt->calib_first; y <= bt->calib_last; y++) {
            if (record(bt, k, y) < 0)
                skip = 1;
            lam += record(bt, k, y);
            nc++;
        }
        for (int y = y0; y <= y1; y++)
            if (record(bt, k, y) < 0 || record(bt, k, y - 1) < 0)
                skip = 1;
        if (skip || nc < 2)
            continue;
        lam /= nc;
        for (int y = bt->calib_first; y <= bt->calib_last; y++)
            var += (record(bt, k, y) - lam) * (record(bt, k, y) - lam);
        var /= nc - 1;
        nb_pmf(lam, var, nbp, BRINK_COUNT_BINS);
        summary_t s = {0};
        fprintf(txt, "\n%s (baselines: mean %.3f, variance %.3f)\n", name, lam, var);
        fprintf(txt, "  year  record   mean  q50 [q05, q95]   CRPS  Poisson  NegBin  persist.  logS    PIT\n");
        for (int y = y0; y <= y1; y++, tid++) {
            int obs = record(bt, k, y), prev = record(bt, k, y - 1);
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
static int score_milestones(const bt_t *bt, const brink_ensemble_t *ens, int start, int end, uint64_t seed,
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
        int mobs = milestone_observed(bt, i, y0, y1);
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

brink_status_t brink_backtest_window(brink_ctx_t *ctx, const brink_ensemble_t *ens,
                                     const brink_sim_t *sim, const brink_backtest_window_t *w,
                                     FILE *json, FILE *txt)
{
    if (!ctx || !ens || !sim || !w || !w->scenario || !json || !txt || w->first > w->last)
        return BRINK_EINVAL;
    int y0 = w->first, y1 = w->last, start = brink_sim_start(sim), until = y1 * 12 + 11;
    bt_t b = {sim, y0, y1 - 2 >= y0 + 1 ? y1 - 2 : y1};
    brink_status_t st = BRINK_ENOMEM;
    json_t *root = json_object(), *targets = json_object(), *sums = json_object(),
           *checks = json_object();
    if (!root || !targets || !sums || !checks) {
        json_decref(targets);
        json_decref(sums);
        json_decref(checks);
        goto cleanup;
    }
    fprintf(txt, "Backtest of %s, %d-%d (seed %llu)\n\n", w->scenario, y0,
            y1, (unsigned long long)w->seed);
    json_object_set_new(root, "scenario", json_string(w->scenario));
    json_object_set_new(root, "version", json_string(brink_version()));
    json_object_set_new(root, "seed", json_integer((json_int_t)w->seed));
    json_object_set_new(root, "runs", json_integer((json_int_t)w->runs));
    json_object_set_new(root, "parameter_sets", json_integer(w->parameter_sets));
    json_object_set_new(root, "window", json_pack("[ii]", y0, y1));
    json_object_set_new(root, "calibration_period", json_pack("[ii]", b.calib_first, b.calib_last));
    json_object_set_new(root, "log_score_smoothing", json_real(LOG_EPS));
    json_object_set_new(root, "targets", targets);
    json_object_set_new(root, "summary", sums);
    json_object_set_new(root, "checks", checks);
    if (score(&b, ens, w->seed, y0, y1, targets, sums, txt, (int)w->parameter_sets) != 0 ||
        score_milestones(&b, ens, start, until, w->seed, targets, txt, y0, y1) != 0)
        goto cleanup;
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
    st = BRINK_EIO;
    if (json_dumpf(root, json, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) != 0)
        goto cleanup;
    fputc('\n', json);
    st = ferror(json) || ferror(txt) ? BRINK_EIO : BRINK_OK;
cleanup:
    json_decref(root);
    return st;
}
