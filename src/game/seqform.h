/* seqform.h - the sequence form of a two-player tree with perfect recall,
 * kept sparse: sequences, the information sets' parent sequences, and the
 * payoff matrices A and B as a list of the (sequence 1, sequence 2) pairs
 * that some leaf reaches, indexed both ways.  The exact payoff of a pair,
 * sum over its leaves of (chance probability) x (total payoff - K), is
 * computed when first asked for, so that deep parts of a tree that a solver
 * never looks at cost nothing (a leaf 8000 rounds deep has a chance
 * probability with tens of thousands of digits).  K = 1 + the largest total
 * payoff of any leaf to either player, so every entry is negative. */
#ifndef BRINK_GAME_SEQFORM_H
#define BRINK_GAME_SEQFORM_H

#include "game/game_internal.h"

typedef struct seqform {
    const brink_game_t *g;
    int n[2];        /* sequences per player, the empty one included (index 0) */
    int k[2];        /* information sets per player + 1 */
    int *seq0;       /* per global information set: the sequence of its first action */
    int *parent;     /* per global information set: the player's sequence leading to it */
    int *seq_iset[2]; /* per player and sequence s >= 1: its global information set */
    int *kid0[2];    /* per player: CSR over sequences (n + 1 entries) of ... */
    int *kids[2];    /* ... the global information sets whose parent sequence it is */
    size_t npairs;
    int *ps[2];      /* per pair: the sequence of each player; pairs sorted by (s1, s2) */
    size_t *pleaf0;  /* npairs + 1: the pair's leaves are leaf[pleaf0[p] .. pleaf0[p+1]) */
    size_t *leaf;    /* terminal nodes ordered by pair */
    size_t *row1;    /* n[0] + 1: pairs of player 1's sequence s are row1[s] .. row1[s+1] */
    size_t *row2;    /* n[1] + 1: the same for player 2 over ... */
    size_t *by2;     /* ... the pairs ordered by (s2, s1) */
    mpq_t *pay;      /* 2 per pair, A then B, valid where have[p] */
    unsigned char *have;
    mpq_t *tot;      /* 2 per node: total payoff along the path (only when some
                        non-terminal node carries an outcome; else NULL) */
    mpq_t K;
} seqform_t;

/* builds the sequence form; free sf with seqform_free whatever the status.
 * BRINK_EUNSUPPORTED (with a message) without
 * perfect recall or with other than two players; BRINK_ENOMEM.  Cost:
 * O(nodes log nodes) plus the exact totals when outcomes sit inside the tree. */
brink_status_t seqform_build(brink_ctx_t *ctx, const brink_game_t *g, seqform_t *sf);
void seqform_free(brink_ctx_t *ctx, seqform_t *sf);
/* the exact payoffs of pair p (A: sf->pay[2p], B: sf->pay[2p+1]), computed
 * on first use: O(leaves of the pair x their depth) rational products */
void seqform_pair(seqform_t *sf, size_t p);

#endif
