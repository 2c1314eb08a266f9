/* simplex.h - the exact two-phase simplex method behind `lp` (strategic
 * and sequence form).  Not installed.
 *
 * Solves   maximize c x  subject to  A x + s = b,  x >= 0,
 *          s_i >= 0 for the first rows - nequals rows, s_i = 0 for the last
 *          nequals rows,
 * with b >= 0, and returns an optimal basic solution x and the optimal dual
 * y (the value of relaxing row i; 0 where the slack of row i is basic).
 *
 * The pivoting rule is fixed, because a game's optimal set is often not a
 * single point and the vertex reported is part of the result (it must be
 * the one Gambit reports):
 *  - phase 1 starts from the all-slack basis and maximizes minus the sum of
 *    the equality rows' slacks, stopping as soon as that sum is 0; phase 2
 *    keeps the basis, fixes those slacks at 0 and maximizes c x;
 *  - the entering variable has the largest reduced cost (Dantzig), where
 *    the reduced costs of the x columns are multiplied by D, the least
 *    common denominator of A and b (so the comparison is the one of the
 *    integer system D A x + s' = D b with s' = D s); ties go to the first
 *    variable, x before s, in column and row order;
 *  - the leaving row has the smallest ratio; ties go to the first row.  A
 *    fixed slack (an equality row's, in phase 2) that is basic at 0 leaves
 *    at ratio 0 whichever the sign of its entry.
 * Arithmetic: fraction-free integer tableau (GMP), exact.  Dantzig's rule
 * has no anti-cycling guarantee; a pivot limit turns cycling into an error. */
#ifndef BRINK_GAME_SIMPLEX_H
#define BRINK_GAME_SIMPLEX_H

#include <gmp.h>

#include "brink/core.h"

typedef struct lp_problem {
    int rows, cols, nequals;
    mpq_t *A;       /* rows * cols, row-major (not modified) */
    mpq_t *b;       /* rows, every entry >= 0 (not modified) */
    const int *c;   /* cols, integer objective coefficients */
} lp_problem_t;

/* x: cols initialised mpq_t, y: rows initialised mpq_t (outputs).
 * Returns BRINK_OK, BRINK_ENUMERIC (infeasible, unbounded or cycling; with
 * a message on ctx), BRINK_ELIMIT (the dense tableau would exceed 2^26
 * cells), BRINK_EINTERRUPT or BRINK_ENOMEM.  Time: O(pivots x rows x
 * (rows + cols)) big-integer operations; memory O(rows x (rows + cols)). */
brink_status_t lp_simplex(brink_ctx_t *ctx, const lp_problem_t *P, mpq_t *x, mpq_t *y);

#endif
