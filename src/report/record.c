/* record.c - the report's historical record from a record file
 * (brink_report_use_record, brink/report.h): `brink report --record FILE`. */
#include <string.h>

#include <jansson.h>

#include "brink/record.h"
#include "brink/sim.h"
#include "report/report_internal.h"

/* The record's kind of each annual count, in BRINK_COUNT_* order: the
 * kinds of the model's series (brink/stepper.h). */
static const char *const count_kinds[BRINK_NCOUNTS] = {
    "missile", "launch_day", "nuclear_test", "icbm_launch", "resolution", "leader_summit"};

/* the one series of rec of kind, or -1 (none) or -2 (several) */
static long series_of_kind(const brink_record_t *rec, const char *kind)
{
    long found = -1;
    for (size_t s = 0; s < brink_record_nseries(rec); s++)
        if (strcmp(brink_record_kind(rec, s), kind) == 0) {
            if (found >= 0)
                return -2;
            found = (long)s;
        }
    return found;
}

brink_status_t brink_report_use_record(brink_ctx_t *ctx, brink_report_t *r,
                                       const brink_record_t *rec)
{
    if (!ctx || !r || !rec || r->rendered)
        return BRINK_EINVAL;
    json_t *sec = json_object_get(r->payload, "annual_counts");
    json_t *evs = json_object_get(sec, "events");
    size_t i;
    json_t *ev;
    int any = 0;
    json_array_foreach(evs, i, ev) {
        const char *name = json_string_value(json_object_get(ev, "name"));
        json_t *years = json_object_get(ev, "years"), *hist = json_array();
        long s = -1;
        for (int k = 0; name && k < BRINK_NCOUNTS; k++)
            if (strcmp(name, brink_sim_count_name(k)) == 0) {
                s = series_of_kind(rec, count_kinds[k]);
                if (s == -2) {
                    json_decref(hist);
                    return rp_error(ctx, BRINK_EVALIDATE, brink_record_file(rec), 0,
                                    "series: the record has several series of kind %s; the "
                                    "report's %s needs one", count_kinds[k], name);
                }
            }
        size_t j;
        json_t *y;
        json_array_foreach(years, j, y) {
            long c = s >= 0 ? brink_record_year(rec, (size_t)s, (int)json_integer_value(y)) : -1;
            json_array_append_new(hist, c >= 0 ? json_integer(c) : json_null());
            any |= c >= 0;
        }
        if (!hist || json_object_set_new(ev, "historical", hist) != 0)
            return rp_error(ctx, BRINK_ENOMEM, brink_record_file(rec), 0, "out of memory");
    }
    if (sec)
        json_object_set_new(sec, "has_historical", json_boolean(any));
    json_object_set_new(r->payload, "record",
                        json_pack("{s:s,s:s}", "file", brink_record_file(rec), "sha256",
                                  brink_record_hash(rec)));
    return BRINK_OK;
}
