/* eqset.c - lists of equilibrium profiles and their Gambit-style printing. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "game/game_internal.h"

brink_eqset_t *eqset_new(brink_ctx_t *ctx, brink_profile_kind_t kind, int exact, size_t width)
{
    brink_eqset_t *e = brink_calloc(ctx, 1, sizeof *e);
    if (!e)
        return NULL;
    e->kind = kind;
    e->exact = exact;
    e->width = width;
    return e;
}

static brink_status_t eqset_grow(brink_ctx_t *ctx, brink_eqset_t *e)
{
    if (e->count < e->cap)
        return BRINK_OK;
    size_t cap = e->cap ? e->cap * 2 : 8;
    size_t w = e->width ? e->width : 1;
    double *d = brink_realloc(ctx, e->d, cap * w * sizeof *d);
    if (!d)
        return BRINK_ENOMEM;
    e->d = d;
    if (e->exact) {
        mpq_t *q = brink_realloc(ctx, e->q, cap * w * sizeof *q);
        if (!q)
            return BRINK_ENOMEM;
        e->q = q;
    }
    e->cap = cap;
    return BRINK_OK;
}

brink_status_t eqset_add_q(brink_ctx_t *ctx, brink_eqset_t *e, mpq_t *vals)
{
    if (eqset_grow(ctx, e) != BRINK_OK)
        return BRINK_ENOMEM;
    size_t base = e->count * e->width;
    for (size_t j = 0; j < e->width; j++) {
        mpq_init(e->q[base + j]);
        mpq_set(e->q[base + j], vals[j]);
        e->d[base + j] = mpq_get_d(vals[j]);
    }
    e->count++;
    return BRINK_OK;
}

brink_status_t eqset_add_d(brink_ctx_t *ctx, brink_eqset_t *e, const double *vals)
{
    if (eqset_grow(ctx, e) != BRINK_OK)
        return BRINK_ENOMEM;
    memcpy(e->d + e->count * e->width, vals, e->width * sizeof *vals);
    e->count++;
    return BRINK_OK;
}

int eqset_has_q(const brink_eqset_t *e, mpq_t *vals)
{
    for (size_t i = 0; i < e->count; i++) {
        size_t j = 0;
        for (; j < e->width; j++)
            if (!mpq_equal(e->q[i * e->width + j], vals[j]))
                break;
        if (j == e->width)
            return 1;
    }
    return 0;
}

size_t brink_eqset_count(const brink_eqset_t *e)
{
    return e ? e->count : 0;
}

size_t brink_eqset_width(const brink_eqset_t *e)
{
    return e ? e->width : 0;
}

brink_profile_kind_t brink_eqset_kind(const brink_eqset_t *e)
{
    return e ? e->kind : BRINK_PROFILE_MIXED;
}

int brink_eqset_exact(const brink_eqset_t *e)
{
    return e ? e->exact : 0;
}

int brink_eqset_has_lambda(const brink_eqset_t *e)
{
    return e ? e->has_lambda : 0;
}

const char *brink_eqset_note(const brink_eqset_t *e)
{
    return e ? e->note : "";
}

double brink_eqset_value(const brink_eqset_t *e, size_t i, size_t j)
{
    if (!e || i >= e->count || j >= e->width)
        return NAN;
    return e->d[i * e->width + j];
}

size_t brink_eqset_format(const brink_eqset_t *e, size_t i, size_t j, int decimals, char *buf,
                          size_t size)
{
    if (size)
        buf[0] = '\0';
    if (!e || i >= e->count || j >= e->width)
        return 0;
    size_t k = i * e->width + j;
    int n;
    if (e->exact && decimals < 0) {
        size_t need = mpz_sizeinbase(mpq_numref(e->q[k]), 10) +
                      mpz_sizeinbase(mpq_denref(e->q[k]), 10) + 3;
        if (need > size) {
            return need;
        }
        mpq_get_str(buf, 10, e->q[k]);
        return strlen(buf);
    }
    double v = e->d[k];
    if (v == 0.0)
        v = 0.0; /* no "-0" */
    if (decimals >= 0)
        n = snprintf(buf, size, "%.*f", decimals, v);
    else
        n = snprintf(buf, size, "%g", v);
    return n < 0 ? 0 : (size_t)n;
}

void brink_eqset_free(brink_ctx_t *ctx, brink_eqset_t *e)
{
    if (!e)
        return;
    if (e->q) {
        for (size_t k = 0; k < e->count * e->width; k++)
            mpq_clear(e->q[k]);
        brink_free(ctx, e->q);
    }
    brink_free(ctx, e->d);
    brink_free(ctx, e);
}
