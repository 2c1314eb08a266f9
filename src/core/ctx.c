/* ctx.c - the context: allocator hooks, last error, callbacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brink/core.h"

struct brink_ctx {
    brink_allocator_t alloc;
    brink_status_t errcode;
    char errmsg[1024];
    brink_progress_fn progress;
    void *progress_ud;
    brink_log_fn log;
    void *log_ud;
    brink_interrupt_fn interrupt;
    void *interrupt_ud;
    size_t input_limit;
};

static void *std_malloc(size_t size, void *ud)
{
    (void)ud;
    return malloc(size);
}

static void *std_realloc(void *ptr, size_t size, void *ud)
{
    (void)ud;
    return realloc(ptr, size);
}

static void std_free(void *ptr, void *ud)
{
    (void)ud;
    free(ptr);
}

brink_ctx_t *brink_ctx_new(const brink_allocator_t *alloc)
{
    brink_allocator_t a = {std_malloc, std_realloc, std_free, NULL};
    if (alloc && alloc->malloc_fn && alloc->realloc_fn && alloc->free_fn)
        a = *alloc;
    brink_ctx_t *ctx = a.malloc_fn(sizeof *ctx, a.ud);
    if (!ctx)
        return NULL;
    memset(ctx, 0, sizeof *ctx);
    ctx->alloc = a;
    ctx->input_limit = BRINK_INPUT_LIMIT_DEFAULT;
    const char *env = getenv("BRINK_MAX_INPUT_MB");
    if (env && *env) {
        char *end = NULL;
        unsigned long long mb = strtoull(env, &end, 10);
        if (*end == '\0' && env[0] >= '0' && env[0] <= '9' && mb >= 1 && mb <= 1048576)
            ctx->input_limit = (size_t)mb << 20;
    }
    return ctx;
}

brink_ctx_t *brink_ctx_new_child(const brink_ctx_t *parent)
{
    if (!parent)
        return NULL;
    brink_ctx_t *ctx = brink_ctx_new(&parent->alloc);
    if (!ctx)
        return NULL;
    ctx->progress = parent->progress;
    ctx->progress_ud = parent->progress_ud;
    ctx->log = parent->log;
    ctx->log_ud = parent->log_ud;
    ctx->interrupt = parent->interrupt;
    ctx->interrupt_ud = parent->interrupt_ud;
    ctx->input_limit = parent->input_limit;
    return ctx;
}

void brink_ctx_free(brink_ctx_t *ctx)
{
    if (!ctx)
        return;
    brink_allocator_t a = ctx->alloc;
    a.free_fn(ctx, a.ud);
}

const char *brink_ctx_errmsg(const brink_ctx_t *ctx)
{
    return ctx ? ctx->errmsg : "";
}

brink_status_t brink_ctx_errcode(const brink_ctx_t *ctx)
{
    return ctx ? ctx->errcode : BRINK_OK;
}

brink_status_t brink_ctx_error(brink_ctx_t *ctx, brink_status_t status, const char *fmt, ...)
{
    if (!ctx)
        return status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
    ctx->errcode = status;
    return status;
}

void brink_ctx_clear_error(brink_ctx_t *ctx)
{
    if (!ctx)
        return;
    ctx->errmsg[0] = '\0';
    ctx->errcode = BRINK_OK;
}

void brink_ctx_set_progress(brink_ctx_t *ctx, brink_progress_fn fn, void *ud)
{
    if (ctx) {
        ctx->progress = fn;
        ctx->progress_ud = ud;
    }
}

void brink_ctx_set_log(brink_ctx_t *ctx, brink_log_fn fn, void *ud)
{
    if (ctx) {
        ctx->log = fn;
        ctx->log_ud = ud;
    }
}

void brink_ctx_set_interrupt(brink_ctx_t *ctx, brink_interrupt_fn fn, void *ud)
{
    if (ctx) {
        ctx->interrupt = fn;
        ctx->interrupt_ud = ud;
    }
}

void brink_ctx_progress(brink_ctx_t *ctx, uint64_t done, uint64_t total)
{
    if (ctx && ctx->progress)
        ctx->progress(done, total, ctx->progress_ud);
}

void brink_ctx_log(brink_ctx_t *ctx, brink_log_level_t level, const char *fmt, ...)
{
    if (!ctx || !ctx->log)
        return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    ctx->log(level, buf, ctx->log_ud);
}

int brink_ctx_interrupted(brink_ctx_t *ctx)
{
    return ctx && ctx->interrupt && ctx->interrupt(ctx->interrupt_ud);
}

void *brink_malloc(brink_ctx_t *ctx, size_t size)
{
    if (size == 0)
        size = 1;
    return ctx->alloc.malloc_fn(size, ctx->alloc.ud);
}

void *brink_calloc(brink_ctx_t *ctx, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = brink_malloc(ctx, count * size);
    if (p)
        memset(p, 0, (count * size) > 0 ? count * size : 1);
    return p;
}

void *brink_realloc(brink_ctx_t *ctx, void *ptr, size_t size)
{
    if (size == 0)
        size = 1;
    return ctx->alloc.realloc_fn(ptr, size, ctx->alloc.ud);
}

void brink_free(brink_ctx_t *ctx, void *ptr)
{
    if (ptr)
        ctx->alloc.free_fn(ptr, ctx->alloc.ud);
}

char *brink_strndup(brink_ctx_t *ctx, const char *s, size_t len)
{
    if (!s)
        return NULL;
    char *p = brink_malloc(ctx, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *brink_strdup(brink_ctx_t *ctx, const char *s)
{
    return s ? brink_strndup(ctx, s, strlen(s)) : NULL;
}

void brink_ctx_set_input_limit(brink_ctx_t *ctx, size_t bytes)
{
    if (ctx && bytes > 0)
        ctx->input_limit = bytes;
}

size_t brink_ctx_input_limit(const brink_ctx_t *ctx)
{
    return ctx ? ctx->input_limit : BRINK_INPUT_LIMIT_DEFAULT;
}
