/* rational.c - exact numbers: parsing Gambit's number syntax into GMP
 * rationals and printing them back, plus a small growable text buffer. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/game_internal.h"

void gbuf_init(gbuf_t *b, brink_ctx_t *ctx)
{
    memset(b, 0, sizeof *b);
    b->ctx = ctx;
}

static int gbuf_reserve(gbuf_t *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = brink_realloc(b->ctx, b->data, cap);
    if (!d) {
        b->failed = 1;
        return 0;
    }
    b->data = d;
    b->cap = cap;
    return 1;
}

void gbuf_puts(gbuf_t *b, const char *s)
{
    size_t n = strlen(s);
    if (!gbuf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n + 1);
    b->len += n;
}

void gbuf_putc(gbuf_t *b, char c)
{
    if (!gbuf_reserve(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void gbuf_printf(gbuf_t *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        gbuf_puts(b, tmp);
        return;
    }
    if (!gbuf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void gbuf_put_q(gbuf_t *b, const mpq_t q)
{
    size_t need = mpz_sizeinbase(mpq_numref(q), 10) + mpz_sizeinbase(mpq_denref(q), 10) + 3;
    if (!gbuf_reserve(b, need))
        return;
    mpq_get_str(b->data + b->len, 10, q);
    b->len += strlen(b->data + b->len);
}

void gbuf_put_quoted(gbuf_t *b, const char *s)
{
    gbuf_putc(b, '"');
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            gbuf_putc(b, '\\');
        gbuf_putc(b, *s);
    }
    gbuf_putc(b, '"');
}

/* integer, decimal (".5", "7.600000", "-1.5e-3") or rational "p/q" */
int game_parse_number(const char *s, size_t len, mpq_t q)
{
    {
        /* the common case: a short integer */
        size_t i = s[0] == '-' || s[0] == '+';
        if (len > i && len - i <= 18) {
            long v = 0;
            size_t j = i;
            for (; j < len && s[j] >= '0' && s[j] <= '9'; j++)
                v = v * 10 + (s[j] - '0');
            if (j == len) {
                mpq_set_si(q, s[0] == '-' ? -v : v, 1);
                return 0;
            }
        }
    }
    char buf[256];
    char *big = NULL;
    char *t = buf;
    int rc = -1;
    if (len == 0)
        return -1;
    if (len >= sizeof buf) {
        big = malloc(len + 1);
        if (!big)
            return -1;
        t = big;
    }
    memcpy(t, s, len);
    t[len] = '\0';
    char *slash = strchr(t, '/');
    if (slash) {
        *slash = '\0';
        const char *num = t, *den = slash + 1;
        const char *d = num;
        if (*d == '+' || *d == '-')
            d++;
        if (!*d || !*den)
            goto done;
        for (const char *c = d; *c; c++)
            if (!isdigit((unsigned char)*c))
                goto done;
        for (const char *c = den; *c; c++)
            if (!isdigit((unsigned char)*c))
                goto done;
        if (mpz_set_str(mpq_numref(q), *num == '+' ? num + 1 : num, 10) != 0)
            goto done;
        if (mpz_set_str(mpq_denref(q), den, 10) != 0 || mpz_sgn(mpq_denref(q)) == 0) {
            mpz_set_ui(mpq_denref(q), 1);
            goto done;
        }
        mpq_canonicalize(q);
        rc = 0;
        goto done;
    }
    {
        const char *c = t;
        int neg = 0;
        if (*c == '+' || *c == '-') {
            neg = *c == '-';
            c++;
        }
        /* digits with at most one '.', then optional exponent */
        char digits[256];
        char *dg = digits;
        char *dbig = NULL;
        if (len >= sizeof digits) {
            dbig = malloc(len + 1);
            if (!dbig)
                goto done;
            dg = dbig;
        }
        size_t nd = 0;
        long frac = 0;
        int seen_dot = 0, any = 0;
        for (; *c && *c != 'e' && *c != 'E'; c++) {
            if (*c == '.') {
                if (seen_dot) {
                    free(dbig);
                    goto done;
                }
                seen_dot = 1;
            } else if (isdigit((unsigned char)*c)) {
                dg[nd++] = *c;
                any = 1;
                if (seen_dot)
                    frac++;
            } else {
                free(dbig);
                goto done;
            }
        }
        long ex = 0;
        if (*c == 'e' || *c == 'E') {
            c++;
            int eneg = 0;
            if (*c == '+' || *c == '-') {
                eneg = *c == '-';
                c++;
            }
            if (!isdigit((unsigned char)*c)) {
                free(dbig);
                goto done;
            }
            for (; isdigit((unsigned char)*c); c++) {
                ex = ex * 10 + (*c - '0');
                if (ex > 100000) {
                    free(dbig);
                    goto done;
                }
            }
            if (*c) {
                free(dbig);
                goto done;
            }
            if (eneg)
                ex = -ex;
        }
        if (!any) {
            free(dbig);
            goto done;
        }
        dg[nd] = '\0';
        mpz_set_str(mpq_numref(q), dg, 10);
        free(dbig);
        mpz_set_ui(mpq_denref(q), 1);
        long p10 = ex - frac;
        if (p10 > 0) {
            mpz_t m;
            mpz_init(m);
            mpz_ui_pow_ui(m, 10, (unsigned long)p10);
            mpz_mul(mpq_numref(q), mpq_numref(q), m);
            mpz_clear(m);
        } else if (p10 < 0) {
            mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)(-p10));
        }
        mpq_canonicalize(q);
        if (neg)
            mpq_neg(q, q);
        rc = 0;
    }
done:
    free(big);
    return rc;
}

double game_q_to_d(mpq_srcptr q)
{
    /* integers below 2^53 convert exactly; anything else as mpq_get_d does */
    if (mpz_cmp_ui(mpq_denref(q), 1) == 0 && mpz_size(mpq_numref(q)) <= 1) {
        mp_limb_t v = mpz_getlimbn(mpq_numref(q), 0);
        if (v < ((mp_limb_t)1 << 53))
            return mpz_sgn(mpq_numref(q)) < 0 ? -(double)v : (double)v;
    }
    return mpq_get_d(q);
}
