/* tableau.c - integer-pivoting tableaux (see tableau.h). */
#include <string.h>

#include "game/tableau.h"

brink_status_t tab_init(brink_ctx_t *ctx, tableau_t *T, int R, int D, mpz_t *M, int transpose)
{
    memset(T, 0, sizeof *T);
    T->rows = R;
    T->vars = D + R;
    size_t cells = (size_t)R * (size_t)(1 + T->vars);
    T->t = brink_malloc(ctx, cells * sizeof *T->t);
    T->basis = brink_malloc(ctx, (size_t)R * sizeof *T->basis);
    T->row_of = brink_malloc(ctx, (size_t)T->vars * sizeof *T->row_of);
    if (!T->t || !T->basis || !T->row_of) {
        brink_free(ctx, T->t);
        brink_free(ctx, T->basis);
        brink_free(ctx, T->row_of);
        memset(T, 0, sizeof *T);
        return BRINK_ENOMEM;
    }
    for (size_t k = 0; k < cells; k++)
        mpz_init(T->t[k]);
    mpz_init_set_ui(T->det, 1);
    for (int r = 0; r < R; r++) {
        mpz_set_ui(TAB(T, r, 0), 1);
        for (int d = 0; d < D; d++)
            mpz_set(TAB(T, r, 1 + d), transpose ? M[(size_t)d * (size_t)R + (size_t)r]
                                                : M[(size_t)r * (size_t)D + (size_t)d]);
        mpz_set_ui(TAB(T, r, 1 + D + r), 1);
        T->basis[r] = D + r;
    }
    for (int v = 0; v < T->vars; v++)
        T->row_of[v] = v >= D ? v - D : -1;
    return BRINK_OK;
}

brink_status_t tab_copy(brink_ctx_t *ctx, tableau_t *dst, const tableau_t *src)
{
    memset(dst, 0, sizeof *dst);
    dst->rows = src->rows;
    dst->vars = src->vars;
    size_t cells = (size_t)src->rows * (size_t)(1 + src->vars);
    dst->t = brink_malloc(ctx, cells * sizeof *dst->t);
    dst->basis = brink_malloc(ctx, (size_t)src->rows * sizeof *dst->basis);
    dst->row_of = brink_malloc(ctx, (size_t)src->vars * sizeof *dst->row_of);
    if (!dst->t || !dst->basis || !dst->row_of) {
        brink_free(ctx, dst->t);
        brink_free(ctx, dst->basis);
        brink_free(ctx, dst->row_of);
        memset(dst, 0, sizeof *dst);
        return BRINK_ENOMEM;
    }
    for (size_t k = 0; k < cells; k++)
        mpz_init_set(dst->t[k], src->t[k]);
    mpz_init_set(dst->det, src->det);
    memcpy(dst->basis, src->basis, (size_t)src->rows * sizeof *dst->basis);
    memcpy(dst->row_of, src->row_of, (size_t)src->vars * sizeof *dst->row_of);
    return BRINK_OK;
}

void tab_free(brink_ctx_t *ctx, tableau_t *T)
{
    if (!T || !T->t)
        return;
    size_t cells = (size_t)T->rows * (size_t)(1 + T->vars);
    for (size_t k = 0; k < cells; k++)
        mpz_clear(T->t[k]);
    mpz_clear(T->det);
    brink_free(ctx, T->t);
    brink_free(ctx, T->basis);
    brink_free(ctx, T->row_of);
    memset(T, 0, sizeof *T);
}

void tab_pivot(tableau_t *T, int r, int v, mpz_t tmp)
{
    int cols = 1 + T->vars;
    mpz_t *pr = &TAB(T, r, 0);
    mpz_t piv, f;
    mpz_init_set(piv, pr[1 + v]);
    mpz_init(f);
    for (int i = 0; i < T->rows; i++) {
        if (i == r)
            continue;
        mpz_t *ri = &TAB(T, i, 0);
        mpz_set(f, ri[1 + v]);
        if (mpz_sgn(f) == 0) {
            /* T' = T * piv / det */
            for (int j = 0; j < cols; j++) {
                if (mpz_sgn(ri[j]) == 0)
                    continue;
                mpz_mul(ri[j], ri[j], piv);
                mpz_divexact(ri[j], ri[j], T->det);
            }
            continue;
        }
        for (int j = 0; j < cols; j++) {
            mpz_mul(ri[j], ri[j], piv);
            mpz_mul(tmp, f, pr[j]);
            mpz_sub(ri[j], ri[j], tmp);
            mpz_divexact(ri[j], ri[j], T->det);
        }
    }
    mpz_set(T->det, piv);
    int old = T->basis[r];
    T->row_of[old] = -1;
    T->basis[r] = v;
    T->row_of[v] = r;
    mpz_clear(piv);
    mpz_clear(f);
}
