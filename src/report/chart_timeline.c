/* chart_timeline.c - the events of one run: one row per actor, one marker
 * per event, coloured by its Goldstein value (conflict red, cooperation
 * blue). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <plplot/plplot.h>

#include "report/report_internal.h"

#define MAXA 32

brink_status_t rp_chart_timeline(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    json_t *sec = json_object_get(r->payload, "timeline");
    json_t *evs = json_object_get(sec, "events");
    size_t n = json_array_size(evs);
    if (n == 0)
        return BRINK_OK;
    const char *actors[MAXA];
    size_t na = 0;
    double x0 = INFINITY, x1 = -INFINITY;
    json_t *series_x = json_object_get(json_object_get(r->payload, "series"), "x");
    if (json_array_size(series_x) > 0) {
        x0 = rp_jnum(series_x, 0);
        x1 = rp_jnum(series_x, json_array_size(series_x) - 1);
    }
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(evs, i);
        const char *a = json_string_value(json_object_get(e, "actor"));
        size_t k;
        for (k = 0; k < na; k++)
            if (strcmp(actors[k], a) == 0)
                break;
        if (k == na && na < MAXA)
            actors[na++] = a;
        double x = json_number_value(json_object_get(e, "x"));
        if (x < x0)
            x0 = x;
        if (x > x1)
            x1 = x;
    }
    x0 = floor(x0);
    x1 = floor(x1) + 1;
    int h = (int)(140 + 34 * na);
    rp_plot_t *p = rp_plot_begin(ctx, 760, h);
    if (!p)
        return brink_ctx_errcode(ctx);
    char title[128];
    snprintf(title, sizeof title, "Event timeline of run %lld",
             (long long)json_integer_value(json_object_get(sec, "run")));
    double bot = 90.0 / h, top = 1.0 - 40.0 / h;
    rp_plot_frame(0.12, 0.97, bot, top, x0, x1, 0, (double)na, "year", NULL, title, 3);
    for (size_t k = 0; k < na; k++) {
        rp_plot_category((double)(na - k) - 0.5, 0, (double)na, actors[k]);
    }
        for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(evs, i);
        const char *a = json_string_value(json_object_get(e, "actor"));
        size_t k;
        for (k = 0; k < na; k++)
            if (strcmp(actors[k], a) == 0)
                break;
        if (k == na)
            continue;
        json_t *gv = json_object_get(e, "goldstein");
        double g = json_is_number(gv) ? json_number_value(gv) : 0;
        double t = fabs(g) / 10.0;
        if (g < 0)
            rp_plot_rgb(213, 94, 0, 0.35 + 0.6 * t);
        else if (g > 0)
            rp_plot_rgb(0, 114, 178, 0.35 + 0.6 * t);
        else
            rp_plot_rgb(120, 120, 120, 0.6);
        /* spread events of the same month a little so they stay visible */
        PLFLT x = json_number_value(json_object_get(e, "x")) + 1.0 / 24;
        PLFLT y = (double)(na - k) - 0.5 + 0.2 * (g > 0 ? 1 : g < 0 ? -1 : 0);
        rp_plot_dot(x, y, 2.4);
    }
    plvpor(0.12, 0.97, 4.0 / h, 26.0 / h);
    plwind(0, 1, 0, 1);
    plschr(0, RP_CHR * 0.85);
    rp_plot_rgb(213, 94, 0, 0.9);
    rp_plot_dot(0.01, 0.5, 2.4);
    plcol0(1);
    plptex(0.02, 0.45, 1, 0, 0, "conflictual (Goldstein < 0, lower half)");
    rp_plot_rgb(0, 114, 178, 0.9);
    rp_plot_dot(0.50, 0.5, 2.4);
    plcol0(1);
    plptex(0.51, 0.45, 1, 0, 0, "cooperative (Goldstein > 0, upper half)");
    plschr(0, RP_CHR);
    char *svg = rp_plot_end(ctx, p);
    if (!svg)
        return brink_ctx_errcode(ctx);
    return rp_add_figure(r, "timeline", "timeline", title, svg);
}
