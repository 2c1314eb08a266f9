/* rolling.c - rolling.json of `brink backtest --origins ... --out DIR`:
 * the forecast bands made at each origin against the record, one chart per
 * series and horizon, and the skill table. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <plplot/plplot.h>

#include "report/report_internal.h"

static const char *const fkeys[] = {"origin", "h", "year", "observed", "q05", "q50", "q95"};

brink_status_t rp_read_rolling(brink_ctx_t *ctx, const char *path, json_t *payload)
{
    json_t *root = NULL;
    brink_status_t st = rp_load_json(ctx, path, &root);
    if (st)
        return st;
    json_t *fc = json_object_get(root, "forecasts"), *series = json_object_get(root, "series");
    const char *subject = json_string_value(json_object_get(root, "subject"));
    if (!json_is_object(root) || !json_is_array(fc) || !json_is_array(series) || !subject) {
        st = rp_error(ctx, BRINK_EVALIDATE, path, 0, "expected an object with subject, series "
                      "and forecasts (brink backtest --origins ... --out DIR)");
        goto cleanup;
    }
    size_t i;
    json_t *f;
    json_array_foreach(fc, i, f) {
        if (!json_is_string(json_object_get(f, "actor")) ||
            !json_is_string(json_object_get(f, "kind"))) {
            st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                          "forecasts[%zu]: expected actor and kind as strings", i);
            goto cleanup;
        }
        for (size_t k = 0; k < sizeof fkeys / sizeof *fkeys; k++)
            if (!json_is_integer(json_object_get(f, fkeys[k]))) {
                st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                              "forecasts[%zu].%s: expected a whole number", i, fkeys[k]);
                goto cleanup;
            }
        json_int_t lo = json_integer_value(json_object_get(f, "q05")),
                   mid = json_integer_value(json_object_get(f, "q50")),
                   hi = json_integer_value(json_object_get(f, "q95"));
        if (lo < 0 || lo > mid || mid > hi) {
            st = rp_error(ctx, BRINK_EVALIDATE, path, 0,
                          "forecasts[%zu]: expected 0 <= q05 <= q50 <= q95", i);
            goto cleanup;
        }
    }
    json_object_set_new(payload, "rolling",
                        json_pack("{s:s,s:O,s:O}", "subject", subject, "series", series,
                                  "forecasts", fc));
cleanup:
    json_decref(root);
    return st;
}

/* one chart: the forecasts of series (actor, kind) at horizon h */
static brink_status_t chart(brink_report_t *r, const json_t *fc, const char *actor,
                            const char *kind, int h, const char *subject)
{
    double x0 = INFINITY, x1 = -INFINITY, lo = 0, hi = 0;
    size_t i, n = 0;
    json_t *f;
    json_array_foreach(fc, i, f) {
        if (strcmp(json_string_value(json_object_get(f, "actor")), actor) ||
            strcmp(json_string_value(json_object_get(f, "kind")), kind) ||
            json_integer_value(json_object_get(f, "h")) != h)
            continue;
        double y = (double)json_integer_value(json_object_get(f, "year"));
        double top = fmax((double)json_integer_value(json_object_get(f, "q95")),
                          (double)json_integer_value(json_object_get(f, "observed")));
        x0 = fmin(x0, y);
        x1 = fmax(x1, y);
        hi = fmax(hi, top);
        n++;
    }
    if (n == 0)
        return BRINK_OK;
    rp_plot_range(&lo, &hi, 1);
    hi *= 1.08;
    rp_plot_t *p = rp_plot_begin(r->ctx, 760, 300);
    if (!p)
        return brink_ctx_errcode(r->ctx);
    char title[256], ptitle[300];
    snprintf(title, sizeof title, "%s/%s, %d year%s ahead (%s)", actor, kind, h, h == 1 ? "" : "s",
             subject);
    rp_plot_text(ptitle, sizeof ptitle, title);
    rp_plot_frame(0.10, 0.97, 0.18, 0.88, x0 - 0.5, x1 + 0.5, lo, hi, "year forecast",
                  "events per year", ptitle, 0);
    json_array_foreach(fc, i, f) {
        if (strcmp(json_string_value(json_object_get(f, "actor")), actor) ||
            strcmp(json_string_value(json_object_get(f, "kind")), kind) ||
            json_integer_value(json_object_get(f, "h")) != h)
            continue;
        PLFLT x = (double)json_integer_value(json_object_get(f, "year"));
        PLFLT a = (double)json_integer_value(json_object_get(f, "q05")),
              b = (double)json_integer_value(json_object_get(f, "q95"));
        double m = (double)json_integer_value(json_object_get(f, "q50"));
        rp_plot_color(0, 0.35);
        rp_plot_rect(x - 0.3, x + 0.3, a, b);
        rp_plot_color(0, 1.0);
        PLFLT mx[2] = {x - 0.3, x + 0.3}, my[2] = {m, m};
        plwidth(2.0);
        plline(2, mx, my);
        plwidth(1.0);
        rp_plot_rgb(0, 0, 0, 1.0);
        rp_plot_dot(x, (double)json_integer_value(json_object_get(f, "observed")), 2.6);
    }
    plvpor(0.10, 0.97, 0.0, 0.07);
    plwind(0, 1, 0, 1);
    plschr(0, RP_CHR * 0.85);
    rp_plot_color(0, 0.35);
    rp_plot_rect(0.0, 0.02, 0.2, 0.8);
    plcol0(1);
    plptex(0.025, 0.45, 1, 0, 0, "forecast made at the origin: median, 90% band");
    rp_plot_rgb(0, 0, 0, 1.0);
    rp_plot_dot(0.56, 0.5, 2.6);
    plcol0(1);
    plptex(0.575, 0.45, 1, 0, 0, "record");
    plschr(0, RP_CHR);
    char *svg = rp_plot_end(r->ctx, p);
    if (!svg)
        return brink_ctx_errcode(r->ctx);
    char name[200];
    snprintf(name, sizeof name, "rolling-%s-%s-h%d", actor, kind, h);
    return rp_add_figure(r, name, "rolling", title, svg);
}

brink_status_t rp_chart_rolling(brink_report_t *r)
{
    json_t *sec = json_object_get(r->payload, "rolling");
    json_t *series = json_object_get(sec, "series"), *fc = json_object_get(sec, "forecasts");
    const char *subject = json_string_value(json_object_get(sec, "subject"));
    size_t i, j;
    json_t *s, *h;
    json_array_foreach(series, i, s) {
        const char *actor = json_string_value(json_object_get(s, "actor")),
                   *kind = json_string_value(json_object_get(s, "kind"));
        if (!actor || !kind)
            continue;
        json_array_foreach(json_object_get(s, "horizons"), j, h) {
            brink_status_t st = chart(r, fc, actor, kind,
                                      (int)json_integer_value(json_object_get(h, "h")), subject);
            if (st)
                return st;
        }
    }
    return BRINK_OK;
}

void rp_html_rolling(FILE *fp, const brink_report_t *r)
{
    json_t *sec = json_object_get(r->payload, "rolling");
    if (!json_array_size(json_object_get(sec, "forecasts")))
        return;
    fputs("<section id=\"rolling\"><h2>Rolling-origin backtest</h2>\n<p class=\"note\">At the "
          "end of each origin year the subject (",
          fp);
    rp_html_escape(fp, json_string_value(json_object_get(sec, "subject")));
    fputs(") forecasts the next years from the record up to that year; each chart shows, per "
          "year forecast, the median and the central 90% band of the forecast made h years "
          "before, and the record (black dots).  Skill against the baselines: "
          "<code>brink backtest --origins ...</code> (docs/validation.md).</p>\n",
          fp);
    rp_html_figures(fp, r, "rolling", 0);
    fputs("</section>\n", fp);
}
