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
    NUM(sc_leader_t, precision, 0, 0, 1000, 8, "1/utility", "logit choice precision (lambda)"),
    NUM(sc_leader_t, engagement, 0, 0, 1, 0.4, "weight", "weight on diplomatic engagement: the prestige of talks and summits and the wish to reach a deal"),
    NUM(sc_leader_t, pressure, 0, 0, 1, 0.5, "weight", "weight on coercive pressure: the value put on sanctions, exercises and threats against the target"),
};
static OBJECT(leader_obj, sc_leader_t, leader_fields);

static const schema_field_t nuclear_fields[] = {
    BOOL(sc_nuclear_t, programme, 0, "has a nuclear weapons programme"),
    NUM(sc_nuclear_t, arsenal, 0, 0, 100000, 0, "warheads", "nuclear warheads"),
    NUM(sc_nuclear_t, reach, 0, 0, 3, 0, "level", "delivery reach: 0 none, 1 regional, 2 theatre, 3 intercontinental"),
    NUM(sc_nuclear_t, reliability, 0, 0, 1, 0, "probability", "reliability of delivery, learned from tests"),
    NUM(sc_nuclear_t, stock, 0, 0, 100000, 0, "warhead equivalents", "fissile material stock"),
    NUM(sc_nuclear_t, progress, 0, 0, 1, 0, "fraction", "R&D progress towards the next reach level"),
    NUM(sc_nuclear_t, articles, 0, 0, 10000, 0, "test articles", "missiles for development tests on hand (a launch day uses one)"),
    NUM(sc_nuclear_t, maturity, 0, 0, 1, 0, "0..1", "warhead design maturity, learned from nuclear tests (1: a proven, deliverable design)"),
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
    NUM(sc_actor_t, reach_needed, 0, 0, 3, 1, "level", "delivery reach the scenario's target needs to strike this actor (geography: 1 neighbours, 3 another continent)"),
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

static const char *const priors[] = {"uniform", "normal", "log_uniform", NULL};

static const schema_field_t free_fields[] = {
    STR(sc_free_t, path, REQ, "a numeric key of this scenario (e.g. params.missile_days, actors[DPRK].leaders[1].risk)"),
    ENUM(sc_free_t, prior, REQ, priors, 0, "prior distribution: uniform on [a, b]; normal with mean a and standard deviation b, truncated to the key's range; log_uniform on [a, b] with a > 0"),
    NUM(sc_free_t, a, REQ, -1e9, 1e9, 0, "key's unit", "lower bound (uniform, log_uniform) or mean (normal)"),
    NUM(sc_free_t, b, REQ, -1e9, 1e9, 1, "key's unit", "upper bound (uniform, log_uniform) or standard deviation (normal)"),
    STR(sc_free_t, note, 0, "the source or reasoning of the prior"),
};
static OBJECT(free_obj, sc_free_t, free_fields);

static const schema_field_t params_fields[] = {
    NUM(sc_params_t, threat_decay, 0, 0, 1, 0.08, "per month", "smoothing rate of threat perception towards its current drivers (spiral model, literature 7.2)"),
    NUM(sc_params_t, threat_hostility, 0, 0, 10, 0.15, "per Goldstein/10", "weight of the other's hostile events (negative Goldstein sum / 10) in the threat driver"),
    NUM(sc_params_t, threat_capability, 0, 0, 1, 0.35, "0..1", "weight of the other's nuclear capability that can reach the perceiver in the threat driver"),
    NUM(sc_params_t, trust_gain, 0, 0, 5, 0.15, "log-odds per event", "log likelihood ratio of a cooperative event in the Bayesian trust update (Kydd 2005)"),
    NUM(sc_params_t, trust_loss, 0, 0, 5, 0.01, "log-odds per event", "log likelihood ratio against trustworthiness of a hostile event"),
    NUM(sc_params_t, trust_keep, 0, 0, 5, 0.3, "log-odds per month", "log likelihood ratio of a month in which an agreement step is kept"),
    NUM(sc_params_t, trust_renege, 0, 0, 10, 1.2, "log-odds per event", "log likelihood ratio against trustworthiness of reneging on an agreement"),
    NUM(sc_params_t, escalation_halflife, 0, 0.1, 120, 3, "months", "half-life of the escalation index (exponentially weighted Goldstein sum)"),
    NUM(sc_params_t, escalation_scale, 0, 0.1, 1000, 120, "Goldstein units", "hostile Goldstein mass at which the normalised escalation index reaches 1-1/e"),
    NUM(sc_params_t, war_hazard, 0, 0, 1, 0.01, "per month", "monthly hazard of war at full escalation and certain fighting in the deterrence game"),
    NUM(sc_params_t, clash_hazard, 0, 0, 1, 0.01, "per month", "monthly hazard of an armed clash at full escalation and certain challenge"),
    NUM(sc_params_t, collapse_hazard, 0, 0, 1, 0.02, "per month", "monthly hazard of regime collapse at zero legitimacy (falls linearly to 0 at legitimacy 0.25)"),
    NUM(sc_params_t, deter_lambda, 0, 0, 1000, 4, "1/utility", "logit precision of the agent QRE of the derived deterrence game (0: subgame-perfect)"),
    NUM(sc_params_t, rivalry, 0, 0, 1, 0.3, "0..1", "great-power rivalry index (USA-CHN, USA-RUS) at the start"),
    NUM(sc_params_t, rivalry_ref, 0, 0, 1, 0.3, "0..1", "rivalry level at which the scenario's enforcement values were observed"),
    NUM(sc_params_t, unsc_level, 0, 0, 1, 0.3, "0..1", "level of the UN sanctions regime on the target at the start"),
    NUM(sc_params_t, rivalry_drift, 0, -0.2, 0.2, 0.01, "per year", "trend of the rivalry index (plus rivalry_shock events)"),
    NUM(sc_params_t, missile_days, 0, 0, 31, 2.5, "launch days per month", "expected missile launch days in a month when the missile test has all the choice probability"),
    NUM(sc_params_t, salvo_extra, 0, 0, 10, 0.6, "missiles", "mean of the Poisson number of extra missiles per launch day (salvo size = 1 + Poisson)"),
    NUM(sc_params_t, nuclear_rate, 0, 0, 1, 0.15, "per month", "nuclear tests in a month when the nuclear test has all the choice probability"),
    NUM(sc_params_t, count_dispersion, 0, 0.05, 1000, 1.0, "k", "negative-binomial dispersion of launch-day counts (variance m + m^2/k)"),
    NUM(sc_params_t, act_rate, 0, 0, 31, 1.0, "per month", "expected number of other discrete actions (threats, exercises, sanctions, proposals) at full choice probability"),
    NUM(sc_params_t, frontier_share, 0, 0, 1, 0.3, "share", "share of launch days that test the reach frontier (the rest are short-range)"),
    NUM(sc_params_t, test_security, 0, 0, 10, 1.6, "utility", "security value of a frontier missile test at full incompleteness of the force"),
    NUM(sc_params_t, test_prestige, 0, 0, 10, 0.6, "utility", "prestige value of a test (demonstrated strength), scaled by the legitimacy gap"),
    NUM(sc_params_t, provocation_cost, 0, 0, 10, 1.5, "utility", "expected economic cost per unit of anticipated sanctions tightening after a provocation"),
    NUM(sc_params_t, talks_test_cost, 0, 0, 10, 2.0, "utility", "cost of testing while talks are open or an agreement or statement is in force (lost relief, lost summit prestige)"),
    NUM(sc_params_t, fissile_rate, 0, 0, 100, 6, "warheads per year", "fissile-material production at a nuclear share of 1 (SIPRI: about 3-4 warheads a year, 2012-2019)"),
    NUM(sc_params_t, article_rate, 0, 0, 1000, 15, "test articles per year", "production of missile test articles at a nuclear share of 1"),
    NUM(sc_params_t, article_half, 0, 0.01, 1000, 3, "test articles", "test articles on hand at which the launch-day intensity is half its maximum"),
    NUM(sc_params_t, rd_rate, 0, 0, 10, 0.12, "reach levels per year", "reach progress from investment at a nuclear share of 1"),
    NUM(sc_params_t, rd_test, 0, 0, 1, 0.08, "reach levels", "reach progress per successful frontier test (half for a failure)"),
    NUM(sc_params_t, learn_success, 0, 0, 1, 0.06, "fraction", "share of the reliability gap closed by a successful frontier test"),
    NUM(sc_params_t, learn_failure, 0, 0, 1, 0.02, "fraction", "share of the reliability gap closed by a failed frontier test"),
    NUM(sc_params_t, maturity_gain, 0, 0, 1, 0.3, "fraction", "share of the design-maturity gap closed by a nuclear test"),
    NUM(sc_params_t, icbm_reach, 0, 0, 3, 2.5, "level", "reach at which frontier tests are ICBM-class"),
    NUM(sc_params_t, bite_cost, 0, 0, 1, 0.08, "per year", "annual growth lost per unit of sanctions bite"),
    NUM(sc_params_t, nuclear_cost, 0, 0, 1, 0.02, "per year", "annual growth lost per unit of Byungjin share (resources diverted from the economy)"),
    NUM(sc_params_t, growth_noise, 0, 0, 1, 0.012, "per year", "standard deviation of annual growth shocks"),
    NUM(sc_params_t, legit_adjust, 0, 0, 1, 0.05, "per month", "partial-adjustment rate of legitimacy"),
    NUM(sc_params_t, legit_growth, 0, 0, 100, 4, "per unit growth", "legitimacy gained per unit of annual growth"),
    NUM(sc_params_t, legit_strength, 0, 0, 10, 0.15, "0..1", "legitimacy from demonstrated strength (reach x reliability / 3)"),
    NUM(sc_params_t, legit_summit, 0, 0, 1, 0.05, "0..1", "legitimacy gained from a leader summit"),
    NUM(sc_params_t, byungjin_adjust, 0, 0, 1, 0.06, "per month", "partial-adjustment rate of the Byungjin split towards its optimum"),
    NUM(sc_params_t, byungjin_return, 0, 0.01, 100, 4, "1/share", "curvature of the security return ln(1 + k s) of the nuclear share s"),
    NUM(sc_params_t, enforce_adjust, 0, 0, 1, 0.06, "per month", "partial-adjustment rate of a third party's sanctions enforcement"),
    NUM(sc_params_t, enforce_unsc, 0, 0, 2, 0.5, "per level", "rise of enforcement with the UN sanctions level"),
    NUM(sc_params_t, enforce_rivalry, 0, 0, 2, 0.6, "per rivalry", "fall of enforcement by patrons of the target as great-power rivalry rises"),
    NUM(sc_params_t, enforce_talks, 0, 0, 1, 0.2, "share", "fall of enforcement while talks are open or a statement is in force"),
    NUM(sc_params_t, enforce_provocation, 0, 0, 2, 0.15, "per escalation", "rise of enforcement with the escalation index (the patron's wish for stability)"),
    NUM(sc_params_t, defence_adjust, 0, 0, 1, 0.02, "per month", "partial-adjustment rate of defence effort"),
    NUM(sc_params_t, defence_threat, 0, 0, 2, 0.3, "per threat", "relative rise of defence effort per unit of threat perception"),
    NUM(sc_params_t, unsc_step, 0, 0, 1, 0.22, "share of the gap", "rise of the UN sanctions level per resolution (share of the remaining gap to 1)"),
    NUM(sc_params_t, veto_base, 0, -20, 20, -1.5, "log-odds", "log-odds of a veto at zero rivalry, affinity and severity"),
    NUM(sc_params_t, veto_rivalry, 0, 0, 20, 3, "log-odds", "log-odds of a veto per unit of great-power rivalry"),
    NUM(sc_params_t, veto_affinity, 0, 0, 20, 2, "log-odds", "log-odds of a veto per unit of alliance with the target"),
    NUM(sc_params_t, veto_severity, 0, 0, 20, 3, "log-odds", "fall of the log-odds of a veto per unit of severity (1 for a nuclear test)"),
    NUM(sc_params_t, relief_value, 0, 0, 100, 4, "utility", "target's value of full sanctions relief per unit of sanctions bite"),
    NUM(sc_params_t, deterrent_value, 0, 0, 100, 2.0, "utility", "target's loss from full denuclearization per unit of deterrent credibility and threat"),
    NUM(sc_params_t, status_value, 0, 0, 100, 1.0, "utility", "target leader's prestige loss from giving up nuclear-weapon status (full denuclearization)"),
    NUM(sc_params_t, assurance_value, 0, 0, 100, 0.6, "utility", "target's value of full security assurances per unit of threat"),
    NUM(sc_params_t, denuke_value, 0, 0, 100, 2.0, "utility", "counterpart's value of full denuclearization per unit of threat"),
    NUM(sc_params_t, relief_cost, 0, 0, 100, 0.6, "utility", "counterpart's cost of full sanctions relief"),
    NUM(sc_params_t, assurance_cost, 0, 0, 100, 0.4, "utility", "counterpart's cost of full assurances and suspended exercises"),
    NUM(sc_params_t, audience_cost, 0, 0, 100, 0.8, "utility", "democratic counterpart's audience cost per unit of relief plus assurances beyond denuclearization"),
    NUM(sc_params_t, statement_prestige, 0, 0, 100, 0.35, "utility", "each leader's prestige from a declaratory statement at a summit, times engagement"),
    NUM(sc_params_t, belief_noise, 0, 0, 10, 0.1, "utility", "standard deviation of each side's error about the other's reservation value"),
    NUM(sc_params_t, sequencing, 0, 0, 1, 0.5, "0..1", "sequencing of deals: 0 action for action (small phased steps), 1 big deal (the target disarms first)"),
    NUM(sc_params_t, phases, 0, 1, 100, 4, "phases", "number of implementation phases of an action-for-action deal"),
    NUM(sc_params_t, talks_decay, 0, 0, 1, 0.15, "per month", "hazard that open talks without a summit collapse"),
    NUM(sc_params_t, summit_prestige, 0, 0, 100, 0.6, "utility", "prestige value to the target's leader of meeting the counterpart's leader, times engagement"),
    NUM(sc_params_t, statement_decay, 0, 0, 1, 0.06, "per month", "monthly decay of a declaratory statement's restraining force without implemented relief"),
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
    LIST(sc_scenario_t, free, 0, nfree, free_obj, "parameters left free for calibration (brink calibrate), each with its prior"),
};
OBJECT(scenario_schema, sc_scenario_t, scenario_fields);
