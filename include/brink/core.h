/*
 * brink/core.h - status codes, the context, allocation and error records.
 *
 * Every fallible libbrink function returns a brink_status_t.  BRINK_OK is 0;
 * every other value is an error whose sentence is available from
 * brink_strerror() and, with the details of the last failure, from
 * brink_ctx_errmsg().  The library never prints, never exits and never
 * aborts on bad input.
 *
 * A brink_ctx_t holds everything that would otherwise be global: allocator
 * hooks, the last error message, and the progress, log and interrupt
 * callbacks.  A context is used by one thread at a time; give each worker
 * thread its own context (brink_ctx_new_child) when running in parallel.
 */
#ifndef BRINK_CORE_H
#define BRINK_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "brink/export.h"
#include "brink/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes.  Stable: new codes are only ever appended. */
typedef enum brink_status {
    BRINK_OK = 0,        /**< success */
    BRINK_ENOMEM,        /**< an allocation failed */
    BRINK_EINVAL,        /**< an argument is invalid (a programming error) */
    BRINK_EIO,           /**< a file could not be read or written */
    BRINK_EPARSE,        /**< input is not well-formed (syntax) */
    BRINK_EVALIDATE,     /**< input is well-formed but violates the schema */
    BRINK_ERANGE,        /**< a number is out of its allowed range */
    BRINK_ENOTFOUND,     /**< a named item does not exist */
    BRINK_EINTERRUPT,    /**< the interrupt callback asked to stop */
    BRINK_ENUMERIC,      /**< a numerical method failed to converge */
    BRINK_EUNSUPPORTED,  /**< the request is valid but not supported */
    BRINK_ELIMIT,        /**< a size or depth limit was exceeded */
    BRINK_EDB,           /**< the result store reported an error */
    BRINK_STATUS_COUNT   /**< number of codes; not a status */
} brink_status_t;

/** Returns a static sentence describing status (never NULL; unknown codes
 *  give "unknown status"). */
BRINK_API const char *brink_strerror(brink_status_t status);

/** Allocator hooks.  All three must be set; ud is passed back unchanged.
 *  realloc(NULL, n) must behave like malloc(n); free(NULL) must do nothing. */
typedef struct brink_allocator {
    void *(*malloc_fn)(size_t size, void *ud);
    void *(*realloc_fn)(void *ptr, size_t size, void *ud);
    void (*free_fn)(void *ptr, void *ud);
    void *ud;
} brink_allocator_t;

/** Log levels for the log callback. */
typedef enum brink_log_level {
    BRINK_LOG_DEBUG = 0,
    BRINK_LOG_INFO,
    BRINK_LOG_WARN
} brink_log_level_t;

/** Progress callback: done out of total units of work (total 0 = unknown). */
typedef void (*brink_progress_fn)(uint64_t done, uint64_t total, void *ud);
/** Log callback: one message without a trailing newline. */
typedef void (*brink_log_fn)(brink_log_level_t level, const char *msg, void *ud);
/** Interrupt callback: return nonzero to stop long work with BRINK_EINTERRUPT. */
typedef int (*brink_interrupt_fn)(void *ud);

typedef struct brink_ctx brink_ctx_t;

/** Creates a context.  alloc may be NULL for the C library's allocator; the
 *  hooks are copied.  Returns NULL only when the first allocation fails.
 *  Free with brink_ctx_free(). */
BRINK_API brink_ctx_t *brink_ctx_new(const brink_allocator_t *alloc);

/** Creates a context with the parent's allocator and callbacks, for use by
 *  another thread.  The callbacks must then be thread-safe.  NULL on
 *  allocation failure. */
BRINK_API brink_ctx_t *brink_ctx_new_child(const brink_ctx_t *parent);

/** Frees a context.  brink_ctx_free(NULL) does nothing. */
BRINK_API void brink_ctx_free(brink_ctx_t *ctx);

/** The last error message set on ctx, or "" if none.  Borrowed: valid until
 *  the next call that fails on ctx. */
BRINK_API const char *brink_ctx_errmsg(const brink_ctx_t *ctx);

/** The status of the last error set on ctx (BRINK_OK if none). */
BRINK_API brink_status_t brink_ctx_errcode(const brink_ctx_t *ctx);

/** Records an error on ctx and returns status, so that a caller can write
 *  `return brink_ctx_error(ctx, BRINK_EIO, "cannot open %s", path);`.
 *  The message is truncated to 1023 bytes. */
BRINK_API brink_status_t brink_ctx_error(brink_ctx_t *ctx, brink_status_t status,
                                         const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/** Clears the last error. */
BRINK_API void brink_ctx_clear_error(brink_ctx_t *ctx);

BRINK_API void brink_ctx_set_progress(brink_ctx_t *ctx, brink_progress_fn fn, void *ud);
BRINK_API void brink_ctx_set_log(brink_ctx_t *ctx, brink_log_fn fn, void *ud);
BRINK_API void brink_ctx_set_interrupt(brink_ctx_t *ctx, brink_interrupt_fn fn, void *ud);

/** Reports progress through the callback, if one is set. */
BRINK_API void brink_ctx_progress(brink_ctx_t *ctx, uint64_t done, uint64_t total);
/** Logs through the callback, if one is set (printf-style). */
BRINK_API void brink_ctx_log(brink_ctx_t *ctx, brink_log_level_t level, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/** Returns nonzero if the interrupt callback asks to stop. */
BRINK_API int brink_ctx_interrupted(brink_ctx_t *ctx);

/** Allocation through the context's hooks.  brink_malloc and brink_calloc
 *  return NULL on failure (and on size 0 overflow for calloc) without
 *  setting an error: the caller decides the message.  brink_free(ctx, NULL)
 *  does nothing. */
BRINK_API void *brink_malloc(brink_ctx_t *ctx, size_t size);
BRINK_API void *brink_calloc(brink_ctx_t *ctx, size_t count, size_t size);
BRINK_API void *brink_realloc(brink_ctx_t *ctx, void *ptr, size_t size);
BRINK_API void brink_free(brink_ctx_t *ctx, void *ptr);
/** Copies a NUL-terminated string (NULL in, NULL out). */
BRINK_API char *brink_strdup(brink_ctx_t *ctx, const char *s);
/** Copies len bytes and appends a NUL. */
BRINK_API char *brink_strndup(brink_ctx_t *ctx, const char *s, size_t len);

/** The input size limit: every reader of brink (scenarios, experiments,
 *  designs, posteriors, targets, forecast inputs, games) refuses an input
 *  larger than this many bytes with BRINK_ELIMIT, also when reading from a
 *  pipe or a device such as /dev/zero.  A new context takes it from the
 *  environment variable BRINK_MAX_INPUT_MB (a whole number of MiB, 1 to
 *  1048576) or else BRINK_INPUT_LIMIT_DEFAULT; a child context inherits it. */
#define BRINK_INPUT_LIMIT_DEFAULT ((size_t)64 << 20)
BRINK_API void brink_ctx_set_input_limit(brink_ctx_t *ctx, size_t bytes);
BRINK_API size_t brink_ctx_input_limit(const brink_ctx_t *ctx);

/** Reads the whole file at path (a regular file, a pipe or a device) into
 *  *buf, NUL-terminated (the NUL not counted in *len); free it with
 *  brink_free.  Stops at the input limit.  Returns BRINK_OK, BRINK_EIO
 *  (cannot open or read: the message names the path and the reason),
 *  BRINK_ELIMIT (larger than the limit: the message names the path, the
 *  limit and BRINK_MAX_INPUT_MB) or BRINK_ENOMEM.  On failure *buf is NULL
 *  and errno says EIO/ENOMEM for callers that report by errno.
 *  Complexity: O(size). */
BRINK_API brink_status_t brink_read_file(brink_ctx_t *ctx, const char *path, char **buf, size_t *len);

/** Parses the n bytes at s as one decimal number, the only number syntax
 *  brink's readers accept: an optional sign, digits with an optional
 *  fraction (or a fraction alone), an optional exponent; nothing else (no
 *  hexadecimal, no inf or nan, no spaces, no NUL bytes).  A value too
 *  small for a double becomes a subnormal or zero (not an error).  Returns
 *  0 and sets *out, -1 on bad syntax, -2 when the value overflows a double. */
BRINK_API int brink_parse_decimal(const char *s, size_t n, double *out);

/** Writes the SHA-256 (FIPS 180-4) of len bytes as 64 lowercase hex digits
 *  and a NUL into hex, for the provenance of result files. */
BRINK_API void brink_sha256_hex(const void *data, size_t len, char hex[65]);

/* ---- located diagnostics (parsers fill these) ---------------------------- */

/** One problem found in an input file.  line and column are 1-based; 0 means
 *  unknown.  path is the field path such as "actors[2].leaders[0].start"
 *  ("" for the whole document). */
typedef struct brink_diag {
    char *file;
    int line;
    int column;
    char *path;
    char *message;
} brink_diag_t;

/** A growable list of diagnostics, owned by the caller. */
typedef struct brink_diags {
    brink_diag_t *items;
    size_t count;
    size_t cap;
    size_t limit; /**< stop recording after this many (0 = 100) */
} brink_diags_t;

/** Initialises an empty list. */
BRINK_API void brink_diags_init(brink_diags_t *d);
/** Frees every item (the list stays usable and empty). */
BRINK_API void brink_diags_clear(brink_ctx_t *ctx, brink_diags_t *d);
/** Appends a diagnostic; the strings are copied.  Returns BRINK_ENOMEM on
 *  allocation failure, BRINK_OK otherwise (also when the limit was reached
 *  and the item was dropped). */
BRINK_API brink_status_t brink_diags_add(brink_ctx_t *ctx, brink_diags_t *d, const char *file,
                                         int line, int column, const char *path,
                                         const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/** Formats item i as "FILE:LINE:COL: error: MESSAGE" into buf (always
 *  NUL-terminated).  Returns the length that was needed. */
BRINK_API size_t brink_diag_format(const brink_diag_t *diag, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif /* BRINK_CORE_H */
