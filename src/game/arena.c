/* arena.c - the per-game arena: the parts of a tree that the .efg reader
 * creates node by node (names, action lists, chance probabilities, outcome
 * payoffs) are carved out of large blocks owned by the game and released
 * together, instead of one allocation each.  Exact numbers stored here are
 * read-only GMP rationals whose limbs live in the arena too (mpz_roinit_n):
 * they may be read by any GMP function but never modified or cleared.
 * Blocks are 8-byte aligned (pointers, doubles, GMP limbs and mpq_t). */
#include <string.h>

#include "game/game_internal.h"

struct game_chunk {
    struct game_chunk *next;
    size_t used, cap;
};

#define ALIGN ((size_t)8)
/* the header rounded up so that the data keeps the alignment */
#define CHUNK_HEAD ((sizeof(struct game_chunk) + ALIGN - 1) & ~(ALIGN - 1))
#define CHUNK_MIN ((size_t)64 << 10)
#define CHUNK_MAX ((size_t)1 << 20)

void *game_arena_alloc(brink_ctx_t *ctx, brink_game_t *g, size_t n)
{
    n = (n + ALIGN - 1) & ~(ALIGN - 1);
    struct game_chunk *c = g->arena;
    if (!c || c->cap - c->used < n) {
        size_t cap = c ? 2 * c->cap : CHUNK_MIN;
        if (cap > CHUNK_MAX)
            cap = CHUNK_MAX;
        if (cap < n)
            cap = n;
        struct game_chunk *nc = brink_malloc(ctx, CHUNK_HEAD + cap);
        if (!nc)
            return NULL;
        nc->used = 0;
        nc->cap = cap;
        if (c && cap == n && c->cap - c->used >= 256) {
            /* a large block: keep filling the current chunk afterwards */
            nc->next = c->next;
            c->next = nc;
            nc->used = n;
            return (char *)nc + CHUNK_HEAD;
        }
        nc->next = c;
        g->arena = c = nc;
    }
    void *p = (char *)c + CHUNK_HEAD + c->used;
    c->used += n;
    return p;
}

char *game_arena_strndup(brink_ctx_t *ctx, brink_game_t *g, const char *s, size_t n)
{
    char *d = game_arena_alloc(ctx, g, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* limbs of 0 and 1, shared by every read-only 0, 1 and denominator 1 */
static const mp_limb_t small_limbs[2] = {0, 1};

static int roinit(brink_ctx_t *ctx, brink_game_t *g, mpz_ptr dst, mpz_srcptr src)
{
    size_t n = mpz_size(src);
    if (n == 0 || (n == 1 && mpz_getlimbn(src, 0) == 1)) {
        mpz_roinit_n(dst, &small_limbs[n], mpz_sgn(src) < 0 ? -(mp_size_t)n : (mp_size_t)n);
        return 1;
    }
    mp_limb_t *l = game_arena_alloc(ctx, g, (n ? n : 1) * sizeof *l);
    if (!l)
        return 0;
    if (n)
        memcpy(l, mpz_limbs_read(src), n * sizeof *l);
    else
        l[0] = 0;
    mpz_roinit_n(dst, l, mpz_sgn(src) < 0 ? -(mp_size_t)n : (mp_size_t)n);
    return 1;
}

int game_arena_mpq(brink_ctx_t *ctx, brink_game_t *g, mpq_ptr dst, mpq_srcptr src)
{
    return roinit(ctx, g, mpq_numref(dst), mpq_numref(src)) &&
           roinit(ctx, g, mpq_denref(dst), mpq_denref(src));
}

void game_arena_free(brink_ctx_t *ctx, brink_game_t *g)
{
    struct game_chunk *c = g->arena;
    while (c) {
        struct game_chunk *n = c->next;
        brink_free(ctx, c);
        c = n;
    }
    g->arena = NULL;
}
