/* report_internal.h - the report object shared by the files of src/report/. */
#ifndef BRINK_REPORT_INTERNAL_H
#define BRINK_REPORT_INTERNAL_H

#include "core/csv.h"
#include <jansson.h>
#include <stdio.h>

#include "brink/report.h"

/* The main monthly series of docs/model.md section 7, in report order. */
extern const char *const rp_main_series[];
extern const size_t rp_main_series_count;

typedef struct rp_figure {
    char *name;    /* file stem, e.g. "fan-arsenal" */
    char *section; /* payload section the figure belongs to */
    char *title;
    char *svg;     /* complete SVG document */
} rp_figure_t;

struct brink_report {
    brink_ctx_t *ctx; /* borrowed: must outlive the report */
    char *dir;
    char *title;
    char *command;
    json_t *payload; /* owned */
    rp_figure_t *figs;
    size_t nfig, capfig;
    int rendered;
};

/* ---- located errors ------------------------------------------------------ */
/* Records "FILE: FIELD: MESSAGE" (or "FILE:LINE: ...") and returns status. */
brink_status_t rp_error(brink_ctx_t *ctx, brink_status_t st, const char *file, long line,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* "a string", "a number", ... for a JSON value, used in messages. */
const char *rp_json_kind(const json_t *v);
/* Joins dir and name into a new string (brink_free). */
char *rp_path(brink_ctx_t *ctx, const char *dir, const char *name);
/* A JSON string of s ("" for NULL); bytes that are not valid UTF-8 become
 * '?'.  NULL only when out of memory. */
json_t *rp_jstr(const char *s);
/* 1 when path names a readable regular file. */
int rp_exists(const char *path);
/* Loads a JSON file with a located parse error. *out is new. */
brink_status_t rp_load_json(brink_ctx_t *ctx, const char *path, json_t **out);
/* Reads number field key of obj (named by the path prefix where for messages).
 * required: fail when missing; returns 1 in *found when present. */
brink_status_t rp_get_num(brink_ctx_t *ctx, const char *file, const json_t *obj,
                          const char *where, const char *key, int required, double *out,
                          int *found);
/* Parses "YYYY-MM" into a decimal year (year + (month-1)/12); 0 on success. */
int rp_parse_month(const char *s, int *year, int *month);

/* ---- CSV reading with line numbers ---------------------------------------- */
/* The library's one CSV reader (core/csv.h), with the report's errors. */
typedef csv_reader_t rp_csv_t;
brink_status_t rp_csv_open(brink_ctx_t *ctx, rp_csv_t *c, const char *path);
/* Reads the next record; *got is 0 at end of file. */
brink_status_t rp_csv_next(brink_ctx_t *ctx, rp_csv_t *c, int *got);
void rp_csv_close(brink_ctx_t *ctx, rp_csv_t *c);
/* Index of column name in the current record (the header), or -1. */
long rp_csv_find(const rp_csv_t *c, const char *name);
/* Parses a number field; empty or "nan" gives NAN with *empty = 1. */
brink_status_t rp_csv_num(brink_ctx_t *ctx, const rp_csv_t *c, size_t col, const char *colname,
                          double *out);

/* ---- readers: each adds its section to the payload ------------------------ */
/* Copies the provenance keys of a producer's JSON (version, scenario,
 * scenario_hash, experiment, experiment_hash, seed, runs, command, start,
 * until) into the payload's provenance, as text. */
brink_status_t rp_read_provenance(brink_ctx_t *ctx, const char *file, const json_t *root,
                                  json_t *payload);
brink_status_t rp_read_summary(brink_ctx_t *ctx, const char *path, json_t *payload);
brink_status_t rp_read_series(brink_ctx_t *ctx, const char *path, json_t *payload);
brink_status_t rp_read_events(brink_ctx_t *ctx, const char *path, json_t *payload);
brink_status_t rp_read_backtest(brink_ctx_t *ctx, const char *path, json_t *payload);
brink_status_t rp_read_forecast(brink_ctx_t *ctx, const char *path, json_t *payload);
brink_status_t rp_read_rolling(brink_ctx_t *ctx, const char *path, json_t *payload);
brink_status_t rp_read_analysis(brink_ctx_t *ctx, const char *path, json_t *payload);
brink_status_t rp_read_sweep_db(brink_ctx_t *ctx, const char *path, json_t *payload);

/* ---- SVG through PLplot --------------------------------------------------- */
typedef struct rp_plot rp_plot_t;
/* Base character scale of the charts (PLplot's plschr). */
#define RP_CHR 1.15
/* Starts a w x h (points) SVG page; NULL on failure (error set). */
rp_plot_t *rp_plot_begin(brink_ctx_t *ctx, int w, int h);
/* Ends the page; returns the SVG document (new, brink_free) or NULL. */
char *rp_plot_end(brink_ctx_t *ctx, rp_plot_t *p);
/* Copies s into buf with PLplot's escape character '#' doubled. */
void rp_plot_text(char *buf, size_t size, const char *s);
/* Palette: colour index i of the categorical palette (cmap0 slots 2..). */
void rp_plot_color(int i, double alpha);
void rp_plot_rgb(int r, int g, int b, double alpha);
/* Viewport (fractions of the page) and axes with grid; labels may be NULL.
 * flags: 1 = the x axis is in years, 2 = the y axis holds categories (no
 * numbers; label them with rp_plot_category). */
void rp_plot_frame(double vx0, double vx1, double vy0, double vy1, double xmin, double xmax,
                   double ymin, double ymax, const char *xlabel, const char *ylabel,
                   const char *title, int xtime);
/* Label category row yc (world y) of n rows on the left of the frame. */
void rp_plot_category(double yc, double ymin, double ymax, const char *label);
/* A filled dot of diameter d mm at world (x, y) in the current colour. */
void rp_plot_dot(double x, double y, double d);
/* A filled rectangle in world coordinates in the current colour. */
void rp_plot_rect(double x0, double x1, double y0, double y1);
/* Pretty axis bounds: grows [*lo, *hi] a little and avoids an empty range. */
void rp_plot_range(double *lo, double *hi, int from_zero);
/* Reads element i of a JSON number array; NAN for null or missing. */
double rp_jnum(const json_t *arr, size_t i);

/* ---- charts: each appends figures to r ------------------------------------ */
brink_status_t rp_add_figure(brink_report_t *r, const char *name, const char *section,
                             const char *title, char *svg /* taken */);
brink_status_t rp_chart_outcomes(brink_report_t *r);
brink_status_t rp_chart_milestones(brink_report_t *r);
brink_status_t rp_chart_fans(brink_report_t *r);
brink_status_t rp_chart_counts(brink_report_t *r);
brink_status_t rp_chart_timeline(brink_report_t *r);
brink_status_t rp_chart_sensitivity(brink_report_t *r);
brink_status_t rp_chart_backtest(brink_report_t *r);
brink_status_t rp_chart_forecast(brink_report_t *r);
brink_status_t rp_chart_rolling(brink_report_t *r);
void rp_html_rolling(FILE *fp, const brink_report_t *r);

/* ---- HTML helpers ---------------------------------------------------------- */
void rp_html_escape(FILE *fp, const char *s);
/* Writes the figures of a section inline (in a grid when grid != 0). */
void rp_html_figures(FILE *fp, const brink_report_t *r, const char *section, int grid);

#endif
