/*
 * brink/export.h - BRINK_API, the mark of every public function.
 *
 * libbrink is compiled with hidden visibility (-fvisibility=hidden): a
 * function is exported from libbrink.so only when its declaration in
 * include/brink/ carries BRINK_API, and every such function is named
 * brink_*.  The build's check-exports test (tests/lib/check_exports.sh)
 * fails when the shared library exports anything else.  Internal
 * functions need no mark: they stay inside the library.
 */
#ifndef BRINK_EXPORT_H
#define BRINK_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define BRINK_API __attribute__((visibility("default")))
#else
#define BRINK_API
#endif

#endif /* BRINK_EXPORT_H */
