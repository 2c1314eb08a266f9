/* serve_result.c - results as the workbench's JSON: labels in words with
 * units beside every name the library gives. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "serve.h"

static const char *const outcome_labels[BRINK_NOUTCOMES] = {
    "war", "regime collapse", "comprehensive deal", "partial deal or freeze",
    "nuclear status quo"};
static const char *const milestone_labels[BRINK_NMILESTONES] = {
    "first nuclear test", "first ICBM-class test", "first leader summit with an adversary",
    "first agreement", "first comprehensive deal"};
static const char *const count_labels[BRINK_NCOUNTS] = {
    "missiles fired, per year", "launch days, per year", "nuclear tests, per year",
    "ICBM-class launches, per year", "UN Security Council resolutions, per year",
    "leader summits of the target, per year"};
static const char *const series_labels[BRINK_NSERIES] = {
    "target's arsenal, warheads", "target's missile reach, 0-1", "target's missile reliability, 0-1",
    "target's share of effort on arms (byungjin), 0-1", "target's economy, GDP / GDP at start",
    "target's coalition loyalty, 0-1", "sanctions bite on the target, 0-1",
    "escalation index, 0-1", "credibility of deterrent threats, 0-1",
    "target's threat perception of its strongest adversary, 0-1",
    "target's trust in its strongest adversary, 0-1",
    "patron's (China's) sanctions enforcement, 0-1", "UN Security Council sanctions level, 0-1",
    "great-power rivalry, 0-1"};

static json_t *month_str(int m)
{
    char b[16];
    if (m < 0)
        return json_null();
    snprintf(b, sizeof b, "%04d-%02d", m / 12, m % 12 + 1);
    return json_string(b);
}

static json_t *num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

json_t *serve_ensemble_json(const brink_ensemble_t *e, const brink_sim_t *sim)
{
    json_t *o = json_object(), *outs = json_array(), *ms = json_array(), *cs = json_array(),
           *ss = json_array();
    if (!o || !outs || !ms || !cs || !ss)
        goto fail;
    json_object_set_new(o, "runs", json_integer(brink_ensemble_runs(e)));
    for (int k = 0; k < BRINK_NOUTCOMES; k++) {
        double p, lo, hi;
        brink_ensemble_outcome(e, k, &p, &lo, &hi);
        json_array_append_new(outs, json_pack("{s:s, s:s, s:o, s:o, s:o}", "name",
                                              brink_sim_outcome_name(k), "label",
                                              outcome_labels[k], "p", num(p), "lo", num(lo), "hi",
                                              num(hi)));
    }
    for (int k = 0; k < BRINK_NMILESTONES; k++) {
        double p;
        int med, q05, q95;
        brink_ensemble_milestone(e, k, &p, &med, &q05, &q95);
        json_array_append_new(ms, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "name",
                                            brink_sim_milestone_name(k), "label",
                                            milestone_labels[k], "p", num(p), "median",
                                            month_str(med), "q05", month_str(q05), "q95",
                                            month_str(q95)));
    }
    int y0 = brink_sim_start(sim) / 12, y1 = brink_sim_end(sim) / 12;
    for (int k = 0; k < BRINK_NCOUNTS; k++) {
        json_t *years = json_array();
        for (int y = y0; years && y <= y1; y++) {
            double mean;
            int q[5];
            brink_ensemble_annual(e, k, y, &mean, q);
            int rec = brink_ensemble_record(e, k, y);
            json_array_append_new(years, json_pack("{s:i, s:o, s:i, s:i, s:i, s:o}", "year", y,
                                                   "mean", num(mean), "q05", q[0], "q50", q[2],
                                                   "q95", q[4], "record",
                                                   rec >= 0 ? json_integer(rec) : json_null()));
        }
        json_array_append_new(cs, json_pack("{s:s, s:s, s:o}", "name", brink_sim_count_name(k),
                                            "label", count_labels[k], "years",
                                            years ? years : json_null()));
    }
    int nm = brink_sim_end(sim) - brink_sim_start(sim) + 1;
    for (int k = 0; k < BRINK_NSERIES; k++) {
        json_t *q05 = json_array(), *q50 = json_array(), *q95 = json_array();
        for (int t = 0; q05 && q50 && q95 && t < nm; t++) {
            json_array_append_new(q05, num(brink_ensemble_series_quantile(e, k, t, 0.05)));
            json_array_append_new(q50, num(brink_ensemble_series_quantile(e, k, t, 0.5)));
            json_array_append_new(q95, num(brink_ensemble_series_quantile(e, k, t, 0.95)));
        }
        json_array_append_new(ss, json_pack("{s:s, s:s, s:o, s:o, s:o}", "name",
                                            brink_sim_series_name(k), "label", series_labels[k],
                                            "q05", q05 ? q05 : json_null(), "q50",
                                            q50 ? q50 : json_null(), "q95",
                                            q95 ? q95 : json_null()));
    }
    json_object_set_new(o, "start", month_str(brink_sim_start(sim)));
    json_object_set_new(o, "outcomes", outs);
    json_object_set_new(o, "milestones", ms);
    json_object_set_new(o, "counts", cs);
    json_object_set_new(o, "series", ss);
    return o;
fail:
    json_decref(o);
    json_decref(outs);
    json_decref(ms);
    json_decref(cs);
    json_decref(ss);
    return NULL;
}

json_t *serve_compare_json(const brink_compare_t *c)
{
    size_t n;
    const char *const *names = brink_sim_output_names(&n);
    json_t *o = json_object(), *a = json_array();
    if (!o || !a) {
        json_decref(o);
        json_decref(a);
        return NULL;
    }
    for (size_t k = 0; k < n; k++) {
        double x, y, d, lo, hi;
        brink_compare_output(c, k, &x, &y, &d, &lo, &hi);
        json_array_append_new(a, json_pack("{s:s, s:o, s:o, s:o, s:o, s:o}", "name", names[k],
                                           "baseline", num(x), "what_if", num(y), "diff", num(d),
                                           "lo", num(lo), "hi", num(hi)));
    }
    json_object_set_new(o, "runs", json_integer(brink_compare_runs(c)));
    json_object_set_new(o, "outputs", a);
    return o;
}

/* the events of a trace from index from, with their "why" */
json_t *serve_trace_json(const brink_sim_t *sim, const brink_sim_trace_t *t, size_t from)
{
    json_t *a = json_array();
    for (size_t k = from; a && k < t->nevents; k++) {
        const brink_sim_event_t *e = &t->events[k];
        json_t *ev = json_pack("{s:o, s:s, s:s, s:s, s:i, s:s}", "date", month_str(e->month),
                               "actor", brink_sim_actor_id(sim, e->actor), "target",
                               e->target >= 0 ? brink_sim_actor_id(sim, e->target) : "",
                               "action", e->action, "count", e->count, "detail", e->detail);
        if (ev && e->is_choice)
            json_object_set_new(
                ev, "why",
                json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:b}", "security",
                          num(e->why_security), "economy", num(e->why_economy), "prestige",
                          num(e->why_prestige), "reactions", num(e->why_reaction), "total",
                          num(e->why_total), "p", num(e->why_p), "best_alternative", e->runner_up,
                          "best_alternative_total", num(e->runner_up_total),
                          /* drawn although the best alternative had the higher utility */
                          "against_the_odds", e->runner_up_total > e->why_total));
        json_array_append_new(a, ev);
    }
    return a;
}
