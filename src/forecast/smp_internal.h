/* smp_internal.h - the SMP's history layout (internal). */
#ifndef BRINK_FORECAST_SMP_INTERNAL_H
#define BRINK_FORECAST_SMP_INTERNAL_H

#include "forecast/fc_internal.h"

typedef struct fc_bargain_rec {
    uint64_t id;
    int turn, init, rcvr;
    double value, init_prob, rcvr_prob;
    int init_sel, rcvr_sel;
} fc_bargain_rec_t;

struct brink_fc_history {
    brink_ctx_t *ctx;
    size_t n, d, states, cap_states;
    double *pos, *ideal;   /* states x n x d, unit scale */
    double *prob, *risk;   /* states x n */
    double *rn0;           /* n x n risk-neutral utilities of turn 0 */
    int *target;           /* states x n: challenge made from this state (-1 none) */
    double *deu, *tprob;   /* states x n */
    double *stop;          /* states: stop ratio after the step into t (0 for t=0) */
    uint64_t *mover;       /* states x n */
    double *chlg;          /* turns x n x n x 9 when recorded: P(i>j), UtilChlg's four for i, for j */
    double *chlgj;         /* turns x n x 3: the target's view of i's challenge */
    size_t chlg_turns, cap_chlg;
    fc_bargain_rec_t *bargains;
    double *coords;        /* nbargains x 2 x d */
    size_t nbargains, cap_bargains;
};

brink_status_t fc_history_reserve(brink_fc_history_t *h, size_t states);
brink_status_t fc_history_reserve_challenges(brink_fc_history_t *h, size_t turns);
brink_status_t fc_history_add_bargain(brink_fc_history_t *h, const fc_bargain_rec_t *b,
                                      const double *pi, const double *pr);

#endif
