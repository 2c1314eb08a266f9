/*
 * failing_alloc.h - test support: an allocator (brink_allocator_t hooks)
 * that fails the N-th allocation and counts live blocks, for fault
 * injection loops; and slurp(), reading a whole file.  Header-only, for
 * the unit tests.
 */
#ifndef BRINK_TEST_FAILING_ALLOC_H
#define BRINK_TEST_FAILING_ALLOC_H

#include <stdio.h>
#include <stdlib.h>

#include "brink/core.h"

typedef struct failing {
    long countdown; /* fail when it reaches 0; negative: never */
    long live;      /* blocks allocated and not yet freed */
    long calls;     /* allocation calls so far */
} failing_t;

static inline void *f_malloc(size_t n, void *ud)
{
    failing_t *f = ud;
    f->calls++;
    if (f->countdown >= 0 && f->countdown-- == 0)
        return NULL;
    f->live++;
    return malloc(n);
}

static inline void *f_realloc(void *p, size_t n, void *ud)
{
    failing_t *f = ud;
    f->calls++;
    if (f->countdown >= 0 && f->countdown-- == 0)
        return NULL;
    if (!p)
        f->live++;
    return realloc(p, n);
}

static inline void f_free(void *p, void *ud)
{
    failing_t *f = ud;
    if (p)
        f->live--;
    free(p);
}

/* The hooks above bound to f. */
static inline brink_allocator_t failing_allocator(failing_t *f)
{
    brink_allocator_t a = {f_malloc, f_realloc, f_free, f};
    return a;
}

/* The whole file at path, NUL-terminated (length in *len), or NULL. */
static inline char *slurp(const char *path, size_t *len)
{
    *len = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

#endif
