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
    if (e->exact && e->big) {
        mpq_t *q = brink_realloc(ctx, e->qbig, cap * w * sizeof *q);
        if (!q)
            return BRINK_ENOMEM;
        e->qbig = q;
    } else if (e->exact) {
        long *n = brink_realloc(ctx, e->qn, cap * w * sizeof *n);
        if (!n)
            return BRINK_ENOMEM;
        e->qn = n;
        long *dd = brink_realloc(ctx, e->qd, cap * w * sizeof *dd);
        if (!dd)
            return BRINK_ENOMEM;
        e->qd = dd;
    }
    e->cap = cap;
    return BRINK_OK;
}

/* from longs to rationals, for a value that does not fit */
static brink_status_t eqset_make_big(brink_ctx_t *ctx, brink_eqset_t *e)
{
    size_t w = e->width ? e->width : 1;
    mpq_t *q = brink_malloc(ctx, (e->cap ? e->cap : 1) * w * sizeof *q);
    if (!q)
        return BRINK_ENOMEM;
    for (size_t k = 0; k < e->count * e->width; k++) {
        mpq_init(q[k]);
        mpq_set_si(q[k], e->qn[k], (unsigned long)e->qd[k]);
    }
    brink_free(ctx, e->qn);
    brink_free(ctx, e->qd);
    e->qn = e->qd = NULL;
    e->qbig = q;
    e->big = 1;
    return BRINK_OK;
}

brink_status_t eqset_add_q(brink_ctx_t *ctx, brink_eqset_t *e, mpq_t *vals)
{
    if (!e->big) {
        size_t j = 0;
        while (j < e->width && mpz_fits_slong_p(mpq_numref(vals[j])) &&
               mpz_fits_slong_p(mpq_denref(vals[j])))
            j++;
        if (j < e->width && eqset_make_big(ctx, e) != BRINK_OK)
            return BRINK_ENOMEM;
    }
    if (eqset_grow(ctx, e) != BRINK_OK)
        return BRINK_ENOMEM;
    size_t base = e->count * e->width;
    for (size_t j = 0; j < e->width; j++) {
        if (e->big) {
            mpq_init(e->qbig[base + j]);
            mpq_set(e->qbig[base + j], vals[j]);
        } else {
            e->qn[base + j] = mpz_get_si(mpq_numref(vals[j]));
            e->qd[base + j] = mpz_get_si(mpq_denref(vals[j]));
        }
        e->d[base + j] = mpq_get_d(vals[j]);
    }
    e->count++;
    return BRINK_OK;
}

brink_status_t eqset_add_ints(brink_ctx_t *ctx, brink_eqset_t *e, const long *vals)
{
    if (eqset_grow(ctx, e) != BRINK_OK)
        return BRINK_ENOMEM;
    size_t base = e->count * e->width;
    for (size_t j = 0; j < e->width; j++) {
        if (e->big) {
            mpq_init(e->qbig[base + j]);
            mpq_set_si(e->qbig[base + j], vals[j], 1);
            e->d[base + j] = mpq_get_d(e->qbig[base + j]);
        } else {
            e->qn[base + j] = vals[j];
            e->qd[base + j] = 1;
            e->d[base + j] = (double)vals[j];
        }
    }
    e->count++;
    return BRINK_OK;
}

void eqset_get_q(const brink_eqset_t *e, size_t k, mpq_t out)
{
    if (e->big)
        mpq_set(out, e->qbig[k]);
    else
        mpq_set_si(out, e->qn[k], (unsigned long)e->qd[k]);
}

int eqset_sgn(const brink_eqset_t *e, size_t k)
{
    if (e->big)
        return mpq_sgn(e->qbig[k]);
    return (e->qn[k] > 0) - (e->qn[k] < 0);
}

void eqset_truncate(brink_eqset_t *e, size_t count)
{
    if (count >= e->count)
        return;
    if (e->exact && e->big)
        for (size_t k = count * e->width; k < e->count * e->width; k++)
            mpq_clear(e->qbig[k]);
    e->count = count;
}

brink_status_t eqset_exact_from_d(brink_ctx_t *ctx, brink_eqset_t *e)
{
    if (e->exact)
        return BRINK_OK;
    size_t n = e->count * e->width;
    e->qbig = brink_malloc(ctx, (e->cap ? e->cap : 1) * (e->width ? e->width : 1) * sizeof *e->qbig);
    if (!e->qbig)
        return BRINK_ENOMEM;
    for (size_t k = 0; k < n; k++) {
        mpq_init(e->qbig[k]);
        mpq_set_d(e->qbig[k], e->d[k]);
    }
    e->big = 1;
    e->exact = 1;
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
        for (; j < e->width; j++) {
            size_t k = i * e->width + j;
            if (e->big ? !mpq_equal(e->qbig[k], vals[j])
                       : mpz_cmp_si(mpq_numref(vals[j]), e->qn[k]) != 0 ||
                             mpz_cmp_si(mpq_denref(vals[j]), e->qd[k]) != 0)
                break;
        }
        if (j == e->width)
            return 1;
    }
    return 0;
}

brink_status_t eqset_set_regret(brink_ctx_t *ctx, brink_eqset_t *e, double regret)
{
    if (!e->count)
        return BRINK_EINVAL;
    double *r = brink_realloc(ctx, e->regret, (e->cap ? e->cap : 1) * sizeof *r);
    if (!r)
        return BRINK_ENOMEM;
    if (!e->regret)
        for (size_t i = 0; i + 1 < e->count; i++)
            r[i] = NAN;
    e->regret = r;
    e->regret[e->count - 1] = regret;
    return BRINK_OK;
}

double brink_eqset_regret(const brink_eqset_t *e, size_t i)
{
    if (!e || !e->regret || i >= e->count)
        return NAN;
    return e->regret[i];
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

/* decimal digits of v; returns the length (no terminator) */
static size_t put_long(char *out, long v)
{
    char t[24];
    size_t n = 0, len = 0;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        t[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        out[len++] = '-';
    while (n)
        out[len++] = t[--n];
    return len;
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
    if (e->exact && decimals < 0 && !e->big) {
        char tmp[48];
        size_t len = put_long(tmp, e->qn[k]);
        if (e->qd[k] != 1) {
            tmp[len++] = '/';
            len += put_long(tmp + len, e->qd[k]);
        }
        if (len + 1 > size)
            return len + 1;
        memcpy(buf, tmp, len);
        buf[len] = '\0';
        return len;
    }
    if (e->exact && decimals < 0) {
        size_t need = mpz_sizeinbase(mpq_numref(e->qbig[k]), 10) +
                      mpz_sizeinbase(mpq_denref(e->qbig[k]), 10) + 3;
        if (need > size) {
            return need;
        }
        mpq_get_str(buf, 10, e->qbig[k]);
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
    if (e->qbig) {
        for (size_t k = 0; k < e->count * e->width; k++)
            mpq_clear(e->qbig[k]);
        brink_free(ctx, e->qbig);
    }
    brink_free(ctx, e->qn);
    brink_free(ctx, e->qd);
    brink_free(ctx, e->d);
    brink_free(ctx, e->regret);
    brink_free(ctx, e);
}
