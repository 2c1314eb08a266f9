/* test_game_alloc.c - fault injection: an allocator that fails the N-th
 * allocation, for every N until the operation succeeds, proves that every
 * error path of the readers, writers and solvers returns BRINK_ENOMEM and
 * frees what it took (the ASan build checks the leaks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "brink/game.h"

typedef struct failing {
    long countdown; /* allocations left before failing; < 0 never fails */
} failing_t;

static void *f_malloc(size_t n, void *ud)
{
    failing_t *f = ud;
    if (f->countdown == 0)
        return NULL;
    if (f->countdown > 0)
        f->countdown--;
    return malloc(n);
}

static void *f_realloc(void *p, size_t n, void *ud)
{
    failing_t *f = ud;
    if (f->countdown == 0)
        return NULL;
    if (f->countdown > 0)
        f->countdown--;
    return realloc(p, n);
}

static void f_free(void *p, void *ud)
{
    (void)ud;
    free(p);
}

static const char *NFG = "NFG 1 R \"t\" { \"a\" \"b\" } { 3 2 }\n\"c\"\n"
                         "1 2 3/4 0 -1 2.5 0 1 2 2 1 0\n";
static const char *EFG = "EFG 2 R \"t\" { \"a\" \"b\" }\n\"\"\n"
                         "c \"\" 1 \"n\" { \"h\" 1/2 \"t\" 1/2 } 0\n"
                         "p \"\" 1 1 \"i\" { \"x\" \"y\" } 0\n"
                         "p \"\" 2 1 \"j\" { \"l\" \"r\" } 0\n"
                         "t \"\" 1 \"o1\" { 1 -1 }\n"
                         "t \"\" 2 \"o2\" { -1 1 }\n"
                         "t \"\" 3 \"o3\" { 0 0 }\n"
                         "p \"\" 1 2 \"k\" { \"x\" \"y\" } 0\n"
                         "p \"\" 2 1 0\n"
                         "t \"\" 2\n"
                         "t \"\" 1\n"
                         "t \"\" 3\n";

/* a constant-sum game for lp */
static const char *CSNFG = "NFG 1 R \"cs\" { \"a\" \"b\" } { 3 2 }\n\"\"\n"
                           "1 1 1/2 3/2 0 2 2 0 1 1 3/4 5/4\n";

/* reads text, writes it back, and solves it with method m (on the reduced
 * strategic form if strategic); returns the status */
static brink_status_t run_once(brink_ctx_t *ctx, const char *text, brink_method_t m,
                               int strategic)
{
    brink_game_t *g = NULL;
    brink_status_t st = brink_game_read_string(ctx, text, strlen(text), "t", &g, NULL);
    if (st != BRINK_OK)
        return st;
    char *out = NULL;
    st = brink_game_write(ctx, g, BRINK_FMT_AUTO, &out, NULL);
    brink_free(ctx, out);
    if (st == BRINK_OK) {
        brink_solve_opts_t o = {.method = m, .strategic = strategic};
        brink_eqset_t *eq = NULL;
        st = brink_game_solve(ctx, g, &o, &eq);
        brink_eqset_free(ctx, eq);
    }
    brink_game_free(ctx, g);
    return st;
}

static void fail_every_allocation_s(const char *text, brink_method_t m, int strategic)
{
    for (long n = 0;; n++) {
        failing_t f = {-1};
        brink_allocator_t a = {f_malloc, f_realloc, f_free, &f};
        brink_ctx_t *ctx = brink_ctx_new(&a);
        assert_non_null(ctx);
        f.countdown = n;
        brink_status_t st = run_once(ctx, text, m, strategic);
        brink_ctx_free(ctx);
        if (st == BRINK_OK)
            return;
        if (st != BRINK_ENOMEM)
            fail_msg("allocation %ld failed: status %d instead of BRINK_ENOMEM", n, st);
        assert_true(n < 100000);
    }
}

static void fail_every_allocation(const char *text, brink_method_t m)
{
    fail_every_allocation_s(text, m, 0);
}

static void test_nfg(void **state)
{
    (void)state;
    fail_every_allocation(NFG, BRINK_METHOD_ENUMPURE);
    fail_every_allocation(NFG, BRINK_METHOD_ENUMMIXED);
    fail_every_allocation(NFG, BRINK_METHOD_LCP);
    fail_every_allocation(NFG, BRINK_METHOD_LOGIT);
    fail_every_allocation(CSNFG, BRINK_METHOD_LP);
}

static void test_efg(void **state)
{
    (void)state;
    fail_every_allocation(EFG, BRINK_METHOD_ENUMPURE);
    fail_every_allocation(EFG, BRINK_METHOD_LCP);
    fail_every_allocation(EFG, BRINK_METHOD_SPE);
    fail_every_allocation(EFG, BRINK_METHOD_LP);          /* sequence form */
    fail_every_allocation_s(EFG, BRINK_METHOD_LP, 1);     /* reduced strategic form */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nfg),
        cmocka_unit_test(test_efg),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
