/*
 * sim_internal.h - the state of one simulated run and the mechanisms that
 * update it, one file each (internal to libbrink; docs/model.md is the
 * specification).
 *
 * Everything a monthly step touches lives in sim_state_t, a flat struct of
 * fixed-size arrays, so the step never allocates.  Actor-independent
 * precomputations (the bargaining package grid, actor roles) live in
 * sim_model_t, built once per scenario and shared read-only by threads.
 */
#ifndef BRINK_SIM_INTERNAL_H
#define BRINK_SIM_INTERNAL_H

#include <stdint.h>

#include "brink/rng.h"
#include "brink/sim.h"
#include "scenario/scenario_types.h"

#define SIM_MAXA 8          /* actors */
#define SIM_GRID 5          /* levels per bargaining issue: 0, .25, .5, .75, 1 */
#define SIM_NPKG (SIM_GRID * SIM_GRID * SIM_GRID)
#define SIM_NACT 12         /* actions in a menu */

/* Actions (the menu of section 4 of docs/model.md). */
enum {
    A_WAIT = 0,
    A_MISSILE,      /* missile tests: launch days x salvos */
    A_NUCLEAR,      /* nuclear test */
    A_EXERCISE,     /* military exercise / show of force */
    A_THREAT,       /* verbal threat */
    A_SANCTION,     /* impose or tighten unilateral sanctions */
    A_AID,          /* ease sanctions, provide aid */
    A_PROPOSE,      /* propose talks */
    A_NACTIONS
};

/* Logged event kinds (actions plus interaction outcomes). */
enum {
    EV_MISSILE = 0, EV_NUCLEAR, EV_EXERCISE, EV_THREAT, EV_SANCTION, EV_AID, EV_PROPOSE,
    EV_ACCEPT, EV_REJECT, EV_SUMMIT, EV_STATEMENT, EV_FREEZE, EV_DEAL, EV_NODEAL,
    EV_RENEGE, EV_KEEP, EV_UNSC_PASS, EV_UNSC_VETO, EV_ENFORCE_UP, EV_ENFORCE_DOWN,
    EV_CLASH, EV_WAR, EV_COLLAPSE, EV_LEADER, EV_EXOGENOUS, EV_TALKS_END, EV_COUNT
};

/* Missile classes by reach frontier. */
enum { MC_SRBM = 0, MC_IRBM, MC_ICBM, MC_SLV };

/* Agreement states. */
enum { AG_NONE = 0, AG_STATEMENT, AG_FREEZE, AG_COMPREHENSIVE };

/* Terminal and horizon outcomes (order = brink_sim_outcome_names). */
enum { OUT_WAR = 0, OUT_COLLAPSE, OUT_DEAL, OUT_FREEZE, OUT_STATUS_QUO, OUT_COUNT };

typedef struct sim_leader {
    double w_sec, w_eco, w_pres, risk, discount, lambda, engagement, pressure;
    double delay;        /* discount^(1.5 phases): value share of phased steps */
} sim_leader_t;

typedef struct sim_actor {
    double gdp, gdp0, growth0, growth, defence, defence0, legitimacy, legit0, byungjin;
    double arsenal, stock, reach, reliability, maturity, power, articles;
    int programme, veto, democracy, leader, leader_changed;
    sim_leader_t L;
} sim_actor_t;

typedef struct sim_dyad {
    double threat, threat0, trust, enmity, alliance, trade, sanctions, enforce, enforce0;
    double cap0;         /* to's reachable capability against from at the start */
    double enforce_logged; /* enforcement at the last logged change */
    double escal;        /* exponentially weighted hostile Goldstein mass */
    double hostile;      /* this month's hostile Goldstein mass (positive) from -> to */
    double coop;         /* this month's cooperative events count from -> to */
} sim_dyad_t;

typedef struct sim_talks {
    int open, partner, months, summits, agreement, agreement_partner, deal_month;
    double restraint;    /* force of a statement or deal against tests, 0..1 */
    double pkg[3];       /* d, r, a of the agreement in force */
    int phase;           /* implementation phase reached */
} sim_talks_t;

/* Why a logged choice was made: its utility terms and the runner-up. */
typedef struct sim_why {
    double security, economy, prestige, reaction, total, p;
    int runner_up;
    double runner_total;
} sim_why_t;

/* The model: the scenario turned into arrays, shared read-only. */
typedef struct sim_model {
    const sc_scenario_t *sc;
    sc_params_t P;
    int n, target, start, end;
    int china;           /* the target's main trade partner (patron), or -1 */
    int hostile[SIM_MAXA]; /* actor is an adversary of the target */
    double pkg[SIM_NPKG][3];
    double dec_escal;    /* monthly decay of the escalation index */
} sim_model_t;

/* One run's state. */
typedef struct sim_state {
    const sim_model_t *m;
    brink_ctx_t *ctx;    /* the running thread's context (errors of solvers) */
    brink_rng_t rng;
    int month, run, done, outcome;
    double rivalry, unsc_level, escalation, credibility, bite;
    int resolutions;
    int border_closed;
    int last_nuclear;    /* month of the last nuclear test */
    sim_actor_t a[SIM_MAXA];
    sim_dyad_t d[SIM_MAXA][SIM_MAXA];
    sim_talks_t talks;
    double pchallenge, pfight;
    /* milestones: first month or -1 */
    int first_nuclear, first_icbm, first_summit, first_agreement, first_deal;
    /* the sink for events (NULL: counting only) */
    brink_sim_trace_t *trace;
    /* annual counts, indexed [year - start year][BRINK_COUNT_*] */
    uint16_t counts[100][BRINK_NCOUNTS];
    /* this month's provocation severity (for UNSC rounds), max over tests */
    double severity;
    int tested_this_month;
    int talks_opened_this_month;
    double tv[2][SIM_MAXA]; /* talks values at the start of the month: [for target][partner] */
    int tv_month;
    double aid;          /* aid events towards the target this month */
    double growth_c;     /* the target's annual growth this month */
} sim_state_t;

/* model.c */
brink_status_t sim_model_init(sim_model_t *m, const sc_scenario_t *sc);
/* state.c */
void sim_state_init(sim_state_t *s, const sim_model_t *m, uint64_t seed, uint32_t run);
void sim_schedule(sim_state_t *s);
void sim_set_leader(sim_state_t *s, int i, int k);
/* events.c */
void sim_event(sim_state_t *s, int kind, int actor, int target, int count, const sim_why_t *why,
               const char *fmt, ...) __attribute__((format(printf, 7, 8)));
const char *sim_event_cameo(int kind);
double sim_event_goldstein(int kind);
const char *sim_event_name(int kind);
/* perception.c */
void sim_perception(sim_state_t *s);
void sim_trust_update(sim_state_t *s, int i, int j, double loglr);
/* choice.c */
double sim_logit(const double *u, int n, double lambda, double *p);
void sim_choices(sim_state_t *s);
/* utility.c */
void sim_action_utility(sim_state_t *s, int i, int action, sim_why_t *w);
int sim_action_allowed(const sim_state_t *s, int i, int action);
/* policy.c */
void sim_policies(sim_state_t *s);
double sim_byungjin_optimum(const sim_state_t *s, int i);
/* unsc.c */
void sim_unsc_round(sim_state_t *s, int proposer, double severity);
/* bargain.c */
typedef struct sim_bargain_side {
    double w_sec, w_eco, w_pres, trust, engagement, delay; /* delay = discount^(1.5 phases) */
} sim_bargain_side_t;
typedef struct sim_bargain_in {
    double bite, deter, threat_t, threat_p, sequencing, phases, noise_t, noise_p;
    int democracy, partner_proposes;
    sim_bargain_side_t t, p;
} sim_bargain_in_t;
typedef struct sim_bargain_out {
    int best, acceptable, outcome; /* outcome: AG_* or -1 for no deal */
    double u_t, u_p, nash;
} sim_bargain_out_t;
void sim_package_utility(const sc_params_t *P, const sim_bargain_in_t *in, const double pkg[3],
                         double *u_t, double *u_p);
void sim_bargain_solve(const sim_model_t *m, const sim_bargain_in_t *in, sim_bargain_out_t *out);
void sim_bargain_input(const sim_state_t *s, int partner, sim_bargain_in_t *in);
double sim_talks_value(const sim_state_t *s, int partner, int for_target);
void sim_talks_values(const sim_state_t *s, int partner, double *vt, double *vp);
double sim_talks_cached(sim_state_t *s, int partner, int for_target);
void sim_talks_step(sim_state_t *s);
void sim_talks_open(sim_state_t *s, int proposer, int partner);
/* capability.c */
void sim_capability(sim_state_t *s);
void sim_missile_day(sim_state_t *s, int i, int target, const sim_why_t *why);
void sim_nuclear_test(sim_state_t *s, int i, int target, const sim_why_t *why);
double sim_bite(const sim_state_t *s, int target);
double sim_deterrent(const sim_state_t *s, int i, int j);
/* deterrence.c */
void sim_deterrence(sim_state_t *s);
void sim_deter_payoffs(const sim_state_t *s, int ch, int def, double sq[2], double con[2],
                       double back[2], double conf[2]);
void sim_deter_qre(brink_ctx_t *ctx, const double sq[2], const double con[2],
                   const double back[2], const double conf[2], double lambda, double *cred,
                   double *pch, double *pfight);
/* hazard.c */
void sim_hazard(sim_state_t *s);
/* step.c */
void sim_step(sim_state_t *s);
typedef void (*sim_month_fn)(sim_state_t *s, void *ud);
void sim_run(sim_state_t *s, int until, sim_month_fn on_month, void *ud);
void sim_series(const sim_state_t *s, double v[BRINK_NSERIES]);
const sim_model_t *sim_model_of(const brink_sim_t *sim);

static inline double sim_clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

#endif
