/* chart_counts.c - annual event counts: the ensemble's median, 50% box and
 * 90% whisker per year, the historical record as black dots, and the
 * calibration and in-sample years shaded. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <plplot/plplot.h>

#include "report/report_internal.h"

static int window_of(const json_t *sec, const char *key, int *a, int *b)
{
    json_t *w = json_object_get(sec, key);
    if (!w)
        return 0;
    *a = (int)json_integer_value(json_array_get(w, 0));
    *b = (int)json_integer_value(json_array_get(w, 1));
    return 1;
}

brink_status_t rp_chart_counts(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    json_t *sec = json_object_get(r->payload, "annual_counts");
    json_t *evs = json_object_get(sec, "events");
    size_t ei;
    json_t *ev;
    int ca = 0, cb = 0, ia = 0, ib = 0;
    int has_cal = window_of(sec, "calibration_window", &ca, &cb);
    int has_in = window_of(sec, "in_sample_window", &ia, &ib);
    json_array_foreach(evs, ei, ev) {
        const char *name = json_string_value(json_object_get(ev, "name"));
        json_t *years = json_object_get(ev, "years"), *hist = json_object_get(ev, "historical");
        size_t n = json_array_size(years);
        if (n == 0)
            continue;
        json_t *q[5];
        static const char *const qk[5] = {"q05", "q25", "q50", "q75", "q95"};
        for (int k = 0; k < 5; k++)
            q[k] = json_object_get(ev, qk[k]);
        double y0 = rp_jnum(years, 0) - 0.5, y1 = rp_jnum(years, n - 1) + 0.5;
        double lo = 0, hi = 0;
        for (size_t i = 0; i < n; i++) {
            double a = rp_jnum(q[4], i), h = rp_jnum(hist, i), m = rp_jnum(json_object_get(ev, "mean"), i);
            if (a > hi)
                hi = a;
            if (isfinite(h) && h > hi)
                hi = h;
            if (m > hi)
                hi = m;
        }
        rp_plot_range(&lo, &hi, 1);
        hi *= 1.08;
        rp_plot_t *p = rp_plot_begin(ctx, 760, 330);
        if (!p)
            return brink_ctx_errcode(ctx);
        char title[256];
        snprintf(title, sizeof title, "Annual count: %s", name);
        plvpor(0.10, 0.97, 0.25, 0.88);
        plwind(y0, y1, lo, hi);
        /* shade the windows first, under the grid */
        if (has_cal) {
            rp_plot_rgb(253, 236, 200, 1.0);
            rp_plot_rect(ca - 0.5 < y0 ? y0 : ca - 0.5, cb + 0.5 > y1 ? y1 : cb + 0.5, lo, hi);
        }
        if (has_in) {
            rp_plot_rgb(214, 236, 214, 1.0);
            rp_plot_rect(ia - 0.5 < y0 ? y0 : ia - 0.5, ib + 0.5 > y1 ? y1 : ib + 0.5, lo, hi);
        }
        rp_plot_frame(0.10, 0.97, 0.25, 0.88, y0, y1, lo, hi, "year", "events per year", title, 0);
        for (size_t i = 0; i < n; i++) {
            PLFLT x = rp_jnum(years, i);
            double v[5];
            for (int k = 0; k < 5; k++)
                v[k] = rp_jnum(q[k], i);
            rp_plot_color(0, 0.85);
            PLFLT a = v[0], b = v[4];
            plerry(1, &x, &a, &b);
            rp_plot_color(0, 0.35);
            rp_plot_rect(x - 0.3, x + 0.3, v[1], v[3]);
            rp_plot_color(0, 1.0);
            PLFLT mx[2] = {x - 0.3, x + 0.3}, my[2] = {v[2], v[2]};
            plwidth(2.0);
            plline(2, mx, my);
            plwidth(1.0);
            double h = rp_jnum(hist, i);
            if (isfinite(h)) {
                PLFLT hy = h;
                rp_plot_rgb(0, 0, 0, 1.0);
                rp_plot_dot(x, hy, 2.6);
            }
        }
        /* legend line under the title */
        plvpor(0.10, 0.97, 0.0, 0.07);
        plwind(0, 1, 0, 1);
        plschr(0, RP_CHR * 0.85);
        rp_plot_color(0, 0.35);
        rp_plot_rect(0.0, 0.02, 0.2, 0.8);
        plcol0(1);
        plptex(0.025, 0.45, 1, 0, 0, "simulated: median, 50%, 90%");
        rp_plot_rgb(0, 0, 0, 1.0);
        rp_plot_dot(0.36, 0.5, 2.6);
        plcol0(1);
        plptex(0.375, 0.45, 1, 0, 0, "historical");
        if (has_cal) {
            rp_plot_rgb(253, 236, 200, 1.0);
            rp_plot_rect(0.54, 0.56, 0.2, 0.8);
            plcol0(1);
            plptex(0.565, 0.45, 1, 0, 0, "calibration");
        }
        if (has_in) {
            rp_plot_rgb(214, 236, 214, 1.0);
            rp_plot_rect(0.78, 0.80, 0.2, 0.8);
            plcol0(1);
            plptex(0.805, 0.45, 1, 0, 0, "in-sample check");
        }
        plschr(0, RP_CHR);
        char *svg = rp_plot_end(ctx, p);
        if (!svg)
            return brink_ctx_errcode(ctx);
        char fname[200];
        snprintf(fname, sizeof fname, "counts-%s", name);
        brink_status_t st = rp_add_figure(r, fname, "annual_counts", title, svg);
        if (st)
            return st;
    }
    return BRINK_OK;
}
