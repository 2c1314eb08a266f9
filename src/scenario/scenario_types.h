/*
 * scenario_types.h - the typed contents of a scenario file (internal; read
 * by the simulation).  Filled by the schema tables in scenario_schema.c;
 * every field there has its range, default, unit and meaning, and
 * docs/scenario-format.md is generated from those tables.
 *
 * Months are month indexes (year*12 + month-1).  Actor references are
 * indexes into actors[], resolved and checked at load time.
 */
#ifndef BRINK_SCENARIO_TYPES_H
#define BRINK_SCENARIO_TYPES_H

#include <stddef.h>

enum { SC_AUTOCRACY = 0, SC_DEMOCRACY = 1 };

typedef struct sc_leader {
    char *name;
    int start;           /* month the leader takes office */
    double w_security;   /* utility weight on regime and national security */
    double w_economy;    /* utility weight on the economy */
    double w_prestige;   /* utility weight on legitimacy and prestige */
    double risk;         /* risk attitude: <0 averse, 0 neutral, >0 acceptant */
    double discount;     /* monthly discount factor */
    double precision;    /* logit choice precision (lambda) */
    double engagement;   /* weight on diplomatic engagement (talks, summits) */
    double pressure;     /* weight on coercive pressure (sanctions, exercises, threats) */
    double sequencing;   /* declared sequencing of deals (0 action for action, 1 target first); -1: params.sequencing */
} sc_leader_t;

typedef struct sc_nuclear {
    int programme;       /* has a nuclear weapons programme */
    double arsenal;      /* warheads */
    double stock;        /* fissile material, warhead equivalents */
    double fissile_rate; /* warheads a year of fissile material at a nuclear share of 1 */
    int design;          /* warhead design goals reached: 0 none, 1 fission, 2 boosted, 3 thermonuclear */
    double srbm, irbm, icbm, slbm, msrbm; /* maturity of each delivery system class, 0..1 */
    double articles;     /* missile test articles on hand */
} sc_nuclear_t;

typedef struct sc_actor {
    char *id;
    char *name;
    int regime;          /* SC_AUTOCRACY or SC_DEMOCRACY */
    int veto;            /* permanent member of the UN Security Council */
    double power;        /* CINC share */
    double gdp;          /* GDP, billions of constant 2010 USD */
    double growth;       /* baseline annual real growth */
    double defence;      /* defence effort: share of GDP */
    double legitimacy;   /* domestic legitimacy 0..1 */
    double byungjin;     /* share of defence effort to the nuclear programme */
    double reach_needed; /* delivery reach the target needs to strike this actor */
    double bmd;          /* missile defence against the target at the start, 0..1 */
    sc_nuclear_t nuclear;
    sc_leader_t *leaders;
    size_t nleaders;
} sc_actor_t;

typedef struct sc_dyad {
    int from, to;        /* actor indexes */
    double threat;       /* threat perception of from towards to */
    double trust;        /* trust of from in to */
    double enmity;       /* historical enmity */
    double alliance;     /* alliance commitment of from to to */
    double trade_share;  /* share of to's trade that is with from */
    double sanctions;    /* sanctions from imposes on to */
    double enforcement;  /* from's enforcement of multilateral sanctions on to */
} sc_dyad_t;

/* Exogenous events: only things outside the modelled system.  Leader
 * successions and elections are the actors' leader lists. */
enum { SC_EV_BORDER_CLOSURE = 0, SC_EV_BORDER_OPEN, SC_EV_EXTERNAL_WAR, SC_EV_RIVALRY_SHOCK,
       SC_EV_THREAT_SHOCK, SC_EV_UN_MEASURES, SC_EV_REGIME_CHANGE, SC_EV_SANCTIONS };

typedef struct sc_event {
    int date;            /* month */
    int kind;            /* SC_EV_* */
    int actor;           /* actor index, or -1 */
    int to;              /* the other actor of a dyadic shock, or -1 */
    double value;        /* size of the shock, where the kind has one */
    char *note;          /* the source or reason */
} sc_event_t;

/* Model parameters: every coefficient of docs/model.md (the schema table
 * in scenario_schema.c gives each one's range, default, unit and meaning). */
typedef struct sc_params {
    /* perception and trust (M6) */
    double threat_adjust, threat_enmity, enmity_halflife, enmity_hostility, enmity_coop;
    double trust_gain, trust_loss, trust_keep, trust_renege, trust_signal;
    /* escalation and hazards (M9, M8) */
    double escalation_halflife, escalation_scale;
    double war_hazard, clash_hazard, window_weight, collapse_hazard, collapse_threshold,
        deter_lambda;
    /* great-power rivalry and patrons (M7) */
    double rivalry, rivalry_drift, rivalry_ref, unsc_level, attention, leakage_max, patron_aid;
    /* testing (M1-M3) */
    double missile_days, salvo_extra, nuclear_rate, count_dispersion, act_rate;
    double test_security, test_prestige, provocation_cost, leverage_value, attention_halflife,
        attention_gain, surprise_gain, surprise_halflife, moratorium_cost, threshold_cost, test_cost;
    /* forces (M2, M3) */
    double article_rate, article_half, rd_rate, learn_success, learn_failure, design_tests,
        nuclear_prep, bmd_rate, bmd_decay, bmd_effect;
    /* economy and the ruling coalition (M8) */
    double bite_cost, nuclear_cost, growth_noise, loyalty_adjust, loyalty_prestige,
        consolidation, consolidation_cost;
    /* continuous policies */
    double byungjin_adjust, byungjin_return, byungjin_weight, enforce_adjust, enforce_unsc, enforce_rivalry,
        enforce_talks, enforce_provocation, defence_adjust, defence_threat, exercise_rate,
        exercise_scale, exercise_response;
    /* UN Security Council (M7) */
    double unsc_step, unsc_gap, veto_threshold, veto_slope, veto_affinity, veto_severity;
    /* talks (M4) */
    double talks_open_rate, talks_cost, talks_decay, round_rate, summit_rate, momentum_gain, momentum_halflife,
        summit_prestige, statement_prestige, belief_noise, patron_interest;
    /* agreements (M5) */
    double relief_value, aid_value, deterrent_value, status_value, assurance_value, denuke_value,
        nonproliferation_value, relief_cost, assurance_cost, audience_cost, sequencing, phases,
        verification, verification_cost, renege_base, renege_precision, reputation_cost,
        phase_months, cheat_precision, detection_rate, war_stakes, crisis, latent_weight, concession_cost;
} sc_params_t;

/* A free parameter for calibration (brink calibrate): a numeric key and its
 * prior.  Priors: uniform on [a, b]; normal with mean a and standard
 * deviation b truncated to the key's range; log-uniform on [a, b] (a > 0). */
enum { SC_PRIOR_UNIFORM = 0, SC_PRIOR_NORMAL, SC_PRIOR_LOG_UNIFORM };

typedef struct sc_free {
    char *path;          /* a numeric key, e.g. params.missile_days */
    int prior;           /* SC_PRIOR_* */
    double a, b;         /* the prior's parameters */
    char *note;          /* why this prior */
} sc_free_t;

/* One year of the historical record the scenario is compared with
 * (-1: not recorded). */
typedef struct sc_record {
    int year;
    int missiles, launch_days, nuclear_tests, icbm_launches, unsc_resolutions, leader_summits,
        vetoes;
    char *source;
} sc_record_t;

/* Month-resolved patterns of the record that annual totals cannot give
 * (-1: not recorded). */
typedef struct sc_observed {
    double moratorium;   /* launch rate in talks or deal months / rate outside */
    double rebound;      /* launches 12 months after talks ended / 12 months before they opened */
    double summits12;    /* most leader summits with adversaries in 12 consecutive months */
    char *note;          /* sources and how they were counted */
} sc_observed_t;

typedef struct sc_scenario {
    int format;          /* file format version (1) */
    char *name;
    char *description;
    int start, end;      /* first and last simulated month */
    int target;          /* the nuclear aspirant the crisis is about */
    sc_actor_t *actors;
    size_t nactors;
    sc_dyad_t *dyads;
    size_t ndyads;
    sc_event_t *events;
    size_t nevents;
    sc_params_t params;
    sc_free_t *free;     /* parameters left free for calibration */
    size_t nfree;
    sc_record_t *record; /* the historical record, by year */
    size_t nrecord;
    sc_observed_t observed; /* month-resolved patterns of the record */
} sc_scenario_t;

#endif
