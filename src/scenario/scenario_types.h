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
} sc_leader_t;

typedef struct sc_nuclear {
    int programme;       /* has a nuclear weapons programme */
    double arsenal;      /* warheads */
    double reach;        /* 0 none .. 3 intercontinental */
    double reliability;  /* 0..1 */
    double stock;        /* fissile material, warhead equivalents */
    double progress;     /* R&D progress towards the next reach level, 0..1 */
    double maturity;     /* warhead design maturity 0..1, learned from nuclear tests */
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
enum { SC_EV_BORDER_CLOSURE = 0, SC_EV_BORDER_OPEN, SC_EV_EXTERNAL_WAR, SC_EV_RIVALRY_SHOCK };

typedef struct sc_event {
    int date;            /* month */
    int kind;            /* SC_EV_* */
    int actor;           /* actor index, or -1 */
    double value;        /* size of the shock, where the kind has one */
    char *note;          /* the source or reason */
} sc_event_t;

/* Model parameters: every coefficient of docs/model.md (the schema table
 * in scenario_schema.c gives each one's range, default, unit and meaning). */
typedef struct sc_params {
    /* perception and trust */
    double threat_decay, threat_hostility, threat_capability;
    double trust_gain, trust_loss, trust_keep, trust_renege;
    /* escalation and hazards */
    double escalation_halflife, escalation_scale;
    double war_hazard, clash_hazard, collapse_hazard, deter_lambda;
    /* great-power rivalry */
    double rivalry, rivalry_drift, rivalry_ref, unsc_level;
    /* choice */
    double missile_days, salvo_extra, nuclear_rate, count_dispersion, act_rate;
    double frontier_share, test_security, test_prestige, provocation_cost, talks_test_cost;
    /* capability */
    double fissile_rate, article_rate, article_half, rd_rate, rd_test, learn_success, learn_failure, maturity_gain;
    double icbm_reach;
    /* economy and legitimacy */
    double bite_cost, nuclear_cost, growth_noise;
    double legit_adjust, legit_growth, legit_strength, legit_summit;
    /* continuous policies */
    double byungjin_adjust, byungjin_return, enforce_adjust, enforce_unsc, enforce_rivalry,
        enforce_talks, enforce_provocation, defence_adjust, defence_threat;
    /* UN Security Council */
    double unsc_step, veto_base, veto_rivalry, veto_affinity, veto_severity;
    /* bargaining */
    double relief_value, deterrent_value, status_value, assurance_value, denuke_value, relief_cost,
        assurance_cost, audience_cost, statement_prestige, belief_noise, sequencing, phases,
        talks_decay, summit_prestige, statement_decay;
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
} sc_scenario_t;

#endif
