/* nashfloat.h - double-precision tools shared by the N-player methods
 * (liap, gnm, enumpoly): payoffs of each pure strategy against a mixed
 * profile and their derivatives, regret, Newton's method on a support, and
 * the check every reported profile passes.  Not installed. */
#ifndef BRINK_NASHFLOAT_H
#define BRINK_NASHFLOAT_H

#include "game/game_internal.h"

typedef struct nf_game {
    const brink_game_t *g; /* the strategic form (borrowed) */
    int np;
    const int *ns;         /* strategies per player (borrowed) */
    size_t *off;           /* np + 1: offset of player p's strategies in a profile */
    size_t width;          /* total number of strategies */
    size_t ncont;
    const double *pay;     /* ncont * np, player 1 fastest (borrowed) */
    double range;          /* largest minus smallest payoff (1 if all equal) */
    double tol;            /* regret tolerance: 1e-9 x max(1, range) */
    /* scratch */
    int *s;                /* np: a pure profile */
    double *pre, *suf;     /* np + 1 prefix / suffix products */
} nf_game_t;

brink_status_t nf_init(brink_ctx_t *ctx, nf_game_t *nf, const brink_game_t *g);
void nf_free(brink_ctx_t *ctx, nf_game_t *nf);

/* val[off[p] + s] = payoff to p of pure s against the others' mixtures in
 * sigma.  O(contingencies x players). */
void nf_values(nf_game_t *nf, const double *sigma, double *val);
/* J[(off[p]+s) * width + off[q]+t] = d val[off[p]+s] / d sigma[off[q]+t]
 * (0 for q == p); also val.  O(contingencies x players^3). */
void nf_jacobian(nf_game_t *nf, const double *sigma, double *val, double *J);
/* max over players of best pure payoff minus the profile's payoff */
double nf_regret(nf_game_t *nf, const double *sigma, double *val);

/* Solves A x = b (n x n, row-major, both overwritten; x in b) by Gaussian
 * elimination with partial pivoting.  Returns 0, or -1 if A is singular
 * to working precision. */
int nf_linsolve(int n, double *A, double *b);

/* Newton's method on the support in[] (nonzero: strategy in the support):
 * solves val(p, s) = v_p for s in the support and sum of sigma_p = 1,
 * sigma = 0 off the support, starting from sigma.  Returns 0 if it
 * converged (sigma updated), -1 otherwise.  scratch: see nf_scratch_size. */
int nf_newton(nf_game_t *nf, const unsigned char *in, double *sigma, double *scratch);
size_t nf_scratch_size(const nf_game_t *nf);

/* The check and refinement every floating method applies to a candidate
 * sigma (an approximate equilibrium): Newton on the support
 * {sigma > 1e-6}, then on the support of the result; the result is kept if
 * every probability is >= -1e-12 (negatives set to 0, each player's
 * mixture renormalised) and its regret is at most nf->tol.  Returns 1 if
 * kept (sigma holds the refined profile and *regret its regret), 0 if not,
 * -1 out of memory. */
int nf_refine(brink_ctx_t *ctx, nf_game_t *nf, double *sigma, double *regret);

/* Adds sigma with its regret to e unless a profile within 1e-7 in every
 * value is already there.  BRINK_OK or BRINK_ENOMEM. */
brink_status_t nf_add_unique(brink_ctx_t *ctx, brink_eqset_t *e, const double *sigma,
                             double regret);

#endif
