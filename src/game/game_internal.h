/* game_internal.h - the layout of brink_game_t and helpers shared by the
 * files of src/game/.  Not installed. */
#ifndef BRINK_GAME_INTERNAL_H
#define BRINK_GAME_INTERNAL_H

#include <gmp.h>
#include <stddef.h>

#include "brink/game.h"

/* node kinds of a tree */
enum { NODE_TERMINAL = 0, NODE_PERSONAL = 1, NODE_CHANCE = 2 };

typedef struct game_infoset {
    int player;        /* 0-based player, -1 for chance */
    int number;        /* the number in the file (1-based, per player) */
    int index;         /* 0-based index among the player's infosets (order of first appearance) */
    char *name;
    int nactions;
    char **actions;
    mpq_t *probs;      /* chance: nactions probabilities; NULL otherwise */
    double *dprobs;
    size_t first_node; /* first member in preorder */
    size_t nmembers;
} game_infoset_t;

typedef struct game_outcome {
    char *name;
    mpq_t *pay;   /* nplayers */
    double *dpay;
} game_outcome_t;

typedef struct game_node {
    int kind;
    int infoset;    /* global infoset index or -1 */
    int outcome;    /* index into outcomes, or -1 */
    size_t parent;  /* SIZE_MAX for the root */
    size_t child0;  /* index into tree children[] of the first child */
    int nchildren;
    int parent_action; /* which action of the parent leads here (-1 root) */
    char *name;
} game_node_t;

struct brink_game {
    brink_game_kind_t kind;
    char *title;
    char *comment;
    int nplayers;
    char **players;

    /* strategic form */
    int *nstrat;
    char ***strat_names;
    size_t ncont;          /* number of contingencies */
    mpq_t *pay;            /* ncont * nplayers, player 1's strategy fastest */
    double *dpay;
    /* outcome form as read (kept for writing back); noutcomes == 0 if payoff form */
    size_t noutcomes_nfg;
    game_outcome_t *outcomes_nfg;
    size_t *cont_outcome;  /* ncont entries, 0 = none, else 1-based */
    int reduced_from_tree; /* this strategic form is a reduced form */

    /* extensive form */
    size_t nnodes;
    game_node_t *nodes;
    size_t *children;      /* child lists, concatenated */
    int ninfosets;
    game_infoset_t *infosets;   /* global order: chance first-appearance, players by player then index */
    int *player_ninfosets;      /* nplayers + 1: [0] is chance */
    int **player_infosets;      /* per player (+1, [0] chance): global infoset index by 0-based index */
    int noutcomes;
    game_outcome_t *outcomes;

    /* the tree's names, action lists, chance probabilities and outcome
     * payoffs (read-only rationals) live here, released together (arena.c) */
    struct game_chunk *arena;

    /* cache */
    brink_game_t *reduced;
    int **reduced_behav;   /* per player: nstrat * ninfosets(player), 0 = unassigned, else 1-based action */
};

struct brink_eqset {
    brink_profile_kind_t kind;
    int exact;
    int has_lambda;
    size_t width;
    size_t count, cap;
    /* exact values, count*width (if exact): as long numerators and
     * denominators while every value fits (qn, qd), else as rationals (qbig,
     * big).  Read them with eqset_get_q / eqset_sgn, never directly. */
    int big;
    long *qn, *qd;
    mpq_t *qbig;
    double *d;      /* double values, count*width */
    double *regret; /* count regrets (floating methods), NULL if none */
    char note[256];
};

/* the game's arena (arena.c): 8-byte aligned blocks freed with the game */
void *game_arena_alloc(brink_ctx_t *ctx, brink_game_t *g, size_t n);
char *game_arena_strndup(brink_ctx_t *ctx, brink_game_t *g, const char *s, size_t n);
/* dst becomes a read-only copy of src with its limbs in the arena: never
 * modify or mpq_clear it; 0 when out of memory */
int game_arena_mpq(brink_ctx_t *ctx, brink_game_t *g, mpq_ptr dst, mpq_srcptr src);
void game_arena_free(brink_ctx_t *ctx, brink_game_t *g);
/* mpq_get_d, quick for small integers */
double game_q_to_d(mpq_srcptr q);

/* allocation helpers for games */
brink_game_t *game_alloc(brink_ctx_t *ctx, brink_game_kind_t kind);
/* the length of a behaviour profile of a tree: the actions of all players'
 * information sets (chance excluded) */
size_t game_behavior_width(const brink_game_t *g);
/* allocates the strategic payoff table for the strategy counts set in g->nstrat */
/* The work limit of a strategic form: at most this many payoffs (profiles
 * times players), about 40 bytes each, so that a game too large for memory
 * is refused before anything is allocated. */
#define GAME_MAX_PAYOFFS ((size_t)1 << 26)
/* Allocates the payoff table: BRINK_ELIMIT beyond GAME_MAX_PAYOFFS. */
brink_status_t game_alloc_table(brink_ctx_t *ctx, brink_game_t *g);
void game_outcome_clear(brink_ctx_t *ctx, game_outcome_t *o, int nplayers);

/* equilibrium sets */
brink_eqset_t *eqset_new(brink_ctx_t *ctx, brink_profile_kind_t kind, int exact, size_t width);
brink_status_t eqset_add_q(brink_ctx_t *ctx, brink_eqset_t *e, mpq_t *vals);
/* adds an exact profile of integers (pure profiles: 0 and 1) */
brink_status_t eqset_add_ints(brink_ctx_t *ctx, brink_eqset_t *e, const long *vals);
/* exact value k (= profile * width + j) into out (initialized); its sign */
void eqset_get_q(const brink_eqset_t *e, size_t k, mpq_t out);
int eqset_sgn(const brink_eqset_t *e, size_t k);
/* drops the profiles from the count-th on */
void eqset_truncate(brink_eqset_t *e, size_t count);
/* makes an inexact set exact: each double becomes the rational it is */
brink_status_t eqset_exact_from_d(brink_ctx_t *ctx, brink_eqset_t *e);
brink_status_t eqset_add_d(brink_ctx_t *ctx, brink_eqset_t *e, const double *vals);
/* records the regret of the last profile added */
brink_status_t eqset_set_regret(brink_ctx_t *ctx, brink_eqset_t *e, double regret);
/* nonzero if an equal profile is already present */
int eqset_has_q(const brink_eqset_t *e, mpq_t *vals);

/* solvers (internal entry points) */
brink_status_t solve_enumpure(brink_ctx_t *ctx, const brink_game_t *nfg, brink_eqset_t **out);
brink_status_t solve_enummixed(brink_ctx_t *ctx, const brink_game_t *nfg, brink_eqset_t **out);
brink_status_t solve_lcp(brink_ctx_t *ctx, const brink_game_t *nfg, size_t max_eq,
                         brink_eqset_t **out);
/* game: the game as given (the tree for a reduced form), nfg: its strategic form */
brink_status_t solve_lp(brink_ctx_t *ctx, const brink_game_t *game, const brink_game_t *nfg,
                        brink_eqset_t **out);
brink_status_t solve_seqlp(brink_ctx_t *ctx, const brink_game_t *efg, brink_eqset_t **out);
/* lp's preconditions, as Gambit states them: two players, constant sum
 * (on a tree: every play's total), perfect recall (trees, if recall is
 * nonzero); sets minpay to the smallest payoff of the game (of any play's
 * total on a tree) unless it is NULL.  BRINK_EUNSUPPORTED with a message. */
brink_status_t game_lp_prepare(brink_ctx_t *ctx, const brink_game_t *g, int recall,
                               mpq_ptr minpay);
/* the logit trace (logit.c) */
typedef struct logit_opts {
    double lambda_end;       /* > 0: the point at this lambda */
    int branch;              /* list every traced point */
    const double *observed;  /* frequencies: the maximum-likelihood point */
    double range;            /* payoff range scaling the end point's regret
                              * tolerance: logit_payoff_range of the game as
                              * given (for a reduced form, of its tree) */
    int root_player;         /* a reduced form: the player at the tree's root,
                              * -1 if chance moves there */
} logit_opts_t;
brink_status_t solve_logit(brink_ctx_t *ctx, const brink_game_t *nfg, const logit_opts_t *o,
                           brink_eqset_t **out);
/* Gambit's payoff scale: the largest minus the smallest payoff of any
 * player, over the contingencies of a strategic game, or over the sums of
 * outcomes along the paths of a tree; 0 if they are all equal */
double logit_payoff_range(brink_ctx_t *ctx, const brink_game_t *g);
/* the N-player methods (liap.c, gnm.c, enumpoly.c) on a strategic form */
brink_status_t solve_liap(brink_ctx_t *ctx, const brink_game_t *g, size_t starts, uint64_t seed,
                          brink_eqset_t **out);
brink_status_t solve_gnm(brink_ctx_t *ctx, const brink_game_t *g, size_t starts, uint64_t seed,
                         brink_eqset_t **out);
brink_status_t solve_enumpoly(brink_ctx_t *ctx, const brink_game_t *g, size_t max_eq,
                              brink_eqset_t **out);
/* sub_method: the method for subgames (a brink_method_t), or -1 for the default */
brink_status_t solve_spe(brink_ctx_t *ctx, const brink_game_t *efg, int sub_method,
                         brink_eqset_t **out);
brink_status_t solve_seqlcp(brink_ctx_t *ctx, const brink_game_t *efg, brink_eqset_t **out);
/* the same Lemke path without the dense tableau (seqlcp_sparse.c) */
brink_status_t solve_seqlcp_sparse(brink_ctx_t *ctx, const brink_game_t *efg,
                                   brink_eqset_t **out);

/* the strategic form's bimatrix scaled to positive integers:
 * A and B are m*n (row-major: A[i*n+j]), entries >= 1 */
brink_status_t game_bimatrix_int(brink_ctx_t *ctx, const brink_game_t *nfg, mpz_t **A, mpz_t **B);
void game_mpz_array_free(brink_ctx_t *ctx, mpz_t *a, size_t n);

/* parse a number token (integer, decimal with optional exponent, or p/q) into q;
 * returns 0 on success */
int game_parse_number(const char *s, size_t len, mpq_t q);

/* writes value q as Gambit does (integers bare, p/q otherwise) into a dynamic buffer */
typedef struct gbuf {
    brink_ctx_t *ctx;
    char *data;
    size_t len, cap;
    int failed;
} gbuf_t;
void gbuf_init(gbuf_t *b, brink_ctx_t *ctx);
void gbuf_puts(gbuf_t *b, const char *s);
void gbuf_putc(gbuf_t *b, char c);
void gbuf_printf(gbuf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gbuf_put_q(gbuf_t *b, const mpq_t q);
void gbuf_put_quoted(gbuf_t *b, const char *s);

#endif
