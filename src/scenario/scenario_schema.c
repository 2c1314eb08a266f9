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
                                          "rivalry_shock", "threat_shock", "un_measures",
                                          "regime_change", "sanctions", NULL};

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
    NUM(sc_leader_t, sequencing, 0, -1, 1, -1, "0..1", "the sequencing of deals this leader declared as a counterpart: 0 action for action (reciprocal phased steps), 1 the target disarms first (\"complete, verifiable, irreversible dismantlement\" before relief); -1 (the default) takes params.sequencing, the lever; a fact of the case, from the leader's declared policy"),
};
static OBJECT(leader_obj, sc_leader_t, leader_fields);

static const schema_field_t nuclear_fields[] = {
    BOOL(sc_nuclear_t, programme, 0, "has a nuclear weapons programme (its tests and production are modelled when it is the scenario's target)"),
    NUM(sc_nuclear_t, arsenal, 0, 0, 100000, 0, "warheads", "nuclear warheads"),
    NUM(sc_nuclear_t, stock, 0, 0, 100000, 0, "warhead equivalents", "fissile material stock"),
    NUM(sc_nuclear_t, fissile_rate, 0, 0, 1000, 0, "warheads per year", "fissile-material production at a nuclear share of 1 (the actor's own enrichment and reprocessing capacity)"),
    INT(sc_nuclear_t, design, 0, 0, 3, 0, "goals", "warhead design goals reached: 0 none, 1 a fission device proven, 2 boosted and miniaturised, 3 thermonuclear"),
    NUM(sc_nuclear_t, srbm, 0, 0, 1, 0, "0..1", "maturity of short-range ballistic missiles (reach 1: neighbours)"),
    NUM(sc_nuclear_t, irbm, 0, 0, 1, 0, "0..1", "maturity of medium- and intermediate-range missiles (reach 2: the region and theatre bases)"),
    NUM(sc_nuclear_t, icbm, 0, 0, 1, 0, "0..1", "maturity of intercontinental missiles and space launchers (reach 3)"),
    NUM(sc_nuclear_t, slbm, 0, 0, 1, 0, "0..1", "maturity of submarine-launched missiles (reach 2, survivable)"),
    NUM(sc_nuclear_t, msrbm, 0, 0, 1, 0, "0..1", "maturity of a second generation of short-range missiles built against missile defence (solid fuel, manoeuvring, low trajectories; reach 1)"),
    NUM(sc_nuclear_t, articles, 0, 0, 10000, 0, "test articles", "missiles for development tests on hand (a launch day uses one)"),
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
    NUM(sc_actor_t, reach_needed, 0, 0, 3, 1, "level", "delivery reach the scenario's target needs to strike this actor (geography: 1 neighbours, 2 the region, 3 another continent)"),
    NUM(sc_actor_t, bmd, 0, 0, 1, 0, "0..1", "missile defence that covers this actor against the target's missiles at the start"),
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
    REF(sc_event_t, actor, 0, "the actor concerned (threat_shock: the perceiver; sanctions: the sanctioning actor; regime_change: the actor whose regime changes)"),
    REF(sc_event_t, to, 0, "the other actor of a dyadic event (threat_shock: the actor perceived; sanctions: the actor sanctioned)"),
    NUM(sc_event_t, value, 0, -1e6, 1e6, 0, "", "size of the shock: rivalry_shock and external_war change rivalry by value; threat_shock changes the perceiver's enmity towards the other by value; un_measures changes the UN sanctions level by value (negative: lifted); sanctions sets the actor's sanctions on the other to value; regime_change with value 1 makes the regime a democracy, 0 an autocracy"),
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

/* Every coefficient of docs/model.md.  Each meaning ends with where its
 * default comes from: [ref] a reference class outside the DPRK record,
 * [theory] a published model, [judgement] a reasoned guess, [calibrated] left
 * free and fitted to the record (the scenario's free list). */
static const schema_field_t params_fields[] = {
    NUM(sc_params_t, threat_adjust, 0, 0, 1, 0.08, "per month", "partial-adjustment rate of threat perception towards capability x mistrust (M6) [judgement: a half-life of about 8 months]"),
    NUM(sc_params_t, threat_enmity, 0, 0, 1, 0.5, "share", "weight of the enmity stock (the rest: distrust) in the intentions part of threat (M6) [theory: Walt 1987, equal weights]"),
    NUM(sc_params_t, enmity_halflife, 0, 1, 1200, 60, "months", "half-life of the enmity stock without new hostile events (M6) [ref: Goldstein and Freeman 1990, reciprocity memory of years]"),
    NUM(sc_params_t, enmity_hostility, 0, 0, 1, 0.004, "per Goldstein unit", "rise of enmity per unit of hostile Goldstein mass received (M6) [judgement]"),
    NUM(sc_params_t, enmity_coop, 0, 0, 1, 0.03, "per event", "fall of enmity per cooperative event received (M6) [judgement]"),
    NUM(sc_params_t, trust_gain, 0, 0, 5, 0.05, "log-odds per event", "log likelihood ratio of a cooperative event in the Bayesian trust update (Kydd 2005) [theory]"),
    NUM(sc_params_t, trust_loss, 0, 0, 5, 0.01, "log-odds per event", "log likelihood ratio against trustworthiness of a hostile event (per Goldstein unit / 7.2) [judgement]"),
    NUM(sc_params_t, trust_keep, 0, 0, 5, 0.3, "log-odds per phase", "log likelihood ratio of an implemented agreement step (Kydd 2005) [theory]"),
    NUM(sc_params_t, trust_renege, 0, 0, 10, 1.2, "log-odds per event", "log likelihood ratio against trustworthiness of reneging on an agreement or walking out of a summit [judgement]"),
    NUM(sc_params_t, trust_signal, 0, 0, 5, 0.1, "log-odds per month", "log likelihood ratio of a month of suspended exercises or implemented assurances, a costly signal (Kydd 2005) [theory]"),
    NUM(sc_params_t, escalation_halflife, 0, 0.1, 120, 3, "months", "half-life of the escalation index (exponentially weighted Goldstein sum) [judgement]"),
    NUM(sc_params_t, escalation_scale, 0, 0.1, 1000, 120, "Goldstein units", "hostile Goldstein mass at which the normalised escalation index reaches 1-1/e [judgement]"),
    NUM(sc_params_t, war_hazard, 0, 0, 1, 0.004, "per month", "monthly hazard of war at full escalation, a certain fight in the deterrence game and an open preventive window (M9) [ref: ICB crises, about 1 in 10 with full-scale war over episodes of about 2 years]"),
    NUM(sc_params_t, clash_hazard, 0, 0, 1, 0.02, "per month", "monthly hazard of an armed clash at full escalation and certain challenge [ref: ICB crises with violence short of war]"),
    NUM(sc_params_t, window_weight, 0, 0, 10, 1.5, "multiplier", "weight of the preventive window in the war hazard, beside the deterrence game's probability of a fight: an adversary facing a deterrent that is maturing but not yet adequate (Powell 2006; Debs and Monteiro 2014) [theory]"),
    NUM(sc_params_t, collapse_hazard, 0, 0, 1, 0.02, "per month", "monthly hazard of regime collapse when coalition loyalty is far below the threshold (M8) [ref: autocratic breakdowns under severe economic crisis, Geddes et al. 2014]"),
    NUM(sc_params_t, collapse_threshold, 0, 0, 1, 0.25, "0..1", "coalition loyalty below which collapse becomes likely (M8) [judgement]"),
    NUM(sc_params_t, deter_lambda, 0, 0, 1000, 4, "1/utility", "logit precision of the agent QRE of the derived deterrence game (0: subgame-perfect) [judgement]"),
    NUM(sc_params_t, rivalry, 0, 0, 1, 0.3, "0..1", "great-power rivalry index (USA-CHN, USA-RUS) at the start"),
    NUM(sc_params_t, rivalry_ref, 0, 0, 1, 0.3, "0..1", "rivalry level at which the scenario's enforcement values were observed"),
    NUM(sc_params_t, unsc_level, 0, 0, 1, 0.3, "0..1", "level of the UN sanctions regime on the target at the start"),
    NUM(sc_params_t, attention, 0, 0, 1, 0, "0..1", "the adversaries' attention to the target's programme at the start (a crisis under way: near 1)"),
    NUM(sc_params_t, crisis, 0, 0, 0.99, 0, "0..1", "the escalation index at the start, on each adversary's side: a crisis under way (threats, strike planning, sanctions drafts) is a fact of the case; it decays with escalation_halflife"),
    NUM(sc_params_t, latent_weight, 0, 0, 1, 0.5, "share", "weight of the latent deterrent (what the programme could deliver with its designs proven) beside the tested one in the power shift that opens a preventive window (M9; Debs and Monteiro 2014: preventive motives against programmes short of a weapon) [theory, size judgement: a bomb in the basement deters about half as much]"),
    NUM(sc_params_t, rivalry_drift, 0, -0.2, 0.2, 0.01, "per year", "trend of the rivalry index (plus rivalry_shock events) [judgement]"),
    NUM(sc_params_t, leakage_max, 0, 0, 1, 0.5, "share", "share of the sanctions bite a patron offsets by sanctions busting at full rivalry and alliance (black knights, Early 2015) [ref: Early 2015, Hufbauer et al. 2007: black-knight support halves sanctions success]"),
    NUM(sc_params_t, patron_aid, 0, 0, 1, 0.03, "share of GDP", "patron aid to the target at full rivalry and alliance, raising its rents and outside option (M7) [judgement]"),
    NUM(sc_params_t, missile_days, 0, 0, 31, 2.5, "launch days per month", "expected missile launch days in a month when the testing propensity is 1 [calibrated]"),
    NUM(sc_params_t, salvo_extra, 0, 0, 10, 0.6, "missiles", "mean of the Poisson number of extra missiles per short-range launch day (salvo size = 1 + Poisson) [calibrated]"),
    NUM(sc_params_t, nuclear_rate, 0, 0, 1, 0.3, "per month", "probability of a nuclear test in a month when the device is ready and the propensity is 1 [calibrated]"),
    NUM(sc_params_t, count_dispersion, 0, 0.05, 1000, 1.0, "k", "negative-binomial dispersion of launch-day counts (variance m + m^2/k) [calibrated]"),
    NUM(sc_params_t, act_rate, 0, 0, 31, 0.25, "per month", "expected number of other discrete actions (threats, sanctions, aid) at full choice probability [judgement]"),
    NUM(sc_params_t, test_security, 0, 0, 100, 30, "utility", "security value of raising the retaliatory adequacy against the perceived threat by 1 (M2) [calibrated]"),
    NUM(sc_params_t, test_prestige, 0, 0, 10, 0.3, "utility", "prestige value of a test to the coalition, scaled by the loyalty gap [judgement]"),
    NUM(sc_params_t, provocation_cost, 0, 0, 10, 1.5, "utility", "expected economic cost per unit of anticipated sanctions tightening after a provocation [calibrated]"),
    NUM(sc_params_t, leverage_value, 0, 0, 100, 2.0, "utility", "value of the attention a test adds, times the prospect of talks (coercive bargaining, M1; Schelling 1966, Spaniel 2019) [judgement]"),
    NUM(sc_params_t, attention_halflife, 0, 0.1, 120, 8, "months", "half-life of the adversaries' attention to the target (M1) [ref: news-attention decay of security events, months]"),
    NUM(sc_params_t, attention_gain, 0, 0, 1, 0.25, "share of the gap", "rise of attention per unit of test severity (M1) [judgement]"),
    NUM(sc_params_t, surprise_gain, 0, 0, 10, 1.0, "multiplier", "rise of the leverage motive after a summit fails on a wrong belief about the other's reservation value (Fearon 1995) [judgement]"),
    NUM(sc_params_t, surprise_halflife, 0, 0.1, 120, 12, "months", "half-life of the leverage motive after a failed summit [judgement]"),
    NUM(sc_params_t, moratorium_cost, 0, 0, 100, 2.0, "utility", "audience cost of resuming nuclear tests after a declared moratorium (Weeks 2008) [theory, size judgement]"),
    NUM(sc_params_t, test_cost, 0, 0, 100, 0.3, "utility", "fixed cost of testing in a month (preparation, opprobrium): a state with no reason to test rarely does [judgement; most missile-armed states test a few times a year or less]"),
    NUM(sc_params_t, threshold_cost, 0, 0, 100, 2.0, "utility", "cost of a first nuclear test, crossing from a threshold programme to a declared weapons state (isolation and standing) [ref: most programmes that reached latency never tested, Fuhrmann and Tkach 2015; size judgement]"),
    NUM(sc_params_t, article_rate, 0, 0, 1000, 40, "test articles per year", "production of missile test articles at a nuclear share of 1 [judgement]"),
    NUM(sc_params_t, article_half, 0, 0.01, 1000, 3, "test articles", "test articles on hand at which the launch-day intensity is half its maximum [judgement]"),
    NUM(sc_params_t, rd_rate, 0, 0, 10, 0.05, "per year", "share of a system's maturity gap closed per year by ground development at a nuclear share of 1 (M2) [judgement]"),
    NUM(sc_params_t, learn_success, 0, 0, 1, 0.12, "fraction", "share of a system's maturity gap closed by a successful flight test (M2) [ref: first-generation missile programmes needed about 8-15 flight tests to reach service]"),
    NUM(sc_params_t, learn_failure, 0, 0, 1, 0.04, "fraction", "share of a system's maturity gap closed by a failed flight test [ref: as learn_success, a third of a success]"),
    NUM(sc_params_t, design_tests, 0, 1, 20, 2, "tests", "nuclear tests needed per warhead design goal (M3) [ref: China 1964-67, three goals in six tests]"),
    NUM(sc_params_t, nuclear_prep, 0, 0, 60, 6, "months", "preparation lead time between nuclear tests (tunnel and device) (M3) [ref: China 1964-67, mean interval 6.4 months]"),
    NUM(sc_params_t, bmd_rate, 0, 0, 1, 0.01, "per month", "growth of an adversary's missile defence per unit of threat perception (Richardson-type response, M2) [judgement]"),
    NUM(sc_params_t, bmd_decay, 0, 0, 1, 0.004, "per month", "obsolescence of missile defence without renewed threat [judgement]"),
    NUM(sc_params_t, bmd_effect, 0, 0, 1, 0.6, "share", "share of a ballistic system's penetration that full missile defence denies (lower for survivable and manoeuvring classes) [ref: Lieber and Press 2017]"),
    NUM(sc_params_t, bite_cost, 0, 0, 1, 0.08, "per year", "annual growth lost per unit of sanctions bite [ref: Hufbauer et al. 2007, costs to targets of comprehensive sanctions]"),
    NUM(sc_params_t, nuclear_cost, 0, 0, 1, 0.01, "per year", "annual growth lost per unit of Byungjin share (resources diverted from the economy) [judgement]"),
    NUM(sc_params_t, growth_noise, 0, 0, 1, 0.012, "per year", "standard deviation of annual growth shocks [ref: growth volatility of small autarkic economies]"),
    NUM(sc_params_t, loyalty_adjust, 0, 0, 1, 0.05, "per month", "partial-adjustment rate of coalition loyalty towards its rents (M8) [judgement]"),
    NUM(sc_params_t, loyalty_prestige, 0, 0, 1, 0.1, "0..1", "coalition loyalty from demonstrated strength and summit prestige (M8) [judgement]"),
    NUM(sc_params_t, consolidation, 0, 0, 1, 0.15, "0..1", "loyalty deficit of a new leader that closes as the coalition consolidates (M8; Yoo and Kim 2017) [judgement]"),
    NUM(sc_params_t, consolidation_cost, 0, 0, 100, 3, "utility", "cost of an external provocation per unit of the new leader's loyalty deficit (consolidation periods bring fewer provocations, Yoo and Kim 2017) [judgement]"),
    NUM(sc_params_t, byungjin_adjust, 0, 0, 1, 0.06, "per month", "partial-adjustment rate of the Byungjin split towards its optimum [calibrated]"),
    NUM(sc_params_t, byungjin_return, 0, 0.01, 100, 4, "1/share", "curvature of the security return ln(1 + k s) of the nuclear share s [judgement]"),
    NUM(sc_params_t, byungjin_weight, 0, 0, 10, 0.4, "multiplier", "weight of the programme's security and prestige value against the economy in the Byungjin optimum [calibrated by hand: a nuclear share near a third in 2012-2019, SIPRI's growth of 2-3 warheads a year]"),
    NUM(sc_params_t, enforce_adjust, 0, 0, 1, 0.06, "per month", "partial-adjustment rate of a third party's sanctions enforcement [judgement]"),
    NUM(sc_params_t, enforce_unsc, 0, 0, 2, 0.5, "per level", "rise of enforcement with the UN sanctions level [judgement]"),
    NUM(sc_params_t, enforce_rivalry, 0, 0, 2, 0.6, "per rivalry", "fall of enforcement by patrons of the target as great-power rivalry rises (M7) [ref: Early 2015]"),
    NUM(sc_params_t, enforce_talks, 0, 0, 1, 0.2, "share", "fall of enforcement while talks are open or an agreement is in force [judgement]"),
    NUM(sc_params_t, enforce_provocation, 0, 0, 2, 0.3, "per escalation", "rise of enforcement with the escalation index (the patron's wish for stability) [judgement]"),
    NUM(sc_params_t, defence_adjust, 0, 0, 1, 0.02, "per month", "partial-adjustment rate of defence effort [judgement]"),
    NUM(sc_params_t, defence_threat, 0, 0, 2, 0.3, "per threat", "relative rise of defence effort per unit of threat perception [judgement]"),
    NUM(sc_params_t, exercise_rate, 0, 0, 1, 0.15, "per month", "probability of a large military exercise against the target in a month at full pressure [ref: allied exercise calendars, two to four large exercises a year]"),
    NUM(sc_params_t, exercise_scale, 0, 0, 5, 1.0, "multiplier", "size of adversaries' exercises: their hostility and threat (a lever; Bernhardt and Sukin 2021 scale responses by exercise size)"),
    NUM(sc_params_t, exercise_response, 0, 0, 10, 0.3, "utility", "value of a test as an answer to a month's exercises, per unit of exercise size (reciprocity) [ref: Bernhardt and Sukin 2021 find answers scaled by exercise size, D'Orazio 2012 no systematic effect: a modest term]"),
    NUM(sc_params_t, unsc_step, 0, 0, 1, 0.22, "share of the gap", "rise of the UN sanctions level per resolution with new measures (share of the remaining gap to 1) [judgement]"),
    NUM(sc_params_t, unsc_gap, 0, 0, 60, 2, "months", "shortest interval between two resolutions on the target (drafting and negotiation) [ref: Iran resolutions 1737-1929 and DPRK 1718-2397, two months or more apart]"),
    NUM(sc_params_t, veto_threshold, 0, 0, 1, 0.6, "rivalry", "rivalry level at which a patron's veto becomes even odds on a low-severity draft (M7) [ref: UNSC vetoes on Syria from 2011 and Ukraine 2014 at high rivalry; none on nonproliferation drafts 2006-2019]"),
    NUM(sc_params_t, veto_slope, 0, 0, 100, 12, "log-odds per rivalry", "steepness of the veto threshold in rivalry (M7) [judgement]"),
    NUM(sc_params_t, veto_affinity, 0, 0, 20, 1.5, "log-odds", "log-odds of a veto per unit of alliance with the target [judgement]"),
    NUM(sc_params_t, veto_severity, 0, 0, 20, 6, "log-odds", "fall of the log-odds of a veto per unit of severity (1 for a nuclear test) [ref: no permanent member vetoed a nonproliferation sanctions draft on Iran or the DPRK in 2006-2017, while vetoes on Syria ran from 2011]"),
    NUM(sc_params_t, talks_open_rate, 0, 0, 1, 0.5, "per month", "probability per month that a track opens when both sides value talks with certainty (M4) [judgement]"),
    NUM(sc_params_t, talks_cost, 0, 0, 10, 0.1, "utility", "each side's fixed cost of holding leader-level talks (preparation, domestic opposition) [judgement]"),
    NUM(sc_params_t, talks_decay, 0, 0, 1, 0.03, "per month", "hazard that open talks lapse without a breach (M4) [judgement]"),
    NUM(sc_params_t, round_rate, 0, 0, 1, 0.3, "per month", "probability of a working-level negotiating round in a month of open talks (M4) [ref: the Agreed Framework, Six-Party and P5+1 talks met in rounds every few months]"),
    NUM(sc_params_t, summit_rate, 0, 0, 5, 0.1, "per month", "rate of leader summits in an open track without momentum (M4) [judgement]"),
    NUM(sc_params_t, momentum_gain, 0, 0, 5, 0.3, "per summit", "rise of the summit rate of every open track after a summit (self-excitation, Hawkes; M4) [ref: self-exciting event data, Mohler et al. 2011]"),
    NUM(sc_params_t, momentum_halflife, 0, 0.1, 120, 3, "months", "half-life of summit momentum [judgement]"),
    NUM(sc_params_t, summit_prestige, 0, 0, 100, 0.6, "utility", "prestige value to the target's leader of meeting the counterpart's leader, times engagement [judgement]"),
    NUM(sc_params_t, statement_prestige, 0, 0, 100, 0.35, "utility", "each leader's prestige from a declaratory statement at a summit, times engagement [judgement]"),
    NUM(sc_params_t, belief_noise, 0, 0, 10, 0.3, "utility", "standard deviation of each side's error about the other's reservation value (Fearon 1995) [judgement]"),
    NUM(sc_params_t, patron_interest, 0, 0, 10, 0.5, "utility", "a patron's value of a summit with the target while the target talks with the patron's rivals (not to be sidelined) [judgement]"),
    NUM(sc_params_t, relief_value, 0, 0, 100, 6, "utility", "target's monthly-flow value of full relief of the sanctions bite at signing (M5) [judgement]"),
    NUM(sc_params_t, aid_value, 0, 0, 10, 0.1, "bite units", "economic inducements a full package adds to sanctions relief, in units of the bite (aid, energy, normalisation) [ref: the Agreed Framework's fuel oil and reactors, about 2-3% of DPRK GDP a year; Libya's and Iran's reintegration into trade; judgement]"),
    NUM(sc_params_t, deterrent_value, 0, 0, 100, 3.0, "utility", "target's monthly-flow loss from giving up its whole deterrent, per unit of adequacy and threat (M5) [judgement]"),
    NUM(sc_params_t, status_value, 0, 0, 100, 0.5, "utility", "target leader's prestige loss from giving up nuclear-weapon status (full rollback of a weapons programme) [judgement]"),
    NUM(sc_params_t, assurance_value, 0, 0, 100, 1.0, "utility", "target's value of full security assurances per unit of threat [judgement]"),
    NUM(sc_params_t, denuke_value, 0, 0, 100, 2.0, "utility", "counterpart's value of full denuclearization per unit of its threat perception [judgement]"),
    NUM(sc_params_t, nonproliferation_value, 0, 0, 100, 1.0, "utility", "counterpart's value of full rollback in itself, whatever its threat (nonproliferation as a goal) [judgement]"),
    NUM(sc_params_t, relief_cost, 0, 0, 100, 0.6, "utility", "counterpart's cost of full sanctions relief [judgement]"),
    NUM(sc_params_t, assurance_cost, 0, 0, 100, 0.4, "utility", "counterpart's cost of full assurances and suspended exercises [judgement]"),
    NUM(sc_params_t, audience_cost, 0, 0, 100, 0.8, "utility", "democratic counterpart's audience cost per unit of relief plus assurances beyond denuclearization [judgement]"),
    NUM(sc_params_t, sequencing, 0, 0, 1, 0.5, "0..1", "sequencing of deals: 0 action for action (small phased steps), 1 big deal (the target disarms first) (a lever)"),
    NUM(sc_params_t, phases, 0, 1, 100, 4, "phases", "number of implementation phases of an action-for-action deal (a lever)"),
    NUM(sc_params_t, verification, 0, 0, 1, 0.5, "0..1", "intrusiveness of the verification a deal carries (a lever): detects covert cheating, costs the target security (Coe and Vaynman 2020)"),
    NUM(sc_params_t, verification_cost, 0, 0, 10, 0.3, "utility", "target's security cost of full verification (the transparency-security trade-off, Coe and Vaynman 2020) [theory, size judgement]"),
    NUM(sc_params_t, renege_base, 0, 0, 1, 0.004, "per month", "hazard of reneging on an agreement that both sides still value (exogenous shocks not modelled) [ref: nonproliferation deals, a median life of about 15 years, Bas and Coe 2018]"),
    NUM(sc_params_t, renege_precision, 0, 0, 1000, 40, "1/utility", "logit precision of the monthly keep-or-renege comparison of continuation values (M5) [judgement]"),
    NUM(sc_params_t, phase_months, 0, 1, 120, 6, "months", "months between two implementation phases of an agreement [ref: Libya's equipment left within 4 months, the JCPOA's implementation day came 6 months after adoption, the Agreed Framework planned a decade]"),
    NUM(sc_params_t, cheat_precision, 0, 0, 1000, 20, "1/utility", "logit precision of the target's monthly choice to pursue a covert programme under a freeze or deal (M5) [judgement]"),
    NUM(sc_params_t, detection_rate, 0, 0, 1, 0.05, "per month", "monthly probability that covert production is detected at full verification (Coe and Vaynman 2020) [judgement: the Agreed Framework's enrichment path came out after about 4 years of low verification]"),
    NUM(sc_params_t, reputation_cost, 0, 0, 100, 0.2, "utility", "monthly-flow loss of reputation (future deals) from reneging (M5) [judgement]"),
    NUM(sc_params_t, concession_cost, 0, 0, 100, 0.3, "utility", "the target leader's domestic cost of rolling the programme back, per unit of denuclearization, times one minus the leader's engagement: hardliners in the ruling coalition (security services, the military, a supreme leader's camp) ratify a deal only from an engaged leader (M5; Putnam 1988's two-level game on the target's side; Solingen 2007) [judgement]"),
    NUM(sc_params_t, war_stakes, 0, 0, 1, 0.3, "share", "a counterpart's loss in a war with the target, as a share of its leader's continuation value (the target's regime loses all of it): what the shadow of war adds to a deal's value for the counterpart (M5; Fearon 1995) [judgement: a regional war, not a threat to the counterpart's survival]"),
};
static OBJECT(params_obj, sc_params_t, params_fields);

static const schema_field_t record_fields[] = {
    INT(sc_record_t, year, REQ, 1900, 2200, 0, "year", "the calendar year"),
    INT(sc_record_t, missiles, 0, -1, 100000, -1, "missiles", "ballistic missiles and space launchers fired by the target (-1: not recorded)"),
    INT(sc_record_t, launch_days, 0, -1, 366, -1, "days", "days with at least one launch"),
    INT(sc_record_t, nuclear_tests, 0, -1, 1000, -1, "tests", "nuclear tests of the target"),
    INT(sc_record_t, icbm_launches, 0, -1, 1000, -1, "missiles", "ICBM-class launches"),
    INT(sc_record_t, unsc_resolutions, 0, -1, 100, -1, "resolutions", "UN Security Council resolutions on the target"),
    INT(sc_record_t, leader_summits, 0, -1, 100, -1, "summits", "leader summits of the target with any counterpart"),
    INT(sc_record_t, vetoes, 0, -1, 100, -1, "vetoes", "vetoes cast on draft resolutions on the target"),
    STR(sc_record_t, source, 0, "where the year's figures come from"),
};
static OBJECT(record_obj, sc_record_t, record_fields);

static const schema_field_t observed_fields[] = {
    NUM(sc_observed_t, moratorium, 0, -1, 1000, -1, "ratio", "the record's launch rate in months with talks open or a deal in force over the rate in other months (-1: not recorded)"),
    NUM(sc_observed_t, rebound, 0, -1, 1000, -1, "ratio", "launches in the 12 months after talks ended over those in the 12 months before they opened (-1: not recorded)"),
    NUM(sc_observed_t, summits12, 0, -1, 1000, -1, "summits", "most leader summits with adversaries within 12 consecutive months (-1: not recorded)"),
    STR(sc_observed_t, note, 0, "sources and counting rules"),
};
static OBJECT(observed_obj, sc_observed_t, observed_fields);

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
    LIST(sc_scenario_t, record, 0, nrecord, record_obj, "the historical record the scenario is compared with (brink run, backtest, report), one entry a year"),
    OBJ(sc_scenario_t, observed, observed_obj, "month-resolved patterns of the record (pattern checks of brink backtest --patterns)"),
};
OBJECT(scenario_schema, sc_scenario_t, scenario_fields);
