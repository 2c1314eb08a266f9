/*
 * brink/report.h - self-contained HTML reports and SVG figures for result
 * directories (`brink report`).
 *
 * A report is built in three steps:
 *   1. brink_report_load() reads a result directory written by brink run,
 *      sweep/analyze, backtest or forecast into a normalised data payload
 *      (a JSON document, described in docs/report.md).  Files that are absent
 *      only remove their section; a malformed file fails with a located
 *      message (file, line or field, what was expected).
 *   2. brink_report_render() draws every chart of the payload as SVG with
 *      PLplot's SVG driver.
 *   3. brink_report_write_html() writes one self-contained HTML file (inline
 *      CSS and SVG, no scripts, no network references); brink_report_figure()
 *      gives each chart as a standalone SVG document for --figures.
 *
 * PLplot keeps process-wide state: render reports from one thread at a time.
 */
#ifndef BRINK_REPORT_H
#define BRINK_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "brink/core.h"
#include "brink/record.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct brink_report brink_report_t;

/** Loads the result directory dir.  On success *out owns a new report (free
 *  it with brink_report_free).  Returns BRINK_OK; BRINK_ENOTFOUND when dir
 *  holds no file brink knows (summary.json, series.csv, events.csv,
 *  analysis.json / sweep.db, backtest.json, forecast.json); BRINK_EIO when a
 *  file cannot be read; BRINK_EPARSE or BRINK_EVALIDATE for a malformed file,
 *  with the located message in brink_ctx_errmsg(ctx); BRINK_ENOMEM.
 *  Cost: linear in the size of the files, except events.csv of which only
 *  the first run is kept (reading stops at the second run). */
BRINK_API brink_status_t brink_report_load(brink_ctx_t *ctx, const char *dir, brink_report_t **out);

/** Frees a report; brink_report_free(NULL) does nothing. */
BRINK_API void brink_report_free(brink_report_t *r);

/** Sets the title (copied).  Default: "brink report: " + scenario name or
 *  the directory name.  Returns BRINK_OK or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_report_set_title(brink_report_t *r, const char *title);

/** Records the command line that produced the report (copied), shown in the
 *  provenance block beside the producer's own command line. */
BRINK_API brink_status_t brink_report_set_command(brink_report_t *r, const char *command);

/** The data payload as JSON with sorted keys, two-space indent and 17
 *  significant digits (what the golden tests check).  The string is new and
 *  owned by the caller: free it with brink_free(ctx, ...).  NULL on
 *  allocation failure (error set on ctx). */
BRINK_API char *brink_report_payload_json(brink_ctx_t *ctx, const brink_report_t *r);

/** Takes the historical values of the annual counts from a record file
 *  (`brink report --record FILE`; brink/record.h) instead of the result
 *  directory: each count's series is the record's one series of the
 *  count's kind (missile, launch_day, nuclear_test, icbm_launch,
 *  resolution, leader_summit, as in brink/stepper.h), and a year the
 *  record does not observe whole has no value.  The payload names the
 *  record (file, sha256).  Call before brink_report_render.  Returns
 *  BRINK_OK, BRINK_EINVAL (a NULL argument, or the report is rendered),
 *  BRINK_EVALIDATE (the record has several series of one kind; the
 *  message on ctx) or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_report_use_record(brink_ctx_t *ctx, brink_report_t *r,
                                                 const brink_record_t *rec);

/** Draws every chart.  Idempotent.  Returns BRINK_OK, BRINK_ENOMEM, or
 *  BRINK_EIO when the SVG driver fails. */
BRINK_API brink_status_t brink_report_render(brink_ctx_t *ctx, brink_report_t *r);

/** Number of rendered figures (0 before brink_report_render). */
BRINK_API size_t brink_report_figure_count(const brink_report_t *r);

/** Figure i: *name is a file stem such as "fan-arsenal" and *svg a complete
 *  standalone SVG document (both borrowed, valid until brink_report_free).
 *  Returns BRINK_OK or BRINK_EINVAL when i is out of range. */
BRINK_API brink_status_t brink_report_figure(const brink_report_t *r, size_t i, const char **name,
                                             const char **svg);

/** Writes the HTML report to fp (renders first if needed).  Returns
 *  BRINK_OK, BRINK_EIO on a write error, BRINK_ENOMEM. */
BRINK_API brink_status_t brink_report_write_html(brink_ctx_t *ctx, brink_report_t *r, FILE *fp);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_REPORT_H */
