/*
 * brink/game.h - finite games in strategic and extensive form, Gambit's
 * .nfg/.efg files, and Nash equilibrium solvers.
 *
 * A brink_game_t is either a strategic (normal-form) game with N players or
 * an extensive game (a tree with chance, information sets and outcomes).
 * Payoffs and chance probabilities are held as exact rationals (GMP) with a
 * double copy; decimals in a file such as 0.8 are read exactly as 4/5.
 *
 * Ownership: every brink_game_t and brink_eqset_t is owned by the caller
 * and freed with its _free function (_free(NULL) does nothing).  Strings
 * returned by accessors are borrowed from the object.  GMP allocates its
 * own limbs through its global allocator (the context's hooks cover every
 * other allocation).
 *
 * Thread safety: a game may be read by several threads at once except that
 * the first solver call on an extensive game builds and caches its reduced
 * strategic form; call brink_game_reduced() once before sharing.
 */
#ifndef BRINK_GAME_H
#define BRINK_GAME_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "brink/core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct brink_game brink_game_t;
typedef struct brink_eqset brink_eqset_t;

/** The kind of a game. */
typedef enum brink_game_kind {
    BRINK_GAME_STRATEGIC = 0, /**< N-player strategic form (.nfg) */
    BRINK_GAME_EXTENSIVE = 1  /**< game tree (.efg) */
} brink_game_kind_t;

/** File formats for reading and writing. */
typedef enum brink_game_format {
    BRINK_FMT_AUTO = 0,   /**< reading: from the first token; writing: natural format */
    BRINK_FMT_NFG,        /**< Gambit strategic form, payoff form */
    BRINK_FMT_NFG_OUTCOME,/**< Gambit strategic form, outcome form (writing only) */
    BRINK_FMT_EFG,        /**< Gambit extensive form */
    BRINK_FMT_JSON        /**< brink's JSON description of the game (writing only) */
} brink_game_format_t;

/* ---- reading and writing ------------------------------------------------ */

/** Parses a game from text[0..len) (need not be NUL-terminated).  name is
 *  the file name used in messages ("<string>" if NULL).  On success *out
 *  owns a new game.  Errors: BRINK_EPARSE (syntax) or BRINK_EVALIDATE
 *  (well-formed but inconsistent, e.g. chance probabilities that do not sum
 *  to 1), with one located diagnostic "FILE:LINE:COL: error: MESSAGE" saying
 *  what was expected appended to diags (may be NULL) and set as the context
 *  error; BRINK_ENOMEM; BRINK_EINVAL for NULL arguments.  The readers use
 *  no recursion: trees of any depth load.  Time and memory are linear in
 *  the size of the file (strategic payoff tables: in the number of
 *  contingencies). */
BRINK_API brink_status_t brink_game_read_string(brink_ctx_t *ctx, const char *text, size_t len,
                                                const char *name, brink_game_t **out,
                                                brink_diags_t *diags);

/** Reads a game from the file at path (BRINK_EIO if it cannot be read),
 *  otherwise as brink_game_read_string(). */
BRINK_API brink_status_t brink_game_read_file(brink_ctx_t *ctx, const char *path, brink_game_t **out,
                                              brink_diags_t *diags);

/** Writes game in format fmt to a new NUL-terminated buffer *text (owned by
 *  the caller, free with brink_free) of length *len (len may be NULL).
 *  Exact rationals are written as p/q, so reading the text back gives the
 *  same game.  BRINK_FMT_NFG/NFG_OUTCOME of an extensive game write its
 *  reduced strategic form.  BRINK_EUNSUPPORTED: EFG of a strategic game.
 *  BRINK_ENOMEM, BRINK_EINVAL.  Linear in the size of the output. */
BRINK_API brink_status_t brink_game_write(brink_ctx_t *ctx, const brink_game_t *game,
                                          brink_game_format_t fmt, char **text, size_t *len);

/** Frees a game and everything it owns.  brink_game_free(ctx, NULL) does nothing. */
BRINK_API void brink_game_free(brink_ctx_t *ctx, brink_game_t *game);

/** Nonzero if a and b are the same game: same players, strategies or tree
 *  (node kinds, players, information sets, actions, chance probabilities,
 *  outcomes) and equal exact payoffs.  Labels are compared too. */
BRINK_API int brink_game_equal(const brink_game_t *a, const brink_game_t *b);

/* ---- queries ------------------------------------------------------------ */

BRINK_API brink_game_kind_t brink_game_kind(const brink_game_t *game);
/** Title of the game (borrowed, never NULL). */
BRINK_API const char *brink_game_title(const brink_game_t *game);
/** Number of players (chance is not a player). */
BRINK_API int brink_game_num_players(const brink_game_t *game);
/** Name of player p, 0-based (borrowed; "" if out of range). */
BRINK_API const char *brink_game_player_name(const brink_game_t *game, int p);
/** Number of nodes of an extensive game (0 for a strategic game). */
BRINK_API size_t brink_game_num_nodes(const brink_game_t *game);
/** Number of information sets of player p (0-based) of an extensive game;
 *  p = -1 counts chance information sets. */
BRINK_API int brink_game_num_infosets(const brink_game_t *game, int p);
/** Number of actions at information set k (0-based) of player p. */
BRINK_API int brink_game_num_actions(const brink_game_t *game, int p, int k);
/** Nonzero if every information set of the extensive game is a single node. */
BRINK_API int brink_game_is_perfect_information(const brink_game_t *game);
/** Nonzero if a strategic game (or the reduced strategic form of an
 *  extensive game) has two players whose payoffs sum to the same constant
 *  in every contingency. */
BRINK_API int brink_game_is_constant_sum(brink_ctx_t *ctx, brink_game_t *game);

/** The strategic form used by the strategic solvers: game itself if it is
 *  strategic, otherwise the reduced strategic form of the tree (strategies
 *  that differ only at information sets their own earlier choices exclude
 *  are merged, in Gambit's order and with Gambit's labels such as "12*").
 *  Built on the first call and cached in game; *out is borrowed from game.
 *  Time: (number of reduced strategy profiles) x (number of nodes) once.
 *  BRINK_ELIMIT if the strategic form would have more than 2^26
 *  contingencies or 2^20 strategies for one player; BRINK_ENOMEM. */
BRINK_API brink_status_t brink_game_reduced(brink_ctx_t *ctx, brink_game_t *game,
                                            const brink_game_t **out);

/** Number of strategies of player p of a strategic game (0 if not strategic). */
BRINK_API int brink_game_num_strategies(const brink_game_t *game, int p);
/** Label of strategy s of player p of a strategic game (borrowed). */
BRINK_API const char *brink_game_strategy_name(const brink_game_t *game, int p, int s);
/** Payoff to player p in the pure profile prof[0..N) of a strategic game (double). */
BRINK_API double brink_game_payoff(const brink_game_t *game, const int *prof, int p);

/* ---- equilibrium sets --------------------------------------------------- */

/** A list of profiles.  A strategic profile lists the probabilities of
 *  every strategy, player by player, in strategy order; a behaviour
 *  profile lists action probabilities player by player, information set by
 *  information set, action by action (Gambit's order).  Logit branches add
 *  lambda as the first value of each profile. */
typedef enum brink_profile_kind {
    BRINK_PROFILE_MIXED = 0,
    BRINK_PROFILE_BEHAVIOR = 1
} brink_profile_kind_t;

BRINK_API size_t brink_eqset_count(const brink_eqset_t *eq);
/** Number of values in each profile. */
BRINK_API size_t brink_eqset_width(const brink_eqset_t *eq);
BRINK_API brink_profile_kind_t brink_eqset_kind(const brink_eqset_t *eq);
/** Nonzero if the values are exact rationals. */
BRINK_API int brink_eqset_exact(const brink_eqset_t *eq);
/** Nonzero if profiles carry a leading lambda (logit branch). */
BRINK_API int brink_eqset_has_lambda(const brink_eqset_t *eq);
/** Value j of profile i as a double (NaN if out of range). */
BRINK_API double brink_eqset_value(const brink_eqset_t *eq, size_t i, size_t j);
/** Formats value j of profile i into buf (always NUL-terminated): exact
 *  values as Gambit prints them ("0", "1", "3/4") when decimals < 0,
 *  otherwise with that many decimals ("%.*f"); inexact values with %g at 6
 *  significant digits when decimals < 0.  Returns the length needed. */
BRINK_API size_t brink_eqset_format(const brink_eqset_t *eq, size_t i, size_t j, int decimals, char *buf,
                                    size_t size);
/** The regret (brink_game_regret) of profile i as computed by the solver,
 *  recorded by the floating-point N-player methods (liap, gnm, enumpoly
 *  when inexact); NaN if the method did not record one (exact methods). */
BRINK_API double brink_eqset_regret(const brink_eqset_t *eq, size_t i);
/** A note from the solver (e.g. why a logit trace stopped); borrowed, "" if none. */
BRINK_API const char *brink_eqset_note(const brink_eqset_t *eq);
BRINK_API void brink_eqset_free(brink_ctx_t *ctx, brink_eqset_t *eq);

/** Writes the first max equilibria of eq (max 0: all) as `brink solve`
 *  prints them, Gambit's way: one line "NE,p1,p2,..." per profile
 *  (brink_eqset_format with decimals), or "lambda,p1,..." lines for a
 *  logit branch or fit.  Returns BRINK_OK, BRINK_EINVAL (a NULL argument)
 *  or BRINK_EIO (fp reports a write error).  O(max x width). */
BRINK_API brink_status_t brink_eqset_write_gambit(const brink_eqset_t *eq, int decimals, size_t max,
                                                  FILE *fp);

/** The first max equilibria of eq (max 0: all) as one line of JSON:
 *  {"game", "method" (as given), "kind": "mixed" | "behavior", "exact",
 *  "equilibria": [[p, ...], ...] (exact rationals "p/q" as strings when
 *  exact and decimals < 0, else numbers with 17 significant digits),
 *  "regrets" (when the method measures them), "note" (when set)}.  The
 *  text is new: free it with brink_free(ctx, ...).  NULL on failure (out
 *  of memory, the error on ctx; a NULL argument). */
BRINK_API char *brink_eqset_to_json(brink_ctx_t *ctx, const brink_game_t *g, const brink_eqset_t *eq,
                                    const char *method, int decimals, size_t max);

/* ---- solvers ------------------------------------------------------------ */

typedef enum brink_method {
    BRINK_METHOD_ENUMPURE = 0, /**< all pure Nash equilibria (N players) */
    BRINK_METHOD_ENUMMIXED,    /**< all extreme equilibria, 2 players, exact */
    BRINK_METHOD_LCP,          /**< Lemke-Howson from every label, recursively (2 players) */
    BRINK_METHOD_LP,           /**< 2-player constant-sum by linear programming */
    BRINK_METHOD_LOGIT,        /**< logit QRE branch: end point, point at lambda, branch, ML fit */
    BRINK_METHOD_SPE,          /**< subgame perfect (backward induction or over subgames) */
    BRINK_METHOD_LIAP,         /**< Lyapunov-function minimisation from starting points (N players) */
    BRINK_METHOD_GNM,          /**< global Newton homotopy (Govindan-Wilson), N players */
    BRINK_METHOD_ENUMPOLY      /**< every equilibrium by support enumeration and polynomial systems */
} brink_method_t;

/** How the sequence-form LCP (lcp on a tree) keeps its tableau. */
typedef enum brink_tableau {
    BRINK_TABLEAU_AUTO = 0, /**< sparse (the default) */
    BRINK_TABLEAU_DENSE,    /**< the whole integer tableau: O(rows^2) memory, for cross-checks */
    BRINK_TABLEAU_SPARSE    /**< only the rows and columns the path touches */
} brink_tableau_t;

typedef struct brink_solve_opts {
    brink_method_t method;
    int strategic;  /**< extensive games: solve the reduced strategic form */
    double lambda;  /**< logit: point at this lambda (0: trace to the end) */
    size_t max_eq;  /**< lcp on a strategic form: stop after this many (0 = all) */
    int branch;     /**< logit: return every point of the traced branch, lambda first */
    const double *observed; /**< logit: observed counts of every strategy (borrowed; NULL:
                                 none): return the point of the branch that maximises the
                                 log-likelihood, lambda first */
    size_t observed_len;    /**< number of values in observed */
    int subgame_method;     /**< spe: 0 = default (backward induction on perfect
                                 information; otherwise lcp for two players, enumpure
                                 for more), or 1 + the brink_method_t applied to the
                                 reduced strategic form of every subgame */
    brink_tableau_t tableau; /**< lcp on a tree: dense or sparse tableau (same
                                  pivots, same equilibrium; see docs/game-solver.md) */
    size_t starts;  /**< liap, gnm: random starting points / perturbations after the
                         first (Gambit's -n; 0 = the method's default) */
    uint64_t seed;  /**< liap, gnm: seed of the random starting points (Philox stream) */
} brink_solve_opts_t;

/** Solves game with opts->method and returns the profiles in *out (owned
 *  by the caller), as Gambit's command-line tools do:
 *  - ENUMPURE: every pure equilibrium (N players); on a tree, of the
 *    reduced strategic form, printed as behaviour profiles (mixed over
 *    reduced strategies with opts->strategic).  Exact.
 *  - ENUMMIXED: every extreme equilibrium of a two-player game (the reduced
 *    form of a tree), mixed, exact.
 *  - LCP: two players.  Strategic form (or opts->strategic): Lemke-Howson
 *    from every label and from every equilibrium found, exact, mixed.  A
 *    tree: one equilibrium by the sequence-form LCP, exact, behaviour; the
 *    tableau is kept only where the Lemke path has touched it
 *    (opts->tableau), so the cost follows the part of the tree the path
 *    visits (BRINK_ELIMIT beyond 2^26 tableau cells).
 *  - LP: two-player constant-sum game: one equilibrium, exact, the vertex
 *    Gambit's lp returns.  Strategic form (or reduced form with
 *    opts->strategic): mixed.  A tree: the sequence-form LP, behaviour
 *    (perfect recall needed).
 *  - LOGIT: strategic form (or reduced form with opts->strategic): the end
 *    point of the logit QRE branch, the point at opts->lambda, the branch
 *    (opts->branch) or the maximum-likelihood point (opts->observed); on a
 *    tree the agent logit QRE (behaviour).  Doubles.  No profile
 *    and a note (brink_eqset_note) if the trace stopped short.
 *  - LIAP: N players, strategic form (reduced form of a tree): minimises
 *    Gambit's Lyapunov function from the centroid and opts->starts random
 *    points; each local minimum is refined by Newton's method on its
 *    support and kept only if its regret is below 1e-9 x max(1, payoff
 *    range).  Doubles, mixed; may find none.
 *  - GNM: N players: follows the path of equilibria of the game perturbed
 *    by a bonus lambda x b (b a pure profile's indicator, the first
 *    strategy of each player, then opts->starts random ones) from large
 *    lambda to 0, changing supports on the way (Govindan-Wilson); each end
 *    is refined and checked as in LIAP.  Doubles, mixed.
 *  - ENUMPOLY: every isolated equilibrium: every support profile whose
 *    strategies are not dominated within it, the indifference system
 *    solved exactly (two players: linear, GMP) or by subdivision of the
 *    simplices and Newton's method (three or more); each solution checked
 *    for nonnegativity and best responses.  Exact if every equilibrium
 *    found is verified in exact arithmetic, doubles otherwise.
 *  - SPE: a tree: one subgame-perfect equilibrium (behaviour, exact).  A
 *    two-player subgame whose reduced strategic form would be too large is
 *    solved by the sequence form instead (default subgame method only).
 *  Statuses: BRINK_OK (possibly with zero profiles), BRINK_EUNSUPPORTED
 *  (the method does not apply or is not implemented for this input, e.g.
 *  ENUMMIXED with 3 players, LP on a game that is not constant-sum or on a
 *  tree without perfect recall and opts->strategic), BRINK_ENUMERIC (a numerical
 *  method failed; no profile is reported), BRINK_ELIMIT (see
 *  brink_game_reduced), BRINK_EINTERRUPT, BRINK_ENOMEM, BRINK_EINVAL.
 *  Complexities are in docs/game-solver.md. */
BRINK_API brink_status_t brink_game_solve(brink_ctx_t *ctx, brink_game_t *game,
                                          const brink_solve_opts_t *opts, brink_eqset_t **out);

/** Maximum regret of the mixed profile prof (probabilities of every
 *  strategy of the strategic form, player by player) in double precision:
 *  max over players of (best pure payoff - payoff of prof).  0 for an exact
 *  equilibrium.  BRINK_EINVAL if len does not match the strategic form. */
BRINK_API brink_status_t brink_game_regret(brink_ctx_t *ctx, brink_game_t *game, const double *prof,
                                           size_t len, double *regret);

/** Maximum regret of a behaviour profile of an extensive game (action
 *  probabilities in Gambit's order: player, information set, action).  The
 *  regret is max over players of (best response payoff - payoff), as in
 *  brink_game_regret.  With perfect recall it is computed on the tree: the
 *  best response by one pass over the player's sequences, O(nodes x
 *  players) time and memory.  Without perfect recall the profile is turned
 *  into the mixed profile of the reduced strategic form (P(s) = product of
 *  the behaviour probabilities at the information sets s decides) and
 *  brink_game_regret is applied, so the cost is that of building the
 *  reduced form once (cached).  BRINK_EINVAL on length mismatch or a
 *  strategic game; BRINK_ELIMIT if a needed reduced form is too large;
 *  BRINK_ENOMEM. */
BRINK_API brink_status_t brink_game_regret_behavior(brink_ctx_t *ctx, brink_game_t *game,
                                                    const double *prof, size_t len, double *regret);

/* ---- the deterrence game the simulation solves each month ---------------- */

/* A Zagare-Kilgour style unilateral deterrence game derived from the state.
 * Challenger moves first: status quo, or challenge.  After a challenge the
 * defender concedes or denies; after a denial the challenger backs down or
 * fights.  Payoffs are (challenger, defender) for each outcome. */
typedef struct brink_deter_game {
    double status_quo[2];
    double concede[2];    /* challenger wins */
    double back_down[2];  /* defender wins */
    double conflict[2];   /* fight (expected cost including escalation) */
} brink_deter_game_t;
typedef struct brink_deter_result {
    double credibility;   /* probability the defender denies at its node, in [0,1] */
    double p_challenge;   /* probability the challenger challenges */
    double p_fight;       /* probability the challenger fights after a denial */
    int spe_deterred;     /* 1 if the subgame-perfect outcome is the status quo */
} brink_deter_result_t;
/* Builds the game as an extensive-form brink game and solves it with the
 * project's own solvers: the agent logit QRE at precision lambda (lambda
 * <= 0 or infinite: the SPE by backward induction).  BRINK_OK or an error.
 *
 * The tree is perfect-information, so its agent QRE is unique and is
 * computed exactly by logit responses from the last move back (the same
 * backward pass as the SPE, with logit instead of argmax).  Ties in the SPE
 * are broken towards the status quo, denial and backing down.  No heap
 * allocation; constant time (well under a microsecond).  BRINK_EINVAL if g
 * or out is NULL or a payoff or lambda is NaN. */
BRINK_API brink_status_t brink_deter_solve(brink_ctx_t *ctx, const brink_deter_game_t *g, double lambda,
                                           brink_deter_result_t *out);

/** Builds the deterrence game g as an extensive game (the same tree
 *  brink_deter_solve solves): nodes in preorder, players "Challenger" and
 *  "Defender".  *out is owned by the caller.  BRINK_ENOMEM, BRINK_EINVAL. */
BRINK_API brink_status_t brink_deter_game_build(brink_ctx_t *ctx, const brink_deter_game_t *g,
                                                brink_game_t **out);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_GAME_H */
