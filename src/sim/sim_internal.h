/*
 * sim_internal.h - the state of one simulated run and the mechanisms that
 * update it, one file each (internal to libbrink; docs/model.md is the
 * specification of the second-generation model).
 *
 * Everything a monthly step touches lives in sim_state_t, a flat struct of
 * fixed-size arrays, so the step never allocates and a run's state can be
 * copied with memcpy.  Actor-independent precomputations (the bargaining
 * package grid, actor roles) live in sim_model_t, built once per scenario
 * and shared read-only by threads.
 *
 * Files and mechanisms (docs/model.md sections in brackets):
 *   forces.c      delivery systems, warhead design goals, adequacy against
 *                 each adversary's countermeasures [M2, M3]
 *   testing.c     the target's testing decisions: capability, leverage,
 *                 prestige, anticipated costs, restraint in talks [M1-M3]
 *   talks.c       talk tracks, summits with momentum, beliefs [M4]
 *   bargain.c     packages, continuation values, keep or renege [M5]
 *   perception.c  threat = capability x mistrust, enmity by reciprocity [M6]
 *   policy.c      Byungjin split, patron support and enforcement,
 *                 missile defence, exercises [M7, M2]
 *   unsc.c        Security Council rounds with a rivalry threshold [M7]
 *   hazard.c      escalation, war, clash and coalition collapse [M8, M9]
 */
#ifndef BRINK_SIM_INTERNAL_H
#define BRINK_SIM_INTERNAL_H

#include <math.h>
#include <stdint.h>

#include "brink/rng.h"
#include "brink/sim.h"
#include "scenario/scenario_types.h"

#define SIM_MAXA 8          /* actors */
#define SIM_GRID 5          /* levels per bargaining issue: 0, .25, .5, .75, 1 */
#define SIM_NPKG (SIM_GRID * SIM_GRID * SIM_GRID)
#define SIM_MAXYEARS 100
#define SIM_MAXMONTHS (SIM_MAXYEARS * 12)

/* Delivery system classes (docs/model.md, M2). */
enum { SYS_SRBM = 0, SYS_IRBM, SYS_ICBM, SYS_SLBM, SYS_MSRBM, SYS_COUNT };

/* Warhead design goals: fission proven, boosted and miniaturised,
 * thermonuclear (docs/model.md, M3). */
#define SIM_DESIGN_GOALS 3

/* Actions of the other actors' menus (the target's tests have their own
 * intensities, testing.c). */
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
    EV_CLASH, EV_WAR, EV_COLLAPSE, EV_LEADER, EV_EXOGENOUS, EV_TALKS_END, EV_MORATORIUM,
    EV_RESUME, EV_DISARM, EV_BMD, EV_SUSPEND, EV_COVERT, EV_COUNT
};

/* Agreement states. */
enum { AG_NONE = 0, AG_STATEMENT, AG_FREEZE, AG_COMPREHENSIVE };

/* Terminal and horizon outcomes (order = brink_sim_outcome_names). */
enum { OUT_WAR = 0, OUT_COLLAPSE, OUT_DEAL, OUT_FREEZE, OUT_STATUS_QUO, OUT_COUNT };

typedef struct sim_leader {
    double w_sec, w_eco, w_pres, risk, discount, lambda, engagement, pressure;
    double horizon;      /* 1 / (1 - discount): months of value of a flow */
    double sequencing;   /* declared sequencing as a counterpart, or -1 (params.sequencing) */
    int since;           /* month the leader took office */
} sim_leader_t;

typedef struct sim_actor {
    double gdp, gdp0, growth0, defence, defence0, byungjin;
    double arsenal, stock, articles, power, fissile_rate;
    double sys[SYS_COUNT];    /* maturity of each delivery system, 0..1 */
    int design;               /* warhead design goals reached, 0..3 */
    int design_tests;         /* tests towards the next goal */
    double bmd;               /* missile defence against the target, 0..1 */
    double bmd_seen;          /* the highest adversary missile defence (target) */
    double loyalty;           /* coalition loyalty (M8), 0..1 */
    double rents0;            /* rents at the start (reference) */
    int programme, veto, democracy, leader, leader_changed, disarmed;
    sim_leader_t L;
} sim_actor_t;

typedef struct sim_dyad {
    double threat, trust, enmity, alliance, trade, sanctions, enforce, enforce0;
    double enforce_logged; /* enforcement at the last logged change */
    double escal;        /* exponentially weighted hostile Goldstein mass */
    double hostile;      /* this month's hostile Goldstein mass (positive) from -> to */
    double coop;         /* this month's cooperative events count from -> to */
} sim_dyad_t;

/* A talks track of the target with one counterpart (M4). */
typedef struct sim_track {
    int open, months, summits, last_summit;
    double belief;       /* the target's belief error about the partner's reservation */
} sim_track_t;

/* The agreement in force (M5). */
/* What a package is valued against: the sanctions bite its relief
 * removes and the monthly war hazards its freeze removes (the preventive
 * window, and the deterrence game's fight in proportion to
 * denuclearization), at signing for a deal in force, now for an offer. */
typedef struct sim_basis {
    double bite, win, fight;
} sim_basis_t;

typedef struct sim_agreement {
    int kind, partner, month, phase, phases;
    double pkg[3];       /* d, r, a */
    sim_basis_t basis;   /* the bite (snap-back level) and war hazards at signing */
    double verify;       /* verification intensity of the deal */
    int covert;          /* the target runs a covert programme under the deal */
} sim_agreement_t;

/* Why a logged choice was made: its utility terms and the best alternative. */
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
    int patron[SIM_MAXA];  /* actor is a patron (ally or trade partner) of the target */
    double pkg[SIM_NPKG][3];
    double dec_escal;    /* monthly decay of the escalation index */
    double dec_attention;/* monthly decay of the attention stock */
    double dec_momentum; /* monthly decay of summit momentum */
} sim_model_t;

/* Per-run pattern statistics (validation), month-resolved. */
typedef struct sim_month_rec {
    uint16_t missiles;
    uint8_t talks;       /* talks open or agreement (not a bare statement) in force */
    uint8_t summits;
} sim_month_rec_t;

/* Values read once a month (bargain.c). */
typedef struct sim_month_cache {
    int month;           /* month of the values (-1: none) */
    double forgone;      /* capability growth a freeze forgoes */
    double lat[SIM_MAXA];/* the deterrent a rollback gives up, per adversary */
} sim_month_cache_t;

/* One run's state. */
typedef struct sim_state {
    const sim_model_t *m;
    brink_ctx_t *ctx;    /* the running thread's context (errors of solvers) */
    brink_rng_t rng;
    int month, run, done, outcome;
    double rivalry, unsc_level, escalation, credibility, bite;
    int border_closed;
    int last_nuclear;    /* month of the last nuclear test */
    int last_resolution; /* month of the last UNSC resolution */
    int moratorium;      /* the target has declared a nuclear test moratorium */
    int lr_moratorium;   /* ... and a moratorium on long-range missile tests */
    double attention;    /* adversaries' attention stock (M1), 0..1 */
    double adeq_slow;    /* the target's adequacy against its strongest adversary, averaged over a year */
    double surprise;     /* leverage motive after a failed summit, decays */
    double momentum;     /* summit momentum (Hawkes excitation) */
    double exercise;     /* this month's exercise severity against the target */
    double suspended;    /* adversaries' exercise suspension, 0..1 */
    sim_actor_t a[SIM_MAXA];
    sim_dyad_t d[SIM_MAXA][SIM_MAXA];
    sim_track_t tr[SIM_MAXA];
    sim_agreement_t ag;
    double pchallenge, pfight;
    double war_win, war_fight; /* this month's war hazard from the preventive window and from the deterrence game */
    /* milestones: first month or -1 */
    int first_nuclear, first_icbm, first_summit, first_agreement, first_deal;
    /* the sink for events (NULL: counting only) */
    brink_sim_trace_t *trace;
    /* annual counts, indexed [year - start year][BRINK_COUNT_*] */
    uint16_t counts[SIM_MAXYEARS][BRINK_NCOUNTS];
    uint16_t vetoes_y[SIM_MAXYEARS];
    sim_month_rec_t mrec[SIM_MAXMONTHS];
    /* this month's provocation severity (for UNSC rounds), max over tests */
    double severity;
    int tested_this_month;
    double aid;          /* aid towards the target this month (share of GDP) */
    double growth_c;     /* the target's annual growth this month */
    double rents;        /* the target's coalition rents this month */
    double tv[2][SIM_MAXA]; /* talks values this month: [for target][counterpart] */
    int tv_month;        /* month of tv (-1: none) */
    sim_month_cache_t mc;
    struct sim_play *play; /* an actor played from outside (play.c), NULL: none */
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
void sim_count(sim_state_t *s, int k, int n);
/* perception.c */
void sim_perception(sim_state_t *s);
void sim_trust_update(sim_state_t *s, int i, int j, double loglr);
double sim_capability_against(const sim_state_t *s, int j, int i);
/* choice.c: the other actors' discrete actions */
double sim_logit(const double *u, int n, double lambda, double *p);
void sim_choices(sim_state_t *s);
/* forces.c */
double sim_adequacy(const sim_state_t *s, int i, int k, const double *sys);
double sim_adequacy_all(const sim_state_t *s, int i, const double *sys);
double sim_potential_adequacy(const sim_state_t *s, int i, int k);
double sim_security_need(const sim_state_t *s, int i);
double sim_reach(const sim_actor_t *a);
double sim_nuclear_potential(const sim_actor_t *a);
double sim_reliability(const sim_actor_t *a);
int sim_system_testable(const sim_actor_t *a, int k);
double sim_system_reach(int k);
void sim_forces(sim_state_t *s);
double sim_deterrent(const sim_state_t *s, int j, int i);
double sim_bite(const sim_state_t *s, int target);
/* testing.c */
void sim_testing(sim_state_t *s);
void sim_missile_day(sim_state_t *s, int T, int k, int tgt, const sim_why_t *why);
void sim_nuclear_test(sim_state_t *s, int T, int tgt, const sim_why_t *why);
double sim_test_value(sim_state_t *s, int nuclear, double *capability, double *leverage,
                      double *prestige, double *cost);
double sim_restraint_cost(const sim_state_t *s, int nuclear);
double sim_talks_prospect(const sim_state_t *s);
/* policy.c */
void sim_policies(sim_state_t *s);
double sim_byungjin_optimum(const sim_state_t *s, int i);
double sim_leakage(const sim_state_t *s);
/* unsc.c */
void sim_unsc_round(sim_state_t *s, int proposer, double severity);
double sim_veto_probability(const sim_state_t *s, int k, double severity);
/* bargain.c */
typedef struct sim_values {
    double t_deal, t_out, p_deal, p_out; /* monthly flow values */
} sim_values_t;
void sim_basis_now(const sim_state_t *s, sim_basis_t *b);
void sim_package_values(const sim_state_t *s, int partner, const double pkg[3],
                        const sim_basis_t *b, int remaining, sim_values_t *v);
int sim_bargain_best(const sim_state_t *s, int partner, double noise_t, double noise_p,
                     double *ut, double *up);
void sim_agreement_step(sim_state_t *s);
void sim_agreement_sign(sim_state_t *s, int partner, int pkg);
void sim_agreement_breach(sim_state_t *s, int who, const char *why);
double sim_agreement_keep_margin(const sim_state_t *s, int for_target);
/* talks.c */
void sim_talks_step(sim_state_t *s);
double sim_talks_open_value(const sim_state_t *s, int j, int for_target);
int sim_talks_open_any(const sim_state_t *s);
void sim_talks_breach(sim_state_t *s);
/* deterrence.c */
void sim_deterrence(sim_state_t *s);
void sim_deter_payoffs(const sim_state_t *s, int ch, int def, double sq[2], double con[2],
                       double back[2], double conf[2]);
void sim_deter_qre(brink_ctx_t *ctx, const double sq[2], const double con[2],
                   const double back[2], const double conf[2], double lambda, double *cred,
                   double *pch, double *pfight);
/* economy.c */
void sim_economy(sim_state_t *s);
/* hazard.c */
void sim_hazard(sim_state_t *s);
/* step.c */
void sim_step(sim_state_t *s);
typedef void (*sim_month_fn)(sim_state_t *s, void *ud);
void sim_run(sim_state_t *s, int until, sim_month_fn on_month, void *ud);
void sim_series(const sim_state_t *s, double v[BRINK_NSERIES]);
const sim_model_t *sim_model_of(const brink_sim_t *sim);
/* patterns.c: the record table (years y0..y1, counts then vetoes, -1 where
 * missing) and its pattern values */
int sim_record_table(const sc_scenario_t *sc, int (*rec)[BRINK_NCOUNTS + 1], int *y0, int *y1,
                     double observed[3]);
double sim_record_pattern(const int (*rec)[BRINK_NCOUNTS + 1], int y0, int y1,
                          const double observed[3], int k);
void sim_patterns(const sim_state_t *s, int until, brink_sim_patterns_t *out);

/* play.c: one actor's choices made from outside the model (brink/play.h).
 * sim_play_choice is called with the menu of actor i after its logit
 * probabilities p: -1 leaves the choice to the model, otherwise the index
 * of the one action the player chose this month.  sim_play_willing gives
 * actor j's willingness to talk with the target (the model's w unless the
 * player took a stance this month). */
typedef struct sim_play sim_play_t;
int sim_play_choice(sim_state_t *s, int i, const int *acts, const double *u, const double *p,
                    int na);
double sim_play_willing(const sim_state_t *s, int j, double w);

static inline double sim_clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

static inline double sim_sigmoid(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

#endif
