/* read_events.c - events.csv: the event log.  The report keeps the events of
 * the first run in the file (the timeline and narrative of one run); reading
 * stops at the first row of another run, so ensembles of any size cost the
 * same. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

#define RP_MAX_EVENTS 5000

static const char *const required[] = {"run",   "date",  "actor",     "target",
                                       "action", "cameo", "goldstein", "detail"};
enum { NREQ = sizeof required / sizeof required[0] };

brink_status_t rp_read_events(brink_ctx_t *ctx, const char *path, json_t *payload)
{
    rp_csv_t c;
    int got;
    long col[NREQ];
    brink_status_t st = rp_csv_open(ctx, &c, path);
    if (st)
        return st;
    if ((st = rp_csv_next(ctx, &c, &got)))
        goto cleanup;
    if (!got) {
        st = rp_error(ctx, BRINK_EPARSE, path, 1,
                      "expected a header run,date,actor,target,action,cameo,goldstein,detail");
        goto cleanup;
    }
    for (int i = 0; i < NREQ; i++)
        if ((col[i] = rp_csv_find(&c, required[i])) < 0) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "expected a column '%s' in the header "
                          "(run,date,actor,target,action,cameo,goldstein,detail)",
                          required[i]);
            goto cleanup;
        }
    /* why each actor acted (docs/model.md section 7), when the log has it */
    static const char *const whyk[] = {"why_security", "why_economy", "why_prestige",
                                       "why_reactions", "why_total", "why_p",
                                       "runner_up_total"};
    enum { NWHY = sizeof whyk / sizeof whyk[0] };
    long whyc[NWHY];
    for (int k = 0; k < NWHY; k++)
        whyc[k] = rp_csv_find(&c, whyk[k]);
    long runner = rp_csv_find(&c, "runner_up");
    size_t ncols = c.nfield;
    json_t *sec = json_object(), *evs = json_array();
    json_object_set_new(payload, "timeline", sec);
    json_object_set_new(sec, "events", evs);
    long run = -1;
    size_t total = 0;
    int prevm = -1;
    for (;;) {
        if ((st = rp_csv_next(ctx, &c, &got)) || !got)
            break;
        if (c.nfield != ncols) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "expected %zu fields as in the header, found %zu", ncols, c.nfield);
            break;
        }
        char *end;
        const char *rs = c.field[col[0]];
        long r = strtol(rs, &end, 10);
        if (!*rs || *end || r < 0) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "column 'run': expected a run number >= 0, found '%.40s'", rs);
            break;
        }
        if (run < 0)
            run = r;
        else if (r != run)
            break; /* the first run is complete */
        int y, m;
        if (rp_parse_month(c.field[col[1]], &y, &m) != 0) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "column 'date': expected a month YYYY-MM, found '%.40s'",
                          c.field[col[1]]);
            break;
        }
        if (y * 12 + m < prevm) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "column 'date': expected the events of a run in date order, found %s "
                          "after a later month",
                          c.field[col[1]]);
            break;
        }
        prevm = y * 12 + m;
        if (!*c.field[col[2]]) {
            st = rp_error(ctx, BRINK_EPARSE, path, c.line,
                          "column 'actor': expected an actor id, found an empty field");
            break;
        }
        double g;
        if ((st = rp_csv_num(ctx, &c, (size_t)col[6], "goldstein", &g)))
            break;
        if (isfinite(g) && (g < -10 || g > 10)) {
            st = rp_error(ctx, BRINK_EVALIDATE, path, c.line,
                          "column 'goldstein': expected a value between -10 and 10, found %g", g);
            break;
        }
        total++;
        if (json_array_size(evs) >= RP_MAX_EVENTS)
            continue;
        json_t *e = json_object();
        json_array_append_new(evs, e); /* owned by the payload from here on */
        json_object_set_new(e, "date", rp_jstr(c.field[col[1]]));
        json_object_set_new(e, "x", json_real(y + (m - 1) / 12.0));
        json_object_set_new(e, "actor", rp_jstr(c.field[col[2]]));
        json_object_set_new(e, "target", rp_jstr(c.field[col[3]]));
        json_object_set_new(e, "action", rp_jstr(c.field[col[4]]));
        json_object_set_new(e, "cameo", rp_jstr(c.field[col[5]]));
        json_object_set_new(e, "goldstein", isfinite(g) ? json_real(g) : json_null());
        json_object_set_new(e, "detail", rp_jstr(c.field[col[7]]));
        if (runner >= 0 && *c.field[runner])
            json_object_set_new(e, "runner_up", rp_jstr(c.field[runner]));
        for (int k = 0; k < NWHY && !st; k++)
            if (whyc[k] >= 0 && *c.field[whyc[k]]) {
                double w;
                if ((st = rp_csv_num(ctx, &c, (size_t)whyc[k], whyk[k], &w)))
                    break;
                if (isfinite(w))
                    json_object_set_new(e, whyk[k], json_real(w));
            }
        if (st)
            break;
    }
    if (!st) {
        json_object_set_new(sec, "run", json_integer(run < 0 ? 0 : run));
        json_object_set_new(sec, "total", json_integer((json_int_t)total));
        json_object_set_new(sec, "truncated", json_boolean(total > json_array_size(evs)));
    }
cleanup:
    rp_csv_close(ctx, &c);
    return st;
}
