/* test_fault.c - fault injection: the scenario loader with an allocator that
 * fails the N-th allocation, for every N until loading succeeds.  Every
 * failure must be reported (never a crash) and free all it took. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"
#include "support/failing_alloc.h"






/* Loads text with the N-th allocation failing, for every N; returns the
 * number of allocations a successful (or finally reported) load needs. */
static long fault_loop(const char *name, const char *text, size_t len, const char *const *sets,
                       size_t nsets)
{
    failing_t f = {-1, 0, 0};
    brink_allocator_t a = failing_allocator(&f);
    /* the reference run: how many allocations, and which status */
    brink_ctx_t *ctx = brink_ctx_new(&a);
    assert_non_null(ctx);
    long base_live = f.live;
    brink_diags_t d;
    brink_diags_init(&d);
    brink_scenario_t *sc = NULL;
    f.calls = 0;
    brink_status_t expect = brink_scenario_load_string(ctx, name, text, len, sets, nsets, &sc, &d);
    long total = f.calls;
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &d);
    assert_int_equal(f.live, base_live);
    for (long n = 0; n < total; n++) {
        f.countdown = n;
        sc = NULL;
        brink_status_t st = brink_scenario_load_string(ctx, name, text, len, sets, nsets, &sc, &d);
        f.countdown = -1;
        if (st == BRINK_OK)
            assert_non_null(sc);
        else
            assert_null(sc);
        /* either the injected failure is reported as ENOMEM, or the load
         * ends as the reference did (a failing diagnostic copy is dropped) */
        if (st != BRINK_ENOMEM && st != expect) {
            fprintf(stderr, "%s: allocation %ld failing gave %s, expected %s or ENOMEM\n", name, n,
                    brink_strerror(st), brink_strerror(expect));
            fail();
        }
        brink_scenario_free(sc);
        brink_diags_clear(ctx, &d);
        if (f.live != base_live) {
            fprintf(stderr, "%s: allocation %ld failing leaked %ld blocks\n", name, n,
                    f.live - base_live);
            fail();
        }
    }
    brink_ctx_free(ctx);
    assert_int_equal(f.live, 0);
    return total;
}

static void test_fault_valid_scenarios(void **state)
{
    (void)state;
    const char *files[] = {BRINK_TEST_DIR "/suites/scenario-valid/korea/input.yaml",
                           BRINK_TEST_DIR "/suites/scenario-valid/minimal/input.yaml",
                           BRINK_TEST_DIR "/suites/scenario-valid/json/input.json"};
    const char *sets[] = {"params.rivalry=0.4", "actors[0].leaders[0].risk=0.1"};
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        char *text = slurp(files[i], &len);
        assert_non_null(text);
        long total = fault_loop(files[i], text, len, NULL, 0);
        assert_true(total > 10);
        fault_loop(files[i], text, len, sets, 2);
        free(text);
    }
}

static void test_fault_invalid_scenarios(void **state)
{
    (void)state;
    const char *dir = BRINK_TEST_DIR "/suites/scenario-invalid";
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    struct dirent *e;
    int cases = 0;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        const char *names[] = {"input.yaml", "input.json"};
        for (int k = 0; k < 2; k++) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s/%s", dir, e->d_name, names[k]);
            size_t len;
            char *text = slurp(path, &len);
            if (!text)
                continue;
            fault_loop(path, text, len, NULL, 0);
            free(text);
            cases++;
        }
    }
    closedir(dp);
    assert_true(cases >= 30);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fault_valid_scenarios),
        cmocka_unit_test(test_fault_invalid_scenarios),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
