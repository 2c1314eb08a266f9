/* test_core.c - the context, status codes, allocator hooks and diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brink/brink.h"

static void test_strerror_covers_every_code(void **state)
{
    (void)state;
    for (int s = 0; s < BRINK_STATUS_COUNT; s++) {
        const char *m = brink_strerror((brink_status_t)s);
        assert_non_null(m);
        assert_true(strlen(m) > 3);
        assert_string_not_equal(m, "unknown status");
        for (int t = 0; t < s; t++)
            assert_string_not_equal(m, brink_strerror((brink_status_t)t));
    }
    assert_string_equal(brink_strerror(BRINK_STATUS_COUNT), "unknown status");
    assert_string_equal(brink_strerror((brink_status_t)-1), "unknown status");
    assert_string_equal(brink_strerror(BRINK_OK), "success");
}

static void test_ctx_error_roundtrip(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    assert_non_null(ctx);
    assert_string_equal(brink_ctx_errmsg(ctx), "");
    assert_int_equal(brink_ctx_errcode(ctx), BRINK_OK);
    assert_int_equal(brink_ctx_error(ctx, BRINK_EIO, "cannot open %s (%d)", "x.yaml", 7),
                     BRINK_EIO);
    assert_string_equal(brink_ctx_errmsg(ctx), "cannot open x.yaml (7)");
    assert_int_equal(brink_ctx_errcode(ctx), BRINK_EIO);
    brink_ctx_clear_error(ctx);
    assert_string_equal(brink_ctx_errmsg(ctx), "");
    /* long messages are cut, never overflow */
    char big[4000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    brink_ctx_error(ctx, BRINK_EINVAL, "%s", big);
    assert_int_equal(strlen(brink_ctx_errmsg(ctx)), 1023);
    brink_ctx_free(ctx);
    brink_ctx_free(NULL);
}

typedef struct counting {
    size_t live, total;
} counting_t;

static void *c_malloc(size_t n, void *ud)
{
    counting_t *c = ud;
    c->live++;
    c->total++;
    return malloc(n);
}

static void *c_realloc(void *p, size_t n, void *ud)
{
    counting_t *c = ud;
    if (!p) {
        c->live++;
        c->total++;
    }
    return realloc(p, n);
}

static void c_free(void *p, void *ud)
{
    counting_t *c = ud;
    if (p)
        c->live--;
    free(p);
}

static void test_allocator_hooks_are_used(void **state)
{
    (void)state;
    counting_t c = {0, 0};
    brink_allocator_t a = {c_malloc, c_realloc, c_free, &c};
    brink_ctx_t *ctx = brink_ctx_new(&a);
    assert_non_null(ctx);
    assert_int_equal(c.live, 1); /* the context itself */
    char *s = brink_strdup(ctx, "hello");
    assert_string_equal(s, "hello");
    int *v = brink_calloc(ctx, 10, sizeof *v);
    for (int i = 0; i < 10; i++)
        assert_int_equal(v[i], 0);
    assert_null(brink_calloc(ctx, SIZE_MAX / 2, 4)); /* overflow refused */
    assert_int_equal(c.live, 3);
    brink_free(ctx, s);
    brink_free(ctx, v);
    brink_free(ctx, NULL);
    brink_ctx_t *child = brink_ctx_new_child(ctx);
    assert_non_null(child);
    assert_int_equal(c.live, 2);
    brink_ctx_free(child);
    brink_ctx_free(ctx);
    assert_int_equal(c.live, 0);
}

static int progress_calls;
static uint64_t last_done, last_total;
static void on_progress(uint64_t done, uint64_t total, void *ud)
{
    (void)ud;
    progress_calls++;
    last_done = done;
    last_total = total;
}
static char logged[256];
static void on_log(brink_log_level_t level, const char *msg, void *ud)
{
    (void)ud;
    (void)level;
    strncpy(logged, msg, sizeof logged - 1);
}
static int stop_now;
static int on_interrupt(void *ud)
{
    (void)ud;
    return stop_now;
}

static void test_callbacks(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_ctx_progress(ctx, 1, 2); /* no callback: nothing happens */
    brink_ctx_log(ctx, BRINK_LOG_INFO, "nobody listens");
    assert_false(brink_ctx_interrupted(ctx));
    brink_ctx_set_progress(ctx, on_progress, NULL);
    brink_ctx_set_log(ctx, on_log, NULL);
    brink_ctx_set_interrupt(ctx, on_interrupt, NULL);
    brink_ctx_progress(ctx, 5, 9);
    assert_int_equal(progress_calls, 1);
    assert_int_equal(last_done, 5);
    assert_int_equal(last_total, 9);
    brink_ctx_log(ctx, BRINK_LOG_WARN, "run %d of %d", 3, 4);
    assert_string_equal(logged, "run 3 of 4");
    assert_false(brink_ctx_interrupted(ctx));
    stop_now = 1;
    assert_true(brink_ctx_interrupted(ctx));
    brink_ctx_t *child = brink_ctx_new_child(ctx);
    assert_true(brink_ctx_interrupted(child)); /* callbacks are inherited */
    brink_ctx_free(child);
    brink_ctx_free(ctx);
}

static void test_diags_format_and_limit(void **state)
{
    (void)state;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_diags_t d;
    brink_diags_init(&d);
    assert_int_equal(brink_diags_add(ctx, &d, "a.yaml", 3, 14, "actors[0].power",
                                     "actors[0].power: %s", "too big"),
                     BRINK_OK);
    char buf[256];
    brink_diag_format(&d.items[0], buf, sizeof buf);
    assert_string_equal(buf, "a.yaml:3:14: error: actors[0].power: too big");
    assert_string_equal(d.items[0].path, "actors[0].power");
    d.limit = 5;
    for (int i = 0; i < 20; i++)
        brink_diags_add(ctx, &d, "a.yaml", i, 1, "", "problem %d", i);
    assert_int_equal(d.count, 5);
    brink_diags_clear(ctx, &d);
    assert_int_equal(d.count, 0);
    brink_ctx_free(ctx);
}

/* FIPS 180-2 appendix B test vectors. */
static void test_sha256_known_answers(void **state)
{
    (void)state;
    char hex[65];
    brink_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    brink_sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    brink_sha256_hex(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char *million = malloc(1000000);
    assert_non_null(million);
    memset(million, 'a', 1000000);
    brink_sha256_hex(million, 1000000, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(million);
}

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(brink_version(), BRINK_VERSION_EXPECTED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strerror_covers_every_code),
        cmocka_unit_test(test_ctx_error_roundtrip),
        cmocka_unit_test(test_allocator_hooks_are_used),
        cmocka_unit_test(test_callbacks),
        cmocka_unit_test(test_diags_format_and_limit),
        cmocka_unit_test(test_sha256_known_answers),
        cmocka_unit_test(test_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
