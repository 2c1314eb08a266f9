/* run.c - one traced run: the event log and monthly series, and their
 * readable and CSV forms. */
#include <string.h>

#include "scenario/schema.h"
#include "sim/sim_internal.h"

static const char *const count_names[BRINK_NCOUNTS] = {
    "missiles", "launch_days", "nuclear_tests", "icbm_launches", "unsc_resolutions",
    "leader_summits"};
static const char *const series_names[BRINK_NSERIES] = {
    "arsenal", "reach", "reliability", "byungjin", "economy", "legitimacy", "sanctions_bite",
    "escalation", "credibility", "threat", "trust", "enforcement", "unsc_level", "rivalry"};
static const char *const outcome_names[BRINK_NOUTCOMES] = {
    "war", "regime_collapse", "comprehensive_deal", "partial_deal_or_freeze",
    "nuclear_status_quo"};
static const char *const milestone_names[BRINK_NMILESTONES] = {
    "first_nuclear_test", "first_icbm_test", "first_leader_summit", "first_agreement",
    "first_comprehensive_deal"};

const char *brink_sim_count_name(int k)
{
    return k >= 0 && k < BRINK_NCOUNTS ? count_names[k] : "";
}
const char *brink_sim_series_name(int k)
{
    return k >= 0 && k < BRINK_NSERIES ? series_names[k] : "";
}
const char *const *brink_sim_series_names(void)
{
    return series_names;
}
const char *brink_sim_outcome_name(int k)
{
    return k >= 0 && k < BRINK_NOUTCOMES ? outcome_names[k] : "";
}
const char *brink_sim_milestone_name(int k)
{
    return k >= 0 && k < BRINK_NMILESTONES ? milestone_names[k] : "";
}

/* The adversary whose threat and trust the series report: the strongest. */
static int main_adversary(const sim_model_t *m, const sim_state_t *s)
{
    int g = -1;
    for (int k = 0; k < m->n; k++)
        if (m->hostile[k] && (g < 0 || s->a[k].power > s->a[g].power))
            g = k;
    return g;
}

void sim_series(const sim_state_t *s, double v[BRINK_NSERIES])
{
    const sim_model_t *m = s->m;
    int T = m->target, g = main_adversary(m, s);
    const sim_actor_t *a = &s->a[T];
    v[BRINK_SERIES_ARSENAL] = a->arsenal;
    v[BRINK_SERIES_REACH] = sim_reach(a);
    v[BRINK_SERIES_RELIABILITY] = sim_reliability(a);
    v[BRINK_SERIES_BYUNGJIN] = a->byungjin;
    v[BRINK_SERIES_ECONOMY] = a->gdp / a->gdp0;
    v[BRINK_SERIES_LEGITIMACY] = a->loyalty; /* coalition loyalty (docs/model.md, M8) */
    v[BRINK_SERIES_BITE] = s->bite;
    v[BRINK_SERIES_ESCALATION] = s->escalation;
    v[BRINK_SERIES_CREDIBILITY] = s->credibility;
    v[BRINK_SERIES_THREAT] = g >= 0 ? s->d[T][g].threat : 0.0;
    v[BRINK_SERIES_TRUST] = g >= 0 ? s->d[T][g].trust : 0.0;
    v[BRINK_SERIES_ENFORCEMENT] = m->china >= 0 ? s->d[m->china][T].enforce : 0.0;
    v[BRINK_SERIES_UNSC] = s->unsc_level;
    v[BRINK_SERIES_RIVALRY] = s->rivalry;
}

brink_status_t brink_sim_trace_new(brink_ctx_t *ctx, const brink_sim_t *sim, size_t cap,
                                   brink_sim_trace_t **out)
{
    const sim_model_t *m = sim_model_of(sim);
    brink_sim_trace_t *t = brink_calloc(ctx, 1, sizeof *t);
    *out = NULL;
    if (!t)
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for a trace");
    t->cap = cap;
    t->mcap = (size_t)(m->end - m->start + 1);
    t->events = brink_calloc(ctx, cap ? cap : 1, sizeof *t->events);
    t->months = brink_calloc(ctx, t->mcap, sizeof *t->months);
    if (!t->events || !t->months) {
        brink_sim_trace_free(ctx, t);
        return brink_ctx_error(ctx, BRINK_ENOMEM, "out of memory for a trace");
    }
    *out = t;
    return BRINK_OK;
}

void brink_sim_trace_free(brink_ctx_t *ctx, brink_sim_trace_t *t)
{
    if (!t)
        return;
    brink_free(ctx, t->events);
    brink_free(ctx, t->months);
    brink_free(ctx, t);
}

static void record(sim_state_t *s, void *ud)
{
    brink_sim_trace_t *t = ud;
    if (t->nmonths >= t->mcap)
        return;
    brink_sim_month_t *mo = &t->months[t->nmonths++];
    mo->month = s->month;
    sim_series(s, mo->v);
    for (int i = 0; i < s->m->n; i++)
        for (int j = 0; j < s->m->n; j++) {
            mo->threat[i][j] = s->d[i][j].threat;
            mo->trust[i][j] = s->d[i][j].trust;
        }
}

brink_status_t brink_sim_run(brink_ctx_t *ctx, const brink_sim_t *sim, uint64_t seed, uint32_t run,
                             int until, brink_sim_trace_t *trace)
{
    const sim_model_t *m = sim_model_of(sim);
    sim_state_t s;
    if (until < 0 || until > m->end)
        until = m->end;
    trace->nevents = 0;
    trace->nmonths = 0;
    trace->overflow = 0;
    sim_state_init(&s, m, seed, run);
    s.trace = trace;
    s.ctx = ctx;
    sim_run(&s, until, record, trace);
    trace->outcome = s.outcome;
    trace->end_month = s.month;
    trace->milestones[BRINK_MILESTONE_NUCLEAR] = s.first_nuclear;
    trace->milestones[BRINK_MILESTONE_ICBM] = s.first_icbm;
    trace->milestones[BRINK_MILESTONE_SUMMIT] = s.first_summit;
    trace->milestones[BRINK_MILESTONE_AGREEMENT] = s.first_agreement;
    trace->milestones[BRINK_MILESTONE_DEAL] = s.first_deal;
    return BRINK_OK;
}

/* Events worth a line of the narrative: routine pressure (exercises,
 * threats, unilateral sanctions, aid) and proposals stay in events.csv. */
static int notable(const brink_sim_event_t *e)
{
    switch (e->kind) {
    case EV_EXERCISE:
    case EV_THREAT:
    case EV_SANCTION:
    case EV_AID:
    case EV_PROPOSE:
    case EV_REJECT:
        return 0;
    default:
        return 1;
    }
}

static void why_text(const brink_sim_event_t *e, FILE *fp)
{
    if (e->is_choice)
        fprintf(fp, "  [why: security %+.2f, economy %+.2f, prestige %+.2f, reactions %+.2f;"
                    " p %.2f; runner-up %s %+.2f]",
                e->why_security, e->why_economy, e->why_prestige, e->why_reaction, e->why_p,
                e->runner_up, e->runner_up_total);
}

/* The UN round that followed a test in the same month, appended to the
 * test's line as in "... (CAMEO 150, -7.2); UNSC resolution passes". */
static void unsc_suffix(const brink_sim_t *sim, const brink_sim_trace_t *t, size_t k, FILE *fp)
{
    for (size_t l = k + 1; l < t->nevents && t->events[l].month == t->events[k].month; l++) {
        const brink_sim_event_t *x = &t->events[l];
        if (x->kind == EV_UNSC_PASS)
            fputs("; UNSC resolution passes", fp);
        else if (x->kind == EV_UNSC_VETO)
            fprintf(fp, "; %s vetoes a UNSC resolution", brink_sim_actor_id(sim, x->actor));
    }
}

/* Is event k a UN round already reported on a test's line? */
static int unsc_reported(const brink_sim_trace_t *t, size_t k)
{
    const brink_sim_event_t *e = &t->events[k];
    if (e->kind != EV_UNSC_PASS && e->kind != EV_UNSC_VETO)
        return 0;
    for (size_t b = k; b-- > 0 && t->events[b].month == e->month;)
        if (t->events[b].kind == EV_MISSILE || t->events[b].kind == EV_NUCLEAR)
            return 1;
    return 0;
}

brink_status_t brink_sim_write_narrative(const brink_sim_t *sim, const brink_sim_trace_t *t, FILE *fp)
{
    char mon[8];
    for (size_t k = 0; k < t->nevents; k++) {
        const brink_sim_event_t *e = &t->events[k];
        if (!notable(e) || unsc_reported(t, k))
            continue;
        schema_format_month(e->month, mon);
        if (e->kind == EV_MISSILE) {
            /* one line for a month's launches by one actor */
            int missiles = 0, days = 0, fail = 0, icbm = 0;
            size_t l = k;
            for (; l < t->nevents && t->events[l].month == e->month; l++) {
                const brink_sim_event_t *x = &t->events[l];
                if (x->kind != EV_MISSILE || x->actor != e->actor)
                    continue;
                missiles += x->count;
                days++;
                fail += strstr(x->detail, "failure") != NULL;
                icbm += strstr(x->detail, "ICBM") != NULL;
            }
            int dup = 0;
            for (size_t b = k; b-- > 0 && t->events[b].month == e->month;)
                if (t->events[b].kind == EV_MISSILE && t->events[b].actor == e->actor)
                    dup = 1;
            if (dup)
                continue;
            fprintf(fp, "%s  %s launches %d missile%s on %d day%s (%d ICBM-class, %d failed) "
                        "(CAMEO %s, %+.1f)",
                    mon, brink_sim_actor_id(sim, e->actor), missiles, missiles > 1 ? "s" : "",
                    days, days > 1 ? "s" : "", icbm, fail, e->cameo, e->goldstein);
            int nuclear_later = 0;
            for (size_t x = k + 1; x < t->nevents && t->events[x].month == e->month; x++)
                nuclear_later |= t->events[x].kind == EV_NUCLEAR;
            if (!nuclear_later)
                unsc_suffix(sim, t, k, fp);
            why_text(e, fp);
            fputc('\n', fp);
            continue;
        }
        fprintf(fp, "%s  %s", mon, brink_sim_actor_id(sim, e->actor));
        if (e->target >= 0 && e->kind != EV_WAR)
            fprintf(fp, " -> %s", brink_sim_actor_id(sim, e->target));
        fprintf(fp, ": %s", e->detail);
        if (e->cameo[0])
            fprintf(fp, " (CAMEO %s, %+.1f)", e->cameo, e->goldstein);
        if (e->kind == EV_NUCLEAR)
            unsc_suffix(sim, t, k, fp);
        why_text(e, fp);
        fputc('\n', fp);
    }
    if (t->overflow)
        fprintf(fp, "(the event log was full; later events were dropped)\n");
    if (t->nmonths > 0) {
        const brink_sim_month_t *mo = &t->months[t->nmonths - 1];
        schema_format_month(mo->month, mon);
        fprintf(fp, "\nEnd state %s:", mon);
        for (int k = 0; k < BRINK_NSERIES; k++)
            fprintf(fp, "%s %s %.3g", k ? "," : "", series_names[k], mo->v[k]);
        fputc('\n', fp);
    }
    fprintf(fp, "Outcome: %s\n", outcome_names[t->outcome]);
    return (fflush(fp) != 0 || ferror(fp)) ? BRINK_EIO : BRINK_OK;
}

static void csv_str(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

brink_status_t brink_sim_write_events_csv(const brink_sim_t *sim, const brink_sim_trace_t *t, uint32_t run,
                                int header, FILE *fp)
{
    char mon[8];
    if (header)
        fputs("run,date,actor,target,action,cameo,goldstein,count,detail,why_security,"
              "why_economy,why_prestige,why_reactions,why_total,why_p,runner_up,runner_up_total\n",
              fp);
    for (size_t k = 0; k < t->nevents; k++) {
        const brink_sim_event_t *e = &t->events[k];
        schema_format_month(e->month, mon);
        fprintf(fp, "%u,%s,%s,%s,%s,%s,%.1f,%d,", run, mon, brink_sim_actor_id(sim, e->actor),
                e->target >= 0 ? brink_sim_actor_id(sim, e->target) : "", e->action, e->cameo,
                e->goldstein, e->count);
        csv_str(fp, e->detail);
        if (e->is_choice)
            fprintf(fp, ",%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%s,%.4f\n", e->why_security,
                    e->why_economy, e->why_prestige, e->why_reaction, e->why_total, e->why_p,
                    e->runner_up, e->runner_up_total);
        else
            fputs(",,,,,,,,\n", fp);
    }
    return (fflush(fp) != 0 || ferror(fp)) ? BRINK_EIO : BRINK_OK;
}

brink_status_t brink_sim_write_series_csv(const brink_sim_t *sim, const brink_sim_trace_t *t, FILE *fp)
{
    int n = brink_sim_nactors(sim);
    char mon[8];
    fputs("date", fp);
    for (int k = 0; k < BRINK_NSERIES; k++)
        fprintf(fp, ",%s", series_names[k]);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (i != j)
                fprintf(fp, ",threat_%s_%s", brink_sim_actor_id(sim, i), brink_sim_actor_id(sim, j));
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (i != j)
                fprintf(fp, ",trust_%s_%s", brink_sim_actor_id(sim, i), brink_sim_actor_id(sim, j));
    fputc('\n', fp);
    for (size_t k = 0; k < t->nmonths; k++) {
        const brink_sim_month_t *mo = &t->months[k];
        schema_format_month(mo->month, mon);
        fputs(mon, fp);
        for (int v = 0; v < BRINK_NSERIES; v++)
            fprintf(fp, ",%.6g", mo->v[v]);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j)
                    fprintf(fp, ",%.4f", mo->threat[i][j]);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j)
                    fprintf(fp, ",%.4f", mo->trust[i][j]);
        fputc('\n', fp);
    }
    return (fflush(fp) != 0 || ferror(fp)) ? BRINK_EIO : BRINK_OK;
}
