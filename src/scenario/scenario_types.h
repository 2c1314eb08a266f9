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
} sc_leader_t;

typedef struct sc_nuclear {
    int programme;       /* has a nuclear weapons programme */
    double arsenal;      /* warheads */
    double reach;        /* 0 none .. 3 intercontinental */
    double reliability;  /* 0..1 */
    double stock;        /* fissile material, warhead equivalents */
    double progress;     /* R&D progress towards the next reach level, 0..1 */
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

typedef struct sc_params {
    double threat_decay;        /* monthly decay of threat towards its baseline */
    double trust_gain;          /* trust gained per cooperative event */
    double trust_loss;          /* trust lost per hostile event or broken commitment */
    double escalation_halflife; /* months */
    double war_hazard;          /* base monthly hazard of war at full escalation */
    double rivalry;             /* great-power rivalry index at the start, 0..1 */
} sc_params_t;

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
} sc_scenario_t;

#endif
