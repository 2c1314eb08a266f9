/* summary.c - one replication reduced to its outcome, milestones, totals
 * and (optionally) monthly series: what experiments and calibration need. */
#include <string.h>

#include "sim/sim_internal.h"

typedef struct series_sink {
    double *series;
    uint32_t max_steps;
    int start;
    double last[BRINK_NSERIES];
    int last_t;
} series_sink_t;

static void on_month(sim_state_t *s, void *ud)
{
    series_sink_t *k = ud;
    int t = s->month - k->start;
    if (t < 0 || (uint32_t)t >= k->max_steps)
        return;
    sim_series(s, k->last);
    for (int i = 0; i < BRINK_NSERIES; i++)
        k->series[(size_t)i * k->max_steps + (size_t)t] = k->last[i];
    k->last_t = t;
}

brink_status_t brink_sim_run_summary(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed,
                                     uint32_t point, uint32_t rep, int until,
                                     brink_sim_summary_t *out, double *series,
                                     uint32_t max_steps)
{
    const sim_model_t *m = sim_model_of(sim);
    sim_state_t s;
    series_sink_t sink = {series, max_steps, m->start, {0}, -1};
    if (until < 0 || until > m->end)
        until = m->end;
    sim_state_init(&s, m, seed, rep);
    brink_rng_init(&s.rng, seed, point, rep, BRINK_STREAM_SIM);
    s.ctx = ctx;
    sim_run(&s, until, series ? on_month : NULL, series ? &sink : NULL);
    if (series) {
        for (uint32_t t = (uint32_t)(sink.last_t + 1); t < max_steps; t++)
            for (int i = 0; i < BRINK_NSERIES; i++)
                series[(size_t)i * max_steps + t] = sink.last[i];
    }
    memset(out, 0, sizeof *out);
    out->outcome = s.outcome;
    out->end_month = s.month;
    int ms[BRINK_NMILESTONES] = {s.first_nuclear, s.first_icbm, s.first_summit,
                                 s.first_agreement, s.first_deal};
    memcpy(out->milestones, ms, sizeof ms);
    int nyears = until / 12 - m->start / 12 + 1;
    for (int y = 0; y < nyears && y < 100; y++)
        for (int k = 0; k < BRINK_NCOUNTS; k++)
            out->totals[k] += s.counts[y][k];
    return BRINK_OK;
}

/* The order: outcomes, deal_or_freeze, milestones reached, count totals
 * (test_sim_summary checks it against the name functions). */
static const char *const output_names[] = {
    "war", "regime_collapse", "comprehensive_deal", "partial_deal_or_freeze",
    "nuclear_status_quo", "deal_or_freeze", "first_nuclear_test_reached",
    "first_icbm_test_reached", "first_leader_summit_reached", "first_agreement_reached",
    "first_comprehensive_deal_reached", "missiles_total", "launch_days_total",
    "nuclear_tests_total", "icbm_launches_total", "unsc_resolutions_total",
    "leader_summits_total"};

const char *const *brink_sim_output_names(size_t *n)
{
    *n = sizeof output_names / sizeof output_names[0];
    return output_names;
}

void brink_sim_summary_values(const brink_sim_summary_t *s, double *v)
{
    size_t i = 0;
    for (int k = 0; k < BRINK_NOUTCOMES; k++)
        v[i++] = s->outcome == k;
    v[i++] = s->outcome == BRINK_OUTCOME_DEAL || s->outcome == BRINK_OUTCOME_FREEZE;
    for (int k = 0; k < BRINK_NMILESTONES; k++)
        v[i++] = s->milestones[k] >= 0;
    for (int k = 0; k < BRINK_NCOUNTS; k++)
        v[i++] = s->totals[k];
}
