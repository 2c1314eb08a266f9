/* chart_fan.c - fan charts of the monthly series: the median with the 50%
 * and 90% bands of an ensemble, or the path of a single run. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <plplot/plplot.h>

#include "report/report_internal.h"

static const char *label_of(const char *name)
{
    static const char *const map[][2] = {
        {"arsenal", "Arsenal (warheads)"},
        {"reach", "Delivery reach"},
        {"byungjin", "Byungjin split (share to the nuclear line)"},
        {"economy", "Economy"},
        {"legitimacy", "Regime legitimacy"},
        {"sanctions_bite", "Sanctions bite"},
        {"escalation", "Escalation index"},
        {"credibility", "Deterrence credibility"},
        {"reliability", "Missile reliability"},
        {"enforcement", "Sanctions enforcement"},
        {"unsc_level", "UN Security Council sanctions level"},
        {"rivalry", "Great-power rivalry"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], name) == 0)
            return map[i][1];
    return name;
}

/* Fills the band between lo and hi over the finite points. */
static void band(const double *x, const double *lo, const double *hi, size_t n, PLFLT *px,
                 PLFLT *py)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(lo[i]) && isfinite(hi[i])) {
            px[k] = x[i];
            py[k++] = lo[i];
        }
    size_t m = k;
    for (size_t i = n; i-- > 0;)
        if (isfinite(lo[i]) && isfinite(hi[i])) {
            px[k] = x[i];
            py[k++] = hi[i];
        }
    if (m >= 2)
        plfill((PLINT)k, px, py);
}

static void line(const double *x, const double *y, size_t n)
{
    /* draw each run of finite points */
    size_t i = 0;
    while (i < n) {
        while (i < n && !isfinite(y[i]))
            i++;
        size_t j = i;
        while (j < n && isfinite(y[j]))
            j++;
        if (j - i >= 2) {
            PLFLT xs[j - i], ys[j - i];
            for (size_t k = i; k < j; k++) {
                xs[k - i] = x[k];
                ys[k - i] = y[k];
            }
            plline((PLINT)(j - i), xs, ys);
        } else if (j - i == 1) {
            PLFLT a = x[i], b = y[i];
            plpoin(1, &a, &b, 17);
        }
        i = j;
    }
}

brink_status_t rp_chart_fans(brink_report_t *r)
{
    brink_ctx_t *ctx = r->ctx;
    json_t *sec = json_object_get(r->payload, "series");
    if (!sec)
        return BRINK_OK;
    json_t *xs = json_object_get(sec, "x"), *vars = json_object_get(sec, "vars");
    size_t n = json_array_size(xs);
    if (n == 0)
        return BRINK_OK;
    brink_status_t st = BRINK_OK;
    double *buf = brink_malloc(ctx, n * 6 * sizeof *buf);
    PLFLT *px = brink_malloc(ctx, 2 * n * sizeof *px), *py = brink_malloc(ctx, 2 * n * sizeof *py);
    if (!buf || !px || !py) {
        st = brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        goto cleanup;
    }
    double *x = buf, *q[5] = {buf + n, buf + 2 * n, buf + 3 * n, buf + 4 * n, buf + 5 * n};
    for (size_t i = 0; i < n; i++)
        x[i] = rp_jnum(xs, i);
    size_t vi;
    json_t *v;
    json_array_foreach(vars, vi, v) {
        const char *name = json_string_value(json_object_get(v, "name"));
        int bands = strcmp(json_string_value(json_object_get(v, "kind")), "bands") == 0;
        static const char *const qk[5] = {"q05", "q25", "q50", "q75", "q95"};
        double lo = INFINITY, hi = -INFINITY;
        for (int k = 0; k < 5; k++) {
            json_t *a = json_object_get(v, bands ? qk[k] : "value");
            for (size_t i = 0; i < n; i++) {
                q[k][i] = rp_jnum(a, i);
                if (isfinite(q[k][i])) {
                    if (q[k][i] < lo)
                        lo = q[k][i];
                    if (q[k][i] > hi)
                        hi = q[k][i];
                }
            }
        }
        if (!isfinite(lo))
            continue; /* no data at all */
        rp_plot_range(&lo, &hi, lo >= 0);
        double x0 = x[0], x1 = x[n - 1] + 1.0 / 12;
        rp_plot_t *p = rp_plot_begin(ctx, 760, 330);
        if (!p) {
            st = brink_ctx_errcode(ctx);
            goto cleanup;
        }
        char title[256];
        snprintf(title, sizeof title, "%s%s", label_of(name),
                 bands ? ": median, 50% and 90% bands" : ": one run");
        rp_plot_frame(0.11, 0.97, 0.15, 0.88, x0, x1, lo, hi, "year", name, title, 1);
        rp_plot_color(0, 0.18);
        if (bands) {
            band(x, q[0], q[4], n, px, py);
            rp_plot_color(0, 0.40);
            band(x, q[1], q[3], n, px, py);
        }
        rp_plot_color(0, 1.0);
        plwidth(2.0);
        line(x, q[2], n);
        plwidth(1.0);
        char *svg = rp_plot_end(ctx, p);
        if (!svg) {
            st = brink_ctx_errcode(ctx);
            goto cleanup;
        }
        char fname[200];
        snprintf(fname, sizeof fname, "fan-%s", name);
        if ((st = rp_add_figure(r, fname, "series", title, svg)))
            goto cleanup;
    }
cleanup:
    brink_free(ctx, buf);
    brink_free(ctx, px);
    brink_free(ctx, py);
    return st;
}
