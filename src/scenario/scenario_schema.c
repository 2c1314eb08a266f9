/* scenario_schema.c - the keys of a scenario file: types, ranges, defaults,
 * units and meanings.  docs/scenario-format.md is generated from here
 * (brink validate --reference). */
#include <math.h>
#include <stddef.h>

#include "scenario/scenario_schema.h"

#define REQ SF_REQUIRED
#define NUM(T, f, fl, lo, hi, d, unit, doc) \
    {#f, SK_NUM, offsetof(T, f), fl, lo, hi, d, NULL, NULL, 0, unit, doc}
#define NUMK(key, T, f, fl, lo, hi, d, unit, doc) \
    {key, SK_NUM, offsetof(T, f), fl, lo, hi, d, NULL, NULL, 0, unit, doc}
#define INT(T, f, fl, lo, hi, d, unit, doc) \
    {#f, SK_INT, offsetof(T, f), fl, lo, hi, d, NULL, NULL, 0, unit, doc}
#define BOOL(T, f, d, doc) {#f, SK_BOOL, offsetof(T, f), 0, 0, 1, d, NULL, NULL, 0, NULL, doc}
#define STR(T, f, fl, doc) {#f, SK_STR, offsetof(T, f), fl, 0, 0, 0, NULL, NULL, 0, NULL, doc}
#define MONTH(T, f, fl, doc) \
    {#f, SK_MONTH, offsetof(T, f), fl, 0, 0, 0, NULL, NULL, 0, "YYYY-MM", doc}
#define ENUM(T, f, fl, ch, d, doc) {#f, SK_ENUM, offsetof(T, f), fl, 0, 0, d, ch, NULL, 0, NULL, doc}
#define REF(T, f, fl, doc) {#f, SK_REF, offsetof(T, f), fl, 0, 0, -1, NULL, NULL, 0, "actor", doc}
#define OBJ(T, f, sub, doc) {#f, SK_OBJ, offsetof(T, f), 0, 0, 0, 0, NULL, &sub, 0, NULL, doc}
#define LIST(T, f, fl, n, sub, doc) \
    {#f, SK_LIST, offsetof(T, f), fl, 0, 0, 0, NULL, &sub, offsetof(T, n), NULL, doc}
#define OBJECT(var, T, fields) \
    const schema_obj_t var = {#T, sizeof(T), fields, sizeof fields / sizeof fields[0]}

static const char *const regimes[] = {"autocracy", "democracy", NULL};
static const char *const event_kinds[] = {"border_closure", "border_open", "external_war",
                                          "rivalry_shock", NULL};

static const schema_field_t leader_fields[] = {
    STR(sc_leader_t, name, REQ, "the leader's name"),
    MONTH(sc_leader_t, start, REQ, "month the leader takes office (a scheduled succession or election)"),
    NUM(sc_leader_t, w_security, 0, 0, 1, 0.5, "weight", "utility weight on regime and national security"),
    NUM(sc_leader_t, w_economy, 0, 0, 1, 0.3, "weight", "utility weight on the economy"),
    NUM(sc_leader_t, w_prestige, 0, 0, 1, 0.2, "weight", "utility weight on legitimacy and prestige"),
    NUM(sc_leader_t, risk, 0, -1, 1, 0, "", "risk attitude: below 0 averse, 0 neutral, above 0 acceptant"),
    NUM(sc_leader_t, discount, 0, 0, 1, 0.98, "per month", "monthly discount factor"),
    NUM(sc_leader_t, precision, 0, 0, 1000, 5, "1/utility", "logit choice precision (lambda)"),
};
static OBJECT(leader_obj, sc_leader_t, leader_fields);

static const schema_field_t nuclear_fields[] = {
    BOOL(sc_nuclear_t, programme, 0, "has a nuclear weapons programme"),
    NUM(sc_nuclear_t, arsenal, 0, 0, 100000, 0, "warheads", "nuclear warheads"),
    NUM(sc_nuclear_t, reach, 0, 0, 3, 0, "level", "delivery reach: 0 none, 1 regional, 2 theatre, 3 intercontinental"),
    NUM(sc_nuclear_t, reliability, 0, 0, 1, 0, "probability", "reliability of delivery, learned from tests"),
    NUM(sc_nuclear_t, stock, 0, 0, 100000, 0, "warhead equivalents", "fissile material stock"),
    NUM(sc_nuclear_t, progress, 0, 0, 1, 0, "fraction", "R&D progress towards the next reach level"),
};
static OBJECT(nuclear_obj, sc_nuclear_t, nuclear_fields);

static const schema_field_t actor_fields[] = {
    STR(sc_actor_t, id, REQ, "short unique id used in references (e.g. DPRK)"),
    STR(sc_actor_t, name, 0, "full name"),
    ENUM(sc_actor_t, regime, REQ, regimes, 0, "regime type"),
    BOOL(sc_actor_t, veto, 0, "permanent member of the UN Security Council (holds a veto)"),
    NUM(sc_actor_t, power, REQ, 0, 1, 0, "CINC share", "material power (share of world capabilities)"),
    NUM(sc_actor_t, gdp, REQ, 0.001, 1e6, 1, "billion 2010 USD", "GDP"),
    NUM(sc_actor_t, growth, 0, -0.5, 0.5, 0.02, "per year", "baseline annual real growth"),
    NUM(sc_actor_t, defence, 0, 0, 0.6, 0.02, "share of GDP", "defence effort"),
    NUM(sc_actor_t, legitimacy, 0, 0, 1, 0.7, "0..1", "domestic legitimacy of the regime"),
    NUM(sc_actor_t, byungjin, 0, 0, 1, 0, "share", "share of defence effort going to the nuclear programme"),
    OBJ(sc_actor_t, nuclear, nuclear_obj, "nuclear forces"),
    LIST(sc_actor_t, leaders, REQ, nleaders, leader_obj, "leaders in order of taking office"),
};
static OBJECT(actor_obj, sc_actor_t, actor_fields);

static const schema_field_t dyad_fields[] = {
    REF(sc_dyad_t, from, REQ, "the actor whose view or policy this is"),
    REF(sc_dyad_t, to, REQ, "the actor it concerns"),
    NUM(sc_dyad_t, threat, 0, 0, 1, 0, "0..1", "threat perception of from towards to"),
    NUM(sc_dyad_t, trust, 0, 0, 1, 0.5, "0..1", "trust of from in to (belief that to keeps agreements)"),
    NUM(sc_dyad_t, enmity, 0, 0, 1, 0, "0..1", "historical enmity"),
    NUM(sc_dyad_t, alliance, 0, 0, 1, 0, "0..1", "alliance commitment of from to to"),
    NUM(sc_dyad_t, trade_share, 0, 0, 1, 0, "share", "share of to's trade that is with from"),
    NUM(sc_dyad_t, sanctions, 0, 0, 1, 0, "0..1", "sanctions from imposes on to"),
    NUM(sc_dyad_t, enforcement, 0, 0, 1, 0, "0..1", "from's enforcement of multilateral sanctions on to"),
};
static OBJECT(dyad_obj, sc_dyad_t, dyad_fields);

static const schema_field_t event_fields[] = {
    MONTH(sc_event_t, date, REQ, "month the exogenous event happens"),
    ENUM(sc_event_t, kind, REQ, event_kinds, 0, "what happens (only events from outside the modelled system)"),
    REF(sc_event_t, actor, 0, "the actor concerned"),
    NUM(sc_event_t, value, 0, -1e6, 1e6, 0, "", "size of the shock, where the kind has one"),
    STR(sc_event_t, note, 0, "source or reason"),
};
static OBJECT(event_obj, sc_event_t, event_fields);

static const schema_field_t params_fields[] = {
    NUM(sc_params_t, threat_decay, 0, 0, 1, 0.05, "per month", "decay of threat perception towards its baseline"),
    NUM(sc_params_t, trust_gain, 0, 0, 1, 0.05, "per event", "trust gained per cooperative event"),
    NUM(sc_params_t, trust_loss, 0, 0, 1, 0.1, "per event", "trust lost per hostile event or broken commitment"),
    NUM(sc_params_t, escalation_halflife, 0, 0.1, 120, 3, "months", "half-life of the escalation index"),
    NUM(sc_params_t, war_hazard, 0, 0, 1, 0.002, "per month", "monthly hazard of war at full escalation"),
    NUM(sc_params_t, rivalry, 0, 0, 1, 0.3, "0..1", "great-power rivalry index at the start"),
};
static OBJECT(params_obj, sc_params_t, params_fields);

static const schema_field_t scenario_fields[] = {
    INT(sc_scenario_t, format, REQ, 1, 1, 1, "", "scenario format version (1)"),
    STR(sc_scenario_t, name, REQ, "scenario name"),
    STR(sc_scenario_t, description, 0, "what the scenario is about"),
    MONTH(sc_scenario_t, start, REQ, "first simulated month"),
    MONTH(sc_scenario_t, end, REQ, "last simulated month"),
    REF(sc_scenario_t, target, REQ, "the nuclear aspirant the crisis is about"),
    LIST(sc_scenario_t, actors, REQ, nactors, actor_obj, "the states"),
    LIST(sc_scenario_t, dyads, 0, ndyads, dyad_obj, "directed relations between actors; absent pairs take the defaults"),
    LIST(sc_scenario_t, events, 0, nevents, event_obj, "exogenous schedule"),
    OBJ(sc_scenario_t, params, params_obj, "model parameters"),
};
OBJECT(scenario_schema, sc_scenario_t, scenario_fields);
