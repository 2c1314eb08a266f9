/* events.c - the event log: CAMEO codes, Goldstein values, the "why" of
 * each choice.  Codes and values come from data/CAMEO.goldsteinscale.txt;
 * tests are coded 150 (Demonstrate military power) by convention, since
 * CAMEO has no code for weapons tests (docs/model.md, section 4). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sim/sim_internal.h"

typedef struct ev_info {
    const char *name, *cameo;
    double goldstein;
} ev_info_t;

static const ev_info_t ev_table[EV_COUNT] = {
    [EV_MISSILE] = {"missile_test", "150", -7.2},
    [EV_NUCLEAR] = {"nuclear_test", "150", -7.2},
    [EV_EXERCISE] = {"military_exercise", "152", -7.2},
    [EV_THREAT] = {"threaten_force", "138", -7.0},
    [EV_SANCTION] = {"impose_sanctions", "163", -8.0},
    [EV_AID] = {"provide_aid", "070", 7.0},
    [EV_PROPOSE] = {"propose_talks", "036", 4.0},
    [EV_ACCEPT] = {"accept_talks", "046", 7.0},
    [EV_REJECT] = {"reject_talks", "125", -5.0},
    [EV_SUMMIT] = {"leader_summit", "044", 2.5},
    [EV_STATEMENT] = {"declaratory_statement", "057", 8.0},
    [EV_FREEZE] = {"partial_deal_freeze", "057", 8.0},
    [EV_DEAL] = {"comprehensive_deal", "057", 8.0},
    [EV_NODEAL] = {"no_deal", "120", -4.0},
    [EV_RENEGE] = {"renege", "160", -4.0},
    [EV_KEEP] = {"implement_step", "080", 5.0},
    [EV_UNSC_PASS] = {"unsc_resolution", "163", -8.0},
    [EV_UNSC_VETO] = {"unsc_veto", "120", -4.0},
    [EV_ENFORCE_UP] = {"tighten_enforcement", "163", -8.0},
    [EV_ENFORCE_DOWN] = {"relax_enforcement", "085", 7.0},
    [EV_CLASH] = {"armed_clash", "190", -10.0},
    [EV_WAR] = {"war", "190", -10.0},
    [EV_COLLAPSE] = {"regime_collapse", "", 0.0},
    [EV_LEADER] = {"leader_change", "", 0.0},
    [EV_EXOGENOUS] = {"exogenous", "", 0.0},
    [EV_TALKS_END] = {"talks_collapse", "164", -7.0},
    [EV_MORATORIUM] = {"declare_moratorium", "081", 5.0},
    [EV_RESUME] = {"end_moratorium", "150", -7.2},
    [EV_DISARM] = {"denuclearize", "081", 5.0},
    [EV_BMD] = {"deploy_missile_defence", "152", -7.2},
    [EV_SUSPEND] = {"suspend_exercises", "081", 5.0},
    [EV_COVERT] = {"covert_programme", "", 0.0},
};

static const char *const action_names[A_NACTIONS] = {
    "wait", "missile_test", "nuclear_test", "military_exercise", "threaten_force",
    "impose_sanctions", "provide_aid", "propose_talks"};

const char *sim_event_cameo(int kind)
{
    return ev_table[kind].cameo;
}

double sim_event_goldstein(int kind)
{
    return ev_table[kind].goldstein;
}

const char *sim_event_name(int kind)
{
    return ev_table[kind].name;
}

void sim_count(sim_state_t *s, int k, int n)
{
    int y = s->month / 12 - s->m->start / 12;
    if (y >= 0 && y < SIM_MAXYEARS) {
        unsigned v = s->counts[y][k] + (unsigned)n;
        s->counts[y][k] = (uint16_t)(v > 65535u ? 65535u : v);
    }
    if (k == BRINK_COUNT_MISSILES) {
        int mi = s->month - s->m->start;
        if (mi >= 0 && mi < SIM_MAXMONTHS) {
            unsigned v = s->mrec[mi].missiles + (unsigned)n;
            s->mrec[mi].missiles = (uint16_t)(v > 65535u ? 65535u : v);
        }
    }
}

void sim_event(sim_state_t *s, int kind, int actor, int target, int count, const sim_why_t *why,
               const char *fmt, ...)
{
    double g = ev_table[kind].goldstein * (count > 1 ? count : 1);
    if (actor >= 0 && target >= 0) {
        sim_dyad_t *d = &s->d[actor][target];
        if (g < 0)
            d->hostile += -g;
        else if (g > 0)
            d->coop += 1.0;
    }
    brink_sim_trace_t *t = s->trace;
    if (!t)
        return;
    if (t->nevents >= t->cap) {
        t->overflow = 1;
        return;
    }
    brink_sim_event_t *e = &t->events[t->nevents++];
    memset(e, 0, sizeof *e);
    e->month = s->month;
    e->actor = actor;
    e->target = target;
    e->kind = kind;
    e->action = ev_table[kind].name;
    e->cameo = ev_table[kind].cameo;
    e->goldstein = ev_table[kind].goldstein;
    e->count = count;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->detail, sizeof e->detail, fmt, ap);
    va_end(ap);
    if (why) {
        e->is_choice = 1;
        e->why_security = why->security;
        e->why_economy = why->economy;
        e->why_prestige = why->prestige;
        e->why_reaction = why->reaction;
        e->why_total = why->total;
        e->why_p = why->p;
        e->runner_up = why->runner_up >= 0 ? action_names[why->runner_up] : "";
        e->runner_up_total = why->runner_total;
    } else {
        e->runner_up = "";
    }
}
