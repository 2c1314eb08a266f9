/* number.c - the one decimal number syntax of brink's readers. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brink/core.h"

static size_t digits(const char *s, size_t i, size_t n)
{
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

int brink_parse_decimal(const char *s, size_t n, double *out)
{
    if (!s || !out || n == 0 || n > 1024)
        return -1;
    size_t i = 0;
    if (s[i] == '+' || s[i] == '-')
        i++;
    size_t d0 = i;
    i = digits(s, i, n);
    size_t nint = i - d0, nfrac = 0;
    if (i < n && s[i] == '.') {
        size_t f0 = ++i;
        i = digits(s, i, n);
        nfrac = i - f0;
    }
    if (nint + nfrac == 0)
        return -1;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t e0 = i;
        i = digits(s, i, n);
        if (i == e0)
            return -1;
    }
    if (i != n)
        return -1;
    char buf[1032];
    memcpy(buf, s, n);
    buf[n] = '\0';
    errno = 0;
    char *end = NULL;
    double v = strtod(buf, &end);
    if (end != buf + n)
        return -1;
    if (errno == ERANGE && (isinf(v) || fabs(v) > 1.0))
        return -2;
    *out = v; /* an underflow is a subnormal or zero: a value, not an error */
    return 0;
}
