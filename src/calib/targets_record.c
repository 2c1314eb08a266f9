/* targets_record.c - calibration targets observed from a record file
 * (brink_abc_targets_use_record, brink/calib.h). */
#include <stdio.h>

#include "brink/brink.h"

/* the annual count whose first event is milestone k, or -1 */
static int milestone_count(int k)
{
    switch (k) {
    case BRINK_MILESTONE_NUCLEAR:
        return BRINK_COUNT_NUCLEAR;
    case BRINK_MILESTONE_ICBM:
        return BRINK_COUNT_ICBM;
    case BRINK_MILESTONE_SUMMIT:
        return BRINK_COUNT_SUMMITS;
    default:
        return -1;
    }
}

brink_status_t brink_abc_targets_use_record(brink_ctx_t *ctx, const brink_sim_t *sim,
                                            const brink_record_t *rec, int until,
                                            brink_abc_target_t *targets, size_t n,
                                            size_t *replaced, brink_diags_t *diags)
{
    if (!ctx || !sim || !rec || (!targets && n) || !replaced || !diags)
        return BRINK_EINVAL;
    *replaced = 0;
    brink_sim_particles_t *p = NULL;
    brink_status_t st = brink_sim_particles_new(ctx, &sim, NULL, 1, &p), bad = BRINK_OK;
    for (size_t i = 0; st == BRINK_OK && i < n; i++) {
        brink_abc_target_t *t = &targets[i];
        int k = t->is_milestone ? milestone_count(t->index) : t->index;
        size_t s;
        if (k < 0)
            continue; /* a milestone no record series tells (agreement, deal) */
        const char *actor, *kind;
        brink_sim_particles_series_name(p, k, &actor, &kind);
        long j = brink_record_find(rec, actor, kind);
        if (j < 0)
            continue; /* a series the record does not have: the target's own value */
        s = (size_t)j;
        int line, col;
        brink_record_locate(rec, s, &line, &col);
        if (!t->is_milestone) {
            long c = brink_record_year(rec, s, t->year);
            if (c >= 0) {
                t->observed = (double)c;
                ++*replaced;
                continue;
            }
            st = brink_diags_add(ctx, diags, brink_record_file(rec), line, col, "series",
                                 "target %s: the record does not observe all of %d for "
                                 "(actor %s, kind %s)", t->name, t->year,
                                 brink_record_actor(rec, s), brink_record_kind(rec, s));
            bad = BRINK_EVALIDATE;
            continue;
        }
        /* a milestone: the first month of the series with an event, up to
         * until; not reached (-1) only if the record covers until */
        int found = -1;
        if (!brink_record_annual(rec, s))
            for (int m = brink_record_from(rec, s) > brink_sim_start(sim) ? brink_record_from(rec, s)
                                                                          : brink_sim_start(sim);
                 m <= until && m <= brink_record_through(rec); m++)
                if (brink_record_month(rec, s, m) > 0) {
                    found = m;
                    break;
                }
        if (found >= 0 || (!brink_record_annual(rec, s) && brink_record_through(rec) >= until)) {
            t->observed = found;
            ++*replaced;
            continue;
        }
        st = brink_diags_add(ctx, diags, brink_record_file(rec), line, col, "series",
                             "target %s: the record does not observe (actor %s, kind %s) month "
                             "by month through %04d-%02d", t->name, brink_record_actor(rec, s),
                             brink_record_kind(rec, s), until / 12, until % 12 + 1);
        bad = BRINK_EVALIDATE;
    }
    brink_sim_particles_free(p);
    return st != BRINK_OK ? st : bad;
}
