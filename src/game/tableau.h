/* tableau.h - fraction-free (integer-pivoting) tableaux over GMP integers,
 * shared by the vertex enumeration and Lemke-Howson.  A tableau with R
 * rows and V variables holds R x (1 + V) integers: column 0 is the right-
 * hand side, column 1 + v is variable v.  Every value is an integer
 * multiple of 1/det: basic variable basis[r] has value T[r][0] / det. */
#ifndef BRINK_GAME_TABLEAU_H
#define BRINK_GAME_TABLEAU_H

#include <gmp.h>

#include "brink/core.h"

typedef struct tableau {
    int rows, vars;
    mpz_t *t;   /* rows * (1 + vars) */
    mpz_t det;
    int *basis; /* rows: the basic variable of each row */
    int *row_of; /* vars: the row of a basic variable, -1 if nonbasic */
} tableau_t;

#define TAB(T, r, c) ((T)->t[(size_t)(r) * (size_t)(1 + (T)->vars) + (size_t)(c)])

/* builds M x + s = 1 for an R x D integer matrix M (row-major, R*D):
 * variables 0..D-1 are x, D..D+R-1 the slacks (basic at the start) */
brink_status_t tab_init(brink_ctx_t *ctx, tableau_t *T, int R, int D, mpz_t *M, int transpose);
brink_status_t tab_copy(brink_ctx_t *ctx, tableau_t *dst, const tableau_t *src);
void tab_free(brink_ctx_t *ctx, tableau_t *T);
/* pivots variable v (column) into the basis at row r */
void tab_pivot(tableau_t *T, int r, int v, mpz_t tmp);

#endif
