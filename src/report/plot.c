/* plot.c - one SVG page through PLplot's SVG driver, written to memory. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <plplot/plplot.h>

#include "report/report_internal.h"

struct rp_plot {
    FILE *fp;
    char *buf;
    size_t len;
};

/* Okabe and Ito's palette, readable by colour-blind readers. */
static const int palette[][3] = {{0, 114, 178},  {213, 94, 0},   {0, 158, 115}, {204, 121, 167},
                                 {230, 159, 0},  {86, 180, 233}, {120, 120, 120}, {0, 0, 0}};
enum { NPAL = sizeof palette / sizeof palette[0] };

void rp_plot_rgb(int r, int g, int b, double alpha)
{
    plscol0a(15, r, g, b, alpha);
    plcol0(15);
}

void rp_plot_color(int i, double alpha)
{
    const int *c = palette[(i < 0 ? -i : i) % NPAL];
    rp_plot_rgb(c[0], c[1], c[2], alpha);
}

void rp_plot_text(char *buf, size_t size, const char *s)
{
    size_t k = 0;
    for (; s && *s && k + 2 < size; s++) {
        if (*s == '#')
            buf[k++] = '#';
        buf[k++] = *s;
    }
    buf[k] = '\0';
}

rp_plot_t *rp_plot_begin(brink_ctx_t *ctx, int w, int h)
{
    rp_plot_t *p = brink_calloc(ctx, 1, sizeof *p);
    if (!p) {
        brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
        return NULL;
    }
    p->fp = open_memstream(&p->buf, &p->len);
    if (!p->fp) {
        brink_free(ctx, p);
        brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for an SVG figure");
        return NULL;
    }
    plsdev("svg");
    plsfile(p->fp);
    plspage(0, 0, w, h, 0, 0);
    plscolbg(255, 255, 255);
    plscol0(1, 40, 40, 40);
    plinit();
    pladv(0);
    plschr(0, RP_CHR);
    plwidth(1.0);
    return p;
}

char *rp_plot_end(brink_ctx_t *ctx, rp_plot_t *p)
{
    if (!p)
        return NULL;
    plend(); /* closes p->fp, which finalises p->buf */
    char *out = NULL;
    if (p->buf && p->len > 0) {
        out = brink_strndup(ctx, p->buf, p->len);
        if (!out)
            brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory");
    } else {
        brink_ctx_error(ctx, BRINK_EIO, "the SVG driver wrote nothing");
    }
    free(p->buf);
    brink_free(ctx, p);
    return out;
}

void rp_plot_frame(double vx0, double vx1, double vy0, double vy1, double xmin, double xmax,
                   double ymin, double ymax, const char *xlabel, const char *ylabel,
                   const char *title, int xtime)
{
    char buf[512];
    plvpor(vx0, vx1, vy0, vy1);
    plwind(xmin, xmax, ymin, ymax);
    rp_plot_rgb(225, 225, 225, 1.0);
    plbox("g", (xtime & 1) ? 1.0 : 0.0, 0, (xtime & 2) ? "" : "g", 0.0, 0);
    plcol0(1);
    plbox("bcnst", (xtime & 1) ? (xmax - xmin > 12 ? 2.0 : 1.0) : 0.0, 0,
          (xtime & 2) ? "bc" : "bcnstv", 0.0, 0);
    if (xlabel) {
        rp_plot_text(buf, sizeof buf, xlabel);
        plmtex("b", 3.0, 0.5, 0.5, buf);
    }
    if (ylabel) {
        rp_plot_text(buf, sizeof buf, ylabel);
        plmtex("l", 3.6, 0.5, 0.5, buf);
    }
    if (title) {
        rp_plot_text(buf, sizeof buf, title);
        plschr(0, RP_CHR * 1.2);
        plmtex("t", 1.0, 0.5, 0.5, buf);
        plschr(0, RP_CHR);
    }
}

void rp_plot_rect(double x0, double x1, double y0, double y1)
{
    PLFLT x[4] = {x0, x1, x1, x0}, y[4] = {y0, y0, y1, y1};
    plfill(4, x, y);
}

void rp_plot_range(double *lo, double *hi, int from_zero)
{
    if (!(*lo <= *hi)) {
        *lo = 0;
        *hi = 1;
    }
    if (from_zero && *lo > 0)
        *lo = 0;
    if (*hi - *lo < 1e-9) {
        double d = fabs(*hi) > 1e-9 ? fabs(*hi) * 0.1 : 1.0;
        *lo -= from_zero && *lo >= 0 ? 0 : d;
        *hi += d;
    } else {
        double d = (*hi - *lo) * 0.05;
        if (!(from_zero && *lo == 0))
            *lo -= d;
        *hi += d;
    }
}

double rp_jnum(const json_t *arr, size_t i)
{
    json_t *v = json_array_get(arr, i);
    return v && json_is_number(v) ? json_number_value(v) : NAN;
}

void rp_plot_category(double yc, double ymin, double ymax, const char *label)
{
    char buf[256];
    rp_plot_text(buf, sizeof buf, label);
    plcol0(1);
    plmtex("lv", 0.6, (yc - ymin) / (ymax - ymin), 0.5 * 0 + 1.0, buf);
}

void rp_plot_dot(double x, double y, double d)
{
    PLFLT sx0, sx1, sy0, sy1, vx0, vx1, vy0, vy1, wx0, wx1, wy0, wy1;
    plgspa(&sx0, &sx1, &sy0, &sy1); /* subpage in mm */
    plgvpd(&vx0, &vx1, &vy0, &vy1); /* viewport, normalised */
    plgvpw(&wx0, &wx1, &wy0, &wy1); /* window, world */
    double mmx = (vx1 - vx0) * (sx1 - sx0), mmy = (vy1 - vy0) * (sy1 - sy0);
    double rx = d / 2 * (wx1 - wx0) / mmx, ry = d / 2 * (wy1 - wy0) / mmy;
    PLFLT px[16], py[16];
    int nv = d < 2.0 ? 8 : 16; /* small dots need fewer vertices */
    for (int i = 0; i < nv; i++) {
        double a = 2 * M_PI * i / nv;
        px[i] = x + rx * cos(a);
        py[i] = y + ry * sin(a);
    }
    plfill(nv, px, py);
}
