/*
 * brink/forecast.h - multi-actor bargaining forecasts.
 *
 * Four models over one input, a set of actors each holding a capability
 * (clout), a position on D issue dimensions and a salience per dimension:
 *
 *   smp         KTAB's Spatial Model of Politics (KAPSARC, 2015-2019), with
 *               every one of its nine options under KTAB's names.  With the
 *               default options it reproduces KTAB's reference histories for
 *               dummyData_3Dim and SOE-Pol-Comp turn by turn.
 *   bdm         Bueno de Mesquita's expected-utility challenge model in the
 *               Scholz, Calbert and Smith (2011) formulation, one dimension.
 *   compromise  capability x salience weighted mean and weighted Nash
 *               bargaining solution.
 *   median      capability x salience weighted median voter position.
 *
 * Inputs (brink_fc_scenario_t): KTAB's CSV (brink_fc_read_ktab_csv).
 * Positions and saliences are kept as read (KTAB's 0-100 scale); the SMP
 * divides them by 100 as KTAB does.  Every reader reports problems as
 * located diagnostics (FILE:LINE:COL) and returns BRINK_EPARSE or
 * BRINK_EVALIDATE; it never prints.
 *
 * Results are pure functions of (input, options, seed): thread count never
 * changes a number.  Cost of one SMP turn: O(N^3 + N^2 D) time (KTAB's is
 * O(N^4)), O(N^2 + N D) memory.
 */
#ifndef BRINK_FORECAST_H
#define BRINK_FORECAST_H

#include <stddef.h>
#include <stdint.h>

#include "brink/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- input ---------------------------------------------------------------- */

/** KTAB's limits: 3..250 actors for KTAB; brink accepts 2..BRINK_FC_MAX_ACTORS. */
#define BRINK_FC_MAX_ACTORS 2000
#define BRINK_FC_MAX_DIMS 64

typedef struct brink_fc_scenario brink_fc_scenario_t;

/** Creates an empty scenario with n_dims dimensions (1..BRINK_FC_MAX_DIMS)
 *  named dim_names[d] (NULL for "Dim<d+1>").  NULL on allocation failure
 *  or a bad n_dims.  Free with brink_fc_scenario_free(). */
BRINK_API brink_fc_scenario_t *brink_fc_scenario_new(brink_ctx_t *ctx, const char *name,
                                                     const char *desc, size_t n_dims,
                                                     const char *const *dim_names);

/** Frees a scenario; NULL does nothing. */
BRINK_API void brink_fc_scenario_free(brink_fc_scenario_t *s);

/** Appends an actor.  pos and sal hold n_dims values each, on the 0-100
 *  scale; cap >= 0; saliences in [0,100] summing to at most 100.  The
 *  strings are copied.  Returns BRINK_OK, BRINK_ERANGE (message in ctx),
 *  BRINK_ELIMIT or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_fc_scenario_add_actor(brink_fc_scenario_t *s, const char *name,
                                                     const char *desc, double cap, const double *pos,
                                                     const double *sal);

/** Reads KTAB's CSV layout exactly as KTAB's smpc does (smpread.cpp):
 *  line 1 `name,desc,numActors,numDims`, line 2 the header (dimension names
 *  taken from the position columns), then one line per actor
 *  `name,desc,cap,pos1,sal1,...`.  Blank lines are skipped, double quotes
 *  around fields are trimmed, extra trailing fields (trailing commas) are
 *  ignored.  Unlike KTAB, a number followed by other text is an error.
 *  Problems go to diags as FILE:LINE:COL.  Returns BRINK_OK, BRINK_EIO
 *  (cannot read), BRINK_EPARSE (syntax), BRINK_ERANGE (value out of KTAB's
 *  ranges) or BRINK_ENOMEM.  On success *out is owned by the caller. */
BRINK_API brink_status_t brink_fc_read_ktab_csv(brink_ctx_t *ctx, const char *path,
                                                brink_fc_scenario_t **out, brink_diags_t *diags);
/** The same from memory; file names the input in diagnostics. */
BRINK_API brink_status_t brink_fc_parse_ktab_csv(brink_ctx_t *ctx, const char *file, const char *text,
                                                 size_t len, brink_fc_scenario_t **out,
                                                 brink_diags_t *diags);

/** Reads the YAML/JSON form (see docs/forecast.md) with strict located
 *  validation: unknown keys, wrong types and out-of-range values are
 *  errors.  Returns as brink_fc_read_ktab_csv, BRINK_EVALIDATE for schema
 *  violations. */
BRINK_API brink_status_t brink_fc_read_yaml(brink_ctx_t *ctx, const char *path,
                                            brink_fc_scenario_t **out, brink_diags_t *diags);

/** Reads KTAB's XML layout (smpSchema.xsd, as KTAB's xmlRead): Scenario
 *  with name, desc, prngSeed, optional ModelParameters (all nine options),
 *  Dimensions/dName, Actors/Actor (name, description, capability > 0,
 *  Position/dCoord, Salience/dSal) and optional IdealAdjustment/iaPair
 *  (adjustingIdeal, referencePos, adjust).  Unlike KTAB, IdealAdjustment
 *  may be absent (the XSD says optional; KTAB's code requires it) and the
 *  XSD spellings Proportional and No are accepted.  Model parameters and the
 *  seed are kept with the scenario (brink_fc_scenario_apply_options).
 *  Errors are located at the offending element.  Returns as
 *  brink_fc_read_ktab_csv, BRINK_EVALIDATE for missing or bad elements. */
BRINK_API brink_status_t brink_fc_read_ktab_xml(brink_ctx_t *ctx, const char *path,
                                                brink_fc_scenario_t **out, brink_diags_t *diags);
/** The same from memory; file names the input in diagnostics. */
BRINK_API brink_status_t brink_fc_parse_ktab_xml(brink_ctx_t *ctx, const char *file, const char *text,
                                                 size_t len, brink_fc_scenario_t **out,
                                                 brink_diags_t *diags);

/** Reads by extension: .xml (KTAB XML), .yaml/.yml/.json (YAML form),
 *  anything else as KTAB CSV. */
BRINK_API brink_status_t brink_fc_read(brink_ctx_t *ctx, const char *path, brink_fc_scenario_t **out,
                                       brink_diags_t *diags);

/* Accessors (borrowed values; indexes must be in range). */
BRINK_API size_t brink_fc_scenario_actors(const brink_fc_scenario_t *s);
BRINK_API size_t brink_fc_scenario_dims(const brink_fc_scenario_t *s);
BRINK_API const char *brink_fc_scenario_name(const brink_fc_scenario_t *s);
BRINK_API const char *brink_fc_scenario_desc(const brink_fc_scenario_t *s);
BRINK_API const char *brink_fc_actor_name(const brink_fc_scenario_t *s, size_t i);
BRINK_API const char *brink_fc_actor_desc(const brink_fc_scenario_t *s, size_t i);
BRINK_API const char *brink_fc_dim_name(const brink_fc_scenario_t *s, size_t d);
BRINK_API double brink_fc_actor_cap(const brink_fc_scenario_t *s, size_t i);
BRINK_API double brink_fc_actor_pos(const brink_fc_scenario_t *s, size_t i, size_t d);
BRINK_API double brink_fc_actor_sal(const brink_fc_scenario_t *s, size_t i, size_t d);
/** Setters used by Monte Carlo and tests; values are not re-validated. */
BRINK_API void brink_fc_actor_set(brink_fc_scenario_t *s, size_t i, double cap, const double *pos,
                                  const double *sal);
/** Sets A(i, j) of the accommodation ("ideal adjustment") matrix; A starts
 *  as the identity.  Returns BRINK_OK, BRINK_EINVAL, BRINK_ERANGE (a not in
 *  [0,1]) or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_fc_scenario_set_accommodation(brink_fc_scenario_t *s, size_t i, size_t j,
                                                             double a);
/** Per-actor input uncertainty for Monte Carlo (the YAML keys position_sd,
 *  salience_sd, capability_cv); a negative value means "use the global
 *  level".  Returns BRINK_OK, BRINK_EINVAL or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_fc_scenario_set_uncertainty(brink_fc_scenario_t *s, size_t i, double pos_sd,
                                                           double sal_sd, double cap_cv);
/** Reads actor i's uncertainty; returns 0 (outputs untouched) if the input
 *  gave none for any actor. */
BRINK_API int brink_fc_scenario_uncertainty(const brink_fc_scenario_t *s, size_t i, double *pos_sd,
                                            double *sal_sd, double *cap_cv);
/** Copies into o the model parameters and seed that the input file gave
 *  (KTAB XML's ModelParameters and prngSeed); returns 1 if it gave any. */
struct brink_smp_options;
BRINK_API int brink_fc_scenario_apply_options(const brink_fc_scenario_t *s, struct brink_smp_options *o);
/** Deep copy (NULL on allocation failure). */
BRINK_API brink_fc_scenario_t *brink_fc_scenario_copy(const brink_fc_scenario_t *s);
/** Copy without the actors whose keep[i] is 0 (NULL on failure or when
 *  fewer than 2 remain). */
BRINK_API brink_fc_scenario_t *brink_fc_scenario_subset(const brink_fc_scenario_t *s, const int *keep);

/* ---- SMP options (KTAB's names and enum indexes) ------------------------ */

typedef enum { BRINK_VPM_LINEAR = 0, BRINK_VPM_SQUARE, BRINK_VPM_QUARTIC, BRINK_VPM_OCTIC,
               BRINK_VPM_BINARY } brink_vpm_t;                       /* VictoryProbModel */
typedef enum { BRINK_PCE_CONDITIONAL = 0, BRINK_PCE_MARKOV_INCENTIVE,
               BRINK_PCE_MARKOV_UNIFORM } brink_pce_t;               /* PCEModel */
typedef enum { BRINK_STM_DETERMINISTIC = 0, BRINK_STM_STOCHASTIC } brink_stm_t; /* StateTransitions */
typedef enum { BRINK_VR_BINARY = 0, BRINK_VR_PROPBIN, BRINK_VR_PROP, BRINK_VR_PROPCBC,
               BRINK_VR_CUBIC, BRINK_VR_ASYMPROSP } brink_vr_t;      /* VotingRule */
typedef enum { BRINK_RA_NONE = 0, BRINK_RA_ONETHIRD, BRINK_RA_HALF, BRINK_RA_TWOTHIRDS,
               BRINK_RA_FULL } brink_bigradj_t;                      /* BigRAdjust */
typedef enum { BRINK_RR_MIN = 0, BRINK_RR_MID, BRINK_RR_MAX } brink_bigrrng_t; /* BigRRange */
typedef enum { BRINK_TPC_NOCOMMIT = 0, BRINK_TPC_SEMICOMMIT,
               BRINK_TPC_FULLCOMMIT } brink_tpc_t;                   /* ThirdPartyCommit */
typedef enum { BRINK_IVB_S1P1 = 0, BRINK_IVB_S2P2, BRINK_IVB_S2PMAX } brink_ivb_t; /* InterVecBrgn */
typedef enum { BRINK_BM_INITONLY = 0, BRINK_BM_INITRCVR, BRINK_BM_PWCOMP } brink_bm_t; /* BargnModel */

typedef struct brink_smp_options {
    int vpm;        /**< VictoryProbModel (brink_vpm_t), default Linear */
    int pcem;       /**< PCEModel (brink_pce_t), default Conditional */
    int stm;        /**< StateTransitions (brink_stm_t), default Deterministic */
    int vr;         /**< VotingRule (brink_vr_t), default Prop */
    int bigradj;    /**< BigRAdjust (brink_bigradj_t), default OneThird */
    int bigrrng;    /**< BigRRange (brink_bigrrng_t), default Mid */
    int tpc;        /**< ThirdPartyCommit (brink_tpc_t), default SemiCommit */
    int ivb;        /**< InterVecBrgn (brink_ivb_t), default S2P2 */
    int bm;         /**< BargnModel (brink_bm_t), default InitOnlyInterp */
    /* stop rule (KTAB hard-codes these): stop after turn t when t >= max_iter,
     * or t >= min_iter and dist(t,t-1)/(dist(0,1)+min_sig_delta) < min_delta_ratio */
    unsigned min_iter;      /**< default 2 */
    unsigned max_iter;      /**< default 100 */
    double min_delta_ratio; /**< default 0.02 */
    double min_sig_delta;   /**< default 1e-4 */
    double pos_tol;         /**< positions closer than this (unit scale) are one; 1e-3 */
    int fix_rcvr_prob;  /**< 1: InitRcvrInterp uses j's probability, not its dEU
                             (KTAB smpbcn.cpp:423 reads the dEU); default 0 = KTAB */
    int fix_pw_weight;  /**< 1: PWCompInterp weighs j by j's capability (KTAB uses
                             i's, smpbcn.cpp:430); default 0 = KTAB */
    int record_challenges; /**< 1: keep every actor's evaluation of every target
                             (KTAB's UtilChlg and ProbVict from the initiator's
                             view): O(T N^2) memory; default 0 */
    uint64_t seed;      /**< Stochastic transitions: key of the random streams */
    uint32_t run;       /**< replication index (Monte Carlo) keying the streams */
    int threads;        /**< 0 = OpenMP default; never changes results */
} brink_smp_options_t;

/** Fills o with KTAB's defaults (the CSV defaults of smpc). */
BRINK_API void brink_smp_options_default(brink_smp_options_t *o);

/** Sets one option by KTAB's name (VictoryProbModel, PCEModel,
 *  StateTransitions, VotingRule, BigRAdjust, BigRRange, ThirdPartyCommit,
 *  InterVecBrgn, BargnModel) and KTAB's value name (e.g. "PropCbc",
 *  "MarkovIncentive"; the XSD spellings "Proportional" and "No" are also
 *  accepted), or brink's stop-rule names MinIter, MaxIter, MinDeltaRatio,
 *  MinSigDelta.  Returns BRINK_OK, BRINK_ENOTFOUND (unknown option; ctx
 *  names the closest) or BRINK_EINVAL (bad value; ctx lists the choices). */
BRINK_API brink_status_t brink_smp_option_set(brink_ctx_t *ctx, brink_smp_options_t *o,
                                              const char *name, const char *value);

/** The NULL-terminated value names of option name (NULL if unknown). */
BRINK_API const char *const *brink_smp_option_choices(const char *name);
/** The NULL-terminated list of option names. */
BRINK_API const char *const *brink_smp_option_names(void);
/** KTAB's value name of option name's current value in o ("" if unknown). */
BRINK_API const char *brink_smp_option_value(const brink_smp_options_t *o, const char *name);

/* ---- SMP run and its history --------------------------------------------- */

typedef struct brink_fc_history brink_fc_history_t;

/** One bargain of one turn: initiator i proposes that i adopt pos_init and
 *  receiver j adopt pos_rcvr (unit scale, D values each).  Status-quo
 *  bargains have init == rcvr. */
typedef struct brink_fc_bargain {
    uint64_t id;             /**< deterministic: 1000 + sequence within the run */
    int turn;
    int init, rcvr;
    double value;            /**< the initiator's expected gain (0 for status quo) */
    double init_prob;        /**< its PCE probability in the initiator's queue */
    double rcvr_prob;        /**< ... in the receiver's queue (= init_prob for SQ) */
    int init_selected, rcvr_selected;
    const double *pos_init;  /**< borrowed, D values */
    const double *pos_rcvr;
} brink_fc_bargain_t;

/** Checks that s meets what the SMP needs of its input, beyond what the
 *  readers check (the other models accept it): every actor has a positive
 *  capability and a positive salience on some dimension.  Each actor that
 *  does not is a diagnostic in diags, located at its capability in the
 *  input file when s was read from one (brink_fc_read), else unlocated.
 *  Returns BRINK_OK, BRINK_EVALIDATE or BRINK_ENOMEM.  O(N D). */
BRINK_API brink_status_t brink_smp_check(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                         brink_diags_t *diags);

/** Runs KTAB's SMP on s.  *out receives the history (free with
 *  brink_fc_history_free).  Returns BRINK_OK, BRINK_EINVAL (bad options or
 *  fewer than 2 actors), BRINK_ENUMERIC (a Markov PCE did not converge in
 *  1000 iterations, as KTAB), BRINK_EINTERRUPT or BRINK_ENOMEM.
 *  Time O(T (N^3 + N^2 D)) for T turns; deterministic for any threads. */
BRINK_API brink_status_t brink_smp_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                       const brink_smp_options_t *o, brink_fc_history_t **out);

BRINK_API void brink_fc_history_free(brink_fc_history_t *h);

/** Number of states (turn 0 .. states-1). */
BRINK_API size_t brink_fc_history_states(const brink_fc_history_t *h);
/** Position / ideal of actor i on dim d at turn t, on the 0-100 scale. */
BRINK_API double brink_fc_history_pos(const brink_fc_history_t *h, size_t t, size_t i, size_t d);
BRINK_API double brink_fc_history_ideal(const brink_fc_history_t *h, size_t t, size_t i, size_t d);
/** KTAB's "winning probability" of actor i's position at turn t (the PCE
 *  over unique positions; actors sharing a position share it). */
BRINK_API double brink_fc_history_prob(const brink_fc_history_t *h, size_t t, size_t i);
/** Risk attitude R_i at turn t. */
BRINK_API double brink_fc_history_risk(const brink_fc_history_t *h, size_t t, size_t i);
/** Risk-neutral utility u(i, j) at turn t (KTAB's "Raw actor-pos value"). */
BRINK_API double brink_fc_history_rn_util(const brink_fc_history_t *h, size_t t, size_t i, size_t j);
/** Challenge chosen by actor i at turn t: target j (-1 for none), its
 *  expected gain dEU and i's probability of winning. */
BRINK_API int brink_fc_history_target(const brink_fc_history_t *h, size_t t, size_t i, double *deu,
                                      double *prob);
/** Actor i's evaluation at turn t of challenging j, when the run had
 *  record_challenges: out = (P(i beats j), then Util_SQ, Util_Vict,
 *  Util_Cntst, Util_Chlg of KTAB's UtilChlg for the affected actor k = i,
 *  then the same four for k = j), all estimated by h = i.  Returns 1, or 0
 *  when not recorded (out untouched). */
BRINK_API int brink_fc_history_challenge(const brink_fc_history_t *h, size_t t, size_t i, size_t j,
                                         double out[9]);
/** The target's view of actor i's challenge at turn t (record_challenges):
 *  out = (j's estimate of P(i beats j), of the gain to i, of the gain to j),
 *  j the target.  Returns 1, or 0 when not recorded or i had no target. */
BRINK_API int brink_fc_history_target_view(const brink_fc_history_t *h, size_t t, size_t i, double out[3]);
/** Stop statistic after step t (t >= 1): dist(t,t-1)/(dist(0,1)+minSig). */
BRINK_API double brink_fc_history_stop_ratio(const brink_fc_history_t *h, size_t t);
/** Bargains of the run, in (turn, initiator) order.  Borrowed. */
BRINK_API size_t brink_fc_history_bargains(const brink_fc_history_t *h);
BRINK_API void brink_fc_history_bargain(const brink_fc_history_t *h, size_t k, brink_fc_bargain_t *b);
/** The bargain that moved actor i into its turn-t position (0 if none). */
BRINK_API uint64_t brink_fc_history_mover(const brink_fc_history_t *h, size_t t, size_t i);
/** Index of the most probable final position's actor (first of ties). */
BRINK_API size_t brink_fc_history_best_actor(const brink_fc_history_t *h);

/* ---- BDM (Scholz, Calbert and Smith 2011), one dimension ----------------- */

typedef struct brink_bdm_options {
    unsigned rounds;      /**< number of rounds, default 10 */
    size_t dim;           /**< which dimension of the input, default 0 */
    int scholz_p;         /**< 1 (default): P's denominator sums |v| over every
                               pair of positions (Scholz's code, via jmckib);
                               0: over the pair contested (the paper) */
    int capitulation;     /**< 0 (default): Scholz's code, where the capitulation
                               branch never fires (it tests e_ji < |e_ji|);
                               1: the paper's capitulation rule */
    double q;             /**< Q, probability the status quo persists, default 1 */
} brink_bdm_options_t;

BRINK_API void brink_bdm_options_default(brink_bdm_options_t *o);

typedef struct brink_bdm_result {
    size_t n, rounds;
    double *pos;     /**< (rounds+1) x n positions, input scale */
    double *mean;    /**< rounds+1 capability x salience weighted means */
    double *median;  /**< rounds+1 pairwise-vote (Condorcet) winners */
    double *risk;    /**< rounds x n risk exponents r_i used in each round */
    /** How the rounds ended (positions compared within 1e-9 of the range of
     *  the initial positions): BRINK_BDM_SETTLED (every position has stayed
     *  put since round settled_round), BRINK_BDM_CYCLE (the positions of the
     *  last rounds repeat those `period` rounds earlier, period >= 2, at
     *  least once over: the forecast depends on the number of rounds) or
     *  BRINK_BDM_UNSETTLED (neither within the rounds run). */
    int convergence;
    size_t settled_round; /**< BRINK_BDM_SETTLED: first round of the fixed point */
    size_t period;        /**< BRINK_BDM_CYCLE: the cycle's length in rounds */
} brink_bdm_result_t;

enum { BRINK_BDM_SETTLED = 0, BRINK_BDM_CYCLE = 1, BRINK_BDM_UNSETTLED = 2 };

/** Runs the model.  Returns BRINK_OK, BRINK_EINVAL or BRINK_ENOMEM; free
 *  the result with brink_bdm_result_clear (safe on a zeroed result).
 *  Cycles and non-convergence are not errors: r->convergence says which. */
BRINK_API brink_status_t brink_bdm_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                       const brink_bdm_options_t *o, brink_bdm_result_t *r);
BRINK_API void brink_bdm_result_clear(brink_ctx_t *ctx, brink_bdm_result_t *r);

/* ---- static models --------------------------------------------------------- */

/** Capability x salience weighted mean of dimension d (salience of d). */
BRINK_API double brink_fc_weighted_mean(const brink_fc_scenario_t *s, size_t d);
/** Weighted median of dimension d with weights c_i s_id: the smallest
 *  position x with cumulative weight >= half (the lower median). */
BRINK_API double brink_fc_weighted_median(const brink_fc_scenario_t *s, size_t d);
/** Pairwise (Condorcet) winner among actors' positions on dimension d with
 *  votes c_i s_id (|x_i - b| - |x_i - a|); ties go to the first.  Returns
 *  the position; *found is 0 when no position beats all others. */
BRINK_API double brink_fc_condorcet(const brink_fc_scenario_t *s, size_t d, int *found);
/** Weighted Nash bargaining solution on the D-dimensional position space:
 *  argmax_x sum_i w_i log(1 - delta_i(x)) with w_i = c_i sigma_i and
 *  delta_i KTAB's salience-weighted distance (unit scale), by projected
 *  gradient ascent from the weighted mean.  out receives D values on the
 *  0-100 scale.  Returns BRINK_OK or BRINK_ENUMERIC. */
BRINK_API brink_status_t brink_fc_nash(brink_ctx_t *ctx, const brink_fc_scenario_t *s, double *out);

/* ---- Monte Carlo over input uncertainty ------------------------------------ */

typedef struct brink_mc_options {
    uint32_t runs;        /**< number of replications */
    uint64_t seed;
    double pos_sd;        /**< global sd of position noise (0-100 scale) */
    double sal_sd;        /**< global sd of salience noise (0-100 scale) */
    double cap_cv;        /**< global coefficient of variation of capability (log-normal) */
    const double *actor_pos_sd; /**< per-actor overrides (n values) or NULL; the
                                     input's own per-actor values (YAML) come
                                     first, then these, then the global level */
    const double *actor_sal_sd;
    const double *actor_cap_cv;
    double dropout;       /**< probability each actor drops out of a run */
    int model;            /**< 0 smp, 1 bdm, 2 compromise (mean), 3 median */
    brink_smp_options_t smp;
    brink_bdm_options_t bdm;
    int threads;
} brink_mc_options_t;

BRINK_API void brink_mc_options_default(brink_mc_options_t *o);

typedef struct brink_mc_result {
    uint32_t runs;
    size_t dims;
    double *outcome;      /**< runs x dims: each run's forecast (0-100 scale) */
    double *mean, *sd, *q05, *q25, *q50, *q75, *q95; /**< per dimension */
} brink_mc_result_t;

/** Runs o->runs perturbed replications.  Replication r uses the random
 *  stream (seed, 0, r, BRINK_STREAM_FORECAST): results are identical for any
 *  thread count.  The forecast of an SMP run is the final position of the
 *  most probable actor; of BDM the final pairwise winner.  Returns BRINK_OK,
 *  BRINK_EINVAL, BRINK_ENOMEM or a model's error. */
BRINK_API brink_status_t brink_mc_run(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                      const brink_mc_options_t *o, brink_mc_result_t *r);
BRINK_API void brink_mc_result_clear(brink_ctx_t *ctx, brink_mc_result_t *r);

/* ---- output ----------------------------------------------------------------- */

/** Writes the run into a new SQLite database at path with KTAB's table
 *  names and columns (ScenarioDesc, ActorDescription, SpatialCapability,
 *  SpatialSalience, DimensionDescription, Accommodation, VectorPosition,
 *  PosProb, PosEquiv, Bargn, BargnCoords, and UtilChlg and ProbVict when the
 *  run had record_challenges), so KTAB's viewers can open it.
 *  The file is written to path + ".tmp" and renamed.  Returns BRINK_OK or
 *  BRINK_EDB / BRINK_EIO (message in ctx). */
BRINK_API brink_status_t brink_smp_write_sqlite(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                                const brink_smp_options_t *o,
                                                const brink_fc_history_t *h, const char *path);

/** Returns the run as a JSON text (caller frees with brink_free), keys
 *  sorted, numbers printed with 17 significant digits.  NULL on failure. */
BRINK_API char *brink_smp_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                  const brink_smp_options_t *o, const brink_fc_history_t *h);

/** The result of brink_mc_run (with the options it ran with) as a JSON
 *  text: {"model", "runs", "seed" (a string: 64 bits), "dimensions": [{"name",
 *  "mean", "sd", "q05", "q25", "q50", "q75", "q95"}]} (BDM: the one
 *  dimension o->bdm.dim).  Keys sorted, 17 significant digits, strings
 *  escaped by Jansson; a non-finite number is null.  The caller frees the
 *  text with brink_free; NULL on failure (out of memory: the error is on
 *  ctx; a NULL argument). */
BRINK_API char *brink_mc_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                 const brink_mc_options_t *o, const brink_mc_result_t *r);

/** A BDM run as JSON text: {"model": "bdm", "dimension", "rounds": [{"round",
 *  "mean", "median", "positions": [...]}], "convergence": {"status":
 *  "settled" | "cycle" | "unsettled", "settled_round", "period"}}; as
 *  brink_mc_to_json otherwise. */
BRINK_API char *brink_bdm_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s,
                                  const brink_bdm_options_t *o, const brink_bdm_result_t *r);

/** The static models as JSON text: model 2 (compromise; nash holds the D
 *  values of brink_fc_nash) gives per dimension {"name", "weighted_mean",
 *  "nash"}, model 3 (median) {"name", "weighted_median", "condorcet"
 *  (null when there is no Condorcet winner)}; as brink_mc_to_json
 *  otherwise.  O(D x n^2). */
BRINK_API char *brink_fc_static_to_json(brink_ctx_t *ctx, const brink_fc_scenario_t *s, int model,
                                        const double *nash);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_FORECAST_H */
