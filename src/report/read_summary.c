/* read_summary.c - summary.json of `brink run --out`: outcomes, milestones,
 * annual event counts against the historical record, provenance. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

static const char *const qkeys[] = {"q05", "q25", "q50", "q75", "q95"};

/* Every key of the object o (at where, "" for the top) must be one of the
 * NULL-terminated names: what the commands that write summary.json write
 * (brink run, and brink calibrate's keys, which the report does not show). */
static brink_status_t known_keys(brink_ctx_t *ctx, const char *file, const json_t *o,
                                 const char *where, const char *const *names)
{
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)o, k, v) {
        size_t i = 0;
        while (names[i] && strcmp(names[i], k) != 0)
            i++;
        if (names[i])
            continue;
        char list[512] = "";
        for (size_t j = 0; names[j]; j++) {
            size_t l = strlen(list);
            snprintf(list + l, sizeof list - l, "%s%s", j ? ", " : "", names[j]);
        }
        return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s%sunknown key '%.80s' (expected %s)",
                        where, *where ? ": " : "", k, list);
    }
    return BRINK_OK;
}

/* seed: a whole number >= 0 (an integer, or a string of digits, as the
 * provenance allows); start and until: months "YYYY-MM", until not before
 * start. */
static brink_status_t check_provenance(brink_ctx_t *ctx, const char *file, const json_t *root)
{
    json_t *seed = json_object_get(root, "seed");
    if (seed && json_is_integer(seed) && json_integer_value(seed) < 0)
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "seed: expected a whole number >= 0, found %lld",
                        (long long)json_integer_value(seed));
    if (seed && json_is_string(seed)) {
        const char *s = json_string_value(seed);
        size_t n = strlen(s);
        if (n == 0 || n > 20 || strspn(s, "0123456789") != n)
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "seed: expected a whole number >= 0, found \"%.40s\"", s);
    }
    int ym[2][2], have[2] = {0, 0};
    static const char *const mk[] = {"start", "until"};
    for (int i = 0; i < 2; i++) {
        json_t *m = json_object_get(root, mk[i]);
        if (!m || json_is_null(m))
            continue;
        if (!json_is_string(m) || rp_parse_month(json_string_value(m), &ym[i][0], &ym[i][1]) != 0)
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "%s: expected a month \"YYYY-MM\", found %s%.40s%s", mk[i],
                            json_is_string(m) ? "\"" : "",
                            json_is_string(m) ? json_string_value(m) : rp_json_kind(m),
                            json_is_string(m) ? "\"" : "");
        have[i] = 1;
    }
    if (have[0] && have[1] && ym[1][0] * 12 + ym[1][1] < ym[0][0] * 12 + ym[0][1])
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "until: expected a month on or after start (%s), found %s",
                        json_string_value(json_object_get(root, "start")),
                        json_string_value(json_object_get(root, "until")));
    return BRINK_OK;
}

/* Copies a provenance field as a string (numbers printed exactly). */
static brink_status_t prov_field(brink_ctx_t *ctx, const char *file, const json_t *root,
                                 const char *key, json_t *prov)
{
    json_t *v = json_object_get(root, key);
    char buf[64];
    if (!v || json_is_null(v))
        return BRINK_OK;
    if (json_is_string(v)) {
        json_object_set_new(prov, key, json_string(json_string_value(v)));
    } else if (json_is_integer(v)) {
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
        json_object_set_new(prov, key, json_string(buf));
    } else if (json_is_array(v) && strcmp(key, "command") == 0) {
        /* argv as an array: join with spaces */
        size_t i, len = 0;
        json_t *e;
        json_array_foreach(v, i, e) {
            if (!json_is_string(e))
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "command[%zu]: expected a string, found %s", i, rp_json_kind(e));
            len += strlen(json_string_value(e)) + 1;
        }
        char *s = brink_malloc(ctx, len + 1);
        if (!s)
            return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        s[0] = '\0';
        json_array_foreach(v, i, e) {
            if (i)
                strcat(s, " ");
            strcat(s, json_string_value(e));
        }
        json_object_set_new(prov, key, json_string(s));
        brink_free(ctx, s);
    } else {
        return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s: expected %s, found %s", key,
                        strcmp(key, "seed") == 0 || strcmp(key, "runs") == 0
                            ? "an integer or a string"
                            : "a string",
                        rp_json_kind(v));
    }
    return BRINK_OK;
}

brink_status_t rp_read_provenance(brink_ctx_t *ctx, const char *file, const json_t *root,
                                  json_t *payload)
{
    json_t *prov = json_object_get(payload, "provenance");
    static const char *const pk[] = {"version",         "scenario", "scenario_hash",
                                     "experiment",      "experiment_hash", "seed",
                                     "runs",            "command",  "start",
                                     "until"};
    for (size_t i = 0; i < sizeof pk / sizeof pk[0]; i++) {
        brink_status_t st = prov_field(ctx, file, root, pk[i], prov);
        if (st)
            return st;
    }
    return BRINK_OK;
}

static brink_status_t read_outcomes(brink_ctx_t *ctx, const char *file, json_t *o, json_t *payload)
{
    if (!json_is_object(o))
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "outcomes: expected an object (name -> {p, lo, hi}), found %s",
                        rp_json_kind(o));
    json_t *arr = json_array();
    json_object_set_new(payload, "outcomes", arr);
    const char *name;
    json_t *v;
    json_object_foreach(o, name, v) {
        char where[256];
        snprintf(where, sizeof where, "outcomes.%s", name);
        if (!json_is_object(v))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "%s: expected an object {p, lo, hi}, found %s", where, rp_json_kind(v));
        double p, lo, hi;
        brink_status_t st;
        static const char *const ok[] = {"p", "lo", "hi", NULL};
        if ((st = known_keys(ctx, file, v, where, ok)))
            return st;
        if ((st = rp_get_num(ctx, file, v, where, "p", 1, &p, NULL)) ||
            (st = rp_get_num(ctx, file, v, where, "lo", 1, &lo, NULL)) ||
            (st = rp_get_num(ctx, file, v, where, "hi", 1, &hi, NULL)))
            return st;
        if (!(p >= 0 && p <= 1) || !(lo >= 0 && lo <= 1) || !(hi >= 0 && hi <= 1))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "%s: expected probabilities between 0 and 1, found p=%g lo=%g hi=%g",
                            where, p, lo, hi);
        if (lo > p + 1e-9 || p > hi + 1e-9)
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "%s: expected lo <= p <= hi, found p=%g lo=%g hi=%g", where, p, lo, hi);
        json_array_append_new(arr, json_pack("{s:s,s:f,s:f,s:f}", "name", name, "p", p, "lo", lo,
                                             "hi", hi));
    }
    return BRINK_OK;
}

static brink_status_t month_field(brink_ctx_t *ctx, const char *file, const json_t *v,
                                  const char *where, const char *key, json_t *dst)
{
    json_t *m = json_object_get(v, key);
    int y, mo;
    if (!m || json_is_null(m)) {
        json_object_set_new(dst, key, json_null());
        return BRINK_OK;
    }
    if (!json_is_string(m) || rp_parse_month(json_string_value(m), &y, &mo) != 0)
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "%s.%s: expected a month \"YYYY-MM\" or null, found %s", where, key,
                        json_is_string(m) ? json_string_value(m) : rp_json_kind(m));
    json_object_set_new(dst, key, json_string(json_string_value(m)));
    return BRINK_OK;
}

static brink_status_t read_milestones(brink_ctx_t *ctx, const char *file, json_t *o,
                                      json_t *payload)
{
    if (!json_is_object(o))
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "milestones: expected an object (name -> {p_by_horizon, median, q05, "
                        "q95}), found %s",
                        rp_json_kind(o));
    json_t *arr = json_array();
    json_object_set_new(payload, "milestones", arr);
    const char *name;
    json_t *v;
    json_object_foreach(o, name, v) {
        char where[256];
        snprintf(where, sizeof where, "milestones.%s", name);
        if (!json_is_object(v))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s: expected an object, found %s",
                            where, rp_json_kind(v));
        double p;
        static const char *const ok[] = {"p_by_horizon", "median", "q05", "q95", NULL};
        brink_status_t st = known_keys(ctx, file, v, where, ok);
        if (st)
            return st;
        st = rp_get_num(ctx, file, v, where, "p_by_horizon", 1, &p, NULL);
        if (st)
            return st;
        if (!(p >= 0 && p <= 1))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "%s.p_by_horizon: expected a probability between 0 and 1, found %g",
                            where, p);
        json_t *m = json_pack("{s:s,s:f}", "name", name, "p_by_horizon", p);
        json_array_append_new(arr, m);
        if ((st = month_field(ctx, file, v, where, "median", m)) ||
            (st = month_field(ctx, file, v, where, "q05", m)) ||
            (st = month_field(ctx, file, v, where, "q95", m)))
            return st;
    }
    return BRINK_OK;
}

static int year_key(const char *k)
{
    if (strlen(k) != 4)
        return -1;
    for (int i = 0; i < 4; i++)
        if (k[i] < '0' || k[i] > '9')
            return -1;
    return atoi(k);
}

static brink_status_t window(brink_ctx_t *ctx, const char *file, const json_t *root,
                             const char *key, json_t *dst)
{
    json_t *w = json_object_get(root, key);
    if (!w)
        return BRINK_OK;
    if (!json_is_array(w) || json_array_size(w) != 2 || !json_is_integer(json_array_get(w, 0)) ||
        !json_is_integer(json_array_get(w, 1)) ||
        json_integer_value(json_array_get(w, 0)) > json_integer_value(json_array_get(w, 1)))
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "%s: expected [FIRST_YEAR, LAST_YEAR] with FIRST_YEAR <= LAST_YEAR", key);
    json_object_set(dst, key, w);
    return BRINK_OK;
}

static brink_status_t read_counts(brink_ctx_t *ctx, const char *file, const json_t *root,
                                  json_t *o, json_t *payload)
{
    if (!json_is_object(o))
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "annual_counts: expected an object (event -> year -> {mean, q05, q25, "
                        "q50, q75, q95}), found %s",
                        rp_json_kind(o));
    json_t *sec = json_object(), *arr = json_array();
    json_object_set_new(payload, "annual_counts", sec);
    json_object_set_new(sec, "events", arr);
    int any_hist = 0, hist_lo = 0, hist_hi = 0;
    const char *name;
    json_t *byyear;
    brink_status_t st;
    json_object_foreach(o, name, byyear) {
        char where[300];
        if (!json_is_object(byyear))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "annual_counts.%s: expected an object (year -> counts), found %s",
                            name, rp_json_kind(byyear));
        json_t *ev = json_object(), *years = json_array(), *mean = json_array(),
               *hist = json_array(), *q[5];
        json_object_set_new(ev, "name", json_string(name));
        json_object_set_new(ev, "years", years);
        json_object_set_new(ev, "mean", mean);
        for (int i = 0; i < 5; i++) {
            q[i] = json_array();
            json_object_set_new(ev, qkeys[i], q[i]);
        }
        json_object_set_new(ev, "historical", hist);
        json_array_append_new(arr, ev);
        const char *yk;
        json_t *cell;
        int prev = -1;
        json_object_foreach(byyear, yk, cell) {
            int y = year_key(yk);
            snprintf(where, sizeof where, "annual_counts.%s.%s", name, yk);
            if (y < 0)
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "annual_counts.%s.%s: expected a four-digit year as the key", name,
                                yk);
            if (y <= prev)
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "%s: expected years in increasing order (after %d)", where, prev);
            prev = y;
            if (!json_is_object(cell))
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "%s: expected an object {mean, q05, q25, q50, q75, q95}, found %s",
                                where, rp_json_kind(cell));
            double m, qv[5], h;
            int found;
            static const char *const ok[] = {"mean", "q05", "q25", "q50", "q75", "q95",
                                             "historical", NULL};
            if ((st = known_keys(ctx, file, cell, where, ok)))
                return st;
            if ((st = rp_get_num(ctx, file, cell, where, "mean", 1, &m, NULL)))
                return st;
            for (int i = 0; i < 5; i++)
                if ((st = rp_get_num(ctx, file, cell, where, qkeys[i], 1, &qv[i], NULL)))
                    return st;
            for (int i = 1; i < 5; i++)
                if (qv[i] < qv[i - 1])
                    return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                    "%s: expected q05 <= q25 <= q50 <= q75 <= q95", where);
            if (m < 0 || qv[0] < 0)
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "%s: expected counts >= 0", where);
            if ((st = rp_get_num(ctx, file, cell, where, "historical", 0, &h, &found)))
                return st;
            json_array_append_new(years, json_integer(y));
            json_array_append_new(mean, json_real(m));
            for (int i = 0; i < 5; i++)
                json_array_append_new(q[i], json_real(qv[i]));
            if (found) {
                json_array_append_new(hist, json_real(h));
                if (!any_hist || y < hist_lo)
                    hist_lo = y;
                if (!any_hist || y > hist_hi)
                    hist_hi = y;
                any_hist = 1;
            } else {
                json_array_append_new(hist, json_null());
            }
        }
    }
    if ((st = window(ctx, file, root, "calibration_window", sec)) ||
        (st = window(ctx, file, root, "in_sample_window", sec)))
        return st;
    /* The project's validation protocol (issue 5, docs/validation.md):
     * calibrate on 2012-2017, check in sample on 2018-2019; default to that
     * where the directory does not say, clipped to the years with a record. */
    if (any_hist && !json_object_get(sec, "calibration_window") && hist_lo <= 2017) {
        int a = hist_lo < 2012 ? 2012 : hist_lo, b = hist_hi < 2017 ? hist_hi : 2017;
        if (a <= b)
            json_object_set_new(sec, "calibration_window", json_pack("[i,i]", a, b));
    }
    if (any_hist && !json_object_get(sec, "in_sample_window") && hist_hi >= 2018) {
        int a = hist_lo > 2018 ? hist_lo : 2018, b = hist_hi < 2019 ? hist_hi : 2019;
        if (a <= b)
            json_object_set_new(sec, "in_sample_window", json_pack("[i,i]", a, b));
    }
    json_object_set_new(sec, "has_historical", json_boolean(any_hist));
    return BRINK_OK;
}

brink_status_t rp_read_summary(brink_ctx_t *ctx, const char *path, json_t *payload)
{
    json_t *root = NULL;
    brink_status_t st = rp_load_json(ctx, path, &root);
    if (st)
        return st;
    if (!json_is_object(root)) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0, "expected a JSON object at the top, found %s",
                      rp_json_kind(root));
        goto cleanup;
    }
    static const char *const top[] = {
        "version", "scenario", "scenario_hash", "experiment", "experiment_hash", "seed", "runs",
        "parameter_sets", "command", "start", "until", "outcome", "outcomes", "milestones", "annual_counts",
        "patterns", "checks", "calibration_window", "in_sample_window",
        /* brink calibrate's */
        "budget", "particles", "alpha", "simulations", "posterior", "history", NULL};
    if ((st = known_keys(ctx, path, root, "", top)) || (st = check_provenance(ctx, path, root)) ||
        (st = rp_read_provenance(ctx, path, root, payload)))
        goto cleanup;
    json_t *runs = json_object_get(root, "runs");
    if (runs && (!json_is_integer(runs) || json_integer_value(runs) < 1)) {
        if (json_is_integer(runs))
            st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                          "runs: expected a positive integer, found %lld",
                          (long long)json_integer_value(runs));
        else
            st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                          "runs: expected a positive integer, found %s", rp_json_kind(runs));
        goto cleanup;
    }
    if (runs)
        json_object_set_new(payload, "runs", json_integer(json_integer_value(runs)));
    /* brink run --params and backtest: the posterior's parameter sets */
    json_t *sets = json_object_get(root, "parameter_sets");
    if (sets && (!json_is_integer(sets) || json_integer_value(sets) < 1)) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                      "parameter_sets: expected a positive integer, found %s",
                      rp_json_kind(sets));
        goto cleanup;
    }
    json_t *v;
    if ((v = json_object_get(root, "outcomes")) && (st = read_outcomes(ctx, path, v, payload)))
        goto cleanup;
    if ((v = json_object_get(root, "milestones")) && (st = read_milestones(ctx, path, v, payload)))
        goto cleanup;
    if ((v = json_object_get(root, "annual_counts")) &&
        (st = read_counts(ctx, path, root, v, payload)))
        goto cleanup;
    /* named probabilities (brink run's "checks"): name -> number */
    if ((v = json_object_get(root, "checks"))) {
        if (!json_is_object(v)) {
            st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                          "checks: expected an object (name -> probability), found %s",
                          rp_json_kind(v));
            goto cleanup;
        }
        json_t *arr = json_array();
        json_object_set_new(payload, "checks", arr);
        const char *cn;
        json_t *cv;
        json_object_foreach(v, cn, cv) {
            if (!json_is_number(cv)) {
                st = rp_error(ctx, BRINK_EVALIDATE, path, 0, "checks.%s: expected a number, found %s",
                              cn, rp_json_kind(cv));
                goto cleanup;
            }
            json_array_append_new(arr, json_pack("{s:s,s:f}", "name", cn, "value",
                                                 json_number_value(cv)));
        }
    }
    /* a single run names its outcome */
    if ((v = json_object_get(root, "outcome")) && json_is_string(v))
        json_object_set_new(payload, "outcome", json_string(json_string_value(v)));
cleanup:
    json_decref(root);
    return st;
}
