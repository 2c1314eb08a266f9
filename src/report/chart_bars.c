/* chart_bars.c - horizontal bars with intervals: outcome probabilities,
 * milestone timing, and sensitivity indices. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <plplot/plplot.h>

#include "report/report_internal.h"

typedef struct bar_group {
    const char *label;     /* legend label of this group (NULL for one group) */
    const double *v, *lo, *hi; /* lo/hi may hold NAN */
} bar_group_t;

/* Horizontal bars: n categories, ng groups side by side. */
static char *hbars(brink_ctx_t *ctx, const char *const *names, size_t n, const bar_group_t *g,
                   int ng, double xmin, double xmax, const char *xlabel, const char *title,
                   int values)
{
    int h = (int)(90 + 26 * n * (size_t)(ng > 1 ? ng : 1));
    if (h < 220)
        h = 220;
    rp_plot_t *p = rp_plot_begin(ctx, 760, h);
    if (!p)
        return NULL;
    double top = 1.0 - 45.0 / h, bot = (ng > 1 ? 85.0 : 60.0) / h;
    rp_plot_frame(0.30, values ? 0.80 : 0.95, bot, top, xmin, xmax, 0, (double)n, xlabel, NULL,
                  title, 2);
    char buf[256];
    double slot = 0.8 / ng;
    for (size_t i = 0; i < n; i++) {
        double yc = (double)(n - i) - 0.5; /* first category on top */
        rp_plot_category(yc, 0, (double)n, names[i]);
        for (int k = 0; k < ng; k++) {
            double y1 = yc + 0.4 - slot * k, y0 = y1 - slot * 0.85;
            double v = g[k].v[i];
            if (!isfinite(v))
                continue;
            rp_plot_color(k, 0.85);
            rp_plot_rect(xmin > 0 ? xmin : 0, v, y0, y1);
            double lo = g[k].lo ? g[k].lo[i] : NAN, hi = g[k].hi ? g[k].hi[i] : NAN;
            plcol0(1);
            if (isfinite(lo) && isfinite(hi)) {
                PLFLT ym = (y0 + y1) / 2, xl = lo, xh = hi;
                plwidth(1.5);
                plerrx(1, &xl, &xh, &ym);
                plwidth(1.0);
            }
            if (values) {
                if (isfinite(lo) && isfinite(hi))
                    snprintf(buf, sizeof buf, "%.3f [%.3f, %.3f]", v, lo, hi);
                else
                    snprintf(buf, sizeof buf, "%.3f", v);
                plschr(0, RP_CHR * 0.85);
                plmtex("rv", 0.8, ((y0 + y1) / 2) / (double)n, 0.0, buf);
                plschr(0, RP_CHR);
            }
        }
    }
    if (ng > 1) {
        /* legend under the axis label */
        plvpor(0.30, 0.95, 4.0 / h, 24.0 / h);
        plwind(0, 1, 0, 1);
        for (int k = 0; k < ng; k++) {
            rp_plot_color(k, 0.85);
            rp_plot_rect(0.45 + 0.28 * k, 0.48 + 0.28 * k, 0.1, 0.7);
            plcol0(1);
            plptex(0.49 + 0.28 * k, 0.4, 1, 0, 0.0, g[k].label);
        }
    }
    return rp_plot_end(ctx, p);
}

brink_status_t rp_chart_outcomes(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    json_t *o = json_object_get(r->payload, "outcomes");
    size_t n = json_array_size(o);
    if (n == 0)
        return BRINK_OK;
    const char *names[64];
    double v[64], lo[64], hi[64], xmax = 0.05;
    if (n > 64)
        n = 64;
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(o, i);
        names[i] = json_string_value(json_object_get(e, "name"));
        v[i] = json_number_value(json_object_get(e, "p"));
        lo[i] = json_number_value(json_object_get(e, "lo"));
        hi[i] = json_number_value(json_object_get(e, "hi"));
        if (hi[i] > xmax)
            xmax = hi[i];
    }
    xmax = xmax * 1.1 > 1 ? 1 : xmax * 1.1;
    bar_group_t g = {NULL, v, lo, hi};
    char *svg = hbars(ctx, names, n, &g, 1, 0, xmax, "probability at the horizon (95% interval)",
                      "Outcome probabilities", 1);
    if (!svg)
        return brink_ctx_errcode(ctx);
    return rp_add_figure(r, "outcomes", "outcomes", "Outcome probabilities", svg);
}

brink_status_t rp_chart_milestones(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    json_t *o = json_object_get(r->payload, "milestones");
    size_t n = json_array_size(o), k = 0;
    if (n == 0)
        return BRINK_OK;
    const char *names[64];
    double v[64], lo[64], hi[64], xmin = 1e9, xmax = -1e9;
    for (size_t i = 0; i < n && k < 64; i++) {
        json_t *e = json_array_get(o, i);
        int y, m;
        const char *med = json_string_value(json_object_get(e, "median"));
        if (!med || rp_parse_month(med, &y, &m))
            continue;
        names[k] = json_string_value(json_object_get(e, "name"));
        v[k] = y + (m - 1) / 12.0;
        lo[k] = hi[k] = NAN;
        const char *a = json_string_value(json_object_get(e, "q05"));
        const char *b = json_string_value(json_object_get(e, "q95"));
        if (a && b && !rp_parse_month(a, &y, &m)) {
            lo[k] = y + (m - 1) / 12.0;
            if (!rp_parse_month(b, &y, &m))
                hi[k] = y + (m - 1) / 12.0;
        }
        double l = isfinite(lo[k]) ? lo[k] : v[k], h = isfinite(hi[k]) ? hi[k] : v[k];
        if (l < xmin)
            xmin = l;
        if (h > xmax)
            xmax = h;
        k++;
    }
    if (k == 0)
        return BRINK_OK;
    xmin = floor(xmin);
    xmax = floor(xmax) + 1;
    /* markers for the median, whiskers for the 90% range */
    int h = (int)(110 + 30 * k);
    rp_plot_t *p = rp_plot_begin(ctx, 760, h);
    if (!p)
        return brink_ctx_errcode(ctx);
    rp_plot_frame(0.30, 0.95, 55.0 / h, 1.0 - 45.0 / h, xmin, xmax, 0, (double)k,
                  "month of first occurrence (median and 5-95% range, runs that reach it)", NULL,
                  "Milestone timing", 3);
    for (size_t i = 0; i < k; i++) {
        PLFLT yc = (double)(k - i) - 0.5, x = v[i];
        rp_plot_category(yc, 0, (double)k, names[i]);
        rp_plot_color((int)i, 1.0);
        if (isfinite(lo[i]) && isfinite(hi[i])) {
            PLFLT a = lo[i], b = hi[i];
            plwidth(2.0);
            plerrx(1, &a, &b, &yc);
            plwidth(1.0);
        }
        rp_plot_dot(x, yc, 3.0);
    }
    char *svg = rp_plot_end(ctx, p);
    if (!svg)
        return brink_ctx_errcode(ctx);
    return rp_add_figure(r, "milestones", "milestones", "Milestone timing", svg);
}

brink_status_t rp_chart_sensitivity(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    json_t *s = json_object_get(r->payload, "sensitivity");
    if (!s)
        return BRINK_OK;
    json_t *outs = json_object_get(s, "outputs");
    size_t oi;
    json_t *out;
    json_array_foreach(outs, oi, out) {
        json_t *fac = json_object_get(out, "factors");
        size_t n = json_array_size(fac);
        if (n == 0 || n > 64)
            continue;
        const char *method = json_string_value(json_object_get(out, "method"));
        if (!method)
            method = json_string_value(json_object_get(s, "method"));
        int sobol = method && strcmp(method, "sobol") == 0;
        const char *k1 = sobol ? "S1" : "mu_star", *k2 = sobol ? "ST" : "sigma";
        const char *names[64];
        double a[64], alo[64], ahi[64], b[64], blo[64], bhi[64], xmin = 0, xmax = 0;
        char key[32];
        for (size_t i = 0; i < n; i++) {
            json_t *f = json_array_get(fac, i);
            names[i] = json_string_value(json_object_get(f, "name"));
            a[i] = json_number_value(json_object_get(f, k1));
            snprintf(key, sizeof key, "%s_lo", k1);
            alo[i] = json_is_number(json_object_get(f, key)) ? json_number_value(json_object_get(f, key)) : NAN;
            snprintf(key, sizeof key, "%s_hi", k1);
            ahi[i] = json_is_number(json_object_get(f, key)) ? json_number_value(json_object_get(f, key)) : NAN;
            b[i] = json_is_number(json_object_get(f, k2)) ? json_number_value(json_object_get(f, k2)) : NAN;
            snprintf(key, sizeof key, "%s_lo", k2);
            blo[i] = json_is_number(json_object_get(f, key)) ? json_number_value(json_object_get(f, key)) : NAN;
            snprintf(key, sizeof key, "%s_hi", k2);
            bhi[i] = json_is_number(json_object_get(f, key)) ? json_number_value(json_object_get(f, key)) : NAN;
            double vals[6] = {a[i], alo[i], ahi[i], b[i], blo[i], bhi[i]};
            for (int j = 0; j < 6; j++)
                if (isfinite(vals[j])) {
                    if (vals[j] < xmin)
                        xmin = vals[j];
                    if (vals[j] > xmax)
                        xmax = vals[j];
                }
        }
        rp_plot_range(&xmin, &xmax, 1);
        bar_group_t g[2] = {{sobol ? "first order S1" : "mu*", a, alo, ahi},
                            {sobol ? "total ST" : "sigma", b, blo, bhi}};
        const char *oname = json_string_value(json_object_get(out, "name"));
        char title[256], name[200];
        snprintf(title, sizeof title, "%s indices of %s", sobol ? "Sobol" : "Morris",
                 oname ? oname : "the output");
        char *svg = hbars(ctx, names, n, g, 2, xmin, xmax,
                          sobol ? "index (bootstrap 95% interval)" : "elementary effects", title, 0);
        if (!svg)
            return brink_ctx_errcode(ctx);
        snprintf(name, sizeof name, "sensitivity-%zu", oi + 1);
        brink_status_t st = rp_add_figure(r, name, "sensitivity", title, svg);
        if (st)
            return st;
    }
    return BRINK_OK;
}
