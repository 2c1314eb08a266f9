/* backtest.c - backtest.json of `brink backtest`: the score table (CRPS and
 * log score against the naive baselines), coverage, the in-sample checks and
 * PIT histograms. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <plplot/plplot.h>

#include "report/report_internal.h"

static const char *const qk[5] = {"q05", "q25", "q50", "q75", "q95"};

/* "missiles_2014" -> family "missiles", year 2014. */
static void split_name(const char *name, char *family, size_t size, int *year)
{
    size_t n = strlen(name);
    *year = 0;
    snprintf(family, size, "%s", name);
    if (n > 5 && name[n - 5] == '_') {
        int ok = 1;
        for (size_t i = n - 4; i < n; i++)
            ok &= name[i] >= '0' && name[i] <= '9';
        if (ok && n - 5 < size) {
            *year = atoi(name + n - 4);
            family[n - 5] = '\0';
        }
    }
}

/* A month "YYYY-MM" as a decimal year (2013-02 -> 2013.083); -1 if s is
 * not one. */
static double month_year(const char *s)
{
    int y, m;
    char tail;
    if (!s || sscanf(s, "%4d-%2d%c", &y, &m, &tail) != 2 || m < 1 || m > 12)
        return -1;
    return y + (m - 1) / 12.0;
}

/* Milestone targets give their observed and predicted values as months
 * ("YYYY-MM", or "never" past the horizon); a copy of t with the months as
 * decimal years and the "never" quantiles left out, or NULL if t has no
 * month (the caller frees it). */
static json_t *months_as_years(const json_t *t)
{
    if (!json_is_string(json_object_get(t, "observed")))
        return NULL;
    json_t *c = json_deep_copy(t);
    json_t *pred = c ? json_object_get(c, "predicted") : NULL;
    double y = c ? month_year(json_string_value(json_object_get(c, "observed"))) : -1;
    if (y > 0)
        json_object_set_new(c, "observed", json_real(y));
    const char *key;
    json_t *v;
    void *tmp;
    /* a quantile past the horizon ("never") has no value: drop it */
    if (json_is_object(pred))
        json_object_foreach_safe(pred, tmp, key, v) {
            if (!json_is_string(v))
                continue;
            double q = month_year(json_string_value(v));
            if (q > 0)
                json_object_set_new(pred, key, json_real(q));
            else
                json_object_del(pred, key);
        }
    return c;
}

static brink_status_t one_target_values(brink_ctx_t *ctx, const char *file, const char *where,
                                        const char *family, int year, const json_t *t,
                                        json_t *arr, json_t *baselines)
{
    brink_status_t st;
    double obs, crps, ls, pit;
    int f_ls, f_pit;
    if ((st = rp_get_num(ctx, file, t, where, "observed", 1, &obs, NULL)) ||
        (st = rp_get_num(ctx, file, t, where, "crps", 1, &crps, NULL)) ||
        (st = rp_get_num(ctx, file, t, where, "log_score", 0, &ls, &f_ls)) ||
        (st = rp_get_num(ctx, file, t, where, "pit", 0, &pit, &f_pit)))
        return st;
    if (crps < 0)
        return rp_error(ctx, BRINK_EVALIDATE, file, 0, "%s.crps: expected a value >= 0, found %g",
                        where, crps);
    if (f_pit && !(pit >= 0 && pit <= 1))
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "%s.pit: expected a value between 0 and 1, found %g", where, pit);
    json_t *o = json_object();
    json_array_append_new(arr, o);
    json_object_set_new(o, "name", json_string(where + 8 /* after "targets." */));
    json_object_set_new(o, "family", json_string(family));
    if (year)
        json_object_set_new(o, "year", json_integer(year));
    json_object_set_new(o, "observed", json_real(obs));
    json_object_set_new(o, "crps", json_real(crps));
    if (f_ls)
        json_object_set_new(o, "log_score", json_real(ls));
    if (f_pit)
        json_object_set_new(o, "pit", json_real(pit));
    json_t *pred = json_object_get(t, "predicted");
    char w2[400];
    snprintf(w2, sizeof w2, "%s.predicted", where);
    if (json_is_object(pred)) {
        for (int k = 0; k < 5; k++) {
            double v;
            int found;
            if ((st = rp_get_num(ctx, file, pred, w2, qk[k], 0, &v, &found)))
                return st;
            if (found)
                json_object_set_new(o, qk[k], json_real(v));
        }
    } else if (json_is_array(pred) && json_array_size(pred) == 5) {
        for (int k = 0; k < 5; k++) {
            json_t *v = json_array_get(pred, (size_t)k);
            if (!json_is_number(v))
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "%s[%d]: expected a number, found %s", w2, k, rp_json_kind(v));
            json_object_set_new(o, qk[k], json_real(json_number_value(v)));
        }
    } else if (pred) {
        return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                        "%s: expected an object of quantiles {q05, q25, q50, q75, q95} or an "
                        "array of those five, found %s",
                        w2, rp_json_kind(pred));
    }
    json_t *b = json_object_get(t, "baseline_crps");
    if (b && !json_is_null(b)) { /* null: no baseline (milestones) */
        if (!json_is_object(b))
            return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                            "%s.baseline_crps: expected an object (baseline -> CRPS), found %s",
                            where, rp_json_kind(b));
        json_t *bo = json_object();
        json_object_set_new(o, "baseline_crps", bo);
        const char *bn;
        json_t *bv;
        json_object_foreach(b, bn, bv) {
            if (!json_is_number(bv))
                return rp_error(ctx, BRINK_EVALIDATE, file, 0,
                                "%s.baseline_crps.%s: expected a number, found %s", where, bn,
                                rp_json_kind(bv));
            json_object_set_new(bo, bn, json_real(json_number_value(bv)));
            size_t i;
            json_t *e;
            int seen = 0;
            json_array_foreach(baselines, i, e) seen |= !strcmp(json_string_value(e), bn);
            if (!seen)
                json_array_append_new(baselines, json_string(bn));
        }
    }
    return BRINK_OK;
}

static brink_status_t one_target(brink_ctx_t *ctx, const char *file, const char *where,
                                 const char *family, int year, const json_t *t0, json_t *arr,
                                 json_t *baselines)
{
    json_t *conv = months_as_years(t0);
    const json_t *t = conv ? conv : t0;
    brink_status_t st = one_target_values(ctx, file, where, family, year, t, arr, baselines);
    json_decref(conv);
    return st;
}

brink_status_t rp_read_backtest(brink_ctx_t *ctx, const char *path, json_t *payload)
{
    json_t *root = NULL;
    brink_status_t st = rp_load_json(ctx, path, &root);
    if (st)
        return st;
    json_t *sec = json_object(), *arr = json_array(), *baselines = json_array();
    json_object_set_new(payload, "backtest", sec);
    json_object_set_new(sec, "targets", arr);
    json_object_set_new(sec, "baselines", baselines);
    if (!json_is_object(root)) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0, "expected a JSON object at the top, found %s",
                      rp_json_kind(root));
        goto cleanup;
    }
    if ((st = rp_read_provenance(ctx, path, root, payload)))
        goto cleanup;
    json_t *targets = json_object_get(root, "targets");
    if (!targets)
        targets = root; /* targets at the top level */
    if (!json_is_object(targets)) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                      "targets: expected an object (target -> {observed, predicted, crps, "
                      "baseline_crps, pit}), found %s",
                      rp_json_kind(targets));
        goto cleanup;
    }
    const char *name;
    json_t *t;
    char where[400], family[256];
    json_object_foreach(targets, name, t) {
        if (!json_is_object(t))
            continue; /* scalars beside the targets (version, seed, ...) */
        int year;
        if (json_object_get(t, "observed")) {
            split_name(name, family, sizeof family, &year);
            snprintf(where, sizeof where, "targets.%s", name);
            if ((st = one_target(ctx, path, where, family, year, t, arr, baselines)))
                goto cleanup;
            continue;
        }
        /* family -> year -> target */
        const char *yk;
        json_t *yt;
        int nested = 0;
        json_object_foreach(t, yk, yt) {
            if (!json_is_object(yt) || !json_object_get(yt, "observed"))
                continue;
            nested = 1;
            snprintf(where, sizeof where, "targets.%s.%s", name, yk);
            year = atoi(yk);
            if ((st = one_target(ctx, path, where, name, year > 999 ? year : 0, yt, arr,
                                 baselines)))
                goto cleanup;
        }
        if (!nested && targets != root) {
            st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                          "targets.%s: expected an object with 'observed', 'crps' and "
                          "'predicted'",
                          name);
            goto cleanup;
        }
    }
    if (json_array_size(arr) == 0) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                      "expected at least one target with 'observed' and 'crps'");
        goto cleanup;
    }
    /* the in-sample checks and coverage, if any: name -> number */
    static const char *const extra[] = {"checks", "coverage"};
    for (int k = 0; k < 2; k++) {
        json_t *c = json_object_get(root, extra[k]);
        if (!c)
            continue;
        if (!json_is_object(c)) {
            st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                          "%s: expected an object (name -> number), found %s", extra[k],
                          rp_json_kind(c));
            goto cleanup;
        }
        json_t *out = json_array();
        json_object_set_new(sec, extra[k], out);
        const char *cn;
        json_t *cv;
        json_object_foreach(c, cn, cv) {
            if (json_is_number(cv))
                json_array_append_new(out, json_pack("{s:s,s:f}", "name", cn, "value",
                                                     json_number_value(cv)));
            else if (json_is_object(cv)) /* family -> {"50": x, "90": y} and the like */ {
                const char *k2;
                json_t *v2;
                json_object_foreach(cv, k2, v2) if (json_is_number(v2))
                {
                    char nm[300];
                    snprintf(nm, sizeof nm, "%s %s", cn, k2);
                    json_array_append_new(out, json_pack("{s:s,s:f}", "name", nm, "value",
                                                         json_number_value(v2)));
                }
            } else {
                st = rp_error(ctx, BRINK_EVALIDATE, path, 0, "%s.%s: expected a number, found %s",
                              extra[k], cn, rp_json_kind(cv));
                goto cleanup;
            }
        }
    }
    /* mean CRPS per family, model and baselines (over targets with all scores) */
    json_t *means = json_array();
    json_object_set_new(sec, "mean_crps", means);
    size_t i;
    json_array_foreach(arr, i, t) {
        const char *fam = json_string_value(json_object_get(t, "family"));
        size_t j;
        json_t *m = NULL, *e;
        json_array_foreach(means, j, e) if (!strcmp(json_string_value(json_object_get(e, "family")), fam)) m = e;
        if (!m) {
            m = json_pack("{s:s,s:i,s:f,s:{}}", "family", fam, "n", 0, "model", 0.0, "baselines");
            json_array_append_new(means, m);
        }
        json_int_t n = json_integer_value(json_object_get(m, "n"));
        json_object_set_new(m, "n", json_integer(n + 1));
        double mv = json_real_value(json_object_get(m, "model"));
        double cv = json_number_value(json_object_get(t, "crps"));
        json_object_set_new(m, "model", json_real(mv + (cv - mv) / (double)(n + 1)));
        json_t *bo = json_object_get(t, "baseline_crps"), *mb = json_object_get(m, "baselines");
        const char *bn;
        json_t *bv;
        json_object_foreach(bo, bn, bv) {
            json_t *acc = json_object_get(mb, bn);
            double s = acc ? json_real_value(json_array_get(acc, 0)) : 0;
            json_int_t c = acc ? json_integer_value(json_array_get(acc, 1)) : 0;
            json_object_set_new(mb, bn, json_pack("[f,I]", s + json_number_value(bv), c + 1));
        }
    }
    json_array_foreach(means, i, t) {
        json_t *mb = json_object_get(t, "baselines");
        const char *bn;
        json_t *bv;
        void *tmp;
        json_object_foreach_safe(mb, tmp, bn, bv) {
            double s = json_real_value(json_array_get(bv, 0));
            json_int_t c = json_integer_value(json_array_get(bv, 1));
            json_object_set_new(mb, bn, json_real(s / (double)c));
        }
    }
cleanup:
    json_decref(root);
    return st;
}

static char *pit_hist(brink_ctx_t *ctx, const char *title, const double *pit, size_t n)
{
    enum { NB = 10 };
    double cnt[NB] = {0};
    for (size_t i = 0; i < n; i++) {
        int b = (int)(pit[i] * NB);
        cnt[b >= NB ? NB - 1 : b < 0 ? 0 : b] += 1;
    }
    double hi = (double)n / NB;
    for (int b = 0; b < NB; b++)
        if (cnt[b] > hi)
            hi = cnt[b];
    rp_plot_t *p = rp_plot_begin(ctx, 480, 300);
    if (!p)
        return NULL;
    rp_plot_frame(0.14, 0.96, 0.17, 0.87, 0, 1, 0, hi * 1.15 + 0.5, "PIT value", "targets", title,
                  0);
    for (int b = 0; b < NB; b++) {
        rp_plot_color(0, 0.75);
        if (cnt[b] > 0)
            rp_plot_rect(b / (double)NB + 0.005, (b + 1) / (double)NB - 0.005, 0, cnt[b]);
    }
    rp_plot_color(1, 1.0);
    plwidth(1.5);
    PLFLT ux[2] = {0, 1}, uy[2] = {(double)n / NB, (double)n / NB};
    plline(2, ux, uy);
    plwidth(1.0);
    return rp_plot_end(ctx, p);
}

brink_status_t rp_chart_backtest(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    json_t *sec = json_object_get(r->payload, "backtest");
    json_t *arr = json_object_get(sec, "targets"), *means = json_object_get(sec, "mean_crps");
    size_t n = json_array_size(arr);
    if (!n)
        return BRINK_OK;
    double *pit = brink_malloc(ctx, n * sizeof *pit);
    if (!pit)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    brink_status_t st = BRINK_OK;
    /* one histogram over every target, then one per family with >= 2 PIT values */
    for (size_t f = 0; f <= json_array_size(means) && !st; f++) {
        const char *fam = f == 0 ? NULL
                                 : json_string_value(json_object_get(json_array_get(means, f - 1),
                                                                     "family"));
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            json_t *t = json_array_get(arr, i), *pv = json_object_get(t, "pit");
            if (!pv || (fam && strcmp(fam, json_string_value(json_object_get(t, "family")))))
                continue;
            pit[k++] = json_number_value(pv);
        }
        if (k < 2 || (f > 0 && json_array_size(means) < 2))
            continue;
        char title[300], name[300];
        snprintf(title, sizeof title, "PIT histogram: %s (%zu targets)", fam ? fam : "all targets", k);
        snprintf(name, sizeof name, "pit-%s", fam ? fam : "all");
        char *svg = pit_hist(ctx, title, pit, k);
        if (!svg)
            st = brink_ctx_errcode(ctx);
        else
            st = rp_add_figure(r, name, "backtest", title, svg);
    }
    brink_free(ctx, pit);
    return st;
}

void rp_html_backtest(FILE *fp, const brink_report_t *r);
void rp_html_backtest(FILE *fp, const brink_report_t *r)
{
    json_t *sec = json_object_get(r->payload, "backtest");
    json_t *arr = json_object_get(sec, "targets"), *bl = json_object_get(sec, "baselines");
    if (!json_array_size(arr))
        return;
    fputs("<section id=\"backtest\"><h2>Backtest against the historical record</h2>\n", fp);
    fputs("<h3>Mean CRPS by target (lower is better)</h3>\n<table><tr><th>target</th><th>n</th>"
          "<th>model</th>",
          fp);
    size_t i, j;
    json_t *e, *b;
    json_array_foreach(bl, j, b) {
        fputs("<th>", fp);
        rp_html_escape(fp, json_string_value(b));
        fputs("</th>", fp);
    }
    fputs("</tr>\n", fp);
    json_array_foreach(json_object_get(sec, "mean_crps"), i, e) {
        fputs("<tr><td>", fp);
        rp_html_escape(fp, json_string_value(json_object_get(e, "family")));
        fprintf(fp, "</td><td>%lld</td><td>%.3f</td>",
                (long long)json_integer_value(json_object_get(e, "n")),
                json_number_value(json_object_get(e, "model")));
        json_array_foreach(bl, j, b) {
            json_t *v = json_object_get(json_object_get(e, "baselines"), json_string_value(b));
            if (v)
                fprintf(fp, "<td>%.3f</td>", json_number_value(v));
            else
                fputs("<td>&ndash;</td>", fp);
        }
        fputs("</tr>\n", fp);
    }
    fputs("</table>\n", fp);
    static const char *const extra[][2] = {{"checks", "In-sample checks"},
                                           {"coverage", "Coverage of the predictive intervals"}};
    for (int k = 0; k < 2; k++) {
        json_t *c = json_object_get(sec, extra[k][0]);
        if (!json_array_size(c))
            continue;
        fprintf(fp, "<h3>%s</h3>\n<table><tr><th>quantity</th><th>value</th></tr>\n", extra[k][1]);
        json_array_foreach(c, i, e) {
            fputs("<tr><td>", fp);
            rp_html_escape(fp, json_string_value(json_object_get(e, "name")));
            fprintf(fp, "</td><td>%.3f</td></tr>\n", json_number_value(json_object_get(e, "value")));
        }
        fputs("</table>\n", fp);
    }
    fputs("<h3>PIT histograms</h3>\n<p class=\"note\">Probability integral transform of each "
          "observed value under its predictive distribution; a calibrated model gives a flat "
          "histogram (the line).</p>\n",
          fp);
    rp_html_figures(fp, r, "backtest", 1);
    fputs("<details open><summary>Score table</summary>\n<table><tr><th>target</th>"
          "<th>observed</th><th>median</th><th>90% interval</th><th>CRPS</th><th>log score</th>",
          fp);
    json_array_foreach(bl, j, b) {
        fputs("<th>CRPS ", fp);
        rp_html_escape(fp, json_string_value(b));
        fputs("</th>", fp);
    }
    fputs("<th>PIT</th></tr>\n", fp);
    json_array_foreach(arr, i, e) {
        fputs("<tr><td>", fp);
        rp_html_escape(fp, json_string_value(json_object_get(e, "name")));
        fprintf(fp, "</td><td>%g</td>", json_number_value(json_object_get(e, "observed")));
        json_t *q50 = json_object_get(e, "q50"), *q05 = json_object_get(e, "q05"),
               *q95 = json_object_get(e, "q95");
        if (q50)
            fprintf(fp, "<td>%g</td>", json_number_value(q50));
        else
            fputs("<td>&ndash;</td>", fp);
        if (q05 && q95)
            fprintf(fp, "<td>[%g, %g]</td>", json_number_value(q05), json_number_value(q95));
        else
            fputs("<td>&ndash;</td>", fp);
        fprintf(fp, "<td>%.3f</td>", json_number_value(json_object_get(e, "crps")));
        json_t *ls = json_object_get(e, "log_score");
        if (ls)
            fprintf(fp, "<td>%.3f</td>", json_number_value(ls));
        else
            fputs("<td>&ndash;</td>", fp);
        json_array_foreach(bl, j, b) {
            json_t *v = json_object_get(json_object_get(e, "baseline_crps"), json_string_value(b));
            if (v)
                fprintf(fp, "<td>%.3f</td>", json_number_value(v));
            else
                fputs("<td>&ndash;</td>", fp);
        }
        json_t *pv = json_object_get(e, "pit");
        if (pv)
            fprintf(fp, "<td>%.3f</td>", json_number_value(pv));
        else
            fputs("<td>&ndash;</td>", fp);
        fputs("</tr>\n", fp);
    }
    fputs("</table></details>\n</section>\n", fp);
}
